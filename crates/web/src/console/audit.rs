//! The audit log in the console: newest rows first, paged, with the state of the hash chain
//! (the same check as `steward audit verify`) naming the first broken row.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::render::render;
use crate::staff::ConsoleStaff;
use steward_core::audit::ChainReport;
use steward_core::workflow::{Services, records};

const PAGE_ROWS: i64 = 50;

pub struct Line {
    pub seq: i64,
    pub at: String,
    pub who: String,
    /// The action in words, and its code (what the filter takes).
    pub action_label: String,
    pub action: String,
    pub target: Target,
    /// The detail as label/value pairs.
    pub detail: Vec<(String, String)>,
}

/// What an audit row acted on, named for people and linked where the console has a page.
pub struct Target {
    pub text: String,
    pub link: Option<String>,
}

/// A value of an audit detail in words: codes become their labels, lists are joined.
fn value_text(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "—".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => steward_domain::labels::of_code(s)
            .map(str::to_string)
            .unwrap_or_else(|| s.clone()),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{}: {}", steward_domain::labels::of_field(k), value_text(v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn detail_lines(detail: &str) -> Vec<(String, String)> {
    match serde_json::from_str::<serde_json::Value>(detail) {
        Ok(serde_json::Value::Object(m)) => m
            .iter()
            .map(|(k, v)| (steward_domain::labels::of_field(k), value_text(v)))
            .collect(),
        Ok(serde_json::Value::Null) => Vec::new(),
        Ok(other) => vec![(String::new(), value_text(&other))],
        Err(_) => vec![(String::new(), detail.to_string())],
    }
}

/// `tasks`: whether the reader may open task pages (an auditor may not).
fn target_of(raw: &str, names: &records::AuditNames, tasks: bool) -> Target {
    let (kind, id) = raw.split_once(':').unwrap_or(("", raw));
    let known = |text: Option<String>, link: String| match text {
        Some(text) => Target {
            text,
            link: Some(link),
        },
        None => Target {
            text: raw.to_string(),
            link: None,
        },
    };
    match kind {
        "request" => known(
            names.requests.get(id).map(|p| format!("Request {p}")),
            format!("/console/requests/{id}"),
        ),
        "user" => Target {
            text: names
                .staff
                .get(raw)
                .map(|(name, email)| format!("Staff member {name} ({email})"))
                .unwrap_or_else(|| raw.to_string()),
            link: None,
        },
        "store" => known(
            names.stores.get(id).map(|n| format!("Store {n}")),
            format!("/console/stores/{id}"),
        ),
        "task" => Target {
            text: "Store task".into(),
            link: tasks.then(|| format!("/console/tasks/{id}")),
        },
        "breach" => Target {
            text: "Breach".into(),
            link: Some(format!("/console/breaches/{id}")),
        },
        "purpose" => Target {
            text: format!("Consent purpose {id}"),
            link: Some(format!("/console/consent/purposes/{id}")),
        },
        _ => Target {
            text: raw.to_string(),
            link: None,
        },
    }
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage {
    nav: Nav,
    chain: ChainReport,
    anchor: steward_core::audit::checkpoint::AnchorReport,
    lines: Vec<Line>,
    newer_link: Option<String>,
    older_link: Option<String>,
    bad_query: bool,
    q: AuditQuery,
    /// The same rows as CSV, with their hashes.
    csv_link: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditQuery {
    before: String,
    /// A staff member's email, or `system` / `subject`.
    pub who: String,
    pub action: String,
    pub from: String,
    pub to: String,
}

impl AuditQuery {
    /// The filters as a query string (without the page cursor).
    fn filters(&self) -> String {
        serde_urlencoded::to_string([
            ("who", self.who.trim()),
            ("action", self.action.trim()),
            ("from", self.from.trim()),
            ("to", self.to.trim()),
        ])
        .unwrap_or_default()
    }
}

pub async fn page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, PageError> {
    let before = if q.before.is_empty() {
        Ok(None)
    } else {
        q.before.parse::<i64>().map(Some).map_err(|_| ())
    };
    let mut bad_query = before.is_err();
    let before = before.unwrap_or(None);
    let day = |s: &str| {
        (!s.trim().is_empty())
            .then(|| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d"))
            .transpose()
    };
    let (from, to) = match (day(&q.from), day(&q.to)) {
        (Ok(f), Ok(t)) => (f, t),
        _ => {
            bad_query = true;
            (None, None)
        }
    };
    let users = records::staff_names(&svc).await?;
    // Who: an email is looked up among the staff; otherwise the actor as recorded.
    let who = q.who.trim();
    let actor = if who.is_empty() {
        None
    } else {
        Some(
            users
                .iter()
                .find(|(_, (_, email))| email.eq_ignore_ascii_case(who))
                .map(|(id, _)| id.clone())
                .unwrap_or_else(|| who.to_string()),
        )
    };
    let midnight = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight");
    let csv_actor = actor.clone().unwrap_or_default();
    let filter = steward_domain::filters::AuditFilter {
        from: from.map(midnight),
        to: to.and_then(|t| t.succ_opt()).map(midnight),
        actor,
        action: Some(q.action.trim().to_string()).filter(|a| !a.is_empty()),
    };
    let (chain, rows) = records::audit_page(&svc, PAGE_ROWS, before, filter).await?;
    let anchor = records::anchor(&svc).await?;
    let names = records::audit_names(&svc, &rows, users).await?;
    let filters = q.filters();
    let older_link = (rows.len() as i64 == PAGE_ROWS)
        .then(|| {
            rows.last()
                .map(|r| format!("/console/audit?{filters}&before={}", r.seq))
        })
        .flatten();
    let lines = rows
        .into_iter()
        .map(|r| Line {
            seq: r.seq,
            at: r.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            who: match r.actor.as_str() {
                "system" => "Steward".to_string(),
                "subject" => "The requester".to_string(),
                actor => names
                    .staff
                    .get(actor)
                    .map(|(name, email)| format!("{name} ({email})"))
                    .unwrap_or_else(|| actor.to_string()),
            },
            action_label: steward_domain::labels::of_field(&r.action),
            target: target_of(
                &r.target,
                &names,
                staff.0.role.can(steward_domain::Permission::WorkOwnTasks),
            ),
            detail: detail_lines(&r.detail),
            action: r.action,
        })
        .collect();
    let status = if bad_query {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render(
        status,
        &AuditPage {
            nav: Nav::new(&staff, "audit"),
            chain,
            anchor,
            lines,
            newer_link: before
                .is_some()
                .then(|| format!("/console/audit?{filters}")),
            older_link,
            bad_query,
            csv_link: format!("/console/exports/audit.csv?{}", {
                let (f, t) = (q.from.trim(), q.to.trim());
                serde_urlencoded::to_string([
                    ("from", f),
                    ("to", t),
                    ("action", q.action.trim()),
                    ("actor", csv_actor.as_str()),
                ])
                .unwrap_or_default()
            }),
            q: q.into_inner(),
        },
    )
}
