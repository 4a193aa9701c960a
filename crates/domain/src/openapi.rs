//! How the domain's types appear in the API's OpenAPI description (feature `openapi`): each
//! vocabulary as exactly the words its parser accepts, each id and address as text. Only a
//! description: nothing here reads or writes anything.

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};

use crate::consent::services::StorageKind;
use crate::consent::{ConsentMethod, ConsentStatus, PurposeKey, SubjectKind};
use crate::correction::CorrectionCategory;
use crate::region::{ConsentModel, Region};
use crate::stores::{StoreKind, TaskStatus};
use crate::{
    Channel, DenialReason, EmailAddress, Jurisdiction, Language, PublicId, RequestId, RequestKind,
    Status, StoreId, TaskId, UserId,
};

/// A string that is one of these words.
pub fn words<'a>(values: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.into_iter().map(str::to_string)))
        .into()
}

fn text(format: Option<KnownFormat>, pattern: Option<&str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(format.map(SchemaFormat::KnownFormat))
        .pattern(pattern)
        .into()
}

macro_rules! described {
    ($($t:ty => $schema:expr;)+) => {$(
        impl utoipa::PartialSchema for $t {
            fn schema() -> RefOr<Schema> {
                $schema
            }
        }
        impl utoipa::ToSchema for $t {}
    )+};
}

described! {
    RequestKind => words(RequestKind::WORDS.iter().copied());
    Jurisdiction => words(Jurisdiction::WORDS.iter().copied());
    Channel => words(Channel::WORDS.iter().copied());
    Language => words(Language::WORDS.iter().copied());
    Status => words(Status::ALL.iter().map(|s| s.as_str()));
    DenialReason => words(DenialReason::ALL.iter().map(|d| d.as_str()));
    CorrectionCategory => words(CorrectionCategory::WORDS.iter().copied());
    StoreKind => words(StoreKind::WORDS.iter().copied());
    TaskStatus => words(TaskStatus::WORDS.iter().copied());
    ConsentStatus => words(ConsentStatus::WORDS.iter().copied());
    ConsentMethod => words(ConsentMethod::WORDS.iter().copied());
    RequestId => text(None, None);
    PublicId => text(None, None);
    StoreId => text(None, None);
    TaskId => text(None, None);
    UserId => text(None, None);
    EmailAddress => text(Some(KnownFormat::Email), None);
    PurposeKey => text(None, Some(PurposeKey::PATTERN));
    SubjectKind => words(SubjectKind::WORDS.iter().copied());
    StorageKind => words(StorageKind::WORDS.iter().copied());
    ConsentModel => words(ConsentModel::WORDS.iter().copied());
    Region => text(None, Some(Region::PATTERN));
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    #[test]
    fn a_vocabulary_is_described_by_its_own_words() {
        let schema = serde_json::to_value(RequestKind::schema()).unwrap();
        let described: Vec<_> = schema["enum"].as_array().unwrap().iter().collect();
        assert_eq!(described, RequestKind::WORDS);
        for word in RequestKind::WORDS {
            assert!(word.parse::<RequestKind>().is_ok());
        }
    }
}
