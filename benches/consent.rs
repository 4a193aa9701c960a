//! Benchmark (run on demand, not a test): consent writes through the public API, as a
//! website's banner or back end sends them: `POST /api/v1/consent` with a site key, from 16
//! concurrent clients, each write committed before its 201. Runs on SQLite, then on
//! PostgreSQL when it is reachable on 127.0.0.1:5432.
//!
//!     cargo bench --bench consent
//!     STEWARD_BENCH_WRITES=50000 cargo bench --bench consent
//!
//! Then the banner's own calls, as a page view makes them: `GET /api/v1/consent/banner` (the
//! one call a page view costs) and `POST /api/v1/consent/banner` with both purposes' choices.
//!
//! Prints writes per second and the latency percentiles the clients saw. The built-in client
//! (reqwest, in this process) shares the machine's cores with the server; when `wrk` is
//! installed (Debian's package), the same load is also sent by wrk, a far lighter client,
//! 16 connections for 10 s, each request a new subject.

use serde_json::json;
use steward::audit::Actor;

mod support;
use support::{PG, create_database, load};

async fn server(database_url: String, dir: &std::path::Path) -> (String, String) {
    let vars = [
        ("STEWARD_DATABASE_URL", database_url),
        ("STEWARD_MAIL_DIR", format!("{}/mail", dir.display())),
        ("STEWARD_RATE_CONSENT", "off".to_string()),
        ("STEWARD_LOG", "warn".to_string()),
    ];
    let config = steward::config::Config::from_lookup(|k| {
        vars.iter().find(|(v, _)| *v == k).map(|(_, x)| x.clone())
    })
    .unwrap();
    let svc = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    for (key, sale) in [("analytics", false), ("ads", true)] {
        let p = steward::workflow::consent::NewPurpose {
            key: steward::domain::consent::PurposeKey::parse(key).unwrap(),
            name: key.into(),
            description: String::new(),
            sale_or_sharing: sale,
            necessary: false,
            notice_text: format!("The {key} notice."),
        };
        steward::workflow::consent::create_purpose(&svc, p, Actor::System)
            .await
            .unwrap();
    }
    // Each purpose names a service and its cookies, as a real shop's do: the banner reads
    // them on every call. (BENCH-SERVICES: left out when measuring a Steward before them.)
    for key in ["analytics", "ads"] {
        let items = ["_x", "_x_*"]
            .map(|n| {
                steward::domain::consent::services::StorageItem::new(
                    n,
                    steward::domain::consent::services::StorageKind::Cookie,
                    "13 months",
                    false,
                )
                .unwrap()
            })
            .to_vec();
        steward::workflow::consent::services::add(
            &svc,
            steward::domain::consent::PurposeKey::parse(key).unwrap(),
            steward::domain::consent::services::ServiceFields::new("Tag", "Vendor Ltd", "")
                .unwrap(),
            items,
            Actor::System,
        )
        .await
        .unwrap();
    } // BENCH-SERVICES end
    let (_, key) = steward::workflow::consent::site_keys::create(
        &svc,
        "Bench".into(),
        vec!["https://shop.example".into()],
        Actor::System,
    )
    .await
    .unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(steward::web::start(svc, listener, None).unwrap());
    (base, key)
}

async fn run(label: &str, base: &str, key: &str, writes: usize) {
    let (url, key) = (format!("{base}/api/v1/consent"), key.to_string());
    load(label, "writes", writes, move |client, i| {
        let body = json!({
            // A banner's visitor id: 32 lowercase hex digits.
            "subject": format!("{:032x}", i % (writes / 2).max(1)),
            "purpose": if i % 2 == 0 { "analytics" } else { "ads" },
            "status": if i % 3 == 0 { "withdrawn" } else { "granted" },
            "page_url": "https://shop.example/",
        });
        client
            .post(&url)
            .header("X-Steward-Site-Key", &key)
            .header("Origin", "https://shop.example")
            .json(&body)
    })
    .await;
}

