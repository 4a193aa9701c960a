//! What a store's pool does when it opens a connection long after the store was registered:
//! the SQLite file swapped for Steward's own database (a hard link, or a copy) and a
//! PostgreSQL database that has come to hold Steward's instance id are refused on the next
//! connection; a network store's pool connects to the address that was checked, not to what
//! its host name resolves to then.

use super::{SqlConnector, SqlUrl};
use crate::connector::ConnectorError;
use crate::reach::Reach;
use steward_domain::dataset::Dataset;

const OURS: &str = "instance-of-this-steward";

/// A `members` table found by email, its name redacted.
pub(super) fn dataset() -> Dataset {
    Dataset::parse(
        r#"{"tables": [{"name": "members", "primary_key": "id",
            "identities": {"email": "email"},
            "fields": {"name": {"category": "user.name", "erasure": "redact"}}}]}"#,
    )
    .unwrap()
}

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("steward-reconnect-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A SQLite file with a `members` table; with Steward's `settings` row when `instance` is set.
async fn sqlite_file(path: &std::path::Path, instance: Option<&str>) {
    let setup = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, email TEXT)")
        .execute(&setup)
        .await
        .unwrap();
    sqlx::query("INSERT INTO members VALUES (1, 'Jane', 'jane@example.org')")
        .execute(&setup)
        .await
        .unwrap();
    if let Some(id) = instance {
        sqlx::query("CREATE TABLE settings (\"key\" TEXT PRIMARY KEY, value TEXT NOT NULL)")
            .execute(&setup)
            .await
            .unwrap();
        sqlx::query("INSERT INTO settings VALUES ('instance_id', ?)")
            .bind(id)
            .execute(&setup)
            .await
            .unwrap();
    }
    setup.close().await;
}

fn refused_as_own(result: Result<(), ConnectorError>, what: &str) {
    match result {
        Err(e) => assert!(
            e.to_string().contains("Steward's own database"),
            "{what}: refused as Steward's own, not: {e}"
        ),
        Ok(()) => panic!("{what}: a connection to Steward's own database was used"),
    }
}

#[tokio::test]
async fn a_sqlite_store_swapped_for_stewards_database_is_refused_on_reconnect() {
    let root = temp("sqlite");
    let (own_dir, stores) = (root.join("own"), root.join("stores"));
    std::fs::create_dir_all(&own_dir).unwrap();
    std::fs::create_dir_all(&stores).unwrap();
    let own = own_dir.join("steward.db");
    sqlite_file(&own, Some(OURS)).await;
    let swap = stores.join("swap.db");
    sqlite_file(&swap, None).await;
    let reach = Reach::default()
        .with_sqlite(Some(stores.clone()), vec![own.clone(), own_dir.clone()])
        .with_own_instance(OURS.into());
    let url = SqlUrl::Sqlite(swap.display().to_string());

    // Swapped for a hard link to Steward's database: the same file by identity.
    let store = SqlConnector::connect(&url, dataset(), b"k".to_vec(), &reach)
        .await
        .unwrap();
    store
        .check_schema()
        .await
        .expect("the shop's own file is read");
    std::fs::remove_file(&swap).unwrap();
    std::fs::hard_link(&own, &swap).unwrap();
    store.reconnect_for_tests().await;
    refused_as_own(store.check_schema().await, "hard link");

    // Swapped for a copy of it: another file, with Steward's identity inside.
    let store = {
        // A pool made on the shop's own file, idle since.
        std::fs::remove_file(&swap).unwrap();
        sqlite_file(&swap, None).await;
        let s = SqlConnector::connect(&url, dataset(), b"k".to_vec(), &reach)
            .await
            .unwrap();
        s.check_schema().await.unwrap();
        std::fs::remove_file(&swap).unwrap();
        std::fs::copy(&own, &swap).unwrap();
        s
    };
    store.reconnect_for_tests().await;
    refused_as_own(store.check_schema().await, "copy");

    // And a pool made afresh on the copy is refused at once.
    refused_as_own(
        SqlConnector::connect(&url, dataset(), b"k".to_vec(), &reach)
            .await
            .map(|_| ()),
        "new pool",
    );
    let _ = std::fs::remove_dir_all(&root);
}

fn postgres_url() -> Option<String> {
    let url = std::env::var("STEWARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let up = url::Url::parse(&url)
        .ok()
        .and_then(|u| Some((u.host_str()?.to_string(), u.port().unwrap_or(5432))))
        .is_some_and(|at| std::net::TcpStream::connect(at).is_ok());
    if !up && std::env::var("STEWARD_TEST_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        panic!("PostgreSQL at {url} is required but unreachable");
    }
    up.then_some(url)
}

#[tokio::test]
async fn a_postgres_store_that_comes_to_hold_stewards_identity_is_refused_on_reconnect() {
    let Some(admin) = postgres_url() else {
        eprintln!("NOTE: PostgreSQL not reachable: reconnect test SKIPPED");
        return;
    };
    let name = format!("steward_reconnect_{}", std::process::id());
    let server = admin.rsplit_once('/').unwrap().0.to_string();
    let admin_pool = sqlx::PgPool::connect(&admin).await.unwrap();
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin_pool)
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin_pool)
        .await
        .unwrap();
    let url = format!("{server}/{name}");
    let setup = sqlx::PgPool::connect(&url).await.unwrap();
    for sql in [
        "CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, email TEXT)",
        "INSERT INTO members VALUES (1, 'Jane', 'jane@example.org')",
    ] {
        sqlx::query(sql).execute(&setup).await.unwrap();
    }
    let reach = Reach::parse("127.0.0.1")
        .unwrap()
        .with_own_instance(OURS.into());
    let store = SqlConnector::connect(
        &SqlUrl::Postgres(url.clone()),
        dataset(),
        b"k".to_vec(),
        &reach,
    )
    .await
    .unwrap();
    store
        .check_schema()
        .await
        .expect("the shop's database is read");
    // Its identity now is Steward's, in a schema no search_path names.
    for sql in [
        "CREATE SCHEMA hidden",
        "CREATE TABLE hidden.settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ] {
        sqlx::query(sql).execute(&setup).await.unwrap();
    }
    sqlx::query("INSERT INTO hidden.settings VALUES ('instance_id', $1)")
        .bind(OURS)
        .execute(&setup)
        .await
        .unwrap();
    setup.close().await;
    store.reconnect_for_tests().await;
    refused_as_own(store.check_schema().await, "PostgreSQL");
    store.close().await;
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin_pool)
    .await;
}

/// The pool connects to the address `reach` checked, whatever the name resolves to later: a
/// host name that rebinds to another address cannot take a reconnecting pool there.
#[tokio::test]
async fn a_network_store_is_pinned_to_the_address_that_was_checked() {
    let Some(admin) = postgres_url() else {
        eprintln!("NOTE: PostgreSQL not reachable: pinning test SKIPPED");
        return;
    };
    let by_name = admin.replacen("127.0.0.1", "localhost", 1);
    assert!(
        by_name.contains("@localhost"),
        "the store is reached by the name localhost: {by_name}"
    );
    let reach = Reach::parse("localhost").unwrap();
    let store = SqlConnector::connect(&SqlUrl::Postgres(by_name), dataset(), b"k".to_vec(), &reach)
        .await
        .unwrap();
    let host = store.host_for_tests();
    assert!(
        host.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        "the pool's connections go to the checked address, not the name: {host}"
    );
    store.close().await;
}
