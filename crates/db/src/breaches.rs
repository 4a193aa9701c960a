//! The breach register's rows.

use diesel::prelude::*;

use super::models::BreachRow;
use super::schema::breaches;
use crate::conn::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, b: &BreachRow) -> Result<(), DbError> {
    diesel::insert_into(breaches::table)
        .values(b.clone())
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, b: &BreachRow) -> Result<(), DbError> {
    diesel::update(breaches::table.find(&b.id))
        .set(b.clone())
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<BreachRow>, DbError> {
    Ok(breaches::table
        .find(id)
        .select(BreachRow::as_select())
        .first(conn)
        .optional()?)
}

/// Newest awareness first; a stable order (id breaks ties) so paging never skips a row.
pub fn page(conn: &mut DbConn, offset: i64, limit: i64) -> Result<Vec<BreachRow>, DbError> {
    Ok(breaches::table
        .order((breaches::aware_at.desc(), breaches::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(BreachRow::as_select())
        .load(conn)?)
}
