//! Benchmark (run on demand, not a test): data-subject requests filed through the API, as a
//! shop's back end or a bulk import files them: `POST /api/v1/requests` with a staff token,
//! from 16 concurrent clients, each request committed (row, deadlines, timeline, audit row)
//! before its 201. No store is connected, so this is intake alone. Runs on SQLite, then on
//! PostgreSQL when it is reachable on 127.0.0.1:5432.
//!
//!     cargo bench --bench intake
//!     STEWARD_BENCH_REQUESTS=20000 cargo bench --bench intake
//!
//! Prints requests per second and the latency percentiles the clients saw.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::json;
use steward::audit::Actor;
use steward::domain::{EmailAddress, Role};

mod support;
use support::{CLIENTS, PG, create_database, percentile};

/// A server on `database_url` and an administrator's API token.
async fn server(database_url: String, dir: &std::path::Path) -> (String, String) {
    let vars = [
        ("STEWARD_DATABASE_URL", database_url),
        ("STEWARD_MAIL_DIR", format!("{}/mail", dir.display())),
        ("STEWARD_LOG", "warn".to_string()),
    ];
    let config = steward::config::Config::from_lookup(|k| {
        vars.iter().find(|(v, _)| *v == k).map(|(_, x)| x.clone())
    })
    .unwrap();
    let svc = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    let db = svc.db.clone();
    let token = tokio::task::spawn_blocking(move || {
        let mut c = db.get().unwrap();
        let email = EmailAddress::parse("bench@staff.example").unwrap();
        let (user, _) = steward::auth::create_user(
            &mut c,
            &email,
            "Bench",
            Role::PrivacyOfficer,
            Some("orbit kettle velvet 42"),
            &Actor::System,
        )
        .unwrap();
        steward::auth::create_token(&mut c, &user, "bench", 30).unwrap()
    })
    .await
    .unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(steward::web::start(svc, listener, None).unwrap());
    (base, token)
}

async fn run(label: &str, base: &str, token: &str, requests: usize) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (next, base, token, label) = (
            next.clone(),
            base.to_string(),
            token.to_string(),
            label.to_string(),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut took = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    return took;
                }
                let kinds = ["access", "deletion", "opt_out", "portability"];
                let body = json!({
                    "kind": kinds[i % kinds.len()],
                    "jurisdiction": if i % 2 == 0 { "gdpr" } else { "ccpa" },
                    "email": format!("customer-{label}-{i}@example.org"),
                    "name": "Bench Customer",
                    "send_verification": false,
                });
                let t = Instant::now();
                let res = client
                    .post(format!("{base}/api/v1/requests"))
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await
                    .expect("the server answers");
                assert_eq!(
                    res.status(),
                    201,
                    "{}",
                    res.text().await.unwrap_or_default()
                );
                took.push(t.elapsed());
            }
        }));
    }
    let mut all = Vec::with_capacity(requests);
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed();
    all.sort();
    println!(
        "{label:<11} {requests} requests, {CLIENTS} clients: {:>6.0} requests/s   p50 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms",
        requests as f64 / elapsed.as_secs_f64(),
        percentile(&all, 0.50).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.last().unwrap().as_secs_f64() * 1e3,
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let requests: usize = std::env::var("STEWARD_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    let dir = std::env::temp_dir().join(format!("steward-bench-intake-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let (base, token) = server(format!("sqlite://{}/steward.db", dir.display()), &dir).await;
    run("warm-up", &base, &token, 500).await;
    run("SQLite", &base, &token, requests).await;

    let db = format!("steward_bench_intake_{}", std::process::id());
    match create_database(&db).await {
        Ok(()) => {
            let (base, token) = server(format!("{PG}/{db}"), &dir).await;
            run("warm-up", &base, &token, 500).await;
            run("PostgreSQL", &base, &token, requests).await;
        }
        Err(e) => println!("PostgreSQL skipped: {e}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
