//! Settling a task: an owner's or staff member's report, a store's signed callback, a retry.

use super::permits::{may_see, may_work};
use super::result::TaskResult;
use crate::audit::{self, Actor};
use crate::auth::Staff;
use crate::workflow::error::WorkflowError;
use crate::workflow::services::Services;
use crate::workflow::timeline;
use steward_connectors::FoundValue;
use steward_db::models::{TaskRecord, TaskRow};
use steward_db::{self as db, DbConn, requests, tasks};
use steward_domain::stores::{MAX_AUTOMATIC_ATTEMPTS, TaskStatus};
use steward_domain::timeline::TimelineAction;

/// What an owner, a staff member or a store's callback reports.
#[derive(Debug, Clone)]
pub enum Settle {
    /// Access: the subject's records in this store.
    Records(Vec<FoundValue>),
    /// Erasure, correction or any other request carried out, with what was done.
    Done {
        note: String,
        counts: Option<serde_json::Value>,
    },
    /// Not carried out, with the legal basis (e.g. tax-record retention).
    Exempt { basis: String },
    /// The store could not do it; staff see the error and may retry.
    Failed { error: String },
    /// Staff ask for another automatic attempt.
    Retry,
}

/// Settles a task on behalf of `actor`; `staff` is checked for ownership (None for a store's
/// signed callback, which the caller has already authenticated against the store's secret).
pub async fn settle(
    svc: &Services,
    actor: Actor,
    staff: Option<&Staff>,
    task_id: &str,
    what: Settle,
) -> Result<(), WorkflowError> {
    let id = task_id.to_string();
    let staff = staff.cloned();
    let keys = svc.keys.clone();
    let retry = matches!(what, Settle::Retry);
    let store_id = svc
        .db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let (mut t, s) = tasks::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
                if let Some(st) = &staff {
                    if !may_see(st, &s) {
                        return Err(WorkflowError::NotFound);
                    }
                    if !may_work(st, &s) {
                        return Err(WorkflowError::Forbidden);
                    }
                }
                let request = requests::find(c, &t.request_id)?.ok_or(WorkflowError::NotFound)?;
                if request.status.is_closed() {
                    return Err(WorkflowError::Conflict("the request is closed".into()));
                }
                let status = t.status;
                let now = db::now();
                let (to, note) = match what {
                    Settle::Retry => {
                        if status != TaskStatus::Failed {
                            return Err(WorkflowError::Conflict(
                                "only a failed task can be retried".into(),
                            ));
                        }
                        t.attempts = 0;
                        t.next_attempt_at = None;
                        (TaskStatus::Open, "Retry requested".to_string())
                    }
                    _ if status.is_settled() => {
                        return Err(WorkflowError::Conflict(format!(
                            "this task is already {status}"
                        )));
                    }
                    Settle::Records(values) => {
                        tasks::delete_records(c, &t.id)?;
                        store_records(c, &keys, &t, &values)?;
                        let found = TaskResult::Found {
                            records: values.len() as u64,
                            tables: None,
                        };
                        t.result = Some(found.to_text());
                        (
                            TaskStatus::Done,
                            format!("{} value(s) provided", values.len()),
                        )
                    }
                    Settle::Done { note, counts } => {
                        t.result = counts.map(|v| v.to_string());
                        t.note = Some(note.clone());
                        (TaskStatus::Done, note)
                    }
                    Settle::Exempt { basis } => {
                        t.exemption_basis = Some(basis.clone());
                        (TaskStatus::Exempt, format!("Exempt: {basis}"))
                    }
                    Settle::Failed { error } => {
                        t.last_error = Some(error.clone());
                        t.attempts = MAX_AUTOMATIC_ATTEMPTS;
                        (TaskStatus::Failed, format!("Failed: {error}"))
                    }
                };
                t.status = to;
                t.claimed_until = None;
                t.updated_at = now;
                t.completed_at = to.is_settled().then_some(now);
                tasks::save(c, &t)?;
                requests::insert_event(
                    c,
                    &timeline::noted(
                        &t.request_id,
                        &actor,
                        TimelineAction::task(to),
                        format!("{}: {note}", s.name),
                    ),
                )?;
                audit::record(
                    c,
                    &actor,
                    &format!("task.{to}"),
                    &format!("task:{}", t.id),
                    serde_json::json!({"store": s.id, "request": t.request_id}),
                )?;
                Ok(s.id)
            })
        })
        .await?;
    if retry {
        // Staff say the store is back: try it now, not after its last failure's pause.
        svc.pools.clear_down(&store_id);
    }
    svc.jobs.notify_one();
    Ok(())
}

pub(super) fn store_records(
    c: &mut DbConn,
    keys: &steward_db::crypto::Keys,
    t: &TaskRow,
    values: &[FoundValue],
) -> Result<(), WorkflowError> {
    let first = tasks::next_record_seq(c, &t.id)?;
    let rows: Vec<TaskRecord> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let seq = first + i as i64;
            let row = steward_db::slots::task_record_row(&t.id, seq);
            TaskRecord {
                task_id: t.id.clone(),
                seq,
                request_id: t.request_id.clone(),
                table_name: v.table.clone(),
                record: v.record.clone(),
                field: v.field.clone(),
                data_category: v.category.clone(),
                value_enc: v
                    .value
                    .as_deref()
                    .map(|x| keys.seal(x, steward_db::slots::task_record(&row))),
            }
        })
        .collect();
    tasks::insert_records(c, &rows)?;
    Ok(())
}
