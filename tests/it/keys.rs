//! A map's key must be unique in the live table (finding 4 of the second attack pass): a
//! `primary_key` shared by several rows (a household id) is refused when the store is
//! registered, and if the table changes afterwards, the erasure's preflight refuses it and
//! nothing is written, on PostgreSQL, MariaDB and SQLite. (Below that, a write that changes
//! more rows than it has keys rolls back: `steward-connectors`' own test.)

use serde_json::json;

use crate::stores::{art30, verified_request};
use crate::support::shop::{Engine, Shop, mysql_available, postgres_available};
use crate::support::{Api, TestApp};

fn members_map() -> serde_json::Value {
    json!({"tables": [{"name": "members", "primary_key": "household",
        "identities": {"email": "email"},
        "fields": {"name": {"category": "user.name", "erasure": "redact"},
                   "email": {"category": "user.contact.email", "erasure": "hash"}}}]})
}

async fn members(shop: &Shop) -> Vec<Vec<Option<String>>> {
    let text = if shop.engine == Engine::MariaDb {
        "CHAR"
    } else {
        "TEXT"
    };
    shop.rows(
        &format!("SELECT CAST(id AS {text}), household, name, email FROM members ORDER BY id"),
        4,
    )
    .await
}

#[tokio::test]
async fn a_key_shared_by_several_rows_is_refused_and_never_written_through() {
    let mut engines = vec![Engine::Sqlite];
    if postgres_available().await {
        engines.push(Engine::Postgres);
    }
    if mysql_available().await {
        engines.push(Engine::MariaDb);
    }
    for engine in engines {
        // A server each: a deletion reaches every store registered.
        let (app, token) = TestApp::with_store_owner().await;
        let api = Api { app: &app, token };
        let shop = Shop::empty(engine, &app.dir).await;
        shop.execute(
            "CREATE TABLE members (id INTEGER PRIMARY KEY, household VARCHAR(20) NOT NULL, \
             name VARCHAR(100), email VARCHAR(255))",
        )
        .await;
        shop.execute(
            "INSERT INTO members VALUES (1, 'h1', 'Jane Member', 'jane@example.org'), \
             (2, 'h1', 'John Member', 'john@example.org')",
        )
        .await;
        let mut body = art30(&format!("Members {engine:?}"), "sql", "owner@shop.example");
        body["connection"] = shop.url.clone().into();
        body["dataset"] = members_map();
        let (s, refused) = api.post("/api/v1/stores", body.clone()).await;
        assert_eq!(s, 422, "{engine:?}: {refused}");
        assert!(
            refused["error"]
                .as_str()
                .unwrap()
                .contains("members.household")
                && refused["error"].as_str().unwrap().contains("unique"),
            "{engine:?}: {refused}"
        );

        // Unique when registered; shared later, when the store's owners change the table.
        shop.execute("UPDATE members SET household = 'h2' WHERE id = 2")
            .await;
        shop.execute("CREATE UNIQUE INDEX members_household ON members (household)")
            .await;
        let (s, store) = api.post("/api/v1/stores", body).await;
        assert_eq!(s, 201, "{engine:?}: {store}");
        let drop = match engine {
            Engine::MariaDb => "DROP INDEX members_household ON members",
            _ => "DROP INDEX members_household",
        };
        shop.execute(drop).await;
        shop.execute("UPDATE members SET household = 'h1' WHERE id = 2")
            .await;
        let before = members(&shop).await;

        let (reference, _) = verified_request(&app, "deletion", "jane@example.org").await;
        let r = api
            .wait_tasks(&reference, |t| t["status"] == "failed")
            .await;
        let task = &r["tasks"][0];
        let error = task["last_error"].as_str().unwrap_or_default();
        assert!(
            // Caught by the erasure's preflight, which checks every store's map again.
            error.contains("members.household") && error.contains("unique"),
            "{engine:?}: {task}"
        );
        let lower = error.to_lowercase();
        assert!(
            !lower.contains("jane") && !lower.contains("john"),
            "no member's name or address in the error: {error}"
        );
        assert_eq!(
            members(&shop).await,
            before,
            "{engine:?}: nothing changed, Jane's row included"
        );
    }
}
