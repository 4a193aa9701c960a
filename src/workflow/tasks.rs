//! Tasks: one per request and data store. Created when a request is verified (the fan-out),
//! run by connectors, settled by store owners or callbacks; a request completes only when
//! every task is done or exempt.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::{Services, WorkflowError};
use crate::audit::{self, Actor};
use crate::auth::Staff;
use crate::connectors::sql::{SqlConnector, SqlUrl};
use crate::connectors::webhook::{self, WebhookConnector};
use crate::connectors::{
    Connector, ConnectorError, FoundValue, Job, Manual, Outcome, Subject, TaskInfo,
};
use crate::db::models::{RequestEvent, RequestRow, StoreRow, TaskRecord, TaskRow};
use crate::db::{self, DbConn, requests, stores, tasks};
use crate::domain::dataset::Dataset;
use crate::domain::lifecycle::next_status;
use crate::domain::stores::{MAX_AUTOMATIC_ATTEMPTS, StoreKind, TaskStatus, backoff_minutes};
use crate::domain::{Action, Permission, RequestKind};

/// How long a claimed job may run before another process may take it over.
const CLAIM: Duration = Duration::minutes(10);

fn event(request_id: &str, actor: &Actor, action: &str, note: Option<String>) -> RequestEvent {
    RequestEvent {
        id: db::new_id(),
        request_id: request_id.into(),
        at: db::now(),
        actor: actor.as_text(),
        action: action.into(),
        from_status: None,
        to_status: None,
        note,
        public: false,
    }
}

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
    let effective = row.extended_due_date.unwrap_or(row.due_date);
    // Ahead of the statutory date, but never before today unless the request is already late.
    let due = (effective - Duration::days(lead_days)).max(today.min(effective));
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
            },
        )?;
    }
    let from = row.status;
    let to = next_status(from, Action::Start, None)?;
    row.status = to;
    row.updated_at = now;
    requests::save(c, row)?;
    let mut e = event(
        &row.id,
        actor,
        "start",
        Some(format!("Sent to {} data store(s)", stores.len())),
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

/// Privacy staff see every task; a store owner only those of stores they own.
pub fn may_see(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::ViewRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}

fn may_work(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::WorkRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}

/// A task as its owner sees it, with the request details needed to do it.
#[derive(Debug, Clone, Serialize)]
pub struct TaskView {
    pub id: String,
    pub request_id: String,
    pub request_public_id: String,
    pub store_id: String,
    pub store_name: String,
    pub store_kind: StoreKind,
    pub status: TaskStatus,
    pub due_date: NaiveDate,
    pub days_left: i64,
    pub overdue: bool,
    pub kind: RequestKind,
    pub subject_email: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub result: Option<serde_json::Value>,
    pub note: Option<String>,
    pub exemption_basis: Option<String>,
    #[serde(skip)]
    pub correction: Option<(String, String)>,
}

impl TaskView {
    pub fn wants_records(&self) -> bool {
        Job::for_kind(self.kind) == Job::Access
    }
}

fn task_view(
    svc: &Services,
    t: TaskRow,
    s: StoreRow,
    r: &RequestRow,
) -> Result<TaskView, WorkflowError> {
    let status = t.status;
    let today = svc.today();
    let text: super::requests::SubjectText = match &r.details_enc {
        Some(enc) => serde_json::from_str(&svc.keys.decrypt(enc)?)
            .map_err(|_| WorkflowError::Corrupt("request text".into()))?,
        None => Default::default(),
    };
    Ok(TaskView {
        days_left: crate::domain::clock::days_left(t.due_date, today),
        overdue: !status.is_settled() && crate::domain::clock::is_overdue(t.due_date, today),
        kind: r.kind,
        subject_email: svc.keys.decrypt(&r.email_enc)?,
        request_public_id: r.public_id.clone(),
        store_kind: s.kind,
        store_name: s.name,
        status,
        result: t
            .result
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok()),
        correction: text.correction_what.zip(text.correction_value),
        id: t.id,
        request_id: t.request_id,
        store_id: t.store_id,
        due_date: t.due_date,
        attempts: t.attempts,
        last_error: t.last_error,
        note: t.note,
        exemption_basis: t.exemption_basis,
    })
}

pub async fn get(svc: &Services, staff: &Staff, id: &str) -> Result<TaskView, WorkflowError> {
    let id = id.to_string();
    let (t, s, r) = svc
        .db
        .run(move |c| {
            let (t, s) = tasks::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let r = requests::find(c, &t.request_id)?.ok_or(WorkflowError::NotFound)?;
            Ok::<_, WorkflowError>((t, s, r))
        })
        .await?;
    if !may_see(staff, &s) {
        // Indistinguishable from a missing task: ids of other stores' tasks reveal nothing.
        return Err(WorkflowError::NotFound);
    }
    task_view(svc, t, s, &r)
}

