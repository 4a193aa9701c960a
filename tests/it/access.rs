//! The role × route matrix: every route of `web::routes::RULES`, for every role, over HTTP.
//! The expectations below are written independently of the table; a route in the table but
//! not here (or the other way round) fails the test, so a new route cannot ship without an
//! access decision that someone wrote down twice.

use std::collections::BTreeSet;

use steward::domain::Role;
use steward::web::routes::{Access, RULES, Verb};

use crate::support::{SignedIn, TestApp, backends, hidden};

/// Who gets in, as the product spec says.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// No sign-in needed.
    Anyone,
    /// Half-signed-in sessions (password done, second factor not): the MFA pages.
    SecondStep,
    /// Any signed-in role.
    AnyStaff,
    /// Only these roles.
    Only(&'static [Role]),
    /// A store's answer to its task: the store's own signature, or a staff token of these roles.
    StoreAnswer(&'static [Role]),
    /// A website's call with its site key, or a staff token of these roles (none: keys only).
    SiteCall(&'static [Role]),
}

use Expect::*;
use Role::{Admin, Auditor, PrivacyOfficer as Officer, StoreOwner};

const READERS: &[Role] = &[Admin, Officer, Auditor];
const WORKERS: &[Role] = &[Admin, Officer];
const ADMINS: &[Role] = &[Admin];
/// Task queues: store owners see their own stores' tasks, privacy staff all of them.
const TASKERS: &[Role] = &[Admin, Officer, StoreOwner];

/// Every route and who may use it. Add a line here with every new route.
const EXPECTED: &[(&str, &str, Expect)] = &[
    ("GET", "/", Anyone),
    ("GET", "/privacy", Anyone),
    ("GET", "/privacy/requests/new", Anyone),
    ("POST", "/privacy/requests/new", Anyone),
    ("GET", "/privacy/requests/sent", Anyone),
    ("GET", "/privacy/requests/{public_id}", Anyone),
    ("GET", "/privacy/requests/{public_id}/package.csv", Anyone),
    ("POST", "/privacy/requests/{public_id}/proof", Anyone),
    ("GET", "/privacy/verify/{token}", Anyone),
    ("POST", "/privacy/verify/{token}", Anyone),
    ("GET", "/console", AnyStaff),
    ("GET", "/console/login", Anyone),
    ("POST", "/console/login", Anyone),
    ("GET", "/console/mfa", SecondStep),
    ("POST", "/console/mfa", SecondStep),
    ("POST", "/console/mfa/enrol", SecondStep),
    ("GET", "/console/setup/{token}", Anyone),
    ("POST", "/console/setup/{token}", Anyone),
    ("POST", "/console/logout", AnyStaff),
    ("GET", "/console/account", AnyStaff),
    ("POST", "/console/account/password", AnyStaff),
    ("POST", "/console/account/sign-out-everywhere", AnyStaff),
    ("POST", "/console/account/tokens/revoke", AnyStaff),
    ("POST", "/console/account/recovery-codes", AnyStaff),
    ("GET", "/console/requests", Only(READERS)),
    ("GET", "/console/requests/new", Only(WORKERS)),
    ("POST", "/console/requests/new", Only(WORKERS)),
    ("GET", "/console/requests/{id}", Only(READERS)),
    ("POST", "/console/requests/{id}/{action}", Only(WORKERS)),
    ("POST", "/console/requests/{id}/corrections", Only(WORKERS)),
    ("POST", "/console/requests/{id}/language", Only(WORKERS)),
    ("GET", "/console/requests/{id}/package.csv", Only(READERS)),
    (
        "GET",
        "/console/requests/{id}/attachments/{file}",
        Only(READERS),
    ),
    ("GET", "/console/stores", Only(READERS)),
    ("GET", "/console/stores/new", Only(WORKERS)),
    ("POST", "/console/stores/new", Only(WORKERS)),
    ("GET", "/console/stores/{id}", Only(READERS)),
    ("POST", "/console/stores/{id}", Only(WORKERS)),
    ("GET", "/console/tasks", Only(TASKERS)),
    ("GET", "/console/tasks/{id}", Only(TASKERS)),
    ("POST", "/console/tasks/{id}/upload", Only(TASKERS)),
    ("POST", "/console/tasks/{id}/{action}", Only(TASKERS)),
    ("GET", "/console/audit", Only(READERS)),
    ("GET", "/console/users", Only(ADMINS)),
    ("GET", "/console/users.csv", Only(ADMINS)),
    ("POST", "/console/users/invite", Only(ADMINS)),
    ("POST", "/console/users/tokens/revoke", Only(ADMINS)),
    ("POST", "/console/users/{id}/{action}", Only(ADMINS)),
    ("GET", "/console/breaches", Only(READERS)),
    ("GET", "/console/breaches.csv", Only(READERS)),
    ("GET", "/console/breaches/new", Only(WORKERS)),
    ("POST", "/console/breaches/new", Only(WORKERS)),
    ("GET", "/console/breaches/{id}", Only(READERS)),
    ("POST", "/console/breaches/{id}", Only(WORKERS)),
    (
        "POST",
        "/console/breaches/{id}/regulator-notified",
        Only(WORKERS),
    ),
    ("POST", "/console/breaches/{id}/notify", Only(WORKERS)),
    ("GET", "/healthz", Anyone),
    ("GET", "/metrics", Anyone),
    ("POST", "/api/v1/requests", Only(WORKERS)),
    ("GET", "/api/v1/requests", Only(READERS)),
    ("GET", "/api/v1/overview", AnyStaff),
    ("GET", "/api/v1/openapi.json", AnyStaff),
    ("GET", "/api/v1/requests/{id}", Only(READERS)),
    ("POST", "/api/v1/requests/{id}/{action}", Only(WORKERS)),
    ("GET", "/api/v1/requests/{id}/corrections", Only(READERS)),
    ("POST", "/api/v1/requests/{id}/corrections", Only(WORKERS)),
    ("GET", "/api/v1/exports/breaches.csv", Only(READERS)),
    ("GET", "/api/v1/calendars", Only(READERS)),
    ("GET", "/api/v1/settings/brand", Only(READERS)),
    ("PATCH", "/api/v1/settings/brand", Only(ADMINS)),
    ("POST", "/api/v1/calendars/{key}/days", Only(ADMINS)),
    ("GET", "/console/settings/calendars", Only(ADMINS)),
    ("POST", "/console/settings/calendars", Only(ADMINS)),
    ("GET", "/console/settings/brand", Only(ADMINS)),
    ("POST", "/console/settings/brand", Only(ADMINS)),
    ("POST", "/console/settings/brand/upload", Only(ADMINS)),
    ("POST", "/console/settings/brand/logo/remove", Only(ADMINS)),
    ("POST", "/console/settings/gdpr-country", Only(ADMINS)),
    ("POST", "/console/settings/uk-region", Only(ADMINS)),
    ("GET", "/api/v1/requests/{id}/package.csv", Only(READERS)),
    ("POST", "/api/v1/stores", Only(WORKERS)),
    ("GET", "/api/v1/stores", Only(READERS)),
    ("GET", "/api/v1/stores/{id}", Only(READERS)),
    ("PATCH", "/api/v1/stores/{id}", Only(WORKERS)),
    ("POST", "/api/v1/stores/{id}/deactivate", Only(WORKERS)),
    ("GET", "/api/v1/tasks", Only(TASKERS)),
    ("GET", "/api/v1/tasks/{id}", Only(TASKERS)),
    ("POST", "/api/v1/tasks/{id}/retry", Only(TASKERS)),
    ("POST", "/api/v1/tasks/{id}/result", StoreAnswer(TASKERS)),
    ("GET", "/console/exports", Only(READERS)),
    ("GET", "/console/exports/ccpa-metrics", Only(READERS)),
    ("GET", "/console/exports/requests.csv", Only(READERS)),
    ("GET", "/console/exports/ccpa-metrics.csv", Only(READERS)),
    ("GET", "/console/exports/ropa.csv", Only(READERS)),
    ("GET", "/console/exports/audit.csv", Only(READERS)),
    ("POST", "/console/exports/controller", Only(ADMINS)),
    ("GET", "/api/v1/exports/requests.csv", Only(READERS)),
    ("GET", "/api/v1/exports/ccpa-metrics.csv", Only(READERS)),
    ("GET", "/api/v1/exports/ropa.csv", Only(READERS)),
    ("GET", "/api/v1/exports/audit.csv", Only(READERS)),
    ("GET", "/privacy/preferences", Anyone),
    ("POST", "/privacy/preferences", Anyone),
    ("POST", "/privacy/preferences/choices", Anyone),
    ("GET", "/privacy/preferences/{token}", Anyone),
    ("POST", "/privacy/preferences/{token}", Anyone),
    ("GET", "/privacy/language/{language}", Anyone),
    ("GET", "/privacy/brand.css", Anyone),
    ("GET", "/privacy/brand/logo", Anyone),
    ("GET", "/console/consent", Only(READERS)),
    ("POST", "/console/consent/record", Only(WORKERS)),
    ("GET", "/console/consent.csv", Only(READERS)),
    ("GET", "/console/consent/purposes/new", Only(WORKERS)),
    ("POST", "/console/consent/purposes/new", Only(WORKERS)),
    ("GET", "/console/consent/purposes/{key}", Only(READERS)),
    ("POST", "/console/consent/purposes/{key}", Only(WORKERS)),
    (
        "POST",
        "/console/consent/purposes/{key}/translations",
        Only(WORKERS),
    ),
    (
        "GET",
        "/console/consent/purposes/{key}/current.csv",
        Only(READERS),
    ),
    (
        "POST",
        "/console/consent/purposes/{key}/services",
        Only(WORKERS),
    ),
    (
        "POST",
        "/console/consent/purposes/{key}/services/{id}/remove",
        Only(WORKERS),
    ),
    ("GET", "/console/consent/services.csv", Only(READERS)),
    ("GET", "/console/consent/site-keys", Only(READERS)),
    ("POST", "/console/consent/site-keys", Only(ADMINS)),
    (
        "POST",
        "/console/consent/site-keys/{id}/revoke",
        Only(ADMINS),
    ),
    ("POST", "/api/v1/purposes", Only(WORKERS)),
    ("GET", "/api/v1/purposes", Only(READERS)),
    ("POST", "/api/v1/purposes/{key}/notices", Only(WORKERS)),
    ("POST", "/api/v1/purposes/{key}/translations", Only(WORKERS)),
    ("POST", "/api/v1/purposes/{key}/services", Only(WORKERS)),
    (
        "DELETE",
        "/api/v1/purposes/{key}/services/{id}",
        Only(WORKERS),
    ),
    ("GET", "/api/v1/exports/consent-services.csv", Only(READERS)),
    ("POST", "/api/v1/site-keys", Only(ADMINS)),
    ("GET", "/api/v1/exports/consent.csv", Only(READERS)),
    ("GET", "/api/v1/consent", Only(READERS)),
    ("GET", "/api/v1/consent/{id}", Only(READERS)),
    ("OPTIONS", "/api/v1/consent", SiteCall(&[])),
    ("POST", "/api/v1/consent", SiteCall(WORKERS)),
    ("OPTIONS", "/api/v1/consent/banner", SiteCall(&[])),
    ("GET", "/api/v1/consent/banner", SiteCall(&[])),
    ("POST", "/api/v1/consent/banner", SiteCall(&[])),
];

/// Routes whose success ends the session they are called with.
const ENDS_SESSION: &[&str] = &["/console/logout", "/console/account/sign-out-everywhere"];

fn concrete(path: &str) -> String {
    let action = if path.starts_with("/console/users/") {
        "deactivate"
    } else {
        "verify"
    };
    path.replace("{id}", "00000000-0000-4000-8000-000000000000")
        .replace("{action}", action)
        .replace("{token}", "not-a-real-token")
        .replace("{public_id}", "SR-ABCDEFGH")
        .replace("{file}", "00000000-0000-4000-8000-000000000001")
        .replace("{key}", "us-ca")
}

#[test]
fn the_table_and_the_expectations_list_the_same_routes() {
    let table: BTreeSet<(String, String)> = RULES
        .iter()
        .map(|r| (r.verb.as_str().to_string(), r.path.to_string()))
        .collect();
    let expected: BTreeSet<(String, String)> = EXPECTED
        .iter()
        .map(|(v, p, _)| (v.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = table.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "routes without an expectation in tests/it/access.rs: {missing:?}"
    );
    let stale: Vec<_> = expected.difference(&table).collect();
    assert!(
        stale.is_empty(),
        "expected routes not in the table: {stale:?}"
    );
    // And the table's decision agrees with what is written here.
    for r in RULES {
        let (_, _, expect) = EXPECTED
            .iter()
            .find(|(v, p, _)| *v == r.verb.as_str() && *p == r.path)
            .unwrap();
        for role in Role::ALL {
            let table_says = match r.access {
                Access::Public | Access::SecondFactor | Access::SignedIn => true,
                Access::Staff(p) | Access::StoreCallback(p) => role.can(p),
                Access::SiteKey(p) => p.is_some_and(|p| role.can(p)),
            };
            let we_say = match expect {
                Anyone | SecondStep | AnyStaff => true,
                Only(roles) | StoreAnswer(roles) | SiteCall(roles) => roles.contains(&role),
            };
            assert_eq!(
                table_says,
                we_say,
                "{} {} for {role:?}",
                r.verb.as_str(),
                r.path
            );
        }
        let kind_agrees = matches!(
            (r.access, expect),
            (Access::Public, Anyone)
                | (Access::SecondFactor, SecondStep)
                | (Access::SignedIn, AnyStaff)
                | (Access::Staff(_), Only(_))
                | (Access::StoreCallback(_), StoreAnswer(_))
                | (Access::SiteKey(_), SiteCall(_))
        );
        assert!(
            kind_agrees,
            "{} {}: {:?}",
            r.verb.as_str(),
            r.path,
            r.access
        );
    }
}

async fn send(
    app: &TestApp,
    b: &reqwest::Client,
    verb: Verb,
    path: &str,
    form: &[(&str, &str)],
    bearer: Option<&str>,
) -> reqwest::Response {
    let url = app.url(&concrete(path));
    let mut req = match verb {
        Verb::Get => b.get(url),
        Verb::Options => b.request(reqwest::Method::OPTIONS, url),
        Verb::Patch => b.patch(url).json(&serde_json::json!({})),
        Verb::Delete => b.delete(url),
        Verb::Post if path.starts_with("/api/") => b.post(url).json(&serde_json::json!({})),
        // The upload form is multipart (a file and the token).
        Verb::Post if path.ends_with("/upload") => {
            let mut parts = reqwest::multipart::Form::new();
            for (k, v) in form {
                parts = parts.text(k.to_string(), v.to_string());
            }
            b.post(url).multipart(parts)
        }
        Verb::Post => b.post(url).form(form),
    };
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

async fn csrf_of_session(app: &TestApp, b: &reqwest::Client) -> String {
    let page = crate::support::page(b, app.url("/console/account")).await;
    hidden(&page, "csrf").expect("account page has the session's CSRF token")
}

#[tokio::test]
async fn every_route_for_every_role() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let anonymous = app.browser();

        // Nobody signed in: staff pages go to the sign-in page, the API says 401.
        for r in RULES {
            let res = send(&app, &anonymous, r.verb, r.path, &[("csrf", "x")], None).await;
            let s = res.status().as_u16();
            match r.access {
                // Public POST forms answer 403 to a missing double-submit token: not an
                // access decision.
                Access::Public => assert!(
                    s != 401 && (s != 403 || r.verb == Verb::Post),
                    "{backend:?} anonymous {} {} = {s}",
                    r.verb.as_str(),
                    r.path
                ),
                // A pre-flight without an origin is answered without CORS headers.
                Access::SiteKey(_) if r.verb == Verb::Options => assert_eq!(s, 204, "{}", r.path),
                _ if r.path.starts_with("/api/") => {
                    assert_eq!(
                        s,
                        401,
                        "{backend:?} no token {} {}",
                        r.verb.as_str(),
                        r.path
                    )
                }
                _ => {
                    assert_eq!(
                        s,
                        303,
                        "{backend:?} no session {} {}",
                        r.verb.as_str(),
                        r.path
                    );
                    let to = res.headers()["location"].to_str().unwrap();
                    assert!(to.starts_with("/console/login"), "{} -> {to}", r.path);
                }
            }
        }

        // Half signed in (password only): nothing but the second-factor pages.
        let half = app.browser();
        let email = "half@staff.example";
        app.staff(Admin, email, crate::support::PASSWORD).await;
        assert_eq!(
            app.login(&half, email, crate::support::PASSWORD)
                .await
                .status(),
            303
        );
        for r in RULES {
            if !matches!(r.access, Access::SignedIn | Access::Staff(_))
                || r.path.starts_with("/api/")
            {
                continue;
            }
            let res = send(&app, &half, r.verb, r.path, &[("csrf", "x")], None).await;
            assert_eq!(res.status(), 303, "{backend:?} half-signed-in {}", r.path);
            assert_eq!(res.headers()["location"], "/console/mfa", "{}", r.path);
        }

        for role in Role::ALL {
            let mut who: SignedIn = app.signed_in_as(role).await;
            let token = app.token(role).await;
            let mut recovery = who.recovery_codes.clone().into_iter();
            let api = reqwest::Client::new();
            // Session-ending routes last, so the rest run on one session.
            let mut rules: Vec<_> = RULES.iter().collect();
            rules.sort_by_key(|r| ENDS_SESSION.contains(&r.path));
            for r in rules {
                let (_, _, expect) = EXPECTED
                    .iter()
                    .find(|(v, p, _)| *v == r.verb.as_str() && *p == r.path)
                    .unwrap();
                let csrf = csrf_of_session(&app, &who.client).await;
                let res = if r.path.starts_with("/api/") {
                    send(&app, &api, r.verb, r.path, &[], Some(&token)).await
                } else {
                    send(&app, &who.client, r.verb, r.path, &[("csrf", &csrf)], None).await
                };
                let s = res.status().as_u16();
                let what = format!("{backend:?} {role:?} {} {} = {s}", r.verb.as_str(), r.path);
                match expect {
                    SiteCall(_) if r.verb == Verb::Options => assert_eq!(s, 204, "{what}"),
                    // Banner calls take site keys only: a staff token is no key.
                    SiteCall([]) => assert_eq!(s, 401, "{what}"),
                    Only(roles) | StoreAnswer(roles) | SiteCall(roles)
                        if !roles.contains(&role) =>
                    {
                        assert_eq!(s, 403, "{what}")
                    }
                    Anyone if r.verb == Verb::Post => assert!(s != 401 && s != 500, "{what}"),
                    _ => {
                        assert!(s != 401 && s != 403 && s != 405, "{what}");
                        assert!(s != 500, "{what}");
                        if matches!(expect, Only(_) | AnyStaff) && r.verb == Verb::Get {
                            assert!(s != 404 || r.path.contains('{'), "registered: {what}");
                        }
                    }
                }
                if ENDS_SESSION.contains(&r.path) {
                    // Sign in again (with a recovery code, to not wait for a new TOTP step).
                    who.client = app.browser();
                    assert_eq!(
                        app.login(&who.client, &who.email, &who.password)
                            .await
                            .status(),
                        303
                    );
                    let code = recovery.next().unwrap();
                    assert_eq!(app.second_factor(&who.client, &code).await.status(), 303);
                }
            }
        }
    }
}

/// Every state-changing console form refuses a POST without the session's CSRF token, even
/// from an administrator (whom every route admits).
#[tokio::test]
async fn every_console_post_needs_the_csrf_token() {
    let app = TestApp::spawn(backends()[0]).await;
    let admin = app.signed_in(Admin).await;
    for r in RULES {
        if r.verb != Verb::Post
            || r.path.starts_with("/api/")
            || !matches!(r.access, Access::SignedIn | Access::Staff(_))
        {
            continue;
        }
        for form in [vec![], vec![("csrf", "forged-token-forged-token-forged")]] {
            let res = send(&app, &admin, r.verb, r.path, &form, None).await;
            assert_eq!(res.status(), 403, "POST {} with {form:?}", r.path);
        }
    }
    // The session survived all that (sign-out routes did nothing without the token).
    assert_eq!(
        admin
            .get(app.url("/console/account"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}
