//! The benchmarks' shop: customers(id, email unique, name, phone) → orders(customer_id, total,
//! shipping_address) → order_items(order_id, sku, qty) with N customers, 1.5 N orders and
//! 3 N items, made server-side by a fixed generator in PostgreSQL, MariaDB and SQLite, with
//! the indexes Steward's store page advises. Seeded once per name and size, then reused.

use std::time::Instant;

use serde_json::{Value, json};
use sqlx::AssertSqlSafe;

pub const MY: &str = "mysql://root@127.0.0.1:3306";
pub const DIR: &str = "/tmp/steward-bench";

const TABLES: [&str; 3] = [
    "CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE, name VARCHAR(255), phone VARCHAR(50))",
    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, total NUMERIC(10,2) NOT NULL, shipping_address VARCHAR(255))",
    "CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, sku VARCHAR(50) NOT NULL, qty INTEGER NOT NULL)",
];
const INDEXES: [&str; 2] = [
    "CREATE INDEX orders_customer ON orders (customer_id)",
    "CREATE INDEX order_items_order ON order_items (order_id)",
];
/// The index the store page advises for Steward's case-insensitive look-up.
const CI_INDEX: &str = "CREATE INDEX customers_email_ci ON customers (LOWER(TRIM(email)))";

/// Runs one statement on any of the three pools, naming it if it fails.
macro_rules! run {
    ($pool:expr, $sql:expr) => {{
        let sql: &str = $sql;
        sqlx::query(AssertSqlSafe(sql.to_string()))
            .execute($pool)
            .await
            .unwrap_or_else(|err| panic!("{sql}: {err}"));
    }};
}

/// The email address of customer `i`.
pub fn email(i: u64) -> String {
    format!("customer{i}@example.org")
}

/// Rows as the generator makes them, for a series `i` (orders: customer `(i - 1) % n + 1`, so
/// half the customers have two orders; items: two per order).
fn fills(n: u64, series: impl Fn(u64) -> (String, String), concat: bool) -> [String; 3] {
    let cat = |parts: &[&str]| {
        if concat {
            format!("CONCAT({})", parts.join(", "))
        } else {
            parts.join(" || ")
        }
    };
    let (c_with, c_from) = series(n);
    let (o_with, o_from) = series(n * 3 / 2);
    let (i_with, i_from) = series(n * 3);
    [
        format!(
            "{c_with} INSERT INTO customers SELECT i, {}, {}, {} FROM {c_from}",
            cat(&["'customer'", "i", "'@example.org'"]),
            cat(&["'Customer '", "i"]),
            cat(&["'+1 555 '", "i"])
        ),
        format!(
            "{o_with} INSERT INTO orders SELECT i, (i - 1) % {n} + 1, (i % 10000) / 100.0, {} FROM {o_from}",
            cat(&["i", "' Main Street'"])
        ),
        format!(
            "{i_with} INSERT INTO order_items SELECT i, (i + 1) / 2, {}, 1 FROM {i_from}",
            cat(&["'SKU-'", "i % 977"])
        ),
    ]
}

/// Every statement that makes and fills the shop, for MariaDB (`CONCAT`, `DIV`, no
/// expression index) or for PostgreSQL and SQLite (`||`, `/`, the case-insensitive index,
/// `ANALYZE`).
fn script(n: u64, series: impl Fn(u64) -> (String, String), mariadb: bool) -> Vec<String> {
    let mut all: Vec<String> = TABLES.iter().map(|s| s.to_string()).collect();
    all.extend(fills(n, series, mariadb));
    all.extend(INDEXES.iter().map(|s| s.to_string()));
    if mariadb {
        all.iter_mut()
            .for_each(|s| *s = s.replace("(i + 1) / 2", "(i + 1) DIV 2"));
    } else {
        all.extend([CI_INDEX.to_string(), "ANALYZE".into()]);
    }
    all
}

/// The shop `db` (e.g. `steward_dsr_1000000`) in PostgreSQL, seeded if missing; its URL.
pub async fn seed_pg(db: &str, n: u64) -> String {
    let admin = sqlx::PgPool::connect(&format!("{}/test", super::PG))
        .await
        .expect("PostgreSQL on 127.0.0.1:5432");
    let exists: Option<(i32,)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT 1 FROM pg_database WHERE datname = '{db}'"
    )))
    .fetch_optional(&admin)
    .await
    .unwrap();
    let url = format!("{}/{db}", super::PG);
    if exists.is_none() {
        let t = Instant::now();
        run!(&admin, &format!("CREATE DATABASE {db}"));
        let p = sqlx::PgPool::connect(&url).await.unwrap();
        let series = |m: u64| (String::new(), format!("generate_series(1, {m}) i"));
        for s in script(n, series, false) {
            run!(&p, &s);
        }
        p.close().await;
        println!("seeded PostgreSQL {db} in {:.1?}", t.elapsed());
    }
    admin.close().await;
    url
}

