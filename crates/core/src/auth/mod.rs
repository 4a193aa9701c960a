//! Staff authentication: passwords, sessions and API tokens. Everything secret is random
//! from the OS and stored only as a hash.

pub mod account;
mod error;
pub mod mfa;
pub mod password;

pub use error::AuthError;

use chrono::{Duration, NaiveDateTime};

use crate::audit::{self, Actor};
use steward_db::crypto::{Keys, hash_token, new_token};
use steward_db::models::{ApiToken, RecoveryCode, Session, User};
use steward_db::{self as db, DbConn, DbError, users};
use steward_domain::{Role, UserId};

pub const SESSION_IDLE: Duration = Duration::minutes(30);
pub const SESSION_ABSOLUTE: Duration = Duration::hours(12);
pub const SETUP_LINK_VALID: Duration = Duration::hours(72);
const LOCK_AFTER_FAILURES: i32 = 5;
const MAX_LOCK_MINUTES: i64 = 60;

/// A signed-in staff member, as every console handler and API handler sees them.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    pub role: Role,
    /// Set for browser sessions; API tokens have no session or CSRF token.
    pub session: Option<SessionKeys>,
}

#[derive(Debug, Clone)]
pub struct SessionKeys {
    pub token_hash: String,
    pub csrf: String,
}

impl Staff {
    pub fn actor(&self) -> Actor {
        Actor::Staff {
            id: self.user.id.clone(),
        }
    }

    fn from_user(user: User, session: Option<SessionKeys>) -> Option<Staff> {
        let role = user.role;
        user.active.then_some(Staff {
            user,
            role,
            session,
        })
    }
}

/// What a live session cookie stands for.
#[derive(Debug, Clone)]
pub enum SessionState {
    /// No session, or an expired one, or one of an inactive user.
    None,
    /// Password checked, second factor not yet given: opens only the second-factor pages.
    Pending(Pending),
    /// A full console session.
    Full(Staff),
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub session: Session,
    pub user: User,
}

impl Pending {
    pub fn enrolled(&self) -> bool {
        self.user.totp_secret_enc.is_some()
    }
}

/// A half-signed-in session lasts this long: enough to open an authenticator app.
pub const PENDING_VALID: Duration = Duration::minutes(10);

/// The failures and lock of this account from this client, onto the user as loaded: a
/// stranger's guesses from elsewhere neither count nor lock here.
fn load_failures(c: &mut DbConn, user: &mut User, client: &str) -> Result<(), DbError> {
    let (failures, locked_until) = users::client_failures(c, &user.id, client)?;
    user.failed_logins = failures;
    user.locked_until = locked_until;
    Ok(())
}

/// Counts a failure of this account from this client, with back-off once they pile up. The
/// count is kept in the database (`failures + 1`), so guesses sent at the same moment are
/// each counted. The audit log gets the first failure and each lock, not every guess.
fn failure(
    c: &mut DbConn,
    user: &mut User,
    client: &str,
    now: NaiveDateTime,
    action: &str,
) -> Result<(), DbError> {
    let (failures, locked_until) = users::add_client_failure(c, &user.id, client)?;
    user.failed_logins = failures;
    user.locked_until = locked_until;
    let locked = locked_until.is_some_and(|t| t > now);
    let mut lock_started = false;
    if !locked && failures >= LOCK_AFTER_FAILURES {
        let exp = (failures - LOCK_AFTER_FAILURES).min(6) as u32;
        let minutes = 2i64.pow(exp).min(MAX_LOCK_MINUTES);
        let until = now + Duration::minutes(minutes);
        users::lock_client(c, &user.id, client, until)?;
        user.locked_until = Some(until);
        lock_started = true;
    }
    if failures != 1 && !lock_started {
        return Ok(());
    }
    let detail = serde_json::json!({"locked": user.locked_until.is_some_and(|t| t > now), "failures": user.failed_logins});
    audit::record(
        c,
        &Actor::Staff {
            id: user.id.clone(),
        },
        action,
        &format!("user:{}", user.id),
        detail,
    )
}

