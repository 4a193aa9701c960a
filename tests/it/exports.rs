//! The regulator's reports over HTTP: the request log column by column, CCPA metrics against
//! figures worked out here independently, the records of processing, the audit log's chain
//! re-verified from the CSV alone, who may download, and retention.

use std::collections::HashMap;
use steward::db::types::W;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use steward::domain::Role;

use crate::support::{Api, TestApp, backends};

fn parse(csv_text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

/// A request the test files, and what it expects of it.
struct Case {
    kind: &'static str,
    jurisdiction: &'static str,
    days_ago: i64,
    /// "complete", "deny:<reason>", "extend+complete", "open"
    fate: &'static str,
}

const CASES: &[Case] = &[
    Case {
        kind: "access",
        jurisdiction: "ccpa",
        days_ago: 10,
        fate: "complete",
    },
    Case {
        kind: "portability",
        jurisdiction: "ccpa",
        days_ago: 4,
        fate: "complete",
    },
    Case {
        kind: "access",
        jurisdiction: "ccpa",
        days_ago: 3,
        fate: "deny:identity_not_verified",
    },
    Case {
        kind: "deletion",
        jurisdiction: "ccpa",
        days_ago: 20,
        fate: "complete",
    },
    Case {
        kind: "deletion",
        jurisdiction: "ccpa",
        days_ago: 7,
        fate: "deny:not_consumer_or_agent",
    },
    Case {
        kind: "deletion",
        jurisdiction: "ccpa",
        days_ago: 5,
        fate: "deny:ccpa_exception",
    },
    Case {
        kind: "deletion",
        jurisdiction: "ccpa",
        days_ago: 2,
        fate: "deny:legal_exemption",
    },
    Case {
        kind: "correction",
        jurisdiction: "ccpa",
        days_ago: 6,
        fate: "deny:manifestly_unfounded",
    },
    Case {
        kind: "opt_out",
        jurisdiction: "ccpa",
        days_ago: 1,
        fate: "complete",
    },
    Case {
        kind: "limit_use",
        jurisdiction: "ccpa",
        days_ago: 1,
        fate: "open",
    },
    // Late: received 60 days ago, CCPA gives 45.
    Case {
        kind: "access",
        jurisdiction: "ccpa",
        days_ago: 60,
        fate: "complete",
    },
    // Extended in time, completed within the extension.
    Case {
        kind: "deletion",
        jurisdiction: "ccpa",
        days_ago: 30,
        fate: "extend+complete",
    },
    Case {
        kind: "access",
        jurisdiction: "gdpr",
        days_ago: 8,
        fate: "complete",
    },
    Case {
        kind: "objection",
        jurisdiction: "gdpr",
        days_ago: 9,
        fate: "deny:other",
    },
];

#[tokio::test]
async fn request_log_and_ccpa_metrics() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let api = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        // Today as the portal's zone (Europe/Berlin in tests) sees it.
        let today = Utc::now()
            .with_timezone(&chrono_tz::Europe::Berlin)
            .date_naive();
        let mut filed = Vec::new();
        for (i, c) in CASES.iter().enumerate() {
            let day = today - Duration::days(c.days_ago);
            let name = if i == 0 { "=HYPERLINK(\"x\")" } else { "Pat" };
            let (s, r) = api
                .post(
                    "/api/v1/requests",
                    json!({"kind": c.kind, "jurisdiction": c.jurisdiction, "email": format!("p{i}@example.org"), "name": name,
                           "received_at": format!("{day}T10:00:00Z"), "channel": "email", "send_verification": false,
                           "correction_what": if c.kind == "correction" { "my address" } else { "" },
                           "correction_value": if c.kind == "correction" { "2 New St" } else { "" }}),
                )
                .await;
            assert_eq!(s, 201, "{r}");
            let id = r["id"].as_str().unwrap().to_string();
            let act = |a: &'static str, body: Value| {
                let (api, id) = (&api, id.clone());
                async move {
                    let (s, r) = api.post(&format!("/api/v1/requests/{id}/{a}"), body).await;
                    assert_eq!(s, 200, "{a}: {r}");
                }
            };
            if c.fate != "open" {
                act("verify", json!({"reason": "id card"})).await;
            }
            match c.fate.split_once(':') {
                Some(("deny", reason)) => {
                    act(
                        "deny",
                        json!({"denial_reason": reason, "reason": "see file"}),
                    )
                    .await
                }
                _ if c.fate == "extend+complete" => {
                    act("extend", json!({"reason": "many systems"})).await;
                    act("complete", json!({})).await;
                }
                _ if c.fate == "complete" => act("complete", json!({})).await,
                _ => {}
            }
            filed.push((id, day));
        }

        // The request log, every column.
        let auditor = Api {
            app: &app,
            token: app.token(Role::Auditor).await,
        };
        let (s, text) = auditor.text("/api/v1/exports/requests.csv").await;
        assert_eq!(s, 200, "{text}");
        let (header, rows) = parse(&text);
        assert_eq!(
            header,
            [
                "id",
                "public_id",
                "kind",
                "jurisdiction",
                "channel",
                "received_at",
                "received_date",
                "verified_at",
                "acknowledge_by",
                "due_date",
                "extended_due_date",
                "closed_date",
                "status",
                "outcome",
                "denial_reason",
                "days_to_respond",
                "on_time",
                "stores",
                "tasks_failed"
            ]
        );
        assert_eq!(rows.len(), CASES.len());
        assert!(
            !text.contains("@example.org") && !text.contains("Pat"),
            "no personal data by default"
        );
        for (c, (id, day)) in CASES.iter().zip(&filed) {
            let row = rows
                .iter()
                .find(|r| &r["id"] == id)
                .expect("every request is a row");
            let (_, r) = api.get(&format!("/api/v1/requests/{id}")).await;
            assert_eq!(row["public_id"], r["public_id"].as_str().unwrap());
            assert_eq!(
                (
                    row["kind"].as_str(),
                    row["jurisdiction"].as_str(),
                    row["channel"].as_str()
                ),
                (c.kind, c.jurisdiction, "email")
            );
            assert_eq!(row["received_date"], day.to_string());
            assert_eq!(row["received_at"], format!("{day}T10:00:00Z"));
            assert_eq!(row["due_date"], r["due_date"].as_str().unwrap());
            assert_eq!(
                row["extended_due_date"],
                r["extended_due_date"].as_str().unwrap_or("")
            );
            assert_eq!(
                row["acknowledge_by"],
                r["acknowledge_by"].as_str().unwrap_or("")
            );
            assert_eq!(row["verified_at"].is_empty(), c.fate == "open");
            assert_eq!(
                (row["stores"].as_str(), row["tasks_failed"].as_str()),
                ("0", "0")
            );
            let (status, outcome) = match c.fate {
                "open" => ("received", "open"),
                f if f.starts_with("deny") => ("denied", "denied"),
                _ => ("completed", "complied"),
            };
            assert_eq!(
                (row["status"].as_str(), row["outcome"].as_str()),
                (status, outcome),
                "{id}"
            );
            assert_eq!(
                row["denial_reason"],
                c.fate.strip_prefix("deny:").unwrap_or("")
            );
            if c.fate == "open" {
                assert_eq!(
                    (
                        row["closed_date"].as_str(),
                        row["days_to_respond"].as_str(),
                        row["on_time"].as_str()
                    ),
                    ("", "", "")
                );
            } else {
                assert_eq!(row["closed_date"], today.to_string());
                assert_eq!(row["days_to_respond"], c.days_ago.to_string());
                let due: NaiveDate = r["extended_due_date"]
                    .as_str()
                    .or(r["due_date"].as_str())
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(row["on_time"], if today <= due { "yes" } else { "no" });
            }
        }
        let late = &rows[rows.iter().position(|r| r["id"] == filed[10].0).unwrap()];
        assert_eq!(late["on_time"], "no", "60 days for a 45-day clock");
        // A range, inclusive of its end.
        let from = today - Duration::days(7);
        let (_, ranged) = auditor
            .text(&format!(
                "/api/v1/exports/requests.csv?from={from}&to={today}"
            ))
            .await;
        assert_eq!(
            parse(&ranged).1.len(),
            CASES.iter().filter(|c| c.days_ago <= 7).count()
        );
        let (s, e) = auditor
            .get("/api/v1/exports/requests.csv?from=yesterday")
            .await;
        assert_eq!((s, e["field"].as_str()), (422, Some("from")), "{e}");
        // Identities: administrators only, formula-safe.
        let (s, _) = auditor
            .get("/api/v1/exports/requests.csv?include=identity")
            .await;
        assert_eq!(s, 403);
        let (s, text) = api
            .text("/api/v1/exports/requests.csv?include=identity")
            .await;
        assert_eq!(s, 200);
        assert!(
            text.contains("p0@example.org") && text.contains("'=HYPERLINK"),
            "{text}"
        );

        // CCPA metrics for this year, against figures worked out here.
        let year = today.year();
        let (s, text) = auditor
            .text(&format!("/api/v1/exports/ccpa-metrics.csv?year={year}"))
            .await;
        assert_eq!(s, 200, "{text}");
        let (_, lines) = parse(&text);
        let in_year = |c: &&Case| {
            c.jurisdiction == "ccpa" && (today - Duration::days(c.days_ago)).year() == year
        };
        for (t, kinds) in [
            ("know", &["access", "portability"][..]),
            ("delete", &["deletion"]),
            ("correct", &["correction"]),
            ("opt_out", &["opt_out"]),
            ("limit", &["limit_use"]),
        ] {
            let cases: Vec<&Case> = CASES
                .iter()
                .filter(in_year)
                .filter(|c| kinds.contains(&c.kind))
                .collect();
            let line = lines.iter().find(|l| l["request_type"] == t).unwrap();
            let denied = |reasons: &[&str]| {
                cases
                    .iter()
                    .filter(|c| reasons.iter().any(|r| c.fate == format!("deny:{r}")))
                    .count()
                    .to_string()
            };
            assert_eq!(line["year"], year.to_string());
            assert_eq!(line["received"], cases.len().to_string(), "{t}");
            assert_eq!(
                line["complied_in_whole_or_part"],
                cases
                    .iter()
                    .filter(|c| c.fate.contains("complete"))
                    .count()
                    .to_string(),
                "{t}"
            );
            assert_eq!(
                line["denied"],
                cases
                    .iter()
                    .filter(|c| c.fate.starts_with("deny"))
                    .count()
                    .to_string(),
                "{t}"
            );
            assert_eq!(
                line["denied_not_verifiable"],
                denied(&["identity_not_verified"]),
                "{t}"
            );
            assert_eq!(
                line["denied_not_consumer_or_agent"],
                denied(&["not_consumer_or_agent"]),
                "{t}"
            );
            assert_eq!(
                line["denied_exempt"],
                denied(&["legal_exemption", "ccpa_exception"]),
                "{t}"
            );
            assert_eq!(
                line["denied_other"],
                denied(&["manifestly_unfounded", "other"]),
                "{t}"
            );
            let mut days: Vec<f64> = cases
                .iter()
                .filter(|c| c.fate != "open")
                .map(|c| c.days_ago as f64)
                .collect();
            days.sort_by(f64::total_cmp);
            let (median, mean) = if days.is_empty() {
                (String::new(), String::new())
            } else {
                let n = days.len();
                let m = if n % 2 == 1 {
                    days[n / 2]
                } else {
                    (days[n / 2 - 1] + days[n / 2]) / 2.0
                };
                (
                    format!("{m:.1}"),
                    format!("{:.1}", days.iter().sum::<f64>() / n as f64),
                )
            };
            assert_eq!(
                (
                    line["median_days_to_respond"].clone(),
                    line["mean_days_to_respond"].clone()
                ),
                (median, mean),
                "{t}"
            );
        }
        let (s, e) = auditor
            .get("/api/v1/exports/ccpa-metrics.csv?year=twenty")
            .await;
        assert_eq!((s, e["field"].as_str()), (422, Some("year")));

        // The page to publish shows the same table and the reason mapping.
        let b = app.signed_in(Role::Auditor).await;
        let page = crate::support::page(
            &b,
            app.url(&format!("/console/exports/ccpa-metrics?year={year}")),
        )
        .await;
        assert!(page.contains("Requests to delete") && page.contains("Not made by the consumer or an authorised agent (CCPA) → not made by the consumer or an authorised agent"), "{page}");
        let page = crate::support::page(&b, app.url("/console/exports")).await;
        for name in [
            "requests.csv",
            "ccpa-metrics.csv",
            "consent.csv",
            "ropa.csv",
            "breaches.csv",
            "audit.csv",
        ] {
            assert!(page.contains(name), "{name} on the exports page");
        }
        // Store owners get none of it; every download was audited with its range.
        let owner = Api {
            app: &app,
            token: app.token(Role::StoreOwner).await,
        };
        for r in ["requests", "ccpa-metrics", "ropa", "audit", "consent"] {
            assert_eq!(
                owner.get(&format!("/api/v1/exports/{r}.csv")).await.0,
                403,
                "{r}"
            );
        }
        let (_, audit) = auditor
            .text("/api/v1/exports/audit.csv?action=export.downloaded")
            .await;
        let (_, downloads) = parse(&audit);
        assert!(
            downloads.iter().any(|d| d["target"] == "export:requests"
                && d["detail"].contains(&format!("\"from\":\"{from}\""))),
            "{audit}"
        );
        assert!(
            downloads
                .iter()
                .any(|d| d["target"] == "export:requests"
                    && d["detail"].contains("\"identity\":true"))
        );
    }
}

