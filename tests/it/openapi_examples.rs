//! Every request body the OpenAPI document describes comes with an example, and the server
//! accepts each example with the success status the document gives: the description is
//! generated from the types that read the bodies, and this proves a client built from it
//! gets past them.

use serde_json::{Value, json};

use crate::support::shop::{Engine, Shop};
use crate::support::{Api, TestApp};

/// Each documented body, in the order in which one example makes what the next one needs.
const IN_ORDER: &[(&str, &str)] = &[
    ("post", "/api/v1/purposes"),
    ("post", "/api/v1/purposes/{key}/notices"),
    ("post", "/api/v1/purposes/{key}/services"),
    ("post", "/api/v1/purposes/{key}/translations"),
    ("post", "/api/v1/site-keys"),
    ("post", "/api/v1/consent"),
    ("post", "/api/v1/consent/banner"),
    ("post", "/api/v1/stores"),
    ("patch", "/api/v1/stores/{id}"),
    ("post", "/api/v1/requests"),
    ("post", "/api/v1/requests/{id}/{action}"),
    ("post", "/api/v1/tasks/{id}/result"),
    ("post", "/api/v1/requests/{id}/corrections"),
    ("post", "/api/v1/calendars/{key}/days"),
    ("patch", "/api/v1/settings/brand"),
];

struct Documented {
    example: Value,
    success: u16,
}

fn documented(doc: &Value) -> Vec<((String, String), Documented)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(body) = op.get("requestBody") else {
                continue;
            };
            let example = body["content"]["application/json"]["example"].clone();
            assert!(
                example.is_object(),
                "{method} {path} describes a body without an example: {body}"
            );
            let success = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .find(|k| k.starts_with('2'))
                .unwrap_or_else(|| panic!("{method} {path} documents no success"))
                .parse()
                .unwrap();
            found.push((
                (method.clone(), path.clone()),
                Documented { example, success },
            ));
        }
    }
    found
}

#[tokio::test]
async fn every_documented_example_body_is_accepted() {
    // What an installation has before these calls: the store example's owner is a staff member.
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let (status, doc) = api.get("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    let ops = documented(&doc);
    let mut listed: Vec<_> = IN_ORDER
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let mut described: Vec<_> = ops.iter().map(|(k, _)| k.clone()).collect();
    listed.sort();
    described.sort();
    assert_eq!(
        listed, described,
        "a documented body is missing from IN_ORDER, or gone"
    );

    let (mut purpose, mut site_key, mut origin, mut store, mut request) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    for (method, path) in IN_ORDER {
        let op = &ops
            .iter()
            .find(|(k, _)| k.0 == *method && k.1 == *path)
            .unwrap()
            .1;
        let url = match *path {
            "/api/v1/purposes/{key}/notices"
            | "/api/v1/purposes/{key}/services"
            | "/api/v1/purposes/{key}/translations" => path.replace("{key}", &purpose),
            "/api/v1/stores/{id}" => path.replace("{id}", &store),
            "/api/v1/requests/{id}/{action}" => format!("/api/v1/requests/{request}/verify"),
            "/api/v1/tasks/{id}/result" => {
                let r = api.wait_tasks(&request, |t| t["status"] == "open").await;
                let task = r["tasks"][0]["id"].as_str().unwrap().to_string();
                path.replace("{id}", &task)
            }
            "/api/v1/requests/{id}/corrections" => {
                let id = correction_in_progress(&api).await;
                path.replace("{id}", &id)
            }
            "/api/v1/calendars/{key}/days" => {
                let (_, calendars) = api.get("/api/v1/calendars").await;
                let key = calendars["items"][0]["key"].as_str().unwrap().to_string();
                path.replace("{key}", &key)
            }
            p => p.to_string(),
        };
        let mut call = reqwest::Client::new()
            .request(method.to_uppercase().parse().unwrap(), app.url(&url))
            .json(&op.example);
        call = if *path == "/api/v1/consent/banner" {
            call.header("X-Steward-Site-Key", &site_key)
                .header("Origin", &origin)
        } else {
            call.bearer_auth(&api.token)
        };
        let res = call.send().await.unwrap();
        let status = res.status().as_u16();
        let answer: Value = res.json().await.unwrap_or(Value::Null);
        assert_eq!(
            status, op.success,
            "{method} {url} with its documented example {}: {answer}",
            op.example
        );
        match *path {
            "/api/v1/purposes" => purpose = answer["key"].as_str().unwrap().into(),
            "/api/v1/site-keys" => {
                site_key = answer["key"].as_str().unwrap().into();
                origin = op.example["origins"][0].as_str().unwrap().into();
            }
            "/api/v1/stores" => store = answer["id"].as_str().unwrap().into(),
            "/api/v1/requests" => request = answer["id"].as_str().unwrap().into(),
            _ => {}
        }
    }
}

/// A correction request whose SQL store has shown its preview, waiting for approval.
async fn correction_in_progress(api: &Api<'_>) -> String {
    let shop = Shop::create(Engine::Sqlite, &api.app.dir).await;
    let mut store = crate::stores::art30("Shop database", "sql", "owner@shop.example");
    store["connection"] = shop.url.clone().into();
    store["dataset"] = crate::corrections::dataset();
    let (s, r) = api.post("/api/v1/stores", store).await;
    assert_eq!(s, 201, "{r}");
    let (s, r) = api
        .post(
            "/api/v1/requests",
            json!({"kind": "correction", "jurisdiction": "gdpr",
                "email": "ada@example.org", "send_verification": false,
                "corrections": [{"category": "name", "value": "Ada King"}]}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "signed in to the shop"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    for _ in 0..600 {
        let (_, r) = api.get(&format!("/api/v1/requests/{id}/corrections")).await;
        if r["stores"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["awaiting"] == true)
        {
            return id;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the SQL store never showed its preview");
}
