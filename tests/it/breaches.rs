//! The breach register: recording with validation, the 72-hour countdown, the regulator
//! notification, Art. 34 emails to a pasted list, and the CSV export row by row.

use chrono::Duration;
use steward::domain::Role;
use steward::web::breach_input::to_local_input;

use crate::support::{TestApp, backends, hidden};

fn hours_ago(h: i64) -> String {
    let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    to_local_input(&(steward::db::now() - Duration::hours(h)), tz)
}

pub(crate) async fn record(
    app: &TestApp,
    b: &reqwest::Client,
    title: &str,
    aware_hours_ago: i64,
) -> String {
    let csrf = app.csrf_of(b, "/console/breaches/new").await;
    let discovered = hours_ago(aware_hours_ago + 2);
    let aware = hours_ago(aware_hours_ago);
    let res = b
        .post(app.url("/console/breaches/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", title),
            (
                "description",
                "Backup bucket was public, with a \"quoted\" word",
            ),
            ("discovered_at", &discovered),
            ("aware_at", &aware),
            ("data_categories", "names, email addresses"),
            ("subjects_approx", "1,200"),
            ("records_approx", "3400"),
            ("consequences", "Phishing risk"),
            ("measures", "-bucket closed, keys rotated"),
            ("dpo_contact", "dpo@shop.example, +49 30 1234"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "breach recorded");
    res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/console/breaches/")
        .to_string()
}

/// Splits RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "every record ends with CRLF"
    );
    rows
}

