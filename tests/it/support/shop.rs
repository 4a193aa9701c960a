//! A shop's own databases, as data stores for Steward to search and erase: the same small
//! schema and data on real PostgreSQL, MariaDB and SQLite, each in a fresh database.

use std::path::Path;

use sqlx::{AssertSqlSafe, Row};

use super::{postgres_admin_url, reachable_or_skip};

/// The MariaDB server tests use; override with STEWARD_TEST_MYSQL_URL.
pub fn mysql_admin_url() -> String {
    std::env::var("STEWARD_TEST_MYSQL_URL")
        .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".into())
}

/// Whether MariaDB answers; CI sets STEWARD_TEST_REQUIRE_MYSQL=1 to fail instead of skip.
pub async fn mysql_available() -> bool {
    let url = mysql_admin_url();
    let ok = sqlx::mysql::MySqlPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .is_ok();
    let suite = "MariaDB data-store suite";
    reachable_or_skip(ok, "MariaDB", &url, "STEWARD_TEST_REQUIRE_MYSQL", suite)
}

/// Whether PostgreSQL answers for the data-store suites; CI sets
/// STEWARD_TEST_REQUIRE_POSTGRES=1 to fail instead of skip.
pub async fn postgres_available() -> bool {
    let url = postgres_admin_url();
    let ok = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .is_ok();
    let suite = "PostgreSQL data-store suite";
    reachable_or_skip(
        ok,
        "PostgreSQL",
        &url,
        "STEWARD_TEST_REQUIRE_POSTGRES",
        suite,
    )
}

const SCHEMA: [&str; 4] = [
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, name VARCHAR(255), phone VARCHAR(50))",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), total NUMERIC(10,2) NOT NULL, shipping_address VARCHAR(255))",
    "CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), sku VARCHAR(50) NOT NULL, qty INTEGER NOT NULL)",
    "CREATE TABLE products (id INTEGER PRIMARY KEY, sku VARCHAR(50) NOT NULL, title VARCHAR(255) NOT NULL)",
];

const DATA: [&str; 4] = [
    "INSERT INTO customers (id, email, name, phone) VALUES (1, 'ada@example.org', 'Ada Lovelace', '+44 20 0001'), (2, 'bob@example.org', 'Bob Builder', '+44 20 0002'), (3, 'carol@example.org', '=HYPERLINK(\"x\")', '+1 415 0003')",
    "INSERT INTO orders (id, customer_id, total, shipping_address) VALUES (10, 1, 19.99, '1 Analytical St, London'), (11, 1, 5.25, '@SUM(1+1)'), (12, 2, 7.50, '2 Site Rd, Leeds')",
    "INSERT INTO order_items (id, order_id, sku, qty) VALUES (100, 10, 'BOOK-1', 1), (101, 10, 'PEN-2', 2), (102, 11, 'INK-3', 1), (103, 12, 'HAT-4', 1)",
    "INSERT INTO products (id, sku, title) VALUES (1, 'BOOK-1', 'Notes on the Engine'), (2, 'PEN-2', 'Fountain pen'), (3, 'INK-3', 'Blue ink'), (4, 'HAT-4', 'Hard hat')",
];

/// The spec's dataset map for this shop.
pub fn dataset() -> serde_json::Value {
    serde_json::json!({"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"id": {"category": "user.id", "erasure": "retain", "basis": "key"},
                    "email": {"category": "user.contact.email", "erasure": "hash"},
                    "name": {"category": "user.name", "erasure": "redact"}}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "tax records, 10 years"},
                    "shipping_address": {"category": "user.contact.address", "erasure": "null"}}},
        {"name": "order_items", "primary_key": "id", "references": {"order_id": "orders.id"},
         "erasure": "delete_row", "fields": {"sku": {"category": "user.behavior.purchase"}}}]})
}

/// What an access request for Ada must find in one shop store: (table, record, field,
/// category, value), before CSV-injection quoting.
pub fn ada_rows() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    vec![
        (
            "customers",
            "1",
            "email",
            "user.contact.email",
            "ada@example.org",
        ),
        ("customers", "1", "id", "user.id", "1"),
        ("customers", "1", "name", "user.name", "Ada Lovelace"),
        (
            "orders",
            "10",
            "shipping_address",
            "user.contact.address",
            "1 Analytical St, London",
        ),
        ("orders", "10", "total", "user.financial", "19.99"),
        (
            "orders",
            "11",
            "shipping_address",
            "user.contact.address",
            "@SUM(1+1)",
        ),
        ("orders", "11", "total", "user.financial", "5.25"),
        (
            "order_items",
            "100",
            "sku",
            "user.behavior.purchase",
            "BOOK-1",
        ),
        (
            "order_items",
            "101",
            "sku",
            "user.behavior.purchase",
            "PEN-2",
        ),
        (
            "order_items",
            "102",
            "sku",
            "user.behavior.purchase",
            "INK-3",
        ),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Postgres,
    MariaDb,
    Sqlite,
}

/// A seeded shop database; dropped when the value is.
pub struct Shop {
    pub engine: Engine,
    /// The connection string Steward is given.
    pub url: String,
    name: String,
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
}

fn server_of(admin: &str) -> String {
    admin.rsplit_once('/').map(|(s, _)| s.to_string()).unwrap()
}

