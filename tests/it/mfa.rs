//! The second factor: TOTP is required for every staff account, codes are taken once,
//! recovery codes work once, failures count towards lockout, and all of it is audited.

use steward::domain::Role;

use crate::support::{PASSWORD, TestApp, backends, totp_at};

/// The audit actions recorded so far, oldest first.
pub async fn audit_actions(app: &TestApp) -> Vec<String> {
    let mut rows = app
        .db(|c| steward::audit::recent(c, 10_000, None, &Default::default()).unwrap())
        .await;
    rows.reverse();
    rows.into_iter().map(|r| r.action).collect()
}

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn password_alone_opens_nothing_and_recovery_codes_work_once() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let who = app.signed_in_as(Role::PrivacyOfficer).await;
        assert_eq!(
            who.client
                .get(app.url("/console/requests"))
                .send()
                .await
                .unwrap()
                .status(),
            200,
            "{backend:?}: full session after enrolment"
        );

        // A second browser with the right password only.
        let b = app.browser();
        let res = app.login(&b, &who.email, PASSWORD).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).starts_with("/console/mfa"));
        let pending_cookie = b.get(app.url("/console/requests")).send().await.unwrap();
        assert_eq!(pending_cookie.status(), 303, "{backend:?}");
        assert_eq!(location(&pending_cookie), "/console/mfa");
        let page = crate::support::page(&b, app.url("/console/mfa")).await;
        assert!(
            page.contains("Enter your code"),
            "enrolled users get the code step"
        );
        assert!(
            !page.contains("totp-secret"),
            "the secret is never shown again"
        );

        // Wrong code: refused, names the field.
        let res = app.second_factor(&b, "000000").await;
        assert_eq!(res.status(), 401);
        assert!(res.text().await.unwrap().contains("id=\"code-error\""));

        // A recovery code (typed in capitals, without dashes) signs in once.
        let code = who.recovery_codes[0].clone();
        let typed = code.replace('-', "").to_uppercase();
        let res = app.second_factor(&b, &typed).await;
        assert_eq!(res.status(), 303, "{backend:?}: recovery code accepted");
        assert_eq!(
            b.get(app.url("/console/requests"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );

        let again = app.browser();
        app.login(&again, &who.email, PASSWORD).await;
        let res = app.second_factor(&again, &code).await;
        assert_eq!(res.status(), 401, "{backend:?}: a recovery code works once");
        let res = app.second_factor(&again, &who.recovery_codes[1]).await;
        assert_eq!(res.status(), 303, "the next one works");

        let actions = audit_actions(&app).await;
        for a in [
            "login.password_ok",
            "mfa.enrolled",
            "login",
            "login.mfa_failed",
            "mfa.recovery_code_used",
        ] {
            assert!(actions.iter().any(|x| x == a), "{backend:?}: {a} audited");
        }
    }
}

