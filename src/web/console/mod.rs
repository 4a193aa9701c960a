//! The staff console. Every handler takes a [`ConsoleStaff`](super::staff::ConsoleStaff) and
//! checks one permission; every POST checks the CSRF token.

mod account;
mod audit;
pub mod breaches;
mod login;
mod mfa;
mod requests;
mod stores;
mod tasks;
mod users;

use actix_web::web;
use serde::Serialize;

use super::staff::ConsoleStaff;
use crate::domain::Permission;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::routes::{Verb::*, add};
    add(cfg, Get, "/console", || async {
        super::redirect("/console/requests")
    });
    add(cfg, Get, "/console/login", login::form);
    add(cfg, Post, "/console/login", login::submit);
    add(cfg, Get, "/console/mfa", mfa::page);
    add(cfg, Post, "/console/mfa", mfa::submit);
    add(cfg, Post, "/console/mfa/enrol", mfa::enrol);
    add(cfg, Post, "/console/logout", login::logout);
    add(cfg, Get, "/console/setup/{token}", login::setup_form);
    add(cfg, Post, "/console/setup/{token}", login::setup_submit);
    add(cfg, Get, "/console/account", account::show);
    add(
        cfg,
        Post,
        "/console/account/password",
        account::change_password,
    );
    add(
        cfg,
        Post,
        "/console/account/sign-out-everywhere",
        account::sign_out_everywhere,
    );
    add(
        cfg,
        Post,
        "/console/account/recovery-codes",
        account::recovery_codes,
    );
    add(cfg, Get, "/console/requests", requests::queue);
    add(cfg, Get, "/console/requests/new", requests::new_form);
    add(cfg, Post, "/console/requests/new", requests::new_submit);
    add(cfg, Get, "/console/requests/{id}", requests::detail);
    // "{id}/package.csv" before "{id}/{action}": actix matches in registration order.
    add(
        cfg,
        Get,
        "/console/requests/{id}/package.csv",
        requests::package,
    );
    add(
        cfg,
        Get,
        "/console/requests/{id}/attachments/{file}",
        requests::attachment,
    );
    add(
        cfg,
        Post,
        "/console/requests/{id}/{action}",
        requests::action,
    );
    add(cfg, Get, "/console/stores", stores::list);
    add(cfg, Get, "/console/stores/new", stores::new_form);
    add(cfg, Post, "/console/stores/new", stores::create);
    add(cfg, Get, "/console/stores/{id}", stores::edit_form);
    add(cfg, Post, "/console/stores/{id}", stores::update);
    add(cfg, Get, "/console/tasks", tasks::queue);
    add(cfg, Get, "/console/tasks/{id}", tasks::detail);
    add(cfg, Post, "/console/tasks/{id}/upload", tasks::upload);
    add(cfg, Post, "/console/tasks/{id}/{action}", tasks::action);
    add(cfg, Get, "/console/audit", audit::page);
    add(cfg, Get, "/console/users", users::list);
    add(cfg, Get, "/console/users.csv", users::review_csv);
    add(cfg, Post, "/console/users/invite", users::invite);
    add(cfg, Post, "/console/users/{id}/{action}", users::change);
    add(cfg, Get, "/console/breaches", breaches::list);
    add(cfg, Get, "/console/breaches.csv", breaches::csv);
    add(cfg, Get, "/console/breaches/new", breaches::new_form);
    add(cfg, Post, "/console/breaches/new", breaches::new_submit);
    add(cfg, Get, "/console/breaches/{id}", breaches::detail);
    add(cfg, Post, "/console/breaches/{id}", breaches::update);
    add(
        cfg,
        Post,
        "/console/breaches/{id}/regulator-notified",
        breaches::regulator_notified,
    );
    add(cfg, Post, "/console/breaches/{id}/notify", breaches::notify);
}

/// What the console layout needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    pub name: String,
    pub role: &'static str,
    pub csrf: String,
    pub section: &'static str,
    /// Which sections the role opens, so the menu shows only what works.
    pub requests: bool,
    pub log_requests: bool,
    pub tasks: bool,
    pub audit: bool,
    pub breaches: bool,
    pub users: bool,
}

impl Nav {
    pub fn new(staff: &ConsoleStaff, section: &'static str) -> Self {
        Nav {
            name: staff.0.user.name.clone(),
            role: staff.0.role.label(),
            csrf: staff.csrf(),
            section,
            requests: staff.0.role.can(Permission::ViewRequests),
            log_requests: staff.0.role.can(Permission::WorkRequests),
            tasks: staff.0.role.can(Permission::WorkOwnTasks),
            audit: staff.0.role.can(Permission::ReadAudit),
            breaches: staff.0.role.can(Permission::ReadAudit),
            users: staff.0.role.can(Permission::ManageUsers),
        }
    }
}
