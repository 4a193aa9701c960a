//! Each SQL store keeps one long-lived pool and a cached schema: jobs reuse the connection,
//! a changed store gets a fresh pool, a schema that changed between jobs is noticed, a
//! request's stores run side by side so an unreachable one delays only itself; and
//! `/metrics` reports it all.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::stores::sql_store;
use crate::support::shop::{self, Engine, Shop};
use crate::support::{Api, TestApp, backends};

/// A loopback relay to PostgreSQL that counts the connections it accepts; switched to
/// "silent", it cuts the connections it carries and accepts new ones that never answer (a
/// store that can no longer be reached).
struct Relay {
    port: u16,
    accepted: Arc<AtomicUsize>,
    silent: Arc<AtomicBool>,
    carried: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Relay {
    async fn start() -> Relay {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let silent = Arc::new(AtomicBool::new(false));
        let carried = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (a, q, c) = (accepted.clone(), silent.clone(), carried.clone());
        let task = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = l.accept().await {
                a.fetch_add(1, Ordering::SeqCst);
                let quiet = q.load(Ordering::SeqCst);
                let copy = tokio::spawn(async move {
                    if quiet {
                        tokio::time::sleep(Duration::from_secs(60)).await;
                        return;
                    }
                    if let Ok(mut out) = tokio::net::TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                c.lock().unwrap().push(copy.abort_handle());
            }
        });
        Relay {
            port,
            accepted,
            silent,
            carried,
            task,
        }
    }

    /// From now on the store cannot be reached: open connections are cut, new ones hang.
    fn go_silent(&self) {
        self.silent.store(true, Ordering::SeqCst);
        for c in self.carried.lock().unwrap().drain(..) {
            c.abort();
        }
    }

    /// Waits until `n` connections were accepted in all (the store's pool opened).
    async fn wait_accepted(&self, n: usize) {
        for _ in 0..200 {
            if self.accepted.load(Ordering::SeqCst) >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    /// The shop's connection string, through this relay.
    fn url_for(&self, shop: &Shop) -> String {
        shop.url.replace(":5432/", &format!(":{}/", self.port))
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[tokio::test]
async fn one_pool_serves_every_job_until_the_store_changes() {
    if !shop::postgres_available().await {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let relay = Relay::start().await;
    let a = Shop::create(Engine::Postgres, &app.dir).await;
    let id = sql_store(&api, "Shop", "owner@shop.example", &relay.url_for(&a)).await;
    // Registration's check opens a connection or two and closes them; the store's pool then
    // opens all four of its own ahead of the first job, so no request waits for one.
    let accepted = || relay.accepted.load(Ordering::SeqCst);
    relay.wait_accepted(6).await;
    assert!(
        accepted() >= 5,
        "the check's connections and the pool's four: {}",
        accepted()
    );
    let at_registration = accepted();

    let mut opened = Vec::new();
    for email in ["ada@example.org", "bob@example.org", "carol@example.org"] {
        let r = api.file_verified("access", email).await;
        api.wait_tasks(&r, |t| t["status"] == "done").await;
        opened.push(accepted() - at_registration);
    }
    assert_eq!(
        opened,
        [0, 0, 0],
        "every job is served by the connections opened ahead of it"
    );

    // Pointed at another database, the store gets a fresh pool: the next job reads there.
    let b = Shop::create(Engine::Postgres, &app.dir).await;
    b.execute("UPDATE customers SET name = 'Ada in B' WHERE id = 1")
        .await;
    let (s, e) = api
        .patch(
            &format!("/api/v1/stores/{id}"),
            json!({"connection": b.url.clone()}),
        )
        .await;
    assert_eq!(s, 200, "{e}");
    let before = relay.accepted.load(Ordering::SeqCst);
    let r = api.file_verified("access", "ada@example.org").await;
    api.wait_tasks(&r, |t| t["status"] == "done").await;
    let (_, csv) = api.text(&format!("/api/v1/requests/{r}/package.csv")).await;
    assert!(csv.contains("Ada in B"), "{csv}");
    assert_eq!(
        relay.accepted.load(Ordering::SeqCst),
        before,
        "the old address is not used again"
    );
}

#[tokio::test]
async fn a_schema_that_changed_between_jobs_is_noticed() {
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    sql_store(&api, "Shop", "owner@shop.example", &lite.url).await;
    let r = api.file_verified("access", "ada@example.org").await;
    api.wait_tasks(&r, |t| t["status"] == "done").await;

    lite.execute("ALTER TABLE orders RENAME COLUMN shipping_address TO ship_to")
        .await;
    let r = api.file_verified("access", "ada@example.org").await;
    let req = api.wait_tasks(&r, |t| t["status"] == "failed").await;
    let task = &req["tasks"][0];
    assert_eq!(
        task["last_error"],
        "the store's schema does not match its dataset map: column 'orders.shipping_address' does not exist",
        "{task}"
    );

    lite.execute("ALTER TABLE orders RENAME COLUMN ship_to TO shipping_address")
        .await;
    let (s, _) = api
        .post(
            &format!("/api/v1/tasks/{}/retry", task["id"].as_str().unwrap()),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    api.wait_tasks(&r, |t| t["status"] == "done").await;
}

#[tokio::test]
async fn an_unreachable_store_delays_only_itself() {
    if !shop::postgres_available().await {
        return;
    }
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let relay = Relay::start().await;
    let pg = Shop::create(Engine::Postgres, &app.dir).await;
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    sql_store(&api, "Down", "owner@shop.example", &relay.url_for(&pg)).await;
    // Its pool opened ahead of jobs (the check's connections and the pool's four) …
    relay.wait_accepted(6).await;
    // … and then the store goes silent.
    relay.go_silent();

    // The silent store's job waits for a connection that never answers …
    let first = api.file_verified("access", "ada@example.org").await;
    api.wait_tasks(&first, |t| t["status"] == "running").await;
    // … while a store registered now, and a request filed after, are served at once.
    sql_store(&api, "Up", "owner@shop.example", &lite.url).await;
    let second = api.file_verified("access", "bob@example.org").await;
    let r = api
        .wait_tasks(&second, |t| t["store"] == "Down" || t["status"] == "done")
        .await;
    let status_of = |r: &Value, store: &str| {
        r["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["store"] == store)
            .map(|t| t["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status_of(&r, "Up").as_deref(), Some("done"), "{r}");
    let (_, f) = api.get(&format!("/api/v1/requests/{first}")).await;
    assert_eq!(
        status_of(&f, "Down").as_deref(),
        Some("running"),
        "the unreachable store is still waiting for its connection: {f}"
    );
    // In the end it fails, saying the store cannot be reached.
    let f = api.wait_tasks(&first, |t| t["status"] == "failed").await;
    assert!(
        f["tasks"][0]["last_error"]
            .as_str()
            .unwrap()
            .contains("cannot reach the store"),
        "{f}"
    );
}

#[tokio::test]
async fn metrics_report_requests_tasks_and_latency() {
    let (app, token) = TestApp::with_store_owner().await;
    let api = Api { app: &app, token };
    let lite = Shop::create(Engine::Sqlite, &app.dir).await;
    sql_store(&api, "Shop", "owner@shop.example", &lite.url).await;
    let scrape = || async {
        let res = reqwest::get(app.url("/metrics")).await.unwrap();
        assert_eq!(res.status(), 200);
        res.text().await.unwrap()
    };
    let before = scrape().await;
    assert!(!before.contains(r#"steward_requests{status="in_progress",jurisdiction="gdpr"}"#));
    let r = api.file_verified("access", "ada@example.org").await;
    api.wait_tasks(&r, |t| t["status"] == "done").await;
    let after = scrape().await;
    for line in [
        r#"steward_requests{status="in_progress",jurisdiction="gdpr"} 1"#,
        r#"steward_tasks{status="done"} 1"#,
        "steward_requests_overdue 0",
        r#"steward_job_duration_seconds_count{connector="sql"} 1"#,
        r#"steward_http_requests_total{method="POST",route="/api/v1/requests",status="201"} 1"#,
        r#"steward_http_request_duration_seconds_count{route="/api/v1/requests/{id}/{action}"}"#,
        // Each step of the request timed on its own.
        r#"steward_step_duration_seconds_count{step="file_commit"} 1"#,
        r#"steward_step_duration_seconds_count{step="verify_commit"} 1"#,
        r#"steward_step_duration_seconds_count{step="connector_query"} 1"#,
        r#"steward_step_duration_seconds_count{step="task_save"} 1"#,
        r#"steward_step_duration_seconds_count{step="claim"}"#,
        r#"steward_step_duration_seconds_sum{step="http"}"#,
    ] {
        assert!(after.contains(line), "{line}\n{after}");
    }
    assert!(
        !after.contains(&r),
        "routes are counted by pattern, never by id"
    );

    // With a token configured, only its bearer reads the metrics.
    let app = TestApp::spawn_with(
        backends()[0],
        &[("STEWARD_METRICS_TOKEN", "s3cret-metrics")],
    )
    .await;
    let res = reqwest::get(app.url("/metrics")).await.unwrap();
    assert_eq!(res.status(), 401);
    let res = reqwest::Client::new()
        .get(app.url("/metrics"))
        .bearer_auth("s3cret-metrics")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
