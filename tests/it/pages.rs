//! Every console page, for every role that may open it: it renders, wears the staff layout,
//! has a menu that folds on phones, shows no raw codes, and every table has its phone form
//! (each cell labelled with its column, so it can stack as a card at 320 px).

use serde_json::json;
use steward::domain::Role;
use steward::web::routes::{Access, RULES, Verb};

use crate::stores::art30;
use crate::support::{Api, TestApp, backends};

/// Words of the product's vocabularies that must not reach a page as text (role words are
/// left out: the tests' staff addresses contain them).
const CODES: &[&str] = &["opt_out", "limit_use", "uk_gdpr", "in_progress"];

/// Every `<table …>…</table>` of a page.
fn tables(html: &str) -> Vec<&str> {
    html.match_indices("<table")
        .map(|(i, _)| &html[i..i + html[i..].find("</table>").unwrap()])
        .collect()
}

/// The page's text with tags and their attributes taken out.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

pub fn check_staff_page(path: &str, html: &str) {
    assert!(
        html.contains("· Steward console</title>"),
        "{path}: staff layout"
    );
    assert!(!html.contains("Make a request"), "{path}: no customer menu");
    for t in tables(html) {
        let open_tag = &t[..t.find('>').unwrap()];
        assert!(
            open_tag.contains("stack"),
            "{path}: table without its phone form: {open_tag}"
        );
        for (i, _) in t.match_indices("<td") {
            let td = &t[i..i + t[i..].find('>').unwrap()];
            assert!(
                td.contains("data-label=\"") || td.contains("colspan"),
                "{path}: a cell without its column's label: {td}"
            );
        }
    }
    let text = text_of(html);
    for code in CODES {
        assert!(!text.contains(code), "{path}: raw code '{code}' shown");
    }
}

#[tokio::test]
async fn every_console_page_renders_for_every_role_that_may_see_it() {
    let backend = backends()[0];
    let app = TestApp::spawn(backend).await;
    let admin = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let officer = app.signed_in_as(Role::PrivacyOfficer).await;
    let (s, store) = admin
        .post(
            "/api/v1/stores",
            art30("Helpdesk", "manual", &officer.email),
        )
        .await;
    assert_eq!(s, 201, "{store}");
    let store_id = store["id"].as_str().unwrap().to_string();
    for kind in ["opt_out", "limit_use", "deletion"] {
        let (s, r) = admin
            .post(
                "/api/v1/requests",
                json!({"kind": kind, "jurisdiction": "uk_gdpr", "email": format!("{kind}@example.org"),
                       "name": "Pat Example", "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
    }
    let request_id = admin.file_verified("access", "ada@example.org").await;
    let (_, tasks) = admin.get("/api/v1/tasks").await;
    let task_id = tasks["items"][0]["id"].as_str().unwrap().to_string();
    let breach = crate::breaches::record(&app, &officer.client, "Lost laptop", 5).await;

    let fill = |path: &str| -> String {
        path.replace("/requests/{id}", &format!("/requests/{request_id}"))
            .replace("/stores/{id}", &format!("/stores/{store_id}"))
            .replace("/tasks/{id}", &format!("/tasks/{task_id}"))
            .replace("/breaches/{id}", &format!("/breaches/{breach}"))
    };
    let pages: Vec<_> = RULES
        .iter()
        .filter(|r| r.verb == Verb::Get && r.path.starts_with("/console"))
        .filter(|r| !r.path.ends_with(".csv") && !r.path.contains("{file}"))
        .filter(|r| !matches!(r.access, Access::Public | Access::SecondFactor))
        .filter(|r| !r.path.contains("{key}") && !r.path.contains("{token}"))
        .collect();
    assert!(pages.len() >= 20, "{} pages", pages.len());
    for role in Role::ALL {
        let who = if role == Role::PrivacyOfficer {
            officer.client.clone()
        } else {
            app.signed_in(role).await
        };
        for r in &pages {
            let may = match r.access {
                Access::SignedIn => true,
                Access::Staff(p) => role.can(p),
                _ => false,
            };
            let path = fill(r.path);
            let res = who.get(app.url(&path)).send().await.unwrap();
            let status = res.status().as_u16();
            let html = res.text().await.unwrap();
            // A store owner opens tasks of their own stores only; this one is the officer's.
            let not_theirs = role == Role::StoreOwner && r.path == "/console/tasks/{id}";
            if not_theirs {
                assert_eq!(status, 404, "{role:?} {path}");
                check_staff_page(&path, &html);
            } else if may {
                assert_eq!(status, 200, "{role:?} {path}");
                check_staff_page(&path, &html);
                assert!(
                    html.contains("<details class=\"menu\">"),
                    "{path}: phone menu"
                );
            } else {
                assert_eq!(status, 403, "{role:?} {path}");
                check_staff_page(&path, &html);
            }
        }
    }

    // Staff pages outside a session wear the staff layout too, and so do console errors.
    let anon = app.browser();
    let login = crate::support::page(&anon, app.url("/console/login")).await;
    check_staff_page("/console/login", &login);
    assert!(login.contains("Staff console"));
    for missing in ["/console/nothing-here", "/console/requests/SR-NOSUCH00"] {
        let res = officer.client.get(app.url(missing)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{missing}");
        let html = res.text().await.unwrap();
        check_staff_page(missing, &html);
        assert!(html.contains("Go to the console"), "{missing}");
    }
    // The customer's pages keep the customer's layout.
    let portal = crate::support::page(&anon, app.url("/privacy/nothing-here")).await;
    assert!(portal.contains("Make a request") && !portal.contains("Steward console"));
}
