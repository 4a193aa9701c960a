//! The test harness: the real Steward server on a random loopback port, against a fresh
//! database (a temporary SQLite file, or a fresh PostgreSQL database when one is reachable),
//! with a real SMTP listener for its mail.

pub mod hook;
pub mod shop;
pub mod smtp;

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Once;
use std::time::Duration;

use diesel::Connection;
use diesel::RunQueryDsl;
use reqwest::redirect::Policy;
use serde_json::Value;
use steward::audit::Actor;
use steward::config::Config;
use steward::domain::{EmailAddress, Role};
use steward::workflow::Services;

use self::smtp::SmtpSink;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server tests use; override with STEWARD_TEST_POSTGRES_URL.
pub fn postgres_admin_url() -> String {
    std::env::var("STEWARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// SQLite always; PostgreSQL when reachable. CI sets STEWARD_TEST_REQUIRE_POSTGRES=1 so an
/// unreachable server fails instead of being skipped.
pub fn backends() -> Vec<Backend> {
    static NOTE: Once = Once::new();
    let reachable = diesel::PgConnection::establish(&postgres_admin_url()).is_ok();
    if !reachable && std::env::var("STEWARD_TEST_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        panic!(
            "PostgreSQL at {} is required (STEWARD_TEST_REQUIRE_POSTGRES=1) but unreachable",
            postgres_admin_url()
        );
    }
    if !reachable {
        NOTE.call_once(|| {
            eprintln!(
                "NOTE: PostgreSQL not reachable at {}: PostgreSQL suite SKIPPED, SQLite only",
                postgres_admin_url()
            )
        });
        return vec![Backend::Sqlite];
    }
    vec![Backend::Sqlite, Backend::Postgres]
}

pub struct TestApp {
    pub base: String,
    pub smtp: SmtpSink,
    pub svc: Services,
    pub dir: PathBuf,
    pg_database: Option<String>,
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        let dir = std::env::temp_dir().join(format!("steward-test-{}", unique()));
        std::fs::create_dir_all(&dir).unwrap();
        let (database_url, pg_database) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}", dir.join("steward.db").display()),
                None,
            ),
            Backend::Postgres => {
                let name = format!("steward_test_{}", unique());
                let mut admin =
                    diesel::PgConnection::establish(&postgres_admin_url()).expect("postgres");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("create database");
                let base = postgres_admin_url();
                let server = base.rsplit_once('/').map(|(s, _)| s.to_string()).unwrap();
                (format!("{server}/{name}"), Some(name))
            }
        };
        let smtp = SmtpSink::start().await;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let vars: HashMap<&str, String> = HashMap::from([
            ("STEWARD_DATABASE_URL", database_url),
            ("STEWARD_BIND", format!("127.0.0.1:{port}")),
            ("STEWARD_BASE_URL", base.clone()),
            ("STEWARD_SMTP_URL", smtp.url()),
            (
                "STEWARD_MAIL_FROM",
                "Privacy Team <privacy@shop.example>".into(),
            ),
            ("STEWARD_MAIL_DIR", dir.join("mail").display().to_string()),
            ("STEWARD_TIMEZONE", "Europe/Berlin".into()),
            ("STEWARD_SCHEDULER_INTERVAL_MS", "100".into()),
        ]);
        let config = Config::from_lookup(|k| vars.get(k).cloned()).expect("test config");
        let svc =
            tokio::task::spawn_blocking(move || steward::cli::services(config).expect("services"))
                .await
                .unwrap();
        let server = steward::web::start(svc.clone(), listener, None).expect("server starts");
        tokio::spawn(server);
        steward::workflow::scheduler::spawn(svc.clone());
        TestApp {
            base,
            smtp,
            svc,
            dir,
            pg_database,
        }
    }

    /// A browser: keeps cookies, does not follow redirects (tests check them).
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Creates a staff user with a password, directly (the CLI's own code path).
    pub async fn staff(&self, role: Role, email: &str, password: &str) -> String {
        let db = self.svc.db.clone();
        let (email, password) = (email.to_string(), password.to_string());
        tokio::task::spawn_blocking(move || {
            let mut c = db.get().unwrap();
            let e = EmailAddress::parse(&email).unwrap();
            steward::auth::create_user(
                &mut c,
                &e,
                "Test Staff",
                role,
                Some(&password),
                &Actor::System,
            )
            .unwrap()
            .0
            .id
        })
        .await
        .unwrap()
    }

    /// A signed-in browser for a new staff user of the given role.
    pub async fn signed_in(&self, role: Role) -> reqwest::Client {
        let email = format!("{}-{}@staff.example", role.as_str(), unique());
        let password = "orbit kettle velvet 42";
        self.staff(role, &email, password).await;
        let b = self.browser();
        let res = self.login(&b, &email, password).await;
        assert_eq!(res.status(), 303, "login as {role:?}");
        b
    }

    pub async fn login(
        &self,
        b: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        let csrf = self.csrf_of(b, "/console/login").await;
        b.post(self.url("/console/login"))
            .form(&[
                ("email", email),
                ("password", password),
                ("csrf", &csrf),
                ("next", ""),
            ])
            .send()
            .await
            .unwrap()
    }

    /// An API token acting as a new staff user of the given role.
    pub async fn token(&self, role: Role) -> String {
        let email = format!("api-{}-{}@staff.example", role.as_str(), unique());
        self.staff(role, &email, "orbit kettle velvet 42").await;
        let db = self.svc.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = db.get().unwrap();
            let u = steward::db::users::find_by_email(&mut c, &email)
                .unwrap()
                .unwrap();
            steward::auth::create_token(&mut c, &u, "test").unwrap()
        })
        .await
        .unwrap()
    }

    /// Loads a page and returns the CSRF token of its (first) form.
    pub async fn csrf_of(&self, b: &reqwest::Client, path: &str) -> String {
        let page = b
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        hidden(&page, "csrf").unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    /// Files a request through the public form; returns the `SR-…` reference.
    pub async fn submit_request(&self, fields: &[(&str, &str)]) -> String {
        let b = self.browser();
        let csrf = self.csrf_of(&b, "/privacy/requests/new").await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &csrf));
        let res = b
            .post(self.url("/privacy/requests/new"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "submission accepted");
        let loc = res.headers()["location"].to_str().unwrap().to_string();
        loc.split("ref=")
            .nth(1)
            .expect("reference in redirect")
            .to_string()
    }

    /// Runs blocking database work in the test.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut steward::db::DbConn) -> T + Send + 'static,
    ) -> T {
        let db = self.svc.db.clone();
        tokio::task::spawn_blocking(move || f(&mut db.get().unwrap()))
            .await
            .unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some(name) = &self.pg_database
            && let Ok(mut admin) = diesel::PgConnection::establish(&postgres_admin_url())
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut admin);
        }
    }
}

