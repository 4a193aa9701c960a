//! How the workflow reaches a store: its connection details with the secrets decrypted, and
//! for an SQL store the long-lived pooled connector (never to Steward's own database: every
//! connection it opens is checked against the instance id in `svc.reach`).

use super::services::Services;
use steward_connectors::sql::{SqlConnector, SqlUrl};
use steward_connectors::{ConnectorError, Target};
use steward_db::models::StoreRow;
use steward_domain::dataset::Dataset;
use steward_domain::stores::StoreKind;

/// Which version of a store a pooled connector was made for: anything that changes how the
/// store is reached or read (saving the store sets `updated_at`).
fn version_of(s: &StoreRow) -> steward_connectors::pools::Version {
    steward_connectors::pools::Version {
        saved: s.updated_at,
        fingerprint: steward_db::crypto::sha256_hex(
            format!(
                "{}|{}|{}",
                s.connection_enc.as_deref().unwrap_or_default(),
                s.dataset.as_deref().unwrap_or_default(),
                s.hash_key_enc
            )
            .as_bytes(),
        ),
    }
}

/// The SQL store's long-lived connector: made on first use (and checked not to be Steward's
/// own database), then reused by every job until the store changes.
pub async fn connector(
    svc: &Services,
    s: &StoreRow,
) -> Result<std::sync::Arc<SqlConnector>, steward_connectors::ConnectorError> {
    use steward_connectors::{ConnectorError, Target};
    let version = version_of(s);
    if let Some(c) = svc.pools.get(&s.id, &version) {
        return Ok(c);
    }
    // One connect at a time per store; whoever waited finds its pool, or that it is down.
    let lock = svc.pools.connect_lock(&s.id);
    let _connecting = lock.lock().await;
    if let Some(c) = svc.pools.get(&s.id, &version) {
        return Ok(c);
    }
    if let Some(ago) = svc.pools.down(&s.id, &version) {
        return Err(ConnectorError::Unreachable(format!(
            "it did not answer {} s ago; tried again later",
            ago.as_secs()
        )));
    }
    let Target::Sql {
        url,
        dataset,
        hash_key,
    } = target_of(svc, s)?
    else {
        return Err(ConnectorError::Config("not a SQL store".into()));
    };
    let connected = SqlConnector::connect_kept(&url, dataset, hash_key, &svc.reach).await;
    let c = match connected {
        Ok(c) => c,
        Err(e) => {
            if matches!(e, ConnectorError::Unreachable(_)) {
                svc.pools.mark_down(&s.id, &version);
            }
            return Err(e);
        }
    };
    Ok(svc.pools.put(&s.id, &version, std::sync::Arc::new(c)))
}

/// Makes the long-lived connector of every active SQL store, with its pool's connections
/// open and its schema read, so the first request after start-up waits for neither.
pub async fn warm(svc: &Services) {
    match svc.db.run(steward_db::stores::active).await {
        Ok(stores) => {
            for s in &stores {
                warm_store(svc, s).await;
            }
        }
        Err(e) => tracing::warn!("warming store connections: {e}"),
    }
}

/// Makes the store's long-lived connector ahead of its first job (at start-up, or once the
/// store is saved), unless one is kept for its current version. A store that cannot be
/// reached now is left to its first job, which reports it on the task.
pub async fn warm_store(svc: &Services, s: &StoreRow) {
    if s.kind != StoreKind::Sql || !s.active || svc.pools.get(&s.id, &version_of(s)).is_some() {
        return;
    }
    let warmed = match connector(svc, s).await {
        Ok(c) => c.prepare().await,
        Err(e) => Err(e),
    };
    if let Err(e) = warmed {
        tracing::info!("store {}: not connected ahead of its jobs: {e}", s.id);
    }
    // Deactivated while it connected: its release came first, so the pool is let go here.
    let id = s.id.clone();
    if let Ok(now) = svc.db.run(move |c| steward_db::stores::find(c, &id)).await
        && !now.is_some_and(|n| n.active)
    {
        svc.pools.remove(&s.id);
    }
}

/// The store's connection details with its secrets decrypted.
pub fn target_of(svc: &Services, s: &StoreRow) -> Result<Target, ConnectorError> {
    let config = |m: &str| ConnectorError::Config(m.to_string());
    let decrypt = |v: Option<&str>,
                   slot: steward_db::crypto::Slot<'_>,
                   what: &str|
     -> Result<String, ConnectorError> {
        svc.keys
            .open(
                v.ok_or_else(|| config(&format!("no {what} configured")))?,
                slot,
            )
            .map_err(|e| config(&e.to_string()))
    };
    use steward_db::slots;
    match s.kind {
        StoreKind::Manual => Ok(Target::Manual),
        StoreKind::Sql => {
            let url = SqlUrl::parse(&decrypt(
                s.connection_enc.as_deref(),
                slots::store_connection(&s.id),
                "connection",
            )?)
            .map_err(|e| config(&e))?;
            let dataset = Dataset::parse(
                s.dataset
                    .as_deref()
                    .ok_or_else(|| config("no dataset map"))?,
            )
            .map_err(|e| config(&e.to_string()))?;
            let key = decrypt(
                Some(&s.hash_key_enc),
                slots::store_hash_key(&s.id),
                "hash key",
            )?;
            Ok(Target::Sql {
                url,
                dataset,
                hash_key: key.into_bytes(),
            })
        }
        StoreKind::Webhook => Ok(Target::Webhook {
            url: s.url.clone().ok_or_else(|| config("no URL configured"))?,
            secret: decrypt(
                s.secret_enc.as_deref(),
                slots::store_secret(&s.id),
                "secret",
            )?,
        }),
    }
}
