//! Sessions end when they should: sign out everywhere, password change, role change,
//! deactivation, second-factor reset; API tokens act with the user's current role.

use steward::domain::Role;

use crate::support::{PASSWORD, SignedIn, TestApp, backends, hidden};

async fn status(b: &reqwest::Client, app: &TestApp, path: &str) -> u16 {
    b.get(app.url(path)).send().await.unwrap().status().as_u16()
}

async fn csrf(app: &TestApp, b: &reqwest::Client) -> String {
    app.csrf_of(b, "/console/account").await
}

/// A second browser signed in as the same person (with a recovery code, not to wait for a
/// new TOTP step).
async fn another_session(app: &TestApp, who: &SignedIn, code: usize) -> reqwest::Client {
    let b = app.browser();
    assert_eq!(app.login(&b, &who.email, PASSWORD).await.status(), 303);
    let res = app.second_factor(&b, &who.recovery_codes[code]).await;
    assert_eq!(res.status(), 303);
    b
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let who = app.signed_in_as(Role::Auditor).await;
        let other = another_session(&app, &who, 0).await;
        assert_eq!(status(&other, &app, "/console/requests").await, 200);
        let token = csrf(&app, &who.client).await;
        let res = who
            .client
            .post(app.url("/console/account/sign-out-everywhere"))
            .form(&[("csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(
            status(&who.client, &app, "/console/requests").await,
            303,
            "{backend:?}"
        );
        assert_eq!(
            status(&other, &app, "/console/requests").await,
            303,
            "{backend:?}"
        );
        let actions = crate::mfa::audit_actions(&app).await;
        assert!(actions.contains(&"sessions.ended_all".to_string()));
    }
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let who = app.signed_in_as(Role::PrivacyOfficer).await;
        let other = another_session(&app, &who, 0).await;
        let token = csrf(&app, &who.client).await;
        // Wrong current password: refused, field named, nothing ends.
        let res = who
            .client
            .post(app.url("/console/account/password"))
            .form(&[
                ("csrf", token.as_str()),
                ("current", "not my password"),
                ("password", "quartz lantern meadow 7"),
                ("confirm", "quartz lantern meadow 7"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("id=\"current-error\""));
        assert_eq!(status(&other, &app, "/console/requests").await, 200);
        let res = who
            .client
            .post(app.url("/console/account/password"))
            .form(&[
                ("csrf", token.as_str()),
                ("current", PASSWORD),
                ("password", "quartz lantern meadow 7"),
                ("confirm", "quartz lantern meadow 7"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");
        assert_eq!(
            status(&who.client, &app, "/console/requests").await,
            200,
            "this one stays"
        );
        assert_eq!(
            status(&other, &app, "/console/requests").await,
            303,
            "{backend:?}: others end"
        );
        let b = app.browser();
        assert_eq!(
            app.login(&b, &who.email, PASSWORD).await.status(),
            401,
            "old password"
        );
        assert_eq!(
            app.login(&b, &who.email, "quartz lantern meadow 7")
                .await
                .status(),
            303
        );
        let actions = crate::mfa::audit_actions(&app).await;
        assert!(actions.contains(&"user.password_changed".to_string()));
    }
}

#[tokio::test]
async fn new_recovery_codes_replace_the_old_ones() {
    let app = TestApp::spawn(backends()[0]).await;
    let who = app.signed_in_as(Role::Admin).await;
    let other = another_session(&app, &who, 0).await;
    let token = csrf(&app, &who.client).await;
    let code = app.totp_code(&who.secret).await;
    let res = who
        .client
        .post(app.url("/console/account/recovery-codes"))
        .form(&[("csrf", token.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let new_codes: Vec<String> = page
        .split("<li><code class=\"token\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(new_codes.len(), 10);
    assert_eq!(
        status(&other, &app, "/console/requests").await,
        303,
        "an MFA change ends other sessions"
    );
    let b = app.browser();
    app.login(&b, &who.email, PASSWORD).await;
    assert_eq!(
        app.second_factor(&b, &who.recovery_codes[1]).await.status(),
        401,
        "old codes dead"
    );
    assert_eq!(app.second_factor(&b, &new_codes[0]).await.status(), 303);
    assert!(hidden(&page, "csrf").is_some());
}