fn new_session(c: &mut DbConn, user_id: &UserId, mfa_verified: bool) -> Result<String, DbError> {
    let now = db::now();
    let token = new_token();
    users::insert_session(
        c,
        &Session {
            token_hash: hash_token(&token),
            user_id: user_id.clone(),
            csrf_token: new_token(),
            created_at: now,
            last_seen_at: now,
            mfa_verified,
            totp_pending_enc: None,
        },
    )?;
    Ok(token)
}

/// Checks the password (first factor) with lockout and back-off, and opens a half-signed-in
/// session for the second factor. Returns the session token to put in the cookie. Failed
/// passwords and failed second factors count against the same lockout, and the counter is
/// reset only by a complete sign-in, so knowing the password does not buy code guesses.
pub fn login(
    conn: &mut DbConn,
    email: &str,
    password_given: &str,
    client: &str,
) -> Result<String, AuthError> {
    let now = db::now();
    let Some(mut user) = users::find_by_email(conn, email)? else {
        password::verify_dummy(password_given);
        return Err(AuthError::BadCredentials);
    };
    load_failures(conn, &mut user, client)?;
    let locked = user.locked_until.is_some_and(|t| t > now);
    let ok = match &user.password_hash {
        Some(h) => password::verify(h, password_given),
        None => {
            password::verify_dummy(password_given);
            false
        }
    };
    db::write_tx(conn, |c| {
        if !ok || locked || !user.active {
            failure(c, &mut user, client, now, "login.failed")?;
            return Ok::<_, AuthError>(Err(AuthError::BadCredentials));
        }
        let token = new_session(c, &user.id, false)?;
        audit::record(
            c,
            &Actor::Staff {
                id: user.id.clone(),
            },
            "login.password_ok",
            &format!("user:{}", user.id),
            serde_json::json!({"mfa": if user.totp_secret_enc.is_some() {"code"} else {"enrolment"}}),
        )?;
        Ok(Ok(token))
    })?
}

/// The state behind a session cookie; touching a live session extends its idle window.
pub fn session_state(conn: &mut DbConn, token: &str) -> Result<SessionState, DbError> {
    let hash = hash_token(token);
    let Some((session, user)) = users::find_session(conn, &hash)? else {
        return Ok(SessionState::None);
    };
    let now = db::now();
    if expired(&session, now) || !user.active {
        users::delete_session(conn, &hash)?;
        return Ok(SessionState::None);
    }
    if !session.mfa_verified {
        return Ok(SessionState::Pending(Pending { session, user }));
    }
    // Writing on every click costs a write lock; a minute's granularity is plenty.
    if now - session.last_seen_at > Duration::minutes(1) {
        users::touch_session(conn, &hash, now)?;
    }
    Ok(Staff::from_user(
        user,
        Some(SessionKeys {
            token_hash: hash,
            csrf: session.csrf_token,
        }),
    )
    .map_or(SessionState::None, SessionState::Full))
}

/// The staff member behind a full session cookie (second factor done), if any.
pub fn session_staff(conn: &mut DbConn, token: &str) -> Result<Option<Staff>, DbError> {
    Ok(match session_state(conn, token)? {
        SessionState::Full(s) => Some(s),
        _ => None,
    })
}

fn expired(s: &Session, now: NaiveDateTime) -> bool {
    now - s.last_seen_at > SESSION_IDLE
        || now - s.created_at > SESSION_ABSOLUTE
        || (!s.mfa_verified && now - s.created_at > PENDING_VALID)
}

/// Where an enrolled authenticator secret is sealed.
pub(crate) fn totp_slot(user_id: &str) -> steward_db::crypto::Slot<'_> {
    steward_db::crypto::Slot::new("users", "totp_secret_enc", user_id)
}

/// Where a secret being enrolled is sealed, on its half-signed-in session.
fn pending_slot(token_hash: &str) -> steward_db::crypto::Slot<'_> {
    steward_db::crypto::Slot::new("sessions", "totp_pending_enc", token_hash)
}

