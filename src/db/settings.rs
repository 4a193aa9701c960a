//! Settings an administrator changed in the console (each overrides a `STEWARD_*` default).

use diesel::prelude::*;

use super::schema::settings;
use super::{DbConn, DbError};
use crate::domain::UserId;

/// The setting's stored value, if an administrator set one.
pub fn get(conn: &mut DbConn, key: &str) -> Result<Option<String>, DbError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

pub fn put(conn: &mut DbConn, key: &str, value: &str, by: Option<&UserId>) -> Result<(), DbError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((
            settings::key.eq(key),
            settings::value.eq(value),
            settings::updated_by.eq(by.map(|u| u.as_str().to_string())),
            settings::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}
