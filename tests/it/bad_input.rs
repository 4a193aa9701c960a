//! Every form refuses bad input with a 4xx naming the field, keeps what was typed, writes
//! nothing, and never answers 500.

use diesel::prelude::*;
use steward::db::schema::requests;
use steward::domain::Role;

use crate::support::{TestApp, backends, hidden};

async fn count_requests(app: &TestApp) -> i64 {
    app.db(|c| requests::table.count().get_result::<i64>(c).unwrap())
        .await
}

/// (case, fields sent, field that must be named, typed value that must be kept)
pub type FormCase<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, &'a str);
/// (case, action, fields sent, field that must be named, status)
type ActionCase<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, &'a str, u16);

const GOOD: [(&str, &str); 3] = [
    ("kind", "access"),
    ("jurisdiction", "gdpr"),
    ("email", "ok@example.org"),
];

/// Replaces or adds fields of the good submission.
fn with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f: Vec<(&str, &str)> = GOOD.to_vec();
    for (k, v) in changes {
        f.retain(|(fk, _)| fk != k);
        f.push((k, v));
    }
    f
}

fn assert_names_field(page: &str, field: &str, case: &str) {
    assert!(
        page.contains(&format!("href=\"#{field}\"")),
        "{case}: error summary links to {field}"
    );
    assert!(
        page.contains(&format!("id=\"{field}-error\"")),
        "{case}: message next to {field}"
    );
    // The message names the field ("Email address is required"), never a bare "is required".
    let message =
        crate::support::between(page, &format!("id=\"{field}-error\">"), "<").unwrap_or_default();
    assert!(
        message.chars().next().is_some_and(char::is_uppercase),
        "{case}: the message beside {field} starts with its name: {message:?}"
    );
}

#[tokio::test]
async fn public_request_form() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let long_name = "N".repeat(201);
        let long_details = "d".repeat(5001);
        let cases: Vec<FormCase> = vec![
            ("empty form", vec![], "kind", ""),
            ("missing email", with(&[("email", "")]), "email", ""),
            (
                "malformed email",
                with(&[("email", "ada@@example")]),
                "email",
                "ada@@example",
            ),
            (
                "header injection in email",
                with(&[("email", "a@example.org\r\nBcc: x@y.z")]),
                "email",
                "",
            ),
            (
                "email too long",
                with(&[(
                    "email",
                    &*Box::leak(format!("{}@example.org", "a".repeat(250)).into_boxed_str()),
                )]),
                "email",
                "",
            ),
            (
                "unknown kind",
                with(&[("kind", "erase_everything")]),
                "kind",
                "",
            ),
            (
                "kind of the wrong type",
                with(&[("kind", "42")]),
                "kind",
                "",
            ),
            (
                "unknown jurisdiction",
                with(&[("jurisdiction", "mars")]),
                "jurisdiction",
                "",
            ),
            (
                "name too long",
                with(&[("name", &long_name)]),
                "name",
                &long_name,
            ),
            (
                "control characters in name",
                with(&[("name", "Ada\u{0}Lovelace")]),
                "name",
                "",
            ),
            (
                "details too long",
                with(&[("details", &long_details)]),
                "details",
                "",
            ),
            (
                "control characters in details",
                with(&[("details", "hello\u{1b}[31m")]),
                "details",
                "",
            ),
            (
                "correction without the correction",
                with(&[("kind", "correction")]),
                "correction_what",
                "",
            ),
            (
                "agent outside California",
                with(&[
                    ("agent", "yes"),
                    ("agent_name", "Agent A"),
                    ("agent_email", "agent@example.org"),
                ]),
                "agent",
                "Agent A",
            ),
            (
                "agent without an email",
                with(&[
                    ("jurisdiction", "ccpa"),
                    ("agent", "yes"),
                    ("agent_name", "Agent A"),
                    ("agent_email", "nope"),
                ]),
                "agent_email",
                "nope",
            ),
        ];
        for (case, fields, field, kept) in cases {
            let b = app.browser();
            let csrf = app.csrf_of(&b, "/privacy/requests/new").await;
            let mut form = fields.clone();
            form.push(("csrf", &csrf));
            let res = b
                .post(app.url("/privacy/requests/new"))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422, "{backend:?} {case}");
            let page = res.text().await.unwrap();
            assert_names_field(&page, field, case);
            if !kept.is_empty() {
                assert!(page.contains(kept), "{case}: typed value kept");
            }
            // Other typed values survive too.
            for (k, v) in &fields {
                if ["details", "name"].contains(k)
                    && !v.contains('\u{0}')
                    && !v.contains('\u{1b}')
                    && v.len() < 300
                {
                    assert!(page.contains(v), "{case}: {k} kept");
                }
            }
        }
        // Without the form's token nothing is accepted.
        let b = app.browser();
        let res = b
            .post(app.url("/privacy/requests/new"))
            .form(&GOOD)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "CSRF-less POST refused");
        assert!(
            res.text().await.unwrap().contains("ok@example.org"),
            "typed values kept after CSRF failure"
        );
        // Unreadable bodies are a 400, not a 500.
        let res = b
            .post(app.url("/privacy/requests/new"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(vec![0xff, 0xfe, b'=', 0xff])
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_client_error(),
            "invalid UTF-8: {}",
            res.status()
        );
        let res = b
            .post(app.url("/privacy/requests/new"))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "not a form");
        let res = b
            .post(app.url("/privacy/requests/new"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(vec![b'a'; 100_000])
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_client_error(),
            "oversized body: {}",
            res.status()
        );
        assert_eq!(
            count_requests(&app).await,
            0,
            "{backend:?}: nothing was written"
        );
        assert!(app.smtp.mails().is_empty(), "no mail for refused input");
    }
}

