//! Benchmark (run on demand, not a test): a store owner's largest answer, a CSV of 20,000
//! records × 5 columns (100,000 values, the cap), parsed as the console parses it and stored
//! as the task's answer (each value sealed, then inserted). Prints the time of each step and
//! the process's peak RSS, on SQLite and, when it answers, PostgreSQL.
//!
//!     cargo bench --bench uploads

use std::time::Instant;

use steward::audit::Actor;
use steward::domain::{Action, Channel, EmailAddress, Jurisdiction, RequestKind, Role};
use steward::workflow::requests::{self, ActionInput, Intake, SubjectText};
use steward::workflow::stores::{self, Access, Art30, StoreSpec};
use steward::workflow::tasks::{self, Settle};

const RECORDS: usize = 20_000;

fn rss_mib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0)
        / 1024
}

fn csv() -> Vec<u8> {
    let mut s = String::from("order,date,item,amount,address\n");
    for i in 0..RECORDS {
        s.push_str(&format!(
            "{i},2025-{:02}-{:02},Blue teapot no. {i},{}.50,{} High Street\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 90 + 10,
            i % 300 + 1
        ));
    }
    s.into_bytes()
}

async fn run(label: &str, database_url: String, dir: &std::path::Path) {
    let vars = [
        ("STEWARD_DATABASE_URL", database_url),
        ("STEWARD_MAIL_DIR", format!("{}/mail", dir.display())),
        ("STEWARD_SCHEDULER_INTERVAL_MS", "3600000".to_string()),
        (
            "STEWARD_SECRET_KEY",
            "ab".repeat(32), // a fixed key: the database is thrown away
        ),
    ];
    let config = steward::config::Config::from_lookup(|k| {
        vars.iter().find(|(v, _)| *v == k).map(|(_, x)| x.clone())
    })
    .unwrap();
    let svc = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    let owner = format!("owner-{}@bench.example", uuid::Uuid::new_v4().simple());
    let email = EmailAddress::parse(&owner).unwrap();
    let db = svc.db.clone();
    tokio::task::spawn_blocking(move || {
        steward::auth::create_user(
            &mut db.get().unwrap(),
            &email,
            "Owner",
            Role::StoreOwner,
            Some("bench owner password"),
            &Actor::System,
        )
        .unwrap()
    })
    .await
    .unwrap();
    let art30 = Art30 {
        purposes: "Orders".into(),
        legal_basis: "Contract".into(),
        data_categories: "Orders".into(),
        subject_categories: "Customers".into(),
        retention: "10 years".into(),
        ..Default::default()
    };
    stores::save(
        &svc,
        StoreSpec {
            name: format!("Order archive {}", uuid::Uuid::new_v4().simple()),
            owner_email: owner,
            art30,
            access: Access::Manual,
            active: true,
        },
        None,
        Actor::System,
        true,
    )
    .await
    .unwrap();
    let filed = requests::file(
        &svc,
        Intake {
            kind: RequestKind::Access,
            jurisdiction: Jurisdiction::Gdpr,
            channel: Channel::Email,
            email: EmailAddress::parse("ada@example.org").unwrap(),
            name: None,
            text: SubjectText::default(),
            agent: None,
            received_at: None,
            send_verification: false,
            language: steward::domain::Language::En,
        },
        Actor::System,
    )
    .await
    .unwrap();
    requests::act(
        &svc,
        Actor::System,
        &filed.id,
        Action::Verify,
        ActionInput {
            reason: Some("bench".into()),
            denial: None,
            confirm_nothing_found: false,
        },
    )
    .await
    .unwrap();
    let task = tasks::of_request(&svc, &filed.id).await.unwrap()[0]
        .id
        .clone();

    let bytes = csv();
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = rss_mib("VmRSS:");
    let t = Instant::now();
    let values = steward::connectors::parse_upload(&bytes, "orders").unwrap();
    let parsed = t.elapsed();
    let t = Instant::now();
    tasks::settle(&svc, Actor::System, None, &task, Settle::Records(values))
        .await
        .unwrap();
    let stored = t.elapsed();
    println!(
        "{label}: {:.1} MB CSV, {RECORDS} records, {} values: parsed in {:.2} s, sealed and stored in {:.2} s ({:.0} values/s); RSS before {before} MB, peak {} MB",
        bytes.len() as f64 / 1e6,
        RECORDS * 5,
        parsed.as_secs_f64(),
        stored.as_secs_f64(),
        (RECORDS * 5) as f64 / stored.as_secs_f64(),
        rss_mib("VmHWM:")
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let dir = std::env::temp_dir().join(format!(
        "steward-bench-uploads-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    run(
        "SQLite",
        format!("sqlite://{}/steward.db", dir.display()),
        &dir,
    )
    .await;
    let pg = std::env::var("STEWARD_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let name = format!("steward_bench_{}", uuid::Uuid::new_v4().simple());
    let admin = pg.clone();
    let created = tokio::task::spawn_blocking({
        let name = name.clone();
        move || {
            use diesel::Connection;
            use diesel::RunQueryDsl;
            let mut c = diesel::PgConnection::establish(&admin).ok()?;
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut c)
                .ok()
        }
    })
    .await
    .unwrap();
    if created.is_some() {
        let url = format!("{}/{name}", pg.rsplit_once('/').unwrap().0);
        run("PostgreSQL", url, &dir).await;
    } else {
        println!("PostgreSQL skipped: {pg} does not answer");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
