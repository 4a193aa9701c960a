//! The console's overview and search: the tiles equal counts the test works out itself from
//! a known set of requests, each tile's link opens a queue of that many; search finds by
//! reference, exact address and name words, and nothing else.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use serde_json::{Value, json};
use steward::db::schema::tasks;
use steward::db::types::W;
use steward::domain::Role;
use steward::domain::stores::TaskStatus;

use crate::stores::art30;
use crate::support::{Api, Backend, TestApp, backends, between, page};

/// The figure a tile shows, found by the words beside it.
fn tile(html: &str, what: &str) -> i64 {
    let end = html
        .find(&format!("<span class=\"what\">{what}</span>"))
        .unwrap_or_else(|| panic!("no tile '{what}'"));
    let start = html[..end].rfind("<span class=\"figure\">").unwrap() + 21;
    html[start..end]
        .split('<')
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// "Showing 1–3 of 3 requests" → 3; "No requests" → 0.
fn queue_total(html: &str) -> i64 {
    let line = between(html, "role=\"status\">", "</p>").expect("a count line");
    if line.starts_with("No requests") {
        return 0;
    }
    let count = between(&line, " of ", " request").expect("Showing a–b of n");
    count.parse().unwrap()
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str().map(|s| s.parse().unwrap())
}

async fn file(api: &Api<'_>, kind: &str, email: &str, name: &str, days_ago: i64) -> Value {
    let received = (chrono::Utc::now() - Duration::days(days_ago)).to_rfc3339();
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": kind, "jurisdiction": "gdpr", "email": email, "name": name,
                   "send_verification": false, "received_at": received}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    r
}

async fn act(api: &Api<'_>, id: &str, action: &str) {
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{id}/{action}"),
            json!({"reason": "checked against the account"}),
        )
        .await;
    assert_eq!(s, 200, "{action}: {r}");
}

#[tokio::test]
async fn tiles_count_what_the_queue_holds() {
    for backend in backends() {
        tiles(backend).await;
    }
}

