//! `/api/v1/tasks`: a store owner's queue, and the result callback stores answer through.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::Value;

use super::json::{Fields, first_error};
use crate::error::ApiError;
use crate::query;
use crate::staff::ApiStaff;
use steward_core::answers::FoundValue;
use steward_core::audit::Actor;
use steward_core::auth::Staff;
use steward_core::workflow::tasks::{self, QueueFilter, Settle};
use steward_core::workflow::{Services, WorkflowError};
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
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(tasks::get(&svc, &staff.0, &path).await?))
}

pub async fn retry(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
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
    path: web::Path<String>,
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
        Ok(()) => Ok(HttpResponse::Ok().json(serde_json::json!({"status": "accepted"}))),
        Err(WorkflowError::Forbidden) => Err(ApiError::status(
            StatusCode::FORBIDDEN,
            "you may not settle this task",
        )),
        Err(e) => Err(e.into()),
    }
}

fn parse_result(body: &[u8]) -> Result<Settle, ApiError> {
    let b = Fields::from_body(body)?;
    b.only(&["status", "records", "note", "basis", "error", "counts"])?;
    let line = |field: &'static str, max: usize| -> Result<Option<String>, ApiError> {
        text::paragraph(&b.text(field)?, max)
            .map_err(|e| ApiError::field(field, format!("{field} {e}")))
    };
    match b.text("status")?.as_str() {
        "done" => match b.raw("records") {
            Some(Value::Array(items)) => Ok(Settle::Records(parse_records(items)?)),
            None | Some(Value::Null) => Ok(Settle::Done {
                note: line("note", 2000)?.unwrap_or_else(|| "Done".into()),
                counts: b.raw("counts").cloned().filter(|v| !v.is_null()),
            }),
            Some(_) => Err(ApiError::field("records", "records must be a list")),
        },
        "exempt" => Ok(Settle::Exempt {
            basis: line("basis", 2000)?
                .ok_or_else(|| ApiError::field("basis", "basis is required for an exemption"))?,
        }),
        "failed" => Ok(Settle::Failed {
            error: line("error", 2000)?.unwrap_or_else(|| "the store reported a failure".into()),
        }),
        _ => Err(ApiError::field(
            "status",
            "status must be one of: done, exempt, failed",
        )),
    }
}

const MAX_RECORDS: usize = steward_core::answers::MAX_VALUES;

fn parse_records(items: &[Value]) -> Result<Vec<FoundValue>, ApiError> {
    if items.len() > MAX_RECORDS {
        return Err(ApiError::field(
            "records",
            format!("records may hold at most {MAX_RECORDS} values"),
        ));
    }
    let bad = |i: usize, what: &str| ApiError::field("records", format!("records[{i}]: {what}"));
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let o = v.as_object().ok_or_else(|| bad(i, "must be an object"))?;
            let s = |k: &str, required: bool| -> Result<Option<String>, ApiError> {
                match o.get(k) {
                    Some(Value::String(x)) if x.chars().count() <= 10_000 => Ok(Some(x.clone())),
                    Some(Value::Number(n)) => Ok(Some(n.to_string())),
                    Some(Value::Bool(b)) => Ok(Some(b.to_string())),
                    None | Some(Value::Null) if !required => Ok(None),
                    _ => Err(bad(i, &format!("{k} must be a string"))),
                }
            };
            Ok(FoundValue {
                table: s("table", true)?.unwrap_or_default(),
                record: s("record", true)?.unwrap_or_default(),
                field: s("field", true)?.unwrap_or_default(),
                category: s("category", false)?.unwrap_or_default(),
                value: s("value", false)?,
            })
        })
        .collect()
}
