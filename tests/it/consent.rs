//! The consent ledger over HTTP: purposes and notice versions, records and current state,
//! site keys with their origins, Global Privacy Control, the export, and the ledger's part
//! in access and deletion requests.

use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use steward::domain::Role;

use crate::support::{Api, TestApp, backends};

const SHOP: &str = "https://shop.example";

async fn site_key(api: &Api<'_>) -> String {
    site_key_and_id(api).await.0
}

/// A new site key for the shop, and its id (how staff name the site's visitors).
async fn site_key_and_id(api: &Api<'_>) -> (String, String) {
    let (s, k) = api
        .post(
            "/api/v1/site-keys",
            json!({"name": "Shop", "origins": [SHOP, "http://127.0.0.1:9"]}),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    let key = k["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("sk_"));
    (key, k["id"].as_str().unwrap().to_string())
}

/// A public call as a browser on `origin` (or a back end, with none) makes it.
async fn public(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    key: Option<&str>,
    origin: Option<&str>,
    gpc: bool,
    body: Option<Value>,
) -> (u16, HeaderMap, Value) {
    let mut r = reqwest::Client::new().request(method, app.url(path));
    if let Some(k) = key {
        r = r.header("X-Steward-Site-Key", k);
    }
    if let Some(o) = origin {
        r = r.header("Origin", o);
    }
    if gpc {
        r = r.header("Sec-GPC", "1");
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let res = r
        .header("User-Agent", "TestBrowser/1.0")
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.json().await.unwrap_or(Value::Null))
}

/// A shop's back end recording a choice for an email address: with a staff token, never
/// the public site key.
async fn staff_write(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/consent"))
        .bearer_auth(token)
        .header("User-Agent", "TestBrowser/1.0")
        .json(&body)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn purposes(api: &Api<'_>) {
    for body in [
        json!({"key": "newsletter", "name": "Marketing email", "notice_text": "We send offers by email.\nUnsubscribe any time."}),
        json!({"key": "ads", "name": "Targeted advertising", "notice_text": "We share data with ad partners.", "sale_or_sharing": true}),
        json!({"key": "essential", "name": "Essential", "notice_text": "Needed for the cart.", "necessary": true}),
    ] {
        let (s, p) = api.post("/api/v1/purposes", body).await;
        assert_eq!(s, 201, "{p}");
        assert_eq!(p["notice_version"], 1);
        assert_eq!(p["notice_sha256"].as_str().unwrap().len(), 64);
    }
}

#[tokio::test]
async fn grant_withdraw_new_notice_regrant() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let api = Api {
            app: &app,
            token: app.token(Role::PrivacyOfficer).await,
        };
        let admin = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        purposes(&api).await;
        let (s, e) = api
            .post(
                "/api/v1/purposes",
                json!({"key": "newsletter", "name": "x", "notice_text": "y"}),
            )
            .await;
        assert_eq!(
            (s, e["field"].as_str()),
            (422, Some("key")),
            "a key is taken once: {e}"
        );
        let (s, e) = api
            .post(
                "/api/v1/purposes",
                json!({"key": "Bad Key", "name": "x", "notice_text": "y"}),
            )
            .await;
        assert_eq!((s, e["field"].as_str()), (422, Some("key")), "{e}");
        let (s, e) = api
            .post(
                "/api/v1/purposes",
                json!({"key": "k", "name": "x", "notice_text": "  "}),
            )
            .await;
        assert_eq!((s, e["field"].as_str()), (422, Some("notice_text")), "{e}");
        let key = site_key(&admin).await;

        let write = |status: &'static str| json!({"subject": "Ann@Example.org", "purpose": "newsletter", "status": status, "method": "web_form", "jurisdiction": "gdpr", "page_url": "https://shop.example/signup"});
        // The site key is public: it records for a visitor id only, never for an address.
        let (s, _, e) = public(
            &app,
            reqwest::Method::POST,
            "/api/v1/consent",
            Some(&key),
            None,
            false,
            Some(write("granted")),
        )
        .await;
        assert_eq!((s, e["field"].as_str()), (403, Some("subject")), "{e}");
        let (s, r) = api.post("/api/v1/consent", write("granted")).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(
            (r["status"].as_str(), r["notice_version"].as_i64()),
            (Some("granted"), Some(1))
        );
        let (s, r) = api.post("/api/v1/consent", write("withdrawn")).await;
        assert_eq!(s, 201, "{r}");
        let (s, n) = api
            .post(
                "/api/v1/purposes/newsletter/notices",
                json!({"notice_text": "We send offers by email, weekly.\nUnsubscribe any time."}),
            )
            .await;
        assert_eq!((s, n["notice_version"].as_i64()), (201, Some(2)), "{n}");
        let (s, e) = api
            .post(
                "/api/v1/purposes/newsletter/notices",
                json!({"notice_text": "We send offers by email, weekly.\nUnsubscribe any time."}),
            )
            .await;
        assert_eq!(
            (s, e["field"].as_str()),
            (422, Some("notice_text")),
            "the same text is not a new version: {e}"
        );
        let (s, r) = api.post("/api/v1/consent", write("granted")).await;
        assert_eq!((s, r["notice_version"].as_i64()), (201, Some(2)), "{r}");

        // The same person, however the address is written.
        let (s, state) = api.get("/api/v1/consent?subject=ann%40example.org").await;
        assert_eq!(s, 200, "{state}");
        let current = state["current"].as_array().unwrap();
        assert_eq!(current.len(), 1, "{state}");
        assert_eq!(
            (
                current[0]["status"].as_str(),
                current[0]["notice_version"].as_i64()
            ),
            (Some("granted"), Some(2))
        );
        let history: Vec<(&str, i64)> = state["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["status"].as_str().unwrap(),
                    h["notice_version"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            history,
            vec![("granted", 1), ("withdrawn", 1), ("granted", 2)],
            "{backend:?}"
        );
        assert_eq!(
            state["history"][0]["page_url"],
            "https://shop.example/signup"
        );
        assert_eq!(state["history"][0]["method"], "web_form");

        // Bad bodies name their field; nothing is written.
        for (body, field) in [
            (
                json!({"subject": "ann@example.org", "purpose": "nope", "status": "granted"}),
                "purpose",
            ),
            (
                json!({"subject": "ann@example.org", "purpose": "essential", "status": "granted"}),
                "purpose",
            ),
            (
                json!({"subject": "ann@example.org", "purpose": "newsletter", "status": "maybe"}),
                "status",
            ),
            (
                json!({"subject": "not an id!", "purpose": "newsletter", "status": "granted"}),
                "subject",
            ),
            (
                json!({"subject": "ann@example.org", "purpose": "newsletter", "status": "granted", "notice_version": 9}),
                "notice_version",
            ),
            (
                json!({"subject": "ann@example.org", "purpose": "newsletter", "status": "granted", "method": "gpc"}),
                "method",
            ),
        ] {
            let (s, e) = api.post("/api/v1/consent", body.clone()).await;
            assert_eq!(
                (s, e["field"].as_str()),
                (422, Some(field)),
                "{body} -> {e}"
            );
        }
        let visitor = "0123456789abcdef0123456789abcdef";
        for (body, field) in [
            (
                json!({"subject": visitor, "purpose": "newsletter", "status": "granted", "method": "staff"}),
                "method",
            ),
            (
                json!({"subject": visitor, "purpose": "newsletter", "status": "granted", "method": "preference_centre"}),
                "method",
            ),
            (
                json!({"subject": visitor, "purpose": "nope", "status": "granted"}),
                "purpose",
            ),
        ] {
            let (s, h, e) = public(
                &app,
                reqwest::Method::POST,
                "/api/v1/consent",
                Some(&key),
                Some(SHOP),
                false,
                Some(body.clone()),
            )
            .await;
            assert_eq!(
                (s, e["field"].as_str()),
                (422, Some(field)),
                "{body} -> {e}"
            );
            assert_eq!(
                h["access-control-allow-origin"], SHOP,
                "the banner can read why"
            );
        }
        let (_, state) = api.get("/api/v1/consent?subject=ann%40example.org").await;
        assert_eq!(
            state["history"].as_array().unwrap().len(),
            3,
            "nothing half-written"
        );

        // Staff on the subject's behalf: needs a note, and is audited.
        let (s, e) = api.post("/api/v1/consent", json!({"subject": "cust-42", "purpose": "newsletter", "status": "withdrawn", "method": "staff"})).await;
        assert_eq!((s, e["field"].as_str()), (422, Some("note")), "{e}");
        let (s, r) = api.post("/api/v1/consent", json!({"subject": "cust-42", "purpose": "newsletter", "status": "withdrawn", "method": "staff", "note": "asked by phone"})).await;
        assert_eq!(s, 201, "{r}");
        let audited = app
            .db(|c| {
                use diesel::prelude::*;
                use steward::db::schema::audit_log::dsl::*;
                audit_log
                    .filter(action.eq("consent.recorded"))
                    .count()
                    .get_result::<i64>(c)
            })
            .await
            .unwrap();
        assert_eq!(
            audited, 4,
            "every record staff made (three for ann, one here) is audited"
        );
        let auditor = Api {
            app: &app,
            token: app.token(Role::Auditor).await,
        };
        let (s, _) = auditor
            .post(
                "/api/v1/consent",
                json!({"subject": "cust-42", "purpose": "newsletter", "status": "granted"}),
            )
            .await;
        assert_eq!(s, 403, "an auditor reads, never records");
        let (s, _) = auditor.get("/api/v1/consent?subject=cust-42").await;
        assert_eq!(s, 200);
    }
}

#[tokio::test]
async fn site_keys_and_origins() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    purposes(&api).await;
    let key = site_key(&api).await;
    let body = json!({"subject": "00000000000000000000000000000001", "purpose": "newsletter", "status": "granted"});
    let (s, h, e) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        None,
        Some(SHOP),
        false,
        Some(body.clone()),
    )
    .await;
    assert_eq!(
        (s, e["field"].as_str()),
        (401, Some("X-Steward-Site-Key")),
        "{e}"
    );
    assert!(h.get("access-control-allow-origin").is_none());
    let (s, _, _) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        Some("sk_wrong"),
        Some(SHOP),
        false,
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, 401);
    let (s, h, e) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        Some(&key),
        Some("https://evil.example"),
        false,
        Some(body.clone()),
    )
    .await;
    assert_eq!((s, e["field"].as_str()), (403, Some("Origin")), "{e}");
    assert!(
        h.get("access-control-allow-origin").is_none(),
        "a refused origin learns nothing"
    );
    let (s, h, r) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        Some(&key),
        Some(SHOP),
        false,
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(h["access-control-allow-origin"], SHOP);

    // Pre-flight: for origins a live key lists, with the key header allowed.
    let (s, h, _) = public(
        &app,
        reqwest::Method::OPTIONS,
        "/api/v1/consent/banner",
        None,
        Some(SHOP),
        false,
        None,
    )
    .await;
    assert_eq!(s, 204);
    assert_eq!(h["access-control-allow-origin"], SHOP);
    assert!(
        h["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("X-Steward-Site-Key")
    );
    let (s, h, _) = public(
        &app,
        reqwest::Method::OPTIONS,
        "/api/v1/consent",
        None,
        Some("https://evil.example"),
        false,
        None,
    )
    .await;
    assert_eq!(s, 403);
    assert!(h.get("access-control-allow-origin").is_none());

    // Revoked in the console: refused at once.
    let b = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&b, app.url("/console/consent/site-keys")).await;
    let id = app
        .db(|c| {
            use diesel::prelude::*;
            use steward::db::schema::site_keys::dsl::*;
            site_keys.select(id).first::<String>(c)
        })
        .await
        .unwrap();
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    let res = b
        .post(app.url(&format!("/console/consent/site-keys/{id}/revoke")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let (s, _, _) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        Some(&key),
        Some(SHOP),
        false,
        Some(body),
    )
    .await;
    assert_eq!(s, 401, "a revoked key is refused");
}

