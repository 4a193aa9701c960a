//! The consent ledger's workflow: purposes and their notices, recording choices with their
//! proof (Global Privacy Control included), site keys for the public API, the preference
//! centre, and what the ledger gives to exports and to data-subject requests.

pub mod ledger;
pub mod preferences;
pub mod reports;
pub mod services;
pub mod site_keys;
pub mod translation_cache;
pub mod translations;

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor};
use steward_db as db;
use steward_db::consent as store;
use steward_db::models::{NoticeRow, PurposeRow};
use steward_domain::UserId;
use steward_domain::consent::PurposeKey;

/// A purpose to create, parsed at the edge.
#[derive(Debug, Clone)]
pub struct NewPurpose {
    pub key: PurposeKey,
    pub name: String,
    pub description: String,
    pub sale_or_sharing: bool,
    pub necessary: bool,
    pub notice_text: String,
}

fn staff_id(actor: &Actor) -> Option<UserId> {
    match actor {
        Actor::Staff { id } => Some(id.clone()),
        _ => None,
    }
}

/// Two staff saving at the same moment: the loser's insert meets the primary key, which is
/// a conflict to report, not a server error.
fn unique_violation(e: &WorkflowError) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    matches!(
        e,
        WorkflowError::Db(steward_db::DbError::Query(Error::DatabaseError(
            DatabaseErrorKind::UniqueViolation,
            _
        )))
    )
}

fn notice(key: &PurposeKey, version: i32, text: &str, actor: &Actor) -> NoticeRow {
    NoticeRow {
        purpose_key: key.clone(),
        version,
        text: text.to_string(),
        sha256: steward_db::crypto::sha256_hex(text.as_bytes()),
        published_at: db::now(),
        published_by: staff_id(actor),
    }
}

/// Creates a purpose with notice version 1.
pub async fn create_purpose(
    svc: &Services,
    p: NewPurpose,
    actor: Actor,
) -> Result<(PurposeRow, NoticeRow), WorkflowError> {
    let key = p.key.clone();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                if store::purpose(c, &p.key)?.is_some() {
                    return Err(WorkflowError::invalid(
                        "key",
                        format!("a purpose with the key '{}' already exists", p.key),
                    ));
                }
                let row = PurposeRow {
                    key: p.key.clone(),
                    name: p.name.clone(),
                    description: p.description.clone(),
                    sale_or_sharing: p.sale_or_sharing,
                    necessary: p.necessary,
                    current_version: 1,
                    created_at: db::now(),
                    created_by: staff_id(&actor),
                };
                let n = notice(&p.key, 1, &p.notice_text, &actor);
                store::insert_purpose(c, &row, &n)?;
                audit::record(
                    c,
                    &actor,
                    "consent.purpose_created",
                    &format!("purpose:{}", p.key),
                    serde_json::json!({"version": 1, "sha256": n.sha256}),
                )?;
                Ok((row, n))
            })
        })
        .await
        .map_err(|e| {
            if unique_violation(&e) {
                WorkflowError::invalid(
                    "key",
                    format!("a purpose with the key '{key}' already exists"),
                )
            } else {
                e
            }
        })
}

/// Publishes the next notice version; earlier versions stay as they were.
pub async fn publish_notice(
    svc: &Services,
    key: PurposeKey,
    text: String,
    actor: Actor,
) -> Result<NoticeRow, WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let p = store::purpose(c, &key)?.ok_or(WorkflowError::NotFound)?;
                let latest = store::notices_of(c, &key)?;
                if latest.last().is_some_and(|n| n.text == text) {
                    return Err(WorkflowError::invalid(
                        "notice_text",
                        "is the same as the current version; change the text to publish a new version",
                    ));
                }
                let n = notice(&key, p.current_version + 1, &text, &actor);
                store::publish(c, &n)?;
                audit::record(
                    c,
                    &actor,
                    "consent.notice_published",
                    &format!("purpose:{key}"),
                    serde_json::json!({"version": n.version, "sha256": n.sha256}),
                )?;
                Ok(n)
            })
        })
        .await
        .map_err(|e| {
            if unique_violation(&e) {
                WorkflowError::Conflict(
                    "another version of this notice was published at the same moment; reload and check it".into(),
                )
            } else {
                e
            }
        })
}

/// Every purpose with its current notice.
pub async fn purposes(svc: &Services) -> Result<Vec<(PurposeRow, NoticeRow)>, WorkflowError> {
    Ok(svc.db.run(store::purposes_with_notice).await?)
}

/// A purpose and every version of its notice, oldest first.
pub async fn purpose(
    svc: &Services,
    key: PurposeKey,
) -> Result<(PurposeRow, Vec<NoticeRow>), WorkflowError> {
    svc.db
        .run(move |c| {
            let p = store::purpose(c, &key)?.ok_or(WorkflowError::NotFound)?;
            let n = store::notices_of(c, &key)?;
            Ok::<_, WorkflowError>((p, n))
        })
        .await
}
