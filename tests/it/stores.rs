//! Data stores end to end: registration checked against live databases, fan-out on
//! verification, SQL access and erasure on real PostgreSQL, MariaDB and SQLite, a manual
//! store's upload, the subject's CSV, and failures that staff can retry.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::{Value, json};
use steward::domain::Role;

use crate::support::shop::{self, Engine, Shop, ada_rows};
use crate::support::{Api, TestApp, backends, hidden, link_with};

pub fn art30(name: &str, kind: &str, owner: &str) -> Value {
    json!({"name": name, "kind": kind, "owner_email": owner, "description": format!("{name} system"),
           "purposes": "Selling and delivering orders", "legal_basis": "Contract (Art. 6(1)(b))",
           "data_categories": "Contact details, order history", "subject_categories": "Customers",
           "recipients": "Parcel carriers", "transfers": "None", "retention": "10 years for invoices",
           "security_measures": "Encrypted at rest, access by role"})
}

pub async fn sql_store(api: &Api<'_>, name: &str, owner: &str, url: &str) -> String {
    let mut body = art30(name, "sql", owner);
    body["connection"] = url.into();
    body["dataset"] = shop::dataset();
    let (status, s) = api.post("/api/v1/stores", body).await;
    assert_eq!(status, 201, "{name}: {s}");
    assert!(
        s.get("connection").is_none(),
        "the connection string is never returned"
    );
    assert!(
        !s.to_string().contains(url),
        "no part of the connection string is returned"
    );
    s["id"].as_str().unwrap().to_string()
}

/// Files a request as the subject and confirms it by the emailed link.
pub async fn verified_request(app: &TestApp, kind: &str, email: &str) -> (String, String) {
    verified_request_with(
        app,
        &[("kind", kind), ("jurisdiction", "gdpr"), ("email", email)],
        email,
    )
    .await
}

pub async fn verified_request_with(
    app: &TestApp,
    fields: &[(&str, &str)],
    email: &str,
) -> (String, String) {
    let reference = app.submit_request(fields).await;
    // The confirmation for this request, whatever else the address was sent before.
    let mut mail = None;
    for n in 1..=5 {
        let mails = app.smtp.wait_for(email, n).await;
        if let Some(m) = mails.into_iter().find(|m| m.subject.contains(&reference)) {
            mail = Some(m);
            break;
        }
    }
    let mail = mail.expect("the confirmation mail for this request");
    let verify = link_with(&mail.body, "/privacy/verify/");
    let status_url = link_with(&mail.body, "/privacy/requests/");
    let res = app.browser().post(&verify).send().await.unwrap();
    assert_eq!(res.status(), 303);
    (reference, status_url)
}

