//! The test harness: the real Steward server on a random loopback port, against a fresh
//! database (a temporary SQLite file, or a fresh PostgreSQL database when one is reachable),
//! with a real SMTP listener for its mail.

pub mod hook;
pub mod logs;
pub mod shop;
pub mod smtp;

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Mutex;
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

/// Whether a server a suite needs answered. CI sets `require` (STEWARD_TEST_REQUIRE_POSTGRES,
/// STEWARD_TEST_REQUIRE_MYSQL) to 1, so an unreachable server fails the test; a developer
/// without one is told, once per suite, that it was skipped.
pub fn reachable_or_skip(
    reachable: bool,
    server: &str,
    url: &str,
    require: &str,
    suite: &str,
) -> bool {
    if !reachable && std::env::var(require).is_ok_and(|v| v == "1") {
        panic!("{server} at {url} is required ({require}=1) but unreachable");
    }
    if !reachable {
        static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
        if !said.iter().any(|s| s == suite) {
            said.push(suite.to_string());
            eprintln!("NOTE: {server} not reachable at {url}: {suite} SKIPPED");
        }
    }
    reachable
}

/// SQLite always; PostgreSQL when reachable (or required).
pub fn backends() -> Vec<Backend> {
    let url = postgres_admin_url();
    let reachable = diesel::PgConnection::establish(&url).is_ok();
    let suite = "PostgreSQL suite (SQLite only)";
    if reachable_or_skip(
        reachable,
        "PostgreSQL",
        &url,
        "STEWARD_TEST_REQUIRE_POSTGRES",
        suite,
    ) {
        vec![Backend::Sqlite, Backend::Postgres]
    } else {
        vec![Backend::Sqlite]
    }
}

pub struct TestApp {
    pub base: String,
    pub smtp: SmtpSink,
    pub svc: Services,
    pub dir: PathBuf,
    _database: FreshDatabase,
    /// The last TOTP time step used per secret: the server takes each step once.
    totp_steps: Mutex<HashMap<String, u64>>,
}

/// A staff member signed in through the browser, with what they were shown at enrolment.
pub struct SignedIn {
    pub client: reqwest::Client,
    pub id: steward::domain::UserId,
    pub email: String,
    pub password: String,
    pub secret: String,
    pub recovery_codes: Vec<String>,
}

