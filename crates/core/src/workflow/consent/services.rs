//! The services behind each purpose and what they keep in the browser: staff list them, the
//! banner and the preference centre show them, auditors get them as CSV.

use super::super::{Services, WorkflowError};
use crate::audit::{self, Actor};
use steward_db as db;
use steward_db::consent as ledger_store;
use steward_db::consent_services as store;
use steward_db::models::{ServiceRow, StorageRow};
use steward_domain::consent::PurposeKey;
use steward_domain::consent::services::{ServiceFields, StorageItem};

pub use steward_db::consent_services::Service;

/// Most services one purpose may list.
pub const MAX_SERVICES: usize = 30;

/// Adds a service to a purpose, audited in the same transaction.
pub async fn add(
    svc: &Services,
    purpose: PurposeKey,
    fields: ServiceFields,
    items: Vec<StorageItem>,
    actor: Actor,
) -> Result<Service, WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                ledger_store::purpose(c, &purpose)?.ok_or(WorkflowError::NotFound)?;
                let listed = store::all(c)?
                    .iter()
                    .filter(|(s, _)| s.purpose_key == purpose)
                    .count();
                if listed >= MAX_SERVICES {
                    return Err(WorkflowError::invalid(
                        "name",
                        format!("a purpose lists at most {MAX_SERVICES} services"),
                    ));
                }
                let row = ServiceRow {
                    id: uuid::Uuid::now_v7().to_string(),
                    purpose_key: purpose.clone(),
                    name: fields.name,
                    provider: fields.provider,
                    privacy_url: fields.privacy_url,
                    created_at: db::now(),
                };
                let storage: Vec<StorageRow> = items
                    .into_iter()
                    .zip(0..)
                    .map(|(i, position)| StorageRow {
                        service_id: row.id.clone(),
                        position,
                        name: i.name,
                        kind: i.kind,
                        lifetime: i.lifetime,
                        third_party: i.third_party,
                    })
                    .collect();
                store::insert(c, &row, &storage)?;
                audit::record(
                    c,
                    &actor,
                    "consent.service_added",
                    &format!("purpose:{purpose}"),
                    serde_json::json!({
                        "service": row.id, "name": row.name, "provider": row.provider,
                        "storage": storage.iter().map(|s| &s.name).collect::<Vec<_>>(),
                    }),
                )?;
                Ok((row, storage))
            })
        })
        .await
}

/// Removes a purpose's service, audited in the same transaction.
pub async fn remove(
    svc: &Services,
    purpose: PurposeKey,
    id: String,
    actor: Actor,
) -> Result<(), WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let row = store::delete(c, &purpose, &id)?.ok_or(WorkflowError::NotFound)?;
                audit::record(
                    c,
                    &actor,
                    "consent.service_removed",
                    &format!("purpose:{purpose}"),
                    serde_json::json!({"service": row.id, "name": row.name, "provider": row.provider}),
                )?;
                Ok(())
            })
        })
        .await
}

/// Every service of every purpose, in the order they were added.
pub async fn all(svc: &Services) -> Result<Vec<Service>, WorkflowError> {
    Ok(svc.db.run(store::all).await?)
}

/// A purpose's services.
pub fn of<'a>(all: &'a [Service], purpose: &'a PurposeKey) -> impl Iterator<Item = &'a Service> {
    all.iter().filter(move |(s, _)| &s.purpose_key == purpose)
}

/// The services export's columns: one row per cookie or storage key (a service that keeps
/// nothing in the browser has one row with those cells empty).
pub const CSV_HEADER: &[&str] = &[
    "purpose_key",
    "purpose_name",
    "service",
    "provider",
    "privacy_url",
    "storage_name",
    "storage_kind",
    "lifetime",
    "third_party",
];

/// Every purpose's services and what they store, as CSV for auditors and the shop's cookie
/// policy; audited as a download.
pub async fn csv(svc: &Services, actor: Actor) -> Result<Vec<u8>, WorkflowError> {
    let services = all(svc).await?;
    let purposes = super::purposes(svc).await?;
    crate::workflow::records::export_downloaded(
        svc,
        actor,
        "consent-services",
        serde_json::json!({}),
    )
    .await?;
    let mut rows: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect()];
    for (p, _) in &purposes {
        for (s, items) in of(&services, &p.key) {
            let head = [
                p.key.to_string(),
                p.name.clone(),
                s.name.clone(),
                s.provider.clone(),
                s.privacy_url.clone().unwrap_or_default(),
            ];
            if items.is_empty() {
                rows.push(
                    head.iter()
                        .cloned()
                        .chain(["", "", "", ""].map(String::from))
                        .collect(),
                );
            }
            for i in items {
                let cells = [
                    i.name.clone(),
                    i.kind.as_str().to_string(),
                    i.lifetime.clone(),
                    i.third_party.to_string(),
                ];
                rows.push(head.iter().cloned().chain(cells).collect());
            }
        }
    }
    Ok(crate::export::encode(rows))
}
