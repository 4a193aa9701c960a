//! The reports regulators and auditors receive (SPEC § Exports): the request log, CCPA
//! metrics, the records of processing and the audit log. Each is produced page by page from a
//! keyset-paged query, so `export::stream_keyed` sends any size in constant memory.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::Actor;
use crate::export::utc;
use steward_db::reports::{self as q, AuditFilter, LogRow};
use steward_domain::reports::{self as rules, CcpaType, DenialColumn};
use steward_domain::stores::Art30;
use steward_domain::{RequestId, Status};

/// Every report, as the exports page lists it and the API names it.
pub const REPORTS: &[(&str, &str, &str)] = &[
    (
        "requests",
        "Request log",
        "One row per request received in the range: kind, jurisdiction, channel, dates received, verified, due and closed, outcome, denial reason, days to respond, on time, stores and failed tasks (11 CCR 7101(b)). No personal data unless an administrator asks for identities.",
    ),
    (
        "ccpa-metrics",
        "CCPA metrics",
        "For a calendar year, per request type: received, complied with in whole or in part, denied (by reason), median and mean days to respond (11 CCR 7102(a)).",
    ),
    (
        "consent",
        "Consent records",
        "Every consent record with its proof: subject, purpose, notice version, choice, method, time, IP HMAC, user agent, page, GPC signal.",
    ),
    (
        "ropa",
        "Records of processing",
        "One row per data store with every Art. 30(1) field and the controller's details.",
    ),
    (
        "breaches",
        "Breach register",
        "Every recorded breach with its 72-hour clock and notifications (Art. 33(5)).",
    ),
    (
        "audit",
        "Audit log",
        "Every audit row with its hash and the previous row's hash, to re-verify the chain outside Steward.",
    ),
];

pub const REQUESTS_HEADER: &[&str] = &[
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
    "tasks_failed",
];
/// With `?include=identity` (administrators only), appended after the columns above.
pub const IDENTITY_HEADER: &[&str] = &["email", "name"];

fn local_date(t: &NaiveDateTime, tz: Tz) -> NaiveDate {
    tz.from_utc_datetime(t).date_naive()
}

fn outcome(s: Status) -> &'static str {
    match s {
        Status::Completed => "complied",
        Status::Denied => "denied",
        Status::Withdrawn => "withdrawn",
        _ => "open",
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The request log's keyset cursor: the last row's (received_at, id).
pub type RequestCursor = (NaiveDateTime, RequestId);

/// One page of the request log.
pub async fn requests_page(
    svc: &Services,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    identity: bool,
    after: Option<RequestCursor>,
    limit: i64,
) -> Result<(Vec<Vec<String>>, Option<RequestCursor>), WorkflowError> {
    let (rows, counts) = svc
        .db
        .run(move |c| {
            let rows = q::requests_after(c, from, to, after.as_ref(), limit)?;
            let ids: Vec<RequestId> = rows.iter().map(|r| r.id.clone()).collect();
            let counts: std::collections::HashMap<RequestId, (i64, i64)> = q::task_counts(c, &ids)?
                .into_iter()
                .map(|(id, n, f)| (id, (n, f)))
                .collect();
            Ok::<_, WorkflowError>((rows, counts))
        })
        .await?;
    let next = rows.last().map(|r| (r.received_at, r.id.clone()));
    let tz = svc.config.timezone;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (stores, failed) = counts.get(&r.id).copied().unwrap_or((0, 0));
        let mut cells = request_cells(&r, tz, stores, failed);
        if identity {
            // One unreadable row is marked, not the end of the download.
            use super::subject::{UNREADABLE, or_unreadable};
            let open = |enc: &str, slot| svc.keys.open(enc, slot);
            let email = if r.email_enc.is_empty() {
                String::new()
            } else {
                let email = open(&r.email_enc, steward_db::slots::request_email(&r.id));
                or_unreadable(email, UNREADABLE.into(), "email", &r.id)
            };
            let name = match &r.name_enc {
                Some(n) => {
                    let name = open(n, steward_db::slots::request_name(&r.id));
                    or_unreadable(name, UNREADABLE.into(), "name", &r.id)
                }
                None => String::new(),
            };
            cells.push(email);
            cells.push(name);
        }
        out.push(cells);
    }
    Ok((out, next))
}

