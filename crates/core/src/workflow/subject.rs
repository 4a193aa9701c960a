//! Who a request is about and what they wrote, as stored (encrypted, bound to the request's
//! row) and decoded in one place for the request page, the stores and the task pages.

use serde::{Deserialize, Serialize};

use super::error::WorkflowError;
use steward_connectors::Subject;
use steward_db::crypto::Keys;
use steward_db::models::RequestRow;
use steward_db::slots;
use steward_domain::RequestKind;

/// What staff see where a value cannot be decrypted: its row was moved or altered, or the
/// key is not the one it was sealed with. One such row must not take a list or a page down
/// with it; it is logged by its id (never a value) for an administrator to look into.
pub const UNREADABLE: &str = "(cannot be decrypted)";

/// `r`'s value, or `fallback` with an error line naming what and which row.
pub fn or_unreadable<T, E: std::fmt::Display>(
    r: Result<T, E>,
    fallback: T,
    what: &str,
    id: &str,
) -> T {
    r.unwrap_or_else(|e| {
        tracing::error!("{id}: its {what} cannot be read ({e}); shown as unreadable");
        fallback
    })
}

/// The subject's own words, stored encrypted as one JSON document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubjectText {
    pub details: Option<String>,
    /// A correction in the subject's words ("anything else").
    pub correction_what: Option<String>,
    pub correction_value: Option<String>,
    /// Structured corrections: a category and its new value each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<steward_domain::correction::Correction>,
}

/// A CCPA authorized agent filing for a consumer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agent {
    pub name: String,
    pub email: String,
}

impl SubjectText {
    /// The request's text, decrypted and decoded; empty when the subject wrote nothing.
    pub fn of(keys: &Keys, r: &RequestRow) -> Result<SubjectText, WorkflowError> {
        match &r.details_enc {
            Some(enc) => serde_json::from_str(&keys.open(enc, slots::request_details(&r.id))?)
                .map_err(|_| WorkflowError::Corrupt("request text".into())),
            None => Ok(SubjectText::default()),
        }
    }
}

impl Agent {
    /// The agent who filed the request, if one did.
    pub fn of(keys: &Keys, r: &RequestRow) -> Result<Option<Agent>, WorkflowError> {
        match &r.agent_enc {
            Some(enc) => serde_json::from_str(&keys.open(enc, slots::request_agent(&r.id))?)
                .map(Some)
                .map_err(|_| WorkflowError::Corrupt("agent".into())),
            None => Ok(None),
        }
    }
}

/// The subject as the stores look them up, with the corrections they asked for.
pub fn for_stores(keys: &Keys, r: &RequestRow) -> Result<Subject, WorkflowError> {
    let corrections = match r.kind {
        RequestKind::Correction => SubjectText::of(keys, r)?.corrections,
        _ => Vec::new(),
    };
    Ok(Subject {
        email: keys.open(&r.email_enc, slots::request_email(&r.id))?,
        corrections,
    })
}
