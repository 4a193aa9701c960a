//! `/api/v1/tasks`: a store owner's queue, and the result callback stores answer through.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::Value;

use utoipa::ToSchema;

use super::json::{self, first_error};
use super::vocab;
use crate::error::ApiError;
use crate::query;
use crate::staff::ApiStaff;
use steward_core::answers::FoundValue;
use steward_core::audit::Actor;
use steward_core::auth::Staff;
use steward_core::workflow::tasks::{self, QueueFilter, Settle};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::TaskId;
use steward_domain::validation::FieldErrors;
use steward_domain::{Permission, text};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    mine: String,
    open: String,
    limit: String,
    offset: String,
}

pub async fn list(
    svc: web::Data<Services>,
    staff: ApiStaff,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut e = FieldErrors::default();
    let filter = QueueFilter {
        status: None,
        mine: query::flag(&mut e, "mine", &q.mine),
        open_only: query::flag(&mut e, "open", &q.open),
        limit: query::number(&mut e, "limit", &q.limit, 500, query::LIMIT_BOUNDS),
        offset: query::number(&mut e, "offset", &q.offset, 0, query::OFFSET_BOUNDS),
    };
    if !e.is_empty() {
        return Err(first_error(e));
    }
    Ok(HttpResponse::Ok().json(tasks::queue(&svc, &staff.0, filter).await?))
}

pub async fn get(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<TaskId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(tasks::get(&svc, &staff.0, &path).await?))
}

pub async fn retry(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<TaskId>,
) -> Result<HttpResponse, ApiError> {
    tasks::settle(&svc, staff.0.actor(), Some(&staff.0), &path, Settle::Retry).await?;
    Ok(HttpResponse::Ok().json(tasks::get(&svc, &staff.0, &path).await?))
}

/// A store's answer: `{"status": "done"|"exempt"|"failed", "records"?, "note"?, "basis"?,
/// "error"?, "counts"?}`. Accepted from staff with a bearer token, or from the store itself
/// signed with its webhook secret (`X-Steward-Timestamp`, `X-Steward-Signature`).
pub async fn result(
    req: HttpRequest,
    svc: web::Data<Services>,
    path: web::Path<TaskId>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let task_id = path.into_inner();
    let header = |n: &str| {
        req.headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (actor, staff): (Actor, Option<Staff>) = match (
        header("X-Steward-Timestamp"),
        header("X-Steward-Signature"),
    ) {
        (Some(ts), Some(sig)) => {
            let nonce = header("X-Steward-Nonce").unwrap_or_default();
            if !tasks::verify_callback(&svc, &task_id, &ts, &nonce, &sig, &body).await? {
                return Err(ApiError::status(
                    StatusCode::UNAUTHORIZED,
                    "the signature is not valid for this task, too old, or its nonce was used before",
                ));
            }
            (Actor::System, None)
        }
        _ => {
            let staff = ApiStaff::from_headers(&req, &svc).await?;
            staff.require(Permission::WorkOwnTasks)?;
            (staff.0.actor(), Some(staff.0))
        }
    };
    let settle = parse_result(&body)?;
    match tasks::settle(&svc, actor, staff.as_ref(), &task_id, settle).await {
        Ok(()) => Ok(HttpResponse::Ok().json(Accepted { status: "accepted" })),
        Err(WorkflowError::Forbidden) => Err(ApiError::status(
            StatusCode::FORBIDDEN,
            "you may not settle this task",
        )),
        Err(e) => Err(e.into()),
    }
}

/// The store's answer was taken.
#[derive(serde::Serialize, ToSchema)]
pub struct Accepted {
    #[schema(value_type = String, example = "accepted")]
    status: &'static str,
}

/// `POST /api/v1/tasks/{id}/result`: a store's answer. `done` with the `records` found (an
/// access) or a `note` and `counts` (what was erased); `exempt` with its legal `basis`;
/// `failed` with the `error`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "done", "records": [
    {"table": "customers", "record": "42", "field": "email", "category": "contact",
     "value": "ada@example.org"}
]}))]
pub struct TaskResult {
    #[schema(required = true, schema_with = vocab::task_result)]
    status: Option<String>,
    #[schema(inline, max_items = 100000)]
    records: Option<Vec<FoundRecord>>,
    #[schema(max_length = 2000)]
    note: Option<String>,
    #[schema(max_length = 2000)]
    basis: Option<String>,
    #[schema(max_length = 2000)]
    error: Option<String>,
    /// What the store did, by table (for the timeline).
    #[schema(value_type = Option<Object>)]
    counts: Option<Value>,
}

