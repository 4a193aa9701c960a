//! Changes to staff accounts, by their owner (password, recovery codes, sign out everywhere)
//! or by an administrator (role, deactivation, second-factor reset). Every change that alters
//! what a user can do ends that user's other sessions and is audited in the same transaction.

use super::{AuthError, Keys, Staff, mfa, password, store_recovery_codes};
use crate::audit;
use steward_db::models::User;
use steward_db::{self as db, DbConn, DbError, users};
use steward_domain::Role;
use steward_domain::UserId;

fn target(user_id: &str) -> String {
    format!("user:{user_id}")
}

fn current_session(staff: &Staff) -> Option<&str> {
    staff.session.as_ref().map(|s| s.token_hash.as_str())
}

/// The owner changes their password: the current one is asked again, and every other session
/// of theirs ends (this one stays, so they are not thrown out of the page they are on).
use super::totp_slot;

pub fn change_password(
    conn: &mut DbConn,
    staff: &Staff,
    current: &str,
    new_password: &str,
) -> Result<(), AuthError> {
    let mut user = users::find(conn, &staff.user.id)?.ok_or(AuthError::NoSuchUser)?;
    let ok = user
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(h, current));
    if !ok {
        return Err(AuthError::WrongPassword);
    }
    password::check_policy(new_password)?;
    user.password_hash = Some(password::hash(new_password));
    db::write_tx(conn, |c| {
        users::save(c, &user)?;
        users::delete_sessions_of(c, &user.id, current_session(staff))?;
        let revoked = users::revoke_tokens_of(c, &user.id, db::now())?;
        audit::record(
            c,
            &staff.actor(),
            "user.password_changed",
            &target(&user.id),
            serde_json::json!({"other_sessions_ended": true, "tokens_revoked": revoked}),
        )?;
        Ok(())
    })
}

/// "Sign out everywhere": every session of the user ends, this one included.
pub fn end_all_sessions(conn: &mut DbConn, staff: &Staff) -> Result<(), DbError> {
    db::write_tx(conn, |c| {
        users::delete_sessions_of(c, &staff.user.id, None)?;
        audit::record(
            c,
            &staff.actor(),
            "sessions.ended_all",
            &target(&staff.user.id),
            serde_json::json!({}),
        )
    })
}

/// New recovery codes (the old ones stop working), after a current TOTP code proves the
/// authenticator is at hand. An MFA change: other sessions end.
pub fn regenerate_recovery_codes(
    conn: &mut DbConn,
    keys: &Keys,
    staff: &Staff,
    code: &str,
) -> Result<Vec<String>, AuthError> {
    db::write_tx(conn, |c| {
        let mut user = users::find(c, &staff.user.id)?.ok_or(AuthError::NoSuchUser)?;
        let secret = keys.open(
            user.totp_secret_enc
                .as_deref()
                .ok_or(AuthError::WrongCode)?,
            totp_slot(&user.id),
        )?;
        let step = mfa::accept(&secret, code, mfa::now_seconds(), user.totp_last_step)?
            .ok_or(AuthError::WrongCode)?;
        user.totp_last_step = Some(step);
        users::save(c, &user)?;
        let codes = store_recovery_codes(c, keys, &user.id)?;
        users::delete_sessions_of(c, &user.id, current_session(staff))?;
        audit::record(
            c,
            &staff.actor(),
            "mfa.recovery_codes_regenerated",
            &target(&user.id),
            serde_json::json!({"recovery_codes": codes.len()}),
        )?;
        Ok(codes)
    })
}

/// Keeps at least one active administrator.
fn guard_last_admin(c: &mut DbConn, user: &User, still_admin: bool) -> Result<(), AuthError> {
    let is_active_admin = user.active && user.role == Role::Admin;
    if is_active_admin && !still_admin && users::count_active_admins(c)? <= 1 {
        return Err(AuthError::LastAdmin);
    }
    Ok(())
}

/// An administrator changes a user's role. The user's sessions end (except the acting
/// session, when admins change their own role); API tokens act with the new role at once
/// because they re-read the user on every call.
pub fn set_role(
    conn: &mut DbConn,
    by: &Staff,
    user_id: &str,
    role: Role,
) -> Result<User, AuthError> {
    db::write_tx(conn, |c| {
        let mut user = users::find(c, user_id)?.ok_or(AuthError::NoSuchUser)?;
        if user.role == role {
            return Ok(user);
        }
        guard_last_admin(c, &user, role == Role::Admin)?;
        let from = std::mem::replace(&mut user.role, role);
        users::save(c, &user)?;
        users::delete_sessions_of(c, &user.id, current_session(by))?;
        audit::record(
            c,
            &by.actor(),
            "user.role_changed",
            &target(&user.id),
            serde_json::json!({"from": from, "to": role.as_str()}),
        )?;
        Ok(user)
    })
}

