//! A correction's preview and its approval: `GET` and `POST /api/v1/requests/{id}/corrections`.

use actix_web::{HttpResponse, web};

use super::json::Fields;
use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::corrections::{self, Decision};
use steward_core::workflow::{Services, view};

/// Each SQL store's preview: per table and field, the rows, the value before, the value after,
/// and why a field cannot change; once approved, the decisions and what was applied.
pub async fn review(
    svc: web::Data<Services>,
    _staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let r = view::load(&svc, &path).await?;
    let stores = corrections::review(&svc, &r.id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"stores": stores})))
}

/// `{decisions: [{task_id, table, field, decision: "apply"|"reject", value?, reason?}]}`;
/// fields not named are applied as previewed. Nothing is written unless every store that is
/// to change passes its preflight.
pub async fn approve(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b = Fields::from_body(&body)?;
    b.only(&["decisions"])?;
    let bad = |m: &str| ApiError::field("decisions", format!("decisions: {m}"));
    let mut decisions = Vec::new();
    match b.raw("decisions") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::Array(items)) => {
            for item in items {
                let text = |k: &str| item.get(k).and_then(|v| v.as_str()).map(str::to_string);
                let (Some(task_id), Some(table), Some(field), Some(word)) = (
                    text("task_id"),
                    text("table"),
                    text("field"),
                    text("decision"),
                ) else {
                    return Err(bad(
                        "each item needs task_id, table, field and decision, as text",
                    ));
                };
                let apply = match word.as_str() {
                    "apply" => true,
                    "reject" => false,
                    _ => return Err(bad("decision must be one of: apply, reject")),
                };
                decisions.push(Decision {
                    task_id,
                    table,
                    field,
                    apply,
                    value: text("value"),
                    reason: text("reason"),
                });
            }
        }
        Some(_) => return Err(bad("must be a list")),
    }
    let approval = corrections::approve(&svc, staff.0.actor(), &path, decisions).await?;
    Ok(HttpResponse::Ok().json(approval))
}
