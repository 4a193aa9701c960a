//! Settings an administrator changed in the console (each overrides a `STEWARD_*` default).

use diesel::prelude::*;

use crate::types::Maybe;

use super::schema::settings;
use crate::conn::{DbConn, DbError};
use steward_domain::UserId;

const INSTANCE_ID: &str = "instance_id";

/// This Steward database's random identity, created on first use: a store whose database
/// holds the same is Steward's own, whatever its connection string says.
pub fn instance_id(conn: &mut DbConn) -> Result<String, DbError> {
    if let Some(id) = get(conn, INSTANCE_ID)? {
        return Ok(id);
    }
    let id = uuid::Uuid::new_v4().to_string();
    put(conn, INSTANCE_ID, &id, None)?;
    Ok(id)
}

/// The setting's stored value, if an administrator set one.
pub fn get(conn: &mut DbConn, key: &str) -> Result<Option<String>, DbError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

/// Several settings in one query: those an administrator set, by key.
pub fn get_many(
    conn: &mut DbConn,
    keys: &[&str],
) -> Result<std::collections::HashMap<String, String>, DbError> {
    Ok(settings::table
        .filter(settings::key.eq_any(keys))
        .select((settings::key, settings::value))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Removes a setting (back to its default).
pub fn remove(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    Ok(())
}

/// Marks a one-time step as taken: `true` for the one caller that set the mark, `false` for
/// every later one (processes starting together: only one gets `true`).
pub fn claim(conn: &mut DbConn, key: &str) -> Result<bool, DbError> {
    let inserted = diesel::insert_into(settings::table)
        .values((
            settings::key.eq(key),
            settings::value.eq(crate::conn::now().to_string()),
            settings::updated_by.eq(None::<String>),
            settings::updated_at.eq(crate::conn::now()),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Records that something happened once (a start-up pass finished). Processes starting
/// together may both get there: the second finds the mark set, which is as good.
pub fn mark(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    claim(conn, key).map(|_| ())
}

pub fn put(conn: &mut DbConn, key: &str, value: &str, by: Option<&UserId>) -> Result<(), DbError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((
            settings::key.eq(key),
            settings::value.eq(value),
            settings::updated_by.eq(Maybe(by.cloned())),
            settings::updated_at.eq(crate::conn::now()),
        ))
        .execute(conn)?;
    Ok(())
}
