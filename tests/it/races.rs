//! Several processes, one request: two real `steward serve` processes on one PostgreSQL
//! database (one process on SQLite), with clients racing the same request through both.
//! Every request ends in exactly one state, losers get 409, nothing answers 5xx, one email
//! goes out per transition that happened, and the audit chain holds.

use std::collections::HashMap;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use steward::db::{DatabaseUrl, Db, requests};

use crate::support::hook::Hook;
use crate::support::smtp::SmtpSink;
use crate::support::{Backend, FreshDatabase, backends};

const KEY: &str = "5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee1";

/// A `steward serve` process, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Cluster {
    dir: std::path::PathBuf,
    database: FreshDatabase,
    smtp: SmtpSink,
    servers: Vec<Server>,
    token: String,
}

fn steward(dir: &std::path::Path, database_url: &str, smtp: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_steward"));
    c.current_dir(dir)
        .env("STEWARD_DATABASE_URL", database_url)
        .env("STEWARD_SECRET_KEY", KEY)
        .env("STEWARD_SMTP_URL", smtp)
        .env("STEWARD_MAIL_FROM", "Privacy <privacy@shop.example>")
        .env("STEWARD_TIMEZONE", "Europe/Berlin")
        .env("STEWARD_SCHEDULER_INTERVAL_MS", "100")
        .env("STEWARD_RATE_LOGIN", "off")
        .env("STEWARD_RATE_INTAKE", "off")
        .env("STEWARD_RATE_VERIFY", "off")
        .env("STEWARD_LOG", "warn")
        .env("STEWARD_STORE_ALLOW", "127.0.0.1")
        .stdin(Stdio::null());
    c
}

