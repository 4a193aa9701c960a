//! Corrections that apply themselves: each SQL store's task previews what would change (kept
//! encrypted on the task), a privacy officer approves it field by field or rejects with a
//! reason, every SQL store to write passes a preflight, and then each store is changed in one
//! transaction. The subject is told what was corrected where, and what was refused and why.

use serde::{Deserialize, Serialize};

use super::error::WorkflowError;
use super::notices::SubjectLine;
use super::services::Services;
use super::tasks::result::TaskResult;
use super::timeline;
use crate::audit::{self, Actor};
use steward_connectors::sql::correct::Approved;
use steward_connectors::{self as connectors, FieldChange, Subject, TableCorrection};
use steward_db::crypto::Keys;
use steward_db::models::{RequestRow, StoreRow, TaskRow};
use steward_db::slots;
use steward_db::{self as db, requests, tasks};
use steward_domain::correction::CorrectionCategory;
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::timeline::TimelineAction;
use steward_domain::{EmailAddress, RequestKind, Status};

/// What a SQL store's correction task holds: the preview, then staff decisions and what was
/// applied. Sealed with the instance key on the task row.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CorrectionState {
    pub changes: Vec<FieldChange>,
    #[serde(default)]
    pub decisions: Vec<FieldDecision>,
    #[serde(default)]
    pub applied: Vec<TableCorrection>,
}

/// Staff's word on one field of one table (all the subject's rows of it alike).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FieldDecision {
    pub table: String,
    pub field: String,
    pub category: CorrectionCategory,
    pub apply: bool,
    pub value: String,
    /// Why it is not applied: staff's reason, or the preview's refusal.
    pub reason: Option<String>,
}

/// One field of one table as the preview shows it: the rows it would change.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FieldGroup {
    pub table: String,
    pub field: String,
    pub category: CorrectionCategory,
    pub after: String,
    pub refused: Option<String>,
    /// (record, value before) per row of the subject.
    #[schema(value_type = Vec<Vec<Option<String>>>)]
    pub rows: Vec<(String, Option<String>)>,
}

impl CorrectionState {
    pub fn preview(changes: Vec<FieldChange>) -> Self {
        CorrectionState {
            changes,
            ..Default::default()
        }
    }

    /// Sealed into its task's `correction_enc`.
    pub fn seal(&self, keys: &Keys, task_id: &str) -> Result<String, WorkflowError> {
        Ok(keys.seal(
            &serde_json::to_string(self).expect("plain JSON"),
            slots::task_correction(task_id),
        ))
    }

    pub fn open(keys: &Keys, sealed: &str, task_id: &str) -> Result<Self, WorkflowError> {
        serde_json::from_str(&keys.open(sealed, slots::task_correction(task_id))?)
            .map_err(|_| WorkflowError::Corrupt("correction preview".into()))
    }

    pub fn decided(&self) -> bool {
        !self.decisions.is_empty() || !self.applied.is_empty()
    }

    /// The preview by table and field, in the order the store reached them.
    pub fn groups(&self) -> Vec<FieldGroup> {
        let mut out: Vec<FieldGroup> = Vec::new();
        for c in &self.changes {
            match out
                .iter_mut()
                .find(|g| g.table == c.table && g.field == c.field)
            {
                Some(g) => g.rows.push((c.record.clone(), c.before.clone())),
                None => out.push(FieldGroup {
                    table: c.table.clone(),
                    field: c.field.clone(),
                    category: c.category,
                    after: c.after.clone(),
                    refused: c.refused.clone(),
                    rows: vec![(c.record.clone(), c.before.clone())],
                }),
            }
        }
        out
    }
}

/// One store's part of a correction, as staff review it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StoreReview {
    pub task_id: steward_domain::TaskId,
    pub store: String,
    pub status: TaskStatus,
    pub groups: Vec<FieldGroup>,
    pub decisions: Vec<FieldDecision>,
    /// What was written, per table.
    #[schema(value_type = Vec<Object>)]
    pub applied: Vec<TableCorrection>,
    pub awaiting: bool,
}

/// Every SQL store's preview (and, once approved, decisions and outcome) for a request.
pub async fn review(svc: &Services, request_id: &str) -> Result<Vec<StoreReview>, WorkflowError> {
    let id = request_id.to_string();
    let rows = svc.db.run(move |c| tasks::of_request(c, &id)).await?;
    let mut out = Vec::new();
    for (t, s) in rows {
        let Some(sealed) = &t.correction_enc else {
            continue;
        };
        let state = CorrectionState::open(&svc.keys, sealed, &t.id)?;
        out.push(StoreReview {
            task_id: t.id.clone(),
            store: s.name.clone(),
            status: t.status,
            awaiting: awaiting(&t, &state),
            groups: state.groups(),
            decisions: state.decisions,
            applied: state.applied,
        });
    }
    Ok(out)
}