impl Shop {
    pub async fn create(engine: Engine, dir: &Path) -> Shop {
        let shop = Shop::empty(engine, dir).await;
        for stmt in SCHEMA.iter().chain(DATA.iter()) {
            shop.execute(stmt).await;
        }
        shop
    }

    /// A fresh database with no tables, for a test's own schema.
    pub async fn empty(engine: Engine, dir: &Path) -> Shop {
        let name = format!("shop_{}", unique());
        let url = match engine {
            Engine::Postgres => {
                let admin = sqlx::PgPool::connect(&postgres_admin_url()).await.unwrap();
                sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&admin)
                    .await
                    .unwrap();
                admin.close().await;
                format!("{}/{name}", server_of(&postgres_admin_url()))
            }
            Engine::MariaDb => {
                let admin = sqlx::MySqlPool::connect(&mysql_admin_url()).await.unwrap();
                sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&admin)
                    .await
                    .unwrap();
                admin.close().await;
                format!("{}/{name}", server_of(&mysql_admin_url()))
            }
            Engine::Sqlite => {
                // The folder the test app allows SQLite stores in (never its data folder).
                let stores = dir.join("stores");
                std::fs::create_dir_all(&stores).unwrap();
                let path = stores.join(format!("{name}.db"));
                std::fs::File::create(&path).unwrap();
                format!("sqlite://{}", path.display())
            }
        };
        Shop { engine, url, name }
    }

    /// Runs a statement written with "double quotes" around names, which MariaDB gets as
    /// `backticks`.
    pub async fn execute_quoted(&self, sql: &str) {
        let sql = if self.engine == Engine::MariaDb {
            sql.replace('"', "`")
        } else {
            sql.to_string()
        };
        self.execute(&sql).await;
    }

    pub async fn execute(&self, sql: &str) {
        match self.engine {
            Engine::Postgres => {
                let p = sqlx::PgPool::connect(&self.url).await.unwrap();
                sqlx::query(AssertSqlSafe(sql.to_string()))
                    .execute(&p)
                    .await
                    .unwrap();
                p.close().await;
            }
            Engine::MariaDb => {
                let p = sqlx::MySqlPool::connect(&self.url).await.unwrap();
                sqlx::query(AssertSqlSafe(sql.to_string()))
                    .execute(&p)
                    .await
                    .unwrap();
                p.close().await;
            }
            Engine::Sqlite => {
                let p = sqlx::SqlitePool::connect(&self.url).await.unwrap();
                sqlx::query(AssertSqlSafe(sql.to_string()))
                    .execute(&p)
                    .await
                    .unwrap();
                p.close().await;
            }
        }
    }

    /// Every row of a table, each column as text (NULL as None), ordered by id: for
    /// byte-for-byte comparisons before and after.
    pub async fn dump(&self, table: &str) -> Vec<Vec<Option<String>>> {
        let cast = if self.engine == Engine::MariaDb {
            "CHAR"
        } else {
            "TEXT"
        };
        let cols: &[&str] = match table {
            "customers" => &["id", "email", "name", "phone"],
            "orders" => &["id", "customer_id", "total", "shipping_address"],
            "order_items" => &["id", "order_id", "sku", "qty"],
            _ => &["id", "sku", "title"],
        };
        let select = cols
            .iter()
            .map(|c| format!("CAST({c} AS {cast})"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT {select} FROM {table} ORDER BY id");
        self.rows(&sql, cols.len()).await
    }

    /// The rows of any query whose `n` columns are text (NULL as None); names may be written
    /// in "double quotes", which MariaDB gets as `backticks`.
    pub async fn rows(&self, sql: &str, n: usize) -> Vec<Vec<Option<String>>> {
        let sql = if self.engine == Engine::MariaDb {
            sql.replace('"', "`")
        } else {
            sql.to_string()
        };
        macro_rules! rows {
            ($pool:expr) => {{
                let rows = sqlx::query(AssertSqlSafe(sql.clone()))
                    .fetch_all(&$pool)
                    .await
                    .unwrap();
                $pool.close().await;
                rows.iter()
                    .map(|r| (0..n).map(|i| r.get::<Option<String>, _>(i)).collect())
                    .collect()
            }};
        }
        match self.engine {
            Engine::Postgres => rows!(sqlx::PgPool::connect(&self.url).await.unwrap()),
            Engine::MariaDb => rows!(sqlx::MySqlPool::connect(&self.url).await.unwrap()),
            Engine::Sqlite => rows!(sqlx::SqlitePool::connect(&self.url).await.unwrap()),
        }
    }
}

impl Drop for Shop {
    fn drop(&mut self) {
        let (engine, name) = (self.engine, self.name.clone());
        // Dropped from async tests: do the cleanup on a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let sql = match engine {
                    Engine::Postgres => format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    Engine::MariaDb => format!("DROP DATABASE IF EXISTS {name}"),
                    Engine::Sqlite => return,
                };
                let admin = if engine == Engine::Postgres {
                    postgres_admin_url()
                } else {
                    mysql_admin_url()
                };
                if engine == Engine::Postgres {
                    if let Ok(p) = sqlx::PgPool::connect(&admin).await {
                        let _ = sqlx::query(AssertSqlSafe(sql)).execute(&p).await;
                    }
                } else if let Ok(p) = sqlx::MySqlPool::connect(&admin).await {
                    let _ = sqlx::query(AssertSqlSafe(sql)).execute(&p).await;
                }
            });
        })
        .join();
    }
}
