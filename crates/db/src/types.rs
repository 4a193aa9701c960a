//! How domain types are stored: each closed vocabulary as its word in a TEXT column, each id
//! as text. The domain crate knows nothing of diesel, and Rust lets this crate implement
//! diesel's traits for the domain's types only against a SQL type of its own: `Word`, TEXT in
//! both databases, the type of every column that holds a vocabulary or an id (`schema.rs`).
//! A row struct then holds `Status`, `RequestKind`, … and a bad stored word fails the query
//! that read it, with the column's type named.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::expression::AsExpression;
use diesel::internal::derives::as_expression::Bound;
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{Nullable, Text};
use diesel::sqlite::Sqlite;

use crate::conn::MultiBackend;

/// TEXT holding a word of a domain vocabulary or an id (see the module's comment).
#[derive(
    Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId,
)]
#[diesel(postgres_type(oid = 25, array_oid = 1009))]
#[diesel(sqlite_type(name = "Text"))]
pub struct Word;
use steward_domain::consent::services::StorageKind;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey, SubjectKind};
use steward_domain::holidays::{Calendar, DayChange};
use steward_domain::kinds::{AttachmentKind, VerificationMethod};
use steward_domain::stores::{StoreKind, TaskStatus};
use steward_domain::timeline::TimelineAction;
use steward_domain::{
    Channel, DenialReason, Jurisdiction, Language, PublicId, RequestId, RequestKind, Role, Status,
    StoreId, TaskId, UserId,
};

/// Maps types that print as a word and parse back from it onto TEXT.
macro_rules! text_column {
    ($($t:ty => $to_text:expr, $from_text:expr;)+) => {$(
        impl ToSql<Word, MultiBackend> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                out.set_value((Text, text));
                Ok(IsNull::No)
            }
        }

        // Inserts are built per backend by the multi-connection, so each backend maps it too.
        impl ToSql<Word, Pg> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                <str as ToSql<Text, Pg>>::to_sql(text, out)
            }
        }

        impl ToSql<Word, Sqlite> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                <str as ToSql<Text, Sqlite>>::to_sql(text, out)
            }
        }


        impl Queryable<Word, MultiBackend> for $t {
            type Row = Self;
            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }

        impl FromSql<Word, MultiBackend> for $t {
            fn from_sql(
                bytes: <MultiBackend as Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                let text = bytes.from_sql::<String, Text>()?;
                $from_text(text).map_err(|e: String| {
                    format!("stored {}: {e}", stringify!($t)).into()
                })
            }
        }





    )+};
}

fn id<T: From<String>>(text: String) -> Result<T, String> {
    Ok(T::from(text))
}

fn word<T: std::str::FromStr>(text: String) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    text.parse::<T>().map_err(|e| format!("'{text}' {e}"))
}

fn purpose_key(text: String) -> Result<PurposeKey, String> {
    PurposeKey::parse(&text).map_err(|e| format!("'{text}' {e}"))
}

