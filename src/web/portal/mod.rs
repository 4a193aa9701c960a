//! The public side: the rights explained, the request form, verification and the status page.

mod intake;
mod status;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(|| async { super::redirect("/privacy") }))
        .route("/privacy", web::get().to(intake::rights))
        .route("/privacy/requests/new", web::get().to(intake::form))
        .route("/privacy/requests/new", web::post().to(intake::submit))
        .route("/privacy/requests/sent", web::get().to(intake::sent))
        .route(
            "/privacy/requests/{public_id}/package.csv",
            web::get().to(status::package),
        )
        .route("/privacy/requests/{public_id}", web::get().to(status::page))
        .route(
            "/privacy/verify/{token}",
            web::get().to(status::confirm_page),
        )
        .route("/privacy/verify/{token}", web::post().to(status::confirm));
}