/// Deactivation ends every session and revokes every API token of the user; reactivation
/// does not bring either back.
pub fn set_active(
    conn: &mut DbConn,
    by: &Staff,
    user_id: &str,
    active: bool,
) -> Result<User, AuthError> {
    db::write_tx(conn, |c| {
        let mut user = users::find(c, user_id)?.ok_or(AuthError::NoSuchUser)?;
        if user.active == active {
            return Ok(user);
        }
        if !active {
            guard_last_admin(c, &user, false)?;
        }
        user.active = active;
        users::save(c, &user)?;
        let mut revoked = 0;
        if !active {
            users::delete_sessions_of(c, &user.id, None)?;
            revoked = users::revoke_tokens_of(c, &user.id, db::now())?;
        }
        audit::record(
            c,
            &by.actor(),
            if active {
                "user.reactivated"
            } else {
                "user.deactivated"
            },
            &target(&user.id),
            serde_json::json!({"tokens_revoked": revoked}),
        )?;
        Ok(user)
    })
}

/// An administrator resets a user's second factor (lost phone): the secret and recovery codes
/// are removed, every session of the user ends, and the next sign-in enrols afresh.
pub fn reset_mfa(conn: &mut DbConn, by: &Staff, user_id: &str) -> Result<User, AuthError> {
    db::write_tx(conn, |c| {
        let mut user = users::find(c, user_id)?.ok_or(AuthError::NoSuchUser)?;
        user.totp_secret_enc = None;
        user.totp_enabled_at = None;
        user.totp_last_step = None;
        users::save(c, &user)?;
        users::delete_recovery_codes(c, &user.id)?;
        let keep = (user.id == by.user.id)
            .then(|| current_session(by))
            .flatten();
        users::delete_sessions_of(c, &user.id, keep)?;
        let revoked = users::revoke_tokens_of(c, &user.id, db::now())?;
        audit::record(
            c,
            &by.actor(),
            "mfa.reset",
            &target(&user.id),
            serde_json::json!({"tokens_revoked": revoked}),
        )?;
        Ok(user)
    })
}

/// Revokes one API token: one's own, or anyone's for an administrator. Audited.
pub fn revoke_token(conn: &mut DbConn, by: &Staff, token_id: &str) -> Result<(), AuthError> {
    let own_only = (by.role != Role::Admin).then_some(by.user.id.as_str());
    db::write_tx(conn, |c| {
        if !users::revoke_token(c, token_id, own_only, db::now())? {
            return Err(AuthError::NoSuchToken);
        }
        audit::record(
            c,
            &by.actor(),
            "token.revoked",
            &format!("token:{token_id}"),
            serde_json::json!({}),
        )?;
        Ok(())
    })
}

/// One line of the access review: every account, what it may do, and whether it is protected.
#[derive(Debug, Clone)]
pub struct ReviewLine {
    pub id: UserId,
    pub email: String,
    pub name: String,
    /// As stored; shown verbatim even if it is not a known role, so a review sees it.
    pub role: Role,
    pub active: bool,
    pub last_login_at: Option<chrono::NaiveDateTime>,
    pub mfa_enabled_at: Option<chrono::NaiveDateTime>,
    pub recovery_codes_left: i64,
    pub invited_pending: bool,
    pub created_at: chrono::NaiveDateTime,
}

impl ReviewLine {
    pub fn role_label(&self) -> &'static str {
        self.role.label()
    }

    pub fn mfa_state(&self) -> &'static str {
        match (self.mfa_enabled_at.is_some(), self.recovery_codes_left) {
            (false, _) => "not enrolled",
            (true, 0) => "TOTP, no recovery codes left",
            (true, _) => "TOTP",
        }
    }
}

pub fn access_review(conn: &mut DbConn) -> Result<Vec<ReviewLine>, DbError> {
    let mut out = Vec::new();
    for u in users::list(conn)? {
        let left = users::unused_recovery_codes(conn, &u.id)?;
        out.push(ReviewLine {
            role: u.role,
            id: u.id,
            email: u.email,
            name: u.name,
            active: u.active,
            last_login_at: u.last_login_at,
            mfa_enabled_at: u.totp_enabled_at,
            recovery_codes_left: left,
            invited_pending: u.password_hash.is_none(),
            created_at: u.created_at,
        });
    }
    Ok(out)
}
