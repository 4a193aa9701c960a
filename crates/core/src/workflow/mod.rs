//! What happens to a request over its life: filing, verification, staff actions, and the
//! subject's notices. Each action is one transaction with its timeline entry and audit row.

pub mod brand;
pub mod breaches;
pub mod calendars;
pub mod connect;
pub mod consent;
pub mod corrections;
pub mod deadlines;
pub mod error;
pub mod export_permits;
pub mod exports;
pub mod figure_cache;
pub mod group_commit;
pub mod language;
pub mod notices;
pub mod overview;
pub mod records;
pub mod requests;
pub mod retention;
pub mod scheduler;
pub mod services;
pub mod staff;
pub mod stores;
pub mod subject;
pub mod tasks;
pub mod timeline;
pub mod view;

pub use error::WorkflowError;
pub use services::Services;
