//! The shop's brand on everything a customer sees: its name, logo, accent colour, privacy
//! policy, and who the controller and its data protection officer are. One place: the
//! records of processing read the same controller settings. Pages read the brand from
//! memory ([`BrandCache`]); saving replaces it at once in this process, and the scheduler
//! reloads it in every other.

use std::sync::Arc;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor};
use steward_db::{self as db, settings};
use steward_domain::brand::{AccentColour, logo_type};
use steward_domain::text;

pub mod cache;

use self::cache::{
    ACCENT, CONTROLLER_CONTACT, CONTROLLER_NAME, DPO_CONTACT, LOGO, LOGO_VERSION, POLICY_URL,
    SHOP_NAME,
};
pub use self::cache::{Brand, BrandCache};

const KEYS: [&str; 7] = [
    SHOP_NAME,
    ACCENT,
    POLICY_URL,
    LOGO_VERSION,
    CONTROLLER_NAME,
    CONTROLLER_CONTACT,
    DPO_CONTACT,
];

/// Reads the brand from the database into the cache (at start-up, after a save, and on
/// every scheduler pass so other processes follow a change).
pub async fn refresh(svc: &Services) -> Result<Arc<Brand>, WorkflowError> {
    let m = svc.db.run(|c| settings::get_many(c, &KEYS)).await?;
    let brand = Brand::from_settings(m, svc.config.consent.policy_url.as_deref());
    svc.brand.replace(brand);
    Ok(svc.brand.current())
}

/// The same, from a connection: for start-up, before the runtime serves anything.
pub fn load(conn: &mut db::DbConn, fallback_policy: Option<&str>) -> Result<Brand, db::DbError> {
    Ok(Brand::from_settings(
        settings::get_many(conn, &KEYS)?,
        fallback_policy,
    ))
}

/// What an administrator types: every field as text, so nothing typed is lost on an error.
#[derive(Debug, Clone, Default)]
pub struct BrandFields {
    pub shop_name: String,
    pub accent: String,
    pub policy_url: String,
    pub controller_name: String,
    pub controller_contact: String,
    pub dpo_contact: String,
}

impl BrandFields {
    pub fn of(b: &Brand, configured_policy: Option<&str>) -> BrandFields {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        BrandFields {
            shop_name: text(&b.shop_name),
            accent: b.accent.map(|a| a.to_string()).unwrap_or_default(),
            // Shown only when the console set it (the variable's value is its own default).
            policy_url: b
                .policy_url
                .clone()
                .filter(|p| Some(p.as_str()) != configured_policy)
                .unwrap_or_default(),
            controller_name: text(&b.controller_name),
            controller_contact: text(&b.controller_contact),
            dpo_contact: text(&b.dpo_contact),
        }
    }
}

/// Checks and saves the brand, audited in the same transaction (the names of the fields
/// that changed, not their values). An empty field removes the setting.
pub async fn save(
    svc: &Services,
    actor: Actor,
    f: BrandFields,
) -> Result<Arc<Brand>, WorkflowError> {
    let line = |field: &'static str, v: &str, max: usize| {
        text::line(v, max).map_err(|e| WorkflowError::invalid(field, e.to_string()))
    };
    let para = |field: &'static str, v: &str| {
        text::paragraph(v, 1000).map_err(|e| WorkflowError::invalid(field, e.to_string()))
    };
    let accent = match f.accent.trim() {
        "" => String::new(),
        a => AccentColour::parse(a)
            .map_err(|e| WorkflowError::invalid("accent", e.to_string()))?
            .to_string(),
    };
    let policy = line("policy_url", &f.policy_url, 500)?.unwrap_or_default();
    let web_address = policy.starts_with("https://") || policy.starts_with("http://");
    if !(policy.is_empty() || web_address) {
        return Err(WorkflowError::invalid(
            "policy_url",
            "must be a web address starting with https:// (or http://)",
        ));
    }
    let values: Vec<(&'static str, String)> = vec![
        (
            SHOP_NAME,
            line("shop_name", &f.shop_name, 120)?.unwrap_or_default(),
        ),
        (ACCENT, accent),
        (POLICY_URL, policy),
        (
            CONTROLLER_NAME,
            line("controller_name", &f.controller_name, 300)?.unwrap_or_default(),
        ),
        (
            CONTROLLER_CONTACT,
            para("controller_contact", &f.controller_contact)?.unwrap_or_default(),
        ),
        (
            DPO_CONTACT,
            para("dpo_contact", &f.dpo_contact)?.unwrap_or_default(),
        ),
    ];
    let by = actor.staff_id();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let before = settings::get_many(c, &KEYS)?;
                let mut changed = Vec::new();
                for (k, v) in &values {
                    if before.get(*k).map(String::as_str).unwrap_or_default() == v {
                        continue;
                    }
                    changed.push(*k);
                    if v.is_empty() {
                        settings::remove(c, k)?;
                    } else {
                        settings::put(c, k, v, by.as_ref())?;
                    }
                }
                audit::record(
                    c,
                    &actor,
                    "settings.brand_changed",
                    "settings:brand",
                    serde_json::json!({ "changed": changed }),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    refresh(svc).await
}

/// Replaces the logo (a PNG, JPEG or WebP picture of at most 256 KB), audited.
pub async fn set_logo(svc: &Services, actor: Actor, bytes: Vec<u8>) -> Result<(), WorkflowError> {
    let kind = logo_type(&bytes).map_err(|e| WorkflowError::invalid("logo", e.to_string()))?;
    let version = logo_version(&bytes);
    let stored = format!(
        "{kind};{}",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    );
    let by = actor.staff_id();
    let size = bytes.len();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                settings::put(c, LOGO, &stored, by.as_ref())?;
                settings::put(c, LOGO_VERSION, &version, by.as_ref())?;
                audit::record(
                    c,
                    &actor,
                    "settings.logo_changed",
                    "settings:brand",
                    serde_json::json!({ "type": kind, "bytes": size }),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    refresh(svc).await.map(|_| ())
}

/// A logo's version: the start of its SHA-256, so its URL changes with its bytes.
pub fn logo_version(bytes: &[u8]) -> String {
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// Removes the logo, audited.
pub async fn remove_logo(svc: &Services, actor: Actor) -> Result<(), WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                settings::remove(c, LOGO)?;
                settings::remove(c, LOGO_VERSION)?;
                audit::record(
                    c,
                    &actor,
                    "settings.logo_removed",
                    "settings:brand",
                    serde_json::json!({}),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    refresh(svc).await.map(|_| ())
}

/// The logo's type and bytes, for serving.
pub async fn logo(svc: &Services) -> Result<Option<(String, Vec<u8>)>, WorkflowError> {
    let stored = svc.db.run(|c| settings::get(c, LOGO)).await?;
    Ok(stored.and_then(|s| {
        let (kind, data) = s.split_once(';')?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .ok()?;
        Some((kind.to_string(), bytes))
    }))
}
