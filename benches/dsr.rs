//! Benchmark (run on demand, not a test): data-subject requests answered by a real Steward
//! server on loopback, over HTTP, against the `shop` schema
//! customers(id, email unique, name, phone) → orders(customer_id, total, shipping_address)
//! → order_items(order_id, sku, qty) with N customers, 1.5 N orders and 3 N items, seeded
//! with a fixed generator into PostgreSQL, MariaDB and SQLite.
//!
//!     cargo bench --bench dsr                    # N = 1,000,000 (needs PostgreSQL and MariaDB)
//!     cargo bench --bench dsr -- 100000          # N from the command line
//!     STEWARD_BENCH_KEEP=1 cargo bench --bench dsr   # keep the seeded shops for the next run
//!
//! Times, per workload, 20 requests after one warm-up, from the API call that files the
//! request until every store task is done (the staff verify call included): access and
//! erasure on one PostgreSQL store, access on three stores, and access on three stores beside
//! a fourth that never answers. Then public intake (the web form) with 16 clients on SQLite.
//! Prints min/median/p95/max; drops the shops and Steward's data unless asked to keep them.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod support;
use support::shop::{self, DIR};

const ROUNDS: usize = 20;

struct Server {
    base: String,
    token: String,
    http: reqwest::Client,
    dir: std::path::PathBuf,
}

