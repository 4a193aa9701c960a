//! Tasks as owners and staff see them, with what is needed of the request to do them.

use chrono::NaiveDate;
use serde::Serialize;

use super::permits::may_see;
use super::result::TaskResult;
use crate::auth::Staff;
use crate::workflow::error::WorkflowError;
use crate::workflow::services::Services;
use steward_connectors::Job;
use steward_db::models::{RequestRow, StoreRow, TaskRow};
use steward_db::{requests, tasks};
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::{Permission, RequestKind};
use steward_domain::{PublicId, RequestId, StoreId, TaskId};

/// A task as its owner sees it, with the request details needed to do it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TaskView {
    pub id: TaskId,
    pub request_id: RequestId,
    pub request_public_id: PublicId,
    pub store_id: StoreId,
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
    /// What the store reported (its shape depends on the job: an object, or an erasure's
    /// list of tables).
    #[schema(value_type = Option<serde_json::Value>)]
    pub result: Option<TaskResult>,
    pub found_nothing: bool,
    /// Rows of the subject an automated store reached, over all its tables.
    pub rows_reached: Option<u64>,
    pub note: Option<String>,
    pub exemption_basis: Option<String>,
    #[serde(skip)]
    pub correction: Option<(String, String)>,
    /// The structured corrections asked for, for the store's owner to apply.
    #[serde(skip)]
    pub corrections: Vec<steward_domain::correction::Correction>,
}

impl TaskView {
    pub fn wants_records(&self) -> bool {
        Job::for_kind(self.kind) == Job::Access
    }
}

/// The subject as a task shows them, decrypted once per request however many tasks it has.
struct SubjectShown {
    email: String,
    correction: Option<(String, String)>,
    corrections: Vec<steward_domain::correction::Correction>,
}

fn subject_of(svc: &Services, r: &RequestRow) -> SubjectShown {
    use crate::workflow::subject::{SubjectText, UNREADABLE, or_unreadable};
    let text = or_unreadable(
        SubjectText::of(&svc.keys, r),
        SubjectText::default(),
        "text",
        &r.id,
    );
    SubjectShown {
        email: or_unreadable(
            crate::workflow::retention::email_text(&svc.keys, &r.email_enc, &r.id),
            UNREADABLE.into(),
            "email",
            &r.id,
        ),
        correction: text.correction_what.zip(text.correction_value),
        corrections: text.corrections,
    }
}

fn task_view(
    today: NaiveDate,
    t: TaskRow,
    s: StoreRow,
    r: &RequestRow,
    subject: &SubjectShown,
) -> TaskView {
    let status = t.status;
    let result = TaskResult::read(t.result.as_deref());
    TaskView {
        days_left: steward_domain::clock::days_left(t.due_date, today),
        overdue: !status.is_settled() && steward_domain::clock::is_overdue(t.due_date, today),
        kind: r.kind,
        subject_email: subject.email.clone(),
        request_public_id: r.public_id.clone(),
        store_kind: s.kind,
        store_name: s.name,
        status,
        found_nothing: result.as_ref().is_some_and(|r| r.found_nothing(status)),
        rows_reached: result.as_ref().and_then(TaskResult::rows_reached),
        result,
        correction: subject.correction.clone(),
        corrections: subject.corrections.clone(),
        id: t.id,
        request_id: t.request_id,
        store_id: t.store_id,
        due_date: t.due_date,
        attempts: t.attempts,
        last_error: t.last_error,
        note: t.note,
        exemption_basis: t.exemption_basis,
    }
}

/// Views of tasks with their requests, decrypting each request's subject once.
fn views_of(
    svc: &Services,
    rows: Vec<(TaskRow, StoreRow, RequestRow)>,
) -> Result<Vec<TaskView>, WorkflowError> {
    let today = svc.today();
    let mut subjects: std::collections::HashMap<RequestId, SubjectShown> = Default::default();
    let mut out = Vec::with_capacity(rows.len());
    for (t, s, r) in rows {
        if !subjects.contains_key(&r.id) {
            subjects.insert(r.id.clone(), subject_of(svc, &r));
        }
        out.push(task_view(today, t, s, &r, &subjects[&r.id]));
    }
    Ok(out)
}

pub async fn get(svc: &Services, staff: &Staff, id: &str) -> Result<TaskView, WorkflowError> {
    let id = id.to_string();
    let (t, s, r) = svc
        .db
        .run(move |c| tasks::find_with_request(c, &id)?.ok_or(WorkflowError::NotFound))
        .await?;
    if !may_see(staff, &s) {
        // Indistinguishable from a missing task: ids of other stores' tasks reveal nothing.
        return Err(WorkflowError::NotFound);
    }
    let mut views = views_of(svc, vec![(t, s, r)])?;
    Ok(views.remove(0))
}

/// A task as listed on its request: state and dates, nothing of the subject.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TaskSummary {
    pub id: TaskId,
    pub store_id: StoreId,
    pub store: String,
    pub status: TaskStatus,
    pub due_date: NaiveDate,
    pub last_error: Option<String>,
    /// Done, but the store held nothing of this person: a result to look at, not a success.
    pub found_nothing: bool,
    pub rows_reached: Option<u64>,
}

/// The tasks of each of these requests, read together and decrypting nothing.
pub async fn summaries(
    svc: &Services,
    request_ids: Vec<RequestId>,
) -> Result<std::collections::HashMap<RequestId, Vec<TaskSummary>>, WorkflowError> {
    let rows = svc
        .db
        .run(move |c| tasks::of_requests(c, &request_ids))
        .await?;
    let mut out: std::collections::HashMap<RequestId, Vec<TaskSummary>> = Default::default();
    for (t, store) in rows {
        let result = TaskResult::read(t.result.as_deref());
        out.entry(t.request_id.clone())
            .or_default()
            .push(TaskSummary {
                id: t.id,
                store_id: t.store_id,
                store,
                found_nothing: result.as_ref().is_some_and(|r| r.found_nothing(t.status)),
                rows_reached: result.as_ref().and_then(TaskResult::rows_reached),
                status: t.status,
                due_date: t.due_date,
                last_error: t.last_error,
            });
    }
    Ok(out)
}

/// Which tasks a queue shows, one page at a time.
#[derive(Debug, Clone, Copy)]
pub struct QueueFilter {
    pub open_only: bool,
    pub status: Option<TaskStatus>,
    /// Only tasks of stores the staff member owns (always so for store owners).
    pub mine: bool,
    pub limit: i64,
    pub offset: i64,
}

/// One page of a queue and how many tasks the whole queue holds.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TaskPage {
    pub items: Vec<TaskView>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// "My tasks" for a store owner; every task for privacy staff (or theirs, with `mine`).
pub async fn queue(
    svc: &Services,
    staff: &Staff,
    f: QueueFilter,
) -> Result<TaskPage, WorkflowError> {
    let owner =
        (f.mine || !staff.role.can(Permission::ViewRequests)).then(|| staff.user.id.clone());
    let (rows, total) = svc
        .db
        .run(move |c| {
            tasks::queue(
                c,
                &tasks::Queue {
                    owner: owner.as_deref(),
                    open_only: f.open_only,
                    status: f.status,
                    limit: f.limit,
                    offset: f.offset,
                },
            )
        })
        .await?;
    Ok(TaskPage {
        items: views_of(svc, rows)?,
        total,
        limit: f.limit,
        offset: f.offset,
    })
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
    let today = svc.today();
    let subject = subject_of(svc, &r);
    Ok(rows
        .into_iter()
        .map(|(t, s)| task_view(today, t, s, &r, &subject))
        .collect())
}
