//! Holiday calendars: generated from their statutes, edited by an admin who first sees the
//! open requests a change moves, which are then recalculated with a timeline entry; GDPR
//! deadlines follow the controller's member state when one is set.

use serde_json::{Value, json};
use steward::domain::Role;

use crate::support::{Api, Backend, TestApp, backends, hidden};

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn an_admin_edits_a_calendar_and_open_requests_move() {
    for backend in backends() {
        edit_calendar(backend).await;
    }
}

async fn edit_calendar(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    // A CCPA opt-out received Fri 20 Nov 2026: 15 business days, skipping Thanksgiving and
    // the day after, end on Tue 15 Dec.
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "opt_out", "jurisdiction": "ccpa", "email": "cal@example.com",
                   "received_at": "2026-11-20T09:00:00-08:00", "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["due_date"], "2026-12-15", "{backend:?}");
    let (id, reference) = (
        r["id"].as_str().unwrap().to_string(),
        r["public_id"].as_str().unwrap().to_string(),
    );
    // A GDPR request is not on the Californian clock and must not move.
    let (_, other) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "eu@example.com",
                   "send_verification": false}),
        )
        .await;

    let admin = app.signed_in(Role::Admin).await;
    let page = crate::support::page(
        &admin,
        app.url("/console/settings/calendars?calendar=us-ca&year=2026"),
    )
    .await;
    assert!(
        page.contains("19853") && page.contains("Thanksgiving Day"),
        "{backend:?}"
    );
    assert!(
        page.contains("26 November 2026") && !page.contains("25 September 2026"),
        "Native American Day closes no office"
    );
    let csrf = hidden(&page, "csrf").unwrap();

    // Bad input names its field and keeps what was typed.
    let res = admin
        .post(app.url("/console/settings/calendars"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("calendar", "us-ca"),
            ("change", "add"),
            ("day", "1 Dec"),
            ("name", "Office closure"),
            ("reason", "Building works"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("id=\"day-error\"") && body.contains("Building works"));
    let res = admin
        .post(app.url("/console/settings/calendars"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("calendar", "us-ca"),
            ("csv", "remove,2026-12-02,,Not a holiday"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422, "{backend:?}");
    assert!(res.text().await.unwrap().contains("not a holiday"));

    // The change is shown with the request it moves before anything is saved.
    let res = admin
        .post(app.url("/console/settings/calendars"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("calendar", "us-ca"),
            ("change", "add"),
            ("day", "2026-12-01"),
            ("name", "Office closure"),
            ("reason", "Building works"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let preview = res.text().await.unwrap();
    assert!(
        preview.contains(&reference)
            && preview.contains("2026-12-15")
            && preview.contains("2026-12-16"),
        "{backend:?}: the preview lists the request and both dates"
    );
    assert!(!preview.contains(other["public_id"].as_str().unwrap()));
    let (_, still) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(
        still["due_date"], "2026-12-15",
        "nothing saved by the preview"
    );

    let csv = unescape(&hidden(&preview, "csv").unwrap());
    let res = admin
        .post(app.url("/console/settings/calendars"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("calendar", "us-ca"),
            ("csv", csv.as_str()),
            ("confirm", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{backend:?}");
    let (_, moved) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(moved["due_date"], "2026-12-16", "{backend:?}: recalculated");
    let (_, unmoved) = api
        .get(&format!(
            "/api/v1/requests/{}",
            other["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(unmoved["due_date"], other["due_date"]);
    let detail = crate::support::page(&admin, app.url(&format!("/console/requests/{id}"))).await;
    assert!(
        detail.contains("Due date recalculated from 15 December 2026 to 16 December 2026"),
        "{backend:?}: the timeline records why"
    );
    let page = crate::support::page(
        &admin,
        app.url("/console/settings/calendars?calendar=us-ca&year=2026"),
    )
    .await;
    assert!(page.contains("Office closure") && page.contains("Added by an administrator"));

    // The API: a dry run lists what would move and saves nothing; then the change lands.
    let remove = json!({"change": "remove", "day": "2026-12-01", "reason": "Works cancelled"});
    let mut dry = remove.clone();
    dry["dry_run"] = true.into();
    let (s, plan) = api.post("/api/v1/calendars/us-ca/days", dry).await;
    assert_eq!(s, 200, "{plan}");
    assert_eq!(plan["saved"], false);
    assert_eq!(plan["moved"][0]["public_id"], reference.as_str());
    assert_eq!(plan["moved"][0]["due_after"], "2026-12-15");
    let (_, still) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(still["due_date"], "2026-12-16");
    let (s, done) = api.post("/api/v1/calendars/us-ca/days", remove).await;
    assert_eq!(
        (s, done["saved"].clone()),
        (200, Value::from(true)),
        "{done}"
    );
    let (_, back) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(back["due_date"], "2026-12-15", "{backend:?}");
    let (s, err) = api
        .post(
            "/api/v1/calendars/mars/days",
            json!({"change": "add", "day": "2026-12-01", "name": "x", "reason": "y"}),
        )
        .await;
    assert_eq!((s, err["field"].as_str()), (422, Some("calendar")), "{err}");
    let (s, list) = api.get("/api/v1/calendars?year=2028").await;
    assert_eq!(s, 200);
    let ca = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "us-ca")
        .unwrap();
    assert!(
        ca["days"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["day"] == "2028-11-10")
    );
}

/// A GDPR request received 3 September 2025 is due one month later, Friday 3 October: German
/// Unity Day. With STEWARD_GDPR_COUNTRY=de it is due the next working day, Monday 6 October.
#[tokio::test]
async fn gdpr_deadlines_follow_the_controllers_member_state() {
    for (country, due) in [(None, "2025-10-03"), (Some("de"), "2025-10-06")] {
        let vars: Vec<(&'static str, &str)> = country
            .map(|c| vec![("STEWARD_GDPR_COUNTRY", c)])
            .unwrap_or_default();
        let app = TestApp::spawn_with(Backend::Sqlite, &vars).await;
        let api = Api {
            app: &app,
            token: app.token(Role::PrivacyOfficer).await,
        };
        let (s, r) = api
            .post(
                "/api/v1/requests",
                json!({"kind": "access", "jurisdiction": "gdpr", "email": "de@example.de",
                       "received_at": "2025-09-03T10:00:00+02:00", "channel": "post",
                       "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(r["due_date"], due, "STEWARD_GDPR_COUNTRY={country:?}");
        if country.is_some() {
            continue;
        }
        // The same choice in the console: previewed, then saved, moving the open request.
        let id = r["id"].as_str().unwrap();
        let admin = app.signed_in(Role::Admin).await;
        let page = crate::support::page(&admin, app.url("/console/settings/calendars")).await;
        assert!(page.contains("weekends only"));
        let csrf = hidden(&page, "csrf").unwrap();
        let res = admin
            .post(app.url("/console/settings/gdpr-country"))
            .form(&[("csrf", csrf.as_str()), ("gdpr_country", "xx")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("id=\"gdpr_country-error\"")
        );
        let preview = admin
            .post(app.url("/console/settings/gdpr-country"))
            .form(&[("csrf", csrf.as_str()), ("gdpr_country", "de")])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            preview.contains(r["public_id"].as_str().unwrap()) && preview.contains("2025-10-06")
        );
        let (_, still) = api.get(&format!("/api/v1/requests/{id}")).await;
        assert_eq!(
            still["due_date"], "2025-10-03",
            "nothing saved by the preview"
        );
        let res = admin
            .post(app.url("/console/settings/gdpr-country"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("gdpr_country", "de"),
                ("confirm", "yes"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let (_, moved) = api.get(&format!("/api/v1/requests/{id}")).await;
        assert_eq!(moved["due_date"], "2025-10-06");
        let detail =
            crate::support::page(&admin, app.url(&format!("/console/requests/{id}"))).await;
        assert!(
            detail.contains(
                "GDPR deadlines now follow the calendar “Germany (national public holidays)”"
            ),
            "the timeline says why"
        );
        let (_, listed) = api.get("/api/v1/calendars").await;
        assert_eq!(listed["gdpr_country"], "de");
    }
}

/// A store task is due ahead of its request's deadline, and follows it when the deadline
/// moves (here: an extension).
#[tokio::test]
async fn task_due_dates_follow_their_request() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    let (s, _) = api
        .post(
            "/api/v1/stores",
            crate::stores::art30("Desk", "manual", "owner@shop.example"),
        )
        .await;
    assert_eq!(s, 201);
    let (_, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "gdpr", "email": "t@example.org",
                   "send_verification": false}),
        )
        .await;
    let id = r["id"].as_str().unwrap().to_string();
    let (_, v) = api
        .post(
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "Known"}),
        )
        .await;
    let date =
        |v: &Value| chrono::NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap();
    let lead = chrono::Duration::days(7);
    assert_eq!(
        date(&v["tasks"][0]["due_date"]),
        date(&v["due_date"]) - lead
    );
    let (s, e) = api
        .post(
            &format!("/api/v1/requests/{id}/extend"),
            json!({"reason": "Many systems"}),
        )
        .await;
    assert_eq!(s, 200, "{e}");
    assert_eq!(
        date(&e["tasks"][0]["due_date"]),
        date(&e["extended_due_date"]) - lead,
        "the task follows the extended date: {e}"
    );
}

/// Deadlines stored before a calendar correction are recalculated once at start-up, each
/// on its request's timeline.
#[tokio::test]
async fn deadlines_from_an_old_calendar_are_corrected_at_start_up() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    let (_, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "opt_out", "jurisdiction": "ccpa", "email": "o@example.com",
                   "received_at": "2026-11-20T09:00:00-08:00", "send_verification": false}),
        )
        .await;
    assert_eq!(r["due_date"], "2026-12-15");
    let id = r["id"].as_str().unwrap().to_string();
    // As an older release would have stored it, and before the one-off check ran.
    let rid = id.clone();
    app.db(move |c| {
        use diesel::RunQueryDsl;
        diesel::sql_query("UPDATE requests SET due_date = '2026-12-14' WHERE id = ?")
            .bind::<diesel::sql_types::Text, _>(rid)
            .execute(c)
            .unwrap();
        diesel::sql_query("DELETE FROM settings WHERE key = 'calendars_checked'")
            .execute(c)
            .unwrap();
    })
    .await;
    let config = app.svc.config.clone();
    tokio::task::spawn_blocking(move || steward::cli::services(config).unwrap())
        .await
        .unwrap();
    let (_, fixed) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(fixed["due_date"], "2026-12-15");
    let admin = app.signed_in(Role::Admin).await;
    let detail = crate::support::page(&admin, app.url(&format!("/console/requests/{id}"))).await;
    assert!(detail.contains("corrected to follow their statutes"));
}

/// Bavaria keeps Corpus Christi, which Germany as a whole does not: a GDPR request received
/// Monday 19 May 2025 is due a month later, Thursday 19 June, which is Corpus Christi, so
/// under `de-by` it is due Friday 20 June.
#[tokio::test]
async fn a_bavarian_controller_skips_corpus_christi() {
    for (region, due) in [("de", "2025-06-19"), ("de-by", "2025-06-20")] {
        let app = TestApp::spawn_with(Backend::Sqlite, &[("STEWARD_GDPR_COUNTRY", region)]).await;
        let api = Api {
            app: &app,
            token: app.token(Role::PrivacyOfficer).await,
        };
        let (s, r) = api
            .post(
                "/api/v1/requests",
                json!({"kind": "access", "jurisdiction": "gdpr", "email": "by@example.de",
                       "received_at": "2025-05-19T10:00:00+02:00", "channel": "post",
                       "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(r["due_date"], due, "STEWARD_GDPR_COUNTRY={region}");
        let (_, listed) = api.get("/api/v1/calendars?year=2025").await;
        assert_eq!(listed["gdpr_country"], region);
        if region == "de" {
            continue;
        }
        let bavaria = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == "de-by")
            .unwrap();
        assert_eq!(bavaria["country"], "de");
        assert_eq!(bavaria["used_for"], json!(["gdpr"]));
        let corpus = bavaria["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == "2025-06-19")
            .expect("Corpus Christi listed");
        assert_eq!(
            (corpus["law"].as_str(), corpus["origin"].as_str()),
            (Some("de-by"), Some("statute"))
        );
        let unity = bavaria["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == "2025-10-03")
            .expect("the national days are kept");
        assert_eq!(unity["law"], "de");

        // The console shows the next 24 months by default, each day with the law it comes
        // from, and the setting names the region.
        let admin = app.signed_in(Role::Admin).await;
        let page = crate::support::page(
            &admin,
            app.url("/console/settings/calendars?calendar=de-by"),
        )
        .await;
        assert!(page.contains("the next 24 months"), "{page}");
        assert!(page.contains("Feiertagsgesetz (FTG) Bayern"));
        let today = chrono::Utc::now().date_naive();
        let next_corpus = (0..3)
            .map(|n| {
                steward::domain::holidays::easter_sunday(chrono::Datelike::year(&today) + n)
                    + chrono::Duration::days(60)
            })
            .find(|d| *d >= today)
            .unwrap();
        assert!(
            page.contains(&next_corpus.format("%-d %B %Y").to_string()),
            "the next Corpus Christi, {next_corpus}, is listed"
        );
        assert!(page.contains("Statute: Germany: Bayern (Bavaria)"));
        assert!(page.contains("Statute: Germany (national public holidays)"));
        assert!(page.contains("<option value=\"de-by\" selected>"));
    }
}

/// UK GDPR follows the part of the United Kingdom the controller names. A request received
/// Tuesday 2 December 2025 is due a month later, Friday 2 January 2026: a working day in
/// England and a bank holiday in Scotland, where it is due Monday 5 January.
#[tokio::test]
async fn uk_gdpr_deadlines_follow_the_part_of_the_uk() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "uk_gdpr", "email": "sc@example.co.uk",
                   "received_at": "2025-12-02T10:00:00Z", "channel": "post",
                   "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["due_date"], "2026-01-02");
    let id = r["id"].as_str().unwrap();

    let admin = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&admin, app.url("/console/settings/calendars")).await;
    let csrf = hidden(&page, "csrf").unwrap();
    for wrong in ["de", "xx"] {
        let res = admin
            .post(app.url("/console/settings/uk-region"))
            .form(&[("csrf", csrf.as_str()), ("uk_region", wrong)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{wrong}");
        assert!(res.text().await.unwrap().contains("id=\"uk_region-error\""));
    }
    let preview = admin
        .post(app.url("/console/settings/uk-region"))
        .form(&[("csrf", csrf.as_str()), ("uk_region", "gb-sct")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(preview.contains(r["public_id"].as_str().unwrap()) && preview.contains("2026-01-05"));
    let (_, still) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(
        still["due_date"], "2026-01-02",
        "nothing saved by the preview"
    );
    let res = admin
        .post(app.url("/console/settings/uk-region"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("uk_region", "gb-sct"),
            ("confirm", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, moved) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(moved["due_date"], "2026-01-05");
    let (_, listed) = api.get("/api/v1/calendars").await;
    assert_eq!(listed["uk_region"], "gb-sct");
    let detail = crate::support::page(&admin, app.url(&format!("/console/requests/{id}"))).await;
    assert!(
        detail.contains("UK GDPR deadlines now follow the calendar “Scotland bank holidays”"),
        "the timeline says why"
    );

    // The same choice from the environment, in the specification's short spelling.
    let app = TestApp::spawn_with(Backend::Sqlite, &[("STEWARD_UK_REGION", "nir")]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    // Received 17 February 2026: a month is Tuesday 17 March, St Patrick's Day.
    let (_, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "access", "jurisdiction": "uk_gdpr", "email": "ni@example.co.uk",
                   "received_at": "2026-02-17T10:00:00Z", "channel": "post",
                   "send_verification": false}),
        )
        .await;
    assert_eq!(r["due_date"], "2026-03-18");
}
