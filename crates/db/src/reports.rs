//! Reads behind the regulator's reports, keyset-paged so an export of any size streams in
//! constant memory; and the retention purge's writes.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::models::AuditRow;
use super::schema::{attachments, audit_log, request_events, requests, task_records, tasks};
use super::types::W;
use crate::conn::{DbConn, DbError};
pub use steward_domain::filters::AuditFilter;
use steward_domain::stores::TaskStatus;
use steward_domain::{DenialReason, Jurisdiction, RequestId, RequestKind, Status};

/// What the request log reads of a request: only its columns, since every timestamp read
/// is parsed and the log runs to millions of rows.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests)]
pub struct LogRow {
    pub id: RequestId,
    pub public_id: steward_domain::PublicId,
    pub kind: RequestKind,
    pub jurisdiction: Jurisdiction,
    pub channel: steward_domain::Channel,
    pub status: Status,
    pub email_enc: String,
    pub name_enc: Option<String>,
    pub received_at: NaiveDateTime,
    pub received_date: NaiveDate,
    pub acknowledge_by: Option<NaiveDate>,
    pub due_date: NaiveDate,
    pub extended_due_date: Option<NaiveDate>,
    pub verified_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub denial_reason: Option<DenialReason>,
}

/// Requests received in `[from, to)` (local dates), after the keyset cursor, oldest first.
pub fn requests_after(
    conn: &mut DbConn,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    after: Option<&(NaiveDateTime, RequestId)>,
    limit: i64,
) -> Result<Vec<LogRow>, DbError> {
    let mut q = requests::table.into_boxed();
    if let Some(f) = from {
        q = q.filter(requests::received_date.ge(f));
    }
    if let Some(t) = to {
        q = q.filter(requests::received_date.lt(t));
    }
    if let Some((at, id)) = after {
        // The first condition alone is an index range; the second drops the rows up to and
        // including the cursor within its instant.
        q = q.filter(requests::received_at.ge(*at)).filter(
            requests::received_at
                .gt(*at)
                .or(requests::id.gt(W(id.clone()))),
        );
    }
    Ok(q.order((requests::received_at.asc(), requests::id.asc()))
        .limit(limit)
        .select(LogRow::as_select())
        .load(conn)?)
}

/// Per request: its number of tasks (stores involved) and of failed tasks.
pub fn task_counts(
    conn: &mut DbConn,
    ids: &[RequestId],
) -> Result<Vec<(RequestId, i64, i64)>, DbError> {
    let all: Vec<(RequestId, i64)> = tasks::table
        .filter(tasks::request_id.eq_any(ids.iter().map(W)))
        .group_by(tasks::request_id)
        .select((tasks::request_id, count_star()))
        .load(conn)?;
    let failed: Vec<(RequestId, i64)> = tasks::table
        .filter(tasks::request_id.eq_any(ids.iter().map(W)))
        .filter(tasks::status.eq(W(TaskStatus::Failed)))
        .group_by(tasks::request_id)
        .select((tasks::request_id, count_star()))
        .load(conn)?;
    Ok(all
        .into_iter()
        .map(|(id, n)| {
            let f = failed.iter().find(|(i, _)| *i == id).map_or(0, |(_, f)| *f);
            (id, n, f)
        })
        .collect())
}

/// What the database says at the moment of a scrape.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// (status, jurisdiction, count)
    pub requests: Vec<(String, String, i64)>,
    pub overdue: i64,
    /// (status, count)
    pub tasks: Vec<(String, i64)>,
}

/// The figures `/metrics` reads at each scrape: requests by status and jurisdiction, open
/// requests past their (extended) due date, tasks by status. Three grouped counts.
pub fn live_counts(conn: &mut DbConn, today: NaiveDate) -> Result<Snapshot, DbError> {
    let requests: Vec<(Status, Jurisdiction, i64)> = requests::table
        .group_by((requests::status, requests::jurisdiction))
        .select((requests::status, requests::jurisdiction, count_star()))
        .load(conn)?;
    let overdue: i64 = requests::table
        .filter(requests::status.ne_all(Status::CLOSED.iter().map(W)))
        .filter(
            requests::extended_due_date
                .lt(today)
                .or(requests::extended_due_date
                    .is_null()
                    .and(requests::due_date.lt(today))),
        )
        .count()
        .get_result(conn)?;
    let tasks: Vec<(TaskStatus, i64)> = tasks::table
        .group_by(tasks::status)
        .select((tasks::status, count_star()))
        .load(conn)?;
    Ok(Snapshot {
        requests: requests
            .into_iter()
            .map(|(s, j, n)| (s.as_str().to_string(), j.as_str().to_string(), n))
            .collect(),
        overdue,
        tasks: tasks
            .into_iter()
            .map(|(s, n)| (s.as_str().to_string(), n))
            .collect(),
    })
}

/// What CCPA metrics need of each CCPA request received in a year.
pub type MetricRow = (
    RequestKind,
    Status,
    Option<DenialReason>,
    NaiveDate,
    Option<NaiveDateTime>,
);

