//! Staff accounts and sign-in, for the web layer: each call runs the `auth` core on the
//! blocking pool, so handlers never hold a database connection themselves.

use askama::Template;

use super::services::Services;
use crate::auth::account::{self, ReviewLine};
use crate::auth::{self, AuthError, Pending, SessionState, Staff, mfa};
use steward_db::models::User;
use steward_db::{DbConn, users};
use steward_domain::{EmailAddress, Role, UserId};

async fn run<T: Send + 'static>(
    svc: &Services,
    f: impl FnOnce(&mut DbConn) -> Result<T, AuthError> + Send + 'static,
) -> Result<T, AuthError> {
    svc.db.run(f).await
}

/// Password step of sign-in: a half-signed-in session token. `client` (the caller's
/// address) keys the failure count, so guesses from elsewhere never lock the owner out.
pub async fn login(
    svc: &Services,
    email: String,
    password: String,
    client: String,
) -> Result<String, AuthError> {
    run(svc, move |c| auth::login(c, &email, &password, &client)).await
}

pub async fn logout(svc: &Services, staff: Staff) -> Result<(), AuthError> {
    run(svc, move |c| Ok(auth::logout(c, &staff)?)).await
}

pub async fn session_state(svc: &Services, token: String) -> Result<SessionState, AuthError> {
    run(svc, move |c| Ok(auth::session_state(c, &token)?)).await
}

pub async fn token_staff(svc: &Services, token: String) -> Result<Option<Staff>, AuthError> {
    run(svc, move |c| Ok(auth::token_staff(c, &token)?)).await
}

pub async fn begin_enrolment(svc: &Services, p: Pending) -> Result<mfa::Enrolment, AuthError> {
    let keys = svc.keys.clone();
    run(svc, move |c| auth::begin_enrolment(c, &keys, &p)).await
}

pub async fn confirm_enrolment(
    svc: &Services,
    token: String,
    code: String,
    client: String,
) -> Result<(String, Vec<String>), AuthError> {
    let keys = svc.keys.clone();
    run(svc, move |c| {
        auth::confirm_enrolment(c, &keys, &token, &code, &client)
    })
    .await
}

pub async fn second_factor(
    svc: &Services,
    token: String,
    code: String,
    client: String,
) -> Result<String, AuthError> {
    let keys = svc.keys.clone();
    run(svc, move |c| {
        auth::second_factor(c, &keys, &token, &code, &client)
    })
    .await
}

pub async fn user_for_setup(svc: &Services, token: String) -> Result<User, AuthError> {
    run(svc, move |c| auth::user_for_setup(c, &token)).await
}

pub async fn complete_setup(
    svc: &Services,
    token: String,
    password: String,
) -> Result<(), AuthError> {
    run(svc, move |c| auth::complete_setup(c, &token, &password)).await
}

/// An invitation: the new user and their one-time setup token.
/// Creates a staff account and emails its set-up link. `Ok(false)`: the account exists but
/// the email could not be sent (the administrator is told to pass the link on another way).
pub async fn invite(
    svc: &Services,
    by: &Staff,
    email: EmailAddress,
    name: String,
    role: Role,
) -> Result<bool, AuthError> {
    let actor = by.actor();
    let to = email.clone();
    let (user, token) = run(svc, move |c| {
        auth::create_user(c, &email, &name, role, None, &actor)
    })
    .await?;
    let token = token.expect("no password given, so a setup token");
    let base = &svc.config.base_url;
    let body = match (super::notices::InviteEmail {
        name: &user.name,
        invited_by: &by.user.name,
        role: role.label(),
        setup_url: &format!("{base}/console/setup/{token}"),
        login_url: &format!("{base}/console/login"),
    }
    .render())
    {
        Ok(body) => body,
        Err(e) => {
            tracing::error!("invitation email: {e}");
            return Ok(false);
        }
    };
    let sent = svc
        .send_mail(crate::mail::Outgoing {
            to,
            subject: "Your Steward staff account".into(),
            body,
        })
        .await;
    if let Err(e) = &sent {
        tracing::error!("invitation email: {e}");
    }
    Ok(sent.is_ok())
}

pub async fn change_password(
    svc: &Services,
    staff: Staff,
    current: String,
    new_password: String,
) -> Result<(), AuthError> {
    run(svc, move |c| {
        account::change_password(c, &staff, &current, &new_password)
    })
    .await
}

pub async fn regenerate_recovery_codes(
    svc: &Services,
    staff: Staff,
    code: String,
) -> Result<Vec<String>, AuthError> {
    let keys = svc.keys.clone();
    run(svc, move |c| {
        account::regenerate_recovery_codes(c, &keys, &staff, &code)
    })
    .await
}

pub async fn recovery_codes_left(svc: &Services, user_id: UserId) -> Result<i64, AuthError> {
    run(svc, move |c| Ok(users::unused_recovery_codes(c, &user_id)?)).await
}

/// An API token as its lists show it; never the token itself.
#[derive(Debug, Clone)]
pub struct TokenLine {
    pub id: String,
    pub owner: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub expires: String,
}

/// Live API tokens: one user's, or everyone's (`None`).
pub async fn tokens(svc: &Services, user_id: Option<UserId>) -> Result<Vec<TokenLine>, AuthError> {
    let fmt = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let rows = run(svc, move |c| Ok(users::live_tokens(c, user_id.as_deref())?)).await?;
    Ok(rows
        .into_iter()
        .map(|(t, owner)| TokenLine {
            id: t.id,
            owner,
            name: t.name,
            created: fmt(t.created_at),
            last_used: t.last_used_at.map(fmt).unwrap_or_else(|| "never".into()),
            expires: t.expires_at.map(fmt).unwrap_or_default(),
        })
        .collect())
}

pub async fn revoke_token(svc: &Services, by: Staff, token_id: String) -> Result<(), AuthError> {
    run(svc, move |c| account::revoke_token(c, &by, &token_id)).await
}

pub async fn end_all_sessions(svc: &Services, staff: Staff) -> Result<(), AuthError> {
    run(svc, move |c| Ok(account::end_all_sessions(c, &staff)?)).await
}

/// What an administrator does to another account.
#[derive(Debug, Clone, Copy)]
pub enum AccountChange {
    Role(Role),
    Deactivate,
    Reactivate,
    ResetMfa,
}

pub async fn change_account(
    svc: &Services,
    by: Staff,
    user_id: UserId,
    change: AccountChange,
) -> Result<User, AuthError> {
    run(svc, move |c| match change {
        AccountChange::Role(role) => account::set_role(c, &by, &user_id, role),
        AccountChange::Deactivate => account::set_active(c, &by, &user_id, false),
        AccountChange::Reactivate => account::set_active(c, &by, &user_id, true),
        AccountChange::ResetMfa => account::reset_mfa(c, &by, &user_id),
    })
    .await
}

pub async fn access_review(svc: &Services) -> Result<Vec<ReviewLine>, AuthError> {
    run(svc, |c| Ok(account::access_review(c)?)).await
}
