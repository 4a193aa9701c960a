//! The JSON API for requests, as the spec names it.

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use steward::db::schema::requests;
use steward::db::types::W;
use steward::domain::Role;

use crate::support::{Api, TestApp, backends};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    Api {
        app,
        token: token.into(),
    }
    .post(path, body)
    .await
}

async fn get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    Api {
        app,
        token: token.into(),
    }
    .get(path)
    .await
}

fn date(v: &Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn requests_api() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let token = app.token(Role::PrivacyOfficer).await;

        // A letter logged with its real receipt date: the CCPA clock runs from that day.
        let (status, r) = post(
            &app,
            &token,
            "/api/v1/requests",
            json!({"kind": "deletion", "jurisdiction": "ccpa", "email": "pat@example.com", "name": "Pat",
                   "received_at": "2025-12-01T10:00:00-08:00", "channel": "post", "send_verification": false}),
        )
        .await;
        assert_eq!(status, 201, "{backend:?} {r}");
        for field in [
            "id",
            "public_id",
            "kind",
            "jurisdiction",
            "status",
            "received_at",
            "due_date",
            "extended_due_date",
            "acknowledge_by",
            "days_left",
            "overdue",
            "tasks",
        ] {
            assert!(r.get(field).is_some(), "request object has {field}");
        }
        assert_eq!(r["status"], "received");
        assert_eq!(r["channel"], "post");
        assert_eq!(
            date(&r["due_date"]),
            NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            "45 days over the year end"
        );
        // 10 business days after 1 Dec 2025 (a Monday), no California holiday in between.
        assert_eq!(
            date(&r["acknowledge_by"]),
            NaiveDate::from_ymd_opt(2025, 12, 15).unwrap()
        );
        assert_eq!(r["overdue"], true, "received long ago and still open");
        assert!(r["days_left"].as_i64().unwrap() < 0);
        assert!(r["extended_due_date"].is_null());
        assert_eq!(r["tasks"], json!([]));
        let id = r["id"].as_str().unwrap().to_string();

        // By either id.
        let (s, by_public) = get(
            &app,
            &token,
            &format!("/api/v1/requests/{}", r["public_id"].as_str().unwrap()),
        )
        .await;
        assert_eq!((s, by_public["id"].as_str()), (200, Some(id.as_str())));

        // A fresh GDPR request: due a month out, no acknowledgement date, not overdue.
        let (_, fresh) = post(
            &app,
            &token,
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "kim@example.org"}),
        )
        .await;
        assert!(fresh["acknowledge_by"].is_null());
        assert_eq!(fresh["overdue"], false);
        assert_eq!(
            fresh["status"], "verifying",
            "the API sends the verification email by default"
        );
        assert!(fresh["days_left"].as_i64().unwrap() >= 28);
        app.smtp.wait_for("kim@example.org", 1).await;

        // Filters.
        let (_, list) = get(&app, &token, "/api/v1/requests?overdue=true").await;
        let ids: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            vec![id.as_str()],
            "{backend:?} only the old one is overdue"
        );
        let (_, list) = get(&app, &token, "/api/v1/requests?kind=access").await;
        assert_eq!(list["total"], 1);
        let (_, list) = get(
            &app,
            &token,
            "/api/v1/requests?status=received&jurisdiction=ccpa",
        )
        .await;
        assert_eq!(list["total"], 1);
        let (_, list) = get(&app, &token, "/api/v1/requests").await;
        assert_eq!(list["total"], 2);
        assert_eq!(
            list["items"][0]["id"],
            id.as_str(),
            "soonest deadline first"
        );
        let (s, err) = get(&app, &token, "/api/v1/requests?status=lost").await;
        assert_eq!((s, err["field"].as_str()), (422, Some("status")));

        // Actions on the old CCPA request: its original due date has passed, so no extension.
        let (s, err) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{id}/extend"),
            json!({"reason": "complex"}),
        )
        .await;
        assert_eq!(s, 422, "{err}");
        let (s, v) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "Matched order number and postcode"}),
        )
        .await;
        assert_eq!((s, v["status"].as_str()), (200, Some("verified")));
        assert!(v["verified_at"].is_string());
        let (s, v) = post(&app, &token, &format!("/api/v1/requests/{id}/deny"), json!({"denial_reason": "legal_exemption", "reason": "Records needed for a pending legal claim"})).await;
        assert_eq!(
            (s, v["status"].as_str(), v["denial_reason"].as_str()),
            (200, Some("denied"), Some("legal_exemption"))
        );
        assert_eq!(v["overdue"], false, "closed requests are not overdue");
        assert!(v["days_left"].is_null());
        let mail = app.smtp.wait_for("pat@example.com", 1).await;
        assert!(
            mail[0].body.contains("pending legal claim"),
            "the refusal reason reaches the subject"
        );

        // Extension of the fresh GDPR request: three months after receipt.
        let fid = fresh["id"].as_str().unwrap();
        let (s, v) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{fid}/extend"),
            json!({"reason": "Many systems"}),
        )
        .await;
        assert_eq!(s, 200, "{v}");
        let received = date(&fresh["received_date"]);
        let ext = date(&v["extended_due_date"]);
        assert!(
            ext >= steward::domain::clock::add_months_clamped(received, 3)
                && ext
                    <= steward::domain::clock::add_months_clamped(received, 3) + Duration::days(3)
        );
        let (s, err) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{fid}/extend"),
            json!({"reason": "again"}),
        )
        .await;
        // A second extension conflicts with the request's state (issue 18: the loser of
        // two extensions, raced or not, gets 409), it is not a fault in the input.
        assert_eq!(s, 409, "only one extension: {err}");
        assert!(
            err["error"]
                .as_str()
                .unwrap()
                .contains("already been extended")
        );
        app.smtp.wait_for("kim@example.org", 2).await;
    }
}