#[tokio::test]
async fn breach_register_end_to_end() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let officer = app.signed_in(Role::PrivacyOfficer).await;

        // Bad input: every field named, what was typed kept, nothing recorded.
        let csrf = app.csrf_of(&officer, "/console/breaches/new").await;
        let res = officer
            .post(app.url("/console/breaches/new"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("title", "Lost laptop"),
                ("discovered_at", &hours_ago(1)),
                ("aware_at", &hours_ago(5)),
                ("subjects_approx", "many"),
                ("records_approx", "-3"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{backend:?}");
        let page = res.text().await.unwrap();
        for f in [
            "description",
            "aware_at",
            "data_categories",
            "subjects_approx",
            "records_approx",
            "consequences",
            "measures",
            "dpo_contact",
        ] {
            assert!(
                page.contains(&format!("id=\"{f}-error\"")),
                "{backend:?}: {f}"
            );
        }
        assert!(page.contains("value=\"Lost laptop\""));

        let fresh = record(&app, &officer, "=HYPERLINK(\"http://evil\",\"x\")", 10).await;
        let late = record(&app, &officer, "Old incident", 80).await;

        let list = crate::support::page(&officer, app.url("/console/breaches")).await;
        assert!(
            list.contains("61 h") || list.contains("62 h"),
            "{backend:?}: countdown of hours left"
        );
        assert!(
            list.contains("overdue by 8 h"),
            "{backend:?}: overdue shown"
        );
        assert!(
            list.contains("=HYPERLINK(&#34;http://evil&#34;") || list.contains("=HYPERLINK(&quot;"),
            "title escaped in HTML"
        );

        // The regulator was told (late) for the old one.
        let page =
            crate::support::page(&officer, app.url(&format!("/console/breaches/{late}"))).await;
        let csrf = hidden(&page, "csrf").unwrap();
        let res = officer
            .post(app.url(&format!("/console/breaches/{late}/regulator-notified")))
            .form(&[("csrf", csrf.as_str()), ("notified_at", "yesterday")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("id=\"notified_at-error\"")
        );
        let res = officer
            .post(app.url(&format!("/console/breaches/{late}/regulator-notified")))
            .form(&[("csrf", csrf.as_str()), ("notified_at", &hours_ago(1))])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");
        let page =
            crate::support::page(&officer, app.url(&format!("/console/breaches/{late}"))).await;
        assert!(page.contains("regulator notified late"), "{backend:?}");

        // Art. 34: a bad line is named and nothing is sent; then the list goes out.
        let res = officer
            .post(app.url(&format!("/console/breaches/{fresh}/notify")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("addresses", "ann@example.org\nnot-an-address\n"),
                ("message", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("line 2"), "{backend:?}: bad line named");
        assert!(
            page.contains("ann@example.org\nnot-an-address"),
            "typed list kept"
        );
        assert!(
            app.smtp.mails_to("ann@example.org").is_empty(),
            "nothing sent"
        );
        let res = officer
            .post(app.url(&format!("/console/breaches/{fresh}/notify")))
            .form(&[
                ("csrf", csrf.as_str()),
                (
                    "addresses",
                    "ann@example.org\r\n\r\nBen@Example.org\r\nann@example.org\r\n",
                ),
                ("message", "Please change your password."),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{backend:?}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .contains("sent=2")
        );
        for to in ["ann@example.org", "Ben@example.org"] {
            let mails = app.smtp.wait_for(to, 1).await;
            assert_eq!(mails.len(), 1, "{backend:?}: one mail to {to}");
            let m = &mails[0];
            assert!(m.subject.contains("personal data breach"));
            for part in [
                "Backup bucket was public",
                "Phishing risk",
                "bucket closed",
                "dpo@shop.example",
                "Please change your password.",
            ] {
                assert!(m.body.contains(part), "{backend:?}: {part} in\n{}", m.body);
            }
        }

        // The CSV, row by row.
        let res = officer
            .get(app.url("/console/breaches.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("breaches.csv")
        );
        let rows = parse_csv(&res.text().await.unwrap());
        assert_eq!(rows.len(), 3, "{backend:?}: header and two breaches");
        assert_eq!(
            rows[0],
            steward::workflow::breaches::CSV_HEADER
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        );
        let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
        let by_id = |id: &str| rows.iter().find(|r| r[0] == id).unwrap().clone();
        let f = by_id(&fresh);
        assert_eq!(
            f[col("title")],
            "'=HYPERLINK(\"http://evil\",\"x\")",
            "formula defused"
        );
        assert_eq!(f[col("measures")], "'-bucket closed, keys rotated");
        assert_eq!(f[col("dpo_contact")], "dpo@shop.example, +49 30 1234");
        assert_eq!(f[col("subjects_approx")], "1200");
        assert_eq!(f[col("records_approx")], "3400");
        assert_eq!(f[col("regulator_notified_at")], "");
        assert_eq!(f[col("subjects_notified_count")], "2");
        assert!(f[col("aware_at")].ends_with('Z'));
        let l = by_id(&late);
        assert_eq!(l[col("title")], "Old incident");
        assert_eq!(l[col("notified_late")], "true");
        assert!(!l[col("regulator_notified_at")].is_empty());
        assert_eq!(l[col("subjects_notified_count")], "0");

        // The same export for API tokens that may read it; not for a store owner.
        let auditor = app.token(Role::Auditor).await;
        let res = reqwest::Client::new()
            .get(app.url("/api/v1/exports/breaches.csv"))
            .bearer_auth(&auditor)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(parse_csv(&res.text().await.unwrap()), rows);
        let owner = app.token(Role::StoreOwner).await;
        let res = reqwest::Client::new()
            .get(app.url("/api/v1/exports/breaches.csv"))
            .bearer_auth(&owner)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);

        // Auditors read the register but get no forms.
        let auditor = app.signed_in(Role::Auditor).await;
        let page =
            crate::support::page(&auditor, app.url(&format!("/console/breaches/{fresh}"))).await;
        assert!(page.contains("Old incident") || page.contains("Backup bucket"));
        assert!(!page.contains("/notify\""), "no notify form for auditors");

        let actions = crate::mfa::audit_actions(&app).await;
        for a in [
            "breach.recorded",
            "breach.regulator_notified",
            "breach.subjects_notified",
            "export.downloaded",
        ] {
            assert!(actions.iter().any(|x| x == a), "{backend:?}: {a}");
        }
    }
}
