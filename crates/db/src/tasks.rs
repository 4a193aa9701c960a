//! Queries on tasks, their claims, and the subject's found records.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{RequestRow, StoreRow, TaskRecord, TaskRow};
use super::schema::{reminders, requests, stores, task_records, tasks};
use super::types::W;
use crate::conn::{DbConn, DbError};
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::{RequestId, TaskId, UserId};

pub fn insert(conn: &mut DbConn, t: &TaskRow) -> Result<(), DbError> {
    diesel::insert_into(tasks::table)
        .values(t.clone())
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, t: &TaskRow) -> Result<(), DbError> {
    diesel::update(tasks::table.find(W(&t.id)))
        .set(t.clone())
        .execute(conn)?;
    Ok(())
}

/// Sets the due date of a request's tasks that are not done or exempt.
pub fn set_due_of_unsettled(
    conn: &mut DbConn,
    request_id: &str,
    due: chrono::NaiveDate,
) -> Result<(), DbError> {
    diesel::update(
        tasks::table
            .filter(tasks::request_id.eq(W(request_id)))
            .filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W))),
    )
    .set(tasks::due_date.eq(due))
    .execute(conn)?;
    Ok(())
}

/// Saves a task only if its stored status is still `expected`; false otherwise.
pub fn save_if_status(
    conn: &mut DbConn,
    t: &TaskRow,
    expected: TaskStatus,
) -> Result<bool, DbError> {
    let n = diesel::update(
        tasks::table
            .filter(tasks::id.eq(W(&t.id)))
            .filter(tasks::status.eq(W(expected))),
    )
    .set(t.clone())
    .execute(conn)?;
    Ok(n == 1)
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<(TaskRow, StoreRow)>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table)
        .filter(tasks::id.eq(W(id)))
        .select((TaskRow::as_select(), StoreRow::as_select()))
        .first(conn)
        .optional()?)
}

pub fn of_request(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Vec<(TaskRow, StoreRow)>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table)
        .filter(tasks::request_id.eq(W(request_id)))
        .order(stores::name.asc())
        .select((TaskRow::as_select(), StoreRow::as_select()))
        .load(conn)?)
}

/// A task with its store and the request it serves.
pub type TaskWithRequest = (TaskRow, StoreRow, RequestRow);

/// A task with its store and request.
pub fn find_with_request(conn: &mut DbConn, id: &str) -> Result<Option<TaskWithRequest>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table)
        .inner_join(requests::table)
        .filter(tasks::id.eq(W(id)))
        .select((
            TaskRow::as_select(),
            StoreRow::as_select(),
            RequestRow::as_select(),
        ))
        .first(conn)
        .optional()?)
}

/// The tasks of several requests with their stores' names, in one query per 500 requests.
pub fn of_requests(
    conn: &mut DbConn,
    request_ids: &[RequestId],
) -> Result<Vec<(TaskRow, String)>, DbError> {
    let mut out = Vec::new();
    for chunk in request_ids.chunks(500) {
        out.extend(
            tasks::table
                .inner_join(stores::table)
                .filter(tasks::request_id.eq_any(chunk.iter().map(W)))
                .order(stores::name.asc())
                .select((TaskRow::as_select(), stores::name))
                .load::<(TaskRow, String)>(conn)?,
        );
    }
    Ok(out)
}

/// Which tasks a queue holds.
#[derive(Debug, Clone, Copy)]
pub struct Queue<'a> {
    /// Only tasks of stores this user owns; all stores when `None`.
    pub owner: Option<&'a str>,
    pub open_only: bool,
    pub status: Option<TaskStatus>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of a queue, soonest due first, with each task's store and request in the same
/// query, and the queue's total.
pub fn queue(conn: &mut DbConn, q: &Queue) -> Result<(Vec<TaskWithRequest>, i64), DbError> {
    let build = || {
        let mut b = tasks::table
            .inner_join(stores::table)
            .inner_join(requests::table)
            .into_boxed();
        if let Some(owner) = q.owner {
            b = b.filter(stores::owner_id.eq(W(owner.to_string())));
        }
        if q.open_only {
            b = b.filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W)));
        }
        if let Some(s) = q.status {
            b = b.filter(tasks::status.eq(W(s)));
        }
        b
    };
    let total: i64 = build().count().get_result(conn)?;
    let rows = build()
        .order((
            tasks::due_date.asc(),
            tasks::created_at.asc(),
            tasks::id.asc(),
        ))
        .limit(q.limit)
        .offset(q.offset)
        .select((
            TaskRow::as_select(),
            StoreRow::as_select(),
            RequestRow::as_select(),
        ))
        .load(conn)?;
    Ok((rows, total))
}

