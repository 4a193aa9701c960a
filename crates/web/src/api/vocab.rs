//! The vocabularies of the API's text fields, for `schema_with = vocab::…` on a body field
//! read as text (so its parser, not serde, words the error): the domain's own descriptions.

use utoipa::PartialSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

use steward_domain::consent::services::StorageKind;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey};
use steward_domain::correction::CorrectionCategory;
use steward_domain::holidays::DayChange;
use steward_domain::openapi::words;
use steward_domain::region::Region;
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::{Channel, DenialReason, Jurisdiction, RequestKind};

pub fn request_kind() -> RefOr<Schema> {
    RequestKind::schema()
}

pub fn jurisdiction() -> RefOr<Schema> {
    Jurisdiction::schema()
}

pub fn language() -> RefOr<Schema> {
    steward_domain::Language::schema()
}

pub fn channel() -> RefOr<Schema> {
    Channel::schema()
}

pub fn denial_reason() -> RefOr<Schema> {
    DenialReason::schema()
}

pub fn correction_category() -> RefOr<Schema> {
    CorrectionCategory::schema()
}

pub fn store_kind() -> RefOr<Schema> {
    StoreKind::schema()
}

pub fn consent_status() -> RefOr<Schema> {
    ConsentStatus::schema()
}

pub fn purpose_key() -> RefOr<Schema> {
    PurposeKey::schema()
}

/// What a store may answer of its task.
pub fn task_result() -> RefOr<Schema> {
    words([TaskStatus::Done, TaskStatus::Exempt, TaskStatus::Failed].map(|s| s.as_str()))
}

/// The methods a caller may record consent with (the preference centre's is Steward's own).
pub fn consent_method() -> RefOr<Schema> {
    words(ConsentMethod::CALLER_WORDS.iter().copied())
}

/// A change to a holiday calendar.
pub fn day_change() -> RefOr<Schema> {
    words([DayChange::Add, DayChange::Remove].map(|c| c.as_str()))
}

pub fn storage_kind() -> RefOr<Schema> {
    StorageKind::schema()
}

pub fn region() -> RefOr<Schema> {
    Region::schema()
}
