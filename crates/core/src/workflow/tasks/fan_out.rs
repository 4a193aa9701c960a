//! The fan-out: a verified request becomes one task per active store.

use chrono::{Duration, NaiveDate};

use crate::audit::{self, Actor};
use crate::workflow::error::WorkflowError;
use crate::workflow::timeline;
use steward_db::models::{RequestRow, TaskRow};
use steward_db::{self as db, DbConn, requests, stores, tasks};
use steward_domain::Action;
use steward_domain::lifecycle::next_status;
use steward_domain::stores::TaskStatus;
use steward_domain::timeline::TimelineAction;

/// Creates one task per active store and moves the request to `in_progress`. Runs inside
/// the verification's transaction; with no stores registered the request stays `verified`.
pub fn fan_out(
    c: &mut DbConn,
    row: &mut RequestRow,
    actor: &Actor,
    lead_days: i64,
    today: NaiveDate,
) -> Result<usize, WorkflowError> {
    let stores = stores::active(c)?;
    if stores.is_empty() {
        return Ok(0);
    }
    let due = task_due(row, lead_days, today);
    let now = db::now();
    for s in &stores {
        tasks::insert(
            c,
            &TaskRow {
                id: db::new_id(),
                request_id: row.id.clone(),
                store_id: s.id.clone(),
                status: TaskStatus::Open,
                due_date: due,
                attempts: 0,
                next_attempt_at: None,
                claimed_until: None,
                last_error: None,
                result: None,
                note: None,
                exemption_basis: None,
                created_at: now,
                updated_at: now,
                completed_at: None,
                correction_enc: None,
            },
        )?;
    }
    let from = row.status;
    let to = next_status(from, Action::Start, None)?;
    row.status = to;
    row.updated_at = now;
    requests::save(c, row)?;
    let mut e = timeline::noted(
        &row.id,
        actor,
        TimelineAction::Start,
        format!("Sent to {} data store(s)", stores.len()),
    );
    e.from_status = Some(from);
    e.to_status = Some(to);
    requests::insert_event(c, &e)?;
    audit::record(
        c,
        actor,
        "request.start",
        &format!("request:{}", row.id),
        serde_json::json!({"tasks": stores.len()}),
    )?;
    Ok(stores.len())
}

/// When a request's store tasks are due: ahead of the statutory date by the lead time, but
/// never before today unless the request is already late.
fn task_due(row: &RequestRow, lead_days: i64, today: NaiveDate) -> NaiveDate {
    let effective = row.effective_due();
    (effective - Duration::days(lead_days)).max(today.min(effective))
}

/// Moves the due date of a request's unsettled tasks after its own deadline moved
/// (an extension, a pause ended, a calendar change), so no task falls due after the law's date.
pub fn retime_open_tasks(
    c: &mut DbConn,
    row: &RequestRow,
    lead_days: i64,
    today: NaiveDate,
) -> Result<(), WorkflowError> {
    tasks::set_due_of_unsettled(c, &row.id, task_due(row, lead_days, today))?;
    Ok(())
}

/// How many of a request's tasks are neither done nor exempt.
pub fn unsettled(c: &mut DbConn, request_id: &str) -> Result<usize, WorkflowError> {
    let mut n = 0;
    for (t, _) in tasks::of_request(c, request_id)? {
        if !t.status.is_settled() {
            n += 1;
        }
    }
    Ok(n)
}

/// The stores whose done task reached nobody, by name.
pub fn found_nothing_in(c: &mut DbConn, request_id: &str) -> Result<Vec<String>, WorkflowError> {
    Ok(tasks::of_request(c, request_id)?
        .into_iter()
        .filter(|(t, _)| {
            super::result::TaskResult::read(t.result.as_deref())
                .is_some_and(|r| r.found_nothing(t.status))
        })
        .map(|(_, s)| s.name)
        .collect())
}
