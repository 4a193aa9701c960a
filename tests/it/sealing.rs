//! Encrypted values are bound to their table, column and row (AES-GCM associated data): a
//! ciphertext moved to another row is refused, not read as that row's; values written before
//! this are sealed into their slot at start-up.

use diesel::prelude::*;
use serde_json::json;
use steward::db::schema::{requests, stores};
use steward::db::types::W;
use steward::domain::Role;

use crate::support::{Api, Backend, TestApp, backends};

#[tokio::test]
async fn a_ciphertext_moved_to_another_row_is_refused() {
    for backend in backends() {
        swapped(backend).await;
    }
}

async fn swapped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let a = api.file_verified("access", "alice@example.org").await;
    let b = api.file_verified("access", "bob@example.org").await;
    let (s, r) = api.get(&format!("/api/v1/requests/{a}")).await;
    assert_eq!((s, r["email"].as_str()), (200, Some("alice@example.org")));
    // Someone with write access to the database swaps the two addresses.
    let (ida, idb) = (a.clone(), b.clone());
    app.db(move |c| {
        let ea: String = requests::table
            .find(W(&ida))
            .select(requests::email_enc)
            .first(c)
            .unwrap();
        let eb: String = requests::table
            .find(W(&idb))
            .select(requests::email_enc)
            .first(c)
            .unwrap();
        assert!(ea.starts_with("v2:") && eb.starts_with("v2:"));
        diesel::update(requests::table.find(W(&ida)))
            .set(requests::email_enc.eq(&eb))
            .execute(c)
            .unwrap();
        diesel::update(requests::table.find(W(&idb)))
            .set(requests::email_enc.eq(&ea))
            .execute(c)
            .unwrap();
    })
    .await;
    for id in [&a, &b] {
        let (s, body) = api.text(&format!("/api/v1/requests/{id}")).await;
        assert_eq!(s, 200, "{backend:?}: the page still answers: {body}");
        let r: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            r["email"], "(cannot be decrypted)",
            "{backend:?}: a moved value does not open"
        );
        assert!(
            !body.contains("alice@") && !body.contains("bob@"),
            "{backend:?}: neither address is shown: {body}"
        );
    }
    // One such row does not take the lists down with it (finding 10 of issue 30).
    let (s, list) = api.text("/api/v1/requests").await;
    assert_eq!(s, 200, "{backend:?}: {list}");
    assert!(list.contains("(cannot be decrypted)") && !list.contains("alice@"));
    let (s, csv) = api
        .text("/api/v1/exports/requests.csv?include=identity")
        .await;
    assert_eq!(s, 200, "{backend:?}");
    assert_eq!(csv.lines().count(), 3, "{backend:?}: every row: {csv}");
    assert_eq!(csv.matches("(cannot be decrypted)").count(), 2, "{csv}");
    let officer = app.signed_in(Role::Admin).await;
    for path in [
        "/console/requests".to_string(),
        format!("/console/requests/{a}"),
    ] {
        let res = officer.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{backend:?}: {path}");
        let page = res.text().await.unwrap();
        assert!(!page.contains("alice@") && !page.contains("bob@"), "{path}");
    }
}

/// A consent record whose subject was moved to another record still leaves the export
/// whole: every record, that one's subject given as unreadable (it used to stop the
/// download short under a 200).
#[tokio::test]
async fn a_moved_consent_subject_leaves_the_export_whole() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let purpose =
        json!({"key": "newsletter", "name": "Newsletter", "notice_text": "Offers by email."});
    assert_eq!(api.post("/api/v1/purposes", purpose).await.0, 201);
    for who in ["ann@example.org", "ben@example.org", "cat@example.org"] {
        let (s, r) = api
            .post(
                "/api/v1/consent",
                json!({"subject": who, "purpose": "newsletter", "status": "granted",
                       "method": "staff", "note": "asked at the till"}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
    }
    app.db(|c| {
        use steward::db::schema::consent_records::dsl::*;
        let all: Vec<(String, Option<String>)> = consent_records
            .select((id, subject_enc))
            .order(recorded_at.asc())
            .load(c)
            .unwrap();
        diesel::update(consent_records.find(&all[0].0))
            .set(subject_enc.eq(&all[1].1))
            .execute(c)
            .unwrap();
    })
    .await;
    let (s, csv) = api.text("/api/v1/exports/consent.csv").await;
    assert_eq!(s, 200);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "every record: {csv}");
    assert_eq!(
        rows.iter()
            .filter(|r| r.contains("(cannot be decrypted)"))
            .count(),
        1,
        "{csv}"
    );
    assert!(
        csv.contains("ben@example.org") && csv.contains("cat@example.org"),
        "the others are whole: {csv}"
    );
    assert!(
        !csv.contains("ann@example.org"),
        "the moved subject is never shown as another's: {csv}"
    );
}

