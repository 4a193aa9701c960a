//! Pure types and rules: no I/O here, so all of it is unit-tested directly.

pub mod brand;
pub mod clock;
pub mod consent;
pub mod correction;
pub mod dataset;
pub mod document;
pub mod email;
pub mod filters;
pub mod holidays;
pub mod ids;
pub mod kinds;
pub mod labels;
pub mod language;
pub mod lifecycle;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod overview;
pub mod region;
pub mod reports;
pub mod roles;
pub mod search;
pub mod stores;
pub mod text;
pub mod timeline;
pub mod validation;

pub use email::EmailAddress;
pub use ids::{PublicId, RequestId, StoreId, TaskId, UserId};
pub use kinds::{Channel, Jurisdiction, RequestKind};
pub use language::Language;
pub use lifecycle::{Action, DenialReason, Status};
pub use roles::{Permission, Role};
