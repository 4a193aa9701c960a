//! Tables keyed by more than one column (a customer's groups, a wishlist keyed by customer and
//! product), on PostgreSQL, MariaDB and SQLite, through the SQL connector against the real
//! databases: registration checks the declared columns are unique together; a customer's rows
//! are exported with each row's whole key, corrected and erased exactly, and everyone else's
//! rows stay byte-for-byte the same; a declared key that is only part of the unique one is
//! refused; an identity table that points at another is erased before it.

use steward::connectors::Subject;
use steward::connectors::reach::Reach;
use steward::connectors::sql::correct::Approved;
use steward::connectors::sql::{SqlConnector, SqlUrl};
use steward::domain::dataset::Dataset;

use crate::support::shop::{self, Engine, Shop};

const SCHEMA: &[&str] = &[
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(120), name VARCHAR(80))",
    "CREATE TABLE customer_groups (customer_id INTEGER NOT NULL, group_id INTEGER NOT NULL, \
     label VARCHAR(80), note VARCHAR(200), PRIMARY KEY (customer_id, group_id))",
    "CREATE TABLE wishlist (customer_id INTEGER NOT NULL, product VARCHAR(40) NOT NULL, \
     added VARCHAR(20), PRIMARY KEY (customer_id, product))",
    // Points at customers and has an email column of its own: reached first, erased first.
    "CREATE TABLE newsletter (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL \
     REFERENCES customers (id), email VARCHAR(120))",
    // Keyed by a UUID: PostgreSQL's and MariaDB's own type; SQLite keeps the text.
    "CREATE TABLE tokens (id UUID PRIMARY KEY, customer_id INTEGER NOT NULL, label VARCHAR(40))",
    // Logs without any key.
    "CREATE TABLE visits (customer_id INTEGER NOT NULL, page VARCHAR(80), ip VARCHAR(40))",
    "CREATE TABLE searches (email VARCHAR(120), term VARCHAR(80))",
];

const DATA: &[&str] = &[
    "INSERT INTO customers VALUES (1, 'ada@example.org', 'Ada Lovelace'), \
     (2, 'bob@example.org', 'Bob Jones'), (3, 'cy@example.org', 'Cy Twombly')",
    // Ada is in groups 1 and 2; Bob in 1 and 3 (group 1 is shared: only the pair is unique).
    "INSERT INTO customer_groups VALUES (1, 1, 'Ada L.', 'prefers email'), \
     (1, 2, 'Ada L.', NULL), (2, 1, 'Bob J.', 'VIP'), (2, 3, 'Bob J.', 'wholesale')",
    "INSERT INTO wishlist VALUES (1, 'teapot', '2026-01-02'), (1, 'kettle', '2026-02-03'), \
     (2, 'teapot', '2026-03-04')",
    "INSERT INTO newsletter VALUES (10, 1, 'ada@example.org'), (11, 2, 'bob@example.org')",
    "INSERT INTO tokens VALUES ('6f1c2b1e-8d3a-4c55-9a0e-2f4b7c9d1e3a', 1, 'Ada''s app'), \
     ('0b7e1d2c-3a4f-4e5d-8c6b-9a0f1e2d3c4b', 2, 'Bob''s app')",
    // Ada's second visit is there twice, identical: rows that cannot be told apart.
    "INSERT INTO visits VALUES (1, '/tea', '192.0.2.1'), (1, '/cart', '192.0.2.1'), \
     (1, '/cart', '192.0.2.1'), (2, '/tea', '198.51.100.7')",
    "INSERT INTO searches VALUES ('ada@example.org', 'teapot'), ('Ada@Example.org ', 'kettle'), \
     ('bob@example.org', 'teapot')",
];