#[tokio::test]
async fn console_login_form() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.browser();
    for (case, email, password, field) in [
        ("empty", "", "", "email"),
        ("no password", "who@staff.example", "", "password"),
        ("email too long", &*"e".repeat(300), "x", "email"),
        (
            "password too long",
            "who@staff.example",
            &*"p".repeat(200),
            "password",
        ),
    ] {
        let csrf = app.csrf_of(&b, "/console/login").await;
        let res = b
            .post(app.url("/console/login"))
            .form(&[("email", email), ("password", password), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{case}");
        let page = res.text().await.unwrap();
        assert_names_field(&page, field, case);
        if email.len() < 100 {
            assert!(
                page.contains(&format!("value=\"{email}\"")),
                "{case}: email kept"
            );
        }
        assert!(
            !page.contains(&format!("value=\"{password}\"")) || password.is_empty(),
            "passwords are never echoed"
        );
    }
    let res = b
        .post(app.url("/console/login"))
        .form(&[("email", "a@b.c"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "CSRF-less login refused");
}

#[tokio::test]
async fn console_new_request_form() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let b = app.signed_in(Role::PrivacyOfficer).await;
        let future = (chrono::Utc::now() + chrono::Duration::days(3))
            .format("%Y-%m-%d")
            .to_string();
        let cases: Vec<FormCase> = vec![
            ("empty", vec![], "kind", ""),
            (
                "date of the wrong type",
                with(&[("received_at", "last tuesday"), ("channel", "post")]),
                "received_at",
                "last tuesday",
            ),
            (
                "impossible date",
                with(&[("received_at", "2026-02-30"), ("channel", "post")]),
                "received_at",
                "2026-02-30",
            ),
            (
                "future date",
                with(&[("received_at", &future), ("channel", "post")]),
                "received_at",
                &future,
            ),
            (
                "unknown channel",
                with(&[("channel", "pigeon"), ("name", "Kept Name")]),
                "channel",
                "Kept Name",
            ),
            (
                "malformed email",
                with(&[("email", "no-at-sign"), ("channel", "email")]),
                "email",
                "no-at-sign",
            ),
        ];
        for (case, fields, field, kept) in cases {
            let csrf = app.csrf_of(&b, "/console/requests/new").await;
            let mut form = fields.clone();
            form.push(("csrf", &csrf));
            let res = b
                .post(app.url("/console/requests/new"))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422, "{backend:?} {case}");
            let page = res.text().await.unwrap();
            assert_names_field(&page, field, case);
            if !kept.is_empty() {
                assert!(page.contains(kept), "{case}: typed value kept");
            }
        }
        let res = b
            .post(app.url("/console/requests/new"))
            .form(&with(&[("channel", "post")]))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "CSRF-less POST refused");
        assert_eq!(
            count_requests(&app).await,
            0,
            "{backend:?}: nothing was written"
        );
    }
}

