//! SQL stores with the shape of a real shop (PascalCase tables, a `VARCHAR(60)` email column,
//! addresses stored as customers typed them) on PostgreSQL, MariaDB and SQLite: maps that
//! cannot work are refused when saved, the person is found whatever the case, erasure reports
//! exactly what a direct look at the database finds, and one store that is not ready holds
//! every store's erasure.

use std::time::Duration;

use serde_json::{Value, json};
use steward::domain::Role;

use crate::stores::{art30, verified_request};
use crate::support::shop::{self, Engine, Shop};
use crate::support::{Api, TestApp, backends};

const SCHEMA: [&str; 3] = [
    r#"CREATE TABLE "Customer" ("CustomerId" INTEGER PRIMARY KEY, "Email" VARCHAR(60) NOT NULL, "FirstName" VARCHAR(40) NOT NULL, "Company" VARCHAR(80), "Address" VARCHAR(70))"#,
    r#"CREATE TABLE "Invoice" ("InvoiceId" INTEGER PRIMARY KEY, "CustomerId" INTEGER NOT NULL REFERENCES "Customer" ("CustomerId"), "BillingAddress" VARCHAR(70), "Total" NUMERIC(10,2) NOT NULL)"#,
    r#"CREATE TABLE "InvoiceLine" ("InvoiceLineId" INTEGER PRIMARY KEY, "InvoiceId" INTEGER NOT NULL REFERENCES "Invoice" ("InvoiceId"), "TrackId" INTEGER NOT NULL)"#,
];

/// Astrid's address is stored with capitals and spaces around it (MariaDB's collation ignores
/// trailing spaces only, so its copy has just those); her second invoice has no billing
/// address, and her company was never given.
fn data(engine: Engine) -> [String; 3] {
    let astrid = if engine == Engine::MariaDb {
        "Astrid.Gruber@apple.at  "
    } else {
        " Astrid.Gruber@apple.at "
    };
    [
        format!(
            r#"INSERT INTO "Customer" ("CustomerId", "Email", "FirstName", "Company", "Address") VALUES (1, '{astrid}', 'Astrid', NULL, 'Rotenturmstrasse 4, Wien'), (2, 'bjorn@example.no', 'Bjorn', 'Hansen AS', 'Ullevalsveien 14, Oslo')"#
        ),
        r#"INSERT INTO "Invoice" ("InvoiceId", "CustomerId", "BillingAddress", "Total") VALUES (10, 1, 'Rotenturmstrasse 4, Wien', 1.98), (11, 1, NULL, 3.96), (12, 2, 'Ullevalsveien 14, Oslo', 5.94)"#.into(),
        r#"INSERT INTO "InvoiceLine" ("InvoiceLineId", "InvoiceId", "TrackId") VALUES (100, 10, 2), (101, 10, 4), (102, 11, 6), (103, 12, 8)"#.into(),
    ]
}

async fn chinook_like(engine: Engine, dir: &std::path::Path) -> Shop {
    let s = Shop::empty(engine, dir).await;
    for stmt in SCHEMA {
        s.execute_quoted(stmt).await;
    }
    for stmt in data(engine) {
        s.execute_quoted(&stmt).await;
    }
    s
}

fn dataset() -> Value {
    json!({"tables": [
        {"name": "Customer", "primary_key": "CustomerId", "identities": {"email": "Email"},
         "fields": {"Email": {"category": "user.contact.email", "erasure": "redact"},
                    "FirstName": {"category": "user.name", "erasure": "redact"},
                    "Company": {"category": "user.workplace", "erasure": "redact"},
                    "Address": {"category": "user.contact.address", "erasure": "null"}}},
        {"name": "Invoice", "primary_key": "InvoiceId", "references": {"CustomerId": "Customer.CustomerId"},
         "fields": {"BillingAddress": {"category": "user.contact.address", "erasure": "null"},
                    "Total": {"category": "user.financial", "erasure": "retain", "basis": "tax records, 10 years"}}},
        {"name": "InvoiceLine", "primary_key": "InvoiceLineId", "references": {"InvoiceId": "Invoice.InvoiceId"},
         "erasure": "delete_row", "fields": {"TrackId": {"category": "user.behavior.purchase"}}}]})
}

