//! Staff accounts, their sessions and API tokens.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{ApiToken, Session, User};
use super::schema::{api_tokens, sessions, users};
use super::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, u: &User) -> Result<(), DbError> {
    diesel::insert_into(users::table).values(u).execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, u: &User) -> Result<(), DbError> {
    diesel::update(users::table.find(&u.id))
        .set(u)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// Staff emails are matched case-insensitively; they are stored lower-cased.
pub fn find_by_email(conn: &mut DbConn, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email.to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_setup_token(conn: &mut DbConn, token_hash: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::setup_token_hash.eq(token_hash))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn count(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(users::table.count().get_result(conn)?)
}

pub fn insert_session(conn: &mut DbConn, s: &Session) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values(s)
        .execute(conn)?;
    Ok(())
}

pub fn find_session(
    conn: &mut DbConn,
    token_hash: &str,
) -> Result<Option<(Session, User)>, DbError> {
    Ok(sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .select((Session::as_select(), User::as_select()))
        .first(conn)
        .optional()?)
}

pub fn touch_session(
    conn: &mut DbConn,
    token_hash: &str,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::last_seen_at.eq(at))
        .execute(conn)?;
    Ok(())
}

pub fn delete_session(conn: &mut DbConn, token_hash: &str) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(token_hash)).execute(conn)?;
    Ok(())
}

/// Ends every session of a user, except optionally the one making the change.
pub fn delete_sessions_of(
    conn: &mut DbConn,
    user_id: &str,
    keep: Option<&str>,
) -> Result<(), DbError> {
    let q = sessions::table.filter(sessions::user_id.eq(user_id));
    match keep {
        Some(k) => diesel::delete(q.filter(sessions::token_hash.ne(k))).execute(conn)?,
        None => diesel::delete(q).execute(conn)?,
    };
    Ok(())
}

pub fn insert_token(conn: &mut DbConn, t: &ApiToken) -> Result<(), DbError> {
    diesel::insert_into(api_tokens::table)
        .values(t)
        .execute(conn)?;
    Ok(())
}

/// A live token and its user: the user row is read on every call, so a role change or a
/// deactivation takes effect at once.
pub fn find_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> Result<Option<(ApiToken, User)>, DbError> {
    Ok(api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .select((ApiToken::as_select(), User::as_select()))
        .first(conn)
        .optional()?)
}

pub fn touch_token(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(at))
        .execute(conn)?;
    Ok(())
}

pub fn all_active(conn: &mut DbConn) -> Result<Vec<User>, DbError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)?)
}
