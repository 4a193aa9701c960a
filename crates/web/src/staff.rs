//! Who is asking: extractors for a signed-in console user and for an API token holder, and the
//! permission and CSRF checks every staff route uses.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use super::access;
use super::error::{ApiError, PageError};
use steward_core::auth::{SessionState, Staff};
use steward_core::secrets::same_secret;
use steward_core::workflow::{Services, staff as accounts};
use steward_domain::Permission;

pub const SESSION_COOKIE: &str = "steward_session";

pub fn session_cookie(req: &HttpRequest, token: &str) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token.to_string())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(super::security::is_https(req))
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

/// A console user with a full session (password and second factor). The access guard
/// (`web::routes::guard`) has already checked the route's rule and left the staff member in
/// the request; the extractor only reads them (or, on a route without a staff rule, looks the
/// session up itself and still refuses half-signed-in sessions).
pub struct ConsoleStaff(pub Staff);

impl FromRequest for ConsoleStaff {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(staff) = access::staff_of(req) {
            return Box::pin(async move { Ok(ConsoleStaff(staff)) });
        }
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
            match accounts::session_state(&svc, token).await? {
                SessionState::Full(staff) => Ok(ConsoleStaff(staff)),
                SessionState::Pending(_) => Err(PageError::SecondFactorRequired),
                SessionState::None => Err(login()),
            }
        })
    }
}

impl ConsoleStaff {
    /// The route table (`web::routes::RULES`) decides access before the handler runs; this
    /// stays for handlers written before it (and for data-level checks), and agrees with it.
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

impl ApiStaff {
    /// As [`ConsoleStaff::require`]: the route table decides first.
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

/// A caller of the staff API with a live token. Tokens are read per call, so a role change
/// or deactivation applies at once. As for [`ConsoleStaff`], the access guard has checked the
/// route's rule already.
pub struct ApiStaff(pub Staff);

impl FromRequest for ApiStaff {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(staff) = access::staff_of(req) {
            return Box::pin(async move { Ok(ApiStaff(staff)) });
        }
        let svc = services(req);
        let token = access::bearer(req.headers());
        Box::pin(async move { ApiStaff::from_token(token, &svc).await })
    }
}

impl ApiStaff {
    /// For handlers on public routes that accept either a staff token or another credential
    /// (a store's signed callback).
    pub async fn from_headers(req: &HttpRequest, svc: &Services) -> Result<ApiStaff, ApiError> {
        Self::from_token(access::bearer(req.headers()), svc).await
    }

    async fn from_token(token: Option<String>, svc: &Services) -> Result<ApiStaff, ApiError> {
        let unauthorized =
            || ApiError::status(StatusCode::UNAUTHORIZED, "a valid bearer token is required");
        let token = token.ok_or_else(unauthorized)?;
        let staff = accounts::token_staff(svc, token).await?;
        staff.map(ApiStaff).ok_or_else(unauthorized)
    }
}