/// The secret being enrolled on this half-signed-in session, created on first view. Kept on
/// the session so a reload shows the same QR code.
pub fn begin_enrolment(
    conn: &mut DbConn,
    keys: &Keys,
    pending: &Pending,
) -> Result<mfa::Enrolment, AuthError> {
    let secret = match &pending.session.totp_pending_enc {
        Some(enc) => keys.open(enc, pending_slot(&pending.session.token_hash))?,
        None => {
            let secret = mfa::new_secret();
            users::set_pending_totp(
                conn,
                &pending.session.token_hash,
                Some(&keys.seal(&secret, pending_slot(&pending.session.token_hash))),
            )?;
            secret
        }
    };
    Ok(mfa::enrolment(&secret, &pending.user.email)?)
}

/// Loads the half-signed-in session inside the transaction, so two submissions cannot both
/// pass it.
fn pending_in_tx(c: &mut DbConn, token: &str) -> Result<(Session, User), AuthError> {
    let (session, user) =
        users::find_session(c, &hash_token(token))?.ok_or(AuthError::SignInAgain)?;
    let now = db::now();
    if session.mfa_verified || expired(&session, now) || !user.active {
        return Err(AuthError::SignInAgain);
    }
    Ok((session, user))
}

/// Records a failed code: counts towards lockout; a lockout ends the half-signed-in session.
fn code_failed(
    c: &mut DbConn,
    user: &mut User,
    token: &str,
    client: &str,
) -> Result<AuthError, AuthError> {
    let now = db::now();
    failure(c, user, client, now, "login.mfa_failed")?;
    if user.locked_until.is_some_and(|t| t > now) {
        users::delete_session(c, &hash_token(token))?;
    }
    Ok(AuthError::BadCode)
}

fn complete_login(
    c: &mut DbConn,
    user: &mut User,
    method: &str,
    client: &str,
) -> Result<String, DbError> {
    let now = db::now();
    users::set_client_failures(c, &user.id, client, 0, None)?;
    user.failed_logins = 0;
    user.locked_until = None;
    user.last_login_at = Some(now);
    users::save(c, user)?;
    let token = new_session(c, &user.id, true)?;
    audit::record(
        c,
        &Actor::Staff {
            id: user.id.clone(),
        },
        "login",
        &format!("user:{}", user.id),
        serde_json::json!({"mfa": method}),
    )?;
    Ok(token)
}

/// Confirms enrolment with a first code: stores the secret (encrypted), issues recovery codes
/// (returned once, stored keyed-hashed), ends every other session of the user, and replaces the
/// half-signed-in session by a full one with a new token (no session fixation).
pub fn confirm_enrolment(
    conn: &mut DbConn,
    keys: &Keys,
    token: &str,
    code: &str,
    client: &str,
) -> Result<(String, Vec<String>), AuthError> {
    // Failures return Ok(Err(..)) so the transaction commits the failure count.
    db::write_tx(conn, |c| {
        let (session, mut user) = pending_in_tx(c, token)?;
        load_failures(c, &mut user, client)?;
        let now = db::now();
        let enc = session
            .totp_pending_enc
            .clone()
            .ok_or(AuthError::SignInAgain)?;
        if user.totp_secret_enc.is_some() || user.locked_until.is_some_and(|t| t > now) {
            return Ok(Err(code_failed(c, &mut user, token, client)?));
        }
        let secret = keys.open(&enc, pending_slot(&session.token_hash))?;
        let Some(step) = mfa::accept(&secret, code, mfa::now_seconds(), None)? else {
            return Ok(Err(code_failed(c, &mut user, token, client)?));
        };
        user.totp_secret_enc = Some(keys.seal(&secret, totp_slot(&user.id)));
        user.totp_enabled_at = Some(now);
        user.totp_last_step = Some(step);
        let codes = store_recovery_codes(c, keys, &user.id)?;
        users::delete_sessions_of(c, &user.id, None)?;
        audit::record(
            c,
            &Actor::Staff {
                id: user.id.clone(),
            },
            "mfa.enrolled",
            &format!("user:{}", user.id),
            serde_json::json!({"recovery_codes": codes.len()}),
        )?;
        let token = complete_login(c, &mut user, "totp_enrolment", client)?;
        Ok::<_, AuthError>(Ok((token, codes)))
    })?
}

