//! The whole path of a request, as a subject and a privacy officer live it, over HTTP with
//! real email: file, verify by the emailed link, sign in, extend, complete.

use steward::domain::Role;

use crate::support::{Backend, TestApp, backends, hidden, link_with, path_of};

#[tokio::test]
async fn request_from_form_to_completion() {
    for backend in backends() {
        journey(backend).await;
    }
}

async fn journey(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let subject = "ada.lovelace@example.org";

    // The subject files an access request from the public form.
    let reference = app
        .submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", subject),
            ("name", "Ada Lovelace"),
            ("details", "Customer since 2019"),
        ])
        .await;
    assert!(reference.starts_with("SR-"), "{backend:?}: {reference}");
    let b = app.browser();
    let sent = crate::support::page(
        &b,
        app.url(&format!("/privacy/requests/sent?ref={reference}")),
    )
    .await;
    assert!(sent.contains(&reference) && sent.contains("Check your email"));

    // A real email arrives with the verification link and the status link.
    let mail = &app.smtp.wait_for(subject, 1).await[0];
    assert!(
        mail.subject.contains(&reference),
        "subject names the reference: {}",
        mail.subject
    );
    let verify_url = link_with(&mail.body, "/privacy/verify/");
    let status_url = link_with(&mail.body, "/privacy/requests/");
    assert!(verify_url.starts_with(&app.base) && status_url.starts_with(&app.base));
    let status_path = path_of(&status_url);

    let status = crate::support::page(&b, &status_url).await;
    assert!(
        status.contains("Awaiting identity confirmation"),
        "{backend:?} status before verification"
    );
    assert!(status.contains("Request received") && status.contains("Confirmation email sent"));

    // Without the emailed token the page reveals nothing.
    let bare = b
        .get(app.url(&format!("/privacy/requests/{reference}")))
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), 404);
    let forged = b
        .get(app.url(&format!("/privacy/requests/{reference}?token=AAAA")))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 404);

    // Opening the link only asks for confirmation (mail scanners must not verify).
    let confirm = b.get(&verify_url).send().await.unwrap();
    assert_eq!(confirm.status(), 200);
    assert!(
        confirm
            .text()
            .await
            .unwrap()
            .contains("Yes, this is my request")
    );
    let still = crate::support::page(&b, &status_url).await;
    assert!(
        still.contains("Awaiting identity confirmation"),
        "GET must not verify"
    );

    let done = b.post(&verify_url).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let to = done.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.starts_with(&status_path),
        "back to the status page: {to}"
    );
    let status = crate::support::page(&b, app.url(&to)).await;
    assert!(
        status.contains("Identity confirmed"),
        "{backend:?} verified"
    );

    assert!(status.contains("Thank you: your request is confirmed"));

    // The link is single-use: a second click changes nothing and leads to the status page.
    for again in [b.post(&verify_url), b.get(&verify_url)] {
        let res = again.send().await.unwrap();
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(
            to.starts_with(&status_path) && to.ends_with("&confirmed=1"),
            "{to}"
        );
        let page = crate::support::page(&b, app.url(&to)).await;
        assert!(
            page.contains("You confirmed this request already"),
            "{page}"
        );
    }
    let verified_events = app
        .db({
            let reference = reference.clone();
            move |c| {
                let r = steward::db::requests::find_by_public_id(c, &reference)
                    .unwrap()
                    .unwrap();
                steward::db::requests::events(c, &r.id)
                    .unwrap()
                    .iter()
                    .filter(|e| e.action == steward::domain::timeline::TimelineAction::Verified)
                    .count()
            }
        })
        .await;
    assert_eq!(verified_events, 1, "verified once");
    let unknown = b
        .get(app.url("/privacy/verify/not-a-link"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("status link in our email")
    );

    // A privacy officer signs in and finds it in the queue.
    let staff = app.signed_in(Role::PrivacyOfficer).await;
    let queue = crate::support::page(&staff, app.url("/console/requests")).await;
    assert!(
        queue.contains(&reference),
        "{backend:?} queue lists the request"
    );
    let id = request_id(&queue, &reference);
    let detail_path = format!("/console/requests/{id}");
    let detail = crate::support::page(&staff, app.url(&detail_path)).await;
    assert!(
        detail.contains(subject)
            && detail.contains("Ada Lovelace")
            && detail.contains("Customer since 2019")
    );
    let csrf = hidden(&detail, "csrf").unwrap();

    // Extend: the subject is told by email, the status page shows the new date and reason.
    let before = app
        .svc
        .db
        .run(move |c| steward::db::requests::find(c, &id))
        .await
        .unwrap()
        .unwrap();
    let res = staff
        .post(app.url(&format!("{detail_path}/extend")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reason", "Records span three separate systems"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{backend:?} extend");
    let ext_mail = &app.smtp.wait_for(subject, 2).await[1];
    assert!(
        ext_mail
            .body
            .contains("Records span three separate systems")
    );
    let after = app
        .svc
        .db
        .run({
            let id = before.id.clone();
            move |c| steward::db::requests::find(c, &id)
        })
        .await
        .unwrap()
        .unwrap();
    let extended = after.extended_due_date.expect("extended due date set");
    assert_eq!(
        after.due_date, before.due_date,
        "the original due date is kept"
    );
    assert!(extended > before.due_date);
    assert_eq!(
        extended,
        steward::domain::clock::schedule(
            steward::domain::Jurisdiction::Gdpr,
            steward::domain::RequestKind::Access,
            before.received_date,
            0,
            true,
            &steward::domain::clock::ClockSettings::default_for(
                steward::domain::Jurisdiction::Gdpr
            ),
            &steward::domain::holidays::HolidayCalendar::default_for(
                steward::domain::Jurisdiction::Gdpr
            ),
        )
        .unwrap()
        .extended_due_date
        .unwrap()
    );
    let status = crate::support::page(&b, &status_url).await;
    assert!(
        status.contains("Deadline extended")
            && status.contains("Records span three separate systems")
    );
    assert!(
        status.contains(&extended.format("%-d %B %Y").to_string()),
        "status page shows the extended date"
    );

    // Complete.
    let res = staff
        .post(app.url(&format!("{detail_path}/complete")))
        .form(&[("csrf", csrf.as_str()), ("reason", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{backend:?} complete");
    let closed_mail = &app.smtp.wait_for(subject, 3).await[2];
    assert!(closed_mail.subject.contains("completed"));
    let status = crate::support::page(&b, &status_url).await;
    assert!(
        status.contains("Request completed") && status.contains("badge-completed"),
        "{backend:?} completed"
    );
    // The staff's internal note and identity never reach the subject's page.
    assert!(!status.contains("user:"));

    // A closed request cannot be acted on again.
    let res = staff
        .post(app.url(&format!("{detail_path}/deny")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("denial_reason", "other"),
            ("reason", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);

    // Every step is in an intact audit chain.
    let report = app.svc.db.run(steward::audit::verify).await.unwrap();
    assert!(report.first_break.is_none());
    assert!(
        report.rows >= 5,
        "received, verified, login, extend, complete: {}",
        report.rows
    );
}

/// The internal id behind a reference, from the queue's link.
pub fn request_id(queue: &str, reference: &str) -> String {
    let at = queue.find(reference).expect("reference on page");
    let before = &queue[..at];
    let start = before.rfind("/console/requests/").expect("link") + "/console/requests/".len();
    before[start..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn duplicate_requests_are_linked_but_verified_separately() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let first = app
            .submit_request(&[
                ("kind", "deletion"),
                ("jurisdiction", "uk_gdpr"),
                ("email", "dup@example.org"),
            ])
            .await;
        let second = app
            .submit_request(&[
                ("kind", "deletion"),
                ("jurisdiction", "uk_gdpr"),
                ("email", "DUP@example.org"),
            ])
            .await;
        let other_kind = app
            .submit_request(&[
                ("kind", "access"),
                ("jurisdiction", "uk_gdpr"),
                ("email", "dup@example.org"),
            ])
            .await;
        let token = app.token(Role::PrivacyOfficer).await;
        let c = reqwest::Client::new();
        let get = |r: String| {
            let c = c.clone();
            let url = app.url(&format!("/api/v1/requests/{r}"));
            let token = token.clone();
            async move {
                c.get(url)
                    .bearer_auth(token)
                    .send()
                    .await
                    .unwrap()
                    .json::<serde_json::Value>()
                    .await
                    .unwrap()
            }
        };
        let second_json = get(second.clone()).await;
        assert_eq!(second_json["duplicate_of"], first.as_str(), "{backend:?}");
        assert_eq!(
            second_json["status"], "verifying",
            "a duplicate still needs its own verification"
        );
        assert!(get(first).await["duplicate_of"].is_null());
        assert!(
            get(other_kind).await["duplicate_of"].is_null(),
            "another kind is not a duplicate"
        );
        assert_eq!(
            app.smtp.wait_for("dup@example.org", 3).await.len(),
            3,
            "each request sends its own link"
        );
    }
}
