//! The users page: invite → setup email → setup → sign-in with TOTP enrolment; role changes
//! and deactivation end sessions and change what API tokens may do at once; the access review.

use steward::domain::Role;

use crate::support::{PASSWORD, TestApp, backends, hidden, link_with, path_of};

async fn admin_csrf(app: &TestApp, b: &reqwest::Client) -> String {
    app.csrf_of(b, "/console/users").await
}

async fn user_id(app: &TestApp, email: &str) -> steward::domain::UserId {
    let email = email.to_string();
    app.db(move |c| {
        steward::db::users::find_by_email(c, &email)
            .unwrap()
            .unwrap()
            .id
    })
    .await
}

async fn token_for(app: &TestApp, email: &str) -> String {
    let email = email.to_string();
    app.db(move |c| {
        let u = steward::db::users::find_by_email(c, &email)
            .unwrap()
            .unwrap();
        steward::auth::create_token(c, &u, "integration", 30).unwrap()
    })
    .await
}

async fn api_status(app: &TestApp, token: &str, path: &str) -> u16 {
    reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn invite_setup_and_first_sign_in_with_enrolment() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let admin = app.signed_in(Role::Admin).await;
        let csrf = admin_csrf(&app, &admin).await;

        // Bad input: every field named, what was typed kept.
        let res = admin
            .post(app.url("/console/users/invite"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "not an email"),
                ("name", ""),
                ("role", "root"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{backend:?}");
        let page = res.text().await.unwrap();
        for f in ["email", "name", "role"] {
            assert!(page.contains(&format!("id=\"{f}-error\"")), "{f} named");
        }
        assert!(page.contains("value=\"not an email\""));

        let res = admin
            .post(app.url("/console/users/invite"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "New.Officer@Shop.example"),
                ("name", "Nora Officer"),
                ("role", "privacy_officer"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");
        let mail = app.smtp.wait_for("New.Officer@shop.example", 1).await;
        let link = link_with(&mail[0].body, "/console/setup/");
        assert!(link.starts_with(&app.base));

        // The same address again is refused, naming the field.
        let res = admin
            .post(app.url("/console/users/invite"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "new.officer@shop.example"),
                ("name", "Again"),
                ("role", "auditor"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("id=\"email-error\""));

        // The invitee: setup link, password, sign-in, enrolment, console.
        let b = app.browser();
        let setup = path_of(&link);
        let csrf = app.csrf_of(&b, &setup).await;
        let res = b
            .post(app.url(&setup))
            .form(&[
                ("csrf", csrf.as_str()),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}: password chosen");
        assert_eq!(
            app.login(&b, "new.officer@shop.example", PASSWORD)
                .await
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
            "no console before the second factor"
        );
        let (_, codes) = app.enrol(&b).await;
        assert_eq!(codes.len(), 10);
        assert_eq!(
            b.get(app.url("/console/requests"))
                .send()
                .await
                .unwrap()
                .status(),
            200,
            "{backend:?}"
        );

        // The access review shows them, with role and second factor.
        let page = crate::support::page(&admin, app.url("/console/users")).await;
        assert!(page.contains("new.officer@shop.example"));
        assert!(page.contains("Privacy officer"));
        let csv = admin
            .get(app.url("/console/users.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), 200);
        assert!(
            csv.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let text = csv.text().await.unwrap();
        let mut rows = text.split("\r\n");
        assert_eq!(
            rows.next().unwrap(),
            "id,email,name,role,active,last_login,mfa,mfa_enabled_at,recovery_codes_left,invitation_pending,created"
        );
        let row = text
            .split("\r\n")
            .find(|r| r.contains("new.officer@shop.example"))
            .unwrap();
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[3], "privacy_officer");
        assert_eq!(cells[4], "true");
        assert!(!cells[5].is_empty(), "last login recorded");
        assert_eq!(cells[6], "TOTP");
        assert_eq!(cells[8], "10");
        let actions = crate::mfa::audit_actions(&app).await;
        for a in [
            "user.created",
            "user.password_set",
            "mfa.enrolled",
            "export.downloaded",
        ] {
            assert!(actions.iter().any(|x| x == a), "{backend:?}: {a}");
        }
    }
}

#[tokio::test]
async fn a_role_change_ends_sessions_and_tokens_follow_at_once() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let admin = app.signed_in(Role::Admin).await;
        let officer = app.signed_in_as(Role::PrivacyOfficer).await;
        let token = token_for(&app, &officer.email).await;
        assert_eq!(api_status(&app, &token, "/api/v1/requests").await, 200);
        assert_eq!(
            officer
                .client
                .get(app.url("/console/requests"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );

        let id = officer.id.clone();
        let csrf = admin_csrf(&app, &admin).await;
        let res = admin
            .post(app.url(&format!("/console/users/{id}/role")))
            .form(&[("csrf", csrf.as_str()), ("role", "store_owner")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");

        let res = officer
            .client
            .get(app.url("/console/requests"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}: their session ended");
        assert_eq!(
            api_status(&app, &token, "/api/v1/requests").await,
            403,
            "{backend:?}: the token acts as a store owner at once"
        );

        // A bad role is refused, naming the field.
        let res = admin
            .post(app.url(&format!("/console/users/{id}/role")))
            .form(&[("csrf", csrf.as_str()), ("role", "superuser")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);

        // Deactivation: sessions end, tokens are revoked for good.
        let b = app.browser();
        app.login_full(&b, &officer.email, &officer.secret).await;
        let res = admin
            .post(app.url(&format!("/console/users/{id}/deactivate")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(
            b.get(app.url("/console/account"))
                .send()
                .await
                .unwrap()
                .status(),
            303,
            "{backend:?}: deactivated session ended"
        );
        assert_eq!(api_status(&app, &token, "/api/v1/requests").await, 401);
        assert_eq!(
            app.login(&app.browser(), &officer.email, PASSWORD)
                .await
                .status(),
            401
        );
        let res = admin
            .post(app.url(&format!("/console/users/{id}/reactivate")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(
            api_status(&app, &token, "/api/v1/requests").await,
            401,
            "reactivation does not revive old tokens"
        );

        // Second-factor reset: the next sign-in enrols afresh.
        let res = admin
            .post(app.url(&format!("/console/users/{id}/reset-mfa")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let c = app.browser();
        assert_eq!(app.login(&c, &officer.email, PASSWORD).await.status(), 303);
        let page = crate::support::page(&c, app.url("/console/mfa")).await;
        assert!(page.contains("totp-secret"), "{backend:?}: enrolment again");

        let actions = crate::mfa::audit_actions(&app).await;
        for a in [
            "user.role_changed",
            "user.deactivated",
            "user.reactivated",
            "mfa.reset",
        ] {
            assert!(actions.iter().any(|x| x == a), "{backend:?}: {a}");
        }
    }
}

#[tokio::test]
async fn the_last_admin_stays() {
    let app = TestApp::spawn(backends()[0]).await;
    let admin = app.signed_in_as(Role::Admin).await;
    let id = admin.id.clone();
    assert_eq!(id, user_id(&app, &admin.email).await);
    let page = crate::support::page(&admin.client, app.url("/console/users")).await;
    let csrf = hidden(&page, "csrf").unwrap();
    for (action, form) in [
        ("role", vec![("csrf", csrf.as_str()), ("role", "auditor")]),
        ("deactivate", vec![("csrf", csrf.as_str())]),
    ] {
        let res = admin
            .client
            .post(app.url(&format!("/console/users/{id}/{action}")))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409, "{action}");
    }
    assert_eq!(
        admin
            .client
            .get(app.url("/console/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}
