//! Staff authentication: passwords, sessions and API tokens. Everything secret is random
//! from the OS and stored only as a hash.

pub mod password;

use chrono::{Duration, NaiveDateTime};

use crate::audit::{self, Actor};
use crate::crypto::{hash_token, new_token};
use crate::db::models::{ApiToken, Session, User};
use crate::db::{self, DbConn, DbError, users};
use crate::domain::Role;

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
        let role = Role::parse(&user.role).ok()?;
        user.active.then_some(Staff {
            user,
            role,
            session,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// One message for unknown account, wrong password, inactive or locked account.
    #[error("email or password is not right, or the account is locked for a while")]
    BadCredentials,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AuthError {
    fn from(e: diesel::result::Error) -> Self {
        AuthError::Db(e.into())
    }
}

/// Checks a password with lockout and back-off, and opens a session. Returns the session
/// token to put in the cookie.
pub fn login(
    conn: &mut DbConn,
    email: &str,
    password_given: &str,
) -> Result<(String, Staff), AuthError> {
    let now = db::now();
    let Some(mut user) = users::find_by_email(conn, email)? else {
        password::verify_dummy(password_given);
        return Err(AuthError::BadCredentials);
    };
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
            if !locked {
                user.failed_logins += 1;
                if user.failed_logins >= LOCK_AFTER_FAILURES {
                    let exp = (user.failed_logins - LOCK_AFTER_FAILURES).min(6) as u32;
                    let minutes = 2i64.pow(exp).min(MAX_LOCK_MINUTES);
                    user.locked_until = Some(now + Duration::minutes(minutes));
                }
            }
            users::save(c, &user)?;
            let detail = serde_json::json!({"locked": user.locked_until.is_some_and(|t| t > now), "failures": user.failed_logins});
            audit::record(
                c,
                &Actor::Staff {
                    id: user.id.clone(),
                },
                "login.failed",
                &format!("user:{}", user.id),
                detail,
            )?;
            return Ok::<_, AuthError>(Err(AuthError::BadCredentials));
        }
        user.failed_logins = 0;
        user.locked_until = None;
        user.last_login_at = Some(now);
        users::save(c, &user)?;
        let token = new_token();
        let keys = SessionKeys {
            token_hash: hash_token(&token),
            csrf: new_token(),
        };
        users::insert_session(
            c,
            &Session {
                token_hash: keys.token_hash.clone(),
                user_id: user.id.clone(),
                csrf_token: keys.csrf.clone(),
                created_at: now,
                last_seen_at: now,
            },
        )?;
        audit::record(
            c,
            &Actor::Staff {
                id: user.id.clone(),
            },
            "login",
            &format!("user:{}", user.id),
            serde_json::json!({}),
        )?;
        let staff = Staff::from_user(user.clone(), Some(keys)).ok_or(AuthError::BadCredentials)?;
        Ok(Ok((token, staff)))
    })?
}

/// The staff member behind a session cookie, if the session is live; touching it extends
/// the idle window.
pub fn session_staff(conn: &mut DbConn, token: &str) -> Result<Option<Staff>, DbError> {
    let hash = hash_token(token);
    let Some((session, user)) = users::find_session(conn, &hash)? else {
        return Ok(None);
    };
    let now = db::now();
    if expired(&session, now) {
        users::delete_session(conn, &hash)?;
        return Ok(None);
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
    ))
}

fn expired(s: &Session, now: NaiveDateTime) -> bool {
    now - s.last_seen_at > SESSION_IDLE || now - s.created_at > SESSION_ABSOLUTE
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
pub fn create_token(conn: &mut DbConn, user: &User, name: &str) -> Result<String, DbError> {
    let token = format!("stw_{}", new_token());
    db::write_tx(conn, |c| {
        let id = db::new_id();
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
            },
        )?;
        audit::record(
            c,
            &Actor::System,
            "token.created",
            &format!("user:{}", user.id),
            serde_json::json!({"token": id}),
        )
    })?;
    Ok(token)
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("a user with this email already exists")]
    Exists,
    #[error("password {0}")]
    Password(#[from] password::PasswordError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for CreateUserError {
    fn from(e: diesel::result::Error) -> Self {
        CreateUserError::Db(e.into())
    }
}

/// Creates a staff user. Without a password, returns a one-time setup token (72 h).
pub fn create_user(
    conn: &mut DbConn,
    email: &crate::domain::EmailAddress,
    name: &str,
    role: Role,
    password_given: Option<&str>,
    actor: &Actor,
) -> Result<(User, Option<String>), CreateUserError> {
    if let Some(p) = password_given {
        password::check_policy(p)?;
    }
    let setup = password_given.is_none().then(new_token);
    let now = db::now();
    let user = User {
        id: db::new_id(),
        email: email.normalised(),
        name: name.to_string(),
        role: role.as_str().into(),
        password_hash: password_given.map(password::hash),
        active: true,
        failed_logins: 0,
        locked_until: None,
        last_login_at: None,
        setup_token_hash: setup.as_deref().map(hash_token),
        setup_expires_at: setup.as_ref().map(|_| now + SETUP_LINK_VALID),
        created_at: now,
    };
    db::write_tx(conn, |c| {
        if users::find_by_email(c, &user.email)?.is_some() {
            return Err(CreateUserError::Exists);
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

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("this setup link is not valid or has expired; ask an administrator for a new one")]
    InvalidLink,
    #[error("password {0}")]
    Password(#[from] password::PasswordError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SetupError {
    fn from(e: diesel::result::Error) -> Self {
        SetupError::Db(e.into())
    }
}

pub fn user_for_setup(conn: &mut DbConn, token: &str) -> Result<User, SetupError> {
    let user =
        users::find_by_setup_token(conn, &hash_token(token))?.ok_or(SetupError::InvalidLink)?;
    if user.setup_expires_at.is_none_or(|t| t < db::now()) || !user.active {
        return Err(SetupError::InvalidLink);
    }
    Ok(user)
}

/// Sets the first password from a setup link; the link then stops working.
pub fn complete_setup(
    conn: &mut DbConn,
    token: &str,
    new_password: &str,
) -> Result<(), SetupError> {
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
