//! The request queue, a request's page with its actions, and logging a request that arrived
//! by email, post or phone.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::forms::choice;
use crate::intake::{IntakeFields, Source};
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::workflow::requests::{self, ActionInput};
use steward_core::workflow::view::{self, RequestView};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::filters::{Filter, Sort};
use steward_domain::lifecycle::Action;
use steward_domain::search::Search;
use steward_domain::validation::{FieldErrors, optional_choice};
use steward_domain::{Channel, DenialReason, Jurisdiction, Permission, RequestKind, Status};

const PAGE_SIZE: i64 = 50;
/// Pages beyond this are not offered (and cannot overflow the offset).
const MAX_PAGE: i64 = 1_000_000;

/// The queue's filters, search and sort, all in the URL so a view can be bookmarked and
/// shared, and the overview's tiles can link to one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    q: String,
    status: String,
    kind: String,
    jurisdiction: String,
    /// "1": requests not yet closed.
    open: String,
    overdue: String,
    /// "week": open requests due in the next seven days.
    due: String,
    /// "1": requests waiting only for staff to close them.
    ready: String,
    sort: String,
    page: String,
}

impl QueueQuery {
    /// The query with another page number, as a link.
    fn link(&self, page: i64) -> String {
        let mut params = vec![];
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("kind", &self.kind),
            ("jurisdiction", &self.jurisdiction),
            ("open", &self.open),
            ("overdue", &self.overdue),
            ("due", &self.due),
            ("ready", &self.ready),
            ("sort", &self.sort),
        ] {
            if !v.is_empty() {
                params.push((k, v.clone()));
            }
        }
        params.push(("page", page.to_string()));
        format!(
            "/console/requests?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    }

    /// Some filter or search narrows the list.
    fn narrowed(&self) -> bool {
        [
            &self.q,
            &self.status,
            &self.kind,
            &self.jurisdiction,
            &self.open,
            &self.overdue,
            &self.due,
            &self.ready,
        ]
        .iter()
        .any(|v| !v.is_empty())
    }
}

/// The orders the queue can be sorted in: URL word and label.
const SORTS: &[(&str, &str)] = &[
    ("", "Soonest deadline first"),
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
];

#[derive(Template)]
#[template(path = "console/requests.html")]
struct QueuePage {
    nav: Nav,
    q: QueueQuery,
    items: Vec<RequestView>,
    total: i64,
    page: i64,
    pages: i64,
    /// First and last shown (1-based).
    first: i64,
    last: i64,
    errors: FieldErrors,
    statuses: &'static [Status],
    kinds: &'static [RequestKind],
    jurisdictions: &'static [Jurisdiction],
    sorts: &'static [(&'static str, &'static str)],
    prev_link: Option<String>,
    next_link: Option<String>,
    /// Requests on this page whose every store task is settled.
    ready: Vec<steward_domain::RequestId>,
    /// A search is shown: the requester column is filled in.
    searching: bool,
}

pub async fn queue(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, PageError> {
    let q = q.into_inner();
    let mut errors = FieldErrors::default();
    let search = errors.check("q", "Search", Search::parse(&q.q)).flatten();
    let status = optional_choice::<Status>(&mut errors, "status", "Status", &q.status);
    let kind = optional_choice::<RequestKind>(&mut errors, "kind", "Kind", &q.kind);
    let jurisdiction = optional_choice::<Jurisdiction>(
        &mut errors,
        "jurisdiction",
        "Jurisdiction",
        &q.jurisdiction,
    );
    let sort = match q.sort.as_str() {
        "" | "due" => Sort::Due,
        "newest" => Sort::Newest,
        "oldest" => Sort::Oldest,
        _ => {
            errors.add("sort", "Sort", "must be one of: due, newest, oldest");
            Sort::Due
        }
    };
    let due_week = match q.due.as_str() {
        "" => false,
        "week" => true,
        _ => {
            errors.add("due", "Due", "must be: week");
            false
        }
    };
    let page = if q.page.is_empty() {
        Some(1)
    } else {
        errors.check(
            "page",
            "Page",
            q.page.parse::<i64>().map_err(|_| "must be a whole number"),
        )
    }
    .filter(|p| *p >= 1)
    .unwrap_or(1)
    .min(MAX_PAGE);
    let today = svc.today();
    let overdue = q.overdue == "1" || q.overdue == "true";
    let searching = search.is_some();
    let filter = Filter {
        status,
        kind,
        jurisdiction,
        overdue_before: overdue.then_some(today),
        due_between: due_week.then(|| (today, today + chrono::Duration::days(6))),
        ready_only: q.ready == "1",
        lookup: search.map(|s| view::lookup(&svc, s)),
        open_only: q.open == "1",
        sort,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    };
    let status_code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let result = view::list(&svc, filter).await?;
    let pages = ((result.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let open: Vec<(steward_domain::RequestId, Status)> = result
        .items
        .iter()
        .filter(|r| matches!(r.status, Status::Verified | Status::InProgress))
        .map(|r| (r.id.clone(), r.status))
        .collect();
    let ids = open.iter().map(|(id, _)| id.clone()).collect();
    let mut tasks = steward_core::workflow::tasks::summaries(&svc, ids).await?;
    let ready = open
        .into_iter()
        .filter(|(id, status)| {
            let t = tasks.remove(id).unwrap_or_default();
            steward_domain::lifecycle::ready_to_close(*status, t.iter().map(|t| t.status))
        })
        .map(|(id, _)| id)
        .collect();
    let first = ((page - 1) * PAGE_SIZE + 1).min(result.total);
    let page_view = QueuePage {
        ready,
        nav: Nav::new(&staff, "requests"),
        prev_link: (page > 1).then(|| q.link(page - 1)),
        next_link: (page < pages).then(|| q.link(page + 1)),
        first,
        last: (page - 1) * PAGE_SIZE + result.items.len() as i64,
        q,
        items: result.items,
        total: result.total,
        page,
        pages,
        errors,
        statuses: &Status::ALL,
        kinds: RequestKind::ALL,
        jurisdictions: Jurisdiction::ALL,
        sorts: SORTS,
        searching,
    };
    render(status_code, &page_view)
}

#[derive(Template)]
#[template(path = "console/request.html")]
pub(super) struct DetailPage {
    nav: Nav,
    r: RequestView,
    can_work: bool,
    /// The action whose form failed, with what was typed, to show it again.
    failed: Option<String>,
    reason: String,
    denial_reason: String,
    errors: FieldErrors,
    denial_reasons: &'static [DenialReason],
    flash: Option<String>,
    tasks: Vec<steward_core::workflow::tasks::TaskView>,
    attachments: Vec<(String, String, i64)>,
    /// A correction's previews per SQL store, with decisions once approved.
    corrections: Vec<steward_core::workflow::corrections::StoreReview>,
}

impl DetailPage {
    fn languages(&self) -> &'static [steward_domain::Language] {
        steward_domain::Language::ALL
    }

    /// Some store's correction preview waits for approval.
    fn corrections_awaiting(&self) -> bool {
        self.corrections.iter().any(|s| s.awaiting)
    }

    /// Some automated store reached nobody: completing asks staff to confirm it.
    fn nothing_found(&self) -> bool {
        self.tasks.iter().any(|t| t.found_nothing)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    done: String,
}

#[derive(Deserialize)]
#[serde(default)]
#[derive(Default)]
pub struct LanguageFields {
    language: String,
    csrf: String,
}

/// Staff choose the language of a request's later emails (the requester asked for another).
pub async fn language(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<LanguageFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let r = view::load(&svc, &path).await?;
    let Ok(language) = form.language.parse::<steward_domain::Language>() else {
        let mut errors = FieldErrors::default();
        errors.add(
            "language",
            "Language of emails",
            steward_domain::kinds::UnknownWord {
                allowed: steward_domain::Language::WORDS,
            },
        );
        let page = load_detail(&svc, &staff, &path, None, errors, None).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    steward_core::workflow::language::set(&svc, staff.0.actor(), &r.id, language).await?;
    Ok(redirect(&format!(
        "/console/requests/{}?done=language",
        r.id
    )))
}

pub async fn detail(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    q: web::Query<DetailQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.done.as_str() {
        "corrections" => Some("Done: the approved corrections were applied.".to_string()),
        "language" => {
            Some("Done: the requester's emails now go out in the language chosen.".to_string())
        }
        done => Action::parse_staff(done)
            .ok()
            .map(|a| a.done_message().to_string()),
    };
    let page = load_detail(&svc, &staff, &path, None, FieldErrors::default(), flash).await?;
    render(StatusCode::OK, &page)
}

/// The request page with everything it shows, loaded.
pub(super) async fn load_detail(
    svc: &Services,
    staff: &ConsoleStaff,
    id: &str,
    failed: Option<(&str, &ActionFields)>,
    errors: FieldErrors,
    flash: Option<String>,
) -> Result<DetailPage, PageError> {
    let r = view::load(svc, id).await?;
    let tasks = steward_core::workflow::tasks::of_request(svc, &r.id).await?;
    let attachments = requests::attachments(svc, &r.id).await?;
    let corrections = steward_core::workflow::corrections::review(svc, &r.id).await?;
    let mut page = detail_page(staff, r, failed, errors, flash, tasks, attachments);
    page.corrections = corrections;
    Ok(page)
}

fn detail_page(
    staff: &ConsoleStaff,
    r: RequestView,
    failed: Option<(&str, &ActionFields)>,
    errors: FieldErrors,
    flash: Option<String>,
    tasks: Vec<steward_core::workflow::tasks::TaskView>,
    attachments: Vec<(String, String, i64)>,
) -> DetailPage {
    DetailPage {
        nav: Nav::new(staff, "requests"),
        r,
        can_work: staff.0.role.can(Permission::WorkRequests),
        failed: failed.map(|(a, _)| a.to_string()),
        reason: failed.map(|(_, f)| f.reason.clone()).unwrap_or_default(),
        denial_reason: failed
            .map(|(_, f)| f.denial_reason.clone())
            .unwrap_or_default(),
        errors,
        denial_reasons: &DenialReason::ALL,
        flash,
        tasks,
        attachments,
        corrections: Vec::new(),
    }
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub struct ActionFields {
    csrf: String,
    reason: String,
    denial_reason: String,
    confirm_nothing_found: String,
}

impl ActionFields {
    fn parse(&self, errors: &mut FieldErrors) -> ActionInput {
        use steward_domain::text;
        let reason = errors
            .check("reason", "Reason", text::paragraph(&self.reason, 2000))
            .flatten();
        let denial = if self.denial_reason.is_empty() {
            None
        } else {
            errors.check(
                "denial_reason",
                "Reason for refusal",
                choice::<DenialReason>(&self.denial_reason),
            )
        };
        ActionInput {
            reason,
            denial,
            confirm_nothing_found: !self.confirm_nothing_found.is_empty(),
        }
    }
}

pub async fn action(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<(String, String)>,
    form: web::Form<ActionFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (id, action_word) = path.into_inner();
    let action = Action::parse_staff(&action_word).map_err(|_| PageError::not_found())?;
    let mut errors = FieldErrors::default();
    let input = form.parse(&mut errors);
    let result = if errors.is_empty() {
        requests::act(&svc, staff.0.actor(), &id, action, input)
            .await
            .map(|_| ())
    } else {
        Ok(())
    };
    let status = match result {
        Ok(()) if errors.is_empty() => {
            return Ok(redirect(&format!(
                "/console/requests/{id}?done={action_word}"
            )));
        }
        Ok(()) => StatusCode::UNPROCESSABLE_ENTITY,
        Err(WorkflowError::Invalid { field, message }) => {
            errors.add(
                field,
                if field == "reason" {
                    "Reason"
                } else {
                    "Reason for refusal"
                },
                message,
            );
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(e @ (WorkflowError::Transition(_) | WorkflowError::Conflict(_))) => {
            errors.add("action", "This action", format!("is not possible: {e}"));
            StatusCode::CONFLICT
        }
        Err(e @ WorkflowError::Clock(_)) => {
            errors.add("action", "This action", format!("is not possible: {e}"));
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(e) => return Err(e.into()),
    };
    let page = load_detail(&svc, &staff, &id, Some((&action_word, &form)), errors, None).await?;
    render(status, &page)
}

#[derive(Template)]
#[template(path = "console/new_request.html")]
struct NewPage {
    nav: Nav,
    f: IntakeFields,
    errors: FieldErrors,
    kinds: &'static [RequestKind],
    jurisdictions: &'static [Jurisdiction],
    channels: &'static [Channel],
    today: String,
    categories: &'static [steward_domain::correction::CorrectionCategory],
}

impl NewPage {
    fn value_of(&self, c: &steward_domain::correction::CorrectionCategory) -> &str {
        self.f.correct_value(*c)
    }
}

fn new_page(svc: &Services, staff: &ConsoleStaff, f: IntakeFields, errors: FieldErrors) -> NewPage {
    NewPage {
        nav: Nav::new(staff, "new"),
        f,
        errors,
        kinds: RequestKind::ALL,
        jurisdictions: Jurisdiction::ALL,
        channels: Channel::ALL,
        today: svc.today().to_string(),
        categories: steward_domain::correction::CorrectionCategory::ALL,
    }
}

pub async fn new_form(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    let f = IntakeFields {
        channel: "email".into(),
        send_verification: "on".into(),
        received_at: svc.today().to_string(),
        ..Default::default()
    };
    render(
        StatusCode::OK,
        &new_page(&svc, &staff, f, FieldErrors::default()),
    )
}

pub async fn new_submit(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<IntakeFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let intake = match f.parse(
        Source::Staff,
        svc.config.timezone,
        svc.config.languages.default,
    ) {
        Ok(i) => i,
        Err(errors) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(&svc, &staff, f, errors),
            );
        }
    };
    match requests::file(&svc, intake, staff.0.actor()).await {
        Ok(filed) => Ok(redirect(&format!("/console/requests/{}", filed.id))),
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(field, "Date received", message);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(&svc, &staff, f, errors),
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// The subject's data as CSV, for staff to review before release.
pub async fn package(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let r = view::load(&svc, &path).await?;
    Ok(crate::render::package_response(
        &svc,
        &r,
        staff.0.actor(),
        steward_core::export::package::Columns::spec(),
    )
    .await?)
}

/// A file the requester sent (an agent's proof of authority), for staff to check.
pub async fn attachment(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (id, file) = path.into_inner();
    let r = view::load(&svc, &id).await?;
    let (name, content_type, bytes) =
        requests::attachment(&svc, staff.0.actor(), &r.id, &file).await?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            steward_core::export::attachment(&name),
        ))
        .body(bytes))
}
