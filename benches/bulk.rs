//! Benchmark (run on demand, not a test): bulk erasure end to end. R verified deletion
//! requests (default 10,000) filed through the API by 16 clients, each fanned out over three
//! stores (PostgreSQL, MariaDB, SQLite; N customers each, default 1,000,000, with the advised
//! indexes), timed from the call that files a request until its last store task is done.
//! Steward runs as its release binary, in separate processes, as in production:
//!
//! 1. one process on SQLite;
//! 2. one process on PostgreSQL;
//! 3. two processes on one PostgreSQL database, the requests spread over both.
//!
//! Run it as:
//!
//!     cargo bench --bench bulk                    # N = 1,000,000, R = 10,000
//!     cargo bench --bench bulk -- 100000 2000     # N, then R
//!     STEWARD_BENCH_KEEP=1 cargo bench --bench bulk   # keep the seeded shops
//!     STEWARD_BENCH_ONLY=two cargo bench --bench bulk  # one configuration: sqlite, postgres, two
//!     STEWARD_BENCH_RATE=100 cargo bench --bench bulk   # file at most 100 requests a second
//!
//! Without a rate the clients file as fast as Steward answers them, which is faster than the
//! stores are worked: requests queue, and the percentiles are mostly waiting. With a rate
//! below what Steward sustains, they are one request's own time.
//!
//! Prints requests per second end to end, p50/p95/p99 per request, each process's peak RSS,
//! and checks that every person was erased exactly once (each task done in one attempt, the
//! chosen customers' personal fields null in every store and no one else's).

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use serde_json::{Value, json};
use sqlx::AssertSqlSafe;

mod support;
use support::{PG, create_database, percentile, shop};

const CLIENTS: usize = 16;
const SHOP: &str = "steward_bulk";
const KEY: &str = "6b1f0c3e9a2d4f5b8c7e1a0d3f2b4c6e9a8d7f1e2c3b4a5d6e7f8091a2b3c4d5";

/// Customer `j` of the run's sequence: distinct for every `j < n` (the stride is prime to n).
fn customer(j: u64, n: u64) -> u64 {
    1 + (j * 7919 * 127) % n
}

struct Steward {
    children: Vec<Child>,
    bases: Vec<String>,
    token: String,
    /// Steward's own database, read by the benchmark to time the tasks.
    db: String,
    dir: std::path::PathBuf,
}