#[tokio::test]
async fn ccpa_opt_out_runs_on_business_days_and_cannot_be_extended() {
    let app = TestApp::spawn(backends()[0]).await;
    let token = app.token(Role::PrivacyOfficer).await;
    let (_, r) = post(&app, &token, "/api/v1/requests", json!({"kind": "opt_out", "jurisdiction": "ccpa", "email": "o@example.com", "received_at": "2026-11-20T09:00:00-08:00"})).await;
    // 15 business days after Fri 20 Nov 2026, skipping Thanksgiving (26th) and the day after (27th).
    assert_eq!(
        date(&r["due_date"]),
        NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()
    );
    assert!(r["acknowledge_by"].is_null());
    let (s, err) = post(
        &app,
        &token,
        &format!("/api/v1/requests/{}/extend", r["id"].as_str().unwrap()),
        json!({"reason": "x"}),
    )
    .await;
    assert_eq!(s, 422, "{err}");
    assert!(
        err["error"]
            .as_str()
            .unwrap()
            .contains("cannot be extended")
    );
}

#[tokio::test]
async fn pause_moves_the_uk_due_date_by_the_days_paused() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let token = app.token(Role::PrivacyOfficer).await;
        let (_, r) = post(&app, &token, "/api/v1/requests", json!({"kind": "access", "jurisdiction": "uk_gdpr", "email": "uk@example.co.uk", "send_verification": false})).await;
        let id = r["id"].as_str().unwrap().to_string();
        let due_before = date(&r["due_date"]);
        let (s, p) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{id}/pause"),
            json!({"reason": "Which of your two accounts?"}),
        )
        .await;
        assert_eq!(
            (s, p["status"].as_str(), p["clock_paused"].as_bool()),
            (200, Some("paused"), Some(true))
        );
        app.smtp.wait_for("uk@example.co.uk", 1).await;
        // Ten days pass while the controller waits for the subject.
        // Days are the portal's (Europe/Berlin), not UTC's: near midnight the two differ.
        let paused_on = Utc::now()
            .with_timezone(&chrono_tz::Europe::Berlin)
            .date_naive()
            - Duration::days(10);
        let rid = id.clone();
        app.db(move |c| {
            diesel::update(requests::table.find(W(rid)))
                .set(requests::paused_on.eq(paused_on))
                .execute(c)
                .unwrap()
        })
        .await;
        let (s, v) = post(
            &app,
            &token,
            &format!("/api/v1/requests/{id}/resume"),
            json!({}),
        )
        .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (200, Some("received")),
            "back to where it was"
        );
        let due_after = date(&v["due_date"]);
        // The statutory base date moves by the ten days, then the working-day rule applies again.
        use steward::domain::{
            Jurisdiction::UkGdpr, RequestKind::Access, clock, holidays::HolidayCalendar,
        };
        let received = date(&r["received_date"]);
        let expect = |paused| {
            clock::schedule(
                UkGdpr,
                Access,
                received,
                paused,
                false,
                &clock::ClockSettings::default_for(UkGdpr),
                &HolidayCalendar::default_for(UkGdpr),
            )
            .unwrap()
            .due_date
        };
        assert_eq!(due_before, expect(0));
        assert_eq!(
            due_after,
            expect(10),
            "{backend:?}: {due_before} -> {due_after}"
        );
        assert!(due_after > due_before);
        assert_eq!(v["clock_paused"], false);
    }
}

#[tokio::test]
async fn api_requires_a_live_token_with_the_right_role() {
    let app = TestApp::spawn(backends()[0]).await;
    let c = reqwest::Client::new();
    for (method, path) in [
        ("GET", "/api/v1/requests"),
        ("POST", "/api/v1/requests"),
        ("GET", "/api/v1/requests/x"),
        ("POST", "/api/v1/requests/x/verify"),
    ] {
        for auth in [
            None,
            Some("Bearer wrong"),
            Some("Basic abc"),
            Some("Bearer "),
        ] {
            let mut req = c
                .request(method.parse().unwrap(), app.url(path))
                .json(&json!({}));
            if let Some(a) = auth {
                req = req.header("Authorization", a);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 401, "{method} {path} {auth:?}");
            assert!(res.json::<Value>().await.unwrap()["error"].is_string());
        }
    }
    let auditor = app.token(Role::Auditor).await;
    let (s, _) = get(&app, &auditor, "/api/v1/requests").await;
    assert_eq!(s, 200, "auditors may read");
    let (s, _) = post(
        &app,
        &auditor,
        "/api/v1/requests",
        json!({"kind": "access", "jurisdiction": "gdpr", "email": "a@example.org"}),
    )
    .await;
    assert_eq!(s, 403, "auditors may not write");
    let owner = app.token(Role::StoreOwner).await;
    let (s, _) = get(&app, &owner, "/api/v1/requests").await;
    assert_eq!(s, 403, "store owners do not see the request desk");
    let health = c.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.json::<Value>().await.unwrap()["status"], "ok");
}