impl Cluster {
    async fn start(backend: Backend, processes: usize) -> Cluster {
        let dir = std::env::temp_dir().join(format!("steward-race-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let database = FreshDatabase::new(backend, &dir);
        let smtp = SmtpSink::start().await;
        let run = |args: &[&str]| {
            let out = steward(&dir, &database.url, &smtp.url())
                .args(args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "steward {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        run(&["migrate"]);
        let mut admin = steward(&dir, &database.url, &smtp.url())
            .args([
                "admin",
                "create",
                "--email",
                "racer@shop.example",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        admin
            .stdin
            .take()
            .unwrap()
            .write_all(b"orbit kettle velvet 42\n")
            .unwrap();
        assert!(admin.wait().unwrap().success());
        let token = run(&[
            "token",
            "create",
            "--email",
            "racer@shop.example",
            "--name",
            "race",
        ]);
        let mut servers = Vec::new();
        for _ in 0..processes {
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let base = format!("http://127.0.0.1:{port}");
            let child = steward(&dir, &database.url, &smtp.url())
                .arg("serve")
                .env("STEWARD_BIND", format!("127.0.0.1:{port}"))
                .env("STEWARD_BASE_URL", &base)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            servers.push(Server { child, base });
        }
        let client = reqwest::Client::new();
        for s in &servers {
            let mut up = false;
            for _ in 0..200 {
                if client
                    .get(format!("{}/healthz", s.base))
                    .send()
                    .await
                    .is_ok_and(|r| r.status() == 200)
                {
                    up = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert!(up, "{} answers", s.base);
        }
        Cluster {
            dir,
            database,
            smtp,
            servers,
            token,
        }
    }

    /// The base URL of the n-th client's process (both clients share it with one process).
    fn base(&self, n: usize) -> &str {
        &self.servers[n % self.servers.len()].base
    }

    async fn post(&self, n: usize, path: &str, body: Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(format!("{}{path}", self.base(n)))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// A new request (no email of its own), optionally verified, for `subject`.
    async fn request(&self, subject: &str, verified: bool) -> String {
        let (s, r) = self
            .post(
                0,
                "/api/v1/requests",
                json!({"kind": "access", "jurisdiction": "gdpr", "email": subject,
                       "send_verification": false}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        if verified {
            let (s, v) = self.verify(0, &id).await;
            assert_eq!(s, 200, "{v}");
        }
        id
    }

    async fn verify(&self, n: usize, id: &str) -> (u16, Value) {
        self.post(
            n,
            &format!("/api/v1/requests/{id}/verify"),
            json!({"reason": "Matched the order number"}),
        )
        .await
    }

    async fn act(&self, n: usize, id: &str, action: &str) -> (u16, Value) {
        let body = match action {
            "deny" => json!({"denial_reason": "manifestly_unfounded", "reason": "Repeated"}),
            "complete" => json!({}),
            _ => json!({"reason": "We need your order number"}),
        };
        self.post(n, &format!("/api/v1/requests/{id}/{action}"), body)
            .await
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.servers.clear();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Timeline events of a request by action.
async fn events(url: &str, id: &str) -> HashMap<String, usize> {
    let (url, id) = (url.to_string(), id.to_string());
    tokio::task::spawn_blocking(move || {
        let db = Db::connect(&DatabaseUrl::parse(&url).unwrap()).unwrap();
        let mut c = db.get().unwrap();
        let mut m = HashMap::new();
        for e in requests::events(&mut c, &id).unwrap() {
            *m.entry(e.action.as_str().to_string()).or_default() += 1;
        }
        m
    })
    .await
    .unwrap()
}

const RACES: usize = 50;

async fn race(backend: Backend, processes: usize) {
    let cluster = Cluster::start(backend, processes).await;
    let c = &cluster;
    // (name, verified first, first client's action, second client's action)
    let scenarios = [
        ("complete-deny", true, "complete", "deny"),
        ("extend-extend", true, "extend", "extend"),
        ("pause-complete", true, "pause", "complete"),
        ("verify-verify", false, "verify", "verify"),
    ];
    for (name, verified, a, b) in scenarios {
        if name == "verify-verify" {
            // With a store, a verification fans out: the loser must not fan out again.
            let (s, store) = c
                .post(
                    0,
                    "/api/v1/stores",
                    json!({"name": "Desk", "kind": "manual", "owner_email": "racer@shop.example",
                           "purposes": "Support", "legal_basis": "Contract",
                           "data_categories": "Contact details", "subject_categories": "Customers",
                           "retention": "2 years"}),
                )
                .await;
            assert_eq!(s, 201, "{store}");
        }
        let mut winners: HashMap<&str, usize> = HashMap::new();
        for i in 0..RACES {
            let subject = format!("{name}-{i}@example.org");
            let id = c.request(&subject, verified).await;
            let run = |n: usize, action: &'static str| {
                let id = id.clone();
                async move {
                    if action == "verify" {
                        c.verify(n, &id).await
                    } else {
                        c.act(n, &id, action).await
                    }
                }
            };
            let ((sa, ra), (sb, rb)) = tokio::join!(run(0, a), run(1, b));
            let ctx = format!("{backend:?} {name} #{i}: {sa} {ra} / {sb} {rb}");
            assert!(sa < 500 && sb < 500, "no 5xx: {ctx}");
            let mut codes = [sa, sb];
            codes.sort();
            assert_eq!(codes, [200, 409], "one wins, the other is told 409: {ctx}");
            let (winner, body, loser, lost) = if sa == 200 {
                (a, ra, b, rb)
            } else {
                (b, rb, a, ra)
            };
            *winners.entry(winner).or_default() += 1;
            assert!(
                lost["error"].as_str().is_some_and(|e| !e.is_empty()),
                "the loser is told why: {ctx}"
            );
            // Exactly one event for the action that happened, none for the one refused.
            let ev = events(&c.database.url, &id).await;
            let verb = |action: &str| action.to_string();
            assert_eq!(ev.get(&verb(winner)), Some(&1), "{ctx}: {ev:?}");
            if loser != winner {
                assert_eq!(ev.get(&verb(loser)), None, "{ctx}: {ev:?}");
            }
            let final_status = body["status"].as_str().unwrap().to_string();
            let (_, now) = (
                0,
                reqwest::Client::new()
                    .get(format!("{}/api/v1/requests/{id}", c.base(0)))
                    .bearer_auth(&c.token)
                    .send()
                    .await
                    .unwrap()
                    .json::<Value>()
                    .await
                    .unwrap(),
            );
            assert_eq!(
                now["status"],
                final_status.as_str(),
                "one final state: {ctx}"
            );
            if winner == "complete" {
                assert!(now["denial_reason"].is_null(), "{ctx}");
            }
            if winner == "verify" {
                assert_eq!(
                    now["tasks"].as_array().unwrap().len(),
                    1,
                    "one fan-out: {ctx}"
                );
                assert_eq!(ev.get("start"), Some(&1), "{ctx}: {ev:?}");
            }
            // One email per transition that happened (a staff verification sends none).
            let expected = usize::from(winner != "verify");
            if expected > 0 {
                c.smtp.wait_for(&subject, expected).await;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            assert_eq!(c.smtp.mails_to(&subject).len(), expected, "{ctx}");
        }
        eprintln!("{backend:?} {name}: winners {winners:?}");
    }
    let out = steward(&c.dir, &c.database.url, &c.smtp.url())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{backend:?}: the audit chain holds: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn two_processes_race_every_transition_on_postgresql() {
    if !backends().contains(&Backend::Postgres) {
        eprintln!("NOTE: PostgreSQL not reachable: two-process race suite SKIPPED");
        return;
    }
    race(Backend::Postgres, 2).await;
}

#[tokio::test]
async fn concurrent_clients_race_every_transition_on_sqlite() {
    race(Backend::Sqlite, 1).await;
}

const TASKS: usize = 60;

/// A store answering 500: across two processes, no task is delivered again before the
/// first back-off step (one minute) has passed.
#[tokio::test]
async fn retries_wait_their_turn_across_processes() {
    if !backends().contains(&Backend::Postgres) {
        eprintln!("NOTE: PostgreSQL not reachable: cross-process back-off check SKIPPED");
        return;
    }
    let c = Cluster::start(Backend::Postgres, 2).await;
    let hook = Hook::start().await;
    hook.answer(500);
    let (s, store) = c
        .post(
            0,
            "/api/v1/stores",
            json!({"name": "Billing", "kind": "webhook", "owner_email": "racer@shop.example",
               "url": hook.url, "secret": "whsec-0123456789abcdef",
               "purposes": "Billing", "legal_basis": "Contract", "data_categories": "Invoices",
               "subject_categories": "Customers", "retention": "10 years"}),
        )
        .await;
    assert_eq!(s, 201, "{store}");
    // Verified all at once through both processes, so both schedulers find a backlog.
    let mut ids = Vec::new();
    for i in 0..TASKS {
        ids.push(c.request(&format!("retry-{i}@example.org"), false).await);
    }
    let verifies = ids.iter().enumerate().map(|(n, id)| c.verify(n, id));
    for (s, v) in futures_util::future::join_all(verifies).await {
        assert_eq!(s, 200, "{v}");
    }
    // Both schedulers look every 100 ms; give them 4 s to misbehave.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let mut per_task: HashMap<String, Vec<std::time::Instant>> = HashMap::new();
    for hit in hook.hits() {
        per_task
            .entry(hit.headers["x-steward-task"].clone())
            .or_default()
            .push(hit.at);
    }
    assert_eq!(
        per_task.len(),
        TASKS,
        "every task was delivered once at least"
    );
    for (task, at) in &per_task {
        for pair in at.windows(2) {
            let gap = pair[1] - pair[0];
            assert!(
                gap >= Duration::from_secs(60),
                "task {task} delivered again after {gap:?}, before the back-off's first step"
            );
        }
    }
}