#[tokio::test]
async fn console_action_forms() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let reference = app.submit_request(&GOOD).await;
        let b = app.signed_in(Role::PrivacyOfficer).await;
        let queue = crate::support::page(&b, app.url("/console/requests")).await;
        let id = crate::journey::request_id(&queue, &reference);
        let page = crate::support::page(&b, app.url(&format!("/console/requests/{id}"))).await;
        let csrf = hidden(&page, "csrf").unwrap();
        let long = "r".repeat(2001);
        let cases: Vec<ActionCase> = vec![
            ("extend without a reason", "extend", vec![], "reason", 422),
            ("pause without a reason", "pause", vec![], "reason", 422),
            (
                "manual verification without a note",
                "verify",
                vec![("reason", "   ")],
                "reason",
                422,
            ),
            (
                "deny without a reason",
                "deny",
                vec![("reason", "kept explanation")],
                "denial_reason",
                422,
            ),
            (
                "deny with an unknown reason",
                "deny",
                vec![("denial_reason", "because"), ("reason", "kept explanation")],
                "denial_reason",
                422,
            ),
            (
                "deny 'other' without text",
                "deny",
                vec![("denial_reason", "other")],
                "reason",
                422,
            ),
            (
                "reason too long",
                "extend",
                vec![("reason", &long)],
                "reason",
                422,
            ),
            (
                "control characters",
                "pause",
                vec![("reason", "send \u{7} id")],
                "reason",
                422,
            ),
            (
                "complete before verification",
                "complete",
                vec![],
                "action",
                409,
            ),
        ];
        for (case, action, fields, field, status) in cases {
            let mut form = fields.clone();
            form.push(("csrf", &csrf));
            let res = b
                .post(app.url(&format!("/console/requests/{id}/{action}")))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), status, "{backend:?} {case}");
            let page = res.text().await.unwrap();
            assert_names_field(&page, field, case);
            if let Some((_, v)) = fields.iter().find(|(k, v)| {
                *k == "reason" && v.len() < 100 && !v.contains('\u{7}') && !v.trim().is_empty()
            }) {
                assert!(page.contains(v), "{case}: typed reason kept");
            }
        }
        let res = b
            .post(app.url(&format!("/console/requests/{id}/extend")))
            .form(&[("reason", "no token")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "CSRF-less action refused");
        let res = b
            .post(app.url(&format!("/console/requests/{id}/launch")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "unknown action");
        let res = b
            .post(app.url("/console/requests/no-such-id/extend"))
            .form(&[("csrf", csrf.as_str()), ("reason", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "unknown request");
        // Nothing changed: still awaiting verification, not extended, no extra timeline rows.
        let token = app.token(Role::PrivacyOfficer).await;
        let r: serde_json::Value = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/requests/{id}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(r["status"], "verifying");
        assert!(r["extended_due_date"].is_null());
    }
}

#[tokio::test]
async fn queue_filters() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.signed_in(Role::Auditor).await;
    for (query, field) in [
        ("status=lost", "status"),
        ("kind=everything", "kind"),
        ("jurisdiction=moon", "jurisdiction"),
        ("page=two", "page"),
    ] {
        let res = b
            .get(app.url(&format!("/console/requests?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{query}");
        let page = res.text().await.unwrap();
        assert_names_field(&page, field, query);
    }
}

#[tokio::test]
async fn setup_form() {
    let app = TestApp::spawn(backends()[0]).await;
    let token = app
        .db(|c| {
            let e = steward::domain::EmailAddress::parse("new@staff.example").unwrap();
            steward::auth::create_user(
                c,
                &e,
                "New",
                Role::Admin,
                None,
                &steward::audit::Actor::System,
            )
            .unwrap()
            .1
            .unwrap()
        })
        .await;
    let b = app.browser();
    let path = format!("/console/setup/{token}");
    let csrf = app.csrf_of(&b, &path).await;
    let res = b
        .post(app.url(&path))
        .form(&[
            ("password", "orbit kettle velvet"),
            ("confirm", "orbit kettle velvet"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "no CSRF token, no password");
    for (case, pw, confirm, field) in [
        ("too short", "short", "short", "password"),
        ("common", "password1234", "password1234", "password"),
        (
            "mismatch",
            "orbit kettle velvet",
            "orbit kettle velvel",
            "confirm",
        ),
    ] {
        let res = b
            .post(app.url(&path))
            .form(&[("password", pw), ("confirm", confirm), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{case}");
        assert_names_field(&res.text().await.unwrap(), field, case);
    }
    let res = b
        .post(app.url(&path))
        .form(&[
            ("password", "orbit kettle velvet"),
            ("confirm", "orbit kettle velvet"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        b.get(app.url(&path)).send().await.unwrap().status(),
        404,
        "setup link is single-use"
    );
    assert_eq!(
        app.login(&b, "new@staff.example", "orbit kettle velvet")
            .await
            .status(),
        303
    );
}

#[tokio::test]
async fn api_request_bodies() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let token = app.token(Role::PrivacyOfficer).await;
        let c = reqwest::Client::new();
        let cases: Vec<(&str, serde_json::Value, Option<&str>)> = vec![
            ("empty object", serde_json::json!({}), Some("kind")),
            (
                "kind of the wrong type",
                serde_json::json!({"kind": 5, "jurisdiction": "gdpr", "email": "a@example.org"}),
                Some("kind"),
            ),
            (
                "unknown kind",
                serde_json::json!({"kind": "erase", "jurisdiction": "gdpr", "email": "a@example.org"}),
                Some("kind"),
            ),
            (
                "unknown jurisdiction",
                serde_json::json!({"kind": "access", "jurisdiction": "eu", "email": "a@example.org"}),
                Some("jurisdiction"),
            ),
            (
                "malformed email",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@"}),
                Some("email"),
            ),
            (
                "email as a list",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": ["a@example.org"]}),
                Some("email"),
            ),
            (
                "bad received_at",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "received_at": "yesterday"}),
                Some("received_at"),
            ),
            (
                "unknown channel",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "channel": "fax"}),
                Some("channel"),
            ),
            (
                "control characters",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "name": "A\u{0}"}),
                Some("name"),
            ),
            (
                "too long",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "details": "x".repeat(5001)}),
                Some("details"),
            ),
            (
                "unknown field",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "emial": "typo"}),
                None,
            ),
            (
                "send_verification not a bool",
                serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org", "send_verification": "maybe"}),
                Some("send_verification"),
            ),
        ];
        for (case, body, field) in cases {
            let res = c
                .post(app.url("/api/v1/requests"))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422, "{backend:?} {case}");
            let err: serde_json::Value = res.json().await.unwrap();
            assert_eq!(err["field"].as_str(), field, "{case}: {err}");
            assert!(
                err["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{case}"
            );
        }
        for (case, raw) in [
            ("not JSON", "{kind:"),
            ("not an object", "[1,2]"),
            ("a string", "\"x\""),
        ] {
            let res = c
                .post(app.url("/api/v1/requests"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(raw)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 400, "{case}");
            assert!(res.json::<serde_json::Value>().await.unwrap()["error"].is_string());
        }
        // Actions.
        let created: serde_json::Value = c
            .post(app.url("/api/v1/requests"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = created["id"].as_str().unwrap();
        for (case, action, body, status, field) in [
            (
                "extend without reason",
                "extend",
                serde_json::json!({}),
                422,
                Some("reason"),
            ),
            (
                "reason of the wrong type",
                "extend",
                serde_json::json!({"reason": 7}),
                422,
                Some("reason"),
            ),
            (
                "unknown denial reason",
                "deny",
                serde_json::json!({"denial_reason": "nope"}),
                422,
                Some("denial_reason"),
            ),
            (
                "complete unverified",
                "complete",
                serde_json::json!({}),
                409,
                None,
            ),
        ] {
            let res = c
                .post(app.url(&format!("/api/v1/requests/{id}/{action}")))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), status, "{case}");
            let err: serde_json::Value = res.json().await.unwrap();
            assert_eq!(err["field"].as_str(), field, "{case}: {err}");
        }
        let res = c
            .post(app.url(&format!("/api/v1/requests/{id}/explode")))
            .bearer_auth(&token)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
        assert_eq!(
            count_requests(&app).await,
            1,
            "{backend:?}: only the one good request was written"
        );
    }
}
