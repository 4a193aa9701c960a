//! The signed-in user's own account: password, recovery codes, and signing out everywhere.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::auth::account::{self, AccountError};
use crate::db::users;
use crate::web::error::PageError;
use crate::web::forms::FormErrors;
use crate::web::staff::{ConsoleStaff, clear_session_cookie};
use crate::web::{redirect, render};
use crate::workflow::Services;

#[derive(Template)]
#[template(path = "console/account.html")]
struct AccountPage {
    nav: Nav,
    email: String,
    mfa_since: Option<String>,
    codes_left: i64,
    errors: FormErrors,
    flash: Option<&'static str>,
    new_codes: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountQuery {
    done: String,
}

async fn page(
    svc: &Services,
    staff: &ConsoleStaff,
    errors: FormErrors,
    flash: Option<&'static str>,
    new_codes: Vec<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let id = staff.0.user.id.clone();
    let left = svc
        .db
        .run(move |c| users::unused_recovery_codes(c, &id))
        .await?;
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
        },
    )
}

pub async fn show(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<AccountQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.done.as_str() {
        "password" => Some("Your password was changed. Your other sessions have ended."),
        _ => None,
    };
    page(
        &svc,
        &staff,
        FormErrors::default(),
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
    let mut errors = FormErrors::default();
    if f.current.is_empty() {
        errors.add("current", "Current password", "is required");
    }
    if let Err(e) = crate::auth::password::check_policy(&f.password) {
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
        match svc
            .db
            .run(move |c| account::change_password(c, &s, &f.current, &f.password))
            .await
        {
            Ok(()) => return Ok(redirect("/console/account?done=password")),
            Err(AccountError::WrongPassword) => {
                errors.add("current", "Current password", "is not right")
            }
            Err(AccountError::Policy(e)) => errors.add("password", "New password", e),
            Err(e) => return Err(account_error(e)),
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
    let mut errors = FormErrors::default();
    if form.code.trim().is_empty() {
        errors.add("code", "Current code", "is required");
    } else {
        let s = staff.0.clone();
        let keys = svc.keys.clone();
        let code = form.code.clone();
        match svc
            .db
            .run(move |c| account::regenerate_recovery_codes(c, &keys, &s, &code))
            .await
        {
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
            Err(AccountError::WrongCode) => errors.add(
                "code",
                "Current code",
                "is not right or was already used; wait for the next code",
            ),
            Err(e) => return Err(account_error(e)),
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
    let s = staff.0.clone();
    svc.db
        .run(move |c| account::end_all_sessions(c, &s))
        .await?;
    let mut res = redirect("/console/login");
    res.add_cookie(&clear_session_cookie())
        .map_err(|_| PageError::bad_request("cookie"))?;
    Ok(res)
}

pub(super) fn account_error(e: AccountError) -> PageError {
    match e {
        AccountError::Db(d) => d.into(),
        AccountError::NoSuchUser => PageError::not_found(),
        AccountError::LastAdmin => PageError::Status(StatusCode::CONFLICT, e.to_string()),
        other => {
            tracing::error!("account change: {other}");
            PageError::Status(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.".into(),
            )
        }
    }
}
