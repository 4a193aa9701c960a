//! Who may call what, in one table. Every console and API route is listed here with the
//! access it needs, the rate limit it counts against and its handler; [`register`] adds the
//! handlers from that same table, so no handler exists without a rule, and [`guard`], one middleware,
//! enforces the table on every request before any handler runs. Handlers do not check roles.
//!
//! Adding a route is one line in the [`routes!`] table: its verb, path, access, rate limit and
//! handler. The role × route test in `tests/it/access.rs` then fails until it is told what
//! each role should get.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};

pub use super::access::{Access, Rule, Verb};
use super::access::{bearer, site_key};
use super::error::{ApiError, PageError};
use super::ratelimit::{Limit, RateLimiter};
use super::staff::SESSION_COOKIE;
use steward_core::auth::SessionState;
use steward_core::workflow::{Services, staff as accounts};
use steward_domain::Permission;

/// The limit of a route in [`routes!`]: none, or one of [`Limit`].
macro_rules! limit_of {
    () => {
        None
    };
    ($limit:ident) => {
        Some(Limit::$limit)
    };
}

/// One table, two uses: [`RULES`] (what the guard enforces and the tests read) and
/// [`register`] (the handlers, added in the table's order: actix matches in registration
/// order, so `{id}/package.csv` comes before `{id}/{action}`).
macro_rules! routes {
    ($($verb:ident $path:literal, $access:expr $(, limit $limit:ident)? => $handler:path;)+) => {
        /// Every route of the portal, the console and the API.
        pub const RULES: &[Rule] = &[
            $(Rule { verb: $verb, path: $path, access: $access, limit: limit_of!($($limit)?) },)+
        ];

        /// Registers the handler of every route in [`RULES`], each in a resource of its own
        /// whose guard is the verb (so a path's other verbs fall through to theirs), and
        /// whose handler's panics become a 500 with a reference (`panics::catch`, which
        /// must sit inside the routing: it holds on to the request).
        pub fn register(cfg: &mut web::ServiceConfig) {
            $(cfg.service(
                web::resource($path)
                    .guard($verb.guard())
                    .wrap(actix_web::middleware::from_fn(crate::panics::catch))
                    .route(web::route().to($handler)),
            );)+
        }
    };
}

use super::{api, console, portal};
use Access::{Public, SecondFactor, SignedIn, SiteKey, Staff as Needs, StoreCallback};
use Permission::*;
use Verb::{Delete as DELETE, Get as GET, Options as OPTIONS, Patch as PATCH, Post as POST};

