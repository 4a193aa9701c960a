//! What the route table is made of: a route's verb, the access it needs and its rule, and
//! how the guard's verdict reaches the handlers (the signed-in staff member, a bearer token).
//! The table itself, and the guard that enforces it, are in `routes`.

use actix_web::HttpMessage;

use crate::ratelimit::Limit;
use steward_core::auth::Staff;
use steward_domain::Permission;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    Get,
    Post,
    /// CORS pre-flight of the public consent API.
    Options,
    Patch,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Options => "OPTIONS",
            Verb::Patch => "PATCH",
            Verb::Delete => "DELETE",
        }
    }

    /// The guard that picks this verb's requests (GET also answers HEAD).
    pub(crate) fn guard(self) -> actix_web::guard::AnyGuard {
        use actix_web::guard;
        match self {
            Verb::Get => guard::Any(guard::Get()).or(guard::Head()),
            Verb::Post => guard::Any(guard::Post()),
            Verb::Options => guard::Any(guard::Options()),
            Verb::Patch => guard::Any(guard::Patch()),
            Verb::Delete => guard::Any(guard::Delete()),
        }
    }

    pub(crate) fn of(m: &actix_web::http::Method) -> Option<Verb> {
        match *m {
            actix_web::http::Method::GET | actix_web::http::Method::HEAD => Some(Verb::Get),
            actix_web::http::Method::POST => Some(Verb::Post),
            actix_web::http::Method::OPTIONS => Some(Verb::Options),
            actix_web::http::Method::PATCH => Some(Verb::Patch),
            actix_web::http::Method::DELETE => Some(Verb::Delete),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: the portal, sign-in, setup links, health checks.
    Public,
    /// The second-factor pages: they need a session past the password but not yet past the
    /// second factor, which the handlers check themselves (a full session is sent on).
    SecondFactor,
    /// Any signed-in staff member, whatever the role (their own account, sign out).
    SignedIn,
    /// Signed-in staff whose role has this permission (`Role::can`).
    Staff(Permission),
    /// A data store answering a task: the handler accepts the store's signature (its webhook
    /// secret) or a staff token with this permission, and checks the task's ownership.
    StoreCallback(Permission),
    /// The public consent API: the handler accepts a live site key (checked against the
    /// browser's origin) or, where a permission is named, a staff token with it.
    SiteKey(Option<Permission>),
}

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub verb: Verb,
    /// The pattern as registered with actix (`{id}` segments), matched exactly.
    pub path: &'static str,
    pub access: Access,
    pub limit: Option<Limit>,
}

/// The header a website's consent calls carry their site key in.
pub const SITE_KEY_HEADER: &str = "X-Steward-Site-Key";

/// The site key a call carries, if any.
pub fn site_key(headers: &actix_web::http::header::HeaderMap) -> Option<String> {
    headers
        .get(SITE_KEY_HEADER)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The token of an `Authorization: Bearer …` header, if one is given.
pub fn bearer(headers: &actix_web::http::header::HeaderMap) -> Option<String> {
    headers
        .get("Authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The signed-in staff member the guard found, for the extractors.
pub fn staff_of(req: &actix_web::HttpRequest) -> Option<Staff> {
    req.extensions().get::<Staff>().cloned()
}