fn store_recovery_codes(
    c: &mut DbConn,
    keys: &Keys,
    user_id: &UserId,
) -> Result<Vec<String>, DbError> {
    let now = db::now();
    let codes = mfa::new_recovery_codes();
    let rows: Vec<RecoveryCode> = codes
        .iter()
        .map(|code| RecoveryCode {
            id: db::new_id(),
            user_id: user_id.clone(),
            code_hash: keys.recovery_code_hash(user_id, &mfa::normalise_code(code)),
            created_at: now,
            used_at: None,
        })
        .collect();
    users::replace_recovery_codes(c, user_id, &rows)?;
    Ok(codes)
}

/// The second factor of an enrolled user: a TOTP code (each time step accepted once) or an
/// unused recovery code (then spent). Success replaces the half-signed-in session by a full
/// one with a new token.
pub fn second_factor(
    conn: &mut DbConn,
    keys: &Keys,
    token: &str,
    code: &str,
    client: &str,
) -> Result<String, AuthError> {
    // Failures return Ok(Err(..)) so the transaction commits the failure count.
    db::write_tx(conn, |c| {
        let (_, mut user) = pending_in_tx(c, token)?;
        load_failures(c, &mut user, client)?;
        let now = db::now();
        let Some(enc) = user.totp_secret_enc.clone() else {
            return Err(AuthError::SignInAgain);
        };
        if user.locked_until.is_some_and(|t| t > now) {
            return Ok(Err(code_failed(c, &mut user, token, client)?));
        }
        let method = if mfa::looks_like_totp(code) {
            let secret = keys.open(&enc, totp_slot(&user.id))?;
            match mfa::accept(&secret, code, mfa::now_seconds(), user.totp_last_step)? {
                Some(step) => {
                    user.totp_last_step = Some(step);
                    "totp"
                }
                None => return Ok(Err(code_failed(c, &mut user, token, client)?)),
            }
        } else {
            let hash = keys.recovery_code_hash(&user.id, &mfa::normalise_code(code));
            if !users::use_recovery_code(c, &user.id, &hash, now)? {
                return Ok(Err(code_failed(c, &mut user, token, client)?));
            }
            let left = users::unused_recovery_codes(c, &user.id)?;
            audit::record(
                c,
                &Actor::Staff {
                    id: user.id.clone(),
                },
                "mfa.recovery_code_used",
                &format!("user:{}", user.id),
                serde_json::json!({"remaining": left}),
            )?;
            "recovery_code"
        };
        users::delete_session(c, &hash_token(token))?;
        let token = complete_login(c, &mut user, method, client)?;
        Ok::<_, AuthError>(Ok(token))
    })?
}

/// Ends the session of a half-signed-in user who gives up (or the pending session is stale).
pub fn abandon_pending(conn: &mut DbConn, token: &str) -> Result<(), DbError> {
    users::delete_session(conn, &hash_token(token))
}

pub fn logout(conn: &mut DbConn, staff: &Staff) -> Result<(), DbError> {
    if let Some(s) = &staff.session {
        db::write_tx(conn, |c| {
            users::delete_session(c, &s.token_hash)?;
            audit::record(
                c,
                &staff.actor(),
                "logout",
                &format!("user:{}", staff.user.id),
                serde_json::json!({}),
            )
        })?;
    }
    Ok(())
}

pub fn token_staff(conn: &mut DbConn, token: &str) -> Result<Option<Staff>, DbError> {
    let Some((t, user)) = users::find_token(conn, &hash_token(token))? else {
        return Ok(None);
    };
    let now = db::now();
    if t.last_used_at
        .is_none_or(|at| now - at > Duration::minutes(1))
    {
        users::touch_token(conn, &t.id, now)?;
    }
    Ok(Staff::from_user(user, None))
}

/// Creates a staff API token and returns it; it is shown once and stored only as a hash.
/// How long an API token works unless another lifetime is asked for.
pub const TOKEN_DAYS: i64 = 90;

