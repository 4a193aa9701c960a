//! API tokens expire, are listed on the account and users pages, are revoked one by one,
//! and end with a password change or a second-factor reset.

use steward::domain::Role;

use crate::support::{Backend, PASSWORD, SignedIn, TestApp, hidden};

async fn token_for(app: &TestApp, who: &SignedIn, name: &str) -> String {
    let email = who.email.clone();
    let name = name.to_string();
    app.db(move |c| {
        let u = steward::db::users::find_by_email(c, &email)
            .unwrap()
            .unwrap();
        steward::auth::create_token(c, &u, &name, 30).unwrap()
    })
    .await
}

async fn works(app: &TestApp, token: &str) -> u16 {
    reqwest::Client::new()
        .get(app.url("/api/v1/requests"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn tokens_are_listed_revoked_expired_and_ended() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let officer = app.signed_in_as(Role::PrivacyOfficer).await;
    let ci = token_for(&app, &officer, "ci-pipeline").await;
    let script = token_for(&app, &officer, "nightly-script").await;
    let old = token_for(&app, &officer, "old-laptop").await;
    assert_eq!(works(&app, &ci).await, 200);

    // Expired: refused.
    app.db(|c| {
        use diesel::RunQueryDsl;
        diesel::sql_query(
            "UPDATE api_tokens SET expires_at = '2020-01-01 00:00:00' WHERE name = 'old-laptop'",
        )
        .execute(c)
        .unwrap();
    })
    .await;
    assert_eq!(works(&app, &old).await, 401, "an expired token");

    // Listed on one's account page, and revoked one by one.
    let page = crate::support::page(&officer.client, app.url("/console/account")).await;
    assert!(page.contains("ci-pipeline") && page.contains("nightly-script"));
    assert!(
        !page.contains("old-laptop"),
        "expired tokens are not listed"
    );
    let marker = "name=\"token\" value=\"";
    let ids: Vec<String> = page
        .match_indices(marker)
        .map(|(i, _)| {
            page[i + marker.len()..]
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    let csrf = hidden(&page, "csrf").unwrap();
    // The first listed is the newest: nightly-script.
    let res = officer
        .client
        .post(app.url("/console/account/tokens/revoke"))
        .form(&[("csrf", csrf.as_str()), ("token", ids[0].as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(works(&app, &script).await, 401, "revoked");
    assert_eq!(works(&app, &ci).await, 200, "the other still works");

    // Another user's token cannot be revoked from one's own account page.
    let admin = app.signed_in_as(Role::Admin).await;
    let admins = token_for(&app, &admin, "admin-tool").await;
    let users = crate::support::page(&admin.client, app.url("/console/users")).await;
    assert!(
        users.contains("admin-tool")
            && users.contains("ci-pipeline")
            && users.contains(&officer.email)
    );
    let admin_token_id = users
        .split("Revoke admin-tool")
        .next()
        .unwrap()
        .rsplit(marker)
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let res = officer
        .client
        .post(app.url("/console/account/tokens/revoke"))
        .form(&[("csrf", csrf.as_str()), ("token", admin_token_id.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "not one's own");
    assert_eq!(works(&app, &admins).await, 200);

    // A password change ends every token of the account.
    let res = officer
        .client
        .post(app.url("/console/account/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", PASSWORD),
            ("password", "quartz lantern meadow 7"),
            ("confirm", "quartz lantern meadow 7"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(works(&app, &ci).await, 401, "ended by the password change");
}