pub const PASSWORD: &str = "orbit kettle velvet 42";

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, &[]).await
    }

    /// With extra `STEWARD_*` variables (e.g. low rate limits).
    pub async fn spawn_with(backend: Backend, extra: &[(&'static str, &str)]) -> TestApp {
        Self::spawn_full(backend, extra, false).await
    }

    /// Serving HTTPS with a fresh self-signed certificate for 127.0.0.1 / localhost (rcgen),
    /// loaded through the same code as STEWARD_TLS_CERT/KEY. Returns the app and the
    /// certificate for a client to trust in `cert.pem` of the app's directory.
    pub async fn spawn_tls(backend: Backend) -> TestApp {
        Self::spawn_full(backend, &[], true).await
    }

    async fn spawn_full(backend: Backend, extra: &[(&'static str, &str)], tls: bool) -> TestApp {
        logs::watch();
        let dir = std::env::temp_dir().join(format!("steward-test-{}", unique()));
        std::fs::create_dir_all(&dir).unwrap();
        let database = FreshDatabase::new(backend, &dir);
        std::fs::create_dir_all(dir.join("stores")).unwrap();
        let database_url = database.url.clone();
        let smtp = SmtpSink::start().await;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let scheme = if tls { "https" } else { "http" };
        let base = format!("{scheme}://127.0.0.1:{port}");
        let mut vars: HashMap<&str, String> = HashMap::from([
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
            // Tests sign in many times from one address; the rate-limit suite sets its own.
            ("STEWARD_RATE_LOGIN", "off".into()),
            ("STEWARD_RATE_INTAKE", "off".into()),
            ("STEWARD_RATE_VERIFY", "off".into()),
            // The tests' stores run on this machine: loopback is allowed for them, and
            // SQLite stores live in the app's stores folder.
            ("STEWARD_STORE_ALLOW", "127.0.0.1, ::1, localhost".into()),
            (
                "STEWARD_CHECKPOINT_FILE",
                dir.join("audit-checkpoints.log").display().to_string(),
            ),
            (
                "STEWARD_SQLITE_STORES_DIR",
                dir.join("stores").display().to_string(),
            ),
        ]);
        if tls {
            let cert = rcgen::generate_simple_self_signed(vec![
                "127.0.0.1".to_string(),
                "localhost".to_string(),
            ])
            .expect("self-signed certificate");
            let (cert_file, key_file) = (dir.join("cert.pem"), dir.join("key.pem"));
            std::fs::write(&cert_file, cert.cert.pem()).unwrap();
            std::fs::write(&key_file, cert.signing_key.serialize_pem()).unwrap();
            vars.insert("STEWARD_TLS_CERT", cert_file.display().to_string());
            vars.insert("STEWARD_TLS_KEY", key_file.display().to_string());
        }
        for (k, v) in extra {
            vars.insert(k, v.to_string());
        }
        let config = Config::from_lookup(|k| vars.get(k).cloned()).expect("test config");
        let tls_config = config
            .tls
            .as_ref()
            .map(|(c, k)| steward::cli::load_tls(c, k).expect("TLS config loads"));
        let svc =
            tokio::task::spawn_blocking(move || steward::cli::services(config).expect("services"))
                .await
                .unwrap();
        let server = steward::web::start(svc.clone(), listener, tls_config).expect("server starts");
        tokio::spawn(server);
        steward::workflow::scheduler::spawn(svc.clone());
        TestApp {
            base,
            smtp,
            svc,
            dir,
            _database: database,
            totp_steps: Mutex::new(HashMap::new()),
        }
    }

    /// A browser for the HTTPS app that trusts its self-signed certificate.
    pub fn tls_browser(&self) -> reqwest::Client {
        let pem = std::fs::read(self.dir.join("cert.pem")).unwrap();
        reqwest::Client::builder()
            .use_rustls_tls()
            .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
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
    pub async fn staff(&self, role: Role, email: &str, password: &str) -> steward::domain::UserId {
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

    /// A signed-in browser for a new staff user of the given role (password, then TOTP
    /// enrolment, as a person would).
    pub async fn signed_in(&self, role: Role) -> reqwest::Client {
        self.signed_in_as(role).await.client
    }

    pub async fn signed_in_as(&self, role: Role) -> SignedIn {
        let email = format!("{}-{}@staff.example", role.as_str(), unique());
        let id = self.staff(role, &email, PASSWORD).await;
        let b = self.browser();
        let res = self.login(&b, &email, PASSWORD).await;
        assert_eq!(res.status(), 303, "password step as {role:?}");
        let (secret, recovery_codes) = self.enrol(&b).await;
        SignedIn {
            client: b,
            id,
            email,
            password: PASSWORD.into(),
            secret,
            recovery_codes,
        }
    }

    /// A browser signed in as an existing user (created with [`PASSWORD`]) for the first
    /// time: the password step, then TOTP enrolment.
    pub async fn first_sign_in(&self, email: &str) -> reqwest::Client {
        let b = self.browser();
        assert_eq!(
            self.login(&b, email, PASSWORD).await.status(),
            303,
            "password step for {email}"
        );
        self.enrol(&b).await;
        b
    }

    /// After the password step of a user without TOTP: reads the secret from the enrolment
    /// page, confirms it with a code, and returns the secret and the recovery codes shown.
    pub async fn enrol(&self, b: &reqwest::Client) -> (String, Vec<String>) {
        let page = b
            .get(self.url("/console/mfa"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let secret = between(&page, "id=\"totp-secret\">", "<").expect("secret on enrolment page");
        assert!(page.contains("data:image/png;base64,"), "QR code shown");
        let csrf = hidden(&page, "csrf").unwrap();
        let code = self.totp_code(&secret).await;
        let res = b
            .post(self.url("/console/mfa/enrol"))
            .form(&[("csrf", csrf.as_str()), ("code", &code), ("next", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "enrolment confirmed");
        let page = res.text().await.unwrap();
        let codes: Vec<String> = page
            .split("<li><code class=\"token\">")
            .skip(1)
            .map(|s| s.split('<').next().unwrap().to_string())
            .collect();
        assert_eq!(codes.len(), 10, "ten recovery codes shown once");
        (secret, codes)
    }

    /// The second step for an enrolled user: posts a code (TOTP or recovery) to /console/mfa.
    pub async fn second_factor(&self, b: &reqwest::Client, code: &str) -> reqwest::Response {
        let page = b
            .get(self.url("/console/mfa"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = hidden(&page, "csrf").expect("code page");
        b.post(self.url("/console/mfa"))
            .form(&[("csrf", csrf.as_str()), ("code", code), ("next", "")])
            .send()
            .await
            .unwrap()
    }

    /// Password and TOTP code for an enrolled user; asserts the full sign-in worked.
    pub async fn login_full(&self, b: &reqwest::Client, email: &str, secret: &str) {
        let res = self.login(b, email, PASSWORD).await;
        assert_eq!(res.status(), 303, "password step");
        let code = self.totp_code(secret).await;
        let res = self.second_factor(b, &code).await;
        assert_eq!(res.status(), 303, "code step");
    }

    /// A TOTP code the server has not seen yet: the current step, or the next one if the
    /// current was used (waiting when even that is taken).
    pub async fn totp_code(&self, secret: &str) -> String {
        loop {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs();
            let current = now / 30;
            let step = {
                let mut steps = self.totp_steps.lock().unwrap();
                let step = steps
                    .get(secret)
                    .map_or(current, |last| current.max(last + 1));
                if step <= current + 1 {
                    steps.insert(secret.to_string(), step);
                    Some(step)
                } else {
                    None
                }
            };
            if let Some(step) = step {
                return totp_at(secret, step * 30);
            }
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }

    /// The password step of the sign-in form.
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
            steward::auth::create_token(&mut c, &u, "test", 30).unwrap()
        })
        .await
        .unwrap()
    }

    /// An app, an admin API token, and the store owner (`owner@shop.example`) the tests'
    /// stores belong to.
    pub async fn with_store_owner() -> (TestApp, String) {
        let app = TestApp::spawn(backends()[0]).await;
        let token = app.token(Role::Admin).await;
        app.staff(
            Role::StoreOwner,
            "owner@shop.example",
            "orbit kettle velvet 42",
        )
        .await;
        (app, token)
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
    }
}

/// A new, empty Steward database: `steward.db` in `dir`, or a new PostgreSQL database that is
/// dropped with this value.
pub struct FreshDatabase {
    pub url: String,
    pg_name: Option<String>,
}

impl FreshDatabase {
    pub fn new(backend: Backend, dir: &std::path::Path) -> FreshDatabase {
        match backend {
            Backend::Sqlite => FreshDatabase {
                url: format!("sqlite://{}", dir.join("steward.db").display()),
                pg_name: None,
            },
            Backend::Postgres => {
                let name = format!("steward_test_{}", unique());
                let mut admin =
                    diesel::PgConnection::establish(&postgres_admin_url()).expect("postgres");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("create database");
                let base = postgres_admin_url();
                let server = base.rsplit_once('/').map(|(s, _)| s.to_string()).unwrap();
                FreshDatabase {
                    url: format!("{server}/{name}"),
                    pg_name: Some(name),
                }
            }
        }
    }
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name
            && let Ok(mut admin) = diesel::PgConnection::establish(&postgres_admin_url())
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut admin);
        }
    }
}

/// The code of a TOTP secret (base32) at a time, computed with the same crate as the server.
pub fn totp_at(secret: &str, unix: u64) -> String {
    use totp_rs::{Algorithm, Secret, TOTP};
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().unwrap();
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some("Steward".into()),
        "t".into(),
    )
    .unwrap()
    .generate(unix)
}

/// The text between two markers.
pub fn between(page: &str, start: &str, end: &str) -> Option<String> {
    let i = page.find(start)? + start.len();
    let j = page[i..].find(end)?;
    Some(page[i..i + j].to_string())
}

/// The text of a page (or any GET) with this client.
pub async fn page(b: &reqwest::Client, url: impl reqwest::IntoUrl) -> String {
    b.get(url).send().await.unwrap().text().await.unwrap()
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

    pub async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .patch(self.app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// Files a request through the API without emailing the subject and verifies it as staff;
    /// answers its id.
    pub async fn file_verified(&self, kind: &str, email: &str) -> String {
        let (s, r) = self
            .post(
                "/api/v1/requests",
                serde_json::json!({"kind": kind, "jurisdiction": "gdpr", "email": email,
                                   "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        let (s, r) = self
            .post(
                &format!("/api/v1/requests/{id}/verify"),
                serde_json::json!({"reason": "signed in to the shop"}),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        id
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
