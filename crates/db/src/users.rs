//! Staff accounts, their sessions and API tokens.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{ApiToken, RecoveryCode, Session, User};
use super::schema::{api_tokens, recovery_codes, sessions, users};
use super::types::W;
use crate::conn::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, u: &User) -> Result<(), DbError> {
    diesel::insert_into(users::table)
        .values(u.clone())
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, u: &User) -> Result<(), DbError> {
    diesel::update(users::table.find(W(&u.id)))
        .set(u.clone())
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(W(id))
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
        .values(s.clone())
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
    let q = sessions::table.filter(sessions::user_id.eq(W(user_id)));
    match keep {
        Some(k) => diesel::delete(q.filter(sessions::token_hash.ne(k))).execute(conn)?,
        None => diesel::delete(q).execute(conn)?,
    };
    Ok(())
}

pub fn insert_token(conn: &mut DbConn, t: &ApiToken) -> Result<(), DbError> {
    diesel::insert_into(api_tokens::table)
        .values(t.clone())
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
        .filter(api_tokens::expires_at.gt(crate::conn::now()))
        .select((ApiToken::as_select(), User::as_select()))
        .first(conn)
        .optional()?)
}

/// Tokens not revoked and not expired, with their owners' emails; of one user or all.
pub fn live_tokens(
    conn: &mut DbConn,
    user_id: Option<&str>,
) -> Result<Vec<(ApiToken, String)>, DbError> {
    let mut q = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::revoked_at.is_null())
        .filter(api_tokens::expires_at.gt(crate::conn::now()))
        .into_boxed();
    if let Some(u) = user_id {
        q = q.filter(api_tokens::user_id.eq(W(u.to_string())));
    }
    Ok(q.order(api_tokens::created_at.desc())
        .select((ApiToken::as_select(), users::email))
        .load(conn)?)
}

/// Revokes one token (of the given user, when one is given); false if there was none.
pub fn revoke_token(
    conn: &mut DbConn,
    token_id: &str,
    user_id: Option<&str>,
    at: NaiveDateTime,
) -> Result<bool, DbError> {
    let mut q = diesel::update(api_tokens::table)
        .filter(api_tokens::id.eq(token_id))
        .filter(api_tokens::revoked_at.is_null())
        .into_boxed();
    if let Some(u) = user_id {
        q = q.filter(api_tokens::user_id.eq(W(u.to_string())));
    }
    Ok(q.set(api_tokens::revoked_at.eq(Some(at))).execute(conn)? == 1)
}

/// Failed sign-ins of an account from one client: (failures, locked until).
pub fn client_failures(
    conn: &mut DbConn,
    user_id: &str,
    client: &str,
) -> Result<(i32, Option<NaiveDateTime>), DbError> {
    use super::schema::login_failures as f;
    Ok(f::table
        .filter(f::user_id.eq(W(user_id)))
        .filter(f::client.eq(client))
        .select((f::failures, f::locked_until))
        .first(conn)
        .optional()?
        .unwrap_or((0, None)))
}

