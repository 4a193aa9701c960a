//! The signed-in user's own account: password, recovery codes, and signing out everywhere.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::{ConsoleStaff, clear_session_cookie};
use steward_core::auth::AuthError;
use steward_core::workflow::{Services, staff as accounts};
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/account.html")]
struct AccountPage {
    nav: Nav,
    email: String,
    mfa_since: Option<String>,
    codes_left: i64,
    errors: FieldErrors,
    flash: Option<&'static str>,
    new_codes: Vec<String>,
    tokens: Vec<accounts::TokenLine>,
    show_owner: bool,
    revoke_action: &'static str,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountQuery {
    done: String,
}

async fn page(
    svc: &Services,
    staff: &ConsoleStaff,
    errors: FieldErrors,
    flash: Option<&'static str>,
    new_codes: Vec<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let id = staff.0.user.id.clone();
    let left = accounts::recovery_codes_left(svc, id.clone()).await?;
    let tokens = accounts::tokens(svc, Some(id)).await?;
    render(
        status,
        &AccountPage {
            nav: Nav::new(staff, "account"),
            email: staff.0.user.email.clone(),
            mfa_since: staff
                .0
                .user
                .totp_enabled_at
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            codes_left: left,
            errors,
            flash,
            new_codes,
            tokens,
            show_owner: false,
            revoke_action: "/console/account/tokens/revoke",
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf: String,
    token: String,
}

/// Revokes one API token (one's own; anyone's for an administrator) and returns to `back`.
pub(super) async fn revoke_and_return(
    svc: &Services,
    staff: &ConsoleStaff,
    form: &TokenForm,
    back: &str,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    accounts::revoke_token(svc, staff.0.clone(), form.token.clone()).await?;
    Ok(redirect(back))
}

/// Revokes one of one's own API tokens.
pub async fn revoke_token(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, PageError> {
    revoke_and_return(&svc, &staff, &form, "/console/account?done=token").await
}

pub async fn show(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<AccountQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.done.as_str() {
        "password" => Some(
            "Your password was changed. Your other sessions have ended and your API tokens were revoked.",
        ),
        "token" => Some("The API token was revoked."),
        _ => None,
    };
    page(
        &svc,
        &staff,
        FieldErrors::default(),
        flash,
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    csrf: String,
    current: String,
    password: String,
    confirm: String,
}

pub async fn change_password(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    if f.current.is_empty() {
        errors.add("current", "Current password", "is required");
    }
    if let Err(e) = steward_core::auth::password::check_policy(&f.password) {
        errors.add("password", "New password", e);
    } else if f.password != f.confirm {
        errors.add(
            "confirm",
            "Repeat new password",
            "does not match the new password",
        );
    }
    if errors.is_empty() {
        let s = staff.0.clone();
        match accounts::change_password(&svc, s, f.current.clone(), f.password.clone()).await {
            Ok(()) => return Ok(redirect("/console/account?done=password")),
            Err(AuthError::WrongPassword) => {
                errors.add("current", "Current password", "is not right")
            }
            Err(AuthError::Password(e)) => errors.add("password", "New password", e),
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &svc,
        &staff,
        errors,
        None,
        Vec::new(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    csrf: String,
    code: String,
}

pub async fn recovery_codes(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let mut errors = FieldErrors::default();
    if form.code.trim().is_empty() {
        errors.add("code", "Current code", "is required");
    } else {
        let s = staff.0.clone();
        match accounts::regenerate_recovery_codes(&svc, s, form.code.clone()).await {
            Ok(codes) => {
                return page(
                    &svc,
                    &staff,
                    errors,
                    Some("New recovery codes: save them now, they are shown only once. The old codes no longer work."),
                    codes,
                    StatusCode::OK,
                )
                .await;
            }
            Err(AuthError::WrongCode) => errors.add(
                "code",
                "Current code",
                "is not right or was already used; wait for the next code",
            ),
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &svc,
        &staff,
        errors,
        None,
        Vec::new(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn sign_out_everywhere(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    accounts::end_all_sessions(&svc, staff.0.clone()).await?;
    let mut res = redirect("/console/login");
    res.add_cookie(&clear_session_cookie())
        .map_err(|_| PageError::bad_request("cookie"))?;
    Ok(res)
}
