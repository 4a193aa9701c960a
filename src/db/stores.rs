//! Queries on the store registry.

use diesel::prelude::*;

use super::models::StoreRow;
use super::schema::stores;
use super::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, s: &StoreRow) -> Result<(), DbError> {
    diesel::insert_into(stores::table).values(s).execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, s: &StoreRow) -> Result<(), DbError> {
    diesel::update(stores::table.find(&s.id))
        .set(s)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<StoreRow>, DbError> {
    Ok(stores::table
        .find(id)
        .select(StoreRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_name(conn: &mut DbConn, name: &str) -> Result<Option<StoreRow>, DbError> {
    Ok(stores::table
        .filter(stores::name.eq(name))
        .select(StoreRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn all(conn: &mut DbConn) -> Result<Vec<StoreRow>, DbError> {
    Ok(stores::table
        .order(stores::name.asc())
        .select(StoreRow::as_select())
        .load(conn)?)
}

pub fn active(conn: &mut DbConn) -> Result<Vec<StoreRow>, DbError> {
    Ok(stores::table
        .filter(stores::active.eq(true))
        .order(stores::name.asc())
        .select(StoreRow::as_select())
        .load(conn)?)
}

pub fn owned_by(conn: &mut DbConn, user_id: &str) -> Result<Vec<String>, DbError> {
    Ok(stores::table
        .filter(stores::owner_id.eq(user_id))
        .select(stores::id)
        .load(conn)?)
}