#[tokio::test]
async fn global_privacy_control_is_an_opt_out_and_is_linked() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let api = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        purposes(&api).await;
        let (key, site) = site_key_and_id(&api).await;

        // The banner's first read with GPC on: the opt-out is recorded before any click.
        let (s, _, b) = public(
            &app,
            reqwest::Method::GET,
            "/api/v1/consent/banner?visitor=0123456789abcdef0123456789abcdef",
            Some(&key),
            Some(SHOP),
            true,
            None,
        )
        .await;
        assert_eq!(s, 200, "{b}");
        assert_eq!(b["gpc"]["honoured"], true);
        let gpc_records = b["gpc"]["records"].as_array().unwrap().clone();
        assert_eq!(gpc_records.len(), 1, "one sale/sharing purpose: {b}");
        assert_eq!(b["purposes"].as_array().unwrap().len(), 3);
        let ads = b["choices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["purpose"] == "ads")
            .unwrap()
            .clone();
        assert_eq!(
            (ads["status"].as_str(), ads["record_id"].as_str()),
            (Some("withdrawn"), gpc_records[0].as_str())
        );

        // Reading again records nothing new; "accept all" under GPC keeps sale/sharing off.
        let (_, _, b) = public(
            &app,
            reqwest::Method::GET,
            "/api/v1/consent/banner?visitor=0123456789abcdef0123456789abcdef",
            Some(&key),
            Some(SHOP),
            true,
            None,
        )
        .await;
        assert!(b["gpc"]["records"].as_array().unwrap().is_empty(), "{b}");
        let (s, _, b) = public(&app, reqwest::Method::POST, "/api/v1/consent/banner", Some(&key), Some(SHOP), true, Some(json!({
            "visitor": "0123456789abcdef0123456789abcdef", "page_url": "https://shop.example/", "banner_version": "1",
            "choices": [{"purpose": "newsletter", "status": "granted", "notice_version": 1}, {"purpose": "ads", "status": "granted", "notice_version": 1}]
        }))).await;
        assert_eq!(s, 201, "{b}");
        let status_of = |b: &Value, p: &str| {
            b["choices"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["purpose"] == p)
                .map(|c| c["status"].as_str().unwrap().to_string())
        };
        assert_eq!(status_of(&b, "ads").as_deref(), Some("withdrawn"));
        assert_eq!(status_of(&b, "newsletter").as_deref(), Some("granted"));
        assert_eq!(
            status_of(&b, "essential"),
            None,
            "necessary purposes are never recorded"
        );

        let (_, state) = api
            .get(&format!(
                "/api/v1/consent?subject=visitor:{site}:0123456789abcdef0123456789abcdef"
            ))
            .await;
        let gpc: Vec<&Value> = state["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["method"] == "gpc")
            .collect();
        assert_eq!(gpc.len(), 1, "{state}");
        assert_eq!(gpc[0]["id"], gpc_records[0]);
        assert_eq!(gpc[0]["gpc"], true);

        // Without a visitor id, or with an email as one: refused, named.
        let (s, _, e) = public(
            &app,
            reqwest::Method::GET,
            "/api/v1/consent/banner?visitor=ann%40example.org",
            Some(&key),
            Some(SHOP),
            false,
            None,
        )
        .await;
        assert_eq!((s, e["field"].as_str()), (422, Some("visitor")), "{e}");
    }
}

