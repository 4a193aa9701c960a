//! The consent banner and the preference centre in a real browser: headless Chromium driven
//! over WebDriver (chromedriver, from Debian's packages), with axe-core checking
//! accessibility. The shop page is served by a second server on another port, so the banner
//! works cross-origin exactly as on a customer's site (CORS, site key, origin check).
//!
//! Without `/usr/bin/chromium` and `/usr/bin/chromedriver` the suite says it was skipped,
//! unless `STEWARD_TEST_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use steward::domain::Role;

use crate::support::{Api, TestApp, backends};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const AXE: &str = include_str!("../fixtures/axe-core/axe.min.js");

pub(crate) fn available() -> bool {
    let there =
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists();
    if !there {
        assert!(
            std::env::var("STEWARD_TEST_REQUIRE_BROWSER").is_err(),
            "STEWARD_TEST_REQUIRE_BROWSER is set but {CHROMIUM} or {CHROMEDRIVER} is missing \
             (apt-get install chromium chromium-driver)"
        );
        eprintln!("browser suite skipped: {CHROMIUM} and {CHROMEDRIVER} are not installed");
    }
    there
}

/// chromedriver on a free loopback port, stopped when dropped.
pub(crate) struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) async fn driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if reqwest::get(format!("{url}/status")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Driver { child, url }
}

/// A Chromium session with a profile of its own in `dir`.
async fn browser(d: &Driver, dir: &std::path::Path) -> Client {
    let caps = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                     format!("--user-data-dir={}", dir.display())]
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&d.url)
        .await
        .expect("a Chromium session")
}

/// Runs `f` with a browser session and closes the session whatever happens (a failed
/// assertion included), so no Chromium is left behind.
pub(crate) async fn with_browser<F, Fut>(d: &Driver, f: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    use futures_util::FutureExt;
    let dir = std::env::temp_dir().join(format!(
        "steward-chromium-{}",
        uuid::Uuid::new_v4().simple()
    ));
    let c = browser(d, &dir).await;
    let outcome = std::panic::AssertUnwindSafe(f(c.clone()))
        .catch_unwind()
        .await;
    c.close().await.ok();
    // The profile is tens of megabytes: gone once Chromium has let go of it.
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// A Chrome DevTools command through chromedriver (for the GPC header, which Chromium does
/// not send by itself).
#[derive(Debug)]
pub(crate) struct Cdp(pub(crate) &'static str, pub(crate) Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"cmd": self.0, "params": self.1}).to_string()),
        )
    }
}

/// Serious and critical axe-core violations on the current page.
pub(crate) async fn axe(c: &Client) -> Vec<String> {
    c.execute(AXE, vec![]).await.expect("axe-core loads");
    let found = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']}).then(r => done(
               r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(found).unwrap()
}

