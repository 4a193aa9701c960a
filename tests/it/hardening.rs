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
