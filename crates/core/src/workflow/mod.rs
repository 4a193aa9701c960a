//! What happens to a request over its life: filing, verification, staff actions, and the
//! subject's notices. Each action is one transaction with its timeline entry and audit row.

pub mod breaches;
pub mod calendars;
pub mod consent;
pub mod corrections;
pub mod exports;
pub mod notices;
pub mod overview;
pub mod records;
pub mod requests;
pub mod retention;
pub mod scheduler;
pub mod staff;
pub mod stores;
pub mod tasks;
pub mod view;

use crate::config::Config;
use crate::mail::Mailer;
use steward_db::crypto::{CryptoError, Keys};
use steward_db::{Db, DbError};
use steward_domain::clock::ClockError;
use steward_domain::lifecycle::TransitionError;

/// Everything the workflow needs from the outside world, built once at start-up.
#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub keys: Keys,
    pub mailer: Mailer,
    pub config: Config,
    /// Where stores may be reached (`Config::reach`), worked out once at start-up.
    pub reach: steward_connectors::reach::Reach,
    /// Wakes the scheduler when new connector work exists.
    pub jobs: std::sync::Arc<tokio::sync::Notify>,
    /// Each SQL store's long-lived connection pool and cached schema.
    pub pools: std::sync::Arc<steward_connectors::pools::StorePools>,
    /// This process's counters and histograms for `/metrics`.
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// The overview's weekly and monthly figures, reused for a few minutes.
    pub figures: std::sync::Arc<overview::FigureCache>,
}

impl Services {
    pub fn today(&self) -> chrono::NaiveDate {
        chrono::Utc::now()
            .with_timezone(&self.config.timezone)
            .date_naive()
    }

    pub fn status_url(&self, request_id: &str, public_id: &str) -> String {
        format!(
            "{}/privacy/requests/{}?token={}",
            self.config.base_url,
            public_id,
            self.keys.status_token(request_id)
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("not found")]
    NotFound,
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error(transparent)]
    Clock(#[from] ClockError),
    /// The action does not fit the current state of things (e.g. tasks still open).
    #[error("{0}")]
    Conflict(String),
    /// Exists, but not (or no longer) for this person: shown with its reason, as 404.
    #[error("{0}")]
    Unavailable(String),
    #[error("you may not see or change this")]
    Forbidden,
    /// Someone else changed it first, and their change stands (nothing of ours was saved).
    #[error("changed meanwhile by someone else")]
    Superseded,
    /// Allowed to administrators only, with why.
    #[error("{0}")]
    AdminOnly(&'static str),
    #[error("this link is not valid or has already been used")]
    LinkInvalid,
    #[error("this link has expired")]
    LinkExpired,
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

impl From<diesel::result::Error> for WorkflowError {
    fn from(e: diesel::result::Error) -> Self {
        WorkflowError::Db(e.into())
    }
}

impl WorkflowError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        WorkflowError::Invalid {
            field,
            message: message.into(),
        }
    }
}
