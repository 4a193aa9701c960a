//! Queries on the store registry.

use diesel::prelude::*;

use super::models::StoreRow;
use super::schema::{stores, tasks, users};
use super::types::W;
use crate::conn::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, s: &StoreRow) -> Result<(), DbError> {
    diesel::insert_into(stores::table)
        .values(s.clone())
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, s: &StoreRow) -> Result<(), DbError> {
    diesel::update(stores::table.find(W(&s.id)))
        .set(s.clone())
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<StoreRow>, DbError> {
    Ok(stores::table
        .find(W(id))
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

/// Every store with its owner's email, in one query.
pub fn all_with_owner(conn: &mut DbConn) -> Result<Vec<(StoreRow, Option<String>)>, DbError> {
    Ok(stores::table
        .left_join(users::table)
        .order(stores::name.asc())
        .select((StoreRow::as_select(), users::email.nullable()))
        .load(conn)?)
}

/// A store with its owner's email.
pub fn find_with_owner(
    conn: &mut DbConn,
    id: &str,
) -> Result<Option<(StoreRow, Option<String>)>, DbError> {
    Ok(stores::table
        .left_join(users::table)
        .filter(stores::id.eq(W(id)))
        .select((StoreRow::as_select(), users::email.nullable()))
        .first(conn)
        .optional()?)
}

/// The stores a request has tasks in, with their owners' emails, in one query.
pub fn of_request_with_owner(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Vec<(StoreRow, Option<String>)>, DbError> {
    Ok(tasks::table
        .inner_join(stores::table.left_join(users::table))
        .filter(tasks::request_id.eq(W(request_id)))
        .order(stores::name.asc())
        .select((StoreRow::as_select(), users::email.nullable()))
        .load(conn)?)
}

pub fn active(conn: &mut DbConn) -> Result<Vec<StoreRow>, DbError> {
    Ok(stores::table
        .filter(stores::active.eq(true))
        .order(stores::name.asc())
        .select(StoreRow::as_select())
        .load(conn)?)
}

pub fn set_active(
    conn: &mut DbConn,
    id: &steward_domain::StoreId,
    active: bool,
) -> Result<usize, DbError> {
    Ok(diesel::update(stores::table.find(W(id)))
        .set(stores::active.eq(active))
        .execute(conn)?)
}

/// The names of these stores, by id.
pub fn names_of(
    conn: &mut DbConn,
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>, DbError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(stores::table
        .filter(stores::id.eq_any(ids.iter().map(W)))
        .select((stores::id, stores::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}
