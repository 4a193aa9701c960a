//! `/api/v1/requests`: the request desk for integrations.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{self, first_error, flag, text};
use super::vocab;
use crate::error::ApiError;
use crate::intake::{IntakeFields, Source};
use crate::query;
use crate::staff::ApiStaff;
use steward_core::workflow::requests::{self, ActionInput};
use steward_core::workflow::tasks::{self, TaskSummary};
use steward_core::workflow::view::{self, RequestView};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::filters::Filter;
use steward_domain::search::Search;
use steward_domain::validation::{FieldErrors, optional_choice};
use steward_domain::{
    Action, Channel, DenialReason, Jurisdiction, Language, PublicId, RequestId, RequestKind, Status,
};

/// The request object of the spec's JSON API.
#[derive(Serialize, ToSchema)]
pub struct RequestJson {
    id: RequestId,
    public_id: PublicId,
    kind: RequestKind,
    jurisdiction: Jurisdiction,
    channel: Channel,
    /// The language the request was filed in; its emails go out in it.
    language: Language,
    status: Status,
    #[schema(format = Email)]
    email: String,
    name: Option<String>,
    #[schema(format = DateTime)]
    received_at: String,
    received_date: NaiveDate,
    acknowledge_by: Option<NaiveDate>,
    due_date: NaiveDate,
    extended_due_date: Option<NaiveDate>,
    extension_reason: Option<String>,
    days_left: Option<i64>,
    overdue: bool,
    clock_paused: bool,
    #[schema(format = DateTime)]
    verified_at: Option<String>,
    #[schema(format = DateTime)]
    closed_at: Option<String>,
    denial_reason: Option<DenialReason>,
    duplicate_of: Option<PublicId>,
    /// Every store task is settled: only closing the request is left.
    ready_to_close: bool,
    tasks: Vec<TaskSummary>,
}

/// One page of the request list, soonest deadline first.
#[derive(Serialize, ToSchema)]
pub struct RequestPage {
    items: Vec<RequestJson>,
    total: i64,
    limit: i64,
    offset: i64,
}

fn rfc3339(t: chrono::NaiveDateTime, svc: &Services) -> String {
    use chrono::TimeZone;
    svc.config
        .timezone
        .from_local_datetime(&t)
        .earliest()
        .map(|t| t.to_rfc3339())
        .unwrap_or_else(|| t.and_utc().to_rfc3339())
}

impl RequestJson {
    /// The request with its tasks, as every endpoint returns it.
    async fn load(svc: &Services, id: &str) -> Result<Self, WorkflowError> {
        let r = view::load(svc, id).await?;
        Self::with_tasks(svc, r).await
    }

    async fn with_tasks(svc: &Services, r: RequestView) -> Result<Self, WorkflowError> {
        Ok(Self::all_with_tasks(svc, vec![r]).await?.remove(0))
    }

    /// Several requests with their tasks, read in one query.
    async fn all_with_tasks(
        svc: &Services,
        views: Vec<RequestView>,
    ) -> Result<Vec<Self>, WorkflowError> {
        let ids = views.iter().map(|r| r.id.clone()).collect();
        let mut tasks = tasks::summaries(svc, ids).await?;
        Ok(views
            .into_iter()
            .map(|r| {
                let found = tasks.remove(&r.id).unwrap_or_default();
                let mut json = Self::from_view(r, svc);
                json.ready_to_close = steward_domain::lifecycle::ready_to_close(
                    json.status,
                    found.iter().map(|t| t.status),
                );
                json.tasks = found;
                json
            })
            .collect())
    }

    fn from_view(r: RequestView, svc: &Services) -> Self {
        RequestJson {
            received_at: rfc3339(r.received_at, svc),
            verified_at: r.verified_at.map(|t| rfc3339(t, svc)),
            closed_at: r.closed_at.map(|t| rfc3339(t, svc)),
            id: r.id,
            public_id: r.public_id,
            kind: r.kind,
            jurisdiction: r.jurisdiction,
            channel: r.channel,
            language: r.language,
            status: r.status,
            email: r.email,
            name: r.name,
            received_date: r.received_date,
            acknowledge_by: r.acknowledge_by,
            due_date: r.due_date,
            extended_due_date: r.extended_due_date,
            extension_reason: r.extension_reason,
            days_left: r.days_left,
            overdue: r.overdue,
            clock_paused: r.clock_stopped,
            denial_reason: r.denial_reason,
            duplicate_of: r.duplicate_of,
            ready_to_close: false,
            tasks: Vec::new(),
        }
    }
}