#[tokio::test]
async fn audit_csv_reverifies_with_sha256_alone() {
    let app = TestApp::spawn(backends()[0]).await;
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    for i in 0..3 {
        api.post("/api/v1/requests", json!({"kind": "access", "jurisdiction": "gdpr", "email": format!("a{i}@example.org"), "send_verification": false})).await;
    }
    let (s, text) = api.text("/api/v1/exports/audit.csv").await;
    assert_eq!(s, 200);
    let (header, rows) = parse(&text);
    assert_eq!(
        header,
        [
            "seq",
            "at",
            "actor",
            "action",
            "target",
            "detail",
            "prev_hash",
            "hash"
        ]
    );
    assert!(rows.len() >= 4, "{text}");
    let mut prev = "0".repeat(64);
    for r in &rows {
        assert_eq!(
            r["prev_hash"], prev,
            "row {} links to the one before",
            r["seq"]
        );
        let mut h = Sha256::new();
        for f in [
            "prev_hash",
            "seq",
            "at",
            "actor",
            "action",
            "target",
            "detail",
        ] {
            let v = r[f].as_bytes();
            h.update((v.len() as u64).to_be_bytes());
            h.update(v);
        }
        assert_eq!(
            hex::encode(h.finalize()),
            r["hash"],
            "row {} re-hashes",
            r["seq"]
        );
        prev = r["hash"].clone();
    }
}