/// The value of a hidden input in a page.
pub fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..].find('"')?;
    Some(page[start..start + end].to_string())
}

/// The first URL in a text that contains `fragment`.
pub fn link_with(text: &str, fragment: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains(fragment) && w.starts_with("http"))
        .unwrap_or_else(|| panic!("no link containing {fragment} in:\n{text}"))
        .to_string()
}

/// The path and query of an absolute URL.
pub fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.find('/')
        .map(|i| rest[i..].to_string())
        .unwrap_or_else(|| "/".into())
}

/// A staff API client: a token and JSON in, (status, JSON) out.
pub struct Api<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl Api<'_> {
    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let res = reqwest::Client::new()
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let res = reqwest::Client::new()
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Waits until every task of the request satisfies `done`, or panics with the tasks. The
    /// ceiling is generous (a loaded 2-core machine); it returns as soon as the state holds.
    #[track_caller]
    pub fn wait_tasks<'a>(
        &'a self,
        request: &'a str,
        done: impl Fn(&Value) -> bool + 'a,
    ) -> impl Future<Output = Value> + 'a {
        let caller = std::panic::Location::caller();
        async move { self.wait_tasks_from(request, done, caller).await }
    }

    async fn wait_tasks_from(
        &self,
        request: &str,
        done: impl Fn(&Value) -> bool,
        caller: &std::panic::Location<'_>,
    ) -> Value {
        for _ in 0..600 {
            let (_, r) = self.get(&format!("/api/v1/requests/{request}")).await;
            if r["tasks"]
                .as_array()
                .is_some_and(|t| !t.is_empty() && t.iter().all(&done))
            {
                return r;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let (_, r) = self.get(&format!("/api/v1/requests/{request}")).await;
        panic!(
            "tasks did not reach the state awaited at {caller}: {:#}",
            r["tasks"]
        );
    }
}