/// `POST /api/v1/requests`: a request received by email, post or phone (or from an agent).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "kind": "access", "jurisdiction": "gdpr", "email": "ada@example.org", "name": "Ada Lovelace",
    "channel": "email", "details": "Please send me a copy of my data.",
    "send_verification": true
}))]
pub struct NewRequest {
    #[schema(required = true, schema_with = vocab::request_kind)]
    kind: Option<String>,
    #[schema(required = true, schema_with = vocab::jurisdiction)]
    jurisdiction: Option<String>,
    #[schema(required = true, format = Email, max_length = 254)]
    email: Option<String>,
    #[schema(max_length = 200)]
    name: Option<String>,
    #[schema(max_length = 5000)]
    details: Option<String>,
    /// When the request arrived, if not now (a letter or call logged later).
    #[schema(format = DateTime)]
    received_at: Option<String>,
    #[schema(schema_with = vocab::channel)]
    channel: Option<String>,
    /// A correction in the subject's own words.
    correction_what: Option<String>,
    correction_value: Option<String>,
    /// Structured corrections, each category at most once.
    #[schema(inline)]
    corrections: Option<Vec<CorrectionBody>>,
    /// A CCPA authorized agent filing for the consumer.
    #[schema(max_length = 200)]
    agent_name: Option<String>,
    #[schema(format = Email, max_length = 254)]
    agent_email: Option<String>,
    /// Email the subject a link to confirm the request.
    send_verification: Option<bool>,
    /// The language of every email about the request (default: `STEWARD_DEFAULT_LANGUAGE`).
    #[schema(schema_with = vocab::language)]
    language: Option<String>,
}

/// One correction asked for: a category and its new value.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionBody {
    #[schema(schema_with = vocab::correction_category)]
    category: String,
    value: String,
}

/// `corrections: [{category, value}]`, each category at most once, into the intake's fields.
fn corrections_into(items: &[CorrectionBody], fields: &mut IntakeFields) -> Result<(), ApiError> {
    let bad = |m: String| ApiError::field("corrections", format!("corrections: {m}"));
    let mut seen = Vec::new();
    for item in items {
        let category: steward_domain::correction::CorrectionCategory = item
            .category
            .parse()
            .map_err(|e| bad(format!("category {e}")))?;
        if seen.contains(&category) || item.value.trim().is_empty() {
            return Err(bad(format!(
                "{} is given twice or without a value",
                category.as_str()
            )));
        }
        seen.push(category);
        fields.set_correct_value(category, item.value.clone());
    }
    Ok(())
}

pub async fn create(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: NewRequest = json::body(&body)?;
    let agent_name = text(&b.agent_name);
    let fields = IntakeFields {
        kind: text(&b.kind),
        jurisdiction: text(&b.jurisdiction),
        email: text(&b.email),
        name: text(&b.name),
        details: text(&b.details),
        correction_what: text(&b.correction_what),
        correction_value: text(&b.correction_value),
        agent: if agent_name.is_empty() {
            String::new()
        } else {
            "yes".into()
        },
        agent_name,
        agent_email: text(&b.agent_email),
        channel: text(&b.channel),
        received_at: text(&b.received_at),
        send_verification: flag(b.send_verification),
        language: text(&b.language),
        csrf: String::new(),
        ..Default::default()
    };
    let mut fields = fields;
    corrections_into(b.corrections.as_deref().unwrap_or_default(), &mut fields)?;
    let intake = fields
        .parse(
            Source::Api,
            svc.config.timezone,
            svc.config.languages.default,
        )
        .map_err(|e| {
            // The form's per-category fields are one list in the API: name that list.
            match e.first() {
                Some(f) if f.field.starts_with("correct_") => ApiError::field(
                    "corrections",
                    format!(
                        "corrections: {} {}",
                        f.field.trim_start_matches("correct_"),
                        f.message
                    ),
                ),
                _ => first_error(e),
            }
        })?;
    let filed = requests::file(&svc, intake, staff.0.actor()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/requests/{}", filed.id)))
        .json(RequestJson::load(&svc, &filed.id).await?))
}

