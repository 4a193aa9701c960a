//! The JSON API under `/api/v1/`, for integrations and scripts.

pub(crate) mod calendars;
pub(crate) mod consent;
pub(crate) mod corrections;
pub(crate) mod exports;
mod json;
pub(crate) mod requests;
pub(crate) mod stores;
pub(crate) mod tasks;

use actix_web::{HttpResponse, web};

/// The breach register for staff tokens with read access; the download is audited.
pub(crate) async fn breaches_csv(
    svc: web::Data<crate::workflow::Services>,
    staff: crate::web::staff::ApiStaff,
) -> Result<HttpResponse, crate::web::error::ApiError> {
    crate::workflow::records::export_downloaded(
        &svc,
        staff.0.actor(),
        "breaches",
        serde_json::json!({}),
    )
    .await?;
    Ok(crate::web::console::breaches::csv_stream(&svc))
}

pub(crate) async fn healthz(svc: web::Data<crate::workflow::Services>) -> HttpResponse {
    match crate::workflow::records::healthy(&svc).await {
        true => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        false => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({"status": "database unavailable"})),
    }
}
