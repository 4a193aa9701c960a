//! How domain types are stored: each closed vocabulary as its word in a TEXT column, each id
//! as text. Implemented here so `domain` stays free of diesel (as crates.io maps its enums);
//! a row struct then holds `Status`, `RequestKind`, … and a bad stored word fails the query
//! that read it, with the column's type named.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::expression::AsExpression;
use diesel::internal::derives::as_expression::Bound;
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{Nullable, Text};
use diesel::sqlite::Sqlite;

use super::MultiBackend;
use crate::domain::consent::{ConsentMethod, ConsentStatus, PurposeKey};
use crate::domain::holidays::{Calendar, DayChange};
use crate::domain::stores::{StoreKind, TaskStatus};
use crate::domain::{
    Channel, DenialReason, Jurisdiction, PublicId, RequestId, RequestKind, Role, Status, StoreId,
    TaskId, UserId,
};

/// Maps types that print as a word and parse back from it onto TEXT.
macro_rules! text_column {
    ($($t:ty => $to_text:expr, $from_text:expr;)+) => {$(
        impl ToSql<Text, MultiBackend> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                out.set_value((Text, text));
                Ok(IsNull::No)
            }
        }

        // Inserts are built per backend by the multi-connection, so each backend maps it too.
        impl ToSql<Text, Pg> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                <str as ToSql<Text, Pg>>::to_sql(text, out)
            }
        }

        impl ToSql<Text, Sqlite> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                let text: &'b str = $to_text(self);
                <str as ToSql<Text, Sqlite>>::to_sql(text, out)
            }
        }

        impl<DB: Backend> ToSql<Nullable<Text>, DB> for $t
        where
            Self: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                ToSql::<Text, DB>::to_sql(self, out)
            }
        }

        impl FromSql<Text, MultiBackend> for $t {
            fn from_sql(
                bytes: <MultiBackend as Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                let text = bytes.from_sql::<String, Text>()?;
                $from_text(text).map_err(|e: String| {
                    format!("stored {}: {e}", stringify!($t)).into()
                })
            }
        }

        impl Queryable<Text, MultiBackend> for $t {
            type Row = Self;
            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }

        impl AsExpression<Text> for $t {
            type Expression = Bound<Text, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl<'a> AsExpression<Text> for &'a $t {
            type Expression = Bound<Text, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl AsExpression<Nullable<Text>> for $t {
            type Expression = Bound<Nullable<Text>, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }

        impl<'a> AsExpression<Nullable<Text>> for &'a $t {
            type Expression = Bound<Nullable<Text>, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
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
    DenialReason => |v: &DenialReason| v.as_str(), word::<DenialReason>;
    Role => |v: &Role| v.as_str(), word::<Role>;
    StoreKind => |v: &StoreKind| v.as_str(), word::<StoreKind>;
    TaskStatus => |v: &TaskStatus| v.as_str(), word::<TaskStatus>;
    ConsentStatus => |v: &ConsentStatus| v.as_str(), word::<ConsentStatus>;
    ConsentMethod => |v: &ConsentMethod| v.as_str(), word::<ConsentMethod>;
    PurposeKey => PurposeKey::as_str, purpose_key;
}
