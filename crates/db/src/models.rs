//! Rows as stored. Closed vocabularies are domain enums, stored as their words (`types.rs`).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::*;
use super::types::{Maybe, W};
use steward_domain::consent::services::StorageKind;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey, SubjectKind};
use steward_domain::kinds::{AttachmentKind, VerificationMethod};
use steward_domain::stores::{Art30, StoreKind, TaskStatus};
use steward_domain::timeline::TimelineAction;
use steward_domain::{
    Channel, DenialReason, Jurisdiction, Language, PublicId, RequestId, RequestKind, Role, Status,
    StoreId, TaskId, UserId,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct User {
    #[diesel(serialize_as = W<UserId>)]
    pub id: UserId,
    pub email: String,
    pub name: String,
    #[diesel(serialize_as = W<Role>)]
    pub role: Role,
    pub password_hash: Option<String>,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub last_login_at: Option<NaiveDateTime>,
    pub setup_token_hash: Option<String>,
    pub setup_expires_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// AES-GCM ciphertext of the TOTP secret; `None` until enrolment is confirmed.
    pub totp_secret_enc: Option<String>,
    pub totp_enabled_at: Option<NaiveDateTime>,
    /// The last RFC 6238 time step accepted, so the same code is never taken twice.
    pub totp_last_step: Option<i64>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub token_hash: String,
    #[diesel(serialize_as = W<UserId>)]
    pub user_id: UserId,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    /// False between the password and the second factor: such a session opens no console page.
    pub mfa_verified: bool,
    /// The TOTP secret being enrolled (encrypted), until the first code confirms it.
    pub totp_pending_enc: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: String,
    #[diesel(serialize_as = W<UserId>)]
    pub user_id: UserId,
    pub name: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = requests, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct RequestRow {
    #[diesel(serialize_as = W<RequestId>)]
    pub id: RequestId,
    #[diesel(serialize_as = W<PublicId>)]
    pub public_id: PublicId,
    #[diesel(serialize_as = W<RequestKind>)]
    pub kind: RequestKind,
    #[diesel(serialize_as = W<Jurisdiction>)]
    pub jurisdiction: Jurisdiction,
    #[diesel(serialize_as = W<Channel>)]
    pub channel: Channel,
    #[diesel(serialize_as = W<Status>)]
    pub status: Status,
    pub email_enc: String,
    pub email_index: String,
    pub name_enc: Option<String>,
    pub details_enc: Option<String>,
    pub agent_enc: Option<String>,
    pub received_at: NaiveDateTime,
    pub received_date: NaiveDate,
    pub acknowledge_by: Option<NaiveDate>,
    pub due_date: NaiveDate,
    pub extended_due_date: Option<NaiveDate>,
    pub extension_reason: Option<String>,
    pub paused_days: i64,
    pub paused_on: Option<NaiveDate>,
    #[diesel(serialize_as = Maybe<Status>)]
    pub status_before_pause: Option<Status>,
    pub verified_at: Option<NaiveDateTime>,
    #[diesel(serialize_as = Maybe<VerificationMethod>)]
    pub verification_method: Option<VerificationMethod>,
    pub verify_token_hash: Option<String>,
    pub verify_expires_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    #[diesel(serialize_as = Maybe<DenialReason>)]
    pub denial_reason: Option<DenialReason>,
    #[diesel(serialize_as = Maybe<RequestId>)]
    pub duplicate_of: Option<RequestId>,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub created_by: Option<UserId>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The language the request was filed in; its emails go out in it.
    #[diesel(serialize_as = W<Language>)]
    pub language: Language,
}

impl RequestRow {
    /// The date the response is owed by (`domain::clock::effective_due`).
    pub fn effective_due(&self) -> NaiveDate {
        steward_domain::clock::effective_due(self.due_date, self.extended_due_date)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = request_events, treat_none_as_default_value = false)]
pub struct RequestEvent {
    pub id: String,
    #[diesel(serialize_as = W<RequestId>)]
    pub request_id: RequestId,
    pub at: NaiveDateTime,
    pub actor: String,
    #[diesel(serialize_as = W<TimelineAction>)]
    pub action: TimelineAction,
    #[diesel(serialize_as = Maybe<Status>)]
    pub from_status: Option<Status>,
    #[diesel(serialize_as = Maybe<Status>)]
    pub to_status: Option<Status>,
    pub note: Option<String>,
    pub public: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub seq: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = stores, treat_none_as_null = true)]
pub struct StoreRow {
    #[diesel(serialize_as = W<StoreId>)]
    pub id: StoreId,
    pub name: String,
    #[diesel(serialize_as = W<StoreKind>)]
    pub kind: StoreKind,
    #[diesel(serialize_as = W<UserId>)]
    pub owner_id: UserId,
    #[diesel(embed)]
    pub art30: Art30Columns,
    pub connection_enc: Option<String>,
    pub dataset: Option<String>,
    pub url: Option<String>,
    pub secret_enc: Option<String>,
    pub hash_key_enc: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// JSON list of `CREATE INDEX` statements the store's look-ups would benefit from.
    pub lookup_advice: Option<String>,
}

macro_rules! art30_columns {
    ($($f:ident, $label:literal, $required:literal;)+) => {
        /// The Art. 30 record's columns of the `stores` table, one per field of [`Art30`].
        #[derive(Debug, Clone, Default, Queryable, Selectable, Insertable, AsChangeset)]
        #[diesel(table_name = stores)]
        pub struct Art30Columns {
            $(pub $f: String,)+
        }

        impl From<Art30Columns> for Art30 {
            fn from(c: Art30Columns) -> Art30 {
                Art30 { $($f: c.$f,)+ }
            }
        }

        impl From<Art30> for Art30Columns {
            fn from(a: Art30) -> Art30Columns {
                Art30Columns { $($f: a.$f,)+ }
            }
        }
    };
}

steward_domain::art30_fields!(art30_columns);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tasks, treat_none_as_null = true)]
pub struct TaskRow {
    #[diesel(serialize_as = W<TaskId>)]
    pub id: TaskId,
    #[diesel(serialize_as = W<RequestId>)]
    pub request_id: RequestId,
    #[diesel(serialize_as = W<StoreId>)]
    pub store_id: StoreId,
    #[diesel(serialize_as = W<TaskStatus>)]
    pub status: TaskStatus,
    pub due_date: NaiveDate,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub result: Option<String>,
    pub note: Option<String>,
    pub exemption_basis: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub completed_at: Option<NaiveDateTime>,
    /// A correction's preview, decisions and outcome (the workflow's corrections),
    /// encrypted: it holds the subject's values.
    pub correction_enc: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = task_records)]
