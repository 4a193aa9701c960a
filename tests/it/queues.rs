//! Task queues read in batches: an owner with more than a page of tasks sees every one of
//! them through paging, "mine" is decided in the query, and list parameters answer in JSON.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use steward::domain::Role;

use crate::stores::art30;
use crate::support::{Api, Backend, TestApp, backends};

#[tokio::test]
async fn an_owner_with_more_than_500_tasks_sees_them_all() {
    for backend in backends() {
        many_tasks(backend).await;
    }
}

async fn many_tasks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.staff(
        Role::PrivacyOfficer,
        "po@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    app.staff(
        Role::StoreOwner,
        "many@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    let officer = Api {
        app: &app,
        token: token_of(&app, "po@shop.example").await,
    };
    // Three manual stores of one owner and one of another: 170 verified requests make 510
    // tasks for the owner and 170 for someone else.
    for name in ["Crm", "Helpdesk", "Newsletter"] {
        let (s, body) = officer
            .post("/api/v1/stores", art30(name, "manual", "many@shop.example"))
            .await;
        assert_eq!(s, 201, "{backend:?}: {body}");
    }
    let (s, body) = officer
        .post(
            "/api/v1/stores",
            art30("Warehouse", "manual", "po@shop.example"),
        )
        .await;
    assert_eq!(s, 201, "{backend:?}: {body}");
    for i in 0..170 {
        let (s, r) = officer
            .post(
                "/api/v1/requests",
                json!({"kind": "deletion", "jurisdiction": "gdpr",
                       "email": format!("subject{i}@example.org"), "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{backend:?}: {r}");
        let id = r["id"].as_str().unwrap();
        let (s, v) = officer
            .post(
                &format!("/api/v1/requests/{id}/verify"),
                json!({"reason": "Known customer, checked by phone"}),
            )
            .await;
        assert_eq!(s, 200, "{backend:?}: {v}");
    }

    let owner = Api {
        app: &app,
        token: token_of(&app, "many@shop.example").await,
    };
    let seen = page_through(&owner, "/api/v1/tasks?open=true").await;
    assert_eq!(
        seen.len(),
        510,
        "{backend:?}: every task of the owner, none twice"
    );
    let (_, first) = owner.get("/api/v1/tasks").await;
    assert_eq!(first["total"], 510, "{backend:?}: {}", first["total"]);
    assert_eq!(
        first["items"].as_array().unwrap().len(),
        500,
        "a page is at most 500"
    );
    assert!(
        first["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["store_name"] != "Warehouse"),
        "{backend:?}: an owner sees only their stores' tasks"
    );

    // Privacy staff see every store's tasks, or only their own with mine=true.
    let all = page_through(&officer, "/api/v1/tasks").await;
    assert_eq!(all.len(), 680, "{backend:?}");
    let mine = page_through(&officer, "/api/v1/tasks?mine=true").await;
    assert_eq!(
        mine.len(),
        170,
        "{backend:?}: mine is decided before paging"
    );

    // The console pages through the same queue.
    let b = app.first_sign_in("many@shop.example").await;
    let page1 = crate::support::page(&b, app.url("/console/tasks")).await;
    assert!(
        page1.contains("of 510"),
        "{backend:?}: the console says how many"
    );
    let page3 = crate::support::page(&b, app.url("/console/tasks?page=3")).await;
    assert!(
        page3.contains("Tasks 401–510 of 510") && !page3.contains("rel=\"next\""),
        "{backend:?}: the last page"
    );
}

/// Every task id of a list, following `offset` until `total`; panics on a repeat.
async fn page_through(api: &Api<'_>, path: &str) -> BTreeSet<String> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut seen = BTreeSet::new();
    let mut offset = 0;
    loop {
        let (s, body) = api
            .get(&format!("{path}{sep}limit=200&offset={offset}"))
            .await;
        assert_eq!(s, 200, "{body}");
        let items = body["items"].as_array().unwrap();
        for t in items {
            assert!(seen.insert(t["id"].as_str().unwrap().to_string()), "{t}");
        }
        offset += items.len() as i64;
        if items.is_empty() || offset >= body["total"].as_i64().unwrap() {
            return seen;
        }
    }
}

/// A token for an existing staff user.
async fn token_of(app: &TestApp, email: &str) -> String {
    let email = email.to_string();
    app.db(move |c| {
        let u = steward::db::users::find_by_email(c, &email)
            .unwrap()
            .unwrap();
        steward::auth::create_token(c, &u, "test", 30).unwrap()
    })
    .await
}

#[tokio::test]
async fn list_parameters_answer_in_json_naming_the_parameter() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    for (path, field, says) in [
        ("/api/v1/requests?limit=0", "limit", "from 1 to 500"),
        ("/api/v1/requests?limit=501", "limit", "from 1 to 500"),
        ("/api/v1/requests?offset=-1", "offset", "from 0"),
        ("/api/v1/requests?status=lost", "status", "must be one of"),
        ("/api/v1/tasks?limit=0", "limit", "from 1 to 500"),
        ("/api/v1/tasks?mine=yes", "mine", "true or false"),
    ] {
        let (s, err) = api.get(path).await;
        assert_eq!(s, 422, "{path}: {err}");
        assert_eq!(err["field"], field, "{path}: {err}");
        assert!(
            err["error"].as_str().unwrap().contains(says),
            "{path}: {err}"
        );
    }
    for path in [
        "/api/v1/requests?status=verifying&status=denied",
        "/api/v1/tasks?open=true&open=false",
    ] {
        let (s, err) = api.get(path).await;
        assert_eq!(s, 400, "{path}: {err}");
        assert!(err["error"].is_string(), "{path}: JSON, not a page: {err}");
    }
    let (s, ok) = api.get("/api/v1/requests?limit=1").await;
    assert_eq!((s, ok["limit"].clone()), (200, Value::from(1)));
}