pub async fn get(
    svc: web::Data<Services>,
    // Access is decided by the route table; taking the extractor still makes the handler
    // unreachable without a token, should the route ever lose its rule.
    _staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(RequestJson::load(&svc, &path).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    status: String,
    kind: String,
    jurisdiction: String,
    overdue: String,
    limit: String,
    offset: String,
}

pub async fn list(
    svc: web::Data<Services>,
    // Access is decided by the route table; taking the extractor still makes the handler
    // unreachable without a token, should the route ever lose its rule.
    _staff: ApiStaff,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut e = FieldErrors::default();
    let search = e.check("q", "q", Search::parse(&q.q)).flatten();
    let status = optional_choice::<Status>(&mut e, "status", "status", &q.status);
    let kind = optional_choice::<RequestKind>(&mut e, "kind", "kind", &q.kind);
    let jurisdiction =
        optional_choice::<Jurisdiction>(&mut e, "jurisdiction", "jurisdiction", &q.jurisdiction);
    let overdue = query::flag(&mut e, "overdue", &q.overdue);
    let limit = query::number(&mut e, "limit", &q.limit, 100, query::LIMIT_BOUNDS);
    let offset = query::number(&mut e, "offset", &q.offset, 0, query::OFFSET_BOUNDS);
    if !e.is_empty() {
        return Err(first_error(e));
    }
    let filter = Filter {
        status,
        kind,
        jurisdiction,
        overdue_before: overdue.then(|| svc.today()),
        lookup: search.map(|s| view::lookup(&svc, s)),
        limit,
        offset,
        ..Default::default()
    };
    let page = view::list(&svc, filter).await?;
    let items = RequestJson::all_with_tasks(&svc, page.items).await?;
    Ok(HttpResponse::Ok().json(RequestPage {
        items,
        total: page.total,
        limit,
        offset,
    }))
}

/// `POST /api/v1/requests/{id}/{action}`: what some actions need (all optional; an empty
/// body is `{}`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Identity confirmed by a call to the number on file."}))]
pub struct ActionBody {
    /// Why (pausing, extending, denying, withdrawing).
    #[schema(max_length = 2000)]
    reason: Option<String>,
    /// Why a request is denied.
    #[schema(schema_with = vocab::denial_reason)]
    denial_reason: Option<String>,
    /// Completing although no store found anything of the subject.
    confirm_nothing_found: Option<bool>,
}

pub async fn action(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let (id, word) = path.into_inner();
    let action = Action::parse_staff(&word).map_err(|e| {
        ApiError::status(
            StatusCode::NOT_FOUND,
            format!("unknown action '{word}': {e}"),
        )
    })?;
    let b: ActionBody = json::body(&body)?;
    let confirm_nothing_found = b.confirm_nothing_found == Some(true);
    let mut e = FieldErrors::default();
    let reason = e
        .check(
            "reason",
            "reason",
            steward_domain::text::paragraph(&text(&b.reason), 2000),
        )
        .flatten();
    let denial_word = text(&b.denial_reason);
    let denial =
        optional_choice::<DenialReason>(&mut e, "denial_reason", "denial_reason", &denial_word);
    if !e.is_empty() {
        return Err(first_error(e));
    }
    match requests::act(
        &svc,
        staff.0.actor(),
        &id,
        action,
        ActionInput {
            reason,
            denial,
            confirm_nothing_found,
        },
    )
    .await
    {
        Ok(row) => Ok(HttpResponse::Ok().json(RequestJson::load(&svc, &row.id).await?)),
        Err(WorkflowError::Invalid { field, message }) => {
            Err(ApiError::field(field, format!("{field} {message}")))
        }
        Err(e) => Err(e.into()),
    }
}

/// The subject's data as CSV, streamed.
pub async fn package(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let r = view::load(&svc, &path).await?;
    Ok(crate::render::package_response(
        &svc,
        &r,
        staff.0.actor(),
        steward_core::export::package::Columns::spec(),
    )
    .await?)
}