async fn tiles(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let (s, store) = api
        .post(
            "/api/v1/stores",
            art30("Helpdesk", "manual", "owner@shop.example"),
        )
        .await;
    assert_eq!(s, 201, "{store}");
    // Overdue, due within days, fresh; one settled, one failing, one closed, one unverified.
    let old = file(&api, "access", "old@example.org", "Olga Old", 40).await;
    let soon = file(&api, "deletion", "soon@example.org", "Sam Soon", 26).await;
    let fresh = file(&api, "opt_out", "fresh@example.org", "Fred Fresh", 0).await;
    let settled = file(&api, "access", "done@example.org", "Dora Done", 3).await;
    let closed = file(&api, "objection", "closed@example.org", "Cleo Closed", 5).await;
    file(
        &api,
        "restriction",
        "waiting@example.org",
        "Walt Waiting",
        1,
    )
    .await;
    for r in [&old, &soon, &fresh, &settled, &closed] {
        act(&api, r["id"].as_str().unwrap(), "verify").await;
    }
    act(&api, closed["id"].as_str().unwrap(), "withdraw").await;
    // Withdrawn, it is owed nothing more: its store task no longer waits on the owner.
    let (_, w) = api
        .get(&format!(
            "/api/v1/requests/{}",
            closed["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(w["tasks"][0]["status"], "exempt", "{w}");
    let (settled_id, failing_id) = (
        settled["id"].as_str().unwrap().to_string(),
        fresh["id"].as_str().unwrap().to_string(),
    );
    app.db(move |c| {
        diesel::update(tasks::table.filter(tasks::request_id.eq(W(settled_id))))
            .set(tasks::status.eq(W(TaskStatus::Done)))
            .execute(c)
            .unwrap();
        diesel::update(tasks::table.filter(tasks::request_id.eq(W(failing_id))))
            .set(tasks::status.eq(W(TaskStatus::Failed)))
            .execute(c)
            .unwrap();
    })
    .await;
    let officer = app.signed_in(Role::PrivacyOfficer).await;
    crate::breaches::record(&app, &officer, "Public backup bucket", 10).await;

    // What the tiles should say, worked out here from the requests as the API lists them.
    let (s, all) = api.get("/api/v1/requests?limit=100").await;
    assert_eq!(s, 200, "{all}");
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let items = all["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let open: Vec<&Value> = items
        .iter()
        .filter(|r| !["completed", "denied", "withdrawn"].contains(&r["status"].as_str().unwrap()))
        .collect();
    let due = |r: &Value| {
        date(&r["extended_due_date"])
            .or(date(&r["due_date"]))
            .unwrap()
    };
    let overdue = open.iter().filter(|r| due(r) < today).count() as i64;
    let this_week = open
        .iter()
        .filter(|r| due(r) >= today && due(r) <= today + Duration::days(6))
        .count() as i64;
    let ready = items
        .iter()
        .filter(|r| r["ready_to_close"].as_bool().unwrap())
        .count() as i64;
    assert_eq!(open.len(), 5);
    assert!(overdue >= 1 && this_week >= 1 && ready == 1, "{all}");

    let html = page(&officer, app.url("/console")).await;
    assert_eq!(tile(&html, "open requests"), open.len() as i64);
    assert_eq!(tile(&html, "overdue"), overdue);
    assert_eq!(tile(&html, "due in the next 7 days"), this_week);
    assert_eq!(tile(&html, "ready to close"), ready);
    assert_eq!(tile(&html, "store tasks failing"), 1);
    assert_eq!(tile(&html, "breaches not yet reported"), 1);
    assert!(html.contains("Public backup bucket"), "breach clock listed");
    assert!(
        html.contains("61 h left") || html.contains("62 h left"),
        "72 h less 10"
    );
    for chart in ["received", "on-time", "days"] {
        assert!(
            html.contains(&format!("id=\"{chart}-title\"")),
            "{chart} chart"
        );
    }
    assert!(html.matches("<svg").count() >= 3 && !html.contains("<script"));

    // Each tile's link opens a queue of as many requests as the tile says.
    for (link, n) in [
        ("/console/requests?open=1", open.len() as i64),
        ("/console/requests?overdue=1", overdue),
        ("/console/requests?due=week", this_week),
        ("/console/requests?ready=1", ready),
    ] {
        let q = page(&officer, app.url(link)).await;
        assert_eq!(queue_total(&q), n, "{link}");
    }
    let failing = page(&officer, app.url("/console/tasks?status=failed")).await;
    assert_eq!(failing.matches("badge-task-failed").count(), 1);

    // The same figures as JSON; the week's bars hold every request received in it.
    let (s, o) = api.get("/api/v1/overview").await;
    assert_eq!(s, 200, "{o}");
    assert_eq!(o["scope"], "team");
    assert_eq!(o["open"], open.len() as i64);
    assert_eq!(o["overdue"], overdue);
    assert_eq!(o["due_this_week"], this_week);
    assert_eq!(o["ready_to_close"], ready);
    assert_eq!(o["tasks_failing"], 1);
    let weeks = o["received_per_week"].as_array().unwrap();
    assert_eq!(weeks.len(), 26);
    let received: i64 = weeks
        .iter()
        .flat_map(|w| w["by_kind"].as_array().unwrap())
        .map(|n| n.as_i64().unwrap())
        .sum();
    assert_eq!(received, 6);
    let months = o["on_time_per_month"].as_array().unwrap();
    assert_eq!(months.last().unwrap()["closed"], 1, "the withdrawn one");

    // A store owner's overview counts their own tasks only.
    let owner = app.first_sign_in("owner@shop.example").await;
    let html = page(&owner, app.url("/console")).await;
    assert_eq!(tile(&html, "open tasks"), 3, "old, soon, failing");
    assert_eq!(tile(&html, "failing"), 1);
    assert!(!html.contains("<svg"), "no team charts for an owner");
}

#[tokio::test]
async fn search_finds_by_reference_email_and_name_only() {
    for backend in backends() {
        search(backend).await;
    }
}

async fn search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    let lovelace = file(&api, "access", "ada@example.org", "Ada Lovelace", 2).await;
    let byron = file(&api, "deletion", "byron@example.org", "Ada Byron", 1).await;
    let hopper = file(
        &api,
        "access",
        "grace@example.org",
        "Grace Brewster Hopper",
        0,
    )
    .await;
    let refs = |rs: &[&Value]| -> Vec<String> {
        let mut v: Vec<String> = rs
            .iter()
            .map(|r| r["public_id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let officer = app.signed_in(Role::PrivacyOfficer).await;
    let found = |html: &str| -> Vec<String> {
        let mut v: Vec<String> = html
            .match_indices("\">SR-")
            .map(|(i, _)| html[i + 2..i + 13].to_string())
            .collect();
        v.sort();
        v
    };
    for (q, want) in [
        ("lovelace", refs(&[&lovelace])),
        ("ADA", refs(&[&lovelace, &byron])),
        ("ada lovelace", refs(&[&lovelace])),
        ("hopper grace", refs(&[&hopper])),
        ("Ada@Example.org", refs(&[&lovelace])),
        (
            &lovelace["public_id"].as_str().unwrap().to_lowercase(),
            refs(&[&lovelace]),
        ),
        ("brew", vec![]),
        ("nobody", vec![]),
        ("ada@example.com", vec![]),
    ] {
        let url = format!(
            "/console/requests?{}",
            serde_urlencoded::to_string([("q", q)]).unwrap()
        );
        let html = page(&officer, app.url(&url)).await;
        assert_eq!(found(&html), want, "console search {q:?}");
        assert_eq!(queue_total(&html), want.len() as i64, "{q:?}");
        let (s, body) = api.get(&format!("/api/v1/requests{}", &url[17..])).await;
        assert_eq!(s, 200, "{body}");
        let items: Vec<&Value> = body["items"].as_array().unwrap().iter().collect();
        assert_eq!(refs(&items), want, "API search {q:?}");
    }
    // The search sits beside the filters: both narrow the list, and both stay in the links.
    let html = page(&officer, app.url("/console/requests?q=ada&kind=deletion")).await;
    assert_eq!(found(&html), refs(&[&byron]));
    assert!(
        html.contains("value=\"ada\""),
        "the search is kept in the box"
    );
    assert!(
        html.contains("Byron"),
        "the requester is shown on the results"
    );

    // Eleven bytes that are not eleven characters once crashed the search (schemathesis).
    let (s, body) = api
        .get("/api/v1/requests?q=00%F0%90%80%800%F0%90%80%80")
        .await;
    assert_eq!((s, body["total"].as_i64()), (200, Some(0)), "{body}");

    // A malformed address is refused with the field named, and what was typed is kept.
    let res = officer
        .get(app.url("/console/requests?q=ada%40"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Search is not a valid email address"),
        "{html}"
    );
    assert!(html.contains("value=\"ada@\""));
    let (s, body) = api.get("/api/v1/requests?q=ada%40").await;
    assert_eq!((s, body["field"].as_str()), (422, Some("q")), "{body}");

    // Requests filed before names were indexed are found once the start-up pass ran: a
    // database from then has no words and no mark that the pass ran.
    app.db(|c| {
        diesel::delete(steward::db::schema::request_name_words::table)
            .execute(c)
            .unwrap();
        diesel::delete(
            steward::db::schema::settings::table.find(steward::workflow::requests::NAMES_INDEXED),
        )
        .execute(c)
        .unwrap();
    })
    .await;
    let html = page(&officer, app.url("/console/requests?q=hopper")).await;
    assert_eq!(queue_total(&html), 0);
    let n = steward::workflow::requests::index_old_names(&app.svc)
        .await
        .unwrap();
    assert_eq!(n, 3);
    let html = page(&officer, app.url("/console/requests?q=hopper")).await;
    assert_eq!(found(&html), refs(&[&hopper]));
    assert_eq!(
        steward::workflow::requests::index_old_names(&app.svc)
            .await
            .unwrap(),
        0,
        "a second pass finds nothing left to do"
    );
}