/// CCPA requests received from `from` up to (not including) `to`.
pub fn ccpa_between(
    conn: &mut DbConn,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<MetricRow>, DbError> {
    Ok(requests::table
        .filter(requests::jurisdiction.eq(W(Jurisdiction::Ccpa)))
        .filter(requests::received_date.ge(from))
        .filter(requests::received_date.lt(to))
        .select((
            requests::kind,
            requests::status,
            requests::denial_reason,
            requests::received_date,
            requests::closed_at,
        ))
        .load(conn)?)
}

/// The audit rows a filter lets through, for the page (newest first) and the export (oldest
/// first) alike.
pub fn audit_query(f: &AuditFilter) -> audit_log::BoxedQuery<'static, crate::conn::MultiBackend> {
    let mut q = audit_log::table.into_boxed();
    if let Some(t) = f.from {
        q = q.filter(audit_log::at.ge(t));
    }
    if let Some(t) = f.to {
        q = q.filter(audit_log::at.lt(t));
    }
    if let Some(a) = &f.actor {
        q = q.filter(audit_log::actor.eq(a.clone()));
    }
    if let Some(a) = &f.action {
        q = q.filter(audit_log::action.eq(a.clone()));
    }
    q
}

pub fn audit_after(
    conn: &mut DbConn,
    f: &AuditFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_query(f)
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// Requests whose package window has closed but whose records are still stored.
pub fn expired_packages(
    conn: &mut DbConn,
    closed_before: NaiveDateTime,
) -> Result<Vec<RequestId>, DbError> {
    Ok(requests::table
        .filter(requests::closed_at.lt(closed_before))
        .filter(diesel::dsl::exists(
            task_records::table.filter(task_records::request_id.eq(requests::id)),
        ))
        .select(requests::id)
        .load(conn)?)
}

pub fn delete_records(conn: &mut DbConn, ids: &[RequestId]) -> Result<usize, DbError> {
    Ok(diesel::delete(
        task_records::table.filter(task_records::request_id.eq_any(ids.iter().map(W))),
    )
    .execute(conn)?)
}

/// Closed before the cut-off and not yet purged (a purged row's email index says so).
pub fn due_for_erasure(
    conn: &mut DbConn,
    closed_before: NaiveDateTime,
) -> Result<Vec<RequestId>, DbError> {
    Ok(requests::table
        .filter(requests::closed_at.lt(closed_before))
        .filter(requests::email_index.not_like("purged:%"))
        .select(requests::id)
        .load(conn)?)
}

/// Erases a closed request's personal data, keeping the row that metrics and the request
/// log count. The email index becomes `purged:<id>`, so the person is no longer found.
pub fn erase_personal_data(
    conn: &mut DbConn,
    ids: &[RequestId],
) -> Result<(usize, usize), DbError> {
    let mut n = 0;
    for id in ids {
        n += diesel::update(requests::table.find(W(id)))
            .set((
                requests::email_enc.eq(""),
                requests::email_index.eq(format!("purged:{id}")),
                requests::name_enc.eq(None::<String>),
                requests::details_enc.eq(None::<String>),
                requests::agent_enc.eq(None::<String>),
                requests::extension_reason.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    diesel::delete(
        super::schema::request_name_words::table
            .filter(super::schema::request_name_words::request_id.eq_any(ids.iter().map(W))),
    )
    .execute(conn)?;
    // Uploads never confirmed hold the person's data too.
    diesel::delete(
        super::schema::pending_uploads::table.filter(
            super::schema::pending_uploads::task_id.eq_any(
                tasks::table
                    .filter(tasks::request_id.eq_any(ids.iter().map(W)))
                    .select(tasks::id),
            ),
        ),
    )
    .execute(conn)?;
    // Staff notes on the timeline and on store tasks can quote the person: they go too.
    diesel::update(
        request_events::table.filter(request_events::request_id.eq_any(ids.iter().map(W))),
    )
    .set(request_events::note.eq(None::<String>))
    .execute(conn)?;
    // A correction's preview holds the old and new values, and a store's error message can
    // quote a row: neither outlives the request's personal data.
    diesel::update(tasks::table.filter(tasks::request_id.eq_any(ids.iter().map(W))))
        .set((
            tasks::note.eq(None::<String>),
            tasks::correction_enc.eq(None::<String>),
            tasks::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    let files = diesel::delete(
        attachments::table.filter(attachments::request_id.eq_any(ids.iter().map(W))),
    )
    .execute(conn)?;
    Ok((n, files))
}

pub fn count_records(conn: &mut DbConn, ids: &[RequestId]) -> Result<i64, DbError> {
    Ok(task_records::table
        .filter(task_records::request_id.eq_any(ids.iter().map(W)))
        .count()
        .get_result(conn)?)
}

pub fn count_attachments(conn: &mut DbConn, ids: &[RequestId]) -> Result<i64, DbError> {
    Ok(attachments::table
        .filter(attachments::request_id.eq_any(ids.iter().map(W)))
        .count()
        .get_result(conn)?)
}
