//! Deadline reminders from the scheduler: to privacy staff for requests, to store owners for
//! tasks, once per threshold however often the scheduler runs.

use std::time::Duration;

use serde_json::json;
use steward::domain::Role;

use crate::stores::art30;
use crate::support::{Api, TestApp, backends};

#[tokio::test]
async fn overdue_requests_and_tasks_are_reminded_once() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        app.staff(
            Role::PrivacyOfficer,
            "dpo@shop.example",
            "orbit kettle velvet 42",
        )
        .await;
        app.staff(
            Role::StoreOwner,
            "owner@shop.example",
            "orbit kettle velvet 42",
        )
        .await;
        app.staff(
            Role::Auditor,
            "auditor@shop.example",
            "orbit kettle velvet 42",
        )
        .await;
        let api = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        api.post(
            "/api/v1/stores",
            art30("CRM", "manual", "owner@shop.example"),
        )
        .await;
        let received = (chrono::Utc::now() - chrono::Duration::days(60)).to_rfc3339();
        let (_, r) = api
            .post("/api/v1/requests", json!({"kind": "access", "jurisdiction": "gdpr", "email": "late@example.org", "received_at": received, "send_verification": false}))
            .await;
        let reference = r["public_id"].as_str().unwrap().to_string();
        let (s, _) = api
            .post(
                &format!("/api/v1/requests/{reference}/verify"),
                json!({"reason": "Known customer, matched order"}),
            )
            .await;
        assert_eq!(s, 200);

        let dpo = app.smtp.wait_for("dpo@shop.example", 1).await;
        assert!(
            dpo[0].subject.contains(&reference) && dpo[0].subject.contains("OVERDUE"),
            "{backend:?}: {}",
            dpo[0].subject
        );
        assert!(
            dpo[0]
                .body
                .contains(&format!("{}/console/requests/", app.base))
        );
        let owner = app.smtp.wait_for("owner@shop.example", 1).await;
        assert!(
            owner[0].subject.contains("CRM") && owner[0].subject.contains("OVERDUE"),
            "{}",
            owner[0].subject
        );
        assert!(owner[0].body.contains("/console/tasks/"));

        // The scheduler keeps ticking (every 100 ms here): no second copy today.
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(app.smtp.mails_to("dpo@shop.example").len(), 1);
        assert_eq!(app.smtp.mails_to("owner@shop.example").len(), 1);
        assert!(
            app.smtp.mails_to("auditor@shop.example").is_empty(),
            "auditors do not work requests"
        );
        assert!(
            app.smtp.mails_to("late@example.org").is_empty(),
            "the subject gets no staff reminders"
        );
    }
}
