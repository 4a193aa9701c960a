//! The JSON API under `/api/v1/`, for integrations and scripts.

mod json;
mod requests;
mod stores;
mod tasks;

use actix_web::{HttpResponse, web};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/api/v1/requests", web::post().to(requests::create))
        .route("/api/v1/requests", web::get().to(requests::list))
        .route("/api/v1/requests/{id}", web::get().to(requests::get))
        .route(
            "/api/v1/requests/{id}/package.csv",
            web::get().to(requests::package),
        )
        .route(
            "/api/v1/requests/{id}/{action}",
            web::post().to(requests::action),
        )
        .route("/api/v1/stores", web::post().to(stores::create))
        .route("/api/v1/stores", web::get().to(stores::list))
        .route("/api/v1/stores/{id}", web::get().to(stores::get))
        .route("/api/v1/tasks", web::get().to(tasks::list))
        .route("/api/v1/tasks/{id}", web::get().to(tasks::get))
        .route("/api/v1/tasks/{id}/result", web::post().to(tasks::result))
        .route("/api/v1/tasks/{id}/retry", web::post().to(tasks::retry));
}

async fn healthz(svc: web::Data<crate::workflow::Services>) -> HttpResponse {
    let ok = svc.db.run(|c| {
        use diesel::connection::SimpleConnection;
        c.batch_execute("SELECT 1")
            .map_err(crate::db::DbError::from)
    });
    match ok.await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        Err(_) => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({"status": "database unavailable"})),
    }
}
