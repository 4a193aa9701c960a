//! Site keys for the public consent API: one per website, with the origins its banner may
//! call from (CORS). The key is shown once; only its SHA-256 is kept.

use super::super::{Services, WorkflowError};
use super::staff_id;
use crate::audit::{self, Actor};
use steward_db::consent as store;
use steward_db::crypto::{hash_token, new_token};
use steward_db::models::SiteKeyRow;
use steward_db::{self as db, DbConn};

/// Site keys start with this, so a leaked one is recognisable in logs and scanners.
pub const PREFIX: &str = "sk_";

/// Creates a key inside the caller's transaction and returns it with the key itself.
fn create_in(
    c: &mut DbConn,
    name: &str,
    origins: &[String],
    actor: &Actor,
) -> Result<(SiteKeyRow, String), WorkflowError> {
    let key = format!("{PREFIX}{}", new_token());
    let row = SiteKeyRow {
        id: db::new_id(),
        name: name.to_string(),
        key_hash: hash_token(&key),
        origins: origins.join("\n"),
        created_at: db::now(),
        created_by: staff_id(actor),
        revoked_at: None,
    };
    store::insert_site_key(c, &row)?;
    audit::record(
        c,
        actor,
        "consent.site_key_created",
        &format!("site_key:{}", row.id),
        serde_json::json!({"origins": origins.len()}),
    )?;
    Ok((row, key))
}

/// Parsed names and origins: a name of 1–100 characters and at least one origin.
pub fn parse(name: &str, origins: &[String]) -> Result<(String, Vec<String>), WorkflowError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(WorkflowError::invalid(
            "name",
            "name is required (at most 100 characters)",
        ));
    }
    let mut parsed = Vec::new();
    for o in origins.iter().filter(|o| !o.trim().is_empty()) {
        let o =
            steward_domain::consent::origin(o).map_err(|e| WorkflowError::invalid("origins", e))?;
        if !parsed.contains(&o) {
            parsed.push(o);
        }
    }
    if parsed.is_empty() {
        return Err(WorkflowError::invalid(
            "origins",
            "origins needs at least one website origin, such as https://shop.example",
        ));
    }
    if parsed.len() > 20 {
        return Err(WorkflowError::invalid(
            "origins",
            "at most 20 origins per key",
        ));
    }
    Ok((name.to_string(), parsed))
}

pub async fn create(
    svc: &Services,
    name: String,
    origins: Vec<String>,
    actor: Actor,
) -> Result<(SiteKeyRow, String), WorkflowError> {
    let (name, origins) = parse(&name, &origins)?;
    svc.db
        .run(move |c| db::write_tx(c, |c| create_in(c, &name, &origins, &actor)))
        .await
}

pub async fn list(svc: &Services) -> Result<Vec<SiteKeyRow>, WorkflowError> {
    Ok(svc.db.run(store::site_keys).await?)
}

pub async fn revoke(svc: &Services, id: String, actor: Actor) -> Result<(), WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                if store::revoke_site_key(c, &id, db::now())? == 0 {
                    return Err(WorkflowError::NotFound);
                }
                audit::record(
                    c,
                    &actor,
                    "consent.site_key_revoked",
                    &format!("site_key:{id}"),
                    serde_json::json!({}),
                )?;
                Ok(())
            })
        })
        .await
}

/// Why a public call's key was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRefusal {
    /// No key, or not a live one: 401.
    Unknown,
    /// A live key called from an origin it does not list: 403.
    Origin,
}

/// The live key for a public call, checked against the browser's `Origin` when one is sent
/// (a shop's back end sends none and is trusted by the key alone).
pub fn check_in(
    c: &mut DbConn,
    key: Option<&str>,
    origin: Option<&str>,
) -> Result<Result<SiteKeyRow, KeyRefusal>, WorkflowError> {
    let Some(key) = key.filter(|k| k.starts_with(PREFIX) && k.len() < 200) else {
        return Ok(Err(KeyRefusal::Unknown));
    };
    let Some(row) = store::live_site_key(c, &hash_token(key))? else {
        return Ok(Err(KeyRefusal::Unknown));
    };
    if let Some(o) = origin
        && !row
            .origin_list()
            .any(|allowed| allowed.eq_ignore_ascii_case(o))
    {
        return Ok(Err(KeyRefusal::Origin));
    }
    Ok(Ok(row))
}

pub async fn check(
    svc: &Services,
    key: Option<String>,
    origin: Option<String>,
) -> Result<Result<SiteKeyRow, KeyRefusal>, WorkflowError> {
    svc.db
        .run(move |c| check_in(c, key.as_deref(), origin.as_deref()))
        .await
}

/// Whether any live key lists this origin (for CORS pre-flight, which carries no key).
pub async fn origin_known(svc: &Services, origin: String) -> Result<bool, WorkflowError> {
    let keys = svc.db.run(store::site_keys).await?;
    Ok(keys
        .iter()
        .filter(|k| k.revoked_at.is_none())
        .any(|k| k.origin_list().any(|o| o.eq_ignore_ascii_case(&origin))))
}