// The newsletter table is listed first: the traversal then reaches it before customers.
const MAP: &str = r#"{"tables": [
    {"name": "newsletter", "primary_key": "id", "identities": {"email": "email"},
     "references": {"customer_id": "customers.id"}, "erasure": "delete_row",
     "fields": {"email": {"category": "user.contact.email"}}},
    {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
     "erasure": "delete_row",
     "fields": {"name": {"category": "user.name"}, "email": {"category": "user.contact.email"}}},
    {"name": "customer_groups", "primary_key": ["customer_id", "group_id"],
     "references": {"customer_id": "customers.id"},
     "fields": {"label": {"category": "user.name", "erasure": "null"},
                "note": {"category": "user.preferences", "erasure": "redact"}}},
    {"name": "devices", "primary_key": "id", "references": {"customer_id": "customers.id"},
     "fields": {"label": {"category": "user.device", "erasure": "redact"}}},
    {"name": "device_flags", "primary_key": ["device_id", "flag"],
     "references": {"device_id": "devices.id"}, "erasure": "delete_row",
     "fields": {"value": {"category": "user.device"}}},
    {"name": "tokens", "primary_key": "id", "references": {"customer_id": "customers.id"},
     "fields": {"label": {"category": "user.device", "erasure": "redact"}}},
    {"name": "visits", "primary_key": null, "references": {"customer_id": "customers.id"},
     "fields": {"page": {"category": "user.behavior.browsing", "erasure": "redact"},
                "ip": {"category": "user.device.ip_address", "erasure": "null"}}},
    {"name": "searches", "primary_key": null, "identities": {"email": "email"},
     "erasure": "delete_row", "fields": {"term": {"category": "user.behavior.search"}}},
    {"name": "wishlist", "primary_key": ["customer_id", "product"],
     "references": {"customer_id": "customers.id"}, "erasure": "delete_row",
     "fields": {"product": {"category": "user.behavior.purchase"}}}]}"#;

/// Ada's device id is not valid UTF-8 (0x80, 0xff): it must travel as bytes, not text.
const ADA_DEVICE: &str = "80ff00112233445566778899aabbccdd";
const BOB_DEVICE: &str = "0102030405060708090a0b0c0d0e0f10";

/// Tables keyed by bytes, in each engine's own type for them (Shopware's `BINARY(16)`).
fn binary_tables(engine: Engine) -> Vec<String> {
    let (ty, lit): (&str, fn(&str) -> String) = match engine {
        Engine::Postgres => ("BYTEA", |h| format!("decode('{h}', 'hex')")),
        Engine::MariaDb => ("BINARY(16)", |h| format!("X'{h}'")),
        Engine::Sqlite => ("BLOB", |h| format!("X'{h}'")),
    };
    vec![
        format!(
            "CREATE TABLE devices (id {ty} PRIMARY KEY, customer_id INTEGER NOT NULL, label VARCHAR(80))"
        ),
        format!(
            "CREATE TABLE device_flags (device_id {ty} NOT NULL, flag INTEGER NOT NULL, \
             value VARCHAR(40), PRIMARY KEY (device_id, flag))"
        ),
        format!(
            "INSERT INTO devices VALUES ({}, 1, 'Ada''s phone'), ({}, 2, 'Bob''s laptop')",
            lit(ADA_DEVICE),
            lit(BOB_DEVICE)
        ),
        format!(
            "INSERT INTO device_flags VALUES ({a}, 1, 'dark mode'), ({a}, 2, 'beta'), ({b}, 1, 'dark mode')",
            a = lit(ADA_DEVICE),
            b = lit(BOB_DEVICE)
        ),
    ]
}

async fn seeded(engine: Engine, dir: &std::path::Path) -> Shop {
    let shop = Shop::empty(engine, dir).await;
    for stmt in SCHEMA.iter().chain(DATA) {
        shop.execute(stmt).await;
    }
    for stmt in binary_tables(engine) {
        shop.execute(&stmt).await;
    }
    shop
}

async fn connector(shop: &Shop, dir: &std::path::Path, map: &str) -> SqlConnector {
    let reach = Reach::parse("127.0.0.1")
        .unwrap()
        .with_sqlite(Some(dir.join("stores")), Vec::new());
    SqlConnector::connect(
        &SqlUrl::parse(&shop.url).unwrap(),
        Dataset::parse(map).unwrap(),
        b"test-hash-key".to_vec(),
        &reach,
    )
    .await
    .unwrap()
}

