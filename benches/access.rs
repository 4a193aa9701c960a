//! Benchmark (run on demand, not a test): one access request across three SQL data stores —
//! PostgreSQL, MariaDB and SQLite — each holding N customers (default 1,000,000) with one
//! order each and two items per order, indexed as a real shop would be.
//!
//!     cargo bench --bench access                      # N = 1,000,000
//!     STEWARD_BENCH_CUSTOMERS=100000 cargo bench --bench access
//!
//! The shop databases are seeded once (steward_bench_N on the local PostgreSQL and MariaDB,
//! and /tmp/steward-bench/shop_N.db) and reused by later runs. Prints, per store and in all,
//! the time of the connector's breadth-first access traversal, then the whole pipeline:
//! verification → fan-out → three connector jobs → records stored, as the scheduler runs it.

use std::time::{Duration, Instant};

use sqlx::AssertSqlSafe;
use steward::connectors::Subject;
use steward::connectors::sql::{SqlConnector, SqlUrl};
use steward::domain::dataset::Dataset;

const PG: &str = "postgres://postgres@127.0.0.1:5432";
const MY: &str = "mysql://root@127.0.0.1:3306";

fn dataset() -> Dataset {
    Dataset::parse(
        r#"{"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"id": {"category": "user.id", "erasure": "retain", "basis": "key"},
                    "email": {"category": "user.contact.email", "erasure": "hash"},
                    "name": {"category": "user.name", "erasure": "redact"}}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "tax"},
                    "shipping_address": {"category": "user.contact.address", "erasure": "null"}}},
        {"name": "order_items", "primary_key": "id", "references": {"order_id": "orders.id"},
         "erasure": "delete_row", "fields": {"sku": {"category": "user.behavior.purchase"}}}]}"#,
    )
    .expect("valid map")
}

const TABLES: [&str; 3] = [
    "CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL, name VARCHAR(255), phone VARCHAR(50))",
    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, total NUMERIC(10,2) NOT NULL, shipping_address VARCHAR(255))",
    "CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, sku VARCHAR(50) NOT NULL, qty INTEGER NOT NULL)",
];
/// The expression index behind Steward's case-insensitive email match (PostgreSQL, SQLite).
const CI_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS customers_email_ci ON customers (LOWER(TRIM(email)))";

const INDEXES: [&str; 3] = [
    "CREATE INDEX customers_email ON customers (email)",
    "CREATE INDEX orders_customer ON orders (customer_id)",
    "CREATE INDEX order_items_order ON order_items (order_id)",
];

async fn seed_pg(n: u64) -> String {
    let db = format!("steward_bench_{n}");
    let admin = sqlx::PgPool::connect(&format!("{PG}/test"))
        .await
        .expect("PostgreSQL on 127.0.0.1:5432");
    let exists: Option<(i32,)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT 1 FROM pg_database WHERE datname = '{db}'"
    )))
    .fetch_optional(&admin)
    .await
    .unwrap();
    let url = format!("{PG}/{db}");
    if exists.is_none() {
        let t = Instant::now();
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {db}")))
            .execute(&admin)
            .await
            .unwrap();
        let p = sqlx::PgPool::connect(&url).await.unwrap();
        for s in TABLES {
            sqlx::query(s).execute(&p).await.unwrap();
        }
        let fill = [
            format!(
                "INSERT INTO customers SELECT i, 'customer' || i || '@example.org', 'Customer ' || i, '+1 555 ' || i FROM generate_series(1, {n}) i"
            ),
            format!(
                "INSERT INTO orders SELECT i, i, (i % 10000) / 100.0, i || ' Main Street' FROM generate_series(1, {n}) i"
            ),
            format!(
                "INSERT INTO order_items SELECT i, (i + 1) / 2, 'SKU-' || (i % 977), 1 FROM generate_series(1, {}) i",
                2 * n
            ),
        ];
        for s in fill.iter().map(String::as_str).chain(INDEXES) {
            sqlx::query(AssertSqlSafe(s.to_string()))
                .execute(&p)
                .await
                .unwrap();
        }
        sqlx::query("ANALYZE").execute(&p).await.unwrap();
        println!("seeded PostgreSQL {db} in {:.1?}", t.elapsed());
    }
    // Steward finds a person by LOWER(TRIM(email)); this is the index a store should have for
    // it (the store page says so). Added to databases seeded before it existed, too.
    let p = sqlx::PgPool::connect(&url).await.unwrap();
    sqlx::query(CI_INDEX).execute(&p).await.unwrap();
    sqlx::query("ANALYZE customers").execute(&p).await.unwrap();
    p.close().await;
    url
}

