//! The one place where errors become HTTP: pages get an HTML page, the API gets
//! `{"error", "field"}`. Internal details are logged (without personal data), never shown.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use std::sync::Arc;
use steward_core::auth::AuthError;
use steward_core::workflow::WorkflowError;
use steward_core::workflow::brand::Brand;
use steward_l10n::Tr;

use crate::language::Reader;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

/// Which layout an error page wears: the console's (English), or the public one in the
/// reader's language.
pub enum Layout {
    Staff,
    Public(Reader),
}

/// The same page in the staff layout, for everything under `/console`.
#[derive(Template)]
#[template(path = "console/error.html")]
struct StaffErrorPage<'a> {
    title: &'a str,
    message: &'a str,
}

fn status_of(e: &WorkflowError) -> StatusCode {
    match e {
        WorkflowError::NotFound | WorkflowError::LinkInvalid | WorkflowError::Unavailable(_) => {
            StatusCode::NOT_FOUND
        }
        WorkflowError::LinkExpired => StatusCode::GONE,
        WorkflowError::Invalid { .. } | WorkflowError::Clock(_) => StatusCode::UNPROCESSABLE_ENTITY,
        WorkflowError::Transition(_) | WorkflowError::Conflict(_) | WorkflowError::Superseded => {
            StatusCode::CONFLICT
        }
        WorkflowError::Forbidden | WorkflowError::AdminOnly(_) => StatusCode::FORBIDDEN,
        WorkflowError::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
        WorkflowError::Db(_) | WorkflowError::Crypto(_) | WorkflowError::Corrupt(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

fn auth_status(e: &AuthError) -> StatusCode {
    match e {
        AuthError::BadCredentials | AuthError::SignInAgain => StatusCode::UNAUTHORIZED,
        AuthError::BadCode
        | AuthError::WrongPassword
        | AuthError::WrongCode
        | AuthError::Password(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AuthError::NoSuchUser | AuthError::NoSuchToken | AuthError::InvalidSetupLink => {
            StatusCode::NOT_FOUND
        }
        AuthError::UserExists | AuthError::LastAdmin => StatusCode::CONFLICT,
        AuthError::Totp(_) | AuthError::Crypto(_) | AuthError::Db(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

fn auth_message(e: &AuthError, status: StatusCode) -> String {
    match e {
        _ if status.is_server_error() => {
            "Something went wrong on our side. Please try again in a moment.".into()
        }
        AuthError::Password(p) => format!("Password {p}"),
        other => other.to_string(),
    }
}

fn public_message(e: &WorkflowError, status: StatusCode) -> String {
    if status.is_server_error() {
        "Something went wrong on our side. Please try again in a moment.".into()
    } else {
        e.to_string()
    }
}

/// Errors of HTML pages.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("{1}")]
    Status(StatusCode, String),
    /// A public page's error, as a message of the message files.
    #[error("{1}")]
    Public(StatusCode, &'static str),
    /// The same with one value in the message.
    #[error("{1}")]
    PublicWith(StatusCode, &'static str, (&'static str, String)),
    /// Not signed in: off to the login page, then back.
    #[error("sign in first")]
    LoginRequired { next: String },
    /// Signed in with the password only: off to the second-factor page.
    #[error("second factor required")]
    SecondFactorRequired,
    #[error("too many attempts")]
    TooManyRequests,
}

impl PageError {
    pub fn not_found() -> Self {
        PageError::Status(StatusCode::NOT_FOUND, "This page does not exist.".into())
    }
    pub fn forbidden(message: &str) -> Self {
        PageError::Status(StatusCode::FORBIDDEN, message.into())
    }
    pub fn bad_request(message: &str) -> Self {
        PageError::Status(StatusCode::BAD_REQUEST, message.into())
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::Workflow(e) => status_of(e),
            PageError::Auth(e) => auth_status(e),
            PageError::Status(s, _) | PageError::Public(s, _) | PageError::PublicWith(s, ..) => *s,
            PageError::LoginRequired { .. } | PageError::SecondFactorRequired => {
                StatusCode::SEE_OTHER
            }
            PageError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn error_response(&self) -> HttpResponse {
        // Logged here, once: the page is rendered again by the error pages middleware.
        match self {
            PageError::Workflow(e) if self.status_code().is_server_error() => {
                tracing::error!("internal error: {e}")
            }
            PageError::Auth(e) if self.status_code().is_server_error() => {
                tracing::error!("internal error (staff account): {e}")
            }
            _ => {}
        }
        // The error pages middleware renders it again in the reader's language and layout.
        self.page(Layout::Public(Reader {
            tr: Tr::new(steward_domain::Language::En),
            here: "/privacy".into(),
            brand: Default::default(),
        }))
    }
}

impl PageError {
    /// The error as a page: in the staff layout, or the customer's in their language.
    pub fn page(&self, layout: Layout) -> HttpResponse {
        if let PageError::LoginRequired { next } = self {
            let to = format!(
                "/console/login?{}",
                serde_urlencoded::to_string([("next", next)]).unwrap_or_default()
            );
            return HttpResponse::SeeOther()
                .insert_header(("Location", to))
                .finish();
        }
        if let PageError::SecondFactorRequired = self {
            return HttpResponse::SeeOther()
                .insert_header(("Location", "/console/mfa"))
                .finish();
        }
        let status = self.status_code();
        let body = match layout {
            Layout::Staff => {
                let message = self.staff_message(status);
                StaffErrorPage {
                    title: staff_title(status),
                    message: &message,
                }
                .render()
                .unwrap_or(message)
            }
            Layout::Public(Reader { tr, here, brand }) => {
                let message = self.public_message(tr, status);
                ErrorPage {
                    title: &tr.t(public_title_id(status)),
                    message: &message,
                    tr,
                    here,
                    brand: brand.clone(),
                }
                .render()
                .unwrap_or(message)
            }
        };
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}

impl PageError {
    fn staff_message(&self, status: StatusCode) -> String {
        match self {
            PageError::Workflow(e) => public_message(e, status),
            PageError::Auth(e) => auth_message(e, status),
            PageError::Status(_, m) => m.clone(),
            PageError::Public(..) | PageError::PublicWith(..) => {
                self.public_message(Tr::new(steward_domain::Language::En), status)
            }
            PageError::TooManyRequests => "There have been too many attempts from your \
                network in a short time. Please wait a few minutes and try again."
                .into(),
            PageError::LoginRequired { .. } | PageError::SecondFactorRequired => String::new(),
        }
    }

    /// What a customer is told, from the message files: the handler's own message, or one
    /// for the kind of failure (an internal detail is logged, never shown).
    fn public_message(&self, tr: Tr, status: StatusCode) -> String {
        match self {
            PageError::PublicWith(_, id, (name, value)) => tr.t1(id, name, value.as_str()),
            _ => tr.t(self.public_message_id(status)),
        }
    }

    fn public_message_id(&self, status: StatusCode) -> &'static str {
        if let PageError::Public(_, id) = self {
            return id;
        }
        if status.is_server_error() {
            return "error-server";
        }
        match self {
            PageError::Workflow(WorkflowError::LinkExpired) => "error-link-expired",
            PageError::Workflow(WorkflowError::LinkInvalid) => "error-link-used",
            PageError::TooManyRequests => "error-too-many",
            _ if status == StatusCode::NOT_FOUND => "error-page-missing",
            _ if status == StatusCode::TOO_MANY_REQUESTS => "error-too-many",
            _ => "error-other",
        }
    }
}

fn staff_title(status: StatusCode) -> &'static str {
    match status {
        StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::FORBIDDEN => "Not allowed",
        StatusCode::GONE => "Link expired",
        s if s.is_server_error() => "Something went wrong",
        _ => "This did not work",
    }
}

fn public_title_id(status: StatusCode) -> &'static str {
    match status {
        StatusCode::TOO_MANY_REQUESTS => "error-title-too-many",
        StatusCode::NOT_FOUND => "error-title-not-found",
        StatusCode::FORBIDDEN => "error-title-forbidden",
        StatusCode::GONE => "error-title-gone",
        s if s.is_server_error() => "error-title-server",
        _ => "error-title-other",
    }
}

/// Errors of the JSON API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("{message}")]
    Status {
        status: StatusCode,
        message: String,
        field: Option<std::borrow::Cow<'static, str>>,
    },
}

impl ApiError {
    pub fn field(field: &'static str, message: impl Into<String>) -> Self {
        ApiError::Status {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
            field: Some(field.into()),
        }
    }

    /// A field named at run time (a path into a JSON body).
    pub fn named(field: String, message: impl Into<String>) -> Self {
        ApiError::Status {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
            field: Some(field.into()),
        }
    }
    pub fn status(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError::Status {
            status,
            message: message.into(),
            field: None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Workflow(e) => status_of(e),
            ApiError::Auth(e) => auth_status(e),
            ApiError::Status { status, .. } => *status,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            ApiError::Workflow(e) if status.is_server_error() => {
                tracing::error!("internal error: {e}")
            }
            ApiError::Auth(e) if status.is_server_error() => {
                tracing::error!("internal error (staff account): {e}")
            }
            _ => {}
        }
        let (message, field) = match self {
            ApiError::Workflow(WorkflowError::Invalid { field, message }) => {
                (format!("{field} {message}"), Some((*field).into()))
            }
            ApiError::Workflow(e) => (public_message(e, status), None),
            ApiError::Auth(e) => (auth_message(e, status), None),
            ApiError::Status { message, field, .. } => (message.clone(), field.clone()),
        };
        let mut res = HttpResponse::build(status);
        if status == StatusCode::UNAUTHORIZED {
            res.insert_header(("WWW-Authenticate", "Bearer"));
        }
        res.json(serde_json::json!({"error": message, "field": field}))
    }
}