/// "My tasks" for a store owner; every task for privacy staff.
pub async fn queue(
    svc: &Services,
    staff: &Staff,
    open_only: bool,
) -> Result<Vec<TaskView>, WorkflowError> {
    let staff2 = staff.clone();
    let rows = svc
        .db
        .run(move |c| {
            let scope = if staff2.role.can(Permission::ViewRequests) {
                None
            } else {
                Some(stores::owned_by(c, &staff2.user.id)?)
            };
            let list = tasks::queue(c, scope.as_deref(), open_only)?;
            list.into_iter()
                .map(|(t, s)| {
                    let r = requests::find(c, &t.request_id)?.ok_or(WorkflowError::NotFound)?;
                    Ok::<_, WorkflowError>((t, s, r))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    rows.into_iter()
        .map(|(t, s, r)| task_view(svc, t, s, &r))
        .collect()
}

pub async fn of_request(svc: &Services, request_id: &str) -> Result<Vec<TaskView>, WorkflowError> {
    let id = request_id.to_string();
    let (rows, r) = svc
        .db
        .run(move |c| {
            let r = requests::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
            Ok::<_, WorkflowError>((tasks::of_request(c, &id)?, r))
        })
        .await?;
    rows.into_iter()
        .map(|(t, s)| task_view(svc, t, s, &r))
        .collect()
}

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
    svc.db
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
                        t.result = Some(serde_json::json!({"records": values.len()}).to_string());
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
                    &event(
                        &t.request_id,
                        &actor,
                        &format!("task_{to}"),
                        Some(format!("{}: {note}", s.name)),
                    ),
                )?;
                audit::record(
                    c,
                    &actor,
                    &format!("task.{to}"),
                    &format!("task:{}", t.id),
                    serde_json::json!({"store": s.id, "request": t.request_id}),
                )?;
                Ok(())
            })
        })
        .await?;
    svc.jobs.notify_one();
    Ok(())
}

fn store_records(
    c: &mut DbConn,
    keys: &crate::crypto::Keys,
    t: &TaskRow,
    values: &[FoundValue],
) -> Result<(), WorkflowError> {
    let first = tasks::next_record_seq(c, &t.id)?;
    let rows: Vec<TaskRecord> = values
        .iter()
        .enumerate()
        .map(|(i, v)| TaskRecord {
            task_id: t.id.clone(),
            seq: first + i as i64,
            request_id: t.request_id.clone(),
            table_name: v.table.clone(),
            record: v.record.clone(),
            field: v.field.clone(),
            data_category: v.category.clone(),
            value_enc: v.value.as_deref().map(|x| keys.encrypt(x)),
        })
        .collect();
    tasks::insert_records(c, &rows)?;
    Ok(())
}

/// Runs every connector job that is due, each claimed so no other process runs it too.
pub async fn run_due_jobs(svc: &Services) -> Result<usize, WorkflowError> {
    let now = db::now();
    let ids = svc
        .db
        .run(move |c| tasks::runnable(c, now, MAX_AUTOMATIC_ATTEMPTS, 20))
        .await?;
    let mut ran = 0;
    for id in ids {
        let claim_id = id.clone();
        let claimed = svc
            .db
            .run(move |c| tasks::claim(c, &claim_id, now, now + CLAIM))
            .await?;
        if claimed {
            run_one(svc, &id).await?;
            ran += 1;
        }
    }
    Ok(ran)
}