fn awaiting(t: &TaskRow, state: &CorrectionState) -> bool {
    t.status == TaskStatus::Open && !state.decided()
}

/// Staff's word on one field of one store's preview; fields not named are applied as
/// previewed (or refused, where the preview refused them).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Decision {
    pub task_id: String,
    pub table: String,
    pub field: String,
    pub apply: bool,
    /// A value staff corrected before applying (checked as the subject's would be).
    pub value: Option<String>,
    pub reason: Option<String>,
}

/// What an approval did, per store.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Approval {
    pub stores: Vec<StoreReview>,
}

struct Pending {
    task: TaskRow,
    store: StoreRow,
    state: CorrectionState,
    decisions: Vec<FieldDecision>,
}

impl Pending {
    fn approved(&self) -> Vec<Approved> {
        self.decisions
            .iter()
            .filter(|d| d.apply)
            .map(|d| Approved {
                table: d.table.clone(),
                field: d.field.clone(),
                value: d.value.clone(),
            })
            .collect()
    }
}

/// Works out each field's decision from the preview and staff's words, refusing what cannot
/// be: applying a field the preview refused, a rejection without a reason, an edited value
/// that is not valid for its category.
fn decide(
    state: &CorrectionState,
    task_id: &str,
    given: &[Decision],
) -> Result<Vec<FieldDecision>, WorkflowError> {
    let mut out = Vec::new();
    for g in state.groups() {
        let said = given
            .iter()
            .find(|d| d.task_id == task_id && d.table == g.table && d.field == g.field);
        let apply = said.is_none_or(|d| d.apply) && g.refused.is_none();
        if said.is_some_and(|d| d.apply)
            && let Some(why) = &g.refused
        {
            return Err(WorkflowError::invalid(
                "decisions",
                format!("{}.{} cannot be applied: {why}", g.table, g.field),
            ));
        }
        let value = match said.and_then(|d| d.value.as_deref()) {
            Some(v) if apply => g.category.parse_value(v).map_err(|e| {
                WorkflowError::invalid("value", format!("{}.{}: the value {e}", g.table, g.field))
            })?,
            _ => g.after.clone(),
        };
        let reason = match (apply, said) {
            (true, _) => None,
            (false, Some(d)) if !d.apply => Some(
                d.reason
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .ok_or_else(|| {
                        WorkflowError::invalid(
                            "reason",
                            format!(
                                "give a reason for not correcting {}.{} (the requester is told it)",
                                g.table, g.field
                            ),
                        )
                    })?
                    .to_string(),
            ),
            (false, _) => g.refused.clone(),
        };
        out.push(FieldDecision {
            table: g.table.clone(),
            field: g.field.clone(),
            category: g.category,
            apply,
            value,
            reason,
        });
    }
    Ok(out)
}

