//! The one place where errors become HTTP: pages get an HTML page, the API gets
//! `{"error", "field"}`. Internal details are logged (without personal data), never shown.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use steward_core::auth::AuthError;
use steward_core::workflow::WorkflowError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
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
            tracing::error!("internal error (staff account): {e}");
            "Something went wrong on our side. Please try again in a moment.".into()
        }
        AuthError::Password(p) => format!("Password {p}"),
        other => other.to_string(),
    }
}

fn public_message(e: &WorkflowError, status: StatusCode) -> String {
    if status.is_server_error() {
        tracing::error!("internal error: {e}");
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
            PageError::Status(s, _) => *s,
            PageError::LoginRequired { .. } | PageError::SecondFactorRequired => {
                StatusCode::SEE_OTHER
            }
            PageError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.page(false)
    }
}

impl PageError {
    /// The error as a page: in the customer layout, or in the staff one (`staff`).
    pub fn page(&self, staff: bool) -> HttpResponse {
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
        let message = match self {
            PageError::Workflow(e) => public_message(e, status),
            PageError::Auth(e) => auth_message(e, status),
            PageError::Status(_, m) => m.clone(),
            PageError::TooManyRequests => "There have been too many attempts from your \
                network in a short time. Please wait a few minutes and try again."
                .into(),
            PageError::LoginRequired { .. } | PageError::SecondFactorRequired => String::new(),
        };
        let title = match status {
            StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::FORBIDDEN => "Not allowed",
            StatusCode::GONE => "Link expired",
            s if s.is_server_error() => "Something went wrong",
            _ => "This did not work",
        };
        let body = if staff {
            StaffErrorPage {
                title,
                message: &message,
            }
            .render()
        } else {
            ErrorPage {
                title,
                message: &message,
            }
            .render()
        }
        .unwrap_or_else(|_| message.clone());
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body)
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