routes! {
    // Public portal.
    GET "/", Public => portal::home;
    GET "/privacy", Public => portal::intake::rights;
    GET "/privacy/requests/new", Public => portal::intake::form;
    POST "/privacy/requests/new", Public, limit Intake => portal::intake::submit;
    GET "/privacy/requests/sent", Public => portal::intake::sent;
    GET "/privacy/requests/{public_id}/package.csv", Public, limit Verify
        => portal::status::package;
    GET "/privacy/requests/{public_id}", Public => portal::status::page;
    POST "/privacy/requests/{public_id}/proof", Public, limit Verify => portal::status::proof;
    GET "/privacy/verify/{token}", Public, limit Verify => portal::status::confirm_page;
    POST "/privacy/verify/{token}", Public, limit Verify => portal::status::confirm;
    GET "/privacy/preferences", Public => portal::preferences::show;
    POST "/privacy/preferences", Public, limit Intake => portal::preferences::ask;
    POST "/privacy/preferences/choices", Public, limit Consent => portal::preferences::save;
    GET "/privacy/preferences/{token}", Public, limit Verify => portal::preferences::open_page;
    GET "/privacy/language/{language}", Public => portal::language::switch;
    GET "/privacy/brand.css", Public => portal::brand::style;
    GET "/privacy/brand/logo", Public => portal::brand::logo;
    POST "/privacy/preferences/{token}", Public, limit Verify => portal::preferences::open;
    // Console: signing in.
    GET "/console", SignedIn => console::overview::page;
    GET "/console/login", Public => console::login::form;
    POST "/console/login", Public, limit Login => console::login::submit;
    GET "/console/mfa", SecondFactor => console::mfa::page;
    POST "/console/mfa", SecondFactor, limit Login => console::mfa::submit;
    POST "/console/mfa/enrol", SecondFactor, limit Login => console::mfa::enrol;
    GET "/console/setup/{token}", Public => console::login::setup_form;
    POST "/console/setup/{token}", Public, limit Login => console::login::setup_submit;
    POST "/console/logout", SignedIn => console::login::logout;
    // Console: one's own account.
    GET "/console/account", SignedIn => console::account::show;
    POST "/console/account/password", SignedIn, limit Login => console::account::change_password;
    POST "/console/account/tokens/revoke", SignedIn => console::account::revoke_token;
    POST "/console/account/sign-out-everywhere", SignedIn
        => console::account::sign_out_everywhere;
    POST "/console/account/recovery-codes", SignedIn, limit Login
        => console::account::recovery_codes;
    // Console: requests.
    GET "/console/requests", Needs(ViewRequests) => console::requests::queue;
    GET "/console/requests/new", Needs(WorkRequests) => console::requests::new_form;
    POST "/console/requests/new", Needs(WorkRequests) => console::requests::new_submit;
    GET "/console/requests/{id}", Needs(ViewRequests) => console::requests::detail;
    GET "/console/requests/{id}/package.csv", Needs(ViewRequests) => console::requests::package;
    GET "/console/requests/{id}/attachments/{file}", Needs(ViewRequests)
        => console::requests::attachment;
    POST "/console/requests/{id}/corrections", Needs(WorkRequests)
        => console::corrections::approve;
    POST "/console/requests/{id}/language", Needs(WorkRequests) => console::requests::language;
    POST "/console/requests/{id}/{action}", Needs(WorkRequests) => console::requests::action;
    // Console: the store registry (the records of processing) and tasks. Which tasks a
    // store owner may see or settle is decided per task, by store ownership.
    GET "/console/stores", Needs(ViewRequests) => console::stores::list;
    GET "/console/stores/new", Needs(ManageStores) => console::stores::new_form;
    POST "/console/stores/new", Needs(ManageStores) => console::stores::create;
    GET "/console/stores/{id}", Needs(ViewRequests) => console::stores::edit_form;
    POST "/console/stores/{id}", Needs(ManageStores) => console::stores::update;
    GET "/console/tasks", Needs(WorkOwnTasks) => console::tasks::queue;
    GET "/console/tasks/{id}", Needs(WorkOwnTasks) => console::tasks::detail;
    POST "/console/tasks/{id}/upload", Needs(WorkOwnTasks) => console::tasks::upload;
    POST "/console/tasks/{id}/{action}", Needs(WorkOwnTasks) => console::tasks::action;
    // Console: audit log.
    GET "/console/audit", Needs(ReadAudit) => console::audit::page;
    // Console: staff accounts and the access review.
    GET "/console/users", Needs(ManageUsers) => console::users::list;
    GET "/console/users.csv", Needs(ManageUsers) => console::users::review_csv;
    POST "/console/users/invite", Needs(ManageUsers) => console::users::invite;
    POST "/console/users/tokens/revoke", Needs(ManageUsers) => console::users::revoke_token;
    POST "/console/users/{id}/{action}", Needs(ManageUsers) => console::users::change;
    // Console: settings.
    GET "/console/settings/calendars", Needs(ManageUsers) => console::calendars::page;
    GET "/console/settings/brand", Needs(ManageUsers) => console::brand::show;
    POST "/console/settings/brand", Needs(ManageUsers) => console::brand::save;
    POST "/console/settings/brand/upload", Needs(ManageUsers) => console::brand::logo;
    POST "/console/settings/brand/logo/remove", Needs(ManageUsers) => console::brand::remove_logo;
    POST "/console/settings/calendars", Needs(ManageUsers) => console::calendars::change;
    POST "/console/settings/gdpr-country", Needs(ManageUsers) => console::calendars::gdpr_country;
    POST "/console/settings/uk-region", Needs(ManageUsers) => console::calendars::uk_region;
    // Console: breach register.
    GET "/console/breaches", Needs(ReadAudit) => console::breaches::list;
    GET "/console/breaches.csv", Needs(ReadAudit) => console::breaches::csv;
    GET "/console/breaches/new", Needs(ManageBreaches) => console::breaches::new_form;
    POST "/console/breaches/new", Needs(ManageBreaches) => console::breaches::new_submit;
    GET "/console/breaches/{id}", Needs(ReadAudit) => console::breaches::detail;
    POST "/console/breaches/{id}", Needs(ManageBreaches) => console::breaches::update;
    POST "/console/breaches/{id}/regulator-notified", Needs(ManageBreaches)
        => console::breaches::regulator_notified;
    POST "/console/breaches/{id}/notify", Needs(ManageBreaches) => console::breaches::notify;
    // Console: exports for regulators and auditors.
    GET "/console/exports", Needs(ReadAudit) => console::exports::page;
    GET "/console/exports/ccpa-metrics", Needs(ReadAudit) => console::exports::metrics_page;
    GET "/console/exports/requests.csv", Needs(ReadAudit) => console::exports::requests_csv;
    GET "/console/exports/ccpa-metrics.csv", Needs(ReadAudit) => console::exports::metrics_csv;
    GET "/console/exports/ropa.csv", Needs(ReadAudit) => console::exports::ropa_csv;
    GET "/console/exports/audit.csv", Needs(ReadAudit) => console::exports::audit_csv;
    POST "/console/exports/controller", Needs(ManageUsers) => console::exports::controller;
    // Console: consent.
    GET "/console/consent", Needs(ReadAudit) => console::consent::page;
    POST "/console/consent/record", Needs(ManageConsent) => console::consent::record;
    GET "/console/consent.csv", Needs(ReadAudit) => console::consent::records_csv;
    GET "/console/consent/purposes/new", Needs(ManageConsent) => console::consent::new_purpose_form;
    POST "/console/consent/purposes/new", Needs(ManageConsent) => console::consent::new_purpose;
    GET "/console/consent/purposes/{key}", Needs(ReadAudit) => console::consent::purpose;
    POST "/console/consent/purposes/{key}", Needs(ManageConsent) => console::consent::publish;
    POST "/console/consent/purposes/{key}/translations", Needs(ManageConsent)
        => console::translations::publish;
    GET "/console/consent/purposes/{key}/current.csv", Needs(ReadAudit)
        => console::consent::current_csv;
    POST "/console/consent/purposes/{key}/services", Needs(ManageConsent)
        => console::consent_services::add;
    POST "/console/consent/purposes/{key}/services/{id}/remove", Needs(ManageConsent)
        => console::consent_services::remove;
    GET "/console/consent/services.csv", Needs(ReadAudit) => console::consent_services::csv;
    GET "/console/consent/site-keys", Needs(ReadAudit) => console::consent::site_keys_list;
    POST "/console/consent/site-keys", Needs(ManageUsers) => console::consent::site_key_create;
    POST "/console/consent/site-keys/{id}/revoke", Needs(ManageUsers)
        => console::consent::site_key_revoke;
    // API.
    GET "/healthz", Public => api::healthz;
    GET "/metrics", Public => api::metrics;
    POST "/api/v1/requests", Needs(WorkRequests) => api::requests::create;
    GET "/api/v1/requests", Needs(ViewRequests) => api::requests::list;
    GET "/api/v1/overview", SignedIn => api::overview::get;
    GET "/api/v1/openapi.json", SignedIn => api::openapi::get;
    GET "/api/v1/requests/{id}", Needs(ViewRequests) => api::requests::get;
    GET "/api/v1/requests/{id}/package.csv", Needs(ViewRequests) => api::requests::package;
    GET "/api/v1/requests/{id}/corrections", Needs(ViewRequests) => api::corrections::review;
    POST "/api/v1/requests/{id}/corrections", Needs(WorkRequests) => api::corrections::approve;
    POST "/api/v1/requests/{id}/{action}", Needs(WorkRequests) => api::requests::action;
    POST "/api/v1/stores", Needs(ManageStores) => api::stores::create;
    GET "/api/v1/stores", Needs(ViewRequests) => api::stores::list;
    GET "/api/v1/stores/{id}", Needs(ViewRequests) => api::stores::get;
    PATCH "/api/v1/stores/{id}", Needs(ManageStores) => api::stores::update;
    POST "/api/v1/stores/{id}/deactivate", Needs(ManageStores) => api::stores::deactivate;
    GET "/api/v1/tasks", Needs(WorkOwnTasks) => api::tasks::list;
    GET "/api/v1/tasks/{id}", Needs(WorkOwnTasks) => api::tasks::get;
    POST "/api/v1/tasks/{id}/result", StoreCallback(WorkOwnTasks) => api::tasks::result;
    POST "/api/v1/tasks/{id}/retry", Needs(WorkOwnTasks) => api::tasks::retry;
    GET "/api/v1/exports/breaches.csv", Needs(ReadAudit) => api::breaches_csv;
    GET "/api/v1/exports/requests.csv", Needs(ReadAudit) => api::exports::requests;
    GET "/api/v1/exports/ccpa-metrics.csv", Needs(ReadAudit) => api::exports::ccpa_metrics;
    GET "/api/v1/exports/ropa.csv", Needs(ReadAudit) => api::exports::ropa;
    GET "/api/v1/exports/audit.csv", Needs(ReadAudit) => api::exports::audit;
    GET "/api/v1/calendars", Needs(ReadAudit) => api::calendars::list;
    GET "/api/v1/settings/brand", Needs(ReadAudit) => api::brand::show;
    PATCH "/api/v1/settings/brand", Needs(ManageUsers) => api::brand::change;
    // Consent: staff manage purposes and site keys; websites write with a site key.
    POST "/api/v1/purposes", Needs(ManageConsent) => api::consent::create_purpose;
    GET "/api/v1/purposes", Needs(ReadAudit) => api::consent::purposes;
    POST "/api/v1/purposes/{key}/notices", Needs(ManageConsent) => api::consent::publish;
    POST "/api/v1/purposes/{key}/translations", Needs(ManageConsent) => api::consent::translate;
    POST "/api/v1/purposes/{key}/services", Needs(ManageConsent) => api::consent_services::add;
    DELETE "/api/v1/purposes/{key}/services/{id}", Needs(ManageConsent)
        => api::consent_services::remove;
    POST "/api/v1/site-keys", Needs(ManageUsers) => api::consent::create_site_key;
    GET "/api/v1/exports/consent.csv", Needs(ReadAudit) => api::consent::records_csv;
    GET "/api/v1/exports/consent-services.csv", Needs(ReadAudit) => api::consent_services::csv;
    OPTIONS "/api/v1/consent", SiteKey(None), limit Consent => api::consent::preflight;
    POST "/api/v1/consent", SiteKey(Some(ManageConsent)), limit Consent => api::consent::record;
    GET "/api/v1/consent", Needs(ReadAudit) => api::consent::subject;
    OPTIONS "/api/v1/consent/banner", SiteKey(None), limit Consent => api::consent::preflight;
    GET "/api/v1/consent/banner", SiteKey(None), limit Consent => api::banner::read;
    POST "/api/v1/consent/banner", SiteKey(None), limit Consent => api::banner::write;
    GET "/api/v1/consent/{id}", Needs(ReadAudit) => api::consent::record_by_id;
    POST "/api/v1/calendars/{key}/days", Needs(ManageUsers) => api::calendars::change;
}