pub struct TaskRecord {
    #[diesel(serialize_as = W<TaskId>)]
    pub task_id: TaskId,
    pub seq: i64,
    #[diesel(serialize_as = W<RequestId>)]
    pub request_id: RequestId,
    pub table_name: String,
    pub record: String,
    pub field: String,
    pub data_category: String,
    pub value_enc: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = recovery_codes)]
pub struct RecoveryCode {
    pub id: String,
    #[diesel(serialize_as = W<UserId>)]
    pub user_id: UserId,
    pub code_hash: String,
    pub created_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = breaches, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct BreachRow {
    pub id: String,
    pub title: String,
    pub description: String,
    pub discovered_at: NaiveDateTime,
    pub aware_at: NaiveDateTime,
    pub data_categories: String,
    pub subjects_approx: i64,
    pub records_approx: i64,
    pub consequences: String,
    pub measures: String,
    pub dpo_contact: String,
    pub regulator_notified_at: Option<NaiveDateTime>,
    pub subjects_notified_at: Option<NaiveDateTime>,
    pub subjects_notified_count: i64,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub created_by: Option<UserId>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = attachments)]
pub struct Attachment {
    pub id: String,
    #[diesel(serialize_as = W<RequestId>)]
    pub request_id: RequestId,
    #[diesel(serialize_as = W<AttachmentKind>)]
    pub kind: AttachmentKind,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub data_enc: String,
    pub created_at: NaiveDateTime,
}

/// An admin's change to a shipped holiday calendar: one per calendar and day.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = calendar_changes, treat_none_as_default_value = false)]
pub struct CalendarChange {
    #[diesel(serialize_as = W<steward_domain::holidays::Calendar>)]
    pub calendar: steward_domain::holidays::Calendar,
    pub day: NaiveDate,
    #[diesel(serialize_as = W<steward_domain::holidays::DayChange>)]
    pub change: steward_domain::holidays::DayChange,
    pub name: String,
    pub reason: String,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub created_by: Option<UserId>,
    pub created_at: NaiveDateTime,
}

/// A consent purpose; its notices are versioned in `NoticeRow`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = purposes, treat_none_as_default_value = false)]
pub struct PurposeRow {
    #[diesel(serialize_as = W<PurposeKey>)]
    pub key: PurposeKey,
    pub name: String,
    pub description: String,
    pub sale_or_sharing: bool,
    pub necessary: bool,
    pub current_version: i32,
    pub created_at: NaiveDateTime,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub created_by: Option<UserId>,
}