/// Every open task's id, due date, store name and store owner: what reminders need.
pub fn open_due_dates(
    conn: &mut DbConn,
) -> Result<Vec<(TaskId, chrono::NaiveDate, String, UserId)>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table)
        .filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W)))
        .select((tasks::id, tasks::due_date, stores::name, stores::owner_id))
        .load(conn)?)
}

/// Tasks whose connector should run now: new, or failed and due for an automatic retry, or
/// running under a claim that expired (its process died).
pub fn runnable(
    conn: &mut DbConn,
    now: NaiveDateTime,
    max_attempts: i32,
    limit: i64,
) -> Result<Vec<String>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table)
        .filter(stores::kind.ne(W(StoreKind::Manual)))
        .filter(
            tasks::status
                .eq(W(TaskStatus::Open))
                .and(tasks::attempts.eq(0))
                .or(tasks::status
                    .eq(W(TaskStatus::Failed))
                    .and(tasks::attempts.lt(max_attempts))
                    .and(tasks::next_attempt_at.le(now)))
                .or(tasks::status
                    .eq(W(TaskStatus::Running))
                    .and(tasks::claimed_until.lt(now))),
        )
        .order((tasks::due_date.asc(), tasks::id.asc()))
        .limit(limit)
        .select(tasks::id)
        .load(conn)?)
}

