//! The staff console. Every handler takes a [`ConsoleStaff`](super::staff::ConsoleStaff) and
//! checks one permission; every POST checks the CSRF token.

mod login;
mod requests;
mod stores;
mod tasks;

use actix_web::web;
use serde::Serialize;

use super::staff::ConsoleStaff;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/console",
        web::get().to(|| async { super::redirect("/console/requests") }),
    )
    .route("/console/login", web::get().to(login::form))
    .route("/console/login", web::post().to(login::submit))
    .route("/console/logout", web::post().to(login::logout))
    .route("/console/setup/{token}", web::get().to(login::setup_form))
    .route(
        "/console/setup/{token}",
        web::post().to(login::setup_submit),
    )
    .route("/console/requests", web::get().to(requests::queue))
    .route("/console/requests/new", web::get().to(requests::new_form))
    .route(
        "/console/requests/new",
        web::post().to(requests::new_submit),
    )
    .route("/console/requests/{id}", web::get().to(requests::detail))
    .route(
        "/console/requests/{id}/package.csv",
        web::get().to(requests::package),
    )
    .route(
        "/console/requests/{id}/{action}",
        web::post().to(requests::action),
    )
    .route("/console/stores", web::get().to(stores::list))
    .route("/console/stores/new", web::get().to(stores::new_form))
    .route("/console/stores/new", web::post().to(stores::create))
    .route("/console/stores/{id}", web::get().to(stores::edit_form))
    .route("/console/stores/{id}", web::post().to(stores::update))
    .route("/console/tasks", web::get().to(tasks::queue))
    .route("/console/tasks/{id}", web::get().to(tasks::detail))
    .route("/console/tasks/{id}/upload", web::post().to(tasks::upload))
    .route(
        "/console/tasks/{id}/{action}",
        web::post().to(tasks::action),
    );
}

/// What the console layout needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    pub name: String,
    pub role: &'static str,
    pub csrf: String,
    pub section: &'static str,
}

impl Nav {
    pub fn new(staff: &ConsoleStaff, section: &'static str) -> Self {
        Nav {
            name: staff.0.user.name.clone(),
            role: staff.0.role.label(),
            csrf: staff.csrf(),
            section,
        }
    }
}
