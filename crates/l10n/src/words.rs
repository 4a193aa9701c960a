//! The product's vocabularies in words for customers: each machine word has a message
//! `<vocabulary>-<word>` in every language, so no page shows a key or a code.

use steward_domain::consent::services::StorageKind;
use steward_domain::consent::{ConsentMethod, ConsentStatus};
use steward_domain::correction::CorrectionCategory;
use steward_domain::timeline::TimelineAction;
use steward_domain::{DenialReason, Jurisdiction, RequestKind, Status};

use std::borrow::Borrow;

use crate::tr::Tr;

// Each takes the value or a reference to it: templates hold references.

impl Tr {
    /// What the person asks for ("Delete my data").
    pub fn kind(&self, k: impl Borrow<RequestKind>) -> String {
        self.t(&format!("kind-{}", k.borrow().as_str()))
    }

    /// Where the person lives, as the request form asks it.
    pub fn jurisdiction(&self, j: impl Borrow<Jurisdiction>) -> String {
        self.t(&format!("jurisdiction-{}", j.borrow().as_str()))
    }

    pub fn status(&self, s: impl Borrow<Status>) -> String {
        self.t(&format!("status-word-{}", s.borrow().as_str()))
    }

    pub fn denial(&self, d: impl Borrow<DenialReason>) -> String {
        self.t(&format!("denial-{}", d.borrow().as_str()))
    }

    /// A timeline entry, as the requester reads it.
    pub fn event(&self, a: impl Borrow<TimelineAction>) -> String {
        self.t(&format!("event-{}", a.borrow().as_str()))
    }

    pub fn category(&self, c: impl Borrow<CorrectionCategory>) -> String {
        self.t(&format!("category-{}", c.borrow().as_str()))
    }

    pub fn consent(&self, s: impl Borrow<ConsentStatus>) -> String {
        self.t(&format!("consent-{}", s.borrow().as_str()))
    }

    pub fn method(&self, m: impl Borrow<ConsentMethod>) -> String {
        self.t(&format!("method-{}", m.borrow().as_str()))
    }

    pub fn storage(&self, k: impl Borrow<StorageKind>) -> String {
        self.t(&format!("storage-{}", k.borrow().as_str()))
    }
}
