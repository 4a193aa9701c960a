//! The second sign-in step: enrolling an authenticator app (QR code drawn on the server) and
//! entering a code or a recovery code. Only a half-signed-in session reaches these pages; a
//! full session is sent on, no session goes back to the password.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::login::{safe_next, session_token};
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::{clear_session_cookie, session_cookie};
use steward_core::auth::{AuthError, Pending, SessionState};
use steward_core::secrets::same_secret;
use steward_core::workflow::{Services, staff as accounts};
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/mfa_code.html")]
struct CodePage {
    next: String,
    csrf: String,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "console/mfa_enrol.html")]
struct EnrolPage {
    next: String,
    csrf: String,
    errors: FieldErrors,
    email: String,
    secret: String,
    qr: String,
}

#[derive(Template)]
#[template(path = "console/recovery_codes.html")]
struct CodesPage {
    next: String,
    codes: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
    next: String,
    csrf: String,
}

/// Where this browser stands: the pending sign-in, or where to send it instead.
async fn pending(
    svc: &Services,
    req: &HttpRequest,
    next: &str,
) -> Result<Result<Pending, HttpResponse>, PageError> {
    let Some(token) = session_token(req) else {
        return Ok(Err(redirect("/console/login")));
    };
    let state = accounts::session_state(svc, token).await?;
    Ok(match state {
        SessionState::Pending(p) => Ok(p),
        SessionState::Full(_) => Err(redirect(next)),
        SessionState::None => Err(sign_in_again()),
    })
}

fn sign_in_again() -> HttpResponse {
    let mut res = redirect("/console/login");
    let _ = res.add_cookie(&clear_session_cookie());
    res
}

async fn enrol_page(
    svc: &Services,
    p: Pending,
    next: String,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let email = p.user.email.clone();
    let csrf = p.session.csrf_token.clone();
    let enrolment = accounts::begin_enrolment(svc, p).await?;
    render(
        status,
        &EnrolPage {
            next,
            csrf,
            errors,
            email,
            secret: enrolment.secret,
            qr: enrolment.qr_png_base64,
        },
    )
}

pub async fn page(
    req: HttpRequest,
    svc: web::Data<Services>,
    q: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    let next = safe_next(&q.next);
    let p = match pending(&svc, &req, &next).await? {
        Ok(p) => p,
        Err(res) => return Ok(res),
    };
    if p.enrolled() {
        render(
            StatusCode::OK,
            &CodePage {
                next,
                csrf: p.session.csrf_token,
                errors: FieldErrors::default(),
            },
        )
    } else {
        enrol_page(&svc, p, next, FieldErrors::default(), StatusCode::OK).await
    }
}

fn csrf_ok(p: &Pending, submitted: &str) -> bool {
    !submitted.is_empty() && same_secret(&p.session.csrf_token, submitted)
}

fn code_error(errors: &mut FieldErrors, f: &CodeForm) -> bool {
    if f.code.trim().is_empty() {
        errors.add("code", "Code", "is required");
    } else if f.code.chars().count() > 64 {
        errors.add("code", "Code", "is too long");
    }
    !errors.is_empty()
}

fn signed_in(req: &HttpRequest, token: &str, res: HttpResponse) -> Result<HttpResponse, PageError> {
    let mut res = res;
    res.add_cookie(&session_cookie(req, token))
        .map_err(|_| PageError::bad_request("cookie"))?;
    Ok(res)
}

pub async fn submit(
    req: HttpRequest,
    svc: web::Data<Services>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    let f = form.into_inner();
    let next = safe_next(&f.next);
    let p = match pending(&svc, &req, &next).await? {
        Ok(p) => p,
        Err(res) => return Ok(res),
    };
    let mut errors = FieldErrors::default();
    let page = |errors, status| {
        render(
            status,
            &CodePage {
                next: next.clone(),
                csrf: p.session.csrf_token.clone(),
                errors,
            },
        )
    };
    if !csrf_ok(&p, &f.csrf) {
        errors.add("code", "Form", "has expired; please enter the code again");
        return page(errors, StatusCode::FORBIDDEN);
    }
    if code_error(&mut errors, &f) {
        return page(errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let token = session_token(&req).unwrap_or_default();
    match accounts::second_factor(&svc, token, f.code.clone(), crate::render::client_of(&req)).await
    {
        Ok(new_token) => signed_in(&req, &new_token, redirect(&next)),
        Err(AuthError::BadCode) => {
            errors.add(
                "code",
                "Code",
                "is not right or was already used, or the account is locked for a while",
            );
            page(errors, StatusCode::UNAUTHORIZED)
        }
        Err(AuthError::SignInAgain) => Ok(sign_in_again()),
        Err(e) => Err(e.into()),
    }
}

pub async fn enrol(
    req: HttpRequest,
    svc: web::Data<Services>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    let f = form.into_inner();
    let next = safe_next(&f.next);
    let p = match pending(&svc, &req, &next).await? {
        Ok(p) => p,
        Err(res) => return Ok(res),
    };
    let mut errors = FieldErrors::default();
    if !csrf_ok(&p, &f.csrf) {
        errors.add("code", "Form", "has expired; please enter the code again");
        return enrol_page(&svc, p, next, errors, StatusCode::FORBIDDEN).await;
    }
    if code_error(&mut errors, &f) {
        return enrol_page(&svc, p, next, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let token = session_token(&req).unwrap_or_default();
    match accounts::confirm_enrolment(&svc, token, f.code.clone(), crate::render::client_of(&req))
        .await
    {
        Ok((new_token, codes)) => {
            // Shown once, in the answer to this POST: never stored in clear, never shown again.
            let page = render(StatusCode::OK, &CodesPage { next, codes })?;
            signed_in(&req, &new_token, page)
        }
        Err(AuthError::BadCode) => {
            errors.add(
                "code",
                "Code",
                "is not right; check the time on your phone and enter the newest code",
            );
            enrol_page(&svc, p, next, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AuthError::SignInAgain) => Ok(sign_in_again()),
        Err(e) => Err(e.into()),
    }
}
