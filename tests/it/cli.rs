//! The `steward` binary as an operator runs it: serve with no configuration beyond a port,
//! demo data, first admin, API token, audit check, and a bad setting.

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::Duration;

fn steward(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_steward"));
    c.current_dir(dir)
        .env_remove("STEWARD_DATABASE_URL")
        .env_remove("STEWARD_SMTP_URL")
        .env("STEWARD_LOG", "warn");
    c
}

fn temp_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("steward-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The demo's printed accounts: email, password, authenticator secret.
fn demo_accounts(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter(|l| l.contains("password: ") && l.contains("authenticator secret: "))
        .map(|l| {
            let email = l
                .split_whitespace()
                .find(|w| w.contains("@demo.example"))
                .unwrap()
                .to_string();
            let after = |key: &str| {
                l.split(key)
                    .nth(1)
                    .unwrap()
                    .split_whitespace()
                    .next()
                    .unwrap()
                    .to_string()
            };
            (email, after("password: "), after("authenticator secret: "))
        })
        .collect()
}

/// Password, then a code from the authenticator secret.
async fn sign_in(b: &reqwest::Client, base: &str, email: &str, password: &str, secret: &str) {
    let page = crate::support::page(b, format!("{base}/console/login")).await;
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    let res = b
        .post(format!("{base}/console/login"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{email}: the printed password signs in");
    let mfa = crate::support::page(b, format!("{base}/console/mfa")).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let code = crate::support::totp_at(secret, now);
    let csrf = crate::support::hidden(&mfa, "csrf").unwrap();
    let res = b
        .post(format!("{base}/console/mfa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("code", code.as_str()),
            ("next", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        303,
        "{email}: the printed secret gives the second factor"
    );
}

#[tokio::test]
async fn serve_demo_admin_token_and_audit() {
    let dir = temp_dir();
    let out = steward(&dir).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.contains("15 requests in every state") && text.contains("2 breaches"),
        "{text}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("creating a new one there"),
        "says where the new database goes"
    );
    let accounts = demo_accounts(&text);
    assert_eq!(accounts.len(), 4, "one account per role: {text}");
    // A second run changes nothing and says so.
    let again = steward(&dir).arg("demo").output().unwrap();
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("already loaded")
            && String::from_utf8_lossy(&again.stdout).contains("nothing changed"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert!(
        dir.join("steward.db").exists() && dir.join("steward.key").exists(),
        "created beside each other"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("steward.key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "the key file is private");
        // The demo's mails (invitations, confirmations) hold links: the folder and each file
        // are Steward's user's only.
        let mail = dir.join("mail");
        let mode_of =
            |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode_of(&mail), 0o700, "the mail folder is private");
        let files: Vec<_> = std::fs::read_dir(&mail)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        assert!(!files.is_empty(), "the demo wrote mail");
        for f in files {
            assert_eq!(mode_of(&f), 0o600, "{}", f.display());
        }
    }
    let key = std::fs::read_to_string(dir.join("steward.key")).unwrap();
    let db = std::fs::read(dir.join("steward.db")).unwrap();
    assert!(
        !db.windows(key.trim().len())
            .any(|w| w == key.trim().as_bytes()),
        "the key is never inside the database"
    );

    let out = steward(&dir)
        .args(["admin", "create", "--email", "root@shop.example"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("/console/setup/"),
        "prints a one-time setup link: {text}"
    );
    let out = steward(&dir)
        .args(["admin", "create", "--email", "root@shop.example"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "a second account with the same email is refused"
    );

    let mut child = steward(&dir)
        .args([
            "admin",
            "create",
            "--email",
            "ops@shop.example",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"short\n").unwrap();
    assert!(
        !child.wait().unwrap().success(),
        "the password policy applies on the command line too"
    );

    let out = steward(&dir)
        .args([
            "token",
            "create",
            "--email",
            "officer@demo.example",
            "--name",
            "ci",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(token.starts_with("stw_") && token.len() > 40);

    let out = steward(&dir)
        .args([
            "site-key",
            "create",
            "--name",
            "Shop",
            "--origin",
            "https://shop.example",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let site_key = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        site_key.starts_with("sk_") && site_key.len() > 40,
        "{site_key}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("data-site-key="),
        "prints the tag to embed"
    );
    let out = steward(&dir)
        .args([
            "site-key",
            "create",
            "--name",
            "Shop",
            "--origin",
            "shop.example",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--origin"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = steward(&dir).args(["purge", "--dry-run"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("Purge would remove: 0 expired data package(s)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // The server itself, as `cargo run --release` starts it, on a free port.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = steward(&dir)
        .arg("serve")
        .env("STEWARD_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let check = async {
        assert!(up, "steward serve answers /healthz");
        assert_eq!(
            client
                .get(format!("{base}/privacy"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        let list: serde_json::Value = client
            .get(format!("{base}/api/v1/requests"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            list["total"], 15,
            "the demo requests, through the printed token, once however often demo ran"
        );
        let statuses: std::collections::BTreeSet<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses.len(), 8, "requests in every state: {statuses:?}");
        // The demo's consent purposes, through the banner's call with the printed site key.
        let banner: serde_json::Value = client
            .get(format!(
                "{base}/api/v1/consent/banner?visitor=0123456789abcdef0123456789abcdef"
            ))
            .header("X-Steward-Site-Key", &site_key)
            .header("Origin", "https://shop.example")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            banner["purposes"].as_array().map(Vec::len),
            Some(3),
            "{banner}"
        );
        let script = client
            .get(format!("{base}/static/consent.js"))
            .send()
            .await
            .unwrap();
        assert_eq!(script.status(), 200);
        assert!(
            script.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("javascript")
        );
        // Pasted into shops' themes under its plain name: kept a day; its style sheet is
        // asked for by content hash and kept a year. Both are in the binary.
        let cache = script.headers()["cache-control"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            cache.contains("public") && cache.contains("max-age=86400"),
            "{cache}"
        );
        let body = script.text().await.unwrap();
        let css = body
            .split('\'')
            .find(|s| s.starts_with("/static/consent.css?v="))
            .expect("the banner names its style sheet by hash")
            .to_string();
        let sheet = client
            .get(format!("{base}{css}"))
            .header("Accept-Encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(sheet.status(), 200);
        let cache = sheet.headers()["cache-control"].to_str().unwrap();
        assert!(
            cache.contains("max-age=31536000") && cache.contains("immutable"),
            "{cache}"
        );
        assert_eq!(
            sheet.headers()["content-encoding"],
            "br",
            "brotli is negotiated"
        );
        // Every role signs in with its printed password and authenticator secret (each
        // code is taken once, so each account signs in once here).
        let mut officer = None;
        for (email, password, secret) in &accounts {
            let b = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            sign_in(&b, &base, email, password, secret).await;
            let home = crate::support::page(&b, format!("{base}/console")).await;
            assert!(home.contains("<h1>Overview</h1>"), "{email}: {home}");
            if email == "officer@demo.example" {
                officer = Some(b);
            }
        }
        let b = officer.expect("the demo has a privacy officer");
        let timeline = crate::support::page(
            &b,
            format!("{base}/console/requests?q=lukas.weber%40example.de"),
        )
        .await;
        assert!(timeline.contains("Lukas Weber"), "found by email");
        let breaches = crate::support::page(&b, format!("{base}/console")).await;
        assert!(breaches.contains("h left"), "a breach inside its 72 hours");
        let queue = crate::support::page(&b, format!("{base}/console/requests")).await;
        assert!(
            queue.contains("possible duplicate"),
            "the demo shows a duplicate"
        );
        assert!(
            dir.join("mail").read_dir().unwrap().count() > 0,
            "without SMTP, mail is written as files"
        );
    };
    let result = tokio::time::timeout(Duration::from_secs(60), check).await;
    let _ = server.kill();
    let _ = server.wait();
    result.expect("checks finish");

    let out = steward(&dir).args(["audit", "verify"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_variable() {
    let dir = temp_dir();
    for (var, value) in [
        ("STEWARD_TIMEZONE", "Mars/Base"),
        ("STEWARD_DATABASE_URL", "oracle://x"),
        ("STEWARD_BIND", "nowhere"),
        ("STEWARD_GDPR_COUNTRY", "us-ca"),
        ("STEWARD_GDPR_COUNTRY", "gb-sct"),
        ("STEWARD_UK_REGION", "de-by"),
    ] {
        let out = steward(&dir).arg("serve").env(var, value).output().unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().any(|l| l.contains(var)), "{var}: {err}");
    }
    let out = steward(&dir)
        .arg("serve")
        .env("STEWARD_DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .to_lowercase()
            .contains("connect"),
        "PostgreSQL's own message"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every `STEWARD_*` variable set to a production-like value (real SMTP, HTTPS, a given key,
/// PostgreSQL where reachable): every subcommand succeeds, and a request filed on the served
/// form gets its verification email through the SMTP server.
#[tokio::test]
async fn every_command_with_production_settings() {
    for backend in crate::support::backends() {
        production(backend).await;
    }
}

async fn production(backend: crate::support::Backend) {
    let dir = temp_dir();
    let database = crate::support::FreshDatabase::new(backend, &dir);
    let smtp = crate::support::smtp::SmtpSink::start().await;
    let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).unwrap();
    std::fs::write(dir.join("cert.pem"), cert.cert.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), cert.signing_key.serialize_pem()).unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("https://127.0.0.1:{port}");
    let vars: Vec<(&str, String)> = vec![
        ("STEWARD_DATABASE_URL", database.url.clone()),
        ("STEWARD_BIND", format!("127.0.0.1:{port}")),
        ("STEWARD_BASE_URL", base.clone()),
        ("STEWARD_SMTP_URL", smtp.url()),
        (
            "STEWARD_MAIL_FROM",
            "Privacy Team <privacy@shop.example>".into(),
        ),
        (
            "STEWARD_MAIL_DIR",
            dir.join("unused-mail").display().to_string(),
        ),
        ("STEWARD_SECRET_KEY", "ab".repeat(32)),
        ("STEWARD_TIMEZONE", "Europe/Berlin".into()),
        (
            "STEWARD_TLS_CERT",
            dir.join("cert.pem").display().to_string(),
        ),
        ("STEWARD_TLS_KEY", dir.join("key.pem").display().to_string()),
        ("STEWARD_TASK_LEAD_DAYS", "5".into()),
        ("STEWARD_SCHEDULER_INTERVAL_MS", "1000".into()),
        ("STEWARD_RATE_LOGIN", "20/minute".into()),
        ("STEWARD_RATE_INTAKE", "30/hour".into()),
        ("STEWARD_RATE_VERIFY", "60/hour".into()),
        ("STEWARD_LOG", "info".into()),
        ("STEWARD_TRUSTED_PROXIES", "10.0.0.0/8, ::1".into()),
    ];
    let run = |args: &[&str]| {
        let out = steward(&dir)
            .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{backend:?} `steward {}` exits 0: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    run(&["migrate"]);
    assert!(run(&["admin", "create", "--email", "root@shop.example"]).contains("/console/setup/"));
    // The database holds an administrator already: the demo asks for --force.
    let refused = steward(&dir)
        .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
        .arg("demo")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--force"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    run(&["demo", "--force"]);
    assert!(
        run(&[
            "token",
            "create",
            "--email",
            "officer@demo.example",
            "--name",
            "ci"
        ])
        .starts_with("stw_")
    );
    assert!(run(&["audit", "verify"]).contains("intact"));

    let mut server = steward(&dir)
        .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let b = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap())
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let check = async {
        let mut up = false;
        for _ in 0..150 {
            if b.get(format!("{base}/healthz"))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                up = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(up, "{backend:?}: steward serve answers over HTTPS");
        let form = crate::support::page(&b, format!("{base}/privacy/requests/new")).await;
        let csrf = crate::support::hidden(&form, "csrf").unwrap();
        let res = b
            .post(format!("{base}/privacy/requests/new"))
            .form(&[
                ("kind", "access"),
                ("jurisdiction", "gdpr"),
                ("email", "grace.hopper@example.org"),
                ("name", "Grace Hopper"),
                ("csrf", csrf.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}: the request is filed");
        let mail = &smtp.wait_for("grace.hopper@example.org", 1).await[0];
        assert!(
            crate::support::link_with(&mail.body, "/privacy/verify/").starts_with(&base),
            "{backend:?}: the verification mail came through SMTP"
        );
    };
    let result = tokio::time::timeout(Duration::from_secs(60), check).await;
    let alive = server.try_wait().unwrap().is_none();
    let _ = server.kill();
    let out = server.wait_with_output().unwrap();
    assert!(
        alive,
        "{backend:?}: serve stopped: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    result.expect("checks finish");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("Steward listening"),
        "{backend:?}: the server's log was read: {log}"
    );
    assert_eq!(
        crate::support::logs::address_in(&log),
        None,
        "{backend:?}: the production server's log holds no address: {log}"
    );
    assert!(
        !dir.join("unused-mail").exists()
            || dir.join("unused-mail").read_dir().unwrap().count() == 0,
        "with SMTP set, no mail is written to files"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_smtp_server_that_does_not_answer_stops_start_up_naming_the_variable() {
    let dir = temp_dir();
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for command in [&["serve"][..], &["demo"][..]] {
        let out = steward(&dir)
            .args(command)
            .env("STEWARD_BIND", "127.0.0.1:0")
            .env("STEWARD_SMTP_URL", format!("smtp://127.0.0.1:{closed}"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command:?}: {err}");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{command:?}: an error, not a panic: {err}"
        );
        assert!(
            err.lines()
                .any(|l| l.contains("STEWARD_SMTP_URL")
                    && l.contains(&format!("127.0.0.1:{closed}"))),
            "{command:?}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Run from the wrong folder, a command that acts on the server's data says where it looked
/// instead of quietly making a new database (whose accounts the server would never see).
#[test]
fn commands_refuse_to_start_a_database_somewhere_unexpected() {
    let dir = temp_dir();
    for args in [
        &["admin", "create", "--email", "root@shop.example"][..],
        &[
            "token",
            "create",
            "--email",
            "root@shop.example",
            "--name",
            "ci",
        ][..],
        &["audit", "verify"][..],
        &["purge", "--dry-run"][..],
    ] {
        let out = steward(&dir).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no Steward database at") && err.contains("STEWARD_DATABASE_URL"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(&*dir.join("steward.db").display().to_string()),
            "names the path it looked at: {err}"
        );
    }
    assert!(!dir.join("steward.db").exists() && !dir.join("steward.key").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A webhook store that takes `delay` to answer each job; each job's arrival is sent on the
/// channel. Answers 200 with no body.
fn slow_hook(delay: Duration) -> (String, std::sync::mpsc::Receiver<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/privacy-jobs", listener.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let tx = tx.clone();
            std::thread::spawn(move || {
                use std::io::{Read, Write};
                let mut buf = [0u8; 65536];
                let _ = stream.read(&mut buf);
                let _ = tx.send(());
                std::thread::sleep(delay);
                let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            });
        }
    });
    (url, rx)
}

/// SIGTERM while a connector job is under way: the server stops accepting, the job gets a
/// bounded time to finish, and the process exits 0. A job that finishes in time is saved;
/// one that does not hands its claim back (due at once for the next process, instead of after
/// the claim's ten minutes).
#[test]
fn sigterm_finishes_or_hands_back_running_jobs_and_exits_0() {
    for (delay, finishes) in [
        (Duration::from_secs(2), true),
        (Duration::from_secs(60), false),
    ] {
        let dir = temp_dir();
        assert!(steward(&dir).arg("migrate").status().unwrap().success());
        let out = steward(&dir)
            .args(["admin", "create", "--email", "root@shop.example"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = steward(&dir)
            .args([
                "token",
                "create",
                "--email",
                "root@shop.example",
                "--name",
                "t",
            ])
            .output()
            .unwrap();
        let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let (hook, arrived) = slow_hook(delay);
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut server = steward(&dir)
            .arg("serve")
            .env("STEWARD_BIND", format!("127.0.0.1:{port}"))
            .env("STEWARD_STORE_ALLOW", "127.0.0.1")
            .env("STEWARD_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let client = reqwest::Client::new();
            for _ in 0..200 {
                if client.get(format!("{base}/healthz")).send().await.is_ok() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let post = |path: &str, body: serde_json::Value| {
                client
                    .post(format!("{base}{path}"))
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
            };
            let mut store = crate::stores::art30("Support desk", "webhook", "root@shop.example");
            store["url"] = hook.clone().into();
            store["secret"] = "whsec-0123456789abcdef".into();
            let res = post("/api/v1/stores", store).await.unwrap();
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
            let res = post(
                "/api/v1/requests",
                serde_json::json!({"kind": "deletion", "jurisdiction": "gdpr",
                    "email": "term@example.org", "send_verification": false}),
            )
            .await
            .unwrap();
            let r: serde_json::Value = res.json().await.unwrap();
            let id = r["id"].as_str().unwrap();
            let res = post(
                &format!("/api/v1/requests/{id}/verify"),
                serde_json::json!({"reason": "known customer"}),
            )
            .await
            .unwrap();
            assert!(res.status().is_success(), "{}", res.text().await.unwrap());
        });
        arrived
            .recv_timeout(Duration::from_secs(30))
            .expect("the job reached the store");
        let term = Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status()
            .unwrap();
        assert!(term.success());
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(s) = server.try_wait().unwrap() {
                break s;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "stopped within the bound"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut log = String::new();
        std::io::Read::read_to_string(&mut server.stderr.take().unwrap(), &mut log).unwrap();
        assert!(status.success(), "exit 0: {status:?}\n{log}");
        let said = if finishes {
            // (It may have ended before the scheduler was told to stop.)
            "connector job(s) finished, 0 handed back"
        } else {
            "0 connector job(s) finished, 1 handed back"
        };
        assert!(log.contains(said), "{log}");

        use diesel::{Connection, RunQueryDsl};
        #[derive(diesel::QueryableByName)]
        struct Task {
            #[diesel(sql_type = diesel::sql_types::Text)]
            status: String,
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamp>)]
            claimed_until: Option<chrono::NaiveDateTime>,
        }
        let mut c =
            diesel::SqliteConnection::establish(&dir.join("steward.db").display().to_string())
                .unwrap();
        let tasks: Vec<Task> = diesel::sql_query("SELECT status, claimed_until FROM tasks")
            .load(&mut c)
            .unwrap();
        assert_eq!(tasks.len(), 1);
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let sent: Vec<Count> =
            diesel::sql_query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'task.sent'")
                .load(&mut c)
                .unwrap();
        assert_eq!(
            tasks[0].status, "running",
            "a webhook task awaits the store's result"
        );
        if finishes {
            assert_eq!(sent[0].n, 1, "the job's outcome was saved: {log}");
        } else {
            assert_eq!(sent[0].n, 0, "{log}");
            let until = tasks[0].claimed_until.unwrap();
            assert!(
                until <= chrono::Utc::now().naive_utc(),
                "the claim was handed back: {until}"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