/// The shop `db` in MariaDB, seeded if missing; its URL.
pub async fn seed_mysql(db: &str, n: u64) -> String {
    let admin = sqlx::MySqlPool::connect(&format!("{MY}/test"))
        .await
        .expect("MariaDB on 127.0.0.1:3306");
    let exists: Option<(String,)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT CAST(schema_name AS CHAR) FROM information_schema.schemata WHERE schema_name = '{db}'"
    )))
    .fetch_optional(&admin)
    .await
    .unwrap();
    let url = format!("{MY}/{db}");
    if exists.is_none() {
        let t = Instant::now();
        run!(&admin, &format!("CREATE DATABASE {db}"));
        let p = sqlx::MySqlPool::connect(&url).await.unwrap();
        // MariaDB's sequence engine makes the series server-side.
        let series = |m: u64| {
            (
                String::new(),
                format!("(SELECT seq AS i FROM seq_1_to_{m}) s"),
            )
        };
        for s in script(n, series, true) {
            run!(&p, &s);
        }
        p.close().await;
        println!("seeded MariaDB {db} in {:.1?}", t.elapsed());
    }
    admin.close().await;
    url
}

/// The shop `name` as a SQLite file under [`DIR`], seeded if missing; its URL.
pub async fn seed_sqlite(name: &str, n: u64) -> String {
    std::fs::create_dir_all(DIR).unwrap();
    let path = std::path::Path::new(DIR).join(format!("{name}.db"));
    if !path.exists() {
        let t = Instant::now();
        let tmp = path.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        let o = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&tmp)
            .create_if_missing(true);
        let p = sqlx::SqlitePool::connect_with(o).await.unwrap();
        let series = |m: u64| {
            (
                format!(
                    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {m})"
                ),
                "s".to_string(),
            )
        };
        for s in script(n, series, false) {
            run!(&p, &s);
        }
        p.close().await;
        std::fs::rename(&tmp, &path).unwrap();
        println!("seeded SQLite {} in {:.1?}", path.display(), t.elapsed());
    }
    format!("sqlite://{}", path.display())
}

/// Drops the shop `db` from PostgreSQL and MariaDB and its SQLite file `name`.
pub async fn drop_shops(db: &str, name: &str) {
    let admin = sqlx::PgPool::connect(&format!("{}/test", super::PG))
        .await
        .unwrap();
    let _ = sqlx::query(AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {db} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
    let admin = sqlx::MySqlPool::connect(&format!("{MY}/test"))
        .await
        .unwrap();
    let _ = sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {db}")))
        .execute(&admin)
        .await;
    let _ = std::fs::remove_file(std::path::Path::new(DIR).join(format!("{name}.db")));
}

/// The shop's dataset map: read-only, or erasing (nulls name, phone and shipping address).
pub fn dataset(erase: bool) -> Value {
    let null = |c: &str| json!({"category": c, "erasure": "null"});
    let keep = |c: &str| json!({"category": c});
    json!({"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"name": if erase { null("user.name") } else { keep("user.name") },
                    "phone": if erase { null("user.contact.phone") } else { keep("user.contact.phone") }}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "tax"},
                    "shipping_address": if erase { null("user.contact.address") } else { keep("user.contact.address") }}},
        {"name": "order_items", "primary_key": "id", "references": {"order_id": "orders.id"},
         "fields": {"sku": {"category": "user.behavior.purchase"}}}]})
}

/// An administrator `bench@staff.example` and an API token of theirs, in Steward's database.
pub fn admin_token(c: &mut steward::db::DbConn) -> String {
    let email = steward::domain::EmailAddress::parse("bench@staff.example").unwrap();
    let (u, _) = steward::auth::create_user(
        c,
        &email,
        "Bench",
        steward::domain::Role::Admin,
        Some("orbit kettle velvet 42"),
        &steward::audit::Actor::System,
    )
    .unwrap();
    steward::auth::create_token(c, &u, "bench", 1).unwrap()
}

/// The body that registers the shop as a SQL store.
pub fn store_body(name: &str, url: &str, erase: bool, owner: &str) -> Value {
    json!({"name": name, "kind": "sql", "owner_email": owner,
        "description": "shop", "purposes": "orders", "legal_basis": "contract",
        "data_categories": "contact", "subject_categories": "customers", "recipients": "none",
        "transfers": "none", "retention": "10 years", "security_measures": "access control",
        "connection": url, "dataset": dataset(erase)})
}
