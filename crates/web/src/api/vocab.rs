//! The vocabularies of the API's fields, as OpenAPI schemas built from the domain's own
//! words (`schema_with = vocab::…` on a body or answer field), so the description lists
//! exactly what the parsers accept.

use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

use steward_domain::consent::{ConsentMethod, ConsentStatus};
use steward_domain::correction::CorrectionCategory;
use steward_domain::holidays::DayChange;
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::{Channel, DenialReason, Jurisdiction, RequestKind, Status};

fn words<'a>(values: impl IntoIterator<Item = &'a str>) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.into_iter().map(str::to_string)))
        .build()
}

pub fn request_kind() -> Object {
    words(RequestKind::WORDS.iter().copied())
}

pub fn jurisdiction() -> Object {
    words(Jurisdiction::WORDS.iter().copied())
}

pub fn channel() -> Object {
    words(Channel::WORDS.iter().copied())
}

pub fn status() -> Object {
    words(Status::ALL.iter().map(|s| s.as_str()))
}

pub fn denial_reason() -> Object {
    words(DenialReason::ALL.iter().map(|d| d.as_str()))
}

pub fn correction_category() -> Object {
    words(CorrectionCategory::WORDS.iter().copied())
}

pub fn store_kind() -> Object {
    words(StoreKind::WORDS.iter().copied())
}

pub fn task_status() -> Object {
    words(TaskStatus::WORDS.iter().copied())
}

/// What a store may answer of its task.
pub fn task_result() -> Object {
    words([TaskStatus::Done, TaskStatus::Exempt, TaskStatus::Failed].map(|s| s.as_str()))
}

pub fn consent_status() -> Object {
    words(ConsentStatus::WORDS.iter().copied())
}

/// The methods a caller may record consent with (the preference centre's is Steward's own).
pub fn consent_method() -> Object {
    words(ConsentMethod::CALLER_WORDS.iter().copied())
}

/// A change to a holiday calendar.
pub fn day_change() -> Object {
    words([DayChange::Add, DayChange::Remove].map(|c| c.as_str()))
}
