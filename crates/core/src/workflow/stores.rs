//! The store registry: registering and editing stores. For a SQL store the dataset map is
//! checked against the live database before it is saved, so a map naming a missing table or
//! column never lands.

use serde::Serialize;

pub use super::connect::connector;
use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor};
use steward_connectors::sql::{SqlConnector, SqlUrl};
use steward_db::crypto::random_bytes;
use steward_db::models::StoreRow;
use steward_db::slots;
use steward_db::{self as db, stores, users};
use steward_domain::dataset::Dataset;
pub use steward_domain::stores::Art30;
use steward_domain::stores::StoreKind;
use steward_domain::{StoreId, UserId};

/// How Steward reaches the store. Secrets are `None` on edit when unchanged (write-only).
#[derive(Debug, Clone)]
pub enum Access {
    Manual,
    Sql {
        connection: Option<SqlUrl>,
        dataset: Dataset,
    },
    Webhook {
        url: String,
        secret: Option<String>,
    },
}

/// A parsed, valid store as submitted.
#[derive(Debug, Clone)]
pub struct StoreSpec {
    pub name: String,
    pub owner_email: String,
    pub art30: Art30,
    pub access: Access,
    pub active: bool,
}

impl StoreSpec {
    fn kind(&self) -> StoreKind {
        match self.access {
            Access::Manual => StoreKind::Manual,
            Access::Sql { .. } => StoreKind::Sql,
            Access::Webhook { .. } => StoreKind::Webhook,
        }
    }
}

/// Lets a store's pooled connections go (it changed, or no longer takes tasks); they close
/// once no job holds them.
pub async fn release(svc: &Services, store_id: &str) {
    svc.pools.clear_down(store_id);
    svc.pools.remove(store_id);
}

/// Connects with the map and checks every name in it against the live schema; answers the
/// statements that would make its email look-ups use an index, where one is missing.
pub async fn check_sql(
    svc: &Services,
    url: &SqlUrl,
    dataset: &Dataset,
) -> Result<Vec<String>, WorkflowError> {
    let c = SqlConnector::connect(url, dataset.clone(), Vec::new(), &svc.reach)
        .await
        .map_err(|e| WorkflowError::invalid("connection", e.to_string()))?;
    let result = match c.check_schema().await {
        // Advice is a help, not a condition: a catalogue that cannot be read gives none.
        Ok(()) => Ok(c.index_advice().await.unwrap_or_default()),
        Err(e) => Err(e),
    };
    c.close().await;
    result.map_err(|e| WorkflowError::invalid("dataset", e.to_string()))
}