async fn seed_mysql(n: u64) -> String {
    let db = format!("steward_bench_{n}");
    let admin = sqlx::MySqlPool::connect(&format!("{MY}/test"))
        .await
        .expect("MariaDB on 127.0.0.1:3306");
    let exists: Option<(String,)> = sqlx::query_as(AssertSqlSafe(format!("SELECT CAST(schema_name AS CHAR) FROM information_schema.schemata WHERE schema_name = '{db}'"))).fetch_optional(&admin).await.unwrap();
    let url = format!("{MY}/{db}");
    if exists.is_none() {
        let t = Instant::now();
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {db}")))
            .execute(&admin)
            .await
            .unwrap();
        let p = sqlx::MySqlPool::connect(&url).await.unwrap();
        for s in TABLES {
            sqlx::query(s).execute(&p).await.unwrap();
        }
        // MariaDB's sequence engine generates the rows server-side.
        let fill = [
            format!(
                "INSERT INTO customers SELECT seq, CONCAT('customer', seq, '@example.org'), CONCAT('Customer ', seq), CONCAT('+1 555 ', seq) FROM seq_1_to_{n}"
            ),
            format!(
                "INSERT INTO orders SELECT seq, seq, (seq % 10000) / 100.0, CONCAT(seq, ' Main Street') FROM seq_1_to_{n}"
            ),
            format!(
                "INSERT INTO order_items SELECT seq, (seq + 1) DIV 2, CONCAT('SKU-', seq % 977), 1 FROM seq_1_to_{}",
                2 * n
            ),
        ];
        for s in fill.iter().map(String::as_str).chain(INDEXES) {
            sqlx::query(AssertSqlSafe(s.to_string()))
                .execute(&p)
                .await
                .unwrap();
        }
        println!("seeded MariaDB {db} in {:.1?}", t.elapsed());
    }
    url
}

async fn seed_sqlite(n: u64) -> String {
    let dir = std::path::Path::new("/tmp/steward-bench");
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("shop_{n}.db"));
    let url = format!("sqlite://{}", path.display());
    if !path.exists() {
        let t = Instant::now();
        let tmp = dir.join(format!("shop_{n}.db.partial"));
        let _ = std::fs::remove_file(&tmp);
        let o = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&tmp)
            .create_if_missing(true);
        let p = sqlx::SqlitePool::connect_with(o).await.unwrap();
        for s in TABLES {
            sqlx::query(s).execute(&p).await.unwrap();
        }
        let series = |m: u64| {
            format!("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {m})")
        };
        let fill = [
            format!(
                "{} INSERT INTO customers SELECT i, 'customer' || i || '@example.org', 'Customer ' || i, '+1 555 ' || i FROM s",
                series(n)
            ),
            format!(
                "{} INSERT INTO orders SELECT i, i, (i % 10000) / 100.0, i || ' Main Street' FROM s",
                series(n)
            ),
            format!(
                "{} INSERT INTO order_items SELECT i, (i + 1) / 2, 'SKU-' || (i % 977), 1 FROM s",
                series(2 * n)
            ),
        ];
        for s in fill.iter().map(String::as_str).chain(INDEXES) {
            sqlx::query(AssertSqlSafe(s.to_string()))
                .execute(&p)
                .await
                .unwrap();
        }
        p.close().await;
        std::fs::rename(&tmp, &path).unwrap();
        println!("seeded SQLite {} in {:.1?}", path.display(), t.elapsed());
    }
    let p = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query(CI_INDEX).execute(&p).await.unwrap();
    p.close().await;
    url
}

fn summary(label: &str, mut d: Vec<Duration>) {
    d.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    let mean = d.iter().map(|x| ms(*x)).sum::<f64>() / d.len() as f64;
    println!(
        "{label:<34} n={:<3} median {:>8.2} ms   p95 {:>8.2} ms   mean {:>8.2} ms   max {:>8.2} ms",
        d.len(),
        ms(d[d.len() / 2]),
        ms(d[(d.len() * 95 / 100).min(d.len() - 1)]),
        mean,
        ms(d[d.len() - 1])
    );
}

