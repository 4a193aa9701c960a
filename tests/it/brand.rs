//! The shop's brand: set once by an administrator (console or API), shown on every public
//! page and in every email to a requester; a colour without AA contrast and a logo that is
//! not a small picture are refused, naming the field.

use serde_json::json;
use steward::domain::Role;

use crate::support::{Api, Backend, TestApp, hidden};

fn png(size: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.resize(size, 7);
    b
}

async fn upload(
    c: &reqwest::Client,
    app: &TestApp,
    csrf: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    c.post(app.url("/console/settings/brand/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_brand_is_set_once_and_shows_on_pages_and_emails() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let admin = app.signed_in_as(Role::Admin).await;
    let c = &admin.client;
    let page = crate::support::page(c, app.url("/console/settings/brand")).await;
    let csrf = hidden(&page, "csrf").unwrap();

    // A pale accent is refused with the field named and what was typed kept.
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("shop_name", "Elbe Shop"),
        ("accent", "#ffcc00"),
        ("policy_url", "https://elbe.example/datenschutz"),
        ("controller_name", "Elbe Shop GmbH"),
        ("controller_contact", "Hafenstraße 1, 20457 Hamburg"),
        ("dpo_contact", "dsb@elbe.example"),
    ];
    let res = c
        .post(app.url("/console/settings/brand"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Accent colour has a contrast of 1."),
        "{body}"
    );
    assert!(body.contains("4.5:1") && body.contains("value=\"#ffcc00\""));
    assert!(body.contains("value=\"Elbe Shop\""), "the rest is kept");
    let (_, brand) = (Api {
        app: &app,
        token: app.token(Role::Admin).await,
    })
    .get("/api/v1/settings/brand")
    .await;
    assert!(
        brand["shop_name"].is_null(),
        "nothing half-written: {brand}"
    );

    form[2] = ("accent", "#0b5d1e");
    let res = c
        .post(app.url("/console/settings/brand"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    // Logos: not a picture, too large, then a real one.
    let res = upload(
        c,
        &app,
        &csrf,
        "logo.svg",
        b"<svg onload=alert(1)/>".to_vec(),
    )
    .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Logo must be a PNG, JPEG or WebP picture"),
        "{body}"
    );
    let res = upload(c, &app, &csrf, "big.png", png(300 * 1024)).await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Logo is larger than 256 KB")
    );
    let logo = png(2048);
    let res = upload(c, &app, &csrf, "logo.png", logo.clone()).await;
    assert_eq!(res.status(), 303);

    // Every public page carries the brand; the footer says only what the shop set.
    let b = app.browser();
    let rights = crate::support::page(&b, app.url("/privacy")).await;
    assert!(rights.contains("Elbe Shop</a>"), "{rights}");
    assert!(rights.contains("Elbe Shop GmbH") && rights.contains("Hafenstraße 1, 20457 Hamburg"));
    assert!(rights.contains("dsb@elbe.example"));
    assert!(rights.contains("href=\"https://elbe.example/datenschutz\""));
    assert!(!rights.contains("never sell"));
    let css_url = rights
        .split("href=\"/privacy/brand.css?v=")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|v| format!("/privacy/brand.css?v={v}"))
        .expect("the brand's style sheet");
    let res = b.get(app.url(&css_url)).send().await.unwrap();
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(res.text().await.unwrap().contains("--accent: #0b5d1e"));
    let logo_url = rights
        .split("src=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|s| s.starts_with("/privacy/brand/logo?v="))
        .expect("the logo in the header")
        .to_string();
    let res = b.get(app.url(&logo_url)).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().to_vec(), logo);

    // Emails carry it in their subject and signature.
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "kim@example.org"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let mail = &app.smtp.wait_for("kim@example.org", 1).await[0];
    assert!(mail.subject.starts_with("Elbe Shop: "), "{}", mail.subject);
    assert!(
        mail.body.contains("\n-- \nElbe Shop\nController: Elbe Shop GmbH\nHafenstraße 1, 20457 Hamburg\nData protection officer: dsb@elbe.example"),
        "{}",
        mail.body
    );

    // The API reads and changes the same settings, with the same check.
    let (s, r) = api
        .patch("/api/v1/settings/brand", json!({"accent": "#cccccc"}))
        .await;
    assert_eq!((s, r["field"].as_str()), (422, Some("accent")), "{r}");
    let (s, r) = api
        .patch("/api/v1/settings/brand", json!({"shop_name": "Elbe Store"}))
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["shop_name"], "Elbe Store");
    assert_eq!(r["accent"], "#0b5d1e", "fields not given stay");
    assert_eq!(r["controller_name"], "Elbe Shop GmbH");
    assert!(
        r["logo_url"]
            .as_str()
            .unwrap()
            .starts_with("/privacy/brand/logo?v=")
    );
    let (_, audit) = api.text("/api/v1/exports/audit.csv").await;
    assert!(audit.contains("settings.brand_changed") && audit.contains("settings.logo_changed"));
    // The records of processing use the same controller settings.
    let exports = crate::support::page(c, app.url("/console/exports")).await;
    assert!(exports.contains("value=\"Elbe Shop GmbH\""), "{exports}");
}