#[tokio::test]
async fn consent_export_holds_every_record_with_proof_and_is_formula_safe() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    purposes(&api).await;

    for (subject, status) in [
        ("a@example.org", "granted"),
        ("b@example.org", "withdrawn"),
        ("c@example.org", "granted"),
    ] {
        let (s, r) = staff_write(&app, &api.token, json!({"subject": subject, "purpose": "newsletter", "status": status, "page_url": "=HYPERLINK(\"http://x\")"})).await;
        assert_eq!(s, 201, "{r}");
    }
    let auditor = Api {
        app: &app,
        token: app.token(Role::Auditor).await,
    };
    let (s, csv) = auditor.text("/api/v1/exports/consent.csv").await;
    assert_eq!(s, 200);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    for col in [
        "record_id",
        "recorded_at",
        "subject",
        "purpose",
        "notice_version",
        "status",
        "method",
        "ip_hmac",
        "user_agent",
        "page_url",
        "gpc",
        "banner_version",
    ] {
        assert!(header.iter().any(|h| h == col), "{col} in {header:?}");
    }
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3);
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    assert_eq!(&records[1][col("subject")], "b@example.org");
    assert_eq!(&records[1][col("status")], "withdrawn");
    assert_eq!(&records[0][col("user_agent")], "TestBrowser/1.0");
    assert_eq!(
        records[0][col("ip_hmac")].len(),
        64,
        "the address is kept only as an HMAC"
    );
    assert!(!csv.contains("127.0.0.1"), "no raw IP address");
    assert!(
        records[0][col("page_url")].starts_with("'="),
        "formula defused"
    );
    let (s, e) = auditor
        .get("/api/v1/exports/consent.csv?from=2026-13-01")
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("from")), "{e}");
    let (_, csv) = auditor
        .text("/api/v1/exports/consent.csv?purpose=ads")
        .await;
    assert_eq!(
        csv.lines().count(),
        1,
        "header only for a purpose without records"
    );
}