pub fn create_token(
    conn: &mut DbConn,
    user: &User,
    name: &str,
    days: i64,
) -> Result<String, DbError> {
    let token = format!("stw_{}", new_token());
    db::write_tx(conn, |c| {
        let id: String = db::new_id();
        users::insert_token(
            c,
            &ApiToken {
                id: id.clone(),
                user_id: user.id.clone(),
                name: name.to_string(),
                token_hash: hash_token(&token),
                created_at: db::now(),
                last_used_at: None,
                revoked_at: None,
                expires_at: Some(db::now() + Duration::days(days)),
            },
        )?;
        audit::record(
            c,
            &Actor::System,
            "token.created",
            &format!("user:{}", user.id),
            serde_json::json!({"token": id, "days": days}),
        )
    })?;
    Ok(token)
}

/// Creates a staff user. Without a password, returns a one-time setup token (72 h).
pub fn create_user(
    conn: &mut DbConn,
    email: &steward_domain::EmailAddress,
    name: &str,
    role: Role,
    password_given: Option<&str>,
    actor: &Actor,
) -> Result<(User, Option<String>), AuthError> {
    if let Some(p) = password_given {
        password::check_policy(p)?;
    }
    let setup = password_given.is_none().then(new_token);
    let now = db::now();
    let user = User {
        id: db::new_id(),
        email: email.normalised(),
        name: name.to_string(),
        role,
        password_hash: password_given.map(password::hash),
        active: true,
        failed_logins: 0,
        locked_until: None,
        last_login_at: None,
        setup_token_hash: setup.as_deref().map(hash_token),
        setup_expires_at: setup.as_ref().map(|_| now + SETUP_LINK_VALID),
        created_at: now,
        totp_secret_enc: None,
        totp_enabled_at: None,
        totp_last_step: None,
    };
    db::write_tx(conn, |c| {
        if users::find_by_email(c, &user.email)?.is_some() {
            return Err(AuthError::UserExists);
        }
        users::insert(c, &user)?;
        audit::record(
            c,
            actor,
            "user.created",
            &format!("user:{}", user.id),
            serde_json::json!({"role": role.as_str()}),
        )?;
        Ok(())
    })?;
    Ok((user, setup))
}

/// Gives a new account an authenticator secret without the enrolment page: only for
/// `steward demo`, whose accounts are printed with their secrets so a newcomer can sign in as
/// each role at once. Answers the secret (base32) for the printout.
pub fn preset_authenticator(
    conn: &mut DbConn,
    keys: &Keys,
    user_id: &str,
) -> Result<String, AuthError> {
    let secret = mfa::new_secret();
    db::write_tx(conn, |c| {
        let mut user = users::find(c, user_id)?.ok_or(AuthError::NoSuchUser)?;
        if user.totp_secret_enc.is_some() {
            return Err(AuthError::UserExists);
        }
        user.totp_secret_enc = Some(keys.seal(&secret, totp_slot(&user.id)));
        user.totp_enabled_at = Some(db::now());
        users::save(c, &user)?;
        store_recovery_codes(c, keys, &user.id)?;
        audit::record(
            c,
            &Actor::System,
            "mfa.enrolled",
            &format!("user:{}", user.id),
            serde_json::json!({"by": "steward demo"}),
        )?;
        Ok(())
    })?;
    Ok(secret)
}

pub fn user_for_setup(conn: &mut DbConn, token: &str) -> Result<User, AuthError> {
    let user =
        users::find_by_setup_token(conn, &hash_token(token))?.ok_or(AuthError::InvalidSetupLink)?;
    if user.setup_expires_at.is_none_or(|t| t < db::now()) || !user.active {
        return Err(AuthError::InvalidSetupLink);
    }
    Ok(user)
}

/// Sets the first password from a setup link; the link then stops working.
pub fn complete_setup(conn: &mut DbConn, token: &str, new_password: &str) -> Result<(), AuthError> {
    db::write_tx(conn, |c| {
        let mut user = user_for_setup(c, token)?;
        password::check_policy(new_password)?;
        user.password_hash = Some(password::hash(new_password));
        user.setup_token_hash = None;
        user.setup_expires_at = None;
        users::save(c, &user)?;
        users::delete_sessions_of(c, &user.id, None)?;
        audit::record(
            c,
            &Actor::Staff {
                id: user.id.clone(),
            },
            "user.password_set",
            &format!("user:{}", user.id),
            serde_json::json!({}),
        )?;
        Ok(())
    })
}
