//! Structured corrections end to end on PostgreSQL, MariaDB and SQLite stores: the subject
//! asks for a new name, address and phone number; each SQL store previews exactly what would
//! change (refusing a retained field and a value too long for its column, naming it); nothing
//! is written before approval; after it, exactly the approved fields of exactly the subject's
//! rows change; the subject is told what was corrected where and what was refused and why.

use serde_json::{Value, json};
use steward::domain::Role;

use crate::stores::art30;
use crate::support::shop::{self, Engine, Shop};
use crate::support::{Api, TestApp, link_with};

pub(crate) fn dataset() -> Value {
    json!({"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"email": {"category": "user.contact.email", "erasure": "hash"},
                    "name": {"category": "user.name", "erasure": "redact"},
                    "phone": {"category": "user.contact.phone", "erasure": "retain", "basis": "fraud checks"}}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "tax records"},
                    "shipping_address": {"category": "user.contact.address", "erasure": "null"}}},
        {"name": "order_items", "primary_key": "id", "references": {"order_id": "orders.id"},
         "erasure": "delete_row", "fields": {"sku": {"category": "user.behavior.purchase"}}}]})
}

const NEW_ADDRESS: &str = "12 St James's Square, London";

async fn dumps(s: &Shop) -> [Vec<Vec<Option<String>>>; 3] {
    [
        s.dump("customers").await,
        s.dump("orders").await,
        s.dump("order_items").await,
    ]
}