#[tokio::test]
async fn records_of_processing_carry_every_art30_field_and_the_controller() {
    let app = TestApp::spawn(backends()[0]).await;
    let b = app.signed_in(Role::Admin).await;
    let page = crate::support::page(&b, app.url("/console/exports")).await;
    let csrf = crate::support::hidden(&page, "csrf").unwrap();
    let res = b
        .post(app.url("/console/exports/controller"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("controller_name", "Shop GmbH"),
            ("controller_contact", "1 Main St, privacy@shop.example"),
            ("dpo_contact", "dpo@shop.example"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let api = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    app.staff(
        Role::StoreOwner,
        "owner@shop.example",
        crate::support::PASSWORD,
    )
    .await;
    let (s, store) = api
        .post("/api/v1/stores", json!({"name": "Support desk", "kind": "manual", "owner_email": "owner@shop.example",
            "description": "Tickets", "purposes": "Customer support", "legal_basis": "Contract (Art. 6(1)(b))",
            "data_categories": "Contact details", "subject_categories": "Customers", "recipients": "None",
            "transfers": "None", "retention": "2 years", "security_measures": "Encrypted at rest"}))
        .await;
    assert_eq!(s, 201, "{store}");
    let auditor = Api {
        app: &app,
        token: app.token(Role::Auditor).await,
    };
    let (s, text) = auditor.text("/api/v1/exports/ropa.csv").await;
    assert_eq!(s, 200);
    let (header, rows) = parse(&text);
    for f in [
        "controller_name",
        "controller_contact",
        "dpo_contact",
        "store",
        "description",
        "purposes",
        "legal_basis",
        "data_categories",
        "subject_categories",
        "recipients",
        "transfers",
        "retention",
        "security_measures",
    ] {
        assert!(header.iter().any(|h| h == f), "{f} in {header:?}");
    }
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0]["controller_name"].as_str(),
            rows[0]["dpo_contact"].as_str()
        ),
        ("Shop GmbH", "dpo@shop.example")
    );
    assert_eq!(
        (
            rows[0]["store"].as_str(),
            rows[0]["legal_basis"].as_str(),
            rows[0]["retention"].as_str()
        ),
        ("Support desk", "Contract (Art. 6(1)(b))", "2 years")
    );
}

