//! Tasks: one per request and data store. Created when a request is verified (the fan-out),
//! run by connectors (the job runner), settled by store owners or callbacks, and shown to
//! owners and staff (the views); a request completes only when every task is done or exempt.

mod fan_out;
mod jobs;
mod settle;
pub mod uploads;
mod views;

pub use fan_out::{fan_out, found_nothing_in, retime_open_tasks, unsettled};
pub(crate) use jobs::target_of;
pub use jobs::{run_due_jobs, spawn_due_jobs, verify_callback};
pub use settle::{Settle, settle};
pub use views::{QueueFilter, TaskPage, TaskSummary, TaskView, get, of_request, queue, summaries};

use crate::audit::Actor;
use crate::auth::Staff;
use steward_db as db;
use steward_db::models::{RequestEvent, StoreRow};
use steward_domain::Permission;

pub(super) fn event(
    request_id: &str,
    actor: &Actor,
    action: &str,
    note: Option<String>,
) -> RequestEvent {
    RequestEvent {
        id: db::event_id(),
        request_id: request_id.into(),
        at: db::now(),
        actor: actor.as_text(),
        action: action.into(),
        from_status: None,
        to_status: None,
        note,
        public: false,
    }
}

/// Privacy staff see every task; a store owner only those of stores they own.
pub fn may_see(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::ViewRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}

pub(super) fn may_work(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::WorkRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}
