//! What can go wrong in the workflow, as the web maps it to an answer.

use steward_db::DbError;
use steward_db::crypto::CryptoError;
use steward_domain::clock::ClockError;
use steward_domain::lifecycle::TransitionError;

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
    /// Too much of this at once for one account; try again shortly.
    #[error("{0}")]
    Busy(String),
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
