//! A store owner's CSV goes in two steps: parsed and checked, it is kept aside (sealed) and
//! the owner sees what it holds, how many records and values and which columns, before it
//! becomes the task's answer; or they discard it and upload another.

use serde::Serialize;

use super::permits::{may_see, may_work};
use super::settle::{Settle, settle};
use crate::auth::Staff;
use crate::workflow::error::WorkflowError;
use crate::workflow::services::Services;
use steward_connectors::FoundValue;
use steward_db::tasks::{self, PendingUpload};
use steward_db::{self as db, slots};
use steward_domain::TaskId;

/// What an upload waiting for confirmation holds.
#[derive(Debug, Clone, Serialize)]
pub struct Staged {
    pub table: String,
    pub columns: Vec<String>,
    pub records: i64,
    pub values: i64,
}

impl Staged {
    fn of(p: &PendingUpload) -> Staged {
        Staged {
            table: p.table_name.clone(),
            columns: serde_json::from_str(&p.column_names).unwrap_or_default(),
            records: p.records,
            values: p.value_count,
        }
    }
}

/// The task as this staff member may work it, or why not.
fn workable(
    c: &mut db::DbConn,
    staff: &Staff,
    task_id: &str,
) -> Result<steward_db::models::TaskRow, WorkflowError> {
    let (t, s) = tasks::find(c, task_id)?.ok_or(WorkflowError::NotFound)?;
    if !may_see(staff, &s) {
        return Err(WorkflowError::NotFound);
    }
    if !may_work(staff, &s) {
        return Err(WorkflowError::Forbidden);
    }
    if t.status.is_settled() {
        return Err(WorkflowError::Conflict(format!(
            "this task is already {}",
            t.status.label().to_lowercase()
        )));
    }
    Ok(t)
}

/// Keeps a parsed upload aside for the owner to confirm.
pub async fn stage(
    svc: &Services,
    staff: &Staff,
    task_id: &TaskId,
    values: Vec<FoundValue>,
) -> Result<Staged, WorkflowError> {
    let mut columns: Vec<String> = Vec::new();
    for v in &values {
        if !columns.contains(&v.field) {
            columns.push(v.field.clone());
        }
    }
    let records = values
        .iter()
        .map(|v| v.record.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len() as i64;
    let pending = PendingUpload {
        task_id: task_id.clone(),
        values_enc: svc.keys.seal(
            &serde_json::to_string(&values).expect("plain values serialise"),
            slots::pending_upload(task_id),
        ),
        table_name: values.first().map(|v| v.table.clone()).unwrap_or_default(),
        column_names: serde_json::to_string(&columns).expect("plain list"),
        records,
        value_count: values.len() as i64,
        created_at: db::now(),
    };
    let staged = Staged::of(&pending);
    let (staff, id) = (staff.clone(), task_id.to_string());
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                workable(c, &staff, &id)?;
                tasks::stage_upload(c, &pending)?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    Ok(staged)
}

/// The upload waiting on this task, if any (for its page).
pub async fn waiting(svc: &Services, task_id: &str) -> Result<Option<Staged>, WorkflowError> {
    let id = task_id.to_string();
    let p = svc.db.run(move |c| tasks::pending_upload(c, &id)).await?;
    Ok(p.as_ref().map(Staged::of))
}

/// The owner confirms: the kept upload becomes the task's answer.
pub async fn accept(svc: &Services, staff: &Staff, task_id: &str) -> Result<(), WorkflowError> {
    let (who, id) = (staff.clone(), task_id.to_string());
    let pending = svc
        .db
        .run(move |c| {
            workable(c, &who, &id)?;
            Ok::<_, WorkflowError>(tasks::pending_upload(c, &id)?)
        })
        .await?
        .ok_or_else(|| {
            WorkflowError::Conflict("there is no upload waiting; upload the file again".into())
        })?;
    let values: Vec<FoundValue> = serde_json::from_str(
        &svc.keys
            .open(&pending.values_enc, slots::pending_upload(task_id))?,
    )
    .map_err(|_| WorkflowError::Corrupt("kept upload".into()))?;
    settle(
        svc,
        staff.actor(),
        Some(staff),
        task_id,
        Settle::Records(values),
    )
    .await?;
    discard(svc, staff, task_id).await
}

/// The owner discards a kept upload (or it was used).
pub async fn discard(svc: &Services, staff: &Staff, task_id: &str) -> Result<(), WorkflowError> {
    let (who, id) = (staff.clone(), task_id.to_string());
    svc.db
        .run(move |c| {
            let (_, s) = tasks::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
            if !may_see(&who, &s) {
                return Err(WorkflowError::NotFound);
            }
            tasks::discard_upload(c, &id)?;
            Ok(())
        })
        .await
}