#[tokio::test]
async fn a_totp_code_is_taken_once_and_the_session_token_changes() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let who = app.signed_in_as(Role::Auditor).await;

        let b = app.browser();
        let res = app.login(&b, &who.email, PASSWORD).await;
        let half_token = session_cookie(&res).unwrap();
        let code = app.totp_code(&who.secret).await;
        let res = app.second_factor(&b, &code).await;
        assert_eq!(res.status(), 303, "{backend:?}");
        let full_token = session_cookie(&res).expect("a new session cookie");
        assert_ne!(
            half_token, full_token,
            "no session fixation across the second step"
        );

        // The very same code again, from another browser: replay refused.
        let c = app.browser();
        app.login(&c, &who.email, PASSWORD).await;
        let res = app.second_factor(&c, &code).await;
        assert_eq!(res.status(), 401, "{backend:?}: replayed code refused");

        // A code for a time far from now is refused too.
        let old = totp_at(&who.secret, 1_000_000_000);
        let res = app.second_factor(&c, &old).await;
        assert_eq!(res.status(), 401);

        // The pending session's old token opens nothing after the switch.
        let stale = app.browser();
        let res = stale
            .get(app.url("/console/requests"))
            .header("Cookie", format!("steward_session={half_token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert!(location(&res).starts_with("/console/login"));
    }
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("steward_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .filter(|v| !v.is_empty())
}

#[tokio::test]
async fn wrong_codes_lock_the_account() {
    let app = TestApp::spawn(backends()[0]).await;
    let who = app.signed_in_as(Role::Admin).await;
    let b = app.browser();
    app.login(&b, &who.email, PASSWORD).await;
    let mut last = 0;
    for _ in 0..5 {
        last = app.second_factor(&b, "123456").await.status().as_u16();
        if last != 401 {
            break;
        }
    }
    assert_eq!(last, 401);
    // Locked: the half-signed-in session is gone, and even the right password is refused.
    let res = b.get(app.url("/console/mfa")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert!(location(&res).starts_with("/console/login"));
    let res = app.login(&b, &who.email, PASSWORD).await;
    assert_eq!(res.status(), 401, "locked after five wrong codes");
}

#[tokio::test]
async fn enrolment_needs_a_valid_code_and_keeps_the_secret_encrypted() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        app.staff(Role::StoreOwner, "owner@staff.example", PASSWORD)
            .await;
        let b = app.browser();
        app.login(&b, "owner@staff.example", PASSWORD).await;
        let page = crate::support::page(&b, app.url("/console/mfa")).await;
        let secret = crate::support::between(&page, "id=\"totp-secret\">", "<").unwrap();
        let csrf = crate::support::hidden(&page, "csrf").unwrap();
        // Reloading shows the same secret (it lives on the half-signed-in session).
        let again = crate::support::page(&b, app.url("/console/mfa")).await;
        assert!(again.contains(&secret));
        for (code, csrf, status) in [
            ("", csrf.as_str(), 422),
            ("999999", csrf.as_str(), 422),
            ("123456", "wrong", 403),
        ] {
            let res = b
                .post(app.url("/console/mfa/enrol"))
                .form(&[("csrf", csrf), ("code", code), ("next", "")])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), status, "{backend:?} code {code:?}");
            let text = res.text().await.unwrap();
            assert!(text.contains(&secret), "the same secret is shown again");
        }
        let (_, codes) = app.enrol(&b).await;
        assert_eq!(codes.len(), 10);
        let stored = app
            .db(|c| {
                steward::db::users::find_by_email(c, "owner@staff.example")
                    .unwrap()
                    .unwrap()
            })
            .await;
        let enc = stored.totp_secret_enc.expect("enrolled");
        assert!(!enc.contains(&secret), "stored encrypted");
        let slot = steward::crypto::Slot::new("users", "totp_secret_enc", &stored.id);
        assert_eq!(app.svc.keys.open(&enc, slot).unwrap(), secret);
    }
}

/// Guessing at an account from one address locks out that address only: the owner, signing
/// in from elsewhere, gets in; and the guesses leave two audit rows, not one per guess.
#[tokio::test]
async fn a_strangers_guesses_never_lock_the_owner_out() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await;
    let owner = app.signed_in_as(Role::PrivacyOfficer).await;
    let stranger = reqwest::Client::builder()
        .local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap())
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for _ in 0..8 {
        let res = app
            .login(&stranger, &owner.email, "not the password!")
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app.login(&stranger, &owner.email, PASSWORD).await;
    assert_eq!(
        res.status(),
        401,
        "the guessing address is locked, even with the password"
    );

    let b = app.browser();
    app.login_full(&b, &owner.email, &owner.secret).await;
    let page = crate::support::page(&b, app.url("/console/requests")).await;
    assert!(page.contains("Requests"), "the owner is in");

    let id = owner.id.to_string();
    let failed = app
        .db(move |c| {
            steward::audit::recent(c, 500, None, &Default::default())
                .unwrap()
                .into_iter()
                .filter(|r| r.action == "login.failed" && r.target == format!("user:{id}"))
                .count()
        })
        .await;
    assert_eq!(failed, 2, "the first failure and the lock, not every guess");
}
