//! The audit log as staff read it, downloads recorded in it, and the health check.

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor, ChainReport, checkpoint};
use steward_db::models::AuditRow;
use steward_db::{DbError, users};

/// The audit page: the chain's state and one page of rows (newest first).
pub async fn audit_page(
    svc: &Services,
    limit: i64,
    before: Option<i64>,
    filter: steward_db::reports::AuditFilter,
) -> Result<(ChainReport, Vec<AuditRow>), WorkflowError> {
    Ok(svc
        .db
        .run(move |c| {
            let chain = audit::verify(c)?;
            let rows = audit::recent(c, limit, before, &filter)?;
            Ok::<_, DbError>((chain, rows))
        })
        .await?)
}

/// Staff as the audit log names them (`user:<id>`), with their name and email: read once per
/// page, for the "who" filter and for the rows.
pub type StaffNames = std::collections::HashMap<String, (String, String)>;

pub async fn staff_names(svc: &Services) -> Result<StaffNames, WorkflowError> {
    Ok(svc
        .db
        .run(|c| {
            Ok::<_, DbError>(
                users::list(c)?
                    .into_iter()
                    .map(|u| (format!("user:{}", u.id), (u.name, u.email)))
                    .collect(),
            )
        })
        .await?)
}

/// Names for the ids an audit page shows: staff (`user:<id>` → name and email), requests
/// (id → reference) and stores (id → name).
#[derive(Debug, Default)]
pub struct AuditNames {
    pub staff: StaffNames,
    pub requests: std::collections::HashMap<String, String>,
    pub stores: std::collections::HashMap<String, String>,
}

/// The requests and stores these rows name, in two queries; `staff` as already read.
pub async fn audit_names(
    svc: &Services,
    rows: &[steward_db::models::AuditRow],
    staff: StaffNames,
) -> Result<AuditNames, WorkflowError> {
    let ids_of = |kind: &str| -> Vec<String> {
        rows.iter()
            .filter_map(|r| r.target.strip_prefix(kind).map(str::to_string))
            .collect()
    };
    let (requests, stores) = (ids_of("request:"), ids_of("store:"));
    Ok(svc
        .db
        .run(move |c| {
            let request_ids: Vec<steward_domain::RequestId> =
                requests.into_iter().map(Into::into).collect();
            let requests = steward_db::requests::public_ids_of(c, &request_ids)?
                .into_iter()
                .map(|(id, p)| (id.to_string(), p.to_string()))
                .collect();
            let stores = steward_db::stores::names_of(c, &stores)?;
            Ok::<_, DbError>(AuditNames {
                staff,
                requests,
                stores,
            })
        })
        .await?)
}

/// Someone downloads a report (`breaches`, `requests`, `access-review`, …), with the range
/// of rows asked for: takes the actor's export permit (at most
/// [`super::export_permits::PER_STAFF`] at once) and audits the download. The response
/// holds the permit until its last byte.
pub async fn export_downloaded(
    svc: &Services,
    actor: Actor,
    export: &'static str,
    range: serde_json::Value,
) -> Result<super::export_permits::ExportPermit, WorkflowError> {
    let permit = super::export_permits::take(&actor)?;
    svc.db
        .run(move |c| audit::export_downloaded(c, &actor, export, range))
        .await?;
    Ok(permit)
}

/// Signs the audit chain's head if it moved since the last checkpoint.
pub async fn checkpoint(svc: &Services) -> Result<(), WorkflowError> {
    let (signer, file) = (svc.keys.audit_signer(), svc.config.checkpoint_file());
    svc.db
        .run(move |c| {
            checkpoint::write(c, &signer, &file)
                .map(|_| ())
                .map_err(WorkflowError::from)
        })
        .await
}

impl From<checkpoint::CheckpointError> for WorkflowError {
    fn from(e: checkpoint::CheckpointError) -> Self {
        match e {
            checkpoint::CheckpointError::Db(d) => WorkflowError::Db(d),
            other => WorkflowError::Conflict(other.to_string()),
        }
    }
}

/// What the signed checkpoints say about the chain.
pub async fn anchor(svc: &Services) -> Result<checkpoint::AnchorReport, WorkflowError> {
    let (signer, file) = (svc.keys.audit_signer(), svc.config.checkpoint_file());
    svc.db
        .run(move |c| checkpoint::check(c, &signer, &file).map_err(WorkflowError::from))
        .await
}

/// Whether the database answers.
pub async fn healthy(svc: &Services) -> bool {
    svc.db
        .run(|c| {
            use diesel::connection::SimpleConnection;
            c.batch_execute("SELECT 1").map_err(DbError::from)
        })
        .await
        .is_ok()
}

/// `/metrics` in the Prometheus text format: this process's counters, and the database's
/// counts as they are now.
pub async fn metrics_text(svc: &Services) -> Result<String, WorkflowError> {
    let today = svc.today();
    let snapshot = svc
        .db
        .run(move |c| steward_db::reports::live_counts(c, today))
        .await?;
    Ok(svc.metrics.render(&snapshot))
}
