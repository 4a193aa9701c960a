//! The JSON API under `/api/v1/`, for integrations and scripts.

pub(crate) mod banner;
pub(crate) mod brand;
pub(crate) mod calendars;
pub(crate) mod consent;
pub(crate) mod consent_services;
pub(crate) mod corrections;
pub(crate) mod exports;
mod json;
pub(crate) mod openapi;
pub(crate) mod overview;
pub(crate) mod requests;
pub(crate) mod stores;
pub(crate) mod tasks;
pub(crate) mod vocab;

use actix_web::{HttpResponse, web};

/// The breach register for staff tokens with read access; the download is audited.
pub(crate) async fn breaches_csv(
    svc: web::Data<steward_core::workflow::Services>,
    staff: crate::staff::ApiStaff,
) -> Result<HttpResponse, crate::error::ApiError> {
    let permit = steward_core::workflow::records::export_downloaded(
        &svc,
        staff.0.actor(),
        "breaches",
        serde_json::json!({}),
    )
    .await?;
    Ok(crate::reports::held(
        permit,
        crate::reports::breaches_stream(&svc),
    ))
}

/// Prometheus metrics. Open by default (scrapers usually sit on the same private network);
/// with `STEWARD_METRICS_TOKEN` set, only `Authorization: Bearer <token>` reads them.
pub(crate) async fn metrics(
    req: actix_web::HttpRequest,
    svc: web::Data<steward_core::workflow::Services>,
) -> Result<HttpResponse, crate::error::ApiError> {
    if let Some(want) = &svc.config.metrics_token {
        let given = crate::access::bearer(req.headers()).unwrap_or_default();
        // Digests of equal length compared in constant time: not even the length leaks.
        let digest = |t: &str| steward_core::secrets::sha256_hex(t.as_bytes());
        if !steward_core::secrets::same_secret(&digest(&given), &digest(want)) {
            return Err(crate::error::ApiError::status(
                actix_web::http::StatusCode::UNAUTHORIZED,
                "the metrics token is missing or wrong",
            ));
        }
    }
    let text = steward_core::workflow::records::metrics_text(&svc).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(text))
}

pub(crate) async fn healthz(svc: web::Data<steward_core::workflow::Services>) -> HttpResponse {
    match steward_core::workflow::records::healthy(&svc).await {
        true => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        false => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({"status": "database unavailable"})),
    }
}
