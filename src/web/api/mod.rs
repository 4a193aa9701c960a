//! The JSON API under `/api/v1/`, for integrations and scripts.

mod json;
mod requests;
mod stores;
mod tasks;

use actix_web::{HttpResponse, web};

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::routes::{Verb::*, add};
    add(cfg, Get, "/healthz", healthz);
    add(cfg, Post, "/api/v1/requests", requests::create);
    add(cfg, Get, "/api/v1/requests", requests::list);
    add(cfg, Get, "/api/v1/requests/{id}", requests::get);
    add(
        cfg,
        Get,
        "/api/v1/requests/{id}/package.csv",
        requests::package,
    );
    add(
        cfg,
        Post,
        "/api/v1/requests/{id}/{action}",
        requests::action,
    );
    add(cfg, Post, "/api/v1/stores", stores::create);
    add(cfg, Get, "/api/v1/stores", stores::list);
    add(cfg, Get, "/api/v1/stores/{id}", stores::get);
    add(cfg, Get, "/api/v1/tasks", tasks::list);
    add(cfg, Get, "/api/v1/tasks/{id}", tasks::get);
    add(cfg, Post, "/api/v1/tasks/{id}/result", tasks::result);
    add(cfg, Post, "/api/v1/tasks/{id}/retry", tasks::retry);
    add(cfg, Get, "/api/v1/exports/breaches.csv", breaches_csv);
}

/// The breach register for staff tokens with read access; the download is audited.
async fn breaches_csv(
    svc: web::Data<crate::workflow::Services>,
    staff: crate::web::staff::ApiStaff,
) -> Result<HttpResponse, crate::web::error::ApiError> {
    crate::workflow::records::export_downloaded(&svc, staff.0.actor(), "breaches").await?;
    Ok(crate::web::console::breaches::csv_stream(&svc))
}

async fn healthz(svc: web::Data<crate::workflow::Services>) -> HttpResponse {
    match crate::workflow::records::healthy(&svc).await {
        true => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        false => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({"status": "database unavailable"})),
    }
}
