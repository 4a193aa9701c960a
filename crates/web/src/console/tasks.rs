//! Tasks in the console: "My tasks" for store owners (every task for privacy staff), and one
//! task with what its owner can do: upload the subject's records, confirm, exempt, retry.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::answers::{UPLOAD_MAX_MB, parse_upload};
use steward_core::workflow::tasks::{self, QueueFilter, Settle, TaskView, uploads};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::TaskId;
use steward_domain::stores::TaskStatus;
use steward_domain::text;
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/tasks.html")]
struct QueuePage {
    nav: Nav,
    items: Vec<TaskView>,
    all: bool,
    status: Option<TaskStatus>,
    /// First and last shown, of how many.
    shown: (i64, i64, i64),
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    all: String,
    /// "failed": only the tasks whose connector failed.
    status: String,
    page: String,
}

/// Tasks per page of the console queue.
const PAGE_TASKS: i64 = 200;

pub async fn queue(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, PageError> {
    let all = q.all == "1";
    let page = q.page.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000);
    let status = match q.status.as_str() {
        "" => None,
        word => Some(
            word.parse::<TaskStatus>()
                .map_err(|e| PageError::Status(StatusCode::BAD_REQUEST, format!("Status {e}")))?,
        ),
    };
    let filter = QueueFilter {
        status,
        open_only: !all && status.is_none(),
        mine: false,
        limit: PAGE_TASKS,
        offset: (page - 1) * PAGE_TASKS,
    };
    let found = tasks::queue(&svc, &staff.0, filter).await?;
    let shown = (
        filter.offset + 1,
        filter.offset + found.items.len() as i64,
        found.total,
    );
    let more = |p: i64| {
        let all = if all { "all=1&" } else { "" };
        let only = status.map(|s| format!("status={s}&")).unwrap_or_default();
        format!("/console/tasks?{all}{only}page={p}")
    };
    render(
        StatusCode::OK,
        &QueuePage {
            nav: Nav::new(&staff, "tasks"),
            items: found.items,
            all,
            status,
            shown,
            previous: (page > 1).then(|| more(page - 1)),
            next: (shown.1 < shown.2).then(|| more(page + 1)),
        },
    )
}

#[derive(Template)]
#[template(path = "console/task.html")]
struct TaskPage {
    nav: Nav,
    t: TaskView,
    errors: FieldErrors,
    failed: String,
    note: String,
    max_mb: usize,
    /// An upload waiting for the owner to confirm what it holds.
    staged: Option<uploads::Staged>,
}

async fn task_page(
    svc: &Services,
    staff: &ConsoleStaff,
    t: TaskView,
    failed: &str,
    note: String,
    errors: FieldErrors,
) -> Result<TaskPage, PageError> {
    Ok(TaskPage {
        nav: Nav::new(staff, "tasks"),
        staged: uploads::waiting(svc, &t.id).await?,
        t,
        errors,
        failed: failed.into(),
        note,
        max_mb: UPLOAD_MAX_MB,
    })
}