pub fn set_client_failures(
    conn: &mut DbConn,
    user_id: &str,
    client: &str,
    failures: i32,
    locked_until: Option<NaiveDateTime>,
) -> Result<(), DbError> {
    use super::schema::login_failures as f;
    diesel::delete(
        f::table
            .filter(f::user_id.eq(W(user_id)))
            .filter(f::client.eq(client)),
    )
    .execute(conn)?;
    if failures > 0 {
        diesel::insert_into(f::table)
            .values((
                f::user_id.eq(W(user_id)),
                f::client.eq(client),
                f::failures.eq(failures),
                f::locked_until.eq(locked_until),
                f::last_at.eq(crate::conn::now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Counts one more failure of this account from this client in the database itself
/// (`failures + 1`), so attempts made at the same moment are each counted; answers the new
/// count and the lock the row had. Call inside the failing attempt's transaction.
pub fn add_client_failure(
    conn: &mut DbConn,
    user_id: &str,
    client: &str,
) -> Result<(i32, Option<NaiveDateTime>), DbError> {
    use super::schema::login_failures as f;
    let row = || {
        f::table
            .filter(f::user_id.eq(W(user_id)))
            .filter(f::client.eq(client))
    };
    for _ in 0..2 {
        let n = diesel::update(row())
            .set((
                f::failures.eq(f::failures + 1),
                f::last_at.eq(crate::conn::now()),
            ))
            .execute(conn)?;
        if n == 0 {
            // The first failure: a savepoint, so a concurrent first insert (a key
            // violation) leaves this transaction usable, and the update is tried again.
            let inserted = conn.transaction(|c| {
                diesel::insert_into(f::table)
                    .values((
                        f::user_id.eq(W(user_id)),
                        f::client.eq(client),
                        f::failures.eq(1),
                        f::locked_until.eq(None::<NaiveDateTime>),
                        f::last_at.eq(crate::conn::now()),
                    ))
                    .execute(c)
            });
            match inserted {
                Ok(_) => {}
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        return Ok(row().select((f::failures, f::locked_until)).first(conn)?);
    }
    Ok(row().select((f::failures, f::locked_until)).first(conn)?)
}

/// Locks this account for this client until `until`.
pub fn lock_client(
    conn: &mut DbConn,
    user_id: &str,
    client: &str,
    until: NaiveDateTime,
) -> Result<(), DbError> {
    use super::schema::login_failures as f;
    diesel::update(
        f::table
            .filter(f::user_id.eq(W(user_id)))
            .filter(f::client.eq(client)),
    )
    .set(f::locked_until.eq(until))
    .execute(conn)?;
    Ok(())
}

pub fn touch_token(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// Keeps the TOTP secret being enrolled on the half-signed-in session.
pub fn set_pending_totp(
    conn: &mut DbConn,
    token_hash: &str,
    secret_enc: Option<&str>,
) -> Result<(), DbError> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::totp_pending_enc.eq(secret_enc))
        .execute(conn)?;
    Ok(())
}

pub fn list(conn: &mut DbConn) -> Result<Vec<User>, DbError> {
    Ok(users::table
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)?)
}

/// Active administrators, so the last one cannot be demoted or deactivated.
pub fn count_active_admins(conn: &mut DbConn) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq(W(steward_domain::Role::Admin)))
        .filter(users::active.eq(true))
        .count()
        .get_result(conn)?)
}

pub fn revoke_tokens_of(
    conn: &mut DbConn,
    user_id: &str,
    at: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        api_tokens::table
            .filter(api_tokens::user_id.eq(W(user_id)))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(Some(at)))
    .execute(conn)?)
}

pub fn replace_recovery_codes(
    conn: &mut DbConn,
    user_id: &str,
    codes: &[RecoveryCode],
) -> Result<(), DbError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(W(user_id))))
        .execute(conn)?;
    // One by one: diesel's multi-backend connection has no batch insert.
    for code in codes {
        diesel::insert_into(recovery_codes::table)
            .values(code.clone())
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete_recovery_codes(conn: &mut DbConn, user_id: &str) -> Result<(), DbError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(W(user_id))))
        .execute(conn)?;
    Ok(())
}

/// Uses up an unused recovery code; false when there is none with this hash. The update
/// itself is the check, so two simultaneous uses cannot both succeed.
pub fn use_recovery_code(
    conn: &mut DbConn,
    user_id: &str,
    code_hash: &str,
    at: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(W(user_id)))
            .filter(recovery_codes::code_hash.eq(code_hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(Some(at)))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn unused_recovery_codes(conn: &mut DbConn, user_id: &str) -> Result<i64, DbError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(W(user_id)))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Staff who can be reminded of deadlines.
pub fn all_active(conn: &mut DbConn) -> Result<Vec<User>, DbError> {
    Ok(list(conn)?.into_iter().filter(|u| u.active).collect())
}

/// Staff names by id, for the ids given (timelines show who acted by name).
pub fn names_of(
    conn: &mut DbConn,
    ids: &[steward_domain::UserId],
) -> Result<std::collections::HashMap<steward_domain::UserId, String>, DbError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(users::table
        .filter(users::id.eq_any(ids.iter().map(W)))
        .select((users::id, users::name))
        .load::<(steward_domain::UserId, String)>(conn)?
        .into_iter()
        .collect())
}

/// How many staff accounts and requests the database holds (the demo refuses a database in
/// real use).
pub fn counts(conn: &mut DbConn) -> Result<(i64, i64), DbError> {
    use super::schema::requests;
    let staff = users::table.count().get_result(conn)?;
    let requests = requests::table.count().get_result(conn)?;
    Ok((staff, requests))
}
