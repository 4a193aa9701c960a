//! The staff console. Every handler takes a [`ConsoleStaff`](super::staff::ConsoleStaff) and
//! checks one permission; every POST checks the CSRF token.

pub(crate) mod account;
pub(crate) mod audit;
pub(crate) mod brand;
pub mod breaches;
pub(crate) mod calendars;
pub(crate) mod charts;
pub(crate) mod consent;
pub(crate) mod consent_services;
pub(crate) mod corrections;
pub(crate) mod exports;
pub(crate) mod login;
pub(crate) mod mfa;
pub(crate) mod overview;
pub(crate) mod requests;
pub(crate) mod stores;
pub(crate) mod tasks;
pub(crate) mod translations;
pub(crate) mod users;

use serde::Serialize;

use super::staff::ConsoleStaff;
use steward_domain::Permission;

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
