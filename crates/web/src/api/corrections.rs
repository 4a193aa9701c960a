//! A correction's preview and its approval: `GET` and `POST /api/v1/requests/{id}/corrections`.

use actix_web::{HttpResponse, web};

use serde::Deserialize;
use utoipa::ToSchema;

use super::json;
use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::corrections::{self, Decision};
use steward_core::workflow::{Services, view};

/// Each SQL store's part of a correction.
#[derive(serde::Serialize, ToSchema)]
pub struct Review {
    stores: Vec<corrections::StoreReview>,
}

/// Each SQL store's preview: per table and field, the rows, the value before, the value after,
/// and why a field cannot change; once approved, the decisions and what was applied.
pub async fn review(
    svc: web::Data<Services>,
    _staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let r = view::load(&svc, &path).await?;
    let stores = corrections::review(&svc, &r.id).await?;
    Ok(HttpResponse::Ok().json(Review { stores }))
}

/// `POST /api/v1/requests/{id}/corrections`: staff's word on previewed fields. Fields not
/// named are applied as previewed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"decisions": []}))]
pub struct Approval {
    #[schema(inline)]
    decisions: Option<Vec<FieldDecision>>,
}

/// One field of one table of one store's preview.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldDecision {
    task_id: String,
    table: String,
    field: String,
    #[schema(inline)]
    decision: Verdict,
    /// The value to write instead of the previewed one.
    value: Option<String>,
    /// Why a field is rejected.
    reason: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Apply,
    Reject,
}

/// Nothing is written unless every store that is to change passes its preflight.
pub async fn approve(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: Approval = json::body(&body)?;
    let decisions = b
        .decisions
        .unwrap_or_default()
        .into_iter()
        .map(|d| Decision {
            task_id: d.task_id,
            table: d.table,
            field: d.field,
            apply: matches!(d.decision, Verdict::Apply),
            value: d.value,
            reason: d.reason,
        })
        .collect();
    let approval = corrections::approve(&svc, staff.0.actor(), &path, decisions).await?;
    Ok(HttpResponse::Ok().json(approval))
}