text_column! {
    RequestId => RequestId::as_str, id::<RequestId>;
    PublicId => PublicId::as_str, id::<PublicId>;
    TaskId => TaskId::as_str, id::<TaskId>;
    StoreId => StoreId::as_str, id::<StoreId>;
    UserId => UserId::as_str, id::<UserId>;
    Status => |v: &Status| v.as_str(), word::<Status>;
    Calendar => |v: &Calendar| v.key(), word::<Calendar>;
    DayChange => |v: &DayChange| v.as_str(), word::<DayChange>;
    RequestKind => |v: &RequestKind| v.as_str(), word::<RequestKind>;
    Jurisdiction => |v: &Jurisdiction| v.as_str(), word::<Jurisdiction>;
    Channel => |v: &Channel| v.as_str(), word::<Channel>;
    Language => |v: &Language| v.as_str(), word::<Language>;
    DenialReason => |v: &DenialReason| v.as_str(), word::<DenialReason>;
    Role => |v: &Role| v.as_str(), word::<Role>;
    StoreKind => |v: &StoreKind| v.as_str(), word::<StoreKind>;
    TaskStatus => |v: &TaskStatus| v.as_str(), word::<TaskStatus>;
    ConsentStatus => |v: &ConsentStatus| v.as_str(), word::<ConsentStatus>;
    ConsentMethod => |v: &ConsentMethod| v.as_str(), word::<ConsentMethod>;
    PurposeKey => PurposeKey::as_str, purpose_key;
    VerificationMethod => |v: &VerificationMethod| v.as_str(), word::<VerificationMethod>;
    AttachmentKind => |v: &AttachmentKind| v.as_str(), word::<AttachmentKind>;
    SubjectKind => |v: &SubjectKind| v.as_str(), word::<SubjectKind>;
    StorageKind => |v: &StorageKind| v.as_str(), word::<StorageKind>;
    TimelineAction => |v: &TimelineAction| v.as_str(), word::<TimelineAction>;
}

impl diesel::sql_types::HasSqlType<Word> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        Self::lookup_sql_type::<Word>(lookup)
    }
}

/// Plain text fits a `Word` column too, for ids read back as strings (audit targets, counts by
/// status) and raw statements. Comparing a column with text is not offered: compare it with
/// the typed value.
macro_rules! plain_text {
    ($($t:ty),+) => {$(
        impl ToSql<Word, MultiBackend> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                let text: &'b str = self.as_ref();
                out.set_value((Text, text));
                Ok(IsNull::No)
            }
        }

        impl ToSql<Word, Pg> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_ref(), out)
            }
        }

        impl ToSql<Word, Sqlite> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                <str as ToSql<Text, Sqlite>>::to_sql(self.as_ref(), out)
            }
        }
    )+};
}

plain_text!(str, String);

impl FromSql<Word, MultiBackend> for String {
    fn from_sql(bytes: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<String, Text>()
    }
}

/// An optional domain value in a nullable `Word` column. Rust lets this crate say how
/// `Option<Status>` is written to `Nullable<Word>` only through a type of its own, so row
/// fields that can be empty are written through this (`#[diesel(serialize_as = Maybe<_>)]`).
#[derive(Debug, Clone)]
pub struct Maybe<T>(pub Option<T>);

impl<T> From<Option<T>> for Maybe<T> {
    fn from(v: Option<T>) -> Self {
        Maybe(v)
    }
}

impl<T> AsExpression<Nullable<Word>> for Maybe<T> {
    type Expression = Bound<Nullable<Word>, Self>;
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

impl<T, DB: Backend> ToSql<Nullable<Word>, DB> for Maybe<T>
where
    T: ToSql<Word, DB> + std::fmt::Debug,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        match &self.0 {
            Some(v) => v.to_sql(out),
            None => Ok(IsNull::Yes),
        }
    }
}

/// A domain value on its way into a `Word` column: `requests::status.eq(W(Status::Closed))`.
/// diesel turns any value into an expression through one blanket impl that this crate may
/// not extend for the domain's types, only for a type of its own; row fields are written
/// through it too (`#[diesel(serialize_as = W<_>)]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct W<T>(pub T);

impl<T> From<T> for W<T> {
    fn from(v: T) -> Self {
        W(v)
    }
}

impl<T> AsExpression<Word> for W<T> {
    type Expression = Bound<Word, Self>;
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

impl<T> AsExpression<Nullable<Word>> for W<T> {
    type Expression = Bound<Nullable<Word>, Self>;
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

impl<T, DB: Backend> ToSql<Word, DB> for W<T>
where
    T: ToSql<Word, DB> + std::fmt::Debug,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        self.0.to_sql(out)
    }
}

impl<T, DB: Backend> ToSql<Nullable<Word>, DB> for W<T>
where
    T: ToSql<Word, DB> + std::fmt::Debug,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        self.0.to_sql(out)
    }
}