/// Waits until a script returns true, or fails saying what was awaited.
pub(crate) async fn until(c: &Client, what: &str, script: &str) {
    for _ in 0..100 {
        if c.execute(script, vec![]).await.unwrap() == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// A shop's page on its own origin, with the banner tag and a gated analytics script.
async fn shop(steward: &str) -> (String, actix_web::dev::ServerHandle) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let steward = steward.to_string();
    let server = HttpServer::new(move || {
        let steward = steward.clone();
        App::new()
            .route(
                "/gated.js",
                web::get().to(|| async {
                    HttpResponse::Ok()
                        .content_type("text/javascript")
                        .body(include_str!("../../crates/web/static/consent-example-gated.js"))
                }),
            )
            .route(
                "/shop.html",
                web::get().to(move |q: web::Query<std::collections::HashMap<String, String>>| {
                    let steward = steward.clone();
                    async move {
                        let key = q.get("key").cloned().unwrap_or_default();
                        HttpResponse::Ok().content_type("text/html; charset=utf-8").body(format!(
                            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="{steward}/static/consent.js" data-site-key="{key}" defer></script>
<script type="text/plain" data-steward-purpose="analytics" src="/gated.js"></script>
</head><body><main><h1>Shop</h1><p id="gated-status">Analytics has not run.</p></main></body></html>"#
                        ))
                    }
                }),
            )
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    (origin, handle)
}

pub(crate) fn button(text: &str) -> String {
    format!("//button[normalize-space()='{text}']")
}

/// A purpose may be keyed like a member of every JavaScript object (`constructor`,
/// `toString`): the banner still asks about it (it used to find Object.prototype's member and
/// take the purpose as answered).
#[tokio::test]
async fn banner_asks_about_a_purpose_keyed_like_an_object_member() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let body = json!({"key": "constructor", "name": "Site builder", "notice_text": "We remember your layout."});
    let (s, p) = api.post("/api/v1/purposes", body).await;
    assert_eq!(s, 201, "{p}");
    let (origin, _shop_server) = shop(&app.base).await;
    let (s, k) = api
        .post(
            "/api/v1/site-keys",
            json!({"name": "Shop", "origins": [origin]}),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    let page = format!("{origin}/shop.html?key={}", k["key"].as_str().unwrap());
    let d = driver().await;
    with_browser(&d, |c| async move {
        c.goto(&page).await.unwrap();
        until(
            &c,
            "the banner",
            "return !!document.querySelector('.steward-banner')",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn banner_gates_scripts_asks_again_and_honours_gpc() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    for body in [
        json!({"key": "analytics", "name": "Analytics", "notice_text": "We count visits."}),
        json!({"key": "ads", "name": "Advertising", "notice_text": "We share data with ad partners.", "sale_or_sharing": true}),
    ] {
        assert_eq!(api.post("/api/v1/purposes", body).await.0, 201);
    }
    let (origin, shop_server) = shop(&app.base).await;
    let (s, k) = api
        .post(
            "/api/v1/site-keys",
            json!({"name": "Shop", "origins": [origin]}),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    let page = format!("{origin}/shop.html?key={}", k["key"].as_str().unwrap());
    // Staff name a site's visitor with the site key's id.
    let site = k["id"].as_str().unwrap().to_string();
    let site_gpc = site.clone();

    let d = driver().await;
    let (api, page2, origin2) = (&api, page.clone(), origin.clone());
    with_browser(&d, |c| async move {
        let (page, origin) = (page2, origin2);
        c.goto(&page).await.unwrap();
        until(&c, "the banner", "return !!document.querySelector('.steward-banner')").await;
        let ran = c.execute("return window.stewardGatedRan || 0", vec![]).await.unwrap();
        assert_eq!(ran, json!(0), "nothing gated runs before a choice");
        let violations = axe(&c).await;
        assert!(violations.is_empty(), "axe on the banner: {violations:?}");

        c.find(Locator::XPath(&button("Accept all"))).await.unwrap().click().await.unwrap();
        until(&c, "the gated script", "return window.stewardGatedRan === 1").await;
        let visitor = c
            .execute("return document.cookie.match(/steward_visitor=([0-9a-f]+)/)[1]", vec![])
            .await
            .unwrap();
        let visitor = visitor.as_str().unwrap().to_string();
        let (_, state) = api.get(&format!("/api/v1/consent?subject=visitor:{site}:{visitor}")).await;
        let status_of = |state: &Value, p: &str| {
            state["current"].as_array().unwrap().iter().find(|c| c["purpose"] == p).map(|c| c["status"].as_str().unwrap().to_string())
        };
        assert_eq!(status_of(&state, "analytics").as_deref(), Some("granted"), "{state}");
        assert_eq!(state["history"][0]["method"], "banner");
        assert!(state["history"][0]["page_url"].as_str().unwrap().starts_with(&origin));

        // A later page load runs the granted script without asking.
        c.refresh().await.unwrap();
        until(&c, "the gated script after reload", "return window.stewardGatedRan === 1").await;
        let shown = c.execute("return !!document.querySelector('.steward-banner')", vec![]).await.unwrap();
        assert_eq!(shown, json!(false), "no banner once answered");

        // A new notice version: the banner asks again, and the old grant does not count.
        assert_eq!(api.post("/api/v1/purposes/analytics/notices", json!({"notice_text": "We count visits and clicks."})).await.0, 201);
        c.refresh().await.unwrap();
        until(&c, "the banner again", "return !!document.querySelector('.steward-banner')").await;
        let ran = c.execute("return window.stewardGatedRan || 0", vec![]).await.unwrap();
        assert_eq!(ran, json!(0), "not run on a choice made under the old notice");

        // "Reject all" is one click, and is recorded.
        c.find(Locator::XPath(&button("Reject all"))).await.unwrap().click().await.unwrap();
        until(&c, "the saved rejection", "return !document.querySelector('.steward-banner') || document.querySelector('.steward-banner').hidden").await;
        let (_, state) = api.get(&format!("/api/v1/consent?subject=visitor:{site}:{visitor}")).await;
        assert_eq!(status_of(&state, "analytics").as_deref(), Some("withdrawn"), "{state}");
    })
    .await;

    // A browser sending Global Privacy Control: the opt-out is recorded on the first call.
    with_browser(&d, |c| async move {
        c.issue_cmd(Cdp("Network.enable", json!({}))).await.unwrap();
        c.issue_cmd(Cdp("Network.setExtraHTTPHeaders", json!({"headers": {"Sec-GPC": "1"}}))).await.unwrap();
        c.issue_cmd(Cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"}),
        ))
        .await
        .unwrap();
        c.goto(&page).await.unwrap();
        until(&c, "the banner under GPC", "return !!document.querySelector('.steward-banner')").await;
        let text = c.find(Locator::Css(".steward-banner")).await.unwrap().text().await.unwrap();
        let panel_text = c.execute("return document.querySelector('.steward-banner').textContent", vec![]).await.unwrap();
        assert!(
            panel_text.as_str().unwrap().contains("Global Privacy Control") || text.contains("Global Privacy Control"),
            "the banner says the signal was honoured: {panel_text}"
        );
        let visitor = c
            .execute("return document.cookie.match(/steward_visitor=([0-9a-f]+)/)[1]", vec![])
            .await
            .unwrap();
        let (_, state) = api
            .get(&format!("/api/v1/consent?subject=visitor:{site_gpc}:{}", visitor.as_str().unwrap()))
            .await;
        let h = state["history"].as_array().unwrap();
        assert_eq!(h.len(), 1, "{state}");
        assert_eq!((h[0]["purpose"].as_str(), h[0]["method"].as_str(), h[0]["gpc"].as_bool()), (Some("ads"), Some("gpc"), Some(true)));
    })
    .await;
    shop_server.stop(false).await;
}

#[tokio::test]
async fn preference_centre_is_accessible_and_works_without_javascript() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    assert_eq!(
        api.post(
            "/api/v1/purposes",
            json!({"key": "newsletter", "name": "Newsletter", "notice_text": "Offers by email."})
        )
        .await
        .0,
        201
    );
    let d = driver().await;
    let (app, api) = (&app, &api);
    with_browser(&d, |c| async move {
        c.goto(&app.url("/privacy/preferences")).await.unwrap();
        let v = axe(&c).await;
        assert!(v.is_empty(), "axe on the link form: {v:?}");
        c.find(Locator::Id("email"))
            .await
            .unwrap()
            .send_keys("gil@example.org")
            .await
            .unwrap();
        c.find(Locator::XPath(&button("Email me a link")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let mail = app.smtp.wait_for("gil@example.org", 1).await.pop().unwrap();
        let link = crate::support::link_with(&mail.body, "/privacy/preferences/");
        c.goto(&link).await.unwrap();
        c.find(Locator::XPath(&button("Open my choices")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "the centre",
            "return !!document.querySelector('input[name=\"purpose.newsletter\"]')",
        )
        .await;
        for (w, h) in [(320, 800), (1280, 900)] {
            c.set_window_size(w, h).await.unwrap();
            let v = axe(&c).await;
            assert!(
                v.is_empty(),
                "axe on the preference centre at {w} px: {v:?}"
            );
        }
        c.find(Locator::Css(
            "input[name='purpose.newsletter'][value='granted']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        c.find(Locator::XPath(&button("Save my choices")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "saved",
            "return document.body.textContent.includes('Your choices were saved.')",
        )
        .await;
        // The history names the purpose (not its key) with a receipt, readable on a phone.
        let history = c
            .find(Locator::Css("table.queue"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            history.contains("Newsletter") && !history.contains("newsletter"),
            "{history}"
        );
        for (w, h) in [(320, 800), (1280, 900)] {
            c.set_window_size(w, h).await.unwrap();
            let v = axe(&c).await;
            assert!(v.is_empty(), "axe on the history at {w} px: {v:?}");
        }
        // The same centre in Polish, chosen with the switch (a link: no JavaScript needed).
        c.find(Locator::Css("nav.languages summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.find(Locator::Css("nav.languages a[lang='pl']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "Polish",
            "return document.documentElement.lang === 'pl'",
        )
        .await;
        let pl = steward::l10n::Tr::new(steward::domain::Language::Pl);
        let page = c
            .find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(&pl.t("prefs-title")) && page.contains(&pl.t("prefs-history")),
            "{page}"
        );
        for (w, h) in [(320, 800), (1280, 900)] {
            c.set_window_size(w, h).await.unwrap();
            let v = axe(&c).await;
            assert!(v.is_empty(), "axe on the Polish centre at {w} px: {v:?}");
        }
        let (_, state) = api.get("/api/v1/consent?subject=gil%40example.org").await;
        assert_eq!(state["current"][0]["status"], "granted", "{state}");
        let receipt = state["current"][0]["record_id"].as_str().unwrap();
        assert!(history.contains(receipt), "the receipt is shown: {history}");
        assert_eq!(state["current"][0]["purpose"], "newsletter");
    })
    .await;
}

/// Staff pages in a real browser: at 320 px nothing scrolls sideways (tables stack, the menu
/// folds), and axe-core finds no serious or critical problem, at phone and desktop widths.
#[tokio::test]
async fn console_pages_fit_a_phone_and_pass_axe() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    // An administrator, who sees every page, the settings too.
    let email = "phone.admin@staff.example";
    app.staff(Role::Admin, email, crate::support::PASSWORD)
        .await;
    let (s, store) = api
        .post(
            "/api/v1/stores",
            crate::stores::art30("Customer support desk with a long name", "manual", email),
        )
        .await;
    assert_eq!(s, 201, "{store}");
    for (kind, who) in [
        (
            "opt_out",
            "a.very.long.address.for.a.narrow.screen@example.org",
        ),
        ("limit_use", "kim@example.org"),
    ] {
        let (s, r) = api
            .post(
                "/api/v1/requests",
                json!({"kind": kind, "jurisdiction": "uk_gdpr", "email": who,
                       "name": "Kim Example", "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
    }
    let request = api.file_verified("access", "ada@example.org").await;
    let other = app.signed_in(Role::PrivacyOfficer).await;
    let breach = crate::breaches::record(&app, &other, "Support inbox forwarded", 5).await;
    // Consent: a purpose with a service, choices for its chart, and a site key.
    let (s, r) = api
        .post(
            "/api/v1/purposes",
            json!({"key": "newsletter", "name": "Newsletter", "notice_text": "Offers by email."}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let (s, r) = api
        .post(
            "/api/v1/purposes/newsletter/services",
            json!({"name": "Mail provider", "provider": "Example Mail GmbH",
                   "storage": [{"name": "nl_seen", "kind": "local_storage", "lifetime": "1 year"}]}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    for (who, status) in [("a@example.org", "granted"), ("b@example.org", "withdrawn")] {
        let (s, r) = api
            .post(
                "/api/v1/consent",
                json!({"subject": who, "purpose": "newsletter", "status": status}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
    }
    let (s, r) = api
        .post(
            "/api/v1/site-keys",
            json!({"name": "Shop front", "origins": ["https://shop.example"]}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let pages = [
        "/console".to_string(),
        "/console/consent".into(),
        "/console/consent/purposes/newsletter".into(),
        "/console/consent/site-keys".into(),
        "/console/requests".into(),
        "/console/requests?q=kim".into(),
        format!("/console/requests/{request}"),
        "/console/tasks".into(),
        "/console/stores".into(),
        "/console/audit".into(),
        "/console/breaches".into(),
        format!("/console/breaches/{breach}"),
        "/console/settings/calendars?calendar=de-by".into(),
        "/console/settings/calendars?calendar=es-ct&year=2026".into(),
        "/console/settings/brand".into(),
    ];
    let d = driver().await;
    let app = &app;
    with_browser(&d, |c| async move {
        // First sign-in as a new staff member does it: password, then the authenticator.
        c.goto(&app.url("/console/login")).await.unwrap();
        c.find(Locator::Id("email"))
            .await
            .unwrap()
            .send_keys(email)
            .await
            .unwrap();
        c.find(Locator::Id("password"))
            .await
            .unwrap()
            .send_keys(crate::support::PASSWORD)
            .await
            .unwrap();
        c.find(Locator::XPath(&button("Sign in")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        // The next page may take a moment on a loaded machine: wait for it.
        let secret = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Id("totp-secret"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let code = app.totp_code(&secret).await;
        c.find(Locator::Id("code"))
            .await
            .unwrap()
            .send_keys(&code)
            .await
            .unwrap();
        c.find(Locator::XPath(&button("Confirm and continue")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "the recovery codes",
            "return document.body.textContent.includes('recovery')",
        )
        .await;
        for page in &pages {
            for (width, mobile) in [(320, true), (1280, false)] {
                c.issue_cmd(Cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}),
                ))
                .await
                .unwrap();
                c.goto(&app.url(page)).await.unwrap();
                let title = c.title().await.unwrap();
                assert!(title.ends_with("Steward console"), "{page}: {title}");
                let scroll = c
                    .execute("return document.documentElement.scrollWidth", vec![])
                    .await
                    .unwrap();
                if scroll.as_i64().unwrap() > width {
                    let wide = c
                        .execute(
                            "return [...document.querySelectorAll('main *')]
                               .filter(e => e.getBoundingClientRect().right > arguments[0])
                               .slice(-5).map(e => e.tagName + '.' + e.className + ' ' +
                                 Math.round(e.getBoundingClientRect().right))",
                            vec![json!(width)],
                        )
                        .await
                        .unwrap();
                    panic!("{page} at {width} px scrolls sideways ({scroll} px): {wide}");
                }
                let v = axe(&c).await;
                assert!(v.is_empty(), "axe on {page} at {width} px: {v:?}");
                // Chart labels keep a readable size whatever the page's width.
                let smallest = c
                    .execute(
                        "const t = [...document.querySelectorAll('figure.chart svg text')];
                         return t.length ? Math.min(...t.map(e => e.getBoundingClientRect().height)) : null",
                        vec![],
                    )
                    .await
                    .unwrap();
                if let Some(px) = smallest.as_f64() {
                    assert!(px >= 10.0, "{page} at {width} px: chart labels {px} px high");
                }
                // For a person to look at (not asserted): STEWARD_TEST_SCREENSHOTS=<folder>.
                if let Ok(dir) = std::env::var("STEWARD_TEST_SCREENSHOTS") {
                    let name: String = page
                        .chars()
                        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
                        .take(40)
                        .collect();
                    let png = c.screenshot().await.unwrap();
                    std::fs::write(format!("{dir}/{name}-{width}.png"), png).unwrap();
                }
            }
        }
        // On a phone the menu is one "Menu" button until opened.
        c.issue_cmd(Cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": true}),
        ))
        .await
        .unwrap();
        c.goto(&app.url("/console/requests")).await.unwrap();
        let bar_shown = c
            .execute(
                "return getComputedStyle(document.querySelector('nav.bar')).display !== 'none'",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(bar_shown, Value::Bool(false), "the full menu bar is hidden");
        let top = c
            .execute(
                "return document.querySelector('h1').getBoundingClientRect().top",
                vec![],
            )
            .await
            .unwrap();
        assert!(top.as_f64().unwrap() < 200.0, "the page starts on the first screen: {top}");
        c.find(Locator::Css("details.menu summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let link_shown = c
            .execute(
                "return document.querySelector('details.menu a[href=\"/console/tasks\"]').offsetParent !== null",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(link_shown, Value::Bool(true), "the menu opens");
    })
    .await;
}

/// Every public page, in German under the shop's brand (name, accent, logo, controller):
/// `<html lang>` says German and axe finds nothing serious at phone and desktop widths.
#[tokio::test]
async fn public_pages_in_german_under_the_shop_s_brand_pass_axe() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let (s, r) = api
        .patch(
            "/api/v1/settings/brand",
            json!({"shop_name": "Elbe Shop", "accent": "#0b5d1e",
                   "policy_url": "https://elbe.example/datenschutz",
                   "controller_name": "Elbe Shop GmbH",
                   "controller_contact": "Hafenstraße 1, 20457 Hamburg",
                   "dpo_contact": "dsb@elbe.example"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "deletion", "jurisdiction": "gdpr", "email": "grete@example.org",
                   "language": "de"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let mail = &app.smtp.wait_for("grete@example.org", 1).await[0];
    let verify =
        crate::support::path_of(&crate::support::link_with(&mail.body, "/privacy/verify/"));
    let status =
        crate::support::path_of(&crate::support::link_with(&mail.body, "/privacy/requests/"));
    let pages = [
        "/privacy".to_string(),
        "/privacy/requests/new".into(),
        "/privacy/requests/sent?ref=SR-ABCDEFGH".into(),
        verify,
        status,
        "/privacy/preferences".into(),
        "/privacy/no-such-page".into(),
    ];
    let d = driver().await;
    let app = &app;
    with_browser(&d, |c| async move {
        c.goto(&app.url("/privacy/language/de?back=/privacy"))
            .await
            .unwrap();
        for page in &pages {
            c.goto(&app.url(page)).await.unwrap();
            assert_eq!(
                c.execute("return document.documentElement.lang", vec![])
                    .await
                    .unwrap(),
                json!("de"),
                "{page}"
            );
            for (w, h) in [(320, 800), (1280, 900)] {
                c.set_window_size(w, h).await.unwrap();
                let v = axe(&c).await;
                assert!(v.is_empty(), "axe on {page} at {w} px: {v:?}");
            }
        }
        // The form's errors, in German, with the error summary first.
        c.goto(&app.url("/privacy/requests/new")).await.unwrap();
        c.execute(
            "document.querySelector('main form.stack').requestSubmit()",
            vec![],
        )
        .await
        .unwrap();
        until(
            &c,
            "the errors",
            "return !!document.querySelector('.error-summary')",
        )
        .await;
        let de = steward::l10n::Tr::new(steward::domain::Language::De);
        let summary = c
            .find(Locator::Css(".error-summary"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(summary.contains(&de.t("problem-choose")), "{summary}");
        for (w, h) in [(320, 800), (1280, 900)] {
            c.set_window_size(w, h).await.unwrap();
            let v = axe(&c).await;
            assert!(v.is_empty(), "axe on the form's errors at {w} px: {v:?}");
        }
    })
    .await;
}
