//! Signing in and out, and the one-time setup link for a new account.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::error::PageError;
use crate::render::{redirect, render};
use crate::security;
use crate::staff::{ConsoleStaff, clear_session_cookie, session_cookie};
use steward_core::auth::{self, AuthError};
use steward_core::workflow::{Services, staff as accounts};
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/login.html")]
struct LoginPage {
    email: String,
    next: String,
    errors: FieldErrors,
    csrf: String,
    /// What just happened: a password saved at set-up, a sign-out.
    flash: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
    csrf: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    /// `password` after set-up, `signed_out` after signing out.
    done: Option<String>,
}

/// Only local console paths, so the login page cannot be used to bounce users elsewhere.
pub(super) fn safe_next(next: &str) -> String {
    // Only console paths, and nothing that could split a header (CR, LF, any control).
    if next.starts_with("/console/")
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
    {
        next.to_string()
    } else {
        "/console".into()
    }
}

fn login_page(
    req: &HttpRequest,
    email: String,
    next: String,
    errors: FieldErrors,
    status: StatusCode,
    flash: Option<&'static str>,
) -> Result<HttpResponse, PageError> {
    let (csrf, cookie) = security::public_form_token(req);
    let mut res = render(
        status,
        &LoginPage {
            email,
            next,
            errors,
            csrf,
            flash,
        },
    )?;
    if let Some(c) = cookie {
        res.add_cookie(&c)
            .map_err(|_| PageError::bad_request("cookie"))?;
    }
    Ok(res)
}

pub async fn form(req: HttpRequest, q: web::Query<NextQuery>) -> Result<HttpResponse, PageError> {
    login_page(
        &req,
        String::new(),
        safe_next(q.next.as_deref().unwrap_or_default()),
        FieldErrors::default(),
        StatusCode::OK,
        match q.done.as_deref() {
            Some("password") => Some("Password saved. Sign in with it to continue."),
            Some("signed_out") => Some("You are signed out."),
            _ => None,
        },
    )
}

pub async fn submit(
    req: HttpRequest,
    svc: web::Data<Services>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, PageError> {
    let f = form.into_inner();
    let next = safe_next(&f.next);
    let mut errors = FieldErrors::default();
    if !security::public_form_token_ok(&req, &f.csrf) {
        errors.add("csrf", "Form", "has expired; please sign in again");
        return login_page(&req, f.email, next, errors, StatusCode::FORBIDDEN, None);
    }
    if f.email.trim().is_empty() {
        errors.add("email", "Email address", "is required");
    }
    if f.password.is_empty() {
        errors.add("password", "Password", "is required");
    }
    if f.email.chars().count() > 254 {
        errors.add("email", "Email address", "is too long");
    }
    if f.password.chars().count() > auth::password::MAX_LENGTH {
        errors.add("password", "Password", "is too long");
    }
    if !errors.is_empty() {
        return login_page(
            &req,
            f.email,
            next,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        );
    }
    let email = f.email.trim().to_string();
    let password = f.password.clone();
    match accounts::login(&svc, email, password, crate::render::client_of(&req)).await {
        Ok(token) => {
            // The password alone opens nothing but the second-factor page.
            let to = format!(
                "/console/mfa?{}",
                serde_urlencoded::to_string([("next", &next)]).unwrap_or_default()
            );
            let mut res = redirect(&to);
            res.add_cookie(&session_cookie(&req, &token))
                .map_err(|_| PageError::bad_request("cookie"))?;
            Ok(res)
        }
        Err(AuthError::BadCredentials) => {
            errors.add(
                "password",
                "Sign-in",
                "failed: the email or password is not right, or the account is locked for a while",
            );
            login_page(&req, f.email, next, errors, StatusCode::UNAUTHORIZED, None)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn logout(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    accounts::logout(&svc, staff.0).await?;
    let mut res = redirect("/console/login?done=signed_out");
    res.add_cookie(&clear_session_cookie())
        .map_err(|_| PageError::bad_request("cookie"))?;
    Ok(res)
}

#[derive(Template)]
#[template(path = "console/setup.html")]
struct SetupPage {
    email: String,
    token: String,
    errors: FieldErrors,
    csrf: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetupForm {
    password: String,
    confirm: String,
    csrf: String,
}

fn setup_page(
    req: &HttpRequest,
    email: String,
    token: String,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (csrf, cookie) = security::public_form_token(req);
    let mut res = render(
        status,
        &SetupPage {
            email,
            token,
            errors,
            csrf,
        },
    )?;
    if let Some(c) = cookie {
        res.add_cookie(&c)
            .map_err(|_| PageError::bad_request("cookie"))?;
    }
    Ok(res)
}

pub async fn setup_form(
    req: HttpRequest,
    svc: web::Data<Services>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let user = accounts::user_for_setup(&svc, token.clone()).await?;
    setup_page(
        &req,
        user.email,
        token,
        FieldErrors::default(),
        StatusCode::OK,
    )
}

pub async fn setup_submit(
    req: HttpRequest,
    svc: web::Data<Services>,
    path: web::Path<String>,
    form: web::Form<SetupForm>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let user = accounts::user_for_setup(&svc, token.clone()).await?;
    let mut errors = FieldErrors::default();
    if !security::public_form_token_ok(&req, &form.csrf) {
        errors.add(
            "csrf",
            "Form",
            "has expired; please type your password again",
        );
        return setup_page(&req, user.email, token, errors, StatusCode::FORBIDDEN);
    }
    if let Err(e) = auth::password::check_policy(&form.password) {
        errors.add("password", "Password", e);
    } else if form.password != form.confirm {
        errors.add("confirm", "Repeat password", "does not match the password");
    }
    if !errors.is_empty() {
        return setup_page(
            &req,
            user.email,
            token,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let password = form.password.clone();
    accounts::complete_setup(&svc, token, password).await?;
    Ok(redirect("/console/login?done=password"))
}

/// The session cookie, if any, without looking it up.
pub(super) fn session_token(req: &HttpRequest) -> Option<String> {
    req.cookie(crate::staff::SESSION_COOKIE)
        .map(|c| c.value().to_string())
}