pub fn find(verb: Verb, path: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.verb == verb && r.path == path)
}

/// Staff areas: a request here that matches a registered route without a rule is refused.
fn is_staff_area(path: &str) -> bool {
    path == "/console" || path.starts_with("/console/") || path.starts_with("/api/")
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The middleware: rate limit, then authentication and the role check of the route's rule.
/// The signed-in [`Staff`] is left in the request's extensions for the extractors.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, Error> {
    let path = req.path().to_string();
    let api = is_api(&path);
    let pattern = req.match_pattern();
    let rule = Verb::of(req.method()).and_then(|v| pattern.as_deref().and_then(|p| find(v, p)));

    let Some(rule) = rule else {
        if pattern.is_some() && is_staff_area(&path) {
            // Registered but not in the table (or a method without a rule): fail closed.
            // Crawlers try every method on every path: refused quietly.
            tracing::debug!(
                "no access rule for {} {}; refused",
                req.method(),
                pattern.as_deref().unwrap_or_default()
            );
            return Ok(deny(req, api, Denied::Forbidden));
        }
        return Ok(next.call(req).await?.map_into_left_body());
    };

    if let Some(limit) = rule.limit
        && let Some(limiter) = req.app_data::<web::Data<RateLimiter>>()
        && let Some(ip) = super::client::client_ip(req.request())
        && let Err(retry_after) = limiter.check(limit, ip)
    {
        tracing::warn!("rate limit {:?} reached", limit);
        return Ok(deny(req, api, Denied::TooMany(retry_after)));
    }

    let needed = match rule.access {
        // The consent API called with a staff token and no site key is a staff call, checked
        // here like any other (the handler then writes on the subject's behalf).
        Access::SiteKey(Some(p))
            if site_key(req.headers()).is_none() && bearer(req.headers()).is_some() =>
        {
            Some(p)
        }
        Access::Public | Access::SecondFactor | Access::StoreCallback(_) | Access::SiteKey(_) => {
            return Ok(next.call(req).await?.map_into_left_body());
        }
        Access::SignedIn => None,
        Access::Staff(p) => Some(p),
    };

    let svc = req
        .app_data::<web::Data<Services>>()
        .expect("Services are registered")
        .clone();
    let staff = if api {
        match bearer(req.headers()) {
            None => None,
            Some(t) => accounts::token_staff(&svc, t)
                .await
                .map_err(ApiError::from)?,
        }
    } else {
        let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_string());
        let state = match token {
            None => SessionState::None,
            Some(t) => accounts::session_state(&svc, t)
                .await
                .map_err(PageError::from)?,
        };
        match state {
            SessionState::Full(s) => Some(s),
            SessionState::Pending(_) => return Ok(deny(req, api, Denied::SecondFactor)),
            SessionState::None => None,
        }
    };
    let Some(staff) = staff else {
        return Ok(deny(req, api, Denied::NotSignedIn));
    };
    if let Some(p) = needed
        && !staff.role.can(p)
    {
        return Ok(deny(req, api, Denied::Forbidden));
    }
    req.extensions_mut().insert(staff);
    Ok(next.call(req).await?.map_into_left_body())
}

