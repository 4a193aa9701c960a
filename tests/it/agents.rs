//! CCPA authorized agents: the request names the agent, and the proof of authority is sent
//! from the status page, type-checked, stored encrypted, and readable by staff.

use steward::domain::Role;

use crate::support::{TestApp, backends, link_with};

async fn upload(app: &TestApp, url: &str, name: &str, bytes: &[u8]) -> reqwest::Response {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
    );
    app.browser()
        .post(app.url(url))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_agent_sends_proof_of_authority() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let consumer = "consumer@example.com";
        app.submit_request(&[
            ("kind", "deletion"),
            ("jurisdiction", "ccpa"),
            ("email", consumer),
            ("agent", "yes"),
            ("agent_name", "Privacy Agents Inc."),
            ("agent_email", "cases@agents.example"),
        ])
        .await;
        let mail = &app.smtp.wait_for(consumer, 1).await[0];
        let status_url = link_with(&mail.body, "/privacy/requests/");
        let status = app
            .browser()
            .get(&status_url)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            status.contains("Proof of authority"),
            "{backend:?}: the agent is asked for proof"
        );
        let action = status
            .split("action=\"")
            .find(|s| s.starts_with("/privacy/requests/") && s.contains("/proof"))
            .expect("upload form")
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&");

        // Type is judged by content: a script renamed to .pdf is refused, naming the field.
        let res = upload(&app, &action, "proof.pdf", b"#!/bin/sh\necho hi\n").await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("id=\"file-error\"") && page.contains("PDF, PNG or JPEG"));
        let res = upload(&app, &action, "empty.pdf", b"").await;
        assert_eq!(res.status(), 422);

        let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n";
        let res = upload(&app, &action, "C:\\fakepath\\Signed permission.pdf", pdf).await;
        assert_eq!(res.status(), 303, "{backend:?}");
        let status = app
            .browser()
            .get(&status_url)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(status.contains("Received: Signed permission.pdf"));
        assert!(status.contains("Proof of the agent"), "on the timeline");

        // A forged link gets nothing.
        let forged = action.replace("token=", "token=x");
        assert_eq!(upload(&app, &forged, "p.pdf", pdf).await.status(), 404);

        // Staff see the agent and download exactly what was sent.
        let staff = app.signed_in(Role::PrivacyOfficer).await;
        let queue = crate::support::page(&staff, app.url("/console/requests")).await;
        let reference = mail
            .subject
            .split_whitespace()
            .find(|w| w.starts_with("SR-"))
            .unwrap();
        let id = crate::journey::request_id(&queue, reference);
        let detail =
            crate::support::page(&staff, app.url(&format!("/console/requests/{id}"))).await;
        assert!(detail.contains("Privacy Agents Inc.") && detail.contains("Signed permission.pdf"));
        let href = detail
            .split("href=\"")
            .find(|s| s.contains("/attachments/"))
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let file = staff.get(app.url(&href)).send().await.unwrap();
        assert_eq!(file.headers()["content-type"], "application/pdf");
        assert_eq!(file.bytes().await.unwrap().as_ref(), pdf);

        // Stored encrypted: the bytes are not in the database as sent.
        let stored: Vec<String> = app
            .db(|c| {
                use diesel::prelude::*;
                steward::db::schema::attachments::table
                    .select(steward::db::schema::attachments::data_enc)
                    .load(c)
                    .unwrap()
            })
            .await;
        assert_eq!(stored.len(), 1);
        assert!(
            !stored[0].contains("PDF") && !stored[0].contains("JVBERi0"),
            "not plain or plain base64"
        );
    }
}

#[tokio::test]
async fn proof_is_only_taken_for_agent_requests() {
    let app = TestApp::spawn(backends()[0]).await;
    app.submit_request(&[
        ("kind", "access"),
        ("jurisdiction", "gdpr"),
        ("email", "self@example.org"),
    ])
    .await;
    let mail = &app.smtp.wait_for("self@example.org", 1).await[0];
    let status_url = link_with(&mail.body, "/privacy/requests/");
    let status = app
        .browser()
        .get(&status_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!status.contains("Proof of authority"));
    let path = crate::support::path_of(&status_url).replacen("?token=", "/proof?token=", 1);
    let res = upload(&app, &path, "p.pdf", b"%PDF-1.4\n").await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("only asked for when an authorized agent")
    );
}
