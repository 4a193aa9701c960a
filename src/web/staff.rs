//! Who is asking: extractors for a signed-in console user and for an API token holder, and the
//! permission and CSRF checks every staff route uses.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use super::error::{ApiError, PageError};
use crate::auth::{self, Staff};
use crate::crypto::same_secret;
use crate::domain::Permission;
use crate::workflow::Services;

pub const SESSION_COOKIE: &str = "steward_session";

pub fn session_cookie(req: &HttpRequest, token: &str) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token.to_string())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .finish()
}

pub fn clear_session_cookie() -> Cookie<'static> {
    let mut c = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    c.make_removal();
    c
}

fn services(req: &HttpRequest) -> web::Data<Services> {
    req.app_data::<web::Data<Services>>()
        .expect("Services are registered")
        .clone()
}

/// A console user with a live session; anyone else is sent to the login page.
pub struct ConsoleStaff(pub Staff);

impl FromRequest for ConsoleStaff {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let svc = services(req);
        let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_string());
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default();
        Box::pin(async move {
            let login = || PageError::LoginRequired { next: next.clone() };
            let token = token.ok_or_else(login)?;
            let staff = svc.db.run(move |c| auth::session_staff(c, &token)).await?;
            staff.map(ConsoleStaff).ok_or_else(login)
        })
    }
}

impl ConsoleStaff {
    pub fn require(&self, p: Permission) -> Result<(), PageError> {
        if self.0.role.can(p) {
            Ok(())
        } else {
            Err(PageError::forbidden("Your role does not allow this page."))
        }
    }

    /// Every state-changing console form carries the session's CSRF token.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), PageError> {
        let ok = self
            .0
            .session
            .as_ref()
            .is_some_and(|s| !submitted.is_empty() && same_secret(&s.csrf, submitted));
        if ok {
            Ok(())
        } else {
            Err(PageError::forbidden(
                "This form has expired. Go back, reload the page and try again.",
            ))
        }
    }

    pub fn csrf(&self) -> String {
        self.0
            .session
            .as_ref()
            .map(|s| s.csrf.clone())
            .unwrap_or_default()
    }
}

/// A caller of the staff API with a live token. Tokens are read per call, so a role change
/// or deactivation applies at once.
pub struct ApiStaff(pub Staff);

impl FromRequest for ApiStaff {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let svc = services(req);
        let header = authorization(req);
        Box::pin(async move { ApiStaff::from_authorization(header, &svc).await })
    }
}

fn authorization(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get("Authorization")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
}

impl ApiStaff {
    /// For handlers that accept either a staff token or another credential.
    pub async fn from_headers(req: &HttpRequest, svc: &Services) -> Result<ApiStaff, ApiError> {
        Self::from_authorization(authorization(req), svc).await
    }

    async fn from_authorization(
        header: Option<String>,
        svc: &Services,
    ) -> Result<ApiStaff, ApiError> {
        let unauthorized =
            || ApiError::status(StatusCode::UNAUTHORIZED, "a valid bearer token is required");
        let token = header
            .as_deref()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .ok_or_else(unauthorized)?;
        let staff = svc.db.run(move |c| auth::token_staff(c, &token)).await?;
        staff.map(ApiStaff).ok_or_else(unauthorized)
    }

    pub fn require(&self, p: Permission) -> Result<(), ApiError> {
        if self.0.role.can(p) {
            Ok(())
        } else {
            Err(ApiError::status(
                StatusCode::FORBIDDEN,
                "this token's role does not allow this call",
            ))
        }
    }
}