pub async fn detail(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<TaskId>,
) -> Result<HttpResponse, PageError> {
    let t = tasks::get(&svc, &staff.0, &path).await?;
    render(
        StatusCode::OK,
        &task_page(&svc, &staff, t, "", String::new(), FieldErrors::default()).await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActionFields {
    csrf: String,
    note: String,
}

pub async fn action(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<(TaskId, String)>,
    form: web::Form<ActionFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (id, action) = path.into_inner();
    let mut errors = FieldErrors::default();
    let note = errors
        .check("note", "Note", text::paragraph(&form.note, 2000))
        .flatten();
    let settle = match action.as_str() {
        "done" => note.clone().map(|note| Settle::Done { note, counts: None }),
        "exempt" => note.clone().map(|basis| Settle::Exempt { basis }),
        "retry" => Some(Settle::Retry),
        // The upload kept aside: its owner keeps it as the answer, or discards it.
        "keep-upload" | "discard-upload" => {
            let done = if action == "keep-upload" {
                uploads::accept(&svc, &staff.0, &id).await
            } else {
                uploads::discard(&svc, &staff.0, &id).await
            };
            return match done {
                Ok(()) => Ok(redirect(&format!("/console/tasks/{id}"))),
                Err(WorkflowError::Conflict(m)) => conflict(&svc, &staff, &id, &action, &m).await,
                Err(WorkflowError::Forbidden) => Err(PageError::forbidden(
                    "Only the store's owner or privacy staff can do this.",
                )),
                Err(e) => Err(e.into()),
            };
        }
        _ => return Err(PageError::not_found()),
    };
    if settle.is_none() && errors.is_empty() {
        let what = if action == "exempt" {
            "is required: give the legal basis for the exemption"
        } else {
            "is required: say what was done"
        };
        errors.add(
            "note",
            if action == "exempt" {
                "Legal basis"
            } else {
                "Note"
            },
            what,
        );
    }
    finish(
        &svc,
        &staff,
        &id,
        &action,
        form.note.clone(),
        errors,
        settle,
    )
    .await
}

async fn finish(
    svc: &Services,
    staff: &ConsoleStaff,
    id: &str,
    action: &str,
    typed: String,
    mut errors: FieldErrors,
    settle: Option<Settle>,
) -> Result<HttpResponse, PageError> {
    let status = match settle {
        Some(s) if errors.is_empty() => {
            match tasks::settle(svc, staff.0.actor(), Some(&staff.0), id, s).await {
                Ok(()) => return Ok(redirect(&format!("/console/tasks/{id}"))),
                Err(WorkflowError::Conflict(m)) => {
                    errors.add("action", "This action", format!("is not possible: {m}"));
                    StatusCode::CONFLICT
                }
                Err(WorkflowError::Forbidden) => {
                    return Err(PageError::forbidden(
                        "Only the store's owner or privacy staff can do this.",
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let t = tasks::get(svc, &staff.0, id).await?;
    render(
        status,
        &task_page(svc, staff, t, action, typed, errors).await?,
    )
}

/// The task page again, saying why the action cannot be taken now (409).
async fn conflict(
    svc: &Services,
    staff: &ConsoleStaff,
    id: &str,
    action: &str,
    why: &str,
) -> Result<HttpResponse, PageError> {
    let mut errors = FieldErrors::default();
    errors.add("action", "This action", format!("is not possible: {why}"));
    let t = tasks::get(svc, &staff.0, id).await?;
    render(
        StatusCode::CONFLICT,
        &task_page(svc, staff, t, action, String::new(), errors).await?,
    )
}

/// The owner's CSV of the subject's records, as a multipart upload (field `file`, plus the
/// CSRF token and an optional table name).
pub async fn upload(
    req: actix_web::HttpRequest,
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<TaskId>,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    if let Some(refused) = crate::multipart::refused_length(&req, UPLOAD_MAX_MB * 1024 * 1024) {
        return Err(refused);
    }
    let id = path.into_inner();
    let up = crate::multipart::read(payload, UPLOAD_MAX_MB * 1024 * 1024).await;
    // The token first: a forged or stale form is refused the same way however it is encoded.
    staff.check_csrf(up.text("csrf"))?;
    if let Some(e) = &up.unreadable {
        return Err(PageError::bad_request(&format!(
            "The upload could not be read: {e}"
        )));
    }
    let table = up.text("table").to_string();
    let (too_large, file) = (up.too_large, up.file.map(|(_, b)| b).unwrap_or_default());
    let mut errors = FieldErrors::default();
    let table = errors
        .check("table", "Table or source name", text::line(&table, 120))
        .flatten()
        .unwrap_or_else(|| "records".into());
    let values = if too_large {
        errors.add(
            "file",
            "The file",
            format!("is larger than {UPLOAD_MAX_MB} MB"),
        );
        None
    } else {
        errors.check("file", "The file", parse_upload(&file, &table))
    };
    // Checked: kept aside until its owner has seen what it holds and keeps it.
    if let (Some(values), true) = (values, errors.is_empty()) {
        match uploads::stage(&svc, &staff.0, &id, values).await {
            Ok(_) => return Ok(redirect(&format!("/console/tasks/{id}#staged"))),
            Err(WorkflowError::Conflict(m)) => {
                return conflict(&svc, &staff, &id, "upload", &m).await;
            }
            Err(WorkflowError::Forbidden) => {
                return Err(PageError::forbidden(
                    "Only the store's owner or privacy staff can do this.",
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    finish(&svc, &staff, &id, "upload", String::new(), errors, None).await
}
