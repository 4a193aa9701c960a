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
    newer_link: bool,
    older_link: Option<String>,
    bad_query: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AuditQuery {
    before: String,
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
    let bad_query = before.is_err();
    let before = before.unwrap_or(None);
    let (chain, rows, users) = records::audit_page(&svc, PAGE_ROWS, before).await?;
    let anchor = records::anchor(&svc).await?;
    let names: HashMap<String, String> = users
        .into_iter()
        .map(|u| (format!("user:{}", u.id), u.email))
        .collect();
    let older_link = (rows.len() as i64 == PAGE_ROWS)
        .then(|| {
            rows.last()
                .map(|r| format!("/console/audit?before={}", r.seq))
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
            newer_link: before.is_some(),
            older_link,
            bad_query,
        },
    )
}