/// Registers a new store (`existing == None`) or saves changes to one. Setting or changing
/// how Steward reaches a store (its connection, URL, secret or kind) takes an administrator
/// (`admin`): it decides what Steward connects to with its own credentials.
pub async fn save(
    svc: &Services,
    spec: StoreSpec,
    existing: Option<StoreId>,
    actor: Actor,
    admin: bool,
) -> Result<StoreRow, WorkflowError> {
    let keys = svc.keys.clone();
    let previous = match &existing {
        Some(id) => {
            let id = id.clone();
            Some(
                svc.db
                    .run(move |c| stores::find(c, &id))
                    .await?
                    .ok_or(WorkflowError::NotFound)?,
            )
        }
        None => None,
    };
    let changed = access_changes(&spec, previous.as_ref());
    if !changed.is_empty() && !admin {
        return Err(WorkflowError::AdminOnly(
            "only an administrator may set or change a store's connection, URL, secret or kind",
        ));
    }
    if let Access::Webhook { url, .. } = &spec.access {
        steward_connectors::webhook::client_for(url, &svc.reach)
            .await
            .map_err(|e| WorkflowError::invalid("url", e.to_string()))?;
    }
    let mut advice = Vec::new();
    // A SQL store's connection is write-only: on edit, an empty field keeps the stored one.
    if let Access::Sql {
        connection,
        dataset,
    } = &spec.access
    {
        let url = match (connection, &previous) {
            (Some(u), _) => u.clone(),
            (None, Some(p)) if p.connection_enc.is_some() => {
                let text = keys.open(
                    p.connection_enc.as_deref().unwrap_or_default(),
                    slots::store_connection(&p.id),
                )?;
                SqlUrl::parse(&text).map_err(|e| WorkflowError::invalid("connection", e))?
            }
            _ => {
                return Err(WorkflowError::invalid(
                    "connection",
                    "is required for a SQL store",
                ));
            }
        };
        advice = check_sql(svc, &url, dataset).await?;
    }
    if let Access::Webhook { secret: None, .. } = &spec.access
        && previous.as_ref().is_none_or(|p| p.secret_enc.is_none())
    {
        return Err(WorkflowError::invalid(
            "secret",
            "is required for a webhook store",
        ));
    }
    let now = db::now();
    let row = svc
        .db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let owner = users::find_by_email(c, &spec.owner_email)?
                    .filter(|u| u.active)
                    .ok_or_else(|| {
                        WorkflowError::invalid("owner_email", "is not an active staff user")
                    })?;
                if let Some(other) = stores::find_by_name(c, &spec.name)?
                    && Some(&other.id) != existing.as_ref()
                {
                    return Err(WorkflowError::invalid(
                        "name",
                        "is already used by another store",
                    ));
                }
                let mut row = previous.clone().unwrap_or_else(|| {
                    let id: StoreId = db::new_id();
                    StoreRow {
                    hash_key_enc: keys.seal(
                        &hex::encode(random_bytes::<32>()),
                        slots::store_hash_key(&id),
                    ),
                    id,
                    name: String::new(),
                    kind: spec.kind(),
                    owner_id: UserId::default(),
                    art30: Default::default(),
                    connection_enc: None,
                    dataset: None,
                    url: None,
                    secret_enc: None,
                    active: true,
                    created_at: now,
                    updated_at: now,
                    lookup_advice: None,
                    }
                });
                row.name = spec.name.clone();
                row.kind = spec.kind();
                row.owner_id = owner.id.clone();
                row.art30 = spec.art30.clone().into();
                row.active = spec.active;
                row.updated_at = now;
                row.lookup_advice = (!advice.is_empty())
                    .then(|| serde_json::to_string(&advice).expect("plain JSON"));
                match &spec.access {
                    Access::Manual => {
                        row.connection_enc = None;
                        row.dataset = None;
                        row.url = None;
                        row.secret_enc = None;
                    }
                    Access::Sql {
                        connection,
                        dataset,
                    } => {
                        if let Some(u) = connection {
                            row.connection_enc =
                                Some(keys.seal(&sql_url_text(u), slots::store_connection(&row.id)));
                        }
                        row.dataset = Some(serde_json::to_string(dataset).expect("plain JSON"));
                        row.url = None;
                        row.secret_enc = None;
                    }
                    Access::Webhook { url, secret } => {
                        row.url = Some(url.clone());
                        if let Some(s) = secret {
                            row.secret_enc = Some(keys.seal(s, slots::store_secret(&row.id)));
                        }
                        row.connection_enc = None;
                        row.dataset = None;
                    }
                }
                if previous.is_some() {
                    stores::save(c, &row)?;
                } else {
                    stores::insert(c, &row)?;
                }
                let action = if previous.is_some() {
                    "store.updated"
                } else {
                    "store.created"
                };
                audit::record(
                    c,
                    &actor,
                    action,
                    &format!("store:{}", row.id),
                    // What changed in how the store is reached, never the values themselves.
                    serde_json::json!({"kind": row.kind, "active": row.active, "access_changed": changed}),
                )?;
                Ok(row)
            })
        })
        .await?;
    // The next job connects afresh, with the store as it is now: connected here, ahead of it.
    release(svc, &row.id).await;
    let (warm, saved) = (svc.clone(), row.clone());
    tokio::spawn(async move { super::connect::warm_store(&warm, &saved).await });
    Ok(row)
}