#[tokio::test]
async fn retention_purges_what_is_due_and_metrics_stay() {
    for backend in backends() {
        let app = TestApp::spawn(backend).await;
        let api = Api {
            app: &app,
            token: app.token(Role::Admin).await,
        };
        let mut ids = Vec::new();
        for (i, kind) in ["access", "deletion", "access"].iter().enumerate() {
            let (_, r) = api.post("/api/v1/requests", json!({"kind": kind, "jurisdiction": "ccpa", "email": format!("old{i}@example.org"), "name": "Old Name", "details": "free text", "send_verification": false})).await;
            let id = r["id"].as_str().unwrap().to_string();
            api.post(
                &format!("/api/v1/requests/{id}/verify"),
                json!({"reason": "id"}),
            )
            .await;
            let (s, _) = api
                .post(&format!("/api/v1/requests/{id}/complete"), json!({}))
                .await;
            assert_eq!(s, 200);
            ids.push(id);
        }
        // A store task of the first request with a correction preview (old and new values)
        // and a store error quoting a row: both are the person's data too.
        let owner = "desk.owner@staff.example";
        app.staff(Role::StoreOwner, owner, crate::support::PASSWORD)
            .await;
        let (s, store) = api
            .post(
                "/api/v1/stores",
                crate::stores::art30("Support desk", "manual", owner),
            )
            .await;
        assert_eq!(s, 201, "{store}");
        let (rid, sid) = (ids[0].clone(), store["id"].as_str().unwrap().to_string());
        app.db(move |c| {
            use diesel::prelude::*;
            use steward::db::schema::tasks::dsl::*;
            use steward::domain::stores::TaskStatus;
            use steward::domain::{RequestId, StoreId, TaskId};
            let now = chrono::Utc::now().naive_utc();
            diesel::insert_into(tasks)
                .values((
                    id.eq(W(TaskId::from(uuid::Uuid::new_v4().to_string()))),
                    request_id.eq(W(RequestId::from(rid))),
                    store_id.eq(W(StoreId::from(sid))),
                    status.eq(W(TaskStatus::Done)),
                    due_date.eq(now.date()),
                    attempts.eq(1),
                    last_error.eq(Some("duplicate key (email)=(old0@example.org)")),
                    correction_enc.eq(Some("sealed preview of Old Name")),
                    created_at.eq(now),
                    updated_at.eq(now),
                ))
                .execute(c)
        })
        .await
        .unwrap();
        let year = chrono::Utc::now().year();
        // Time passes: the first closed 25 months ago, the second 2 months ago, the third now.
        let aged = [(ids[0].clone(), 25 * 31), (ids[1].clone(), 62)];
        app.db(move |c| {
            use diesel::prelude::*;
            use steward::db::schema::requests::dsl::*;
            for (rid, days) in &aged {
                diesel::update(requests.find(W(rid)))
                    .set(closed_at.eq(Some(chrono::Utc::now().naive_utc() - Duration::days(*days))))
                    .execute(c)?;
            }
            Ok::<_, diesel::result::Error>(())
        })
        .await
        .unwrap();

        let metrics_before = api
            .text(&format!("/api/v1/exports/ccpa-metrics.csv?year={year}"))
            .await
            .1;
        let dry =
            steward::workflow::retention::purge(&app.svc, true, steward::audit::Actor::System)
                .await
                .unwrap();
        assert_eq!((dry.requests_erased, dry.dry_run), (1, true), "{dry}");
        let (_, r) = api.get(&format!("/api/v1/requests/{}", ids[0])).await;
        assert_eq!(r["status"], "completed", "a dry run changes nothing");
        assert!(dry.to_string().starts_with("Purge would remove"));

        // The scheduler's daily pass does the real thing (made due again for the test).
        app.db(|c| {
            use diesel::prelude::*;
            use steward::db::schema::settings::dsl::*;
            diesel::delete(settings.filter(key.eq("retention_last_run"))).execute(c)
        })
        .await
        .unwrap();
        let mut purged = false;
        for _ in 0..100 {
            let n = app
                .db(|c| {
                    use diesel::prelude::*;
                    use steward::db::schema::audit_log::dsl::*;
                    audit_log
                        .filter(action.eq("retention.purged"))
                        .count()
                        .get_result::<i64>(c)
                })
                .await
                .unwrap();
            if n > 0 {
                purged = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(purged, "the scheduler purged");
        let erased: Vec<(String, Option<String>, Option<String>)> = app
            .db(|c| {
                use diesel::prelude::*;
                use steward::db::schema::requests::dsl::*;
                requests
                    .order(created_at.asc())
                    .select((email_index, name_enc, details_enc))
                    .load(c)
            })
            .await
            .unwrap();
        assert!(
            erased[0].0.starts_with("purged:") && erased[0].1.is_none() && erased[0].2.is_none(),
            "25 months: erased"
        );
        assert!(
            !erased[1].0.starts_with("purged:") && erased[1].1.is_some(),
            "2 months: kept"
        );
        let task: (Option<String>, Option<String>) = app
            .db(|c| {
                use diesel::prelude::*;
                use steward::db::schema::tasks::dsl::*;
                tasks.select((correction_enc, last_error)).first(c)
            })
            .await
            .unwrap();
        assert_eq!(
            task,
            (None, None),
            "the correction preview and error are erased"
        );
        assert!(!erased[2].0.starts_with("purged:"), "just closed: kept");
        let (s, r) = api.get(&format!("/api/v1/requests/{}", ids[0])).await;
        assert_eq!(
            (s, r["status"].as_str()),
            (200, Some("completed")),
            "the row stays for the records"
        );
        let metrics_after = api
            .text(&format!("/api/v1/exports/ccpa-metrics.csv?year={year}"))
            .await
            .1;
        assert_eq!(metrics_before, metrics_after, "metrics do not change");
        let again =
            steward::workflow::retention::purge(&app.svc, true, steward::audit::Actor::System)
                .await
                .unwrap();
        assert_eq!(again.requests_erased, 0, "nothing is purged twice");
    }
}

/// At most two exports per staff member at once (finding 10 of issue 30): a third answers
/// 429 while two are running, and an export that has ended frees its place.
#[tokio::test]
async fn a_third_export_is_refused_while_two_are_held_and_an_ended_one_frees_its_place() {
    let app = TestApp::spawn(backends()[0]).await;
    let email = "exporter@staff.example";
    let id = app
        .staff(Role::Admin, email, crate::support::PASSWORD)
        .await;
    let db = app.svc.db.clone();
    let token = tokio::task::spawn_blocking(move || {
        let mut c = db.get().unwrap();
        let u = steward::db::users::find_by_email(&mut c, email)
            .unwrap()
            .unwrap();
        steward::auth::create_token(&mut c, &u, "exports", 30).unwrap()
    })
    .await
    .unwrap();
    let api = Api { app: &app, token };
    // Finished exports free their places: many in a row all answer.
    for _ in 0..4 {
        let (s, _) = api.text("/api/v1/exports/requests.csv").await;
        assert_eq!(s, 200);
    }
    // Two running (held here as the server's responses hold them while they stream).
    let me = steward::audit::Actor::Staff { id };
    let first = steward::workflow::export_permits::take(&me).unwrap();
    let _second = steward::workflow::export_permits::take(&me).unwrap();
    for path in [
        "/api/v1/exports/requests.csv",
        "/api/v1/exports/consent.csv",
        "/api/v1/exports/audit.csv",
        "/api/v1/exports/breaches.csv",
    ] {
        let (s, body) = api.text(path).await;
        assert_eq!(s, 429, "{path}: {body}");
        assert!(body.contains("still running"), "{path}: {body}");
    }
    // Someone else's exports are not held up.
    let other = Api {
        app: &app,
        token: app.token(Role::Admin).await,
    };
    assert_eq!(other.text("/api/v1/exports/requests.csv").await.0, 200);
    drop(first);
    assert_eq!(api.text("/api/v1/exports/requests.csv").await.0, 200);
}
