//! The staff console: who gets in, and how sessions behave.

use steward::domain::Role;

use crate::support::{TestApp, backends, hidden};

#[tokio::test]
async fn console_pages_need_a_session() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.browser();
    for path in [
        "/console/requests",
        "/console/requests/new",
        "/console/requests/some-id",
    ] {
        let res = b.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{path}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/console/login?next="),
            "{path}"
        );
    }
    for path in [
        "/console/requests/new",
        "/console/requests/x/complete",
        "/console/logout",
    ] {
        let res = b
            .post(app.url(path))
            .form(&[("csrf", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            303,
            "POST {path} without a session goes to login"
        );
    }
    // A forged session cookie is no session.
    let res = b
        .get(app.url("/console/requests"))
        .header("Cookie", "steward_session=forged")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn login_logout_and_cookie_flags() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        app.staff(
            Role::PrivacyOfficer,
            "officer@staff.example",
            "orbit kettle velvet 42",
        )
        .await;
        let b = app.browser();
        let res = app
            .login(&b, "Officer@Staff.example", "orbit kettle velvet 42")
            .await;
        assert_eq!(
            res.status(),
            303,
            "{backend:?}: emails match case-insensitively"
        );
        let cookie = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|c| c.starts_with("steward_session="))
            .unwrap();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/console/mfa"),
            "the password leads to the second step"
        );
        let half = b.get(app.url("/console/requests")).send().await.unwrap();
        assert_eq!(
            half.status(),
            303,
            "{backend:?}: password alone opens nothing"
        );
        assert_eq!(half.headers()["location"], "/console/mfa");
        app.enrol(&b).await;
        let page = b.get(app.url("/console/requests")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let csrf = hidden(&page.text().await.unwrap(), "csrf").unwrap();
        assert_eq!(
            b.post(app.url("/console/logout"))
                .form(&[("csrf", "wrong")])
                .send()
                .await
                .unwrap()
                .status(),
            403
        );
        assert_eq!(
            b.post(app.url("/console/logout"))
                .form(&[("csrf", csrf.as_str())])
                .send()
                .await
                .unwrap()
                .status(),
            303
        );
        assert_eq!(
            b.get(app.url("/console/requests"))
                .send()
                .await
                .unwrap()
                .status(),
            303,
            "session ended"
        );
    }
}

#[tokio::test]
async fn unknown_and_wrong_logins_look_the_same_and_lock_out() {
    let app = TestApp::spawn(backends()[0]).await;
    app.staff(Role::Admin, "admin@staff.example", "orbit kettle velvet 42")
        .await;
    let b = app.browser();
    let wrong = app
        .login(&b, "admin@staff.example", "not the password")
        .await;
    let unknown = app
        .login(&b, "nobody@staff.example", "not the password")
        .await;
    assert_eq!(wrong.status(), unknown.status());
    let (w, u) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    let msg = |p: &str| {
        p.split("field-error")
            .nth(1)
            .map(|s| s.split("</p>").next().unwrap().to_string())
    };
    assert_eq!(
        msg(&w),
        msg(&u),
        "same words whether or not the account exists"
    );
    for _ in 0..5 {
        app.login(&b, "admin@staff.example", "still not it").await;
    }
    let locked = app
        .login(&b, "admin@staff.example", "orbit kettle velvet 42")
        .await;
    assert_eq!(
        locked.status(),
        401,
        "locked out even with the right password"
    );
}

