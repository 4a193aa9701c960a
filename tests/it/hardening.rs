//! Transport and abuse limits: rate limits answer 429 with a page that says why, and HTTPS
//! with rustls sends HSTS and Secure cookies.

use steward::domain::Role;

use crate::support::{PASSWORD, TestApp, backends};

#[tokio::test]
async fn rate_limits_answer_429() {
    let app = TestApp::spawn_with(
        backends()[0],
        &[
            ("STEWARD_RATE_LOGIN", "3/minute"),
            ("STEWARD_RATE_INTAKE", "2/hour"),
            ("STEWARD_RATE_VERIFY", "2/hour"),
        ],
    )
    .await;
    app.staff(Role::Admin, "admin@staff.example", PASSWORD)
        .await;
    let b = app.browser();

    // Sign-in: three attempts, then 429 with Retry-After, even with the right password.
    for _ in 0..3 {
        let s = app
            .login(&b, "admin@staff.example", "wrong password!")
            .await
            .status();
        assert_eq!(s, 401);
    }
    let res = app.login(&b, "admin@staff.example", PASSWORD).await;
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(
        res.headers().contains_key("content-security-policy"),
        "headers still set"
    );
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many attempts"), "{page}");
    // The sign-in page itself (GET) is not limited.
    assert_eq!(
        b.get(app.url("/console/login"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // Public intake: two requests, then 429.
    let form = [
        ("kind", "access"),
        ("jurisdiction", "gdpr"),
        ("email", "a@example.org"),
    ];
    app.submit_request(&form).await;
    app.submit_request(&form).await;
    let csrf = app.csrf_of(&b, "/privacy/requests/new").await;
    let mut f = form.to_vec();
    f.push(("csrf", &csrf));
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&f)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);

    // Verification links: guessing is limited too.
    for expect in [404, 404, 429] {
        let res = b
            .get(app.url("/privacy/verify/guessed-token"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expect);
    }
}

#[tokio::test]
async fn https_sends_hsts_and_secure_cookies() {
    let app = TestApp::spawn_tls(backends()[0]).await;
    assert!(app.base.starts_with("https://"));
    app.staff(Role::Auditor, "auditor@staff.example", PASSWORD)
        .await;
    let b = app.tls_browser();
    let res = b.get(app.url("/console/login")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let hsts = res.headers()["strict-transport-security"].to_str().unwrap();
    assert!(hsts.contains("max-age=63072000"), "{hsts}");
    let form_cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(form_cookie.contains("Secure"), "{form_cookie}");

    let res = app.login(&b, "auditor@staff.example", PASSWORD).await;
    assert_eq!(res.status(), 303);
    let session = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("steward_session="))
        .unwrap();
    for flag in ["Secure", "HttpOnly", "SameSite=Strict"] {
        assert!(session.contains(flag), "{flag} in {session}");
    }
    // The whole sign-in works over TLS, second factor included.
    let (_, codes) = app.enrol(&b).await;
    assert_eq!(codes.len(), 10);
    assert_eq!(
        b.get(app.url("/console/requests"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // Plain HTTP on the same port is not served.
    let plain = app.base.replace("https://", "http://");
    let res = reqwest::Client::new()
        .get(format!("{plain}/console/login"))
        .send()
        .await;
    assert!(res.is_err() || !res.unwrap().status().is_success());
}

#[tokio::test]
async fn plain_http_sends_no_hsts() {
    let app = TestApp::spawn(backends()[0]).await;
    let res = app.browser().get(app.url("/privacy")).send().await.unwrap();
    assert!(!res.headers().contains_key("strict-transport-security"));
    for h in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
    ] {
        assert!(res.headers().contains_key(h), "{h}");
    }
}

/// The attack pass's smaller findings: HEAD is answered wherever GET is, a control character
/// in a redirect target is refused without a 500, requests cannot be dated before the GDPR,
/// and the SQLite database is private to Steward's user.
#[tokio::test]
async fn smaller_findings_of_the_attack_pass() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await;
    let c = reqwest::Client::new();
    for path in ["/privacy", "/console/login", "/healthz"] {
        let res = c.head(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "HEAD {path}");
    }
    let b = app.browser();
    let page = b
        .get(app.url("/console/login?next=/console/%0d%0aSet-Cookie:%20x=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    app.staff(Role::Admin, "crlf@staff.example", PASSWORD).await;
    let csrf = app.csrf_of(&b, "/console/login").await;
    let res = b
        .post(app.url("/console/login"))
        .form(&[
            ("email", "crlf@staff.example"),
            ("password", PASSWORD),
            ("csrf", csrf.as_str()),
            ("next", "/console/requests\r\nSet-Cookie: x=1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "signed in, not a 500");
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(!to.contains('\r') && !to.contains("Set-Cookie"), "{to}");
    assert!(
        res.headers()
            .get_all("set-cookie")
            .iter()
            .all(|v| !v.to_str().unwrap().starts_with("x="))
    );

    let api = crate::support::Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    let (s, e) = api
        .post(
            "/api/v1/requests",
            serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": "old@example.org",
                               "received_at": "0001-01-01", "send_verification": false}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("received_at")), "{e}");
    assert!(e["error"].as_str().unwrap().contains("2018-05-25"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(app.dir.join("steward.db"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the database is private");
    }
}

/// A public upload form cannot be made to buffer without bound: too many fields, or a text
/// field the size of a file, are refused while the body streams in.
#[tokio::test]
async fn multipart_forms_are_bounded() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await;
    let api = crate::support::Api {
        app: &app,
        token: app.token(Role::PrivacyOfficer).await,
    };
    // An agent's request, so its status page takes a proof upload.
    let (s, r) = api
        .post(
            "/api/v1/requests",
            serde_json::json!({"kind": "access", "jurisdiction": "ccpa", "email": "c@example.org",
                               "agent_name": "Agent Smith", "agent_email": "agent@example.org",
                               "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap();
    let url = app.svc.status_url(id, r["public_id"].as_str().unwrap());
    let proof_url = url.replacen("?token=", "/proof?token=", 1);
    let c = reqwest::Client::new();
    let mut many = reqwest::multipart::Form::new();
    for i in 0..50 {
        many = many.text(format!("f{i}"), "x");
    }
    let res = c.post(&proof_url).multipart(many).send().await.unwrap();
    assert_eq!(res.status(), 400, "too many fields");
    assert!(res.text().await.unwrap().contains("more than 8 fields"));
    // A body declaring more than a file and a form can hold is refused before it is read.
    let res = c
        .post(&proof_url)
        .header("Content-Type", "multipart/form-data; boundary=x")
        .body(vec![b'a'; 6 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413, "declared too large");
    let huge = reqwest::multipart::Form::new().text("note", "x".repeat(3 * 1024 * 1024));
    let res = c.post(&proof_url).multipart(huge).send().await.unwrap();
    assert_eq!(res.status(), 400, "an oversized text field");
    assert!(res.text().await.unwrap().contains("too long"));
}

/// Log lines written while a test runs, kept in memory.
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A handler that panics answers 500 with a reference (the connection is not dropped), in
/// JSON under `/api/` and as a page elsewhere; the one log line names the place and the
/// reference, never the panic's message, which here quotes the request's address.
#[actix_web::test]
async fn a_panicking_handler_answers_500_with_a_reference() {
    use actix_web::{App, HttpResponse, middleware, test, web};
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _log = tracing::subscriber::set_default(subscriber);
    steward::web::panics::install_hook(false);
    async fn boom(q: web::Query<std::collections::HashMap<String, String>>) -> HttpResponse {
        let who = q.get("email").cloned().unwrap_or_default();
        panic!("could not handle {who}");
    }
    // As the route table registers every handler: in its own resource, inside the catch.
    let resource = |path: &str| {
        web::resource(path.to_string())
            .wrap(middleware::from_fn(steward::web::panics::catch))
            .route(web::get().to(boom))
    };
    let app = test::init_service(
        App::new()
            .service(resource("/api/v1/boom"))
            .service(resource("/privacy/boom"))
            .route(
                "/fine",
                web::get().to(|| async { HttpResponse::Ok().body("fine") }),
            ),
    )
    .await;
    for (path, json) in [("/api/v1/boom", true), ("/privacy/boom", false)] {
        let req = test::TestRequest::get()
            .uri(&format!("{path}?email=jane.private%40example.org"))
            .to_request();
        let res = test::call_service(&app, req).await;
        assert_eq!(res.status(), 500, "{path}");
        let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
        // ("preferences" in the page's menu holds the word too.)
        let said = if json {
            "reference "
        } else {
            "this reference: "
        };
        let reference = body
            .split(said)
            .nth(1)
            .unwrap_or_else(|| panic!("{path}: no reference in {body}"))
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>();
        assert_eq!(reference.len(), 12, "{path}: {body}");
        if json {
            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert!(v["error"].as_str().unwrap().contains(&reference));
        } else {
            assert!(body.contains("<html") && body.contains("Something went wrong"));
        }
        let log = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
        let line = log
            .lines()
            .find(|l| l.contains(&reference))
            .unwrap_or_else(|| panic!("{path}: the reference is logged: {log}"));
        assert!(line.contains("tests/it/hardening.rs"), "the place: {line}");
        assert!(!log.contains("jane.private") && !body.contains("jane.private"));
    }
    // The server goes on answering.
    let res = test::call_service(&app, test::TestRequest::get().uri("/fine").to_request()).await;
    assert_eq!(res.status(), 200);
}