/// Each table's rows, sorted, for before/after comparisons.
async fn rows(shop: &Shop, table: &str) -> Vec<Vec<Option<String>>> {
    let (cols, bytes) = match table {
        "customers" => ("id, email, name", ""),
        "customer_groups" => ("customer_id, group_id, label, note", ""),
        "wishlist" => ("customer_id, product, added", ""),
        "devices" => ("id, customer_id, label", "id"),
        "device_flags" => ("device_id, flag, value", "device_id"),
        "visits" => ("customer_id, page, ip", ""),
        "tokens" => ("id, customer_id, label", ""),
        "searches" => ("email, term", ""),
        _ => ("id, customer_id, email", ""),
    };
    let n = cols.split(',').count();
    let cast = cols
        .split(", ")
        .map(|c| match shop.engine {
            Engine::Postgres if c == bytes => format!("encode({c}, 'hex')"),
            Engine::MariaDb if c == bytes => format!("LOWER(HEX({c}))"),
            Engine::Sqlite if c == bytes => format!("lower(hex({c}))"),
            Engine::MariaDb => format!("CAST({c} AS CHAR)"),
            _ => format!("CAST({c} AS TEXT)"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut all = shop
        .rows(&format!("SELECT {cast} FROM {table} ORDER BY {cols}"), n)
        .await;
    all.sort();
    all
}

fn of(rows: &[Vec<Option<String>>], customer: &str, at: usize) -> Vec<Vec<Option<String>>> {
    rows.iter()
        .filter(|r| r[at].as_deref() != Some(customer))
        .cloned()
        .collect()
}

#[tokio::test]
async fn composite_keys_are_exported_corrected_and_erased_exactly_on_every_engine() {
    if !shop::postgres_available().await || !shop::mysql_available().await {
        return;
    }
    let dir = std::env::temp_dir().join(format!("steward-composite-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("stores")).unwrap();
    for engine in [Engine::Postgres, Engine::MariaDb, Engine::Sqlite] {
        let shop = seeded(engine, &dir).await;
        let store = connector(&shop, &dir, MAP).await;
        store
            .check_schema()
            .await
            .unwrap_or_else(|e| panic!("{engine:?}: a composite primary key is accepted: {e}"));
        let ada = Subject::by_email("ada@example.org".into());

        // Access: every row of Ada's, each named by its whole key.
        let (values, tables) = store.access_counted(&ada).await.unwrap();
        let reached = |t: &str| {
            tables
                .iter()
                .find(|a| a.table == t)
                .map(|a| a.rows_reached)
                .unwrap()
        };
        assert_eq!(reached("customer_groups"), 2, "{engine:?}");
        assert_eq!(reached("wishlist"), 2, "{engine:?}");
        let records: Vec<&str> = values
            .iter()
            .filter(|v| v.table == "customer_groups" && v.field == "note")
            .map(|v| v.record.as_str())
            .collect();
        assert_eq!(
            {
                let mut r = records.clone();
                r.sort();
                r
            },
            ["customer_id=1, group_id=1", "customer_id=1, group_id=2"],
            "{engine:?}"
        );
        assert!(
            values
                .iter()
                .any(|v| v.table == "wishlist" && v.record == "customer_id=1, product=kettle"),
            "{engine:?}"
        );
        assert!(
            !values
                .iter()
                .any(|v| v.value.as_deref().is_some_and(|x| x.contains("Bob"))),
            "{engine:?}: nobody else's values"
        );
        // Rows without a key: every one of Ada's, the twin visit too, named by position.
        assert_eq!(reached("visits"), 3, "{engine:?}");
        assert_eq!(reached("searches"), 2, "{engine:?}");
        assert!(
            values
                .iter()
                .any(|v| v.table == "visits" && v.record == "row 3"),
            "{engine:?}"
        );
        assert!(
            values
                .iter()
                .any(|v| v.table == "tokens" && v.record == "6f1c2b1e-8d3a-4c55-9a0e-2f4b7c9d1e3a"),
            "{engine:?}: a UUID key reads as its canonical text"
        );
        // Rows keyed by bytes, reached through a key of bytes, named in hex.
        assert_eq!(reached("devices"), 1, "{engine:?}");
        assert_eq!(reached("device_flags"), 2, "{engine:?}");
        assert!(
            values
                .iter()
                .any(|v| v.table == "devices" && v.record == ADA_DEVICE),
            "{engine:?}: {values:?}"
        );
        assert!(
            values.iter().any(|v| v.table == "device_flags"
                && v.record == format!("device_id={ADA_DEVICE}, flag=2")
                && v.value.as_deref() == Some("beta")),
            "{engine:?}"
        );

        // Correction of a name field on the composite-key table: exactly Ada's two rows.
        let before_groups = rows(&shop, "customer_groups").await;
        let fixed = store
            .apply_correction(
                &ada,
                &[Approved {
                    table: "customer_groups".into(),
                    field: "label".into(),
                    value: "Ada King".into(),
                }],
            )
            .await
            .unwrap();
        assert_eq!(fixed[0].rows_updated, 2, "{engine:?}");
        let after_groups = rows(&shop, "customer_groups").await;
        assert_eq!(
            of(&after_groups, "1", 0),
            of(&before_groups, "1", 0),
            "{engine:?}: other customers' groups unchanged"
        );
        assert!(
            after_groups
                .iter()
                .filter(|r| r[0].as_deref() == Some("1"))
                .all(|r| r[2].as_deref() == Some("Ada King")),
            "{engine:?}: {after_groups:?}"
        );

        // A table without a key is never corrected: its rows cannot be told apart.
        let refused = store
            .apply_correction(
                &ada,
                &[Approved {
                    table: "visits".into(),
                    field: "page".into(),
                    value: "/elsewhere".into(),
                }],
            )
            .await
            .expect_err("a keyless table is not corrected")
            .to_string();
        assert!(refused.contains("has no key"), "{engine:?}: {refused}");

        // Erasure: counts exact per table; the newsletter row (a child that is itself an
        // identity table) goes before the customer it points at.
        // Every table with the column that holds the customer (searches is checked by value).
        let tables = [
            ("customers", 0),
            ("customer_groups", 0),
            ("wishlist", 0),
            ("newsletter", 1),
            ("devices", 1),
            ("visits", 0),
            ("tokens", 1),
        ];
        let mut before = Vec::new();
        for (t, _) in tables {
            before.push(rows(&shop, t).await);
        }
        let report = store
            .erase(&ada)
            .await
            .unwrap_or_else(|e| panic!("{engine:?}: erasure: {e}"));
        let of_table = |t: &str| report.iter().find(|r| r.table == t).unwrap();
        assert_eq!(of_table("wishlist").deleted, 2, "{engine:?}");
        assert_eq!(of_table("customers").deleted, 1, "{engine:?}");
        assert_eq!(of_table("newsletter").deleted, 1, "{engine:?}");
        assert_eq!(of_table("customer_groups").nulled, 2, "{engine:?}");
        assert_eq!(of_table("devices").redacted, 1, "{engine:?}");
        assert_eq!(of_table("visits").redacted, 3, "{engine:?}");
        assert_eq!(of_table("visits").nulled, 3, "{engine:?}");
        assert_eq!(of_table("searches").deleted, 2, "{engine:?}");
        assert_eq!(of_table("tokens").redacted, 1, "{engine:?}");
        assert_eq!(
            rows(&shop, "searches").await,
            vec![vec![Some("bob@example.org".into()), Some("teapot".into())]],
            "{engine:?}: only Bob's search is left"
        );
        assert_eq!(
            rows(&shop, "visits")
                .await
                .into_iter()
                .filter(|r| r[0].as_deref() == Some("1"))
                .collect::<Vec<_>>(),
            vec![vec![Some("1".into()), Some("[redacted]".into()), None]; 3],
            "{engine:?}: each of Ada's visits erased, the twins too"
        );
        assert_eq!(of_table("device_flags").deleted, 2, "{engine:?}");
        assert_eq!(
            rows(&shop, "device_flags").await,
            vec![vec![
                Some(BOB_DEVICE.into()),
                Some("1".into()),
                Some("dark mode".into())
            ]],
            "{engine:?}: only Bob's flag is left"
        );
        let devices = rows(&shop, "devices").await;
        assert!(
            devices.contains(&vec![
                Some(ADA_DEVICE.into()),
                Some("1".into()),
                Some("[redacted]".into())
            ]),
            "{engine:?}: {devices:?}"
        );
        assert_eq!(
            of_table("customer_groups").redacted,
            1,
            "{engine:?}: the NULL note stays NULL"
        );
        let groups = rows(&shop, "customer_groups").await;
        assert_eq!(
            groups
                .iter()
                .filter(|r| r[0].as_deref() == Some("1"))
                .cloned()
                .collect::<Vec<_>>(),
            vec![
                vec![
                    Some("1".into()),
                    Some("1".into()),
                    None,
                    Some("[redacted]".into())
                ],
                vec![Some("1".into()), Some("2".into()), None, None],
            ],
            "{engine:?}"
        );
        for (i, (t, at)) in tables.into_iter().enumerate() {
            assert_eq!(
                of(&rows(&shop, t).await, "1", at),
                of(&before[i], "1", at),
                "{engine:?}: {t}: everyone else's rows byte-for-byte the same"
            );
        }
        assert!(
            of(&rows(&shop, "wishlist").await, "1", 0).len() == rows(&shop, "wishlist").await.len(),
            "{engine:?}: none of Ada's wishlist left"
        );
        store.close().await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_key_that_is_only_part_of_the_unique_one_is_refused() {
    if !shop::postgres_available().await || !shop::mysql_available().await {
        return;
    }
    let dir = std::env::temp_dir().join(format!("steward-composite-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("stores")).unwrap();
    let partial = MAP.replace(
        r#""primary_key": ["customer_id", "group_id"]"#,
        r#""primary_key": ["customer_id"]"#,
    );
    let wider = MAP.replace(
        r#""primary_key": ["customer_id", "group_id"]"#,
        r#""primary_key": ["customer_id", "group_id", "label"]"#,
    );
    for engine in [Engine::Postgres, Engine::MariaDb, Engine::Sqlite] {
        let shop = seeded(engine, &dir).await;
        for (map, what) in [(&partial, "part of the key"), (&wider, "more than the key")] {
            let store = connector(&shop, &dir, map).await;
            let e = store
                .check_schema()
                .await
                .expect_err(&format!("{engine:?}: {what} is refused"))
                .to_string();
            assert!(
                e.contains("customer_groups.") && e.contains("unique index on exactly"),
                "{engine:?}: {what}: {e}"
            );
            store.close().await;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Registered through the API and shown to staff: the store page names each table without a
/// key and the column its rows are reached by.
#[tokio::test]
async fn the_store_page_names_the_tables_without_a_key() {
    use crate::support::{Api, Backend, TestApp};
    use steward::domain::Role;
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        "orbit kettle velvet 42",
    )
    .await;
    let shop = seeded(Engine::Sqlite, &app.dir).await;
    let mut body = crate::stores::art30("Logs", "sql", "owner@shop.example");
    body["connection"] = shop.url.clone().into();
    body["dataset"] = serde_json::from_str(MAP).unwrap();
    let (status, s) = api.post("/api/v1/stores", body).await;
    assert_eq!(status, 201, "{s}");
    let id = s["id"].as_str().unwrap();
    let b = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&b, app.url(&format!("/console/stores/{id}"))).await;
    assert!(page.contains("Tables without a key"), "{page}");
    assert!(
        page.contains("<code>visits</code>: through customer_id → customers.id"),
        "{page}"
    );
    assert!(
        page.contains("<code>searches</code>: through email (the requester&#39;s email)"),
        "{page}"
    );
}

/// `delete_row` on a table that another table points at without `ON DELETE CASCADE` is
/// refused when the map is checked, naming the child, unless the map deletes the child too.
#[tokio::test]
async fn deleting_rows_that_an_unmapped_child_points_at_is_refused_naming_it() {
    if !shop::postgres_available().await || !shop::mysql_available().await {
        return;
    }
    let dir = std::env::temp_dir().join(format!("steward-composite-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("stores")).unwrap();
    let alone = r#"{"tables": [{"name": "customers", "primary_key": "id",
        "identities": {"email": "email"}, "erasure": "delete_row",
        "fields": {"name": {"category": "user.name"}}}]}"#;
    for engine in [Engine::Postgres, Engine::MariaDb, Engine::Sqlite] {
        let shop = seeded(engine, &dir).await;
        let store = connector(&shop, &dir, alone).await;
        let e = store
            .check_schema()
            .await
            .expect_err("an unmapped child is refused")
            .to_string();
        assert!(
            e.contains("'newsletter'") && e.contains("customer_id"),
            "{engine:?}: {e}"
        );
        store.close().await;
        // With the child mapped and deleted too, the same deletion is accepted.
        let store = connector(&shop, &dir, MAP).await;
        store.check_schema().await.unwrap();
        store.close().await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}