/// Which of the ways Steward reaches the store this save sets or changes.
fn access_changes(spec: &StoreSpec, previous: Option<&StoreRow>) -> Vec<&'static str> {
    let mut changed = Vec::new();
    if previous.is_some_and(|p| p.kind != spec.kind()) {
        changed.push("kind");
    }
    match &spec.access {
        Access::Manual => {}
        Access::Sql { connection, .. } => {
            if connection.is_some() {
                changed.push("connection");
            }
        }
        Access::Webhook { url, secret } => {
            if previous.and_then(|p| p.url.as_deref()) != Some(url.as_str()) {
                changed.push("url");
            }
            if secret.is_some() {
                changed.push("secret");
            }
        }
    }
    changed
}

fn sql_url_text(u: &SqlUrl) -> String {
    match u {
        SqlUrl::Postgres(s) | SqlUrl::MySql(s) => s.clone(),
        SqlUrl::Sqlite(p) => format!("sqlite://{p}"),
    }
}

/// A store as shown to staff and the API: never its connection string or secret.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StoreView {
    pub id: StoreId,
    pub name: String,
    pub kind: StoreKind,
    pub owner_email: String,
    pub owner_id: UserId,
    #[serde(flatten)]
    pub art30: Art30,
    pub url: Option<String>,
    pub dataset: Option<serde_json::Value>,
    pub has_connection: bool,
    pub has_secret: bool,
    pub active: bool,
    /// `CREATE INDEX` statements that would make this store's email look-ups fast.
    pub lookup_advice: Vec<String>,
}

pub fn view(row: StoreRow, owner_email: String) -> Result<StoreView, WorkflowError> {
    Ok(StoreView {
        kind: row.kind,
        dataset: row
            .dataset
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|_| WorkflowError::Corrupt("dataset".into()))?,
        has_connection: row.connection_enc.is_some(),
        has_secret: row.secret_enc.is_some(),
        art30: row.art30.into(),
        id: row.id,
        name: row.name,
        owner_email,
        owner_id: row.owner_id,
        url: row.url,
        active: row.active,
        lookup_advice: row
            .lookup_advice
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default(),
    })
}

pub async fn list(svc: &Services) -> Result<Vec<StoreView>, WorkflowError> {
    let rows = svc.db.run(stores::all_with_owner).await?;
    rows.into_iter()
        .map(|(s, o)| view(s, o.unwrap_or_default()))
        .collect()
}

pub async fn get(svc: &Services, id: &str) -> Result<StoreView, WorkflowError> {
    let id = id.to_string();
    let (s, owner) = svc
        .db
        .run(move |c| stores::find_with_owner(c, &id))
        .await?
        .ok_or(WorkflowError::NotFound)?;
    view(s, owner.unwrap_or_default())
}

/// The stores a request was sent to (what the subject's status page explains).
pub async fn of_request(svc: &Services, request_id: &str) -> Result<Vec<StoreView>, WorkflowError> {
    let id = request_id.to_string();
    let rows = svc
        .db
        .run(move |c| stores::of_request_with_owner(c, &id))
        .await?;
    rows.into_iter()
        .map(|(s, o)| view(s, o.unwrap_or_default()))
        .collect()
}

/// Switches a store off: no new tasks; open ones stay. One audited update, nothing checked.
pub async fn deactivate(svc: &Services, id: StoreId, actor: Actor) -> Result<(), WorkflowError> {
    let pooled = id.to_string();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                if stores::set_active(c, &id, false)? == 0 {
                    return Err(WorkflowError::NotFound);
                }
                audit::record(
                    c,
                    &actor,
                    "store.deactivated",
                    &format!("store:{id}"),
                    serde_json::json!({}),
                )?;
                Ok(())
            })
        })
        .await?;
    release(svc, &pooled).await;
    Ok(())
}
