//! The services behind consent purposes and what each keeps in the browser. Staff add and
//! remove services; nothing here is proof, so removing one deletes it (the audit row says who
//! did and what it was).

use diesel::prelude::*;

use super::models::{ServiceRow, StorageRow};
use super::schema::{consent_service_storage, consent_services};
use super::types::W;
use crate::conn::{DbConn, DbError};
use steward_domain::consent::PurposeKey;

/// A service with what it stores.
pub type Service = (ServiceRow, Vec<StorageRow>);

pub fn insert(conn: &mut DbConn, s: &ServiceRow, items: &[StorageRow]) -> Result<(), DbError> {
    diesel::insert_into(consent_services::table)
        .values(s.clone())
        .execute(conn)?;
    // One row at a time: a batch insert is not available across backends (at most 50).
    for item in items {
        diesel::insert_into(consent_service_storage::table)
            .values(item.clone())
            .execute(conn)?;
    }
    Ok(())
}

/// Removes a purpose's service; `None` when the purpose has no such service.
pub fn delete(
    conn: &mut DbConn,
    purpose: &PurposeKey,
    id: &str,
) -> Result<Option<ServiceRow>, DbError> {
    let Some(row) = consent_services::table
        .find(id)
        .filter(consent_services::purpose_key.eq(W(purpose)))
        .select(ServiceRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    diesel::delete(
        consent_service_storage::table.filter(consent_service_storage::service_id.eq(id)),
    )
    .execute(conn)?;
    diesel::delete(consent_services::table.find(id)).execute(conn)?;
    Ok(Some(row))
}

/// Every service with its storage, in the order they were added: one query whatever the
/// number of services, since the banner reads this on every page view.
pub fn all(conn: &mut DbConn) -> Result<Vec<Service>, DbError> {
    let rows: Vec<(ServiceRow, Option<StorageRow>)> = consent_services::table
        .left_join(consent_service_storage::table)
        .order((
            consent_services::created_at.asc(),
            consent_services::id.asc(),
            consent_service_storage::position.asc(),
        ))
        .select((ServiceRow::as_select(), Option::<StorageRow>::as_select()))
        .load(conn)?;
    let mut out: Vec<Service> = Vec::new();
    for (service, item) in rows {
        match out.last_mut() {
            Some((last, items)) if last.id == service.id => items.extend(item),
            _ => out.push((service, item.into_iter().collect())),
        }
    }
    Ok(out)
}
