//! The banner as ad tags, auditors and visitors rely on it, in Chromium on a shop page of
//! another origin: Google Consent Mode's default before any tag, updates with exactly the
//! mapped types, embeds gated behind a placeholder, cookies and storage cleared on
//! withdrawal, a receipt staff can look up, California's notice and opt-out, the expiry,
//! the page's language, and the script and style sheet cached by the browser.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use steward::domain::Role;

use crate::browser::{available, axe, button, driver, until, with_browser};
use crate::support::{Api, TestApp, backends};

const DNS: &str = "Do Not Sell or Share My Personal Information";

/// Stands in for a Google tag: the standard stub, then `js` and `config` into dataLayer.
const GTAG: &str = "window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date());
gtag('config', 'G-TEST');";

/// A shop on its own origin: the banner first in <head>, then a Google tag, a gated script
/// and a gated iframe whose page counts its loads.
struct Shop {
    origin: String,
    embeds: Arc<AtomicUsize>,
    server: actix_web::dev::ServerHandle,
}

async fn shop(steward: &str) -> Shop {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let steward = steward.to_string();
    let embeds = Arc::new(AtomicUsize::new(0));
    let counter = embeds.clone();
    let server = HttpServer::new(move || {
        let steward = steward.clone();
        let counter = counter.clone();
        App::new()
            .route(
                "/gtag.js",
                web::get().to(|| async {
                    HttpResponse::Ok()
                        .content_type("text/javascript")
                        .body(GTAG)
                }),
            )
            .route(
                "/gated.js",
                web::get().to(|| async {
                    HttpResponse::Ok()
                        .content_type("text/javascript")
                        .body(include_str!("../../crates/web/static/consent-example-gated.js"))
                }),
            )
            .route(
                "/embed.html",
                web::get().to(move || {
                    let counter = counter.clone();
                    async move {
                        counter.fetch_add(1, Ordering::SeqCst);
                        HttpResponse::Ok().content_type("text/html; charset=utf-8").body(
                            "<!doctype html><html lang=\"en\"><title>Video</title><p>Video</p></html>",
                        )
                    }
                }),
            )
            .route(
                "/page.html",
                web::get().to(move |q: web::Query<std::collections::HashMap<String, String>>| {
                    let steward = steward.clone();
                    async move {
                        let key = q.get("key").cloned().unwrap_or_default();
                        let region = q
                            .get("region")
                            .map(|r| format!(" data-region=\"{r}\""))
                            .unwrap_or_default();
                        let lang = q.get("lang").cloned().unwrap_or_else(|| "en".into());
                        HttpResponse::Ok().content_type("text/html; charset=utf-8").body(format!(
                            r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body {{ font-family: Georgia, serif; color: #7a1f5c; }}</style>
<script src="{steward}/static/consent.js" data-site-key="{key}"{region}
  data-consent-mode="analytics:analytics_storage;marketing:ad_storage,ad_user_data,ad_personalization"
  data-consent-default-granted="US-CA"></script>
<script src="/gtag.js"></script>
<script type="text/plain" data-steward-purpose="analytics" src="/gated.js"></script>
</head><body><main><h1>Shop</h1><p id="gated-status">Analytics has not run.</p>
<iframe data-steward-purpose="marketing" data-src="/embed.html" data-steward-label="Load video"
  data-steward-service="YouTube" title="Product video" width="320" height="180"></iframe>
</main></body></html>"#
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
    Shop {
        origin,
        embeds,
        server: handle,
    }
}

/// Two purposes with their services (through the API, as a shop sets them up), a site key
/// for the shop's origin, and the page's address.
async fn set_up(api: &Api<'_>, origin: &str) -> (String, String) {
    let purposes = [
        json!({"key": "analytics", "name": "Analytics", "notice_text": "We count visits."}),
        json!({"key": "marketing", "name": "Marketing", "notice_text": "We show you our ads elsewhere.", "sale_or_sharing": true}),
    ];
    for body in purposes {
        let (s, r) = api.post("/api/v1/purposes", body).await;
        assert_eq!(s, 201, "{r}");
    }
    let services = [
        (
            "analytics",
            json!({"name": "Google Analytics", "provider": "Google Ireland Limited",
                   "privacy_url": "https://policies.google.com/privacy",
                   "storage": [{"name": "_ga", "kind": "cookie", "lifetime": "2 years"},
                               {"name": "_ga_*", "kind": "cookie", "lifetime": "2 years"}]}),
        ),
        (
            "marketing",
            json!({"name": "Meta Pixel", "provider": "Meta Platforms Ireland Limited",
                   "storage": [{"name": "_fbp", "kind": "cookie", "lifetime": "3 months"},
                               {"name": "fb_session", "kind": "local_storage", "lifetime": "until cleared"},
                               {"name": "fr", "kind": "cookie", "lifetime": "3 months", "third_party": true}]}),
        ),
    ];
    for (purpose, body) in services {
        let (s, r) = api
            .post(&format!("/api/v1/purposes/{purpose}/services"), body)
            .await;
        assert_eq!(s, 201, "{r}");
    }
    let (s, k) = api
        .post(
            "/api/v1/site-keys",
            json!({"name": "Shop", "origins": [origin]}),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    let page = format!("{origin}/page.html?key={}", k["key"].as_str().unwrap());
    (page, k["id"].as_str().unwrap().to_string())
}

/// What the page pushed into dataLayer, each gtag call as an array (dates as "date").
async fn data_layer(c: &Client) -> Vec<Value> {
    let v = c
        .execute(
            "return (window.dataLayer || []).map(a => Array.from(a).map(x => x instanceof Date ? 'date' : x))",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

fn updates(layer: &[Value]) -> Vec<Value> {
    layer
        .iter()
        .filter(|e| e[0] == "consent" && e[1] == "update")
        .map(|e| e[2].clone())
        .collect()
}

async fn text_of(c: &Client, css: &str) -> String {
    let v = c
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
            vec![json!(css)],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_string()
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap()
}

async fn wait_count(n: &AtomicUsize, want: usize, what: &str) {
    for _ in 0..100 {
        if n.load(Ordering::SeqCst) == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: {} loads, not {want}", n.load(Ordering::SeqCst));
}

/// axe at phone and desktop widths, on whatever is showing.
async fn axe_at_both_widths(c: &Client, what: &str) {
    for (w, h) in [(320, 800), (1280, 800)] {
        c.set_window_size(w, h).await.unwrap();
        let v = axe(c).await;
        assert!(v.is_empty(), "axe on {what} at {w} px: {v:?}");
    }
}

#[tokio::test]
async fn consent_mode_embeds_cookies_and_the_receipt() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let shop = shop(&app.base).await;
    let (page, _) = set_up(&api, &shop.origin).await;
    let d = driver().await;
    let (api, embeds) = (&api, shop.embeds.clone());
    with_browser(&d, |c| async move {
        c.goto(&page).await.unwrap();
        until(&c, "the banner", "return !!document.querySelector('.steward-banner')").await;

        // The default, with all four keys denied, comes before the tag and every update.
        let layer = data_layer(&c).await;
        let denied = json!(["consent", "default", {"ad_storage": "denied", "ad_user_data": "denied",
            "ad_personalization": "denied", "analytics_storage": "denied", "wait_for_update": 500}]);
        assert_eq!(layer[0], denied, "{layer:?}");
        assert_eq!(layer[1][1], "default");
        assert_eq!(layer[1][2]["region"], json!(["US-CA"]), "{layer:?}");
        let config = layer.iter().position(|e| e[0] == "config").expect("the tag ran");
        assert!(config > 1, "{layer:?}");
        let first_update = layer.iter().position(|e| e[1] == "update").expect("an update");
        assert!(first_update > 1, "{layer:?}");
        assert!(updates(&layer).iter().all(|u| u.as_object().unwrap().values().all(|v| v == "denied")));

        // The iframe waits behind a placeholder that says whom it shares data with.
        assert_eq!(embeds.load(Ordering::SeqCst), 0, "the embed loads nothing before a grant");
        assert!(text_of(&c, ".steward-placeholder").await.contains("YouTube"));
        assert_eq!(js(&c, "return document.querySelector('iframe').hidden").await, json!(true));
        axe_at_both_widths(&c, "the banner and the placeholder").await;
        c.find(Locator::XPath(&button("Choose"))).await.unwrap().click().await.unwrap();
        axe_at_both_widths(&c, "the Choose panel").await;
        // The Choose panel lists who receives the data, and Save stays in view.
        let panel = text_of(&c, "#steward-panel").await;
        assert!(panel.contains("Meta Pixel") && panel.contains("_fbp, 3 months"), "{panel}");
        let save_in_view = js(&c, "const b = [...document.querySelectorAll('.steward-banner button')]
            .find(b => b.textContent === 'Save my choices').getBoundingClientRect();
            return b.bottom <= window.innerHeight && b.top >= 0").await;
        assert_eq!(save_in_view, json!(true), "Save my choices is cut off at 1280x800");

        c.find(Locator::XPath(&button("Accept all"))).await.unwrap().click().await.unwrap();
        wait_count(&embeds, 1, "the embed after Accept all").await;
        until(&c, "the gated script", "return window.stewardGatedRan === 1").await;
        let last = updates(&data_layer(&c).await).pop().unwrap();
        assert_eq!(
            last,
            json!({"analytics_storage": "granted", "ad_storage": "granted",
                   "ad_user_data": "granted", "ad_personalization": "granted"}),
            "exactly the mapped keys"
        );
        assert!(text_of(&c, ".steward-placeholder").await.is_empty(), "placeholder gone");
        // "Privacy choices" wears the banner's type and colours, not the shop's.
        let font = js(&c, "const s = getComputedStyle(document.querySelector('.steward-reopen'));
            return [s.fontFamily, s.color]").await;
        assert!(font[0].as_str().unwrap().starts_with("system-ui"), "{font}");
        assert_ne!(font[1], "rgb(122, 31, 92)", "{font}");

        // The receipt: the visitor sees its id, staff read the record and its proof.
        until(&c, "the receipt", "return !!document.querySelector('.steward-saved')").await;
        let saved = text_of(&c, ".steward-saved").await;
        let id = saved
            .split("Receipt: ")
            .nth(1)
            .and_then(|s| s.split('.').next())
            .unwrap_or_else(|| panic!("no receipt in {saved:?}"))
            .to_string();
        let (s, record) = api.get(&format!("/api/v1/consent/{id}")).await;
        assert_eq!(s, 200, "{record}");
        assert_eq!(record["jurisdiction"], "gdpr");
        assert_eq!(record["method"], "banner");
        assert!(record["user_agent"].as_str().unwrap().contains("Chrome"), "{record}");
        assert_eq!(record["notice"]["sha256"].as_str().unwrap().len(), 64, "{record}");
        let (s, _) = api.get("/api/v1/consent/not-a-record").await;
        assert_eq!(s, 404);

        // The granted tags set their cookies and storage; withdrawing clears what it can.
        js(&c, "document.cookie = '_ga=1; path=/'; document.cookie = '_ga_ABC=2; path=/';
                document.cookie = '_fbp=3; path=/'; document.cookie = 'keep=4; path=/';
                localStorage.setItem('fb_session', 'x'); localStorage.setItem('keep_me', 'y');
                return true").await;
        c.find(Locator::Css(".steward-reopen")).await.unwrap().click().await.unwrap();
        c.find(Locator::XPath(&button("Reject all"))).await.unwrap().click().await.unwrap();
        until(&c, "the rejection saved", "return !document.querySelector('.steward-banner')").await;
        let cookies = js(&c, "return document.cookie").await;
        let cookies = cookies.as_str().unwrap();
        for gone in ["_ga=", "_ga_ABC=", "_fbp="] {
            assert!(!cookies.contains(gone), "{gone} left in {cookies}");
        }
        assert!(cookies.contains("keep=4") && cookies.contains("steward_visitor="), "{cookies}");
        assert_eq!(js(&c, "return localStorage.getItem('fb_session')").await, Value::Null);
        assert_eq!(js(&c, "return localStorage.getItem('keep_me')").await, json!("y"));
        let saved = text_of(&c, ".steward-saved").await;
        assert!(saved.contains("fr (Meta Platforms Ireland Limited)"), "{saved}");
        let last = updates(&data_layer(&c).await).pop().unwrap();
        assert!(last.as_object().unwrap().values().all(|v| v == "denied"), "{last}");

        // After reloading, the placeholder grants its purpose in place, and only that one.
        c.refresh().await.unwrap();
        until(&c, "the placeholder", "return !!document.querySelector('.steward-placeholder button')").await;
        assert_eq!(embeds.load(Ordering::SeqCst), 1);
        c.find(Locator::XPath(&button("Load video"))).await.unwrap().click().await.unwrap();
        wait_count(&embeds, 2, "the embed after its placeholder's button").await;
        let choices = js(&c, "return window.Steward.choices()").await;
        assert_eq!(choices, json!({"analytics": "withdrawn", "marketing": "granted"}));
    })
    .await;
    shop.server.stop(false).await;
}

#[tokio::test]
async fn the_second_page_view_fetches_neither_script_nor_stylesheet() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let shop = shop(&app.base).await;
    let (page, _) = set_up(&api, &shop.origin).await;
    let d = driver().await;
    with_browser(&d, |c| async move {
        // What each view fetched of Steward's (Timing-Allow-Origin makes sizes readable).
        let fetched = "return performance.getEntriesByType('resource')
            .filter(e => e.name.includes('/static/consent.') || e.name.includes('/api/v1/consent/banner'))
            .map(e => [e.name.replace(/^.*(\\/static\\/consent\\.(js|css)|\\/api\\/v1\\/consent\\/banner).*$/, '$1'), e.transferSize, e.decodedBodySize])";
        for (view, url) in [(1, page.clone()), (2, format!("{page}&n=2"))] {
            c.goto(&url).await.unwrap();
            until(&c, "the banner", "return !!document.querySelector('.steward-banner')").await;
            let entries: Vec<(String, u64, u64)> =
                serde_json::from_value(js(&c, fetched).await).unwrap();
            let of = |name: &str| entries.iter().filter(|e| e.0 == name).collect::<Vec<_>>();
            assert_eq!(of("/api/v1/consent/banner").len(), 1, "one API call a view: {entries:?}");
            for asset in ["/static/consent.js", "/static/consent.css"] {
                let e = of(asset);
                assert_eq!(e.len(), 1, "{asset} in view {view}: {entries:?}");
                assert!(e[0].2 > 0, "{asset} has a body: {entries:?}");
                if view == 1 {
                    assert!(e[0].1 > 0, "the first view downloads {asset}: {entries:?}");
                } else {
                    assert_eq!(e[0].1, 0, "the second view takes {asset} from the cache: {entries:?}");
                }
            }
        }
    })
    .await;
    // Neither view paid a CORS pre-flight: the read is a simple request.
    let metrics = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let banner_calls: Vec<&str> = metrics
        .lines()
        .filter(|l| {
            l.starts_with("steward_http_requests_total")
                && l.contains("route=\"/api/v1/consent/banner\"")
        })
        .collect();
    assert!(
        !banner_calls.is_empty() && banner_calls.iter().all(|l| !l.contains("OPTIONS")),
        "{banner_calls:?}"
    );
    shop.server.stop(false).await;
}

#[tokio::test]
async fn california_gets_a_notice_and_the_opt_out_link_not_a_wall() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let shop = shop(&app.base).await;
    let (page, site) = set_up(&api, &shop.origin).await;
    let page = format!("{page}&region=US-CA");
    let d = driver().await;
    let (api, embeds) = (&api, shop.embeds.clone());
    with_browser(&d, |c| async move {
        c.goto(&page).await.unwrap();
        until(
            &c,
            "the notice",
            "return !!document.querySelector('.steward-banner')",
        )
        .await;
        let banner = text_of(&c, ".steward-banner").await;
        assert!(
            banner.contains("Notice at collection") && banner.contains(DNS),
            "{banner}"
        );
        assert!(
            c.find(Locator::XPath(&button("Accept all"))).await.is_err(),
            "no opt-in wall"
        );
        // Opt-out: what is not opted out of runs without a click.
        until(
            &c,
            "the gated script",
            "return window.stewardGatedRan === 1",
        )
        .await;
        wait_count(&embeds, 1, "the embed under the opt-out model").await;
        axe_at_both_widths(&c, "the notice at collection").await;

        c.find(Locator::XPath(&button(DNS)))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "the opt-out saved",
            "return !document.querySelector('.steward-banner')",
        )
        .await;
        assert_eq!(
            text_of(&c, ".steward-reopen").await,
            DNS,
            "the link stays on the page"
        );
        let last = updates(&data_layer(&c).await).pop().unwrap();
        assert_eq!(
            last,
            json!({"analytics_storage": "granted", "ad_storage": "denied",
                   "ad_user_data": "denied", "ad_personalization": "denied"})
        );
        let visitor = js(
            &c,
            "return document.cookie.match(/steward_visitor=([0-9a-f]+)/)[1]",
        )
        .await;
        let (_, state) = api
            .get(&format!(
                "/api/v1/consent?subject=visitor:{site}:{}",
                visitor.as_str().unwrap()
            ))
            .await;
        let marketing = state["history"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["purpose"] == "marketing")
            .unwrap_or_else(|| panic!("{state}"));
        assert_eq!(
            (
                marketing["status"].as_str(),
                marketing["jurisdiction"].as_str()
            ),
            (Some("withdrawn"), Some("ccpa"))
        );
        // The notice is not shown again once read.
        c.refresh().await.unwrap();
        until(
            &c,
            "the link",
            "return !!document.querySelector('.steward-reopen:not([hidden])')",
        )
        .await;
        assert_eq!(
            js(&c, "return !!document.querySelector('.steward-banner')").await,
            json!(false)
        );
    })
    .await;
    shop.server.stop(false).await;
}

#[tokio::test]
async fn a_choice_older_than_the_expiry_brings_the_banner_back() {
    if !available() {
        return;
    }
    let app = TestApp::spawn_with(backends()[0], &[("STEWARD_CONSENT_EXPIRY_MONTHS", "6")]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let shop = shop(&app.base).await;
    let (page, _) = set_up(&api, &shop.origin).await;
    let d = driver().await;
    let app = &app;
    with_browser(&d, |c| async move {
        c.goto(&page).await.unwrap();
        until(
            &c,
            "the banner",
            "return !!document.querySelector('.steward-banner')",
        )
        .await;
        c.find(Locator::XPath(&button("Accept all")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "the gated script",
            "return window.stewardGatedRan === 1",
        )
        .await;
        c.refresh().await.unwrap();
        until(
            &c,
            "the gated script again",
            "return window.stewardGatedRan === 1",
        )
        .await;
        assert_eq!(
            js(&c, "return !!document.querySelector('.steward-banner')").await,
            json!(false)
        );

        // Seven months pass (the ledger's times, moved back; the record itself stays).
        app.db(|conn| {
            use diesel::prelude::*;
            use steward::db::schema::consent_current::dsl::*;
            let then = steward::db::now() - chrono::Duration::days(7 * 31);
            diesel::update(consent_current)
                .set(recorded_at.eq(then))
                .execute(conn)
                .unwrap();
        })
        .await;
        c.refresh().await.unwrap();
        until(
            &c,
            "the banner after the expiry",
            "return !!document.querySelector('.steward-banner')",
        )
        .await;
        assert_eq!(
            js(&c, "return window.stewardGatedRan || 0").await,
            json!(0),
            "not run on an expired choice"
        );
    })
    .await;
    shop.server.stop(false).await;
}

#[tokio::test]
async fn a_french_page_gets_a_french_banner_and_the_record_keeps_the_language() {
    if !available() {
        return;
    }
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let shop = shop(&app.base).await;
    let (page, _) = set_up(&api, &shop.origin).await;
    let page = format!("{page}&lang=fr");
    let fr = steward::l10n::Tr::new(steward::domain::Language::Fr);
    let (accept, reject) = (fr.t("banner-accept"), fr.t("banner-reject"));
    let d = driver().await;
    let api = &api;
    with_browser(&d, |c| async move {
        c.goto(&page).await.unwrap();
        until(
            &c,
            "the banner",
            "return !!document.querySelector('.steward-banner')",
        )
        .await;
        let banner = text_of(&c, ".steward-banner").await;
        assert!(banner.contains(&fr.t("banner-title")), "{banner}");
        assert!(!banner.contains("Accept all"), "{banner}");
        // Accepting and refusing are equally prominent: same element, class and size.
        let sizes = js(
            &c,
            &format!(
                "const b = [...document.querySelectorAll('.steward-banner button')];
                 const one = (t) => b.find((x) => x.textContent === t);
                 const [a, r] = [one({accept:?}), one({reject:?})];
                 const s = (e) => {{ const st = getComputedStyle(e);
                   return [e.className, st.fontSize, st.fontWeight, st.backgroundColor,
                           st.color, Math.round(e.getBoundingClientRect().height)]; }};
                 return [s(a), s(r)];"
            ),
        )
        .await;
        assert_eq!(sizes[0], sizes[1], "accept and reject look alike: {sizes}");
        axe_at_both_widths(&c, "the French banner").await;
        c.find(Locator::XPath(&button(&accept)))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until(
            &c,
            "the receipt",
            "return !!document.querySelector('.steward-saved')",
        )
        .await;
        let saved = text_of(&c, ".steward-saved").await;
        assert!(saved.contains(&fr.t("banner-saved-title")), "{saved}");
        let receipt = js(
            &c,
            "return document.querySelector('.steward-saved').textContent.match(/[0-9a-f-]{36}/)[0]",
        )
        .await;
        let (s, record) = api
            .get(&format!("/api/v1/consent/{}", receipt.as_str().unwrap()))
            .await;
        assert_eq!(s, 200, "{record}");
        assert_eq!(record["language"], "fr", "{record}");
    })
    .await;
    shop.server.stop(false).await;
}