async fn register(api: &Api<'_>, name: &str, url: &str, dataset: Value) -> (u16, Value) {
    let mut body = art30(name, "sql", "owner@shop.example");
    body["connection"] = url.into();
    body["dataset"] = dataset;
    api.post("/api/v1/stores", body).await
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn a_real_shop_schema_is_checked_found_and_erased_exactly_on_every_backend() {
    if !(shop::postgres_available().await && shop::mysql_available().await) {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let shops = [
        ("PG", chinook_like(Engine::Postgres, &app.dir).await),
        ("Maria", chinook_like(Engine::MariaDb, &app.dir).await),
        ("Lite", chinook_like(Engine::Sqlite, &app.dir).await),
    ];

    // Refused when saved, each naming what is wrong.
    let mut hashing = dataset();
    hashing["tables"][0]["fields"]["Email"]["erasure"] = "hash".into();
    for (name, s) in &shops[..2] {
        let (st, e) = register(&api, name, &s.url, hashing.clone()).await;
        assert_eq!((st, e["field"].as_str()), (422, Some("dataset")), "{e}");
        let msg = e["error"].as_str().unwrap();
        assert!(
            msg.contains("Customer.Email") && msg.contains("holds 60"),
            "{name}: {msg}"
        );
    }
    let mut orphans = dataset();
    orphans["tables"][1]["erasure"] = "delete_row".into();
    orphans["tables"].as_array_mut().unwrap().pop();
    for (name, s) in &shops {
        let (st, e) = register(&api, name, &s.url, orphans.clone()).await;
        assert_eq!((st, e["field"].as_str()), (422, Some("dataset")), "{e}");
        let msg = e["error"].as_str().unwrap();
        assert!(
            msg.contains("rows of 'InvoiceLine'") && msg.contains("InvoiceId"),
            "{name}: {msg}"
        );
    }
    let mut lower = dataset();
    lower["tables"][0]["name"] = "customer".into();
    lower["tables"][1]["references"]["CustomerId"] = "customer.CustomerId".into();
    let (st, e) = register(&api, "PG", &shops[0].1.url, lower).await;
    assert_eq!(st, 422, "{e}");
    assert!(
        e["error"]
            .as_str()
            .unwrap()
            .contains("table 'customer' does not exist; did you mean 'Customer'?"),
        "{e}"
    );
    let mut phone = dataset();
    phone["tables"][0]["identities"] = json!({"phone": "Address"});
    let (st, e) = register(&api, "PG", &shops[0].1.url, phone).await;
    assert_eq!(st, 422, "{e}");
    assert!(
        e["error"]
            .as_str()
            .unwrap()
            .contains("identity 'phone' cannot be looked up"),
        "{e}"
    );

    for (name, s) in &shops {
        let (st, e) = register(&api, name, &s.url, dataset()).await;
        assert_eq!(st, 201, "{name}: {e}");
    }

    // Access finds Astrid in each store, whatever the case and spaces of her stored address.
    let access = verified_request(&app, "access", "astrid.gruber@apple.at")
        .await
        .0;
    let r = api.wait_tasks(&access, |t| t["status"] == "done").await;
    for t in r["tasks"].as_array().unwrap() {
        assert_eq!(t["rows_reached"], 6, "1 customer, 2 invoices, 3 lines: {t}");
        assert_eq!(t["found_nothing"], false);
    }
    let (_, text) = api
        .text(&format!("/api/v1/requests/{access}/package.csv"))
        .await;
    let rows = csv_rows(&text);
    for (name, _) in &shops {
        let cell = |table: &str, record: &str, field: &str| {
            rows.iter()
                .find(|r| r[0] == *name && r[1] == table && r[2] == record && r[3] == field)
                .unwrap_or_else(|| panic!("{name} {table} {record} {field} in {text}"))
                .clone()
        };
        assert_eq!(cell("Customer", "1", "FirstName")[5..], ["Astrid", "false"]);
        assert_eq!(
            cell("Customer", "1", "Company")[5..],
            ["", "true"],
            "{name}: a NULL is told apart from empty text"
        );
        assert_eq!(cell("Invoice", "11", "BillingAddress")[5..], ["", "true"]);
        assert_eq!(
            rows.iter()
                .filter(|r| r[0] == *name && r[1] == "InvoiceLine")
                .count(),
            3
        );
    }
    assert!(!text.contains("Bjorn") && !text.contains("Oslo"));

    // Deletion: the report's counts equal what the databases show before and after.
    let q = |t: &str| match t {
        "Customer" => (
            r#"SELECT CAST("CustomerId" AS TEXT), "Email", "FirstName", "Company", "Address" FROM "Customer" ORDER BY "CustomerId""#,
            5,
        ),
        "Invoice" => (
            r#"SELECT CAST("InvoiceId" AS TEXT), CAST("CustomerId" AS TEXT), "BillingAddress", CAST("Total" AS TEXT) FROM "Invoice" ORDER BY "InvoiceId""#,
            4,
        ),
        _ => (
            r#"SELECT CAST("InvoiceLineId" AS TEXT), CAST("InvoiceId" AS TEXT), CAST("TrackId" AS TEXT) FROM "InvoiceLine" ORDER BY "InvoiceLineId""#,
            3,
        ),
    };
    async fn dump_of(s: &Shop, sql: &str, n: usize) -> Vec<Vec<Option<String>>> {
        let sql = if s.engine == Engine::MariaDb {
            sql.replace("AS TEXT", "AS CHAR")
        } else {
            sql.to_string()
        };
        s.rows(&sql, n).await
    }
    let dump = |s, t| {
        let (sql, n) = q(t);
        dump_of(s, sql, n)
    };
    let mut before = Vec::new();
    for (_, s) in &shops {
        before.push((
            dump(s, "Customer").await,
            dump(s, "Invoice").await,
            dump(s, "InvoiceLine").await,
        ));
    }
    let deletion = verified_request(&app, "deletion", "Astrid.Gruber@APPLE.at")
        .await
        .0;
    let r = api.wait_tasks(&deletion, |t| t["status"] == "done").await;
    for ((name, s), (c0, i0, l0)) in shops.iter().zip(&before) {
        let task = r["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["store"] == *name)
            .unwrap();
        let (_, t) = api
            .get(&format!("/api/v1/tasks/{}", task["id"].as_str().unwrap()))
            .await;
        let report = t["result"].as_array().expect("erasure report").clone();
        let table = |n: &str| report.iter().find(|x| x["table"] == n).unwrap().clone();
        let (c1, i1, l1) = (
            dump(s, "Customer").await,
            dump(s, "Invoice").await,
            dump(s, "InvoiceLine").await,
        );

        // Customer: Email and FirstName redacted, Company left NULL, Address nulled.
        assert_eq!(
            c1[0],
            [
                Some("1".into()),
                Some("[redacted]".into()),
                Some("[redacted]".into()),
                None,
                None
            ],
            "{name}"
        );
        assert_eq!(c1[1], c0[1], "{name}: Bjorn untouched");
        let changed = |col: usize, to: Option<&str>| {
            c0.iter()
                .zip(&c1)
                .filter(|(a, b)| a[col].is_some() && b[col].as_deref() == to && a[col] != b[col])
                .count() as u64
        };
        let customer = table("Customer");
        assert_eq!(customer["rows_reached"], 1);
        assert_eq!(customer["redacted"], changed(2, Some("[redacted]")));
        assert_eq!(customer["nulled"], changed(4, None));
        assert_eq!(
            (customer["hashed"].as_u64(), customer["deleted"].as_u64()),
            (Some(0), Some(0))
        );

        // Invoice: only the address that was there is nulled; totals kept.
        let nulled = i0
            .iter()
            .zip(&i1)
            .filter(|(a, b)| a[2].is_some() && b[2].is_none())
            .count() as u64;
        assert_eq!(nulled, 1, "{name}");
        let invoice = table("Invoice");
        assert_eq!(
            (invoice["rows_reached"].as_u64(), invoice["nulled"].as_u64()),
            (Some(2), Some(nulled)),
            "{name}: {invoice}"
        );
        assert_eq!(
            i1.iter().map(|i| i[3].clone()).collect::<Vec<_>>(),
            i0.iter().map(|i| i[3].clone()).collect::<Vec<_>>()
        );
        assert_eq!(i1[2], i0[2], "{name}: Bjorn's invoice untouched");

        // InvoiceLine: Astrid's three lines deleted, Bjorn's kept.
        let invoice_line = table("InvoiceLine");
        assert_eq!(
            invoice_line["deleted"].as_u64(),
            Some((l0.len() - l1.len()) as u64)
        );
        assert_eq!(l1, [l0[3].clone()], "{name}");
    }
}

/// Before any SQL store erases, every SQL store of the request must be ready: here one store
/// lost a mapped column, so neither erases; once it is back, a retry erases both.
#[tokio::test]
async fn a_deletion_where_one_store_fails_its_preflight_erases_nothing() {
    if !shop::postgres_available().await {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let pg = Shop::create(Engine::Postgres, &app.dir).await;
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    crate::stores::sql_store(&api, "Ready", "owner@shop.example", &lite.url).await;
    crate::stores::sql_store(&api, "Broken", "owner@shop.example", &pg.url).await;
    pg.execute("ALTER TABLE orders RENAME COLUMN shipping_address TO ship_to")
        .await;
    let before = (lite.dump("customers").await, lite.dump("orders").await);
    let pg_before = pg.dump("customers").await;

    let reference = verified_request(&app, "deletion", "ada@example.org")
        .await
        .0;
    let r = api
        .wait_tasks(&reference, |t| t["status"] == "failed")
        .await;
    for t in r["tasks"].as_array().unwrap() {
        let e = t["last_error"].as_str().unwrap();
        assert!(
            e.contains("erasure held: store 'Broken'") && e.contains("shipping_address"),
            "{e}"
        );
    }
    assert_eq!(
        (lite.dump("customers").await, lite.dump("orders").await),
        before,
        "the ready store erased nothing"
    );
    assert_eq!(pg.dump("customers").await, pg_before);

    pg.execute("ALTER TABLE orders RENAME COLUMN ship_to TO shipping_address")
        .await;
    for t in r["tasks"].as_array().unwrap() {
        let (s, _) = api
            .post(
                &format!("/api/v1/tasks/{}/retry", t["id"].as_str().unwrap()),
                json!({}),
            )
            .await;
        assert_eq!(s, 200);
    }
    api.wait_tasks(&reference, |t| t["status"] == "done").await;
    for s in [&lite, &pg] {
        assert_eq!(
            s.dump("customers").await[0][2].as_deref(),
            Some("[redacted]")
        );
    }
}

/// PostgreSQL tables in another schema are named `schema.table`; the store page says which
/// index would make look-ups fast until there is one.
#[tokio::test]
async fn schema_qualified_tables_and_index_advice() {
    if !shop::postgres_available().await {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let pg = Shop::empty(Engine::Postgres, &app.dir).await;
    pg.execute("CREATE SCHEMA sales").await;
    pg.execute("CREATE TABLE sales.customers (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, name VARCHAR(255))").await;
    pg.execute("CREATE TABLE sales.orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES sales.customers(id), note TEXT)").await;
    pg.execute("INSERT INTO sales.customers VALUES (1, 'Ada@Example.org', 'Ada'), (2, 'bob@example.org', 'Bob')").await;
    pg.execute("INSERT INTO sales.orders VALUES (10, 1, 'gift wrap'), (11, 2, 'none')")
        .await;
    let map = json!({"tables": [
        {"name": "sales.customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"name": {"category": "user.name", "erasure": "redact"}}},
        {"name": "sales.orders", "primary_key": "id", "references": {"customer_id": "sales.customers.id"},
         "fields": {"note": {"category": "user.other", "erasure": "null"}}}]});
    let (st, store) = register(&api, "Sales", &pg.url, map.clone()).await;
    assert_eq!(st, 201, "{store}");
    let id = store["id"].as_str().unwrap().to_string();
    let advice =
        r#"CREATE INDEX "customers_email_lookup" ON "sales"."customers" (LOWER(TRIM("email")))"#;
    assert_eq!(store["lookup_advice"], json!([advice]));
    let b = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&b, app.url(&format!("/console/stores/{id}"))).await;
    assert!(
        page.contains("cannot use an index") && page.contains("customers_email_lookup"),
        "{page}"
    );

    let reference = verified_request(&app, "access", "ada@example.org").await.0;
    let r = api.wait_tasks(&reference, |t| t["status"] == "done").await;
    assert_eq!(r["tasks"][0]["rows_reached"], 2);

    // With the index the advice goes, once the store is saved again.
    pg.execute(&advice.replace("\"customers_email_lookup\"", "customers_email_lookup"))
        .await;
    let (st, store) = api
        .patch(&format!("/api/v1/stores/{id}"), json!({"dataset": map}))
        .await;
    assert_eq!(st, 200, "{store}");
    assert_eq!(store["lookup_advice"], json!([]));
    let page = crate::support::page(&b, app.url(&format!("/console/stores/{id}"))).await;
    assert!(!page.contains("cannot use an index"));
}

/// With STEWARD_AUTO_COMPLETE naming a kind, a request of that kind completes by itself
/// once its stores are settled, and the subject is told; other kinds wait for staff.
#[tokio::test]
async fn requests_of_an_auto_complete_kind_close_themselves() {
    let app = TestApp::spawn_with(backends()[0], &[("STEWARD_AUTO_COMPLETE", "opt_out")]).await;
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
    let (st, _) = api
        .post(
            "/api/v1/stores",
            art30("Mailing list", "manual", "owner@shop.example"),
        )
        .await;
    assert_eq!(st, 201);
    let opt_out = verified_request(&app, "opt_out", "opt@example.org").await.0;
    let limit = verified_request(&app, "limit_use", "limit@example.org")
        .await
        .0;
    for reference in [&opt_out, &limit] {
        let r = api.wait_tasks(reference, |t| t["status"] == "open").await;
        let task = r["tasks"][0]["id"].as_str().unwrap();
        let (s, e) = api
            .post(
                &format!("/api/v1/tasks/{task}/result"),
                json!({"status": "done", "note": "removed from the list"}),
            )
            .await;
        assert_eq!(s, 200, "{e}");
    }
    let mut status = Value::Null;
    for _ in 0..100 {
        let (_, r) = api.get(&format!("/api/v1/requests/{opt_out}")).await;
        status = r["status"].clone();
        if status == "completed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, "completed");
    let mails = app.smtp.wait_for("opt@example.org", 2).await;
    assert!(
        mails
            .iter()
            .any(|m| m.subject.contains(&opt_out) && !m.subject.contains("confirm")),
        "the subject is told: {:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let (_, r) = api.get(&format!("/api/v1/requests/{limit}")).await;
    assert_eq!(
        (r["status"].as_str(), r["ready_to_close"].as_bool()),
        (Some("in_progress"), Some(true)),
        "a kind not listed waits for staff: {r}"
    );
}