fn request_cells(r: &LogRow, tz: Tz, stores: i64, failed: i64) -> Vec<String> {
    let closed = r.closed_at.as_ref().map(|t| local_date(t, tz));
    vec![
        r.id.to_string(),
        r.public_id.to_string(),
        r.kind.as_str().into(),
        r.jurisdiction.as_str().into(),
        r.channel.as_str().into(),
        utc(&r.received_at),
        r.received_date.to_string(),
        r.verified_at.as_ref().map(utc).unwrap_or_default(),
        date(r.acknowledge_by),
        r.due_date.to_string(),
        date(r.extended_due_date),
        date(closed),
        r.status.as_str().into(),
        outcome(r.status).into(),
        r.denial_reason
            .map(|d| d.as_str().to_string())
            .unwrap_or_default(),
        rules::days_to_respond(r.received_date, closed)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        match rules::on_time(
            closed,
            steward_domain::clock::effective_due(r.due_date, r.extended_due_date),
        ) {
            Some(true) => "yes".into(),
            Some(false) => "no".into(),
            None => String::new(),
        },
        stores.to_string(),
        failed.to_string(),
    ]
}

/// One line of the CCPA metrics.
#[derive(Debug, Clone)]
pub struct MetricLine {
    pub kind: CcpaType,
    pub received: i64,
    pub complied: i64,
    pub denied: i64,
    /// In the order of `DenialColumn::ALL`.
    pub denied_by: [i64; 4],
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

pub const METRICS_HEADER: &[&str] = &[
    "year",
    "request_type",
    "received",
    "complied_in_whole_or_part",
    "denied",
    "denied_not_verifiable",
    "denied_not_consumer_or_agent",
    "denied_exempt",
    "denied_other",
    "median_days_to_respond",
    "mean_days_to_respond",
];

/// 11 CCR 7102(a) for the CCPA requests received in `year`.
pub async fn ccpa_metrics(svc: &Services, year: i32) -> Result<Vec<MetricLine>, WorkflowError> {
    let (from, to) = match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year + 1, 1, 1),
    ) {
        (Some(f), Some(t)) => (f, t),
        _ => {
            return Err(WorkflowError::invalid(
                "year",
                "year must be a calendar year such as 2026",
            ));
        }
    };
    let rows = svc.db.run(move |c| q::ccpa_between(c, from, to)).await?;
    let tz = svc.config.timezone;
    Ok(CcpaType::ALL
        .iter()
        .map(|&t| {
            let mut line = MetricLine {
                kind: t,
                received: 0,
                complied: 0,
                denied: 0,
                denied_by: [0; 4],
                median_days: None,
                mean_days: None,
            };
            let mut days = Vec::new();
            for (kind, status, reason, received, closed) in &rows {
                if CcpaType::of(*kind) != Some(t) {
                    continue;
                }
                line.received += 1;
                match status {
                    Status::Completed => line.complied += 1,
                    Status::Denied => {
                        line.denied += 1;
                        let col = DenialColumn::of(*reason);
                        let i = DenialColumn::ALL
                            .iter()
                            .position(|c| *c == col)
                            .expect("listed");
                        line.denied_by[i] += 1;
                    }
                    _ => {}
                }
                if rules::responded(*status)
                    && let Some(d) = rules::days_to_respond(
                        *received,
                        closed.as_ref().map(|c| local_date(c, tz)),
                    )
                {
                    days.push(d);
                }
            }
            line.mean_days = rules::mean(&days);
            line.median_days = rules::median(&mut days);
            line
        })
        .collect())
}

