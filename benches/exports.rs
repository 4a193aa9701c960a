//! Benchmark (run on demand, not a test): the request log of N requests (default 1,000,000)
//! downloaded as `requests.csv` through the API, streamed. Prints the time to the last byte
//! and the server process's peak RSS during the download (the peak is reset just before it);
//! then the console overview's figures and a search by reference over the same requests.
//!
//!     cargo bench --bench exports
//!     STEWARD_BENCH_REQUESTS=100000 cargo bench --bench exports
//!
//! The database is seeded once into /tmp/steward-bench/requests2_N/ and reused by later runs.

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use steward::audit::Actor;
use steward::db::models::RequestRow;
use steward::domain::{Channel, EmailAddress, Jurisdiction, RequestKind, Role, Status};

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Request `i` of `n`, received in order over two years (as requests arrive over time).
fn row(i: u64, n: u64) -> RequestRow {
    let received =
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days((i * 700 / n) as i64);
    let at = received.and_hms_opt(0, 0, 0).unwrap()
        + Duration::milliseconds((i * 700 * 86_400_000 / n % 86_400_000) as i64);
    let kinds = [
        RequestKind::Access,
        RequestKind::Deletion,
        RequestKind::OptOut,
        RequestKind::Correction,
    ];
    let closed = !i.is_multiple_of(5);
    RequestRow {
        id: format!("00000000-0000-4000-8000-{i:012}").into(),
        public_id: format!("SR-{i:08}").into(),
        kind: kinds[(i % 4) as usize],
        jurisdiction: if i.is_multiple_of(2) {
            Jurisdiction::Ccpa
        } else {
            Jurisdiction::Gdpr
        },
        channel: Channel::Web,
        status: if closed {
            Status::Completed
        } else {
            Status::InProgress
        },
        // Empty: an erased address (no ciphertext to seal or open in a benchmark of the log).
        email_enc: String::new(),
        email_index: format!("bench-{i}"),
        name_enc: None,
        details_enc: None,
        agent_enc: None,
        received_at: at,
        received_date: received,
        acknowledge_by: None,
        due_date: received + Duration::days(30),
        extended_due_date: None,
        extension_reason: None,
        paused_days: 0,
        paused_on: None,
        status_before_pause: None,
        verified_at: Some(at),
        verification_method: Some(steward::domain::kinds::VerificationMethod::EmailLink),
        verify_token_hash: None,
        verify_expires_at: None,
        closed_at: closed.then(|| at + Duration::days((i % 40) as i64)),
        denial_reason: None,
        duplicate_of: None,
        created_by: None,
        created_at: at,
        updated_at: at,
        language: steward::domain::Language::En,
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: u64 = std::env::var("STEWARD_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::path::PathBuf::from(format!("/tmp/steward-bench/requests2_{n}"));
    std::fs::create_dir_all(&dir).unwrap();
    let vars = [
        (
            "STEWARD_DATABASE_URL",
            format!("sqlite://{}/steward.db", dir.display()),
        ),
        ("STEWARD_MAIL_DIR", format!("{}/mail", dir.display())),
        ("STEWARD_SCHEDULER_INTERVAL_MS", "3600000".to_string()),
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
        use steward::db::schema::requests;
        let mut c = db.get().unwrap();
        let have: i64 = requests::table.count().get_result(&mut **c).unwrap();
        if have < n as i64 {
            let t = Instant::now();
            for start in (have as u64..n).step_by(5_000) {
                let batch: Vec<RequestRow> =
                    (start..(start + 5_000).min(n)).map(|i| row(i, n)).collect();
                steward::db::write_tx(&mut c, |c| {
                    let steward::db::DbConn::Sqlite(lite) = c else {
                        unreachable!("seeded on SQLite")
                    };
                    for chunk in batch.chunks(500) {
                        diesel::insert_into(requests::table)
                            .values(chunk.to_vec())
                            .execute(lite)?;
                    }
                    Ok::<_, diesel::result::Error>(())
                })
                .unwrap();
            }
            println!("seeded {n} requests in {:.1} s", t.elapsed().as_secs_f64());
        }
        let email = EmailAddress::parse(&format!(
            "auditor-{}@bench.example",
            uuid::Uuid::new_v4().simple()
        ))
        .unwrap();
        let (user, _) = steward::auth::create_user(
            &mut c,
            &email,
            "Auditor",
            Role::Auditor,
            Some("bench auditor password"),
            &Actor::System,
        )
        .unwrap();
        steward::auth::create_token(&mut c, &user, "bench", 1).unwrap()
    })
    .await
    .unwrap();

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(steward::web::start(svc, listener, None).unwrap());

    for run in 1..=2 {
        // Reset the peak so it measures this download only (Linux: "5" clears VmHWM).
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = rss_kib("VmRSS:");
        let t = Instant::now();
        let mut res = reqwest::Client::new()
            .get(format!("{base}/api/v1/exports/requests.csv"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let (mut bytes, mut lines) = (0usize, 0usize);
        while let Some(chunk) = res.chunk().await.unwrap() {
            bytes += chunk.len();
            lines += chunk.iter().filter(|b| **b == b'\n').count();
        }
        let took = t.elapsed();
        assert_eq!(lines as u64, n + 1, "every request and the header");
        println!(
            "run {run}: requests.csv, {n} rows, {:.1} MB in {:.2} s ({:.0} rows/s); RSS before {} MB, peak during {} MB",
            bytes as f64 / 1e6,
            took.as_secs_f64(),
            n as f64 / took.as_secs_f64(),
            before / 1024,
            rss_kib("VmHWM:") / 1024,
        );
    }

    // The console's overview and a search by reference over the same requests.
    for (what, path) in [
        ("overview", "/api/v1/overview".to_string()),
        (
            "search by reference",
            format!("/api/v1/requests?q=SR-{:08}", n / 2),
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let res = reqwest::Client::new()
                .get(format!("{base}{path}"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{what}");
            res.bytes().await.unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "{what} over {n} requests: {}",
            times
                .iter()
                .map(|t| format!("{t:.0} ms"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