enum Denied {
    NotSignedIn,
    SecondFactor,
    Forbidden,
    TooMany(u64),
}

/// Answers in the route's own dialect (HTML page or JSON), through the same error types as
/// handlers, so the security headers middleware still applies to these answers.
fn deny<B>(req: ServiceRequest, api: bool, why: Denied) -> ServiceResponse<EitherBody<B>> {
    let mut res = if api {
        let e = match why {
            Denied::NotSignedIn | Denied::SecondFactor => {
                ApiError::status(StatusCode::UNAUTHORIZED, "a valid bearer token is required")
            }
            Denied::Forbidden => ApiError::status(
                StatusCode::FORBIDDEN,
                "this token's role does not allow this call",
            ),
            Denied::TooMany(_) => ApiError::status(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests; wait a moment and try again",
            ),
        };
        e.error_response()
    } else {
        let e = match why {
            Denied::NotSignedIn => PageError::LoginRequired {
                next: req
                    .uri()
                    .path_and_query()
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            },
            Denied::SecondFactor => PageError::SecondFactorRequired,
            Denied::Forbidden => PageError::forbidden("Your role does not allow this page."),
            Denied::TooMany(_) => PageError::TooManyRequests,
        };
        // Carries the error, so the staff layout is chosen where every console error's is.
        actix_web::HttpResponse::from_error(e)
    };
    if let Denied::TooMany(secs) = why
        && let Ok(v) = secs.to_string().parse()
    {
        res.headers_mut()
            .insert(actix_web::http::header::RETRY_AFTER, v);
    }
    // Built from the request's parts: `into_response` would drop the error the response
    // carries.
    let (http, _) = req.into_parts();
    ServiceResponse::new(http, res).map_into_right_body()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_route_is_listed_twice() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert!(
                    !(a.verb == b.verb && a.path == b.path),
                    "{} {} twice",
                    a.verb.as_str(),
                    a.path
                );
            }
        }
    }

    #[test]
    fn staff_routes_are_never_public_by_accident() {
        for r in RULES {
            let sign_in = ["/console/login", "/console/setup/{token}"];
            if r.path.starts_with("/api/") {
                // The one exception authenticates a store by its signature, in the handler.
                // The exceptions authenticate in the handler: a store by its signature, a
                // website by its site key.
                assert!(
                    matches!(r.access, Access::Staff(_))
                        // Any staff member's own figures, and the API's description.
                        || (["/api/v1/overview", "/api/v1/openapi.json"].contains(&r.path)
                            && r.access == Access::SignedIn)
                        || (r.path == "/api/v1/tasks/{id}/result"
                            && matches!(r.access, Access::StoreCallback(_)))
                        || (r.path.starts_with("/api/v1/consent")
                            && matches!(r.access, Access::SiteKey(_))),
                    "{}",
                    r.path
                );
            } else if r.path.starts_with("/console") && !sign_in.contains(&r.path) {
                assert!(r.access != Access::Public, "{}", r.path);
            }
        }
    }

    #[test]
    fn every_api_route_is_described_and_nothing_else() {
        for r in RULES.iter().filter(|r| r.path.starts_with("/api/v1/")) {
            assert!(
                api::openapi::doc(r.verb, r.path).is_some(),
                "{} {} has no description",
                r.verb.as_str(),
                r.path
            );
        }
        let d = api::openapi::document(RULES);
        let described: usize = d["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_object().unwrap().len())
            .sum();
        let routes = RULES
            .iter()
            .filter(|r| r.path.starts_with("/api/v1/"))
            .count();
        assert_eq!(described, routes);
        assert_eq!(
            d["paths"]["/api/v1/requests/{id}/{action}"]["post"]["parameters"][1]["name"],
            "action"
        );
    }
}