#[tokio::test]
async fn values_written_before_slots_are_sealed_at_start_up() {
    for backend in backends() {
        legacy(backend).await;
    }
}

async fn legacy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "old@example.org",
                   "name": "Olive Old", "details": "filed long ago", "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    let owner = "owner@staff.example";
    app.staff(Role::StoreOwner, owner, crate::support::PASSWORD)
        .await;
    let (s, store) = api
        .post(
            "/api/v1/stores",
            crate::stores::art30("Helpdesk", "manual", owner),
        )
        .await;
    assert_eq!(s, 201, "{store}");
    let store_id = store["id"].as_str().unwrap().to_string();
    // Rewrite them as an older Steward stored them: no associated data, no prefix, and no
    // mark that the start-up pass ran.
    let keys = app.svc.keys.clone();
    let (rid, sid) = (id.clone(), store_id.clone());
    app.db(move |c| {
        diesel::delete(steward::db::schema::settings::table.find(steward::db::rebind::DONE))
            .execute(c)
            .unwrap();
        diesel::update(requests::table.find(W(&rid)))
            .set((
                requests::email_enc.eq(keys.seal_unbound_for_tests("old@example.org")),
                requests::name_enc.eq(Some(keys.seal_unbound_for_tests("Olive Old"))),
            ))
            .execute(c)
            .unwrap();
        diesel::update(stores::table.find(W(&sid)))
            .set(stores::hash_key_enc.eq(keys.seal_unbound_for_tests("00ff")))
            .execute(c)
            .unwrap();
    })
    .await;
    let (s, r) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(
        (s, r["email"].as_str()),
        (200, Some("(cannot be decrypted)")),
        "the old format is not read outside the start-up pass"
    );

    let keys = app.svc.keys.clone();
    let done = app
        .db(move |c| steward::db::rebind::run(c, &keys).unwrap())
        .await;
    assert_eq!((done.sealed, done.unreadable), (3, 0), "{backend:?}");
    let (s, r) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["email"], "old@example.org");
    assert_eq!(r["name"], "Olive Old");
    let (rid, sid) = (id.clone(), store_id.clone());
    let (email, hash_key) = app
        .db(move |c| {
            let e: String = requests::table
                .find(W(&rid))
                .select(requests::email_enc)
                .first(c)
                .unwrap();
            let h: String = stores::table
                .find(W(&sid))
                .select(stores::hash_key_enc)
                .first(c)
                .unwrap();
            (e, h)
        })
        .await;
    assert!(email.starts_with("v2:") && hash_key.starts_with("v2:"));
    let slot = steward::db::slots::store_hash_key(&store_id);
    assert_eq!(app.svc.keys.open(&hash_key, slot).unwrap(), "00ff");
    let keys = app.svc.keys.clone();
    let (again, marked, forced) = app
        .db(move |c| {
            let again = steward::db::rebind::run(c, &keys).unwrap();
            let marked = steward::db::settings::get(c, steward::db::rebind::DONE).unwrap();
            // Without the mark the pass reads everything again, and finds nothing to seal.
            diesel::delete(steward::db::schema::settings::table.find(steward::db::rebind::DONE))
                .execute(c)
                .unwrap();
            (again, marked, steward::db::rebind::run(c, &keys).unwrap())
        })
        .await;
    assert_eq!(again.sealed, 0, "a second pass has nothing left to do");
    assert!(
        marked.is_some(),
        "the pass marks itself done, so start-ups skip it"
    );
    assert_eq!((forced.sealed, forced.unreadable), (0, 0));
}