pub fn metric_cells(year: i32, l: &MetricLine) -> Vec<String> {
    let mut v = vec![
        year.to_string(),
        l.kind.as_str().into(),
        l.received.to_string(),
        l.complied.to_string(),
        l.denied.to_string(),
    ];
    v.extend(l.denied_by.iter().map(|n| n.to_string()));
    v.push(rules::one_decimal(l.median_days));
    v.push(rules::one_decimal(l.mean_days));
    v
}

/// The controller's details that head the records of processing (Art. 30(1)(a)).
pub const CONTROLLER_SETTINGS: [(&str, &str); 3] = [
    ("controller_name", "Controller name"),
    ("controller_contact", "Controller contact (address, email)"),
    ("dpo_contact", "Data protection officer contact"),
];

pub async fn controller(svc: &Services) -> Result<Vec<String>, WorkflowError> {
    svc.db
        .run(|c| {
            CONTROLLER_SETTINGS
                .iter()
                .map(|(k, _)| Ok(steward_db::settings::get(c, k)?.unwrap_or_default()))
                .collect::<Result<Vec<_>, WorkflowError>>()
        })
        .await
}

pub async fn set_controller(
    svc: &Services,
    values: Vec<String>,
    actor: Actor,
) -> Result<(), WorkflowError> {
    let by = match &actor {
        Actor::Staff { id } => Some(id.clone()),
        _ => None,
    };
    svc.db
        .run(move |c| {
            steward_db::write_tx(c, |c| {
                for ((k, _), v) in CONTROLLER_SETTINGS.iter().zip(&values) {
                    steward_db::settings::put(c, k, v.trim(), by.as_ref())?;
                }
                crate::audit::record(
                    c,
                    &actor,
                    "settings.controller_changed",
                    "settings:controller",
                    serde_json::json!({}),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    // The same settings head every public page and email.
    super::brand::refresh(svc).await.map(|_| ())
}

pub fn ropa_header() -> Vec<&'static str> {
    let mut h = vec![
        "controller_name",
        "controller_contact",
        "dpo_contact",
        "store_id",
        "store",
        "kind",
        "active",
    ];
    h.extend(Art30::FIELDS.iter().map(|f| f.name));
    h
}

/// Every store as a record of processing: one row each (the registry stays small).
pub async fn ropa_rows(svc: &Services) -> Result<Vec<Vec<String>>, WorkflowError> {
    let controller = controller(svc).await?;
    let stores = super::stores::list(svc).await?;
    Ok(stores
        .into_iter()
        .map(|s| {
            let mut row = controller.clone();
            row.extend([
                s.id.to_string(),
                s.name.clone(),
                s.kind.as_str().into(),
                s.active.to_string(),
            ]);
            row.extend(
                Art30::FIELDS
                    .iter()
                    .map(|f| s.art30.get(f.name).to_string()),
            );
            row
        })
        .collect())
}

pub const AUDIT_HEADER: &[&str] = &[
    "seq",
    "at",
    "actor",
    "action",
    "target",
    "detail",
    "prev_hash",
    "hash",
];

/// One page of the audit log after `seq`. `at` is written exactly as it was hashed
/// (`%Y-%m-%dT%H:%M:%S%.6f`, UTC), so the chain re-verifies from the file alone.
pub async fn audit_page(
    svc: &Services,
    filter: AuditFilter,
    after: i64,
    limit: i64,
) -> Result<(Vec<Vec<String>>, Option<i64>), WorkflowError> {
    let rows = svc
        .db
        .run(move |c| q::audit_after(c, &filter, after, limit))
        .await?;
    let next = rows.last().map(|r| r.seq);
    Ok((
        rows.into_iter()
            .map(|r| {
                vec![
                    r.seq.to_string(),
                    r.at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
                    r.actor,
                    r.action,
                    r.target,
                    r.detail,
                    r.prev_hash,
                    r.hash,
                ]
            })
            .collect(),
        next,
    ))
}