#[tokio::test]
async fn roles_limit_the_console() {
    let app = TestApp::spawn(backends()[0]).await;
    let reference = app
        .submit_request(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", "r@example.org"),
        ])
        .await;
    let officer = app.signed_in(Role::PrivacyOfficer).await;
    let queue = crate::support::page(&officer, app.url("/console/requests")).await;
    let id = crate::journey::request_id(&queue, &reference);

    let owner = app.signed_in(Role::StoreOwner).await;
    assert_eq!(
        owner
            .get(app.url("/console/requests"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        owner
            .get(app.url(&format!("/console/requests/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        403,
        "no request by id either"
    );

    let auditor = app.signed_in(Role::Auditor).await;
    let page = auditor
        .get(app.url(&format!("/console/requests/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200, "auditors read");
    let page = page.text().await.unwrap();
    assert!(!page.contains("/extend\""), "no action forms for auditors");
    let csrf = hidden(&page, "csrf").unwrap();
    let res = auditor
        .post(app.url(&format!("/console/requests/{id}/verify")))
        .form(&[("csrf", csrf.as_str()), ("reason", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "auditors cannot act");
    assert_eq!(
        auditor
            .get(app.url("/console/requests/new"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
}

#[tokio::test]
async fn staff_log_a_letter_with_its_receipt_date() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let b = app.signed_in(Role::PrivacyOfficer).await;
        let csrf = app.csrf_of(&b, "/console/requests/new").await;
        let res = b
            .post(app.url("/console/requests/new"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("channel", "post"),
                ("received_at", "2026-01-31"),
                ("kind", "access"),
                ("jurisdiction", "gdpr"),
                ("email", "letter@example.de"),
                ("name", "Brief Schreiber"),
                ("send_verification", "on"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");
        let page =
            crate::support::page(&b, app.url(res.headers()["location"].to_str().unwrap())).await;
        assert!(page.contains("2026-01-31"), "received date shown");
        // 31 January + one month = 28 February 2026, a Saturday: next working day Monday 2 March.
        assert!(
            page.contains("2026-03-02"),
            "{backend:?}: due date from the letter's date"
        );
        assert!(page.contains("Letter") || page.contains("Post"));
        app.smtp.wait_for("letter@example.de", 1).await;
    }
}

/// Guesses sent at the same moment are each counted (the count is `failures + 1` in the
/// database, not read, added to and written back), so parallel guessing gets no more tries
/// than one at a time; on both backends.
#[tokio::test]
async fn guesses_sent_together_are_each_counted() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let user = app
            .staff(Role::Admin, "admin@staff.example", "orbit kettle velvet 42")
            .await;
        let tries: Vec<_> = (0..8)
            .map(|i| {
                let app = &app;
                async move {
                    let b = app.browser();
                    app.login(&b, "admin@staff.example", &format!("guess number {i}"))
                        .await
                        .status()
                        .as_u16()
                }
            })
            .collect();
        let statuses = futures_util::future::join_all(tries).await;
        assert!(
            statuses.iter().all(|s| *s == 401),
            "{backend:?}: {statuses:?}"
        );
        let id = user.to_string();
        let (failures, locked) = app
            .db(move |c| steward::db::users::client_failures(c, &id, "127.0.0.1").unwrap())
            .await;
        assert_eq!(failures, 8, "{backend:?}: every guess counted");
        assert!(
            locked.is_some(),
            "{backend:?}: and the account is locked for this client"
        );
        let b = app.browser();
        let right = app
            .login(&b, "admin@staff.example", "orbit kettle velvet 42")
            .await;
        assert_eq!(
            right.status(),
            401,
            "{backend:?}: locked even with the password"
        );
    }
}

/// Behind a reverse proxy every client connects from the proxy's address. With the proxy
/// trusted (`STEWARD_TRUSTED_PROXIES`), back-off is per account and forwarded client, so an
/// attacker's guesses do not lock out the real user behind the same proxy; without it, the
/// header is ignored, so it cannot be forged to dodge the back-off.
#[tokio::test]
async fn back_off_follows_the_client_a_trusted_proxy_forwards() {
    let backend = backends()[0];
    let guess = |app: &TestApp, from: &'static str, password: &'static str| {
        let (b, url) = (app.browser(), app.url("/console/login"));
        async move {
            let page = b.get(&url).send().await.unwrap().text().await.unwrap();
            let csrf = crate::support::hidden(&page, "csrf").unwrap();
            b.post(&url)
                .header("X-Forwarded-For", format!("198.51.100.1, {from}"))
                .form(&[
                    ("email", "admin@staff.example"),
                    ("password", password),
                    ("csrf", csrf.as_str()),
                    ("next", ""),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let proxied = TestApp::spawn_with(backend, &[("STEWARD_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let user = proxied
        .staff(Role::Admin, "admin@staff.example", "orbit kettle velvet 42")
        .await;
    for _ in 0..6 {
        assert_eq!(guess(&proxied, "203.0.113.66", "wrong guess").await, 401);
    }
    let id = user.to_string();
    let counted = proxied
        .db(move |c| {
            [
                steward::db::users::client_failures(c, &id, "203.0.113.66")
                    .unwrap()
                    .0,
                steward::db::users::client_failures(c, &id, "127.0.0.1")
                    .unwrap()
                    .0,
                steward::db::users::client_failures(c, &id, "198.51.100.1")
                    .unwrap()
                    .0,
            ]
        })
        .await;
    assert_eq!(
        counted,
        [6, 0, 0],
        "counted for the forwarded client, not the proxy or a claim"
    );
    assert_eq!(
        guess(&proxied, "203.0.113.10", "orbit kettle velvet 42").await,
        303,
        "the real user behind the same proxy still signs in"
    );

    let direct = TestApp::spawn(backend).await;
    let user = direct
        .staff(Role::Admin, "admin@staff.example", "orbit kettle velvet 42")
        .await;
    for from in ["203.0.113.1", "203.0.113.2"] {
        assert_eq!(guess(&direct, from, "wrong guess").await, 401);
    }
    let id = user.to_string();
    let (failures, _) = direct
        .db(move |c| steward::db::users::client_failures(c, &id, "127.0.0.1").unwrap())
        .await;
    assert_eq!(failures, 2, "an untrusted peer's header is ignored");
}
