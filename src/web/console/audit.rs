//! The audit log in the console: newest rows first, paged, with the state of the hash chain
//! (the same check as `steward audit verify`) naming the first broken row.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::audit::ChainReport;
use crate::web::error::PageError;
use crate::web::render;
use crate::web::staff::ConsoleStaff;
use crate::workflow::{Services, records};

const PAGE_ROWS: i64 = 50;

pub struct Line {
    pub seq: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage {
    nav: Nav,
    chain: ChainReport,
    anchor: crate::audit::checkpoint::AnchorReport,
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
                .find(|(_, email)| email.eq_ignore_ascii_case(who))
                .map(|(id, _)| id.clone())
                .unwrap_or_else(|| who.to_string()),
        )
    };
    let midnight = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight");
    let csv_actor = actor.clone().unwrap_or_default();
    let filter = crate::db::reports::AuditFilter {
        from: from.map(midnight),
        to: to.and_then(|t| t.succ_opt()).map(midnight),
        actor,
        action: Some(q.action.trim().to_string()).filter(|a| !a.is_empty()),
    };
    let (chain, rows, _) = records::audit_page(&svc, PAGE_ROWS, before, filter).await?;
    let anchor = records::anchor(&svc).await?;
    let names: HashMap<String, String> = users.into_iter().collect();
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
            who: names.get(&r.actor).cloned().unwrap_or(r.actor),
            action: r.action,
            target: r.target,
            detail: r.detail,
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