/// Approves a correction: decisions per field, a preflight of every SQL store that is to
/// write (reachable, map still matching, each value fitting its column), then one
/// transaction per store. Nothing is written anywhere unless every store passes.
pub async fn approve(
    svc: &Services,
    actor: Actor,
    request_id: &str,
    given: Vec<Decision>,
) -> Result<Approval, WorkflowError> {
    let id = request_id.to_string();
    let (r, rows) = svc
        .db
        .run(move |c| {
            let r = requests::find_by_any_id(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let rows = tasks::of_request(c, &r.id)?;
            Ok::<_, WorkflowError>((r, rows))
        })
        .await?;
    if r.kind != RequestKind::Correction || r.status != Status::InProgress {
        return Err(WorkflowError::Conflict(
            "only a correction request in progress has changes to approve".into(),
        ));
    }
    let mut pending = Vec::new();
    for (t, s) in rows {
        let Some(sealed) = &t.correction_enc else {
            // Every SQL store must have shown its preview before any is written.
            if s.kind == StoreKind::Sql && !t.status.is_settled() && s.active {
                return Err(WorkflowError::Conflict(format!(
                    "store '{}' has not shown its preview yet ({}); approve once every SQL store has",
                    s.name,
                    t.last_error.as_deref().unwrap_or(t.status.as_str())
                )));
            }
            continue;
        };
        let state = CorrectionState::open(&svc.keys, sealed, &t.id)?;
        if !awaiting(&t, &state) {
            continue;
        }
        let decisions = decide(&state, &t.id, &given)?;
        pending.push(Pending {
            task: t,
            store: s,
            state,
            decisions,
        });
    }
    if pending.is_empty() {
        return Err(WorkflowError::Conflict(
            "no store's correction is waiting for approval".into(),
        ));
    }
    if let Some(d) = given.iter().find(|d| {
        !pending.iter().any(|p| {
            p.task.id.as_str() == d.task_id
                && p.decisions
                    .iter()
                    .any(|f| f.table == d.table && f.field == d.field)
        })
    }) {
        return Err(WorkflowError::invalid(
            "decisions",
            format!(
                "{}.{} is not in any preview awaiting approval",
                d.table, d.field
            ),
        ));
    }
    let subject = super::subject::for_stores(&svc.keys, &r)?;

    // Claimed for this approval: a second approval, or an owner settling the task meanwhile,
    // finds it taken and changes nothing.
    // Run to the end in its own task: a client that goes away mid-way must not leave some
    // stores written and the tasks claimed.
    let svc2 = svc.clone();
    let r2 = r.clone();
    tokio::spawn(async move {
        let svc = &svc2;
        claim(svc, &pending, TaskStatus::Open, TaskStatus::Running).await?;
        let connectors = match preflight(svc, &pending).await {
            Ok(c) => c,
            Err(e) => {
                // Nothing was written: the previews wait for approval again.
                claim(svc, &pending, TaskStatus::Running, TaskStatus::Open).await?;
                return Err(e);
            }
        };
        write_all(svc, &actor, &r2, &subject, &mut pending, connectors).await
    })
    .await
    .map_err(|_| WorkflowError::Corrupt("the approval stopped unexpectedly".into()))??;
    let stores = review(svc, &r.id).await?;
    svc.jobs.notify_one();
    Ok(Approval { stores })
}

/// Moves every pending task from one status to another in one transaction, or none.
async fn claim(
    svc: &Services,
    pending: &[Pending],
    from: TaskStatus,
    to: TaskStatus,
) -> Result<(), WorkflowError> {
    let rows: Vec<TaskRow> = pending
        .iter()
        .map(|p| {
            let mut t = p.task.clone();
            t.status = to;
            t.claimed_until =
                (to == TaskStatus::Running).then(|| db::now() + chrono::Duration::minutes(10));
            t
        })
        .collect();
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                for t in &rows {
                    if !tasks::save_if_status(c, t, from)? {
                        return Err(WorkflowError::Conflict(
                            "this correction is being approved, or was settled, by someone else at the same moment".into(),
                        ));
                    }
                }
                Ok(())
            })
        })
        .await?;
    Ok(())
}

/// Every store that is to write must be reachable, match its map and fit each value, or
/// none writes: answers each pending store's connector (none where nothing is approved).
async fn preflight(
    svc: &Services,
    pending: &[Pending],
) -> Result<Vec<Option<std::sync::Arc<steward_connectors::sql::SqlConnector>>>, WorkflowError> {
    let mut connectors = Vec::new();
    for p in pending.iter() {
        let approved = p.approved();
        if approved.is_empty() {
            connectors.push(None);
            continue;
        }
        let ready = match super::stores::connector(svc, &p.store).await {
            Ok(c) => match c.check_schema().await {
                Ok(()) => match c.check_fit(&approved).await {
                    Ok(()) => Ok(c),
                    Err(e) => Err(WorkflowError::invalid(
                        "value",
                        format!("store '{}': {e}; nothing was changed", p.store.name),
                    )),
                },
                Err(e) => Err(WorkflowError::Conflict(format!(
                    "store '{}' is not ready ({e}); nothing was changed",
                    p.store.name
                ))),
            },
            Err(e) => Err(WorkflowError::Conflict(format!(
                "store '{}' is not ready ({e}); nothing was changed",
                p.store.name
            ))),
        };
        connectors.push(Some(ready?));
    }
    Ok(connectors)
}

