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

use serde_json::json;
use steward::audit::Actor;
use steward::domain::{EmailAddress, Role};

mod support;
use support::{PG, create_database, load};

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
    let (url, token, label_) = (
        format!("{base}/api/v1/requests"),
        token.to_string(),
        label.to_string(),
    );
    load(label, "requests", requests, move |client, i| {
        let kinds = ["access", "deletion", "opt_out", "portability"];
        let body = json!({
            "kind": kinds[i % kinds.len()],
            "jurisdiction": if i % 2 == 0 { "gdpr" } else { "ccpa" },
            "email": format!("customer-{label_}-{i}@example.org"),
            "name": "Bench Customer",
            "send_verification": false,
        });
        client.post(&url).bearer_auth(&token).json(&body)
    })
    .await;
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