/// Claims a task for this process by compare-and-set: only one process can move it from the
/// state it was read in, so no job runs twice.
pub fn claim(
    conn: &mut DbConn,
    id: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        tasks::table.filter(tasks::id.eq(W(id))).filter(
            tasks::status
                .eq(W(TaskStatus::Open))
                .or(tasks::status
                    .eq(W(TaskStatus::Failed))
                    .and(tasks::next_attempt_at.le(now)))
                .or(tasks::status
                    .eq(W(TaskStatus::Running))
                    .and(tasks::claimed_until.lt(now))),
        ),
    )
    .set((
        tasks::status.eq(W(TaskStatus::Running)),
        tasks::claimed_until.eq(until),
        tasks::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Hands back a claim this process holds on a running job: another process may take the
/// job up at once (the claim is due, as if it had run out).
pub fn release(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::update(
        tasks::table
            .filter(tasks::id.eq(W(id)))
            .filter(tasks::status.eq(W(TaskStatus::Running))),
    )
    .set((
        tasks::claimed_until.eq(now - chrono::Duration::seconds(1)),
        tasks::updated_at.eq(now),
    ))
    .execute(conn)?)
}

pub fn next_record_seq(conn: &mut DbConn, task_id: &str) -> Result<i64, DbError> {
    let max: Option<i64> = task_records::table
        .filter(task_records::task_id.eq(W(task_id)))
        .select(diesel::dsl::max(task_records::seq))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

/// Rows per INSERT: 8 columns × 500 stays far below PostgreSQL's 65,535 parameters and
/// SQLite's 32,766.
const RECORDS_PER_INSERT: usize = 500;

pub fn insert_records(conn: &mut DbConn, records: &[TaskRecord]) -> Result<(), DbError> {
    // Multi-row INSERTs: an upload of 100,000 values is 200 statements, not 100,000. The
    // multi-backend connection has no batch insert of its own, so each backend does it.
    for chunk in records.chunks(RECORDS_PER_INSERT) {
        match conn {
            DbConn::Postgres(c) => {
                diesel::insert_into(task_records::table)
                    .values(chunk.to_vec())
                    .execute(c)?;
            }
            DbConn::Sqlite(c) => {
                diesel::insert_into(task_records::table)
                    .values(chunk.to_vec())
                    .execute(c)?;
            }
        }
    }
    Ok(())
}

pub fn delete_records(conn: &mut DbConn, task_id: &str) -> Result<(), DbError> {
    diesel::delete(task_records::table.filter(task_records::task_id.eq(W(task_id))))
        .execute(conn)?;
    Ok(())
}

/// One page of a request's records in package order, after the given position.
pub fn records_page(
    conn: &mut DbConn,
    request_id: &str,
    after: Option<(String, i64)>,
    limit: i64,
) -> Result<Vec<(TaskRecord, String)>, DbError> {
    let mut q = task_records::table
        .inner_join(tasks::table.inner_join(stores::table))
        .filter(task_records::request_id.eq(W(request_id)))
        .into_boxed();
    if let Some((task, seq)) = after {
        q = q.filter(
            task_records::task_id
                .gt(W(task.clone()))
                .or(task_records::task_id
                    .eq(W(task))
                    .and(task_records::seq.gt(seq))),
        );
    }
    Ok(
        q.order((task_records::task_id.asc(), task_records::seq.asc()))
            .limit(limit)
            .select((TaskRecord::as_select(), stores::name))
            .load(conn)?,
    )
}

/// Which of these reminder keys were sent already, in one query per 500 keys.
pub fn sent_reminders(
    conn: &mut DbConn,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, DbError> {
    let mut sent = std::collections::HashSet::new();
    for chunk in keys.chunks(500) {
        let found: Vec<String> = reminders::table
            .filter(reminders::key.eq_any(chunk))
            .select(reminders::key)
            .load(conn)?;
        sent.extend(found);
    }
    Ok(sent)
}

/// Takes a callback nonce for a task; false when it was seen before (a replay). Nonces
/// older than the signatures' window are forgotten, since their signatures no longer pass.
pub fn take_nonce(
    conn: &mut DbConn,
    nonce: &str,
    task_id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    use super::schema::callback_nonces as n;
    diesel::delete(n::table.filter(n::seen_at.lt(now - chrono::Duration::minutes(15))))
        .execute(conn)?;
    match diesel::insert_into(n::table)
        .values((
            n::nonce.eq(nonce),
            n::task_id.eq(W(task_id)),
            n::seen_at.eq(now),
        ))
        .execute(conn)
    {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Records the reminder as sent; false when it was already (by this or another process).
pub fn claim_reminder(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let exists: i64 = reminders::table
        .filter(reminders::key.eq(key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    match diesel::insert_into(reminders::table)
        .values((reminders::key.eq(key), reminders::sent_at.eq(now)))
        .execute(conn)
    {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// When a request is denied or withdrawn, its stores owe nothing more: tasks nobody is
/// working on (open or failed) become exempt with this basis. A running job finishes.
pub fn close_unanswered(
    conn: &mut DbConn,
    request_id: &str,
    basis: &str,
    now: chrono::NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        tasks::table
            .filter(tasks::request_id.eq(W(request_id)))
            .filter(tasks::status.eq_any([TaskStatus::Open, TaskStatus::Failed].map(W))),
    )
    .set((
        tasks::status.eq(W(TaskStatus::Exempt)),
        tasks::exemption_basis.eq(basis),
        tasks::next_attempt_at.eq(None::<chrono::NaiveDateTime>),
        tasks::completed_at.eq(now),
        tasks::updated_at.eq(now),
    ))
    .execute(conn)?)
}

/// A parsed upload waiting for its owner's confirmation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = super::schema::pending_uploads)]
pub struct PendingUpload {
    #[diesel(serialize_as = crate::types::W<TaskId>)]
    pub task_id: TaskId,
    pub values_enc: String,
    pub table_name: String,
    /// The CSV's column names, as JSON.
    pub column_names: String,
    pub records: i64,
    pub value_count: i64,
    pub created_at: chrono::NaiveDateTime,
}

/// Keeps an upload for confirmation, replacing one not yet confirmed.
pub fn stage_upload(conn: &mut DbConn, p: &PendingUpload) -> Result<(), DbError> {
    use super::schema::pending_uploads;
    diesel::delete(pending_uploads::table.find(W(&p.task_id))).execute(conn)?;
    diesel::insert_into(pending_uploads::table)
        .values(p.clone())
        .execute(conn)?;
    Ok(())
}

pub fn pending_upload(conn: &mut DbConn, task_id: &str) -> Result<Option<PendingUpload>, DbError> {
    use super::schema::pending_uploads;
    Ok(pending_uploads::table
        .find(W(task_id))
        .select(PendingUpload::as_select())
        .first(conn)
        .optional()?)
}

pub fn discard_upload(conn: &mut DbConn, task_id: &str) -> Result<usize, DbError> {
    use super::schema::pending_uploads;
    Ok(diesel::delete(pending_uploads::table.find(W(task_id))).execute(conn)?)
}