async fn write_all(
    svc: &Services,
    actor: &Actor,
    r: &RequestRow,
    subject: &Subject,
    pending: &mut [Pending],
    connectors: Vec<Option<std::sync::Arc<steward_connectors::sql::SqlConnector>>>,
) -> Result<(), WorkflowError> {
    // The approval itself, audited before any store is written (decisions, never values).
    let audit_detail = serde_json::json!({"stores": pending.iter().map(|p| serde_json::json!({
        "store": p.store.name,
        "fields": p.decisions.iter().map(|d| serde_json::json!({
            "table": d.table, "field": d.field, "category": d.category,
            "applied": d.apply, "reason": d.reason,
            "edited": d.apply && p.state.groups().iter().any(|g| g.table == d.table && g.field == d.field && g.after != d.value),
        })).collect::<Vec<_>>(),
    })).collect::<Vec<_>>()});
    let (rid, actor2) = (r.id.clone(), actor.clone());
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                audit::record(
                    c,
                    &actor2,
                    "correction.approved",
                    &format!("request:{rid}"),
                    audit_detail,
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;

    // From here each store is written: every outcome is recorded, whatever another's was.
    let mut new_email: Option<String> = None;
    let mut trouble = None;
    for (p, c) in pending.iter_mut().zip(connectors) {
        let outcome = match c {
            None => Ok(Vec::new()),
            Some(c) => c.apply_correction(subject, &p.approved()).await,
        };
        if outcome.is_ok()
            && let Some(d) = p
                .decisions
                .iter()
                .find(|d| d.apply && d.category == CorrectionCategory::Email)
        {
            new_email = Some(d.value.clone());
        }
        if let Err(e) = record_outcome(svc, actor, p, outcome).await {
            tracing::warn!("correction outcome not saved: {e}");
            trouble = Some(e);
        }
    }
    if let Some(email) = new_email {
        follow_new_email(svc, r, &email).await?;
    }
    tell_subject(svc, &r.id).await?;
    match trouble {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Saves one store's decisions and outcome on its task, with the request's timeline event
/// and an audit row of what changed (tables, fields and row counts; no values).
async fn record_outcome(
    svc: &Services,
    actor: &Actor,
    p: &mut Pending,
    outcome: Result<Vec<TableCorrection>, connectors::ConnectorError>,
) -> Result<(), WorkflowError> {
    let now = db::now();
    let mut t = p.task.clone();
    p.state.decisions = p.decisions.clone();
    t.updated_at = now;
    let (action, entry, note, detail) = match outcome {
        Ok(applied) => {
            p.state.applied = applied.clone();
            t.status = TaskStatus::Done;
            t.completed_at = Some(now);
            t.last_error = None;
            let rows: u64 = applied.iter().map(|a| a.rows_updated).sum();
            let corrected = TaskResult::Corrected {
                records: p.state.changes.len() as u64,
                corrected: applied.clone(),
                refused: p.decisions.iter().filter(|d| !d.apply).count() as u64,
            };
            t.result = Some(corrected.to_text());
            (
                "correction.applied",
                TimelineAction::CorrectionApplied,
                format!("{}: correction applied to {rows} row(s)", p.store.name),
                serde_json::json!({"tables": applied}),
            )
        }
        Err(e) => {
            t.status = TaskStatus::Failed;
            t.last_error = Some(e.to_string());
            // Not retried by itself: staff retry, which previews again.
            t.attempts = steward_domain::stores::MAX_AUTOMATIC_ATTEMPTS;
            t.next_attempt_at = None;
            (
                "correction.failed",
                TimelineAction::CorrectionFailed,
                format!("{}: correction failed: {e}", p.store.name),
                serde_json::json!({"error": e.to_string()}),
            )
        }
    };
    t.correction_enc = Some(p.state.seal(&svc.keys, &t.id)?);
    t.claimed_until = None;
    let actor = actor.clone();
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                if !tasks::save_if_status(c, &t, TaskStatus::Running)? {
                    return Err(WorkflowError::Conflict(
                        "the task was changed meanwhile by someone else".into(),
                    ));
                }
                requests::insert_event(c, &timeline::noted(&t.request_id, &actor, entry, note))?;
                audit::record(c, &actor, action, &format!("task:{}", t.id), detail)?;
                Ok(())
            })
        })
        .await
}