/// The banner's read (one a page view) and write (a visitor's click: every purpose at once).
async fn banner(label: &str, base: &str, key: &str, calls: usize) {
    let (url, k) = (format!("{base}/api/v1/consent/banner"), key.to_string());
    load(
        &format!("{label} banner writes"),
        "writes",
        calls,
        move |client, i| {
            let status = |n: usize| {
                if n.is_multiple_of(3) {
                    "withdrawn"
                } else {
                    "granted"
                }
            };
            let body = json!({
                "visitor": format!("{:032x}", 1_000_000 + i),
                "choices": [
                    {"purpose": "analytics", "status": status(i)},
                    {"purpose": "ads", "status": status(i + 1)},
                ],
                "page_url": "https://shop.example/",
                "banner_version": "bench",
            });
            client
                .post(&url)
                .header("X-Steward-Site-Key", &k)
                .header("Origin", "https://shop.example")
                .json(&body)
        },
    )
    .await;
    let (url, k) = (format!("{base}/api/v1/consent/banner"), key.to_string());
    load(
        &format!("{label} banner reads"),
        "reads",
        calls,
        move |client, i| {
            client
                .get(format!("{url}?visitor={:032x}", 1_000_000 + i))
                .header("X-Steward-Site-Key", &k)
                .header("Origin", "https://shop.example")
        },
    )
    .await;
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let writes: usize = std::env::var("STEWARD_BENCH_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = std::env::temp_dir().join(format!("steward-bench-consent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let (base, key) = server(format!("sqlite://{}/steward.db", dir.display()), &dir).await;
    run("warm-up", &base, &key, 2_000).await;
    run("SQLite", &base, &key, writes).await;
    banner("SQLite", &base, &key, writes).await;
    wrk("SQLite", &base, &key, &dir);

    let db = format!("steward_bench_consent_{}", std::process::id());
    match create_database(&db).await {
        Ok(()) => {
            let (base, key) = server(format!("{PG}/{db}"), &dir).await;
            run("warm-up", &base, &key, 2_000).await;
            run("PostgreSQL", &base, &key, writes).await;
            banner("PostgreSQL", &base, &key, writes).await;
            wrk("PostgreSQL", &base, &key, &dir);
        }
        Err(e) => println!("PostgreSQL skipped: {e}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same writes from wrk (16 connections, 2 threads, 10 s), when it is installed: the
/// API's one-purpose record, then the banner's write of both purposes.
fn wrk(label: &str, base: &str, key: &str, dir: &std::path::Path) {
    let record = r#"string.format('{"subject":"%08x%08x0000000000000000","purpose":"%s","status":"granted","page_url":"https://shop.example/"}', math.random(1, 2000000000), n, purpose)"#;
    let banner = r#"string.format('{"visitor":"%08x%08x0000000000000000","choices":[{"purpose":"analytics","status":"granted"},{"purpose":"ads","status":"withdrawn"}],"page_url":"https://shop.example/","banner_version":"bench"}', math.random(1, 2000000000), n)"#;
    for (what, path, body) in [
        ("records", "/api/v1/consent", record),
        ("banner writes", "/api/v1/consent/banner", banner),
    ] {
        wrk_one(&format!("{label} {what}"), base, key, dir, path, body);
    }
}

fn wrk_one(label: &str, base: &str, key: &str, dir: &std::path::Path, path: &str, body: &str) {
    let script = dir.join("consent.lua");
    std::fs::write(
        &script,
        format!(
            r#"local n = 0
request = function()
  n = n + 1
  local purpose = (n % 2 == 0) and "analytics" or "ads"
  local body = {body}
  return wrk.format("POST", "{path}", {{["Content-Type"] = "application/json", ["X-Steward-Site-Key"] = "{key}", ["Origin"] = "https://shop.example"}}, body)
end
"#
        ),
    )
    .unwrap();
    let out = match std::process::Command::new("wrk")
        .args(["-t2", "-c16", "-d10s", "--latency", "-s"])
        .arg(&script)
        .arg(format!("{base}{path}"))
        .output()
    {
        Ok(o) => String::from_utf8_lossy(&o.stdout).to_string(),
        Err(_) => {
            println!(
                "{label:<11} (wrk not installed: apt-get install wrk for the light-client figures)"
            );
            return;
        }
    };
    let line = |prefix: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let failed = line("Non-2xx");
    println!(
        "{label:<11} wrk 16 conns 10 s: {} | p50 {} | p99 {}{}",
        line("Requests/sec"),
        line("50%").trim_start_matches("50% "),
        line("99%").trim_start_matches("99% "),
        if failed.is_empty() {
            String::new()
        } else {
            format!(" | {failed} (FAILED)")
        }
    );
}