impl Server {
    async fn start() -> Server {
        let dir = std::path::Path::new(DIR).join(format!("server-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let vars: std::collections::HashMap<&str, String> = [
            (
                "STEWARD_DATABASE_URL",
                format!("sqlite://{}/steward.db", dir.display()),
            ),
            ("STEWARD_BIND", format!("127.0.0.1:{port}")),
            ("STEWARD_MAIL_DIR", dir.join("mail").display().to_string()),
            ("STEWARD_STORE_ALLOW", "127.0.0.1, localhost".into()),
            ("STEWARD_SQLITE_STORES_DIR", DIR.into()),
            ("STEWARD_RATE_INTAKE", "off".into()),
            ("STEWARD_RATE_VERIFY", "off".into()),
            ("STEWARD_RATE_LOGIN", "off".into()),
        ]
        .into_iter()
        .collect();
        let config = steward::config::Config::from_lookup(|k| vars.get(k).cloned()).unwrap();
        let svc = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
            .await
            .unwrap();
        tokio::spawn(steward::web::start(svc.clone(), listener, None).unwrap());
        steward::workflow::scheduler::spawn(svc.clone());
        let db = svc.db.clone();
        let token = tokio::task::spawn_blocking(move || {
            let mut c = db.get().unwrap();
            shop::admin_token(&mut c)
        })
        .await
        .unwrap();
        Server {
            base: format!("http://127.0.0.1:{port}"),
            token,
            http: reqwest::Client::new(),
            dir,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let s = res.status().as_u16();
        (s, res.json().await.unwrap_or(Value::Null))
    }

    async fn store(&self, name: &str, url: &str, erase: bool) -> String {
        let body = shop::store_body(name, url, erase, "bench@staff.example");
        let (s, v) = self
            .call(reqwest::Method::POST, "/api/v1/stores", Some(body))
            .await;
        assert_eq!(s, 201, "{name}: {v}");
        v["id"].as_str().unwrap().to_string()
    }

    /// Only these stores take tasks from now on.
    async fn only(&self, active: &[&str], all: &[String]) {
        for id in all {
            let on = active.contains(&id.as_str());
            let (s, v) = self
                .call(
                    reqwest::Method::PATCH,
                    &format!("/api/v1/stores/{id}"),
                    Some(json!({"active": on})),
                )
                .await;
            assert_eq!(s, 200, "{v}");
        }
    }

    /// Files, verifies and waits until the stores named are done; answers the time taken.
    async fn one(&self, kind: &str, email: &str, wait_for: usize) -> Duration {
        let start = Instant::now();
        let (s, r) = self
            .call(
                reqwest::Method::POST,
                "/api/v1/requests",
                Some(json!({"kind": kind, "jurisdiction": "gdpr", "email": email, "send_verification": false})),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        let (s, r) = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/requests/{id}/verify"),
                Some(json!({"reason": "bench"})),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        loop {
            let (_, r) = self
                .call(
                    reqwest::Method::GET,
                    &format!("/api/v1/requests/{id}"),
                    None,
                )
                .await;
            let tasks = r["tasks"].as_array().cloned().unwrap_or_default();
            if let Some(t) = tasks
                .iter()
                .find(|t| t["status"] == "failed" && t["store"] != "Silent")
            {
                panic!("a task failed: {t}");
            }
            if tasks.iter().filter(|t| t["status"] == "done").count() >= wait_for {
                return start.elapsed();
            }
            tokio::time::sleep(Duration::from_micros(500)).await;
        }
    }
}

fn summary(label: &str, mut d: Vec<Duration>) {
    d.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    println!(
        "{label:<44} n={:<3} min {:>7.1} ms  median {:>7.1} ms  p95 {:>7.1} ms  max {:>7.1} ms",
        d.len(),
        ms(d[0]),
        ms(d[d.len() / 2]),
        ms(d[(d.len() * 95 / 100).min(d.len() - 1)]),
        ms(d[d.len() - 1])
    );
}

/// Public intake: `clients` browsers filing through the web form for `secs` seconds.
async fn intake(base: &str, clients: usize, secs: u64) {
    let until = Instant::now() + Duration::from_secs(secs);
    let mut handles = Vec::new();
    for c in 0..clients {
        let base = base.to_string();
        handles.push(tokio::spawn(async move {
            let b = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let page = b
                .get(format!("{base}/privacy/requests/new"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let csrf = page
                .split("name=\"csrf\" value=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap()
                .to_string();
            let mut lat = Vec::new();
            let mut i = 0;
            while Instant::now() < until {
                i += 1;
                let email = format!("intake{c}-{i}@example.org");
                let t = Instant::now();
                let res = b
                    .post(format!("{base}/privacy/requests/new"))
                    .form(&[
                        ("kind", "access"),
                        ("jurisdiction", "gdpr"),
                        ("email", email.as_str()),
                        ("csrf", csrf.as_str()),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 303);
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.unwrap());
    }
    println!(
        "public intake, SQLite, {clients} clients: {} requests in {secs} s = {:.0} requests/s",
        all.len(),
        all.len() as f64 / secs as f64
    );
    all.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    println!(
        "  latency  median {:.1} ms  p95 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 95 / 100]),
        ms(all[all.len() * 99 / 100]),
        ms(all[all.len() - 1])
    );
}

fn main() {
    let n: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let keep = std::env::var("STEWARD_BENCH_KEEP").is_ok_and(|v| v == "1");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        println!(
            "Steward DSR benchmark: shop with {n} customers, {} orders, {} items per store",
            n * 3 / 2,
            n * 3
        );
        let db = format!("steward_dsr_{n}");
        let (pg, my, lite) = (
            shop::seed_pg(&db, n).await,
            shop::seed_mysql(&db, n).await,
            shop::seed_sqlite(&format!("dsr_{n}"), n).await,
        );
        let server = Server::start().await;
        let pg_access = server.store("PG", &pg, false).await;
        let pg_erase = server.store("PG erase", &pg, true).await;
        let my_access = server.store("Maria", &my, false).await;
        let lite_access = server.store("Lite", &lite, false).await;
        let all = vec![
            pg_access.clone(),
            pg_erase.clone(),
            my_access.clone(),
            lite_access.clone(),
        ];
        // Different customers spread over the table, none twice.
        let mut next = 0u64;
        let mut customer = || {
            next += 1;
            format!("customer{}@example.org", 1 + (next * 7919 * 127) % n)
        };
        let mut silent = None;
        let three = vec![pg_access.as_str(), my_access.as_str(), lite_access.as_str()];
        let workloads: [(&str, &str, Vec<&str>, usize); 4] = [
            (
                "access, 1 PostgreSQL store",
                "access",
                vec![pg_access.as_str()],
                1,
            ),
            (
                "erasure (null 3 fields), 1 PostgreSQL store",
                "deletion",
                vec![pg_erase.as_str()],
                1,
            ),
            (
                "access, 3 stores (PG, MariaDB, SQLite)",
                "access",
                three.clone(),
                3,
            ),
            (
                "access, 3 stores + 1 that never answers",
                "access",
                three,
                3,
            ),
        ];
        for (label, kind, active, wait) in workloads {
            server.only(&active, &all).await;
            if label.contains("never answers") {
                // Registered (and so checked) while the address answers; silent from then on.
                silent = Some(
                    server
                        .store_unchecked("Silent", &format!("steward_dsr_{n}"))
                        .await,
                );
            }
            server.one(kind, &customer(), wait).await; // warm-up: pools, schema, statistics
            let mut d = Vec::new();
            for _ in 0..ROUNDS {
                d.push(server.one(kind, &customer(), wait).await);
            }
            summary(label, d);
        }
        server.only(&[], &all).await;
        if let Some(id) = silent {
            server.deactivate(&id).await;
        }
        intake(&server.base, 16, 10).await;

        let _ = std::fs::remove_dir_all(&server.dir);
        if !keep {
            shop::drop_shops(&db, &format!("dsr_{n}")).await;
            println!("dropped the seeded shops (STEWARD_BENCH_KEEP=1 keeps them)");
        }
    });
}

impl Server {
    /// A store that never answers cannot pass registration's check: it is registered while a
    /// real database answers at that address, then the address goes silent.
    async fn store_unchecked(&self, name: &str, db: &str) -> String {
        let relay = Relay::start().await;
        let id = self.store(name, &relay.url(db), false).await;
        // Its pool is opened ahead of jobs once it is saved: let that happen, then cut it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        relay.silence();
        id
    }

    async fn deactivate(&self, id: &str) {
        let (s, v) = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/stores/{id}/deactivate"),
                Some(json!({})),
            )
            .await;
        assert_eq!(s, 200, "{v}");
    }
}

/// A loopback relay to PostgreSQL's `test` database that can go silent: the connections it
/// carries are cut and new ones never answer.
struct Relay {
    port: u16,
    silent: std::sync::Arc<std::sync::atomic::AtomicBool>,
    carried: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Relay {
    async fn start() -> Relay {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        let silent = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let carried = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (s, c) = (silent.clone(), carried.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = l.accept().await {
                let quiet = s.load(std::sync::atomic::Ordering::SeqCst);
                let copy = tokio::spawn(async move {
                    if quiet {
                        tokio::time::sleep(Duration::from_secs(3600)).await;
                        return;
                    }
                    if let Ok(mut out) = tokio::net::TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                c.lock().unwrap().push(copy.abort_handle());
            }
        });
        Relay {
            port,
            silent,
            carried,
        }
    }

    fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    fn silence(&self) {
        self.silent.store(true, std::sync::atomic::Ordering::SeqCst);
        for c in self.carried.lock().unwrap().drain(..) {
            c.abort();
        }
    }
}