#[tokio::test]
async fn a_correction_is_previewed_approved_and_applied_exactly() {
    if !(shop::postgres_available().await && shop::mysql_available().await) {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let shops = [
        ("Shop PG", Shop::create(Engine::Postgres, &app.dir).await),
        ("Shop Maria", Shop::create(Engine::MariaDb, &app.dir).await),
        ("Shop Lite", Shop::create(Engine::Sqlite, &app.dir).await),
    ];
    // PostgreSQL's address column is too short for the new address.
    shops[0]
        .1
        .execute("ALTER TABLE orders ALTER COLUMN shipping_address TYPE VARCHAR(24)")
        .await;
    for (name, s) in &shops {
        let mut body = art30(name, "sql", "owner@shop.example");
        body["connection"] = s.url.clone().into();
        body["dataset"] = dataset();
        let (st, e) = api.post("/api/v1/stores", body).await;
        assert_eq!(st, 201, "{e}");
    }
    let (st, _) = api
        .post(
            "/api/v1/stores",
            art30("Paper files", "manual", "owner@shop.example"),
        )
        .await;
    assert_eq!(st, 201);

    // The form offers the categories and checks each value for its kind.
    let form = crate::support::page(&app.browser(), app.url("/privacy/requests/new")).await;
    for f in [
        "correct_name",
        "correct_address",
        "correct_phone",
        "correct_email",
    ] {
        assert!(form.contains(&format!("name=\"{f}\"")), "{f}");
    }
    let b = app.browser();
    let csrf = app.csrf_of(&b, "/privacy/requests/new").await;
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[
            ("kind", "correction"),
            ("jurisdiction", "gdpr"),
            ("email", "ada@example.org"),
            ("correct_phone", "call me maybe"),
            ("correct_name", "Ada King"),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"Ada King\""));
    assert!(
        page.contains(">Phone number: Please enter a phone number using digits"),
        "the message beside the input names its field: {page}"
    );

    let reference = app
        .submit_request(&[
            ("kind", "correction"),
            ("jurisdiction", "gdpr"),
            ("email", "ada@example.org"),
            ("correct_name", "Ada King"),
            ("correct_address", NEW_ADDRESS),
            ("correct_phone", "+44 20 7946 0000"),
        ])
        .await;
    let before: Vec<_> = futures_util::future::join_all(shops.iter().map(|(_, s)| dumps(s))).await;
    let mail = &app.smtp.wait_for("ada@example.org", 1).await[0];
    let verify = link_with(&mail.body, "/privacy/verify/");
    let status_url = link_with(&mail.body, "/privacy/requests/");
    assert_eq!(
        app.browser().post(&verify).send().await.unwrap().status(),
        303
    );

    // Each SQL store previews; the manual store's owner sees exactly what to change.
    let mut review = Value::Null;
    for _ in 0..300 {
        let (_, r) = api
            .get(&format!("/api/v1/requests/{reference}/corrections"))
            .await;
        review = r;
        let stores = review["stores"].as_array().cloned().unwrap_or_default();
        if stores.len() == 3 && stores.iter().all(|s| s["awaiting"] == true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let stores = review["stores"].as_array().expect("previews").clone();
    assert_eq!(stores.len(), 3, "{review}");
    let store = |name: &str| stores.iter().find(|s| s["store"] == name).unwrap().clone();
    for (name, _) in &shops {
        let s = store(name);
        let group = |t: &str, f: &str| {
            s["groups"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["table"] == t && g["field"] == f)
                .unwrap_or_else(|| panic!("{name}: {t}.{f} in {s}"))
                .clone()
        };
        let n = group("customers", "name");
        assert_eq!(n["rows"], json!([["1", "Ada Lovelace"]]), "{name}");
        assert_eq!(n["after"], "Ada King");
        assert!(n["refused"].is_null());
        let p = group("customers", "phone");
        assert!(
            p["refused"]
                .as_str()
                .unwrap()
                .contains("retained (fraud checks)"),
            "{p}"
        );
        let a = group("orders", "shipping_address");
        assert_eq!(
            a["rows"],
            json!([["10", "1 Analytical St, London"], ["11", "@SUM(1+1)"]])
        );
        if *name == "Shop PG" {
            assert_eq!(
                a["refused"],
                "orders.shipping_address: the new value has 28 characters but the column holds 24"
            );
        } else {
            assert!(a["refused"].is_null(), "{name}: {a}");
        }
        assert!(
            s["groups"]
                .as_array()
                .unwrap()
                .iter()
                .all(|g| g["table"] != "order_items"),
            "no mapped category there"
        );
    }
    let (_, tasks) = api.get("/api/v1/tasks").await;
    let paper = tasks
        .as_array()
        .or(tasks["items"].as_array())
        .unwrap()
        .iter()
        .find(|t| t["store_name"] == "Paper files")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let owner = app.first_sign_in("owner@shop.example").await;
    let task_page = crate::support::page(&owner, app.url(&format!("/console/tasks/{paper}"))).await;
    assert!(
        task_page.contains("Correct postal address to") && task_page.contains("St James"),
        "{task_page}"
    );

    // Staff see the same preview on the request page, with a form to decide each field.
    let officer = app.signed_in(Role::PrivacyOfficer).await;
    let (_, r) = api.get(&format!("/api/v1/requests/{reference}")).await;
    let detail = crate::support::page(
        &officer,
        app.url(&format!("/console/requests/{}", r["id"].as_str().unwrap())),
    )
    .await;
    assert!(
        detail.contains("preview for approval")
            && detail.contains("Approve and apply")
            && detail.contains("customers.name")
            && detail.contains("Cannot be changed: kept unchanged: retained (fraud checks)"),
        "{detail}"
    );

    // Nothing is written before approval.
    let now: Vec<_> = futures_util::future::join_all(shops.iter().map(|(_, s)| dumps(s))).await;
    assert_eq!(now, before);

    // A rejection needs its reason; a refused field cannot be forced.
    let maria_task = store("Shop Maria")["task_id"].as_str().unwrap().to_string();
    let pg_task = store("Shop PG")["task_id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/requests/{reference}/corrections");
    let (s, e) = api
        .post(
            &path,
            json!({"decisions": [{"task_id": maria_task, "table": "customers", "field": "name", "decision": "reject"}]}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("reason")), "{e}");
    let (s, e) = api
        .post(
            &path,
            json!({"decisions": [{"task_id": pg_task, "table": "orders", "field": "shipping_address", "decision": "apply"}]}),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(e["error"].as_str().unwrap().contains("holds 24"), "{e}");
    assert_eq!(
        futures_util::future::join_all(shops.iter().map(|(_, s)| dumps(s))).await,
        before
    );

    let (s, approval) = api
        .post(
            &path,
            json!({"decisions": [{"task_id": maria_task, "table": "customers", "field": "name",
                                  "decision": "reject", "reason": "the name there must match your ID document"}]}),
        )
        .await;
    assert_eq!(s, 200, "{approval}");

    for ((name, s), before) in shops.iter().zip(&before) {
        let [customers, orders, items] = dumps(s).await;
        let mut want_customers = before[0].clone();
        if *name != "Shop Maria" {
            want_customers[0][2] = Some("Ada King".into());
        }
        assert_eq!(
            customers, want_customers,
            "{name}: only Ada's name changed, and only where approved"
        );
        let mut want_orders = before[1].clone();
        if *name != "Shop PG" {
            want_orders[0][3] = Some(NEW_ADDRESS.into());
            want_orders[1][3] = Some(NEW_ADDRESS.into());
        }
        assert_eq!(orders, want_orders, "{name}: Ada's two addresses only");
        assert_eq!(items, before[2], "{name}: nothing else touched");
    }
    let done = approval["stores"].as_array().unwrap();
    assert!(done.iter().all(|s| s["status"] == "done"), "{approval}");
    let lite = done.iter().find(|s| s["store"] == "Shop Lite").unwrap();
    assert_eq!(
        lite["applied"],
        json!([{"table": "customers", "fields": ["name"], "rows_updated": 1},
               {"table": "orders", "fields": ["shipping_address"], "rows_updated": 2}])
    );

    // The timeline names who acted, never an internal id.
    let detail = crate::support::page(
        &officer,
        app.url(&format!("/console/requests/{}", r["id"].as_str().unwrap())),
    )
    .await;
    assert!(
        detail.contains("by Test Staff") && detail.contains("by the requester"),
        "{detail}"
    );
    assert!(!detail.contains("by user:"));

    // The subject is told, on the status page and by email.
    let status = crate::support::page(&app.browser(), &status_url).await;
    assert!(status.contains("What we corrected"), "{status}");
    assert!(
        status.contains(
            "Shop Maria – Name: not corrected, because the name there must match your ID document"
        ),
        "{status}"
    );
    assert!(status.contains("Shop Lite – Postal address: corrected"));
    assert!(status.contains("Shop PG – Postal address: not corrected, because orders.shipping_address: the new value has 28 characters but the column holds 24"));
    assert!(
        status.contains(
            "Phone number: not corrected, because kept unchanged: retained (fraud checks)"
        )
    );
    let mails = app.smtp.wait_for("ada@example.org", 2).await;
    let told = mails
        .iter()
        .find(|m| m.subject.starts_with("Your correction request"))
        .expect("the outcome by email");
    assert!(
        told.body.contains(
            "- Shop Maria – Name: not corrected (the name there must match your ID document)"
        ) && told
            .body
            .contains("- Shop Lite – Postal address: corrected"),
        "{}",
        told.body
    );

    // The audit log holds the approval and each store's change, without the values.
    let (_, audit) = api.text("/api/v1/exports/audit.csv").await;
    assert!(audit.contains("correction.approved") && audit.contains("correction.applied"));
    assert!(!audit.contains("Ada King") && !audit.contains("St James"));

    // Approving twice changes nothing more.
    let (s, _) = api.post(&path, json!({})).await;
    assert_eq!(s, 409);
}

/// Correcting the email address changes it in the store and makes it the identity Steward
/// looks the person up by from then on.
#[tokio::test]
async fn a_corrected_email_becomes_the_identity() {
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    let mut body = art30("Shop", "sql", "owner@shop.example");
    body["connection"] = lite.url.clone().into();
    body["dataset"] = dataset();
    assert_eq!(api.post("/api/v1/stores", body).await.0, 201);
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.org",
                   "corrections": [{"category": "email", "value": "Ada.King@Example.org"}],
                   "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    let (s, e) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "correction", "jurisdiction": "gdpr", "email": "ada@example.org",
                   "corrections": [{"category": "phone", "value": "ring ring"}]}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("corrections")), "{e}");
    let (s, _) = api
        .post(
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "signed in to the shop"}),
        )
        .await;
    assert_eq!(s, 200);
    let path = format!("/api/v1/requests/{id}/corrections");
    for _ in 0..300 {
        let (_, r) = api.get(&path).await;
        if r["stores"][0]["awaiting"] == true {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (s, a) = api.post(&path, json!({})).await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(
        lite.dump("customers").await[0][1].as_deref(),
        Some("Ada.King@example.org"),
        "written as parsed: the domain in lower case"
    );
    // Steward finds the person by the new address now: a new access request reaches them.
    let (_, again) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "ada.king@example.org",
                   "send_verification": false}),
        )
        .await;
    let again = again["id"].as_str().unwrap().to_string();
    api.post(
        &format!("/api/v1/requests/{again}/verify"),
        json!({"reason": "signed in"}),
    )
    .await;
    let r = api.wait_tasks(&again, |t| t["status"] == "done").await;
    assert_eq!(r["tasks"][0]["rows_reached"], 6, "{r}");
    let (_, audit) = api.text("/api/v1/exports/audit.csv").await;
    assert!(audit.contains("request.identity_corrected"));
    assert!(!audit.to_lowercase().contains("ada.king"));
}