async fn run_one(svc: &Services, task_id: &str) -> Result<(), WorkflowError> {
    let id = task_id.to_string();
    let (t, s, r) = svc
        .db
        .run(move |c| {
            let (t, s) = tasks::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let r = requests::find(c, &t.request_id)?.ok_or(WorkflowError::NotFound)?;
            Ok::<_, WorkflowError>((t, s, r))
        })
        .await?;
    let kind = r.kind;
    let job = Job::for_kind(kind);
    let subject = Subject {
        email: svc.keys.decrypt(&r.email_enc)?,
    };
    let info = TaskInfo {
        task_id: t.id.clone(),
        request_id: r.id.clone(),
        kind,
        jurisdiction: r.jurisdiction,
        due_date: t.due_date,
        callback_url: format!("{}/api/v1/tasks/{}/result", svc.config.base_url, t.id),
    };
    let outcome = match connect(svc, &s).await {
        Ok(AnyConnector::Sql(c)) => {
            let o = c.run(job, &subject, &info).await;
            c.close().await;
            o
        }
        Ok(AnyConnector::Webhook(c)) => c.run(job, &subject, &info).await,
        Ok(AnyConnector::Manual) => Manual.run(job, &subject, &info).await,
        Err(e) => Err(e),
    };
    let keys = svc.keys.clone();
    let is_webhook = s.kind == StoreKind::Webhook;
    let store_name = s.name.clone();
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let (mut t, _) = tasks::find(c, &t.id)?.ok_or(WorkflowError::NotFound)?;
                let now = db::now();
                t.attempts += 1;
                t.updated_at = now;
                t.claimed_until = None;
                let (action, note) = match outcome {
                    Ok(Outcome::Found(values)) => {
                        tasks::delete_records(c, &t.id)?;
                        store_records(c, &keys, &t, &values)?;
                        t.status = TaskStatus::Done;
                        t.result = Some(serde_json::json!({"records": values.len()}).to_string());
                        t.last_error = None;
                        t.completed_at = Some(now);
                        (
                            "task.done",
                            format!("{store_name}: found {} value(s)", values.len()),
                        )
                    }
                    Ok(Outcome::Erased(report)) => {
                        t.status = TaskStatus::Done;
                        t.result = Some(serde_json::to_string(&report).expect("plain JSON"));
                        t.last_error = None;
                        t.completed_at = Some(now);
                        let rows: u64 = report.iter().map(|r| r.rows_reached).sum();
                        (
                            "task.done",
                            format!("{store_name}: erasure applied to {rows} row(s)"),
                        )
                    }
                    Ok(Outcome::Handed) if is_webhook => {
                        t.status = TaskStatus::Running;
                        t.last_error = None;
                        (
                            "task.sent",
                            format!(
                                "{store_name}: sent to the store's webhook, awaiting its result"
                            ),
                        )
                    }
                    Ok(Outcome::Handed) => {
                        t.status = TaskStatus::Open;
                        (
                            "task.handed",
                            format!("{store_name}: needs the owner's action"),
                        )
                    }
                    Err(e) => {
                        t.status = TaskStatus::Failed;
                        t.last_error = Some(e.to_string());
                        t.next_attempt_at =
                            Some(now + Duration::minutes(backoff_minutes(t.attempts)));
                        ("task.failed", format!("{store_name}: {e}"))
                    }
                };
                tasks::save(c, &t)?;
                requests::insert_event(
                    c,
                    &event(
                        &t.request_id,
                        &Actor::System,
                        &action.replace('.', "_"),
                        Some(note),
                    ),
                )?;
                audit::record(
                    c,
                    &Actor::System,
                    action,
                    &format!("task:{}", t.id),
                    serde_json::json!({"attempt": t.attempts}),
                )?;
                Ok(())
            })
        })
        .await
}

enum AnyConnector {
    Manual,
    Sql(SqlConnector),
    Webhook(WebhookConnector),
}

async fn connect(svc: &Services, s: &StoreRow) -> Result<AnyConnector, ConnectorError> {
    let config = |m: &str| ConnectorError::Config(m.to_string());
    let decrypt = |v: Option<&str>, what: &str| -> Result<String, ConnectorError> {
        svc.keys
            .decrypt(v.ok_or_else(|| config(&format!("no {what} configured")))?)
            .map_err(|e| config(&e.to_string()))
    };
    match s.kind {
        StoreKind::Manual => Ok(AnyConnector::Manual),
        StoreKind::Sql => {
            let url = SqlUrl::parse(&decrypt(s.connection_enc.as_deref(), "connection")?)
                .map_err(|e| config(&e))?;
            let dataset = Dataset::parse(
                s.dataset
                    .as_deref()
                    .ok_or_else(|| config("no dataset map"))?,
            )
            .map_err(|e| config(&e.to_string()))?;
            let key = decrypt(Some(&s.hash_key_enc), "hash key")?;
            Ok(AnyConnector::Sql(
                SqlConnector::connect(&url, dataset, key.into_bytes()).await?,
            ))
        }
        StoreKind::Webhook => Ok(AnyConnector::Webhook(WebhookConnector {
            url: s.url.clone().ok_or_else(|| config("no URL configured"))?,
            secret: decrypt(s.secret_enc.as_deref(), "secret")?,
            client: webhook::client(),
        })),
    }
}

/// Checks a store's signed callback for a task; true when it is authentic and fresh.
pub async fn verify_callback(
    svc: &Services,
    task_id: &str,
    timestamp: &str,
    signature: &str,
    body: &[u8],
) -> Result<bool, WorkflowError> {
    let id = task_id.to_string();
    let found = svc.db.run(move |c| tasks::find(c, &id)).await?;
    let Some((_, s)) = found else {
        return Ok(false);
    };
    let Some(enc) = s.secret_enc else {
        return Ok(false);
    };
    let secret = svc.keys.decrypt(&enc)?;
    Ok(webhook::verify(
        &secret,
        timestamp,
        signature,
        body,
        chrono::Utc::now().timestamp(),
    ))
}