fn main() {
    let n: u64 = std::env::var("STEWARD_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let rounds: usize = std::env::var("STEWARD_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        println!("Steward access benchmark: 3 SQL stores x {n} customers ({n} orders, {} order items each)", 2 * n);
        let urls = [("PostgreSQL", seed_pg(n).await), ("MariaDB", seed_mysql(n).await), ("SQLite", seed_sqlite(n).await)];
        let mut stores = Vec::new();
        for (name, url) in &urls {
            let reach = steward::connectors::reach::Reach::parse("127.0.0.1, localhost")
                .unwrap()
                .with_sqlite(Some("/tmp/steward-bench".into()), Vec::new());
            let c = SqlConnector::connect(&SqlUrl::parse(url).unwrap(), dataset(), b"bench-key".to_vec(), &reach).await.unwrap();
            stores.push((*name, c));
        }
        // Different customers spread over the table, so no single row stays hot in a cache.
        let subject = |i: usize| Subject::by_email(format!("customer{}@example.org", 1 + (i as u64 * 7919 * 127) % n));
        for (_, c) in &stores {
            c.access(&subject(0)).await.unwrap(); // warm-up: connections, statistics
        }
        let mut per_store: Vec<Vec<Duration>> = vec![Vec::new(); stores.len()];
        let mut all = Vec::new();
        for i in 1..=rounds {
            let s = subject(i);
            let start = Instant::now();
            for (k, (_, c)) in stores.iter().enumerate() {
                let t = Instant::now();
                let found = c.access(&s).await.unwrap();
                per_store[k].push(t.elapsed());
                assert_eq!(found.len(), 3 + 2 + 2, "customer row, one order, two items");
            }
            all.push(start.elapsed());
        }
        println!("\nConnector traversal (one subject, breadth-first over customers -> orders -> order_items):");
        for ((name, _), d) in stores.iter().zip(per_store) {
            summary(&format!("  {name}"), d);
        }
        summary("  one access request, 3 stores", all);
        for (_, c) in &stores {
            c.close().await;
        }

        println!("\nWhole pipeline through Steward (SQLite for Steward's own database):");
        let d = pipeline(&urls, n, rounds.min(10)).await;
        summary("  verify -> 3 jobs done -> stored", d);
    });
}

/// Steward itself: verification fans out three tasks, the scheduler's job runner searches the
/// three stores and stores the encrypted records; timed from the verify call until every task
/// is done.
async fn pipeline(urls: &[(&str, String)], n: u64, rounds: usize) -> Vec<Duration> {
    use steward::audit::Actor;
    use steward::domain::{Action, Channel, EmailAddress, Jurisdiction, RequestKind, Role};
    use steward::workflow::requests::{self, ActionInput, Intake};
    use steward::workflow::stores::{Access, Art30, StoreSpec};

    let dir = std::env::temp_dir().join(format!("steward-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let vars = [
        (
            "STEWARD_DATABASE_URL",
            format!("sqlite://{}/steward.db", dir.display()),
        ),
        ("STEWARD_MAIL_DIR", format!("{}/mail", dir.display())),
        // The benchmark's stores are local: loopback databases and the seeded SQLite folder.
        ("STEWARD_STORE_ALLOW", "127.0.0.1, localhost".to_string()),
        (
            "STEWARD_SQLITE_STORES_DIR",
            "/tmp/steward-bench".to_string(),
        ),
    ];
    let config = steward::config::Config::from_lookup(|k| {
        vars.iter().find(|(v, _)| *v == k).map(|(_, x)| x.clone())
    })
    .unwrap();
    let svc = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    let owner = EmailAddress::parse("owner@bench.example").unwrap();
    let db = svc.db.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = db.get().unwrap();
        steward::auth::create_user(
            &mut c,
            &owner,
            "Owner",
            Role::StoreOwner,
            Some("bench owner password"),
            &Actor::System,
        )
        .unwrap();
    })
    .await
    .unwrap();
    for (name, url) in urls {
        let art30 = Art30 {
            purposes: "Orders".into(),
            legal_basis: "Contract".into(),
            data_categories: "Contact".into(),
            subject_categories: "Customers".into(),
            retention: "10 years".into(),
            ..Default::default()
        };
        let spec = StoreSpec {
            name: format!("Shop {name}"),
            owner_email: "owner@bench.example".into(),
            art30,
            access: Access::Sql {
                connection: Some(SqlUrl::parse(url).unwrap()),
                dataset: dataset(),
            },
            active: true,
        };
        steward::workflow::stores::save(&svc, spec, None, Actor::System, true)
            .await
            .unwrap();
    }
    let mut out = Vec::new();
    for i in 0..rounds {
        let email = format!("customer{}@example.org", 1 + (i as u64 * 104_729) % n);
        let intake = Intake {
            kind: RequestKind::Access,
            jurisdiction: Jurisdiction::Gdpr,
            channel: Channel::Email,
            email: EmailAddress::parse(&email).unwrap(),
            name: None,
            text: Default::default(),
            agent: None,
            received_at: None,
            send_verification: false,
            language: steward::domain::Language::En,
        };
        let filed = requests::file(&svc, intake, Actor::System).await.unwrap();
        let start = Instant::now();
        let input = ActionInput {
            reason: Some("bench".into()),
            denial: None,
            confirm_nothing_found: false,
        };
        requests::act(&svc, Actor::System, &filed.id, Action::Verify, input)
            .await
            .unwrap();
        while steward::workflow::tasks::run_due_jobs(&svc).await.unwrap() > 0 {}
        out.push(start.elapsed());
        let tasks = steward::workflow::tasks::of_request(&svc, &filed.id)
            .await
            .unwrap();
        assert!(
            tasks.iter().all(|t| t.status.is_settled()),
            "all three tasks done"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    out
}