/// One value the store holds of the subject.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FoundRecord {
    #[schema(inline)]
    table: Scalar,
    #[schema(inline)]
    record: Scalar,
    #[schema(inline)]
    field: Scalar,
    #[schema(inline)]
    category: Option<Scalar>,
    #[schema(inline)]
    value: Option<Scalar>,
}

/// A value as stores send it: text, or a number or boolean taken as its text.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum Scalar {
    Text(String),
    /// Kept as written: a big integer id must not go through a float.
    #[schema(value_type = f64)]
    Number(serde_json::Number),
    Flag(bool),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::Number(n) => n.to_string(),
            Scalar::Flag(b) => b.to_string(),
        }
    }
}

fn parse_result(body: &[u8]) -> Result<Settle, ApiError> {
    let b: TaskResult = json::body(body)?;
    let line = |field: &'static str, value: &Option<String>, max: usize| {
        text::paragraph(&json::text(value), max)
            .map_err(|e| ApiError::field(field, format!("{field} {e}")))
    };
    match json::text(&b.status).as_str() {
        "done" => match &b.records {
            Some(items) => Ok(Settle::Records(parse_records(items)?)),
            None => Ok(Settle::Done {
                note: line("note", &b.note, 2000)?.unwrap_or_else(|| "Done".into()),
                counts: b.counts.filter(|v| !v.is_null()),
            }),
        },
        "exempt" => Ok(Settle::Exempt {
            basis: line("basis", &b.basis, 2000)?
                .ok_or_else(|| ApiError::field("basis", "basis is required for an exemption"))?,
        }),
        "failed" => Ok(Settle::Failed {
            error: line("error", &b.error, 2000)?
                .unwrap_or_else(|| "the store reported a failure".into()),
        }),
        _ => Err(ApiError::field(
            "status",
            "status must be one of: done, exempt, failed",
        )),
    }
}

const MAX_RECORDS: usize = steward_core::answers::MAX_VALUES;

fn parse_records(items: &[FoundRecord]) -> Result<Vec<FoundValue>, ApiError> {
    if items.len() > MAX_RECORDS {
        return Err(ApiError::field(
            "records",
            format!("records may hold at most {MAX_RECORDS} values"),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let long = [
                Some(&r.table),
                Some(&r.record),
                Some(&r.field),
                r.category.as_ref(),
                r.value.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|v| v.text().chars().count() > 10_000);
            if long {
                return Err(ApiError::field(
                    "records",
                    format!("records[{i}]: a value is longer than 10000 characters"),
                ));
            }
            Ok(FoundValue {
                table: r.table.text(),
                record: r.record.text(),
                field: r.field.text(),
                category: r.category.as_ref().map(Scalar::text).unwrap_or_default(),
                value: r.value.as_ref().map(Scalar::text),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_records_keep_every_digit() {
        let body = br#"{"status": "done", "records": [
            {"table": "orders", "record": 12345678901234567890, "field": "total", "value": 0.1}
        ]}"#;
        let Ok(Settle::Records(values)) = parse_result(body) else {
            panic!("records were read");
        };
        assert_eq!(values[0].record, "12345678901234567890");
        assert_eq!(values[0].value.as_deref(), Some("0.1"));
    }
}
