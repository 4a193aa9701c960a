//! Tasks: one per request and data store. Created when a request is verified (the fan-out),
//! run by connectors (the job runner), settled by store owners or callbacks, and shown to
//! owners and staff (the views); a request completes only when every task is done or exempt.

mod fan_out;
mod jobs;
mod permits;
pub mod result;
mod settle;
pub mod uploads;
mod views;

pub use fan_out::{fan_out, found_nothing_in, retime_open_tasks, unsettled};
pub use jobs::{drain, run_due_jobs, spawn_due_jobs, stop_claiming, verify_callback};
pub use permits::may_see;
pub use settle::{Settle, settle};
pub use views::{QueueFilter, TaskPage, TaskSummary, TaskView, get, of_request, queue, summaries};