/// One published version of a purpose's notice, never edited.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = notices, treat_none_as_default_value = false)]
pub struct NoticeRow {
    #[diesel(serialize_as = W<PurposeKey>)]
    pub purpose_key: PurposeKey,
    pub version: i32,
    pub text: String,
    pub sha256: String,
    pub published_at: NaiveDateTime,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub published_by: Option<UserId>,
}

/// One entry of the append-only consent ledger, with its proof.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consent_records, treat_none_as_default_value = false)]
pub struct ConsentRow {
    pub id: String,
    pub subject_index: String,
    /// `email` or `id`.
    #[diesel(serialize_as = W<SubjectKind>)]
    pub subject_kind: SubjectKind,
    /// AES-GCM ciphertext of the subject as given; `None` once pseudonymised.
    pub subject_enc: Option<String>,
    #[diesel(serialize_as = W<PurposeKey>)]
    pub purpose_key: PurposeKey,
    pub notice_version: i32,
    #[diesel(serialize_as = W<ConsentStatus>)]
    pub status: ConsentStatus,
    #[diesel(serialize_as = W<ConsentMethod>)]
    pub method: ConsentMethod,
    #[diesel(serialize_as = Maybe<Jurisdiction>)]
    pub jurisdiction: Option<Jurisdiction>,
    pub recorded_at: NaiveDateTime,
    /// HMAC of the client's IP address: proves the same address without keeping it.
    pub ip_hmac: Option<String>,
    pub user_agent: Option<String>,
    pub page_url: Option<String>,
    /// Whether the call carried a Global Privacy Control signal.
    pub gpc: bool,
    pub banner_version: Option<String>,
    pub note: Option<String>,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub recorded_by: Option<UserId>,
    pub site_key_id: Option<String>,
    pub pseudonymised_at: Option<NaiveDateTime>,
    /// The language the choice was offered in (none for staff, the API and older records).
    #[diesel(serialize_as = Maybe<Language>)]
    pub language: Option<Language>,
    /// The language of the notice the choice was made on; none: the shop's default.
    #[diesel(serialize_as = Maybe<Language>)]
    pub notice_language: Option<Language>,
}

/// The latest record per subject and purpose.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consent_current)]
pub struct CurrentRow {
    pub subject_index: String,
    #[diesel(serialize_as = W<PurposeKey>)]
    pub purpose_key: PurposeKey,
    pub record_id: String,
    #[diesel(serialize_as = W<ConsentStatus>)]
    pub status: ConsentStatus,
    pub notice_version: i32,
    pub recorded_at: NaiveDateTime,
    #[diesel(serialize_as = Maybe<Language>)]
    pub notice_language: Option<Language>,
}

/// A purpose's name, description and notice in one language other than the shop's default,
/// in one version of that language.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notice_translations, treat_none_as_default_value = false)]
pub struct TranslationRow {
    #[diesel(serialize_as = W<PurposeKey>)]
    pub purpose_key: PurposeKey,
    #[diesel(serialize_as = W<Language>)]
    pub language: Language,
    pub version: i32,
    /// The default language's notice version this translates.
    pub base_version: i32,
    pub name: String,
    pub description: String,
    pub text: String,
    pub sha256: String,
    pub published_at: NaiveDateTime,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub published_by: Option<UserId>,
}

/// A service behind a consent purpose (who receives the data).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consent_services, treat_none_as_default_value = false)]
pub struct ServiceRow {
    pub id: String,
    #[diesel(serialize_as = W<PurposeKey>)]
    pub purpose_key: PurposeKey,
    pub name: String,
    pub provider: String,
    pub privacy_url: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A cookie or storage key a service keeps in the browser, in the order staff listed them.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = consent_service_storage)]
pub struct StorageRow {
    pub service_id: String,
    pub position: i32,
    pub name: String,
    #[diesel(serialize_as = W<StorageKind>)]
    pub kind: StorageKind,
    pub lifetime: String,
    pub third_party: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = site_keys, treat_none_as_default_value = false)]
pub struct SiteKeyRow {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub key_hash: String,
    /// Allowed CORS origins, one per line.
    pub origins: String,
    pub created_at: NaiveDateTime,
    #[diesel(serialize_as = Maybe<UserId>)]
    pub created_by: Option<UserId>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl SiteKeyRow {
    pub fn origin_list(&self) -> impl Iterator<Item = &str> {
        self.origins.lines().filter(|l| !l.is_empty())
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = preference_links)]
pub struct PreferenceLinkRow {
    pub token_hash: String,
    pub subject_index: String,
    pub subject_enc: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = preference_sessions)]
pub struct PreferenceSessionRow {
    pub token_hash: String,
    pub subject_index: String,
    pub subject_enc: String,
    pub csrf_token: String,
    pub expires_at: NaiveDateTime,
}
