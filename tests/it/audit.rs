//! The audit chain: `steward audit verify` (the real binary) finds an edited or deleted row.

use std::process::Command;

use diesel::prelude::*;
use steward::db::schema::audit_log;
use steward::domain::Role;

use crate::support::{Backend, TestApp};

fn verify_cli(app: &TestApp) -> std::process::Output {
    let url = format!("sqlite://{}", app.dir.join("steward.db").display());
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["audit", "verify"])
        .env("STEWARD_DATABASE_URL", url)
        .env("STEWARD_MAIL_DIR", app.dir.join("mail"))
        .output()
        .unwrap()
}

#[tokio::test]
async fn edited_or_deleted_rows_are_detected() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for i in 0..3 {
        app.submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", &format!("a{i}@example.org")),
        ])
        .await;
    }
    app.signed_in(Role::PrivacyOfficer).await;
    let out = verify_cli(&app);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact"));

    // Edit row 2.
    app.db(|c| {
        diesel::update(audit_log::table.find(2i64))
            .set(audit_log::actor.eq("user:someone-else"))
            .execute(c)
            .unwrap()
    })
    .await;
    let out = verify_cli(&app);
    assert!(!out.status.success(), "an edit must fail verification");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2") && err.contains("edited"), "{err}");

    // Put it back: intact again. Then delete row 3.
    app.db(|c| {
        diesel::update(audit_log::table.find(2i64))
            .set(audit_log::actor.eq("subject"))
            .execute(c)
            .unwrap()
    })
    .await;
    assert!(verify_cli(&app).status.success(), "restored row verifies");
    app.db(|c| {
        diesel::delete(audit_log::table.find(3i64))
            .execute(c)
            .unwrap()
    })
    .await;
    let out = verify_cli(&app);
    assert!(!out.status.success(), "a deletion must fail verification");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("row 3"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The console-side API of the same check agrees.
    let report = app.db(|c| steward::audit::verify(c).unwrap()).await;
    assert_eq!(
        report.first_break.unwrap().seq,
        4,
        "row 4 no longer follows a row 3"
    );
}

#[tokio::test]
async fn the_console_page_shows_rows_and_names_the_first_broken_link() {
    for backend in crate::support::backends() {
        let app = TestApp::spawn(backend).await;
        app.submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", "a@example.org"),
        ])
        .await;
        let auditor = app.signed_in(Role::Auditor).await;
        let page = auditor.get(app.url("/console/audit")).send().await.unwrap();
        assert_eq!(page.status(), 200, "{backend:?}");
        let page = page.text().await.unwrap();
        assert!(page.contains("Hash chain intact"), "{backend:?}");
        for action in ["request.received", "login.password_ok", "mfa.enrolled"] {
            assert!(page.contains(action), "{backend:?}: {action} listed");
        }
        assert!(
            page.contains("@staff.example"),
            "who: the staff email, not only an id"
        );

        app.db(|c| {
            diesel::update(audit_log::table.find(2i64))
                .set(audit_log::detail.eq("{}"))
                .execute(c)
                .unwrap()
        })
        .await;
        let page = crate::support::page(&auditor, app.url("/console/audit")).await;
        assert!(page.contains("broken at row 2"), "{backend:?}: {page}");
        let res = auditor
            .get(app.url("/console/audit?before=abc"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400);
    }
}
