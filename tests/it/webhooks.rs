//! Webhook stores: a signed, timestamped POST; the store answers through the result API;
//! a store that refuses is retried with back-off and shown to staff; and two Steward
//! processes on one database never send the same job twice.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Value, json};
use steward::connectors::webhook;
use steward::domain::Role;

use crate::stores::{art30, verified_request};
use crate::support::hook::Hook;
use crate::support::{Api, Backend, TestApp, backends};

async fn webhook_store(api: &Api<'_>, hook: &Hook, secret: &str) {
    let mut body = art30("Support desk", "webhook", "owner@shop.example");
    body["url"] = hook.url.clone().into();
    body["secret"] = secret.into();
    let (s, v) = api.post("/api/v1/stores", body).await;
    assert_eq!(s, 201, "{v}");
    assert!(
        !v.to_string().contains(secret),
        "the secret is never returned"
    );
}

/// Posts a result as the store would: signed with its secret for this task, with a new nonce.
async fn callback(
    app: &TestApp,
    task: &str,
    secret: &str,
    body: &Value,
    ts: i64,
) -> reqwest::Response {
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let bytes = serde_json::to_vec(body).unwrap();
    let sig = webhook::sign_callback(secret, ts, task, &nonce, &bytes);
    signed(app, task, ts, &nonce, &sig, bytes).await
}