impl Drop for Steward {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Steward {
    async fn start(label: &str, on_postgres: bool, processes: usize) -> Steward {
        let tag = label
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        let dir = std::path::Path::new(shop::DIR).join(format!("bulk-{tag}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = if on_postgres {
            let name = format!("steward_bulk_{tag}_{}", std::process::id());
            create_database(&name).await.unwrap();
            format!("{PG}/{name}")
        } else {
            format!("sqlite://{}/steward.db", dir.display())
        };
        let vars: Vec<(&str, String)> = vec![
            ("STEWARD_DATABASE_URL", db.clone()),
            ("STEWARD_SECRET_KEY", KEY.into()),
            ("STEWARD_MAIL_DIR", dir.join("mail").display().to_string()),
            ("STEWARD_STORE_ALLOW", "127.0.0.1, localhost".into()),
            ("STEWARD_SQLITE_STORES_DIR", shop::DIR.into()),
            ("STEWARD_RATE_INTAKE", "off".into()),
            ("STEWARD_RATE_VERIFY", "off".into()),
            ("STEWARD_RATE_LOGIN", "off".into()),
            ("STEWARD_LOG", "warn".into()),
        ];
        // The database made and an API token issued by the library, as `admin create` would.
        let lookup = vars.clone();
        let config = steward::config::Config::from_lookup(move |k| {
            lookup.iter().find(|(v, _)| *v == k).map(|(_, x)| x.clone())
        })
        .unwrap();
        let token = tokio::task::spawn_blocking(move || {
            let svc = steward::cli::services(config).unwrap();
            let mut c = svc.db.get().unwrap();
            shop::admin_token(&mut c)
        })
        .await
        .unwrap();
        let mut children = Vec::new();
        let mut bases = Vec::new();
        for i in 0..processes {
            let port = free_port();
            let log = std::fs::File::create(dir.join(format!("steward-{i}.log"))).unwrap();
            children.push(
                Command::new(env!("CARGO_BIN_EXE_steward"))
                    .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
                    .env("STEWARD_BIND", format!("127.0.0.1:{port}"))
                    .current_dir(&dir)
                    .stdout(Stdio::null())
                    .stderr(log)
                    .spawn()
                    .expect("the steward binary"),
            );
            bases.push(format!("http://127.0.0.1:{port}"));
        }
        let http = reqwest::Client::new();
        for base in &bases {
            let mut up = false;
            for _ in 0..200 {
                if http
                    .get(format!("{base}/healthz"))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
                {
                    up = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert!(
                up,
                "Steward at {base} did not start (see {})",
                dir.display()
            );
        }
        Steward {
            children,
            bases,
            token,
            db,
            dir,
        }
    }

    async fn post(&self, http: &reqwest::Client, process: usize, path: &str, body: Value) -> Value {
        let res = http
            .post(format!("{}{path}", self.bases[process]))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("Steward answers");
        let status = res.status();
        let v: Value = res.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {v}");
        v
    }

    /// Where the time went: each step's count and mean, from every process's `/metrics`.
    async fn print_steps(&self, http: &reqwest::Client) {
        let mut steps: std::collections::BTreeMap<String, (f64, f64)> = Default::default();
        for base in &self.bases {
            let text = http
                .get(format!("{base}/metrics"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            for line in text.lines() {
                let Some(rest) = line.strip_prefix("steward_step_duration_seconds_") else {
                    continue;
                };
                let (kind, rest) = rest.split_once("{step=\"").unwrap_or_default();
                let Some((step, value)) = rest.split_once("\"} ") else {
                    continue;
                };
                let value: f64 = value.parse().unwrap_or(0.0);
                let e = steps.entry(step.to_string()).or_default();
                match kind {
                    "sum" => e.0 += value,
                    "count" => e.1 += value,
                    _ => {}
                }
            }
        }
        let line: Vec<String> = steps
            .iter()
            .filter(|(_, (_, n))| *n > 0.0)
            .map(|(step, (sum, n))| format!("{step} {n:.0}× {:.1} ms", sum / n * 1e3))
            .collect();
        println!("    steps (count × mean): {}", line.join(", "));
    }

    /// Peak resident memory of each process, in MiB.
    fn peak_rss(&self) -> Vec<f64> {
        self.children
            .iter()
            .map(|c| {
                std::fs::read_to_string(format!("/proc/{}/status", c.id()))
                    .unwrap_or_default()
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
                    .unwrap_or(0.0)
                    / 1024.0
            })
            .collect()
    }

    /// One query's single number from Steward's own database.
    async fn count(&self, sql: &str) -> i64 {
        if self.db.starts_with("postgres") {
            let p = sqlx::PgPool::connect(&self.db).await.unwrap();
            let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql.to_string()))
                .fetch_one(&p)
                .await
                .unwrap();
            p.close().await;
            n
        } else {
            let p = sqlx::SqlitePool::connect(&self.db).await.unwrap();
            let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql.to_string()))
                .fetch_one(&p)
                .await
                .unwrap();
            p.close().await;
            n
        }
    }

    /// When each request's last task was done, by request id.
    async fn finished(&self) -> std::collections::HashMap<String, NaiveDateTime> {
        let sql =
            "SELECT request_id, CAST(MAX(completed_at) AS TEXT) FROM tasks GROUP BY request_id";
        let rows: Vec<(String, String)> = if self.db.starts_with("postgres") {
            let p = sqlx::PgPool::connect(&self.db).await.unwrap();
            sqlx::query_as(sql).fetch_all(&p).await.unwrap()
        } else {
            let p = sqlx::SqlitePool::connect(&self.db).await.unwrap();
            sqlx::query_as(sql).fetch_all(&p).await.unwrap()
        };
        rows.into_iter()
            .map(|(id, at)| {
                let at = NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S%.f")
                    .unwrap_or_else(|e| panic!("{at}: {e}"));
                (id, at)
            })
            .collect()
    }
}

/// Customers whose personal fields are null, in one store: all of them, and those among `ids`.
async fn erased(url: &str, ids: &[u64]) -> (i64, i64) {
    let list = ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
    let all = "SELECT COUNT(*) FROM customers WHERE name IS NULL AND phone IS NULL".to_string();
    // No one chosen: a list that matches nothing (an empty IN list is not SQL).
    let chosen = format!(
        "{all} AND id IN ({})",
        if list.is_empty() { "-1" } else { &list }
    );
    macro_rules! both {
        ($pool:expr) => {{
            let p = $pool;
            let a: i64 = sqlx::query_scalar(AssertSqlSafe(all.clone()))
                .fetch_one(&p)
                .await
                .unwrap();
            let c: i64 = sqlx::query_scalar(AssertSqlSafe(chosen.clone()))
                .fetch_one(&p)
                .await
                .unwrap();
            p.close().await;
            (a, c)
        }};
    }
    if url.starts_with("postgres") {
        both!(sqlx::PgPool::connect(url).await.unwrap())
    } else if url.starts_with("mysql") {
        both!(sqlx::MySqlPool::connect(url).await.unwrap())
    } else {
        both!(sqlx::SqlitePool::connect(url).await.unwrap())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

async fn run(
    label: &str,
    on_postgres: bool,
    processes: usize,
    shops: &[String; 3],
    n: u64,
    r: usize,
    rate: Option<f64>,
) {
    let steward = Arc::new(Steward::start(label, on_postgres, processes).await);
    let http = reqwest::Client::new();
    for (name, url) in ["PostgreSQL shop", "MariaDB shop", "SQLite shop"]
        .iter()
        .zip(shops)
    {
        steward
            .post(
                &http,
                0,
                "/api/v1/stores",
                shop::store_body(name, url, true, "bench@staff.example"),
            )
            .await;
    }
    // Earlier runs erased the start of the sequence: this one takes the next R customers.
    let mut before = 0;
    for url in shops {
        before = before.max(erased(url, &[]).await.0);
    }
    let from = before as u64;
    let ids: Vec<u64> = (from..from + r as u64).map(|j| customer(j, n)).collect();
    // Each store's pool opens as the store is saved; give it a moment.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let next = Arc::new(AtomicUsize::new(0));
    let ids = Arc::new(ids);
    let started = Instant::now();
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let (next, ids, steward) = (next.clone(), ids.clone(), steward.clone());
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut filed = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= ids.len() {
                    return filed;
                }
                if let Some(rate) = rate {
                    let due = started + Duration::from_secs_f64(i as f64 / rate);
                    tokio::time::sleep_until(due.into()).await;
                }
                let process = i % steward.bases.len();
                let at = chrono::Utc::now().naive_utc();
                let v = steward
                    .post(
                        &http,
                        process,
                        "/api/v1/requests",
                        json!({"kind": "deletion", "jurisdiction": "gdpr",
                               "email": shop::email(ids[i]), "send_verification": false}),
                    )
                    .await;
                let id = v["id"].as_str().unwrap().to_string();
                steward
                    .post(
                        &http,
                        process,
                        &format!("/api/v1/requests/{id}/verify"),
                        json!({"reason": "bulk clean-up"}),
                    )
                    .await;
                filed.push((id, at));
            }
        }));
    }
    let mut filed = Vec::with_capacity(r);
    for c in clients {
        filed.extend(c.await.unwrap());
    }
    let filing = started.elapsed();
    let total = 3 * r as i64;
    let deadline = Instant::now() + Duration::from_secs(1200);
    loop {
        let failed = steward
            .count("SELECT COUNT(*) FROM tasks WHERE status = 'failed'")
            .await;
        assert_eq!(failed, 0, "a task failed (see {})", steward.dir.display());
        let done = steward
            .count("SELECT COUNT(*) FROM tasks WHERE status = 'done'")
            .await;
        if done == total {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "only {done} of {total} tasks done after 20 minutes"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss = steward.peak_rss();
    steward.print_steps(&http).await;
    let finished = steward.finished().await;
    let first = filed.iter().map(|(_, at)| *at).min().unwrap();
    let last = finished.values().copied().max().unwrap();
    let mut took: Vec<Duration> = filed
        .iter()
        .map(|(id, at)| (finished[id] - *at).to_std().unwrap_or_default())
        .collect();
    took.sort();
    let span = (last - first).to_std().unwrap();
    println!(
        "{label:<28} {r} requests: {:>6.0} req/s end to end ({:.1} s; filing {:.1} s)   p50 {:>7.1} ms   p95 {:>7.1} ms   p99 {:>7.1} ms   max {:>7.1} ms   peak RSS {}",
        r as f64 / span.as_secs_f64(),
        span.as_secs_f64(),
        filing.as_secs_f64(),
        ms(percentile(&took, 0.50)),
        ms(percentile(&took, 0.95)),
        ms(percentile(&took, 0.99)),
        ms(*took.last().unwrap()),
        rss.iter()
            .map(|m| format!("{m:.0} MiB"))
            .collect::<Vec<_>>()
            .join(" + "),
    );

    // Exactly once: every task done in one attempt; in every store the chosen customers
    // erased and nobody else.
    let attempts = steward.count("SELECT SUM(attempts) FROM tasks").await;
    assert_eq!(attempts, total, "every store task ran exactly once");
    for url in shops {
        let (all, chosen) = erased(url, &ids).await;
        assert_eq!(chosen, r as i64, "{url}: every chosen customer erased");
        assert_eq!(all, before + r as i64, "{url}: nobody else erased");
    }
    println!(
        "{label:<28} checked: {total} tasks, each run once; {r} customers erased in each store, no one else"
    );
    let steward = Arc::try_unwrap(steward).ok().expect("clients ended");
    let dir = steward.dir.clone();
    drop(steward);
    let _ = std::fs::remove_dir_all(dir);
}

fn main() {
    let mut numbers = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse::<u64>().ok());
    let n = numbers.next().unwrap_or(1_000_000);
    let r = numbers.next().unwrap_or(10_000) as usize;
    assert!(
        r as u64 <= n / 3,
        "at most N/3 requests: each run erases R new customers"
    );
    let keep = std::env::var("STEWARD_BENCH_KEEP").is_ok_and(|v| v == "1");
    let rate: Option<f64> = std::env::var("STEWARD_BENCH_RATE")
        .ok()
        .map(|v| v.parse().expect("STEWARD_BENCH_RATE: requests per second"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        println!(
            "Steward bulk benchmark: {r} deletion requests over three shops of {n} customers, filed {}",
            rate.map_or("as fast as answered".to_string(), |r| format!("at {r} a second"))
        );
        let db = format!("{SHOP}_{n}");
        let shops = [
            shop::seed_pg(&db, n).await,
            shop::seed_mysql(&db, n).await,
            shop::seed_sqlite(&db, n).await,
        ];
        // STEWARD_BENCH_ONLY=sqlite|postgres|two runs one configuration.
        let only = std::env::var("STEWARD_BENCH_ONLY").unwrap_or_default();
        for (label, on_postgres, processes) in [
            ("SQLite, 1 process", false, 1),
            ("PostgreSQL, 1 process", true, 1),
            ("PostgreSQL, 2 processes", true, 2),
        ] {
            let key = match (on_postgres, processes) {
                (false, _) => "sqlite",
                (true, 1) => "postgres",
                _ => "two",
            };
            if !only.is_empty() && only != key {
                continue;
            }
            run(label, on_postgres, processes, &shops, n, r, rate).await;
        }
        if !keep {
            shop::drop_shops(&db, &db).await;
            println!("dropped the seeded shops (STEWARD_BENCH_KEEP=1 keeps them)");
        }
    });
}