#[tokio::test]
async fn access_package_holds_consent_and_deletion_pseudonymises_it() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let api = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        purposes(&api).await;

        let (s, _) = staff_write(&app, &api.token, json!({"subject": "dora@example.org", "purpose": "newsletter", "status": "granted", "page_url": "https://shop.example/signup?email=dora@example.org"})).await;
        assert_eq!(s, 201);

        let closed = |kind: &'static str| {
            let api = &api;
            async move {
                let (s, r) = api.post("/api/v1/requests", json!({"kind": kind, "jurisdiction": "gdpr", "email": "Dora@example.org", "send_verification": false})).await;
                assert_eq!(s, 201, "{r}");
                let id = r["id"].as_str().unwrap().to_string();
                let (s, r) = api
                    .post(
                        &format!("/api/v1/requests/{id}/verify"),
                        json!({"reason": "id card"}),
                    )
                    .await;
                assert_eq!(s, 200, "{r}");
                let (s, r) = api
                    .post(&format!("/api/v1/requests/{id}/complete"), json!({}))
                    .await;
                assert_eq!(s, 200, "{r}");
                id
            }
        };
        let access = closed("access").await;
        let (s, csv) = api
            .text(&format!("/api/v1/requests/{access}/package.csv"))
            .await;
        assert_eq!(s, 200, "{csv}");
        let portal: Vec<&str> = csv
            .lines()
            .filter(|l| l.starts_with("Privacy portal,"))
            .collect();
        assert!(
            portal.iter().any(|l| l.contains(",consent_records,")
                && l.ends_with(",purpose,user.consent,newsletter,false")),
            "{csv}"
        );
        assert!(
            portal
                .iter()
                .any(|l| l.contains(",status,user.consent,granted")),
            "{csv}"
        );
        assert!(
            portal.iter().any(|l| l.contains(",privacy_requests,")
                && l.ends_with(",kind,user.privacy_request,access,false")),
            "{csv}"
        );

        closed("deletion").await;
        let (_, state) = api.get("/api/v1/consent?subject=dora%40example.org").await;
        assert!(
            state["history"].as_array().unwrap().is_empty(),
            "no longer found by the address: {state}"
        );
        let (_, csv) = api.text("/api/v1/exports/consent.csv").await;
        let line = csv
            .lines()
            .find(|l| l.contains(",newsletter,"))
            .unwrap()
            .to_string();
        assert!(!line.contains("dora"), "identifiers removed: {line}");
        assert!(
            line.contains(",granted,"),
            "what was agreed stays as proof: {line}"
        );
        assert!(!line.contains("TestBrowser"), "{line}");
    }
}