fn parse_csv(text: &str) -> (Vec<String>, BTreeSet<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn expected(store: &str) -> Vec<Vec<String>> {
    ada_rows()
        .into_iter()
        .map(|(t, rec, f, cat, v)| {
            let v = if v.starts_with('@') {
                format!("'{v}")
            } else {
                v.to_string()
            };
            vec![
                store.into(),
                t.into(),
                rec.into(),
                f.into(),
                cat.into(),
                v,
                "false".into(),
            ]
        })
        .collect()
}

#[tokio::test]
async fn access_request_across_postgres_mariadb_and_a_manual_store() {
    if !shop::postgres_available().await || !shop::mysql_available().await {
        return;
    }
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
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
        let pg = Shop::create(Engine::Postgres, &app.dir).await;
        let maria = Shop::create(Engine::MariaDb, &app.dir).await;
        sql_store(&api, "Shop PG", "owner@shop.example", &pg.url).await;
        sql_store(&api, "Shop Maria", "owner@shop.example", &maria.url).await;
        let (s, _) = api
            .post(
                "/api/v1/stores",
                art30("Newsletter", "manual", "owner@shop.example"),
            )
            .await;
        assert_eq!(s, 201);

        let (reference, status_url) = verified_request(&app, "access", "ada@example.org").await;
        // The SQL stores are searched by the scheduler; the manual one waits for its owner.
        let r = api
            .wait_tasks(&reference, |t| {
                t["status"]
                    == if t["store"] == "Newsletter" {
                        "open"
                    } else {
                        "done"
                    }
            })
            .await;
        assert_eq!(r["status"], "in_progress", "{backend:?}");
        assert_eq!(r["tasks"].as_array().unwrap().len(), 3);
        let due = r["due_date"].as_str().unwrap();
        for t in r["tasks"].as_array().unwrap() {
            assert!(
                t["due_date"].as_str().unwrap() < due,
                "tasks are due ahead of the statutory date"
            );
        }
        let (s, err) = api
            .post(&format!("/api/v1/requests/{reference}/complete"), json!({}))
            .await;
        assert_eq!(s, 409, "not complete while a task is open: {err}");

        // The store owner finds the task in "My tasks" and uploads the subject's records.
        let owner = app.first_sign_in("owner@shop.example").await;
        let tasks_page = crate::support::page(&owner, app.url("/console/tasks")).await;
        assert!(tasks_page.contains(&reference) && tasks_page.contains("Newsletter"));
        let manual_task = r["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["store"] == "Newsletter")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let page =
            crate::support::page(&owner, app.url(&format!("/console/tasks/{manual_task}"))).await;
        assert!(
            page.contains("ada@example.org"),
            "the owner sees whose data to find"
        );
        let csrf = hidden(&page, "csrf").unwrap();
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf)
            .text("table", "subscriptions")
            .part(
                "file",
                reqwest::multipart::Part::bytes(
                    b"list,since\r\nweekly deals,2024-01-02\r\n=cmd,2025-03-04\r\n".to_vec(),
                )
                .file_name("ada.csv"),
            );
        let res = owner
            .post(app.url(&format!("/console/tasks/{manual_task}/upload")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            303,
            "{backend:?} upload: {}",
            res.text().await.unwrap()
        );
        // Kept aside first: the owner sees what the file holds, then keeps it.
        let (_, t) = api.get(&format!("/api/v1/tasks/{manual_task}")).await;
        assert_eq!(
            t["status"], "open",
            "nothing is kept before the owner confirms"
        );
        let page =
            crate::support::page(&owner, app.url(&format!("/console/tasks/{manual_task}"))).await;
        assert!(
            page.contains("<strong>2 records</strong> (4 values)")
                && page.contains("subscriptions")
                && page.contains("list, since"),
            "{backend:?}: the upload's size is shown before it is kept"
        );
        let csrf = hidden(&page, "csrf").unwrap();
        let res = owner
            .post(app.url(&format!("/console/tasks/{manual_task}/keep-upload")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let (_, t) = api.get(&format!("/api/v1/tasks/{manual_task}")).await;
        assert_eq!(t["status"], "done", "{t}");
        let res = owner
            .post(app.url(&format!("/console/tasks/{manual_task}/keep-upload")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409, "kept once");

        let (s, done) = api
            .post(&format!("/api/v1/requests/{reference}/complete"), json!({}))
            .await;
        assert_eq!(
            (s, done["status"].as_str()),
            (200, Some("completed")),
            "{done}"
        );

        // The package, row by row: every reachable field, nothing of Bob or Carol.
        let (s, csv_text) = api
            .text(&format!("/api/v1/requests/{reference}/package.csv"))
            .await;
        assert_eq!(s, 200);
        let (header, rows) = parse_csv(&csv_text);
        assert_eq!(
            header,
            [
                "store",
                "table",
                "record",
                "field",
                "data_category",
                "value",
                "is_null"
            ]
        );
        let mut want: BTreeSet<Vec<String>> = expected("Shop PG")
            .into_iter()
            .chain(expected("Shop Maria"))
            .collect();
        for (rec, field, value) in [
            ("1", "list", "weekly deals"),
            ("1", "since", "2024-01-02"),
            ("2", "list", "'=cmd"),
            ("2", "since", "2025-03-04"),
        ] {
            want.insert(vec![
                "Newsletter".into(),
                "subscriptions".into(),
                rec.into(),
                field.into(),
                String::new(),
                value.into(),
                "false".into(),
            ]);
        }
        // Steward itself is a store: the subject's own privacy requests are in the package.
        let (portal, rows): (BTreeSet<Vec<String>>, BTreeSet<Vec<String>>) =
            rows.into_iter().partition(|r| r[0] == "Privacy portal");
        assert!(
            portal
                .iter()
                .any(|r| r[1] == "privacy_requests" && r[3] == "kind" && r[5] == "access"),
            "{portal:?}"
        );
        assert_eq!(rows, want, "{backend:?}: package rows");
        assert_eq!(
            csv_text.lines().count(),
            want.len() + portal.len() + 1,
            "no duplicate rows"
        );
        for other in [
            "bob",
            "Bob",
            "carol",
            "HYPERLINK",
            "+44 20",
            "HAT-4",
            "Leeds",
        ] {
            assert!(
                !csv_text.contains(other),
                "{other} must not be in Ada's package"
            );
        }

        // The subject sees the Art. 15(1) information and downloads the same file.
        let b = app.browser();
        let status = crate::support::page(&b, &status_url).await;
        assert!(
            status.contains("Where we hold your data")
                && status.contains("Selling and delivering orders")
                && status.contains("Parcel carriers")
        );
        let link = status
            .split("href=\"")
            .find(|s| s.starts_with("/privacy/requests/") && s.contains("package.csv"))
            .expect("download link")
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&");
        let own = b.get(app.url(&link)).send().await.unwrap();
        assert_eq!(own.status(), 200);
        assert!(
            own.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let mut own_rows = parse_csv(&own.text().await.unwrap()).1;
        own_rows.retain(|r| r[0] != "Privacy portal");
        assert_eq!(own_rows, want, "the subject gets the same package");
        let forged = b
            .get(app.url(&link.replace("token=", "token=x")))
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 404);
    }
}

#[tokio::test]
async fn deletion_erases_per_strategy_and_leaves_everyone_else_untouched() {
    if !shop::postgres_available().await || !shop::mysql_available().await {
        return;
    }
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
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
        let shops = [
            Shop::create(Engine::Postgres, &app.dir).await,
            Shop::create(Engine::MariaDb, &app.dir).await,
            Shop::create(Engine::Sqlite, &app.dir).await,
        ];
        for (i, s) in shops.iter().enumerate() {
            sql_store(
                &api,
                &format!("Shop {i} {:?}", s.engine),
                "owner@shop.example",
                &s.url,
            )
            .await;
        }
        let mut before = Vec::new();
        for s in &shops {
            let mut tables = Vec::new();
            for t in ["customers", "orders", "order_items", "products"] {
                tables.push(s.dump(t).await);
            }
            before.push(tables);
        }

        let (reference, _) = verified_request(&app, "deletion", "ada@example.org").await;
        let r = api.wait_tasks(&reference, |t| t["status"] == "done").await;
        assert_eq!(r["tasks"].as_array().unwrap().len(), 3, "{backend:?}");

        for (s, before) in shops.iter().zip(&before) {
            let engine = s.engine;
            let customers = s.dump("customers").await;
            let ada = &customers[0];
            assert_eq!(
                ada[0].as_deref(),
                Some("1"),
                "{engine:?}: the key is retained"
            );
            let hashed = ada[1].clone().unwrap();
            assert!(
                hashed.len() == 64 && hashed.chars().all(|c| c.is_ascii_hexdigit()),
                "{engine:?}: email hashed: {hashed}"
            );
            assert_eq!(
                ada[2].as_deref(),
                Some("[redacted]"),
                "{engine:?}: name redacted"
            );
            assert_eq!(
                ada[3].as_deref(),
                Some("+44 20 0001"),
                "{engine:?}: unmapped columns are not touched"
            );
            assert_eq!(
                &customers[1..],
                &before[0][1..],
                "{engine:?}: other customers byte-for-byte unchanged"
            );

            let orders = s.dump("orders").await;
            for o in orders.iter().filter(|o| o[1].as_deref() == Some("1")) {
                assert_eq!(o[3], None, "{engine:?}: shipping address nulled");
            }
            let ada_totals: Vec<_> = orders
                .iter()
                .filter(|o| o[1].as_deref() == Some("1"))
                .map(|o| o[2].clone())
                .collect();
            let before_totals: Vec<_> = before[1]
                .iter()
                .filter(|o| o[1].as_deref() == Some("1"))
                .map(|o| o[2].clone())
                .collect();
            assert_eq!(
                ada_totals, before_totals,
                "{engine:?}: totals retained (tax records)"
            );
            let others: Vec<_> = orders
                .iter()
                .filter(|o| o[1].as_deref() != Some("1"))
                .cloned()
                .collect();
            let others_before: Vec<_> = before[1]
                .iter()
                .filter(|o| o[1].as_deref() != Some("1"))
                .cloned()
                .collect();
            assert_eq!(others, others_before, "{engine:?}: Bob's order unchanged");

            let items = s.dump("order_items").await;
            let ids: Vec<_> = items.iter().map(|i| i[0].clone().unwrap()).collect();
            assert_eq!(
                ids,
                ["103"],
                "{engine:?}: Ada's order items deleted, Bob's kept"
            );
            assert_eq!(items[0], before[2][3], "{engine:?}: Bob's item unchanged");
            assert_eq!(
                s.dump("products").await,
                before[3],
                "{engine:?}: table outside the map untouched"
            );
        }
        // The hash is keyed per store: the same email hashes differently in each.
        let hashes: BTreeSet<String> =
            futures_util::future::join_all(shops.iter().map(|s| s.dump("customers")))
                .await
                .into_iter()
                .map(|c| c[0][1].clone().unwrap())
                .collect();
        assert_eq!(hashes.len(), 3);

        // Counts reported per table on each task.
        let (_, t) = api
            .get(&format!(
                "/api/v1/tasks/{}",
                r["tasks"][0]["id"].as_str().unwrap()
            ))
            .await;
        let report = t["result"].as_array().expect("erasure report");
        let table = |name: &str| report.iter().find(|x| x["table"] == name).unwrap().clone();
        assert_eq!(
            (
                table("customers")["hashed"].as_u64(),
                table("customers")["redacted"].as_u64()
            ),
            (Some(1), Some(1))
        );
        assert_eq!(table("orders")["nulled"].as_u64(), Some(2));
        assert_eq!(table("order_items")["deleted"].as_u64(), Some(3));
        assert!(
            table("orders")["retained"]
                .to_string()
                .contains("tax records, 10 years")
        );

        let (s, done) = api
            .post(&format!("/api/v1/requests/{reference}/complete"), json!({}))
            .await;
        assert_eq!((s, done["status"].as_str()), (200, Some("completed")));
    }
}

/// A loopback TCP forwarder to PostgreSQL that can be switched off and on: a store that
/// goes down and comes back on the same address.
struct Switch {
    port: u16,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Switch {
    async fn new() -> Switch {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        let mut s = Switch { port, task: None };
        s.up().await;
        s
    }

    async fn up(&mut self) {
        let l = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap();
        self.task = Some(tokio::spawn(async move {
            let mut conns = tokio::task::JoinSet::new();
            while let Ok((mut inbound, _)) = l.accept().await {
                conns.spawn(async move {
                    if let Ok(mut out) = tokio::net::TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
            }
        }));
    }

    /// Stops listening and cuts every open connection.
    fn down(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }
}

#[tokio::test]
async fn a_store_that_is_down_fails_visibly_and_a_retry_completes() {
    if !shop::postgres_available().await {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
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
    let pg = Shop::create(Engine::Postgres, &app.dir).await;
    let mut switch = Switch::new().await;
    let via_switch = pg.url.replace(":5432/", &format!(":{}/", switch.port));
    sql_store(&api, "Flaky PG", "owner@shop.example", &via_switch).await;

    switch.down();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (reference, _) = verified_request(&app, "access", "ada@example.org").await;
    let r = api
        .wait_tasks(&reference, |t| t["status"] == "failed")
        .await;
    let err = r["tasks"][0]["last_error"].as_str().unwrap();
    assert!(
        err.contains("cannot reach the store"),
        "the error is shown: {err}"
    );
    let task = r["tasks"][0]["id"].as_str().unwrap().to_string();

    // Staff see it in the console, with the error and a retry button.
    let staff = app.signed_in(Role::PrivacyOfficer).await;
    let page = crate::support::page(&staff, app.url(&format!("/console/tasks/{task}"))).await;
    assert!(page.contains("cannot reach the store") && page.contains("Retry now"));
    let (s, _) = api
        .post(&format!("/api/v1/requests/{reference}/complete"), json!({}))
        .await;
    assert_eq!(
        s, 409,
        "a failed task blocks completion: never silently done"
    );

    switch.up().await;
    let csrf = hidden(&page, "csrf").unwrap();
    let res = staff
        .post(app.url(&format!("/console/tasks/{task}/retry")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let r = api.wait_tasks(&reference, |t| t["status"] == "done").await;
    assert!(r["tasks"][0]["last_error"].is_null());
    let (_, csv_text) = api
        .text(&format!("/api/v1/requests/{reference}/package.csv"))
        .await;
    let mut rows = parse_csv(&csv_text).1;
    rows.retain(|r| r[0] != "Privacy portal");
    assert_eq!(rows, expected("Flaky PG").into_iter().collect());
}

#[tokio::test]
async fn a_map_naming_missing_tables_or_columns_is_refused_when_saved() {
    let app = TestApp::spawn(backends()[0]).await;
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
    let db = Shop::create(Engine::Sqlite, &app.dir).await;
    let cases = [
        (
            json!({"tables": [{"name": "custmers", "primary_key": "id", "identities": {"email": "email"}, "fields": {}}]}),
            "custmers",
        ),
        (
            json!({"tables": [{"name": "customers", "primary_key": "id", "identities": {"email": "mail"}, "fields": {}}]}),
            "customers.mail",
        ),
        (
            json!({"tables": [{"name": "customers", "primary_key": "id", "identities": {"email": "email"}, "fields": {"nickname": {"category": "user.name"}}}]}),
            "customers.nickname",
        ),
        (
            json!({"tables": [{"name": "customers; DROP TABLE customers", "primary_key": "id", "identities": {"email": "email"}, "fields": {}}]}),
            "not a plain SQL name",
        ),
    ];
    for (dataset, named) in cases {
        let mut body = art30("Shop", "sql", "owner@shop.example");
        body["connection"] = db.url.clone().into();
        body["dataset"] = dataset;
        let (s, err) = api.post("/api/v1/stores", body).await;
        assert_eq!(s, 422, "{err}");
        assert_eq!(err["field"], "dataset");
        assert!(err["error"].as_str().unwrap().contains(named), "{err}");
    }
    let (_, list) = api.get("/api/v1/stores").await;
    assert_eq!(list["items"], json!([]), "nothing was saved");
    assert_eq!(
        db.dump("customers").await.len(),
        3,
        "the injection attempt did nothing"
    );

    let mut body = art30("Shop", "sql", "owner@shop.example");
    body["connection"] = "postgres://nobody@127.0.0.1:1/none".into();
    body["dataset"] = shop::dataset();
    let (s, err) = api.post("/api/v1/stores", body).await;
    assert_eq!(
        (s, err["field"].as_str()),
        (422, Some("connection")),
        "{err}"
    );
    let mut body = art30("Shop", "manual", "nobody@shop.example");
    body["purposes"] = "".into();
    let (s, err) = api.post("/api/v1/stores", body).await;
    assert_eq!((s, err["field"].as_str()), (422, Some("purposes")), "{err}");
    let (s, err) = api
        .post(
            "/api/v1/stores",
            art30("Shop", "manual", "nobody@shop.example"),
        )
        .await;
    assert_eq!(
        (s, err["field"].as_str()),
        (422, Some("owner_email")),
        "{err}"
    );
}

#[tokio::test]
async fn store_owners_see_only_their_own_tasks() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    app.staff(
        Role::StoreOwner,
        "alice@shop.example",
        "orbit kettle velvet 42",
    )
    .await;
    app.staff(
        Role::StoreOwner,
        "mallory@shop.example",
        "orbit kettle velvet 42",
    )
    .await;
    api.post(
        "/api/v1/stores",
        art30("Alice's CRM", "manual", "alice@shop.example"),
    )
    .await;
    api.post(
        "/api/v1/stores",
        art30("Mallory's wiki", "manual", "mallory@shop.example"),
    )
    .await;
    let fields = [
        ("kind", "correction"),
        ("jurisdiction", "gdpr"),
        ("email", "ada@example.org"),
        ("correction_what", "My surname"),
        ("correction_value", "Lovelace"),
    ];
    let (reference, _) = verified_request_with(&app, &fields, "ada@example.org").await;
    let r = api.wait_tasks(&reference, |t| t["status"] == "open").await;
    let alice_task = r["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["store"] == "Alice's CRM")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let mallory = app.first_sign_in("mallory@shop.example").await;
    let list = crate::support::page(&mallory, app.url("/console/tasks")).await;
    assert!(
        list.contains("s wiki</td>"),
        "her own store's task is listed"
    );
    assert!(
        !list.contains("Alice"),
        "another owner's task is not listed"
    );
    assert_eq!(
        mallory
            .get(app.url(&format!("/console/tasks/{alice_task}")))
            .send()
            .await
            .unwrap()
            .status(),
        404,
        "nor shown by id"
    );
    let page = crate::support::page(&mallory, app.url("/console/tasks")).await;
    let csrf = hidden(&page, "csrf").unwrap();
    let res = mallory
        .post(app.url(&format!("/console/tasks/{alice_task}/done")))
        .form(&[("csrf", csrf.as_str()), ("note", "done!")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "nor settled by id");
    assert_eq!(
        mallory
            .get(app.url(&format!("/console/requests/{}", r["id"].as_str().unwrap())))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );

    let mallory_api = Api {
        app: &app,
        token: app.token(Role::StoreOwner).await,
    };
    let (s, _) = mallory_api
        .get(&format!("/api/v1/tasks/{alice_task}"))
        .await;
    assert_eq!(s, 404);
    let (s, _) = mallory_api
        .post(
            &format!("/api/v1/tasks/{alice_task}/result"),
            json!({"status": "done"}),
        )
        .await;
    assert_eq!(s, 404);

    // Alice confirms the correction with a note; an exemption needs its basis.
    let alice = app.first_sign_in("alice@shop.example").await;
    let page = crate::support::page(&alice, app.url(&format!("/console/tasks/{alice_task}"))).await;
    assert!(
        page.contains("What is wrong"),
        "the correction asked for is shown"
    );
    let csrf = hidden(&page, "csrf").unwrap();
    let res = alice
        .post(app.url(&format!("/console/tasks/{alice_task}/exempt")))
        .form(&[("csrf", csrf.as_str()), ("note", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("id=\"note-error\""));
    let res = alice
        .post(app.url(&format!("/console/tasks/{alice_task}/done")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("note", "Surname corrected in CRM"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, t) = api.get(&format!("/api/v1/tasks/{alice_task}")).await;
    assert_eq!(t["status"], "done");
    assert_eq!(t["note"], "Surname corrected in CRM");
}

#[tokio::test]
async fn manual_uploads_are_validated() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        "orbit kettle velvet 42",
    )
    .await;
    api.post(
        "/api/v1/stores",
        art30("CRM", "manual", "owner@shop.example"),
    )
    .await;
    let (reference, _) = verified_request(&app, "access", "ada@example.org").await;
    let r = api.wait_tasks(&reference, |t| t["status"] == "open").await;
    let task = r["tasks"][0]["id"].as_str().unwrap().to_string();
    let owner = app.first_sign_in("owner@shop.example").await;
    let page = crate::support::page(&owner, app.url(&format!("/console/tasks/{task}"))).await;
    let csrf = hidden(&page, "csrf").unwrap();
    let big = vec![b'a'; 5 * 1024 * 1024 + 10];
    // Small in bytes, too many values: 50,001 rows of two columns (the 2,610,000-value upload
    // of the attack pass became that many encrypted rows in one transaction).
    let mut many = b"a,b\n".to_vec();
    for _ in 0..50_001 {
        many.extend_from_slice(b"1,2\n");
    }
    for (case, bytes, expect) in [
        ("too many values", many, "more than 100000 values"),
        ("empty", b"".to_vec(), "is empty"),
        ("not UTF-8", vec![b'a', b'\n', 0xff, 0xfe], "not UTF-8"),
        ("ragged", b"a,b\n1,2\n3\n".to_vec(), "line 3 has 1 columns"),
        ("header only", b"a,b\n".to_vec(), "no data rows"),
        ("too large", big, "larger than 5 MB"),
    ] {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name("x.csv"),
            );
        let res = owner
            .post(app.url(&format!("/console/tasks/{task}/upload")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{case}");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("id=\"file-error\"") && body.contains(expect),
            "{case}"
        );
    }
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"a\n1\n".to_vec()).file_name("x.csv"),
    );
    let res = owner
        .post(app.url(&format!("/console/tasks/{task}/upload")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "CSRF-less upload refused");
    let (_, t) = api.get(&format!("/api/v1/tasks/{task}")).await;
    assert_eq!(t["status"], "open", "nothing was kept");
}

#[tokio::test]
async fn console_store_form_rejects_bad_input_and_keeps_it() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.signed_in(Role::PrivacyOfficer).await;
    let csrf = app.csrf_of(&b, "/console/stores/new").await;
    let cases: Vec<crate::bad_input::FormCase> = vec![
        ("empty", vec![], "name", ""),
        (
            "unknown kind",
            vec![("name", "Kept Store"), ("kind", "ftp")],
            "kind",
            "Kept Store",
        ),
        (
            "bad owner",
            vec![
                ("name", "S"),
                ("kind", "manual"),
                ("owner_email", "not-an-email"),
            ],
            "owner_email",
            "not-an-email",
        ),
        (
            "sql without map",
            vec![
                ("name", "S"),
                ("kind", "sql"),
                ("connection", "sqlite:///tmp/x.db"),
            ],
            "dataset",
            "",
        ),
        (
            "bad map JSON",
            vec![("name", "S"), ("kind", "sql"), ("dataset", "{not json")],
            "dataset",
            "{not json",
        ),
        (
            "webhook without secret",
            vec![
                ("name", "S"),
                ("kind", "webhook"),
                ("url", "https://hooks.example/steward"),
            ],
            "secret",
            "https://hooks.example/steward",
        ),
    ];
    for (case, fields, field, kept) in cases {
        let mut form = fields.clone();
        form.push(("csrf", &csrf));
        let res = b
            .post(app.url("/console/stores/new"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{case}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains(&format!("href=\"#{field}\""))
                && page.contains(&format!("id=\"{field}-error\"")),
            "{case}: names {field}"
        );
        if !kept.is_empty() {
            assert!(page.contains(kept), "{case}: kept");
        }
    }
    // A secret typed into a failing form is not echoed back.
    let res = b
        .post(app.url("/console/stores/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "S"),
            ("kind", "webhook"),
            ("url", "ftp://bad"),
            ("secret", "super-secret-value-123"),
        ])
        .send()
        .await
        .unwrap();
    assert!(!res.text().await.unwrap().contains("super-secret-value-123"));
    let res = b
        .post(app.url("/console/stores/new"))
        .form(&[("name", "S"), ("kind", "manual")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "CSRF-less POST refused");
}

/// A store that wrote the address in another case, or with spaces around it, still holds
/// the person: access finds them on PostgreSQL, MariaDB and SQLite alike, and a deletion
/// erases them (a miss here would be reported as success, and the person kept).
#[tokio::test]
async fn an_email_stored_in_another_case_or_with_spaces_is_found() {
    if !(shop::postgres_available().await && shop::mysql_available().await) {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
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
    let shops = [
        Shop::create(Engine::Postgres, &app.dir).await,
        Shop::create(Engine::MariaDb, &app.dir).await,
        Shop::create(Engine::Sqlite, &app.dir).await,
    ];
    for (i, s) in shops.iter().enumerate() {
        // MariaDB's collation ignores trailing spaces, not leading ones: its variant has the
        // case and the trailing space, the others a space on both sides.
        let stored = if s.engine == Engine::MariaDb {
            "Ada@Example.ORG "
        } else {
            " Ada@Example.ORG  "
        };
        s.execute(&format!(
            "UPDATE customers SET email = '{stored}' WHERE id = 1"
        ))
        .await;
        // Someone else whose address differs only by an accent: never the same person

        // (MariaDB's collation would say it is).

        s.execute("INSERT INTO customers (id, email, name, phone) VALUES (9, 'adá@example.org', 'Not Ada', '0')")

            .await;
        sql_store(
            &api,
            &format!("Shop {i} {:?}", s.engine),
            "owner@shop.example",
            &s.url,
        )
        .await;
    }
    let (reference, _) = verified_request(&app, "access", "ada@example.org").await;
    api.wait_tasks(&reference, |t| t["status"] == "done").await;
    let (_, csv_text) = api
        .text(&format!("/api/v1/requests/{reference}/package.csv"))
        .await;
    let (_, rows) = parse_csv(&csv_text);
    for (i, s) in shops.iter().enumerate() {
        let store = format!("Shop {i} {:?}", s.engine);
        let names: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r[0] == store && r[1] == "customers" && r[3] == "name")
            .collect();
        assert_eq!(names.len(), 1, "{store}: Ada found once: {csv_text}");
        assert_eq!(names[0][5], "Ada Lovelace");
        assert!(
            rows.iter().any(|r| r[0] == store && r[1] == "orders"),
            "{store}: and her orders"
        );
    }
}

/// The store API changes any field (the dataset checked against the live schema again) and
/// deactivates a store, which then gets no task for a new request.
#[tokio::test]
async fn the_store_api_changes_and_deactivates_a_store() {
    let app = TestApp::spawn(backends()[0]).await;
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
    let shop = Shop::create(Engine::Sqlite, &app.dir).await;
    let id = sql_store(&api, "Shop", "owner@shop.example", &shop.url).await;
    let patch = |body: serde_json::Value| {
        let (api, id) = (&api, id.clone());
        async move {
            let res = reqwest::Client::new()
                .patch(api.app.url(&format!("/api/v1/stores/{id}")))
                .bearer_auth(&api.token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let s = res.status().as_u16();
            (s, res.json::<serde_json::Value>().await.unwrap_or_default())
        }
    };
    let mut bad = shop::dataset();
    bad["tables"][0]["fields"]["shoe_size"] = json!({"category": "user.other", "erasure": "null"});
    let (s, e) = patch(json!({"dataset": bad})).await;
    assert_eq!((s, e["field"].as_str()), (422, Some("dataset")), "{e}");
    assert!(
        e["error"].as_str().unwrap().contains("shoe_size"),
        "checked against the live schema: {e}"
    );
    let (s, v) = patch(json!({"name": "Shop DB", "retention": "3 years"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        (v["name"].as_str(), v["retention"].as_str()),
        (Some("Shop DB"), Some("3 years"))
    );
    assert_eq!(
        v["has_connection"], true,
        "the connection is kept when not given"
    );
    let (s, e) = patch(json!({"colour": "blue"})).await;
    assert_eq!(s, 422, "unknown fields are refused: {e}");

    // Its database gone: switching it off still works.
    std::fs::remove_file(shop.url.trim_start_matches("sqlite://")).unwrap();
    let (s, v) = api
        .post(&format!("/api/v1/stores/{id}/deactivate"), json!({}))
        .await;
    assert_eq!((s, v["active"].as_bool()), (200, Some(false)), "{v}");
    let (_, r) = api
        .post("/api/v1/requests", json!({"kind": "access", "jurisdiction": "gdpr", "email": "ada@example.org", "send_verification": false}))
        .await;
    let rid = r["id"].as_str().unwrap().to_string();
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{rid}/verify"),
            json!({"reason": "id card"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let (_, r) = api.get(&format!("/api/v1/requests/{rid}")).await;
    assert!(
        r["tasks"].as_array().unwrap().is_empty(),
        "a deactivated store gets no task: {r}"
    );
    assert_eq!(
        (r["status"].as_str(), r["ready_to_close"].as_bool()),
        (Some("verified"), Some(true)),
        "no store to ask: nothing left but closing: {r}"
    );
    let b = app.signed_in(Role::PrivacyOfficer).await;
    let queue = crate::support::page(&b, app.url("/console/requests")).await;
    assert!(queue.contains("ready to close"), "{queue}");
    let (_, r) = api
        .post(&format!("/api/v1/requests/{rid}/complete"), json!({}))
        .await;
    assert_eq!(
        (r["status"].as_str(), r["ready_to_close"].as_bool()),
        (Some("completed"), Some(false))
    );
}

/// A store that holds nothing of the person says so: the task is done, but "found nothing"
/// is shown apart in the API and on the request page.
#[tokio::test]
async fn a_store_that_found_nobody_says_so() {
    let app = TestApp::spawn(backends()[0]).await;
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
    let shop = Shop::create(Engine::Sqlite, &app.dir).await;
    sql_store(&api, "Shop", "owner@shop.example", &shop.url).await;
    let (nobody, _) = verified_request(&app, "access", "nobody@example.org").await;
    let r = api.wait_tasks(&nobody, |t| t["status"] == "done").await;
    assert_eq!(r["tasks"][0]["found_nothing"], true, "{r}");
    let (ada, _) = verified_request(&app, "access", "ada@example.org").await;
    let r = api.wait_tasks(&ada, |t| t["status"] == "done").await;
    assert_eq!(r["tasks"][0]["found_nothing"], false, "{r}");
    let b = app.signed_in(Role::PrivacyOfficer).await;
    let (_, n) = api.get(&format!("/api/v1/requests/{nobody}")).await;
    let page = crate::support::page(
        &b,
        app.url(&format!("/console/requests/{}", n["id"].as_str().unwrap())),
    )
    .await;
    assert!(page.contains("No data found for this person."), "{page}");
    assert!(
        page.contains("I checked: a store found no data"),
        "the form asks: {page}"
    );

    // Completing needs the officer to confirm it, and says which store; the other not.
    let nid = n["id"].as_str().unwrap();
    let (s, e) = api
        .post(&format!("/api/v1/requests/{nid}/complete"), json!({}))
        .await;
    assert_eq!(
        (s, e["field"].as_str()),
        (422, Some("confirm_nothing_found")),
        "{e}"
    );
    assert!(e["error"].as_str().unwrap().contains("Shop"), "{e}");
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{nid}/complete"),
            json!({"confirm_nothing_found": true}),
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("completed")), "{r}");
    let (s, r) = api
        .post(&format!("/api/v1/requests/{ada}/complete"), json!({}))
        .await;
    assert_eq!(
        (s, r["status"].as_str()),
        (200, Some("completed")),
        "found: nothing to confirm {r}"
    );
    let (_, audit) = api
        .text("/api/v1/exports/audit.csv?action=request.complete")
        .await;
    assert!(
        audit.contains("confirmed_nothing_found"),
        "the confirmation is audited: {audit}"
    );
}

/// A strategy that cannot fit its column is refused when the store is registered, naming
/// table, column and the problem: before, a `hash` into `VARCHAR(60)` failed at erasure
/// time on PostgreSQL and MariaDB while SQLite erased, so one person was half erased.
#[tokio::test]
async fn strategies_are_checked_against_live_columns_at_registration() {
    if !(shop::postgres_available().await && shop::mysql_available().await) {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
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
    let pg = Shop::create(Engine::Postgres, &app.dir).await;
    pg.execute("ALTER TABLE customers ALTER COLUMN email TYPE VARCHAR(60)")
        .await;
    let maria = Shop::create(Engine::MariaDb, &app.dir).await;
    maria
        .execute("ALTER TABLE customers MODIFY email VARCHAR(60) NOT NULL")
        .await;
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    for (name, s) in [("PG", &pg), ("Maria", &maria)] {
        let mut body = art30(name, "sql", "owner@shop.example");
        body["connection"] = s.url.clone().into();
        body["dataset"] = shop::dataset();
        let (st, e) = api.post("/api/v1/stores", body).await;
        assert_eq!(
            (st, e["field"].as_str()),
            (422, Some("dataset")),
            "{name}: {e}"
        );
        let msg = e["error"].as_str().unwrap();
        assert!(
            msg.contains("customers.email") && msg.contains("holds 60"),
            "{name}: {msg}"
        );
    }
    // NOT NULL with a null strategy, on SQLite too.
    let mut dataset = shop::dataset();
    dataset["tables"][0]["fields"]["email"]["erasure"] = "null".into();
    let mut body = art30("Lite", "sql", "owner@shop.example");
    body["connection"] = lite.url.clone().into();
    body["dataset"] = dataset;
    let (st, e) = api.post("/api/v1/stores", body).await;
    assert_eq!((st, e["field"].as_str()), (422, Some("dataset")), "{e}");
    assert!(e["error"].as_str().unwrap().contains("NOT NULL"), "{e}");
}
