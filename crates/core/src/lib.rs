//! The one door into Steward's workflow: every action (file, verify, act, settle, fan out,
//! run jobs, staff accounts, downloads) with its audit row, the mail it sends, staff sign-in,
//! CSV exports and the `STEWARD_*` configuration.

pub mod audit;
pub mod auth;
pub mod backup;
pub mod config;
pub mod export;
pub mod mail;
pub mod metrics;
pub mod workflow;

/// The stored rows pages and API answers still read as they are stored (read-only to the web,
/// which cannot query), and the clock their timestamps are on.
pub mod records {
    pub use steward_db::models::{
        BreachRow, ConsentRow, CurrentRow, NoticeRow, PurposeRow, RequestRow, ServiceRow,
        SiteKeyRow, StorageRow, TranslationRow,
    };
    pub use steward_db::now;
}

/// Secrets in forms and headers: fresh tokens, digests, and comparison in constant time.
pub mod secrets {
    pub use steward_db::crypto::{new_token, same_secret, sha256_hex};
}

/// What the web needs to know of store answers: the values a store gives, and the limits on
/// an uploaded answer.
pub mod answers {
    pub use steward_connectors::sql::SqlUrl;
    pub use steward_connectors::{FoundValue, MAX_VALUES, UPLOAD_MAX_MB, parse_upload};
}