#[tokio::test]
async fn preference_centre_link_is_single_use_and_changes_choices() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    purposes(&api).await;
    let (s, r) = api
        .post(
            "/api/v1/consent",
            json!({"subject": "eve@example.org", "purpose": "newsletter", "status": "granted"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");

    // Asking: a bad address is named and kept; a good one gets a link by email.
    let b = app.browser();
    let page = crate::support::page(&b, app.url("/privacy/preferences")).await;
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    let res = b
        .post(app.url("/privacy/preferences"))
        .form(&[("email", "eve@@example"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Email address") && body.contains("value=\"eve@@example\""),
        "{body}"
    );
    let res = b
        .post(app.url("/privacy/preferences"))
        .form(&[("email", "Eve@Example.org"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Check your email"));
    let mail = app.smtp.wait_for("Eve@Example.org", 1).await.pop().unwrap();
    let link = crate::support::link_with(&mail.body, "/privacy/preferences/");
    let path = crate::support::path_of(&link);

    // Following the link (as a mail scanner would) uses nothing; the button opens it once.
    let mut page = String::new();
    for _ in 0..2 {
        page = crate::support::page(&b, app.url(&path)).await;
        assert!(page.contains("Open my choices"), "{page}");
    }
    let open_csrf = crate::support::hidden(&page, "csrf").unwrap();
    let forged = b
        .post(app.url(&path))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        forged.status(),
        403,
        "another site cannot open the link in this browser"
    );
    let res = b
        .post(app.url(&path))
        .form(&[("csrf", open_csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let again = b
        .post(app.url(&path))
        .form(&[("csrf", open_csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 404, "single-use");
    assert!(again.text().await.unwrap().contains("Ask for a new link"));

    let centre = crate::support::page(&b, app.url("/privacy/preferences")).await;
    assert!(
        centre.contains("Marketing email") && centre.contains("Targeted advertising"),
        "{centre}"
    );
    assert!(
        centre.contains("name=\"purpose.newsletter\" value=\"granted\" checked"),
        "current choice shown: {centre}"
    );
    assert!(
        !centre.contains("name=\"purpose.essential\""),
        "necessary purposes are not asked"
    );
    let csrf = crate::support::hidden(&centre, "csrf").unwrap();
    let res = b
        .post(app.url("/privacy/preferences/choices"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("purpose.newsletter", "withdrawn"),
            ("version.newsletter", "1"),
            ("purpose.ads", "withdrawn"),
            ("version.ads", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let centre = crate::support::page(&b, app.url("/privacy/preferences?saved=1")).await;
    assert!(centre.contains("Your choices were saved."));
    let forged = b
        .post(app.url("/privacy/preferences/choices"))
        .form(&[("csrf", "forged"), ("purpose.newsletter", "granted")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);

    // A notice published while the page was open: that choice is not recorded, the person
    // is asked again, and the old choice is not pre-ticked as if given on the new text.
    let (s, _) = api
        .post(
            "/api/v1/purposes/newsletter/notices",
            json!({"notice_text": "Offers weekly."}),
        )
        .await;
    assert_eq!(s, 201);
    let res = b
        .post(app.url("/privacy/preferences/choices"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("purpose.newsletter", "granted"),
            ("version.newsletter", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/privacy/preferences?changed=1");
    let centre = crate::support::page(&b, app.url("/privacy/preferences?changed=1")).await;
    assert!(
        centre.contains("A notice changed while you were choosing"),
        "{centre}"
    );
    assert!(centre.contains("please choose again"), "{centre}");
    assert!(
        !centre.contains("name=\"purpose.newsletter\" value=\"withdrawn\" checked"),
        "{centre}"
    );

    let (_, state) = api.get("/api/v1/consent?subject=eve%40example.org").await;
    let methods: Vec<(&str, &str, &str)> = state["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["purpose"].as_str().unwrap(),
                h["status"].as_str().unwrap(),
                h["method"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(methods[0], ("newsletter", "granted", "api"));
    assert!(
        methods.contains(&("newsletter", "withdrawn", "preference_centre")),
        "{methods:?}"
    );
    assert!(
        methods.contains(&("ads", "withdrawn", "preference_centre")),
        "{methods:?}"
    );
    assert_eq!(methods.len(), 3);
}

#[tokio::test]
async fn console_purposes_versions_subject_and_site_keys() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.signed_in(Role::PrivacyOfficer).await;
    let page = crate::support::page(&b, app.url("/console/consent/purposes/new")).await;
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    // Bad input: named, kept.
    let res = b
        .post(app.url("/console/consent/purposes/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("key", "Bad Key"),
            ("name", "Analytics"),
            ("notice_text", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Key must be")
            && body.contains("Notice text is required")
            && body.contains("value=\"Analytics\""),
        "{body}"
    );
    let res = b
        .post(app.url("/console/consent/purposes/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("key", "analytics"),
            ("name", "Analytics"),
            ("notice_text", "We count visits.\nKept 13 months."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = b
        .post(app.url("/console/consent/purposes/analytics"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("notice_text", "We count visits.\nKept 6 months."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = crate::support::page(&b, app.url("/console/consent/purposes/analytics")).await;
    assert!(
        page.contains("Version 2") && page.contains("Version 1"),
        "{page}"
    );
    assert!(
        page.contains("<del>− Kept 13 months.</del>")
            && page.contains("<ins>+ Kept 6 months.</ins>"),
        "{page}"
    );

    // One person's history, and a choice recorded on their behalf (a note is required).
    let res = b
        .post(app.url("/console/consent/record"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("subject", "fay@example.org"),
            ("purpose", "analytics"),
            ("status", "withdrawn"),
            ("note", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Note is required"));
    let res = b
        .post(app.url("/console/consent/record"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("subject", "fay@example.org"),
            ("purpose", "analytics"),
            ("status", "withdrawn"),
            ("note", "asked by phone <b>"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    let page = crate::support::page(&b, app.url(&to)).await;
    assert!(
        page.contains("The choice was recorded.") && page.contains("asked by phone &#60;b&#62;"),
        "{page}"
    );
    assert!(
        page.contains("<svg") && page.contains("Opt-in rate by month"),
        "the chart is drawn: {page}"
    );

    // Site keys are an administrator's: an officer sees the list but cannot create.
    let res = b
        .post(app.url("/console/consent/site-keys"))
        .form(&[("csrf", csrf.as_str()), ("name", "Shop"), ("origins", SHOP)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let admin = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&admin, app.url("/console/consent/site-keys")).await;
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    let res = admin
        .post(app.url("/console/consent/site-keys"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Shop"),
            ("origins", "not-an-origin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = admin
        .post(app.url("/console/consent/site-keys"))
        .form(&[("csrf", csrf.as_str()), ("name", "Shop"), ("origins", SHOP)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("shown only this once") && body.contains("data-site-key=\"sk_"),
        "{body}"
    );
    let page = crate::support::page(&admin, app.url("/console/consent/site-keys")).await;
    assert!(!page.contains("data-site-key=\"sk_"), "never shown again");
}

/// Visitor ids are a namespace of their own, scoped to the site key they came through
/// (finding 8 of the second attack pass): a customer number that staff record and that
/// happens to be 32 hex digits is a customer id no site key can read or overwrite, and one
/// visitor id on two sites is two visitors.
#[tokio::test]
async fn visitor_ids_are_scoped_to_their_site_key() {
    let app = TestApp::spawn(crate::support::backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    purposes(&api).await;
    let (a, site_a) = site_key_and_id(&api).await;
    let (b, _) = site_key_and_id(&api).await;
    let hex = "00112233445566778899aabbccddeeff";
    let (s, r) = api
        .post(
            "/api/v1/consent",
            json!({"subject": hex, "purpose": "newsletter", "status": "granted",
                   "method": "staff", "note": "signed up at the till"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let banner = |key: String| {
        let app = &app;
        async move {
            let (s, _, b) = public(
                app,
                reqwest::Method::GET,
                &format!("/api/v1/consent/banner?visitor={hex}"),
                Some(&key),
                Some(SHOP),
                false,
                None,
            )
            .await;
            assert_eq!(s, 200, "{b}");
            b["choices"].as_array().unwrap().len()
        }
    };
    assert_eq!(
        banner(a.clone()).await,
        0,
        "the customer's grant is not a visitor's"
    );
    // Site A's visitor withdraws; site B's visitor with the same id is someone else.
    let (s, _, w) = public(
        &app,
        reqwest::Method::POST,
        "/api/v1/consent",
        Some(&a),
        Some(SHOP),
        false,
        Some(json!({"subject": hex, "purpose": "newsletter", "status": "withdrawn"})),
    )
    .await;
    assert_eq!(s, 201, "{w}");
    let a2 = a.clone();
    assert_eq!(banner(a).await, 1);
    assert_eq!(banner(b).await, 0, "another site's visitor");
    let (_, customer) = api.get(&format!("/api/v1/consent?subject={hex}")).await;
    assert_eq!(customer["current"][0]["status"], "granted", "{customer}");
    assert_eq!(customer["current"].as_array().unwrap().len(), 1);
    let (_, visitor) = api
        .get(&format!("/api/v1/consent?subject=visitor:{site_a}:{hex}"))
        .await;
    assert_eq!(visitor["current"][0]["status"], "withdrawn", "{visitor}");

    // Records written before visitors were scoped (indexed over the bare id) are indexed
    // again under their site key, once, at start-up.
    let (keys, site) = (app.svc.keys.clone(), site_a.clone());
    let moved = app
        .db(move |c| {
            use diesel::prelude::*;
            use steward::db::schema::{consent_current as cur, consent_records as rec};
            let old = keys.blind_index("visitor", hex);
            let scoped = keys.blind_index("visitor", &format!("{site}:{hex}"));
            diesel::update(rec::table.filter(rec::subject_index.eq(&scoped)))
                .set(rec::subject_index.eq(&old))
                .execute(c)
                .unwrap();
            diesel::update(cur::table.filter(cur::subject_index.eq(&scoped)))
                .set(cur::subject_index.eq(&old))
                .execute(c)
                .unwrap();
            diesel::delete(steward::db::schema::settings::table.find(steward::db::visitors::DONE))
                .execute(c)
                .unwrap();
            steward::db::visitors::rescope(c, &keys).unwrap()
        })
        .await;
    assert_eq!(moved, 1, "site A's one visitor record");
    assert_eq!(banner(a2).await, 1, "found again under its site");
}
