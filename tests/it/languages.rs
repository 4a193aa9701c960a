//! The customer's language: chosen by the switch (a cookie), else the browser, else the
//! shop's default; kept by the request for every later email; and no customer-facing text
//! outside the message files (the pseudo-language marks every message, so whatever is left
//! unmarked on a page or in an email did not come from them).

use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};
use steward::domain::Language;
use steward::l10n::Tr;

use crate::support::{Api, Backend, TestApp, hidden, link_with, path_of};

fn browser_speaking(language: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(language).unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn text(b: &reqwest::Client, url: &str) -> (u16, String) {
    let res = b.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Text as a page shows it: HTML's escapes undone (askama escapes apostrophes and quotes).
fn unescaped(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[tokio::test]
async fn a_request_filed_in_german_is_answered_in_german_and_the_switch_sticks() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let de = Tr::new(Language::De);
    let fr = Tr::new(Language::Fr);
    let b = browser_speaking("de-AT, de;q=0.9, en;q=0.5");

    // The form in German, from the browser's languages alone.
    let (status, form) = text(&b, &app.url("/privacy/requests/new")).await;
    assert_eq!(status, 200);
    let form = unescaped(&form);
    assert!(form.contains("<html lang=\"de\">"), "{form}");
    assert!(form.contains(&de.t("form-title")) && form.contains(&de.t("form-send")));
    assert!(form.contains(&de.kind(steward::domain::RequestKind::Deletion)));

    // Field errors in German, naming the field, with what was typed kept.
    let csrf = hidden(&form, "csrf").unwrap();
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", "not an address"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = unescaped(&res.text().await.unwrap());
    assert!(
        page.contains(&format!(
            "{}: {}",
            de.t("field-email"),
            de.t("problem-email")
        )),
        "{page}"
    );
    assert!(page.contains("value=\"not an address\""));
    assert!(
        !page.contains("is not a valid email address"),
        "English left"
    );

    // Filed: the confirmation email is German.
    let email = "grete.german@example.org";
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[
            ("kind", "access"),
            ("jurisdiction", "gdpr"),
            ("email", email),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let mail = &app.smtp.wait_for(email, 1).await[0];
    let reference = mail
        .subject
        .split_whitespace()
        .find(|w| w.starts_with("SR-"))
        .unwrap()
        .to_string();
    assert_eq!(
        mail.subject,
        de.t1("email-verify-subject", "reference", reference.as_str())
    );
    assert!(
        mail.body.starts_with(&de.t("email-greeting")),
        "{}",
        mail.body
    );
    assert!(mail.body.contains(&de.t("email-follow")));

    // The confirmation page and the status page, in German.
    let verify = link_with(&mail.body, "/privacy/verify/");
    let (_, confirm) = text(&b, &verify).await;
    let confirm = unescaped(&confirm);
    assert!(confirm.contains(&de.t("confirm-button")), "{confirm}");
    let res = b.post(&verify).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let status_path = res.headers()["location"].to_str().unwrap().to_string();
    let (_, status_page) = text(&b, &app.url(&status_path)).await;
    let status_page = unescaped(&status_page);
    assert!(
        status_page.contains(&de.t("status-confirmed-now")),
        "{status_page}"
    );
    assert!(status_page.contains(&de.t("status-timeline")));
    assert!(status_page.contains(&de.event(steward::domain::timeline::TimelineAction::Received)));

    // Switching to French on the status page comes back to it, in French, and sticks.
    let switch = status_page
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.starts_with("/privacy/language/fr?"))
        .expect("a switch to French")
        .to_string();
    let res = b.get(app.url(&switch)).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(path_of(&app.url(&back)), path_of(&app.url(&status_path)));
    let (_, french) = text(&b, &app.url(&back)).await;
    let french = unescaped(&french);
    assert!(french.contains("<html lang=\"fr\">"), "{french}");
    assert!(french.contains(&fr.t("status-timeline")));
    let (_, rights) = text(&b, &app.url("/privacy")).await;
    assert!(
        unescaped(&rights).contains(&fr.t("rights-title")),
        "the choice sticks"
    );

    // The API shows the language the request was filed in.
    let api = Api {
        app: &app,
        token: app.token(steward::domain::Role::PrivacyOfficer).await,
    };
    let (s, r) = api.get(&format!("/api/v1/requests/{reference}")).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["language"], "de");

    // Completed by staff: the email is German whatever language the subject browses in
    // now, and says the data is ready to download.
    let id = r["id"].as_str().unwrap().to_string();
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{id}/complete"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let mails = app.smtp.wait_for(email, 2).await;
    let done = &mails[1];
    assert_eq!(
        done.subject,
        de.t1("email-completed-subject", "reference", reference.as_str())
    );
    assert!(
        done.body.contains(&de.t("email-package-ready")),
        "{}",
        done.body
    );
}

#[tokio::test]
async fn a_refusal_in_spanish_names_the_complaint_and_the_judicial_remedy() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let es = Tr::new(Language::Es);
    let api = Api {
        app: &app,
        token: app.token(steward::domain::Role::PrivacyOfficer).await,
    };
    // A language Steward does not speak is refused by name.
    let (s, r) = api
        .post(
            "/api/v1/requests",
            serde_json::json!({"kind": "deletion", "jurisdiction": "gdpr",
                               "email": "x@example.org", "language": "sv"}),
        )
        .await;
    assert_eq!(s, 422, "{r}");
    assert_eq!(r["field"], "language");

    let email = "elena.espanol@example.org";
    let (s, r) = api
        .post(
            "/api/v1/requests",
            serde_json::json!({"kind": "deletion", "jurisdiction": "gdpr", "email": email,
                               "language": "es", "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["language"], "es");
    let id = r["id"].as_str().unwrap().to_string();
    let reference = r["public_id"].as_str().unwrap().to_string();
    let (s, r) = api
        .post(
            &format!("/api/v1/requests/{id}/deny"),
            serde_json::json!({"denial_reason": "identity_not_verified",
                               "reason": "No respondió a nuestra solicitud de verificación."}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let mail = &app.smtp.wait_for(email, 1).await[0];
    assert_eq!(
        mail.subject,
        es.t1("email-denied-subject", "reference", reference.as_str())
    );
    assert!(
        mail.body.contains(&es.t("email-denied-remedies")),
        "{}",
        mail.body
    );
    let remedies = es.t("email-denied-remedies");
    assert!(
        remedies.contains("reclamación") && remedies.contains("autoridad de control"),
        "{remedies}"
    );
    assert!(remedies.contains("tutela judicial"), "{remedies}");
    assert!(
        mail.body
            .contains(&es.denial(steward::domain::DenialReason::IdentityNotVerified))
    );
    assert!(mail.body.contains("No respondió"), "staff's reason kept");
}

#[tokio::test]
async fn staff_may_send_a_request_s_emails_in_another_language() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let staff = app
        .signed_in_as(steward::domain::Role::PrivacyOfficer)
        .await;
    let api = Api {
        app: &app,
        token: app.token(steward::domain::Role::PrivacyOfficer).await,
    };
    let email = "piet@example.org";
    let (s, r) = api
        .post(
            "/api/v1/requests",
            serde_json::json!({"kind": "access", "jurisdiction": "gdpr", "email": email,
                               "send_verification": false}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["language"], "en", "the shop's default");
    let id = r["id"].as_str().unwrap().to_string();
    let reference = r["public_id"].as_str().unwrap().to_string();
    let page =
        crate::support::page(&staff.client, app.url(&format!("/console/requests/{id}"))).await;
    assert!(page.contains("Language of emails"), "{page}");
    let csrf = hidden(&page, "csrf").unwrap();
    let res = staff
        .client
        .post(app.url(&format!("/console/requests/{id}/language")))
        .form(&[("language", "xx"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = staff
        .client
        .post(app.url(&format!("/console/requests/{id}/language")))
        .form(&[("language", "nl"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, r) = api.get(&format!("/api/v1/requests/{id}")).await;
    assert_eq!(r["language"], "nl");
    let (s, _) = api
        .post(
            &format!("/api/v1/requests/{id}/pause"),
            serde_json::json!({"reason": "Stuur ons uw klantnummer."}),
        )
        .await;
    assert_eq!(s, 200);
    let nl = Tr::new(Language::Nl);
    let mail = &app.smtp.wait_for(email, 1).await[0];
    assert_eq!(
        mail.subject,
        nl.t1("email-paused-subject", "reference", reference.as_str())
    );
    assert!(
        mail.body.starts_with(&nl.t("email-greeting")),
        "{}",
        mail.body
    );
    let (_, audit) = api.text("/api/v1/exports/audit.csv").await;
    assert!(audit.contains("request.language"), "the change is audited");
}

/// What a page shows or reads aloud: text between tags and the attributes a screen reader
/// or a narrow table shows (`aria-label`, `data-label`, `title`, `alt`, `placeholder`),
/// with scripts and styles left out and HTML's escapes undone.
fn shown(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push(unescaped(&rest[..open]));
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..tag_end];
        for attr in ["aria-label", "data-label", "title", "alt", "placeholder"] {
            if let Some(v) = tag
                .split(&format!(" {attr}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
            {
                out.push(unescaped(v));
            }
        }
        rest = &rest[tag_end..];
        for hidden in ["script", "style"] {
            if tag.starts_with(&format!("<{hidden}")) {
                let close = format!("</{hidden}>");
                rest = rest.find(&close).map_or("", |e| &rest[e + close.len()..]);
            }
        }
    }
    out.push(unescaped(rest));
    out.into_iter().filter(|t| !t.trim().is_empty()).collect()
}

/// The text outside the pseudo-language's marks (which nest: a message inside a message).
fn unmarked(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Fails on any text of the page that is neither from the message files nor one of the
/// data values the page shows (a reference, an address, names the shop typed).
#[track_caller]
fn all_from_the_files(what: &str, html: &str, data: &[&str]) {
    assert!(
        html.contains("⟦"),
        "{what}: not in the pseudo-language:\n{html}"
    );
    for piece in shown(html) {
        let mut left = unmarked(&piece);
        for value in data {
            left = left.replace(value, "");
        }
        let stray: String = left
            .chars()
            .filter(|c| !c.is_whitespace() && !"·—–-:,.;()/🌐".contains(*c) && !c.is_ascii_digit())
            .collect();
        assert!(
            stray.is_empty(),
            "{what}: text not from the message files: {:?} (in {piece:?})",
            left.trim()
        );
    }
}

#[tokio::test]
async fn every_public_page_and_email_has_no_text_outside_the_message_files() {
    let app = TestApp::spawn_with(Backend::Sqlite, &[("STEWARD_PSEUDO_LANGUAGE", "on")]).await;
    let b = app.browser();
    let res = b
        .get(app.url("/privacy/language/qps-ploc?back=/privacy"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let get = |path: String| {
        let b = b.clone();
        let url = app.url(&path);
        async move { text(&b, &url).await.1 }
    };

    all_from_the_files("rights", &get("/privacy".into()).await, &[]);
    let form = get("/privacy/requests/new".into()).await;
    all_from_the_files("request form", &form, &[]);
    all_from_the_files(
        "sent",
        &get("/privacy/requests/sent?ref=SR-ABCDEFGH".into()).await,
        &["SR-ABCDEFGH"],
    );
    all_from_the_files("not found", &get("/privacy/no-such-page".into()).await, &[]);
    all_from_the_files(
        "unknown link",
        &get("/privacy/verify/not-a-link".into()).await,
        &[],
    );

    // Every field error the form can show.
    let csrf = hidden(&form, "csrf").unwrap();
    let long = "x".repeat(300);
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[
            ("kind", "correction"),
            ("jurisdiction", "gdpr"),
            ("email", "not an address"),
            ("name", long.as_str()),
            ("correct_phone", "call me"),
            ("correction_what", "bad\u{7}"),
            ("agent", "yes"),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let errors = res.text().await.unwrap();
    assert!(errors.matches("field-error").count() >= 6, "{errors}");
    all_from_the_files(
        "form errors",
        &errors,
        &["not an address", &long, "call me", "bad\u{7}"],
    );
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[("kind", ""), ("csrf", "stale")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    all_from_the_files("expired form", &res.text().await.unwrap(), &[]);

    // A Californian agent's correction: confirmation, status, proof and its errors.
    let email = "pseudo@example.org";
    let res = b
        .post(app.url("/privacy/requests/new"))
        .form(&[
            ("kind", "correction"),
            ("jurisdiction", "ccpa"),
            ("email", email),
            ("correct_phone", "+1 415 555 0100"),
            ("agent", "yes"),
            ("agent_name", "Avery Agent"),
            ("agent_email", "agent@example.org"),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let mail = &app.smtp.wait_for(email, 1).await[0];
    let reference = mail
        .subject
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .find(|w| w.starts_with("SR-"))
        .unwrap()
        .to_string();
    let verify = link_with(&mail.body, "/privacy/verify/");
    let status = link_with(&mail.body, "/privacy/requests/");
    // A request keeps a real language (the pseudo-language is English underneath): its
    // emails are checked in every language by `every_email_in_every_language_is_whole`.
    assert_eq!(
        mail.subject,
        Tr::new(Language::En).t1("email-verify-subject", "reference", reference.as_str())
    );
    let data = [reference.as_str(), email];
    all_from_the_files("confirm", &get(path_of(&verify)).await, &data);
    all_from_the_files("status, verifying", &get(path_of(&status)).await, &data);
    let res = b.post(&verify).send().await.unwrap();
    let after = res.headers()["location"].to_str().unwrap().to_string();
    all_from_the_files("status, confirmed", &get(after.clone()).await, &data);
    let token = after
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let part = reqwest::multipart::Part::bytes(b"not a document".to_vec()).file_name("x.txt");
    let res = b
        .post(app.url(&format!(
            "/privacy/requests/{reference}/proof?token={token}"
        )))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    all_from_the_files("proof refused", &res.text().await.unwrap(), &data);

    // The preference centre: asking, the errors, the link, the choices and their history.
    let api = Api {
        app: &app,
        token: app.token(steward::domain::Role::Admin).await,
    };
    let (s, r) = api
        .post(
            "/api/v1/purposes",
            serde_json::json!({"key": "newsletter", "name": "Newsletter",
                               "notice_text": "Monthly news.", "description": "Product news"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let (s, r) = api
        .post(
            "/api/v1/consent",
            serde_json::json!({"subject": email, "purpose": "newsletter", "status": "granted",
                               "method": "web_form", "jurisdiction": "gdpr"}),
        )
        .await;
    assert!(s == 200 || s == 201, "{s} {r}");
    let ask = get("/privacy/preferences".into()).await;
    all_from_the_files("preferences, ask", &ask, &[]);
    let csrf = hidden(&ask, "csrf").unwrap();
    let res = b
        .post(app.url("/privacy/preferences"))
        .form(&[("email", "nope"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    all_from_the_files("preferences, error", &res.text().await.unwrap(), &["nope"]);
    let res = b
        .post(app.url("/privacy/preferences"))
        .form(&[("email", email), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    all_from_the_files("preferences, sent", &res.text().await.unwrap(), &[email]);
    let mails = app.smtp.wait_for(email, 2).await;
    let link = link_with(&mails[1].body, "/privacy/preferences/");
    let left = unmarked(&mails[1].body).replace(&link, "");
    assert!(
        left.trim().is_empty(),
        "email text not from the files: {left:?}"
    );
    let open = get(path_of(&link)).await;
    all_from_the_files("preferences, open", &open, &[]);
    let res = b
        .post(&link)
        .form(&[("csrf", hidden(&open, "csrf").unwrap())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let choices = get("/privacy/preferences".into()).await;
    let receipt = choices
        .split("class=\"receipt\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("a receipt in the history")
        .to_string();
    all_from_the_files(
        "preferences, choices",
        &choices,
        &[
            email,
            "Newsletter",
            "Monthly news",
            "Product news",
            &receipt,
        ],
    );
    all_from_the_files("used link", &get(path_of(&link)).await, &[]);
}

#[test]
fn every_email_in_every_language_is_whole() {
    use steward::workflow::notices::{self, Outcome, SubjectLine};
    let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let lines = vec![
        SubjectLine {
            store: "Shop".into(),
            category: steward::domain::correction::CorrectionCategory::Email,
            corrected: true,
            reason: None,
        },
        SubjectLine {
            store: "CRM".into(),
            category: steward::domain::correction::CorrectionCategory::Phone,
            corrected: false,
            reason: Some("held nowhere".into()),
        },
    ];
    let (r, url) = (
        "SR-ABCDEFGH",
        "https://privacy.shop.example/privacy/requests/SR-ABCDEFGH?token=t",
    );
    // What staff wrote of a breach (GDPR Art. 34): the notice's values, under its headings.
    const BREACH: [&str; 6] = [
        "Backup bucket was public",
        "Names and email addresses",
        "Phishing risk",
        "Bucket closed",
        "dpo@shop.example",
        "Change your password.",
    ];
    let now = chrono::NaiveDate::from_ymd_opt(2027, 1, 15)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let breach = steward::db::models::BreachRow {
        id: "b1".into(),
        title: BREACH[0].into(),
        description: BREACH[0].into(),
        discovered_at: now,
        aware_at: now,
        data_categories: BREACH[1].into(),
        subjects_approx: 10,
        records_approx: 10,
        consequences: BREACH[2].into(),
        measures: BREACH[3].into(),
        dpo_contact: BREACH[4].into(),
        regulator_notified_at: None,
        subjects_notified_at: None,
        subjects_notified_count: 0,
        created_by: None,
        created_at: now,
        updated_at: now,
    };
    let letters = |tr: Tr| {
        vec![
            notices::verify_letter(
                tr,
                r,
                steward::domain::RequestKind::Access,
                "https://v.example/x",
                url,
                day,
            ),
            notices::extended_letter(tr, r, "Many systems.", day, day, url),
            notices::paused_letter(tr, r, "Your customer number.", url),
            notices::closed_letter(tr, r, &Outcome::Completed { package: true }, url),
            notices::closed_letter(
                tr,
                r,
                &Outcome::Denied {
                    reason: "Unverified.".into(),
                },
                url,
            ),
            notices::closed_letter(tr, r, &Outcome::Withdrawn, url),
            notices::corrected_letter(tr, r, &lines, url),
            notices::corrected_letter(tr, r, &[], url),
            notices::preferences_letter(tr, "https://v.example/p"),
            notices::breach_letter(tr, &breach, "Change your password."),
        ]
    };
    // In the pseudo-language nothing is left outside the marks but the values put in.
    for letter in letters(Tr::pseudo()) {
        for text in [&letter.subject, &letter.body] {
            let mut left = unmarked(text);
            for value in [url, "https://v.example/x", "https://v.example/p"]
                .into_iter()
                .chain(BREACH)
            {
                left = left.replace(value, "");
            }
            assert!(
                left.trim().is_empty(),
                "not from the files: {left:?} in {text}"
            );
        }
    }
    // In every language every message resolves: no message id, no unfilled value.
    for language in Language::ALL {
        for letter in letters(Tr::new(*language)) {
            for text in [&letter.subject, &letter.body] {
                assert!(
                    !text.contains("email-") && !text.contains("{$") && !text.contains("{ $"),
                    "{language}: {text}"
                );
            }
            assert!(
                letter.body.contains("SR-ABCDEFGH")
                    || letter.body.contains("v.example/p")
                    || letter.body.contains("Backup bucket was public")
            );
        }
    }
}

/// The banner as a visitor's browser calls it: the read (with the page's languages) and the
/// write, from the shop's origin with its site key.
async fn banner(
    app: &TestApp,
    key: &str,
    visitor: &str,
    lang: &str,
    write: Option<serde_json::Value>,
) -> serde_json::Value {
    let c = reqwest::Client::new();
    let r = match write {
        None => c.get(app.url(&format!(
            "/api/v1/consent/banner?visitor={visitor}&lang={lang}&key={key}"
        ))),
        Some(choices) => c
            .post(app.url("/api/v1/consent/banner"))
            .json(&serde_json::json!({
                "visitor": visitor, "choices": choices, "language": lang,
            })),
    };
    let res = r
        .header("X-Steward-Site-Key", key)
        .header("Origin", "https://shop.example")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    res.json().await.unwrap()
}

#[tokio::test]
async fn each_language_s_notice_is_versioned_on_its_own_and_the_record_says_which() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let api = Api {
        app: &app,
        token: app.token(steward::domain::Role::Admin).await,
    };
    let (s, r) = api
        .post(
            "/api/v1/purposes",
            serde_json::json!({"key": "newsletter", "name": "Newsletter",
                               "notice_text": "We email you our news.", "description": "News by email"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let (s, k) = api
        .post(
            "/api/v1/site-keys",
            serde_json::json!({"name": "Shop", "origins": ["https://shop.example"]}),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    let key = k["key"].as_str().unwrap().to_string();
    // A translation in the shop's default language is refused, naming the field.
    let (s, r) = api
        .post(
            "/api/v1/purposes/newsletter/translations",
            serde_json::json!({"language": "en", "name": "x", "notice_text": "y"}),
        )
        .await;
    assert_eq!((s, r["field"].as_str()), (422, Some("language")), "{r}");
    let (s, r) = api
        .post(
            "/api/v1/purposes/newsletter/translations",
            serde_json::json!({"language": "de", "name": "Newsletter (deutsch)",
                               "description": "Neuigkeiten per E-Mail",
                               "notice_text": "Wir senden Ihnen unsere Neuigkeiten."}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(
        (r["notice_language"].as_str(), r["notice_version"].as_i64()),
        (Some("de"), Some(1))
    );

    // German readers see German; Italian readers the shop's default, and are told so.
    let (grete, ada, gina) = ("a".repeat(32), "b".repeat(32), "c".repeat(32));
    let de = banner(&app, &key, &grete, "de-DE,de", None).await;
    assert_eq!(de["purposes"][0]["name"], "Newsletter (deutsch)");
    assert_eq!(
        de["purposes"][0]["notice_text"],
        "Wir senden Ihnen unsere Neuigkeiten."
    );
    assert_eq!(de["purposes"][0]["fallback"], false);
    let it = banner(&app, &key, &gina, "it", None).await;
    assert_eq!(it["purposes"][0]["name"], "Newsletter");
    assert_eq!(
        (
            it["purposes"][0]["notice_language"].as_str(),
            it["purposes"][0]["fallback"].as_bool()
        ),
        (Some("en"), Some(true))
    );

    // Each chooses; each record keeps the language shown and the text's language.
    let grant =
        serde_json::json!([{"purpose": "newsletter", "status": "granted", "notice_version": 1}]);
    banner(&app, &key, &grete, "de", Some(grant.clone())).await;
    banner(&app, &key, &ada, "en", Some(grant.clone())).await;
    let gina_saved = banner(&app, &key, &gina, "it", Some(grant)).await;
    let receipt = gina_saved["receipt"]["id"].as_str().unwrap();
    let (s, record) = api.get(&format!("/api/v1/consent/{receipt}")).await;
    assert_eq!(s, 200, "{record}");
    assert_eq!(
        (
            record["language"].as_str(),
            record["notice_language"].as_str()
        ),
        (Some("it"), Some("en")),
        "the fallback is on the record: {record}"
    );

    // A new German text asks again only the German chooser.
    let (s, r) = api
        .post(
            "/api/v1/purposes/newsletter/translations",
            serde_json::json!({"language": "de", "name": "Newsletter (deutsch)",
                               "notice_text": "Wir senden Ihnen zweimal im Monat unsere Neuigkeiten."}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["notice_version"], 2);
    let outdated = |v: &serde_json::Value| v["choices"][0]["outdated"].as_bool();
    assert_eq!(
        outdated(&banner(&app, &key, &grete, "de", None).await),
        Some(true)
    );
    assert_eq!(
        outdated(&banner(&app, &key, &ada, "en", None).await),
        Some(false)
    );
    assert_eq!(
        outdated(&banner(&app, &key, &gina, "it", None).await),
        Some(false)
    );
    let (_, audit) = api.text("/api/v1/exports/audit.csv").await;
    assert!(audit.contains("consent.notice_translated"));

    // A choice names the notice it was made on; a language without one is refused.
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/consent/banner"))
        .header("X-Steward-Site-Key", &key)
        .header("Origin", "https://shop.example")
        .json(
            &serde_json::json!({"visitor": "d".repeat(32), "language": "pl",
            "choices": [{"purpose": "newsletter", "status": "granted", "notice_version": 1,
                         "notice_language": "pl"}]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["field"], "notice_language", "{body}");

    // A new default notice makes the German text out of date: German readers see the new
    // default text (and are told it is not theirs) until it is translated again, and every
    // choice on the old texts is asked again.
    let (s, r) = api
        .post(
            "/api/v1/purposes/newsletter/notices",
            serde_json::json!({"notice_text": "We email you our news twice a month."}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let de = banner(&app, &key, &grete, "de", None).await;
    assert_eq!(
        de["purposes"][0]["notice_text"],
        "We email you our news twice a month."
    );
    assert_eq!(de["purposes"][0]["fallback"], true);
    assert_eq!(
        outdated(&banner(&app, &key, &ada, "en", None).await),
        Some(true)
    );
    assert_eq!(
        outdated(&banner(&app, &key, &gina, "it", None).await),
        Some(true)
    );
}