/// A corrected email address becomes the request's identity in Steward, so later look-ups
/// (status, duplicates, consent, the subject's package) follow the person.
async fn follow_new_email(svc: &Services, r: &RequestRow, new: &str) -> Result<(), WorkflowError> {
    let email =
        EmailAddress::parse(new).map_err(|_| WorkflowError::Corrupt("corrected email".into()))?;
    let enc = svc.keys.seal(email.as_str(), slots::request_email(&r.id));
    let index = svc.keys.blind_index("email", &email.normalised());
    let id = r.id.clone();
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                requests::set_identity(c, &id, &enc, &index)?;
                audit::record(
                    c,
                    &Actor::System,
                    "request.identity_corrected",
                    &format!("request:{id}"),
                    serde_json::json!({"email": "corrected"}),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await
}

/// The lines of every decided store, one per store and category (a category refused in one
/// table and applied in another of the same store counts as corrected, with the refusal
/// shown too).
pub async fn subject_lines(
    svc: &Services,
    request_id: &str,
) -> Result<Vec<SubjectLine>, WorkflowError> {
    let mut out: Vec<SubjectLine> = Vec::new();
    for s in review(svc, request_id).await? {
        if s.status != TaskStatus::Done {
            continue;
        }
        for d in &s.decisions {
            let line = SubjectLine {
                store: s.store.clone(),
                category: d.category,
                corrected: d.apply,
                reason: d.reason.clone(),
            };
            if !out.iter().any(|l| {
                l.store == line.store
                    && l.category == line.category
                    && l.corrected == line.corrected
                    && l.reason == line.reason
            }) {
                out.push(line);
            }
        }
    }
    Ok(out)
}

async fn tell_subject(svc: &Services, request_id: &str) -> Result<(), WorkflowError> {
    let lines = subject_lines(svc, request_id).await?;
    let id = request_id.to_string();
    let Some(r) = svc.db.run(move |c| requests::find(c, &id)).await? else {
        return Ok(());
    };
    let to = EmailAddress::parse(&svc.keys.open(&r.email_enc, slots::request_email(&r.id))?)
        .map_err(|_| WorkflowError::Corrupt("stored email".into()))?;
    super::notices::send_notice(svc, &r, &to, |tr, status_url| {
        super::notices::corrected_letter(tr, r.public_id.as_str(), &lines, status_url)
    })
    .await;
    Ok(())
}

/// The categories the subject may ask to correct: those the registered SQL stores' maps
/// hold; every category when a store of another kind (whose contents Steward cannot see) is
/// registered, or none is yet.
pub async fn offered(svc: &Services) -> Result<Vec<CorrectionCategory>, WorkflowError> {
    let active = svc.db.run(steward_db::stores::active).await?;
    if active.is_empty() || active.iter().any(|s| s.kind != StoreKind::Sql) {
        return Ok(CorrectionCategory::ALL.to_vec());
    }
    let mut held: Vec<CorrectionCategory> = active
        .iter()
        .filter_map(|s| s.dataset.as_deref())
        .filter_map(|d| steward_domain::dataset::Dataset::parse(d).ok())
        .flat_map(|d| d.tables)
        .flat_map(|t| t.fields.into_values())
        .filter_map(|f| CorrectionCategory::of_code(&f.category))
        .collect();
    held.sort();
    held.dedup();
    Ok(held)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(table: &str, record: &str, field: &str, refused: Option<&str>) -> FieldChange {
        FieldChange {
            table: table.into(),
            record: record.into(),
            field: field.into(),
            category: CorrectionCategory::Name,
            before: Some("Old".into()),
            after: "New".into(),
            refused: refused.map(Into::into),
        }
    }

    #[test]
    fn decisions_default_to_the_preview_and_need_reasons() {
        let state = CorrectionState::preview(vec![
            change("a", "1", "name", None),
            change("a", "2", "name", None),
            change(
                "b",
                "1",
                "nick",
                Some("kept unchanged: retained (contract)"),
            ),
        ]);
        assert_eq!(state.groups().len(), 2);
        let d = decide(&state, "t", &[]).unwrap();
        assert!(d[0].apply && !d[1].apply);
        assert_eq!(
            d[1].reason.as_deref(),
            Some("kept unchanged: retained (contract)")
        );

        let reject = Decision {
            task_id: "t".into(),
            table: "a".into(),
            field: "name".into(),
            apply: false,
            ..Default::default()
        };
        assert!(decide(&state, "t", std::slice::from_ref(&reject)).is_err());
        let with_reason = Decision {
            reason: Some("we do not hold a name for you there".into()),
            ..reject
        };
        assert!(!decide(&state, "t", &[with_reason]).unwrap()[0].apply);

        let force = Decision {
            task_id: "t".into(),
            table: "b".into(),
            field: "nick".into(),
            apply: true,
            ..Default::default()
        };
        assert!(
            decide(&state, "t", &[force]).is_err(),
            "a refused field stays refused"
        );

        let edit = Decision {
            task_id: "t".into(),
            table: "a".into(),
            field: "name".into(),
            apply: true,
            value: Some(" Ada King ".into()),
            reason: None,
        };
        assert_eq!(decide(&state, "t", &[edit]).unwrap()[0].value, "Ada King");
    }
}