/// Posts exactly these signed bytes (to replay a captured callback).
async fn signed(
    app: &TestApp,
    task: &str,
    ts: i64,
    nonce: &str,
    sig: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/api/v1/tasks/{task}/result")))
        .header("Content-Type", "application/json")
        .header("X-Steward-Timestamp", ts.to_string())
        .header("X-Steward-Nonce", nonce)
        .header("X-Steward-Signature", sig)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn signed_delivery_callback_and_retry() {
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
        let hook = Hook::start().await;
        let secret = "whsec-0123456789abcdef";
        webhook_store(&api, &hook, secret).await;

        // The store is failing at first: the task fails with the answer shown, and waits.
        hook.answer(503);
        let (reference, _) = verified_request(&app, "access", "ada@example.org").await;
        let r = api
            .wait_tasks(&reference, |t| t["status"] == "failed")
            .await;
        let err = r["tasks"][0]["last_error"].as_str().unwrap();
        assert!(err.contains("503"), "{backend:?}: {err}");
        let task = r["tasks"][0]["id"].as_str().unwrap().to_string();

        // Every delivery is signed over timestamp and body with the store's secret.
        let hit = hook.hits()[0].clone();
        let ts = &hit.headers["x-steward-timestamp"];
        assert!(webhook::verify(
            secret,
            ts,
            &hit.headers["x-steward-signature"],
            &hit.body,
            chrono::Utc::now().timestamp()
        ));
        assert!(!webhook::verify(
            "other-secret-value",
            ts,
            &hit.headers["x-steward-signature"],
            &hit.body,
            chrono::Utc::now().timestamp()
        ));
        let payload: Value = serde_json::from_slice(&hit.body).unwrap();
        assert_eq!(payload["action"], "access");
        assert_eq!(payload["subject"]["email"], "ada@example.org");
        assert_eq!(payload["task"]["task_id"], task.as_str());
        assert!(
            payload["task"]["callback_url"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/api/v1/tasks/{task}/result"))
        );

        // Back up: a retry delivers, and the task waits for the store's answer.
        hook.answer(202);
        let (s, _) = api
            .post(&format!("/api/v1/tasks/{task}/retry"), json!({}))
            .await;
        assert_eq!(s, 200);
        api.wait_tasks(&reference, |t| t["status"] == "running")
            .await;
        // "running" is set when the job is claimed; the delivery lands a moment later.
        for _ in 0..600 {
            if hook.hits().len() >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(hook.hits().len(), 2, "exactly one more delivery");

        // Forged, stale and replayed-with-changes callbacks are refused.
        let records = json!({"status": "done", "records": [
            {"table": "tickets", "record": "T-1", "field": "subject", "category": "user.support", "value": "Where is my order?"},
            {"table": "tickets", "record": "T-1", "field": "opened", "value": "2025-02-03"}]});
        let now = chrono::Utc::now().timestamp();
        assert_eq!(
            callback(&app, &task, "wrong-secret-000000", &records, now)
                .await
                .status(),
            401
        );
        assert_eq!(
            callback(&app, &task, secret, &records, now - 3600)
                .await
                .status(),
            401,
            "too old"
        );
        let bytes = serde_json::to_vec(&records).unwrap();
        let nonce = "nonce-of-another-body-0001";
        let other = webhook::sign_callback(secret, now, &task, nonce, b"{\"status\":\"failed\"}");
        let res = signed(&app, &task, now, nonce, &other, bytes.clone()).await;
        assert_eq!(res.status(), 401, "signature of another body");
        // The old signature (timestamp and body only) is not accepted any more.
        let res = signed(
            &app,
            &task,
            now,
            "nonce-old-scheme-000001",
            &webhook::sign(secret, now, &bytes),
            bytes.clone(),
        )
        .await;
        assert_eq!(res.status(), 401, "unbound signature");
        let bad = callback(
            &app,
            &task,
            secret,
            &json!({"status": "done", "records": [{"table": 5}]}),
            now,
        )
        .await;
        assert_eq!(bad.status(), 422);
        assert_eq!(bad.json::<Value>().await.unwrap()["field"], "records");

        // A second subject's task of the same store: an answer signed for the first task is
        // refused there, and an answer once accepted cannot be replayed.
        hook.answer(202);
        let (other_ref, _) = verified_request(&app, "access", "bob@example.org").await;
        let r2 = api
            .wait_tasks(&other_ref, |t| t["status"] == "running")
            .await;
        let other_task = r2["tasks"][0]["id"].as_str().unwrap().to_string();
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let captured = webhook::sign_callback(secret, now, &task, &nonce, &bytes);
        let res = signed(&app, &other_task, now, &nonce, &captured, bytes.clone()).await;
        assert_eq!(res.status(), 401, "{backend:?}: signed for another task");
        let ok = signed(&app, &task, now, &nonce, &captured, bytes.clone()).await;
        assert_eq!(ok.status(), 200, "{backend:?}");
        let replay = signed(&app, &task, now, &nonce, &captured, bytes.clone()).await;
        assert_eq!(replay.status(), 401, "{backend:?}: a nonce is good once");
        let (_, r2) = api.get(&format!("/api/v1/requests/{other_ref}")).await;
        assert_eq!(
            r2["tasks"][0]["status"], "running",
            "the other subject got nothing"
        );
        api.wait_tasks(&reference, |t| t["status"] == "done").await;
        let again = callback(&app, &task, secret, &records, now).await;
        assert_eq!(again.status(), 409, "a settled task stays settled");
        let (s, _) = api
            .post(&format!("/api/v1/requests/{reference}/complete"), json!({}))
            .await;
        assert_eq!(s, 200);
        let (_, csv) = api
            .text(&format!("/api/v1/requests/{reference}/package.csv"))
            .await;
        assert!(
            csv.contains("Support desk,tickets,T-1,subject,user.support,Where is my order?"),
            "{csv}"
        );
        assert!(csv.contains("Support desk,tickets,T-1,opened,,2025-02-03"));
    }
}

#[tokio::test]
async fn two_processes_on_one_postgres_never_run_a_job_twice() {
    if !backends().contains(&Backend::Postgres) {
        return;
    }
    let app = TestApp::spawn(Backend::Postgres).await;
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
    let hook = Hook::start().await;
    webhook_store(&api, &hook, "whsec-0123456789abcdef").await;

    // A second Steward process on the same database, racing the first one's scheduler.
    let mut config = app.svc.config.clone();
    config.mail_dir = app.dir.join("mail2");
    let second = tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    let racers: Vec<_> = (0..3)
        .map(|_| {
            let svc = second.clone();
            tokio::spawn(async move {
                for _ in 0..60 {
                    let _ = steward::workflow::tasks::run_due_jobs(&svc).await;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        })
        .collect();
    let mut refs = Vec::new();
    for i in 0..8 {
        let (_, r) = api
            .post("/api/v1/requests", json!({"kind": "deletion", "jurisdiction": "gdpr", "email": format!("p{i}@example.org"), "send_verification": false}))
            .await;
        let id = r["id"].as_str().unwrap().to_string();
        api.post(
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "Matched account"}),
        )
        .await;
        refs.push(id);
    }
    for id in &refs {
        api.wait_tasks(id, |t| t["status"] == "running").await;
    }
    let per_task = || {
        let mut m: HashMap<String, usize> = HashMap::new();
        for hit in hook.hits() {
            *m.entry(hit.headers["x-steward-task"].clone()).or_default() += 1;
        }
        m
    };
    // Claimed jobs show "running" before their delivery lands: wait for all eight.
    for _ in 0..600 {
        if per_task().len() == 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Let every racer finish its rounds, so a duplicate would have had its chance.
    for r in racers {
        r.await.unwrap();
    }
    let per_task = per_task();
    assert_eq!(per_task.len(), 8, "every job ran");
    assert!(
        per_task.values().all(|n| *n == 1),
        "no job ran twice: {per_task:?}"
    );
}
