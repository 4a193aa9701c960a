//! Headers every response carries, and CSRF tokens for forms.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::middleware::DefaultHeaders;

use steward_core::secrets::{new_token, same_secret};

pub fn headers(tls: bool) -> DefaultHeaders {
    let mut h = DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        // Status links carry a capability in the URL: never leak it to other sites.
        .add(("Referrer-Policy", "no-referrer"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ))
        .add(("Cache-Control", "no-store"));
    if tls {
        h = h.add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ));
    }
    h
}

pub const FORM_COOKIE: &str = "steward_form";

/// Public forms have no session, so they use a double-submit token: a random cookie that
/// only this site can set, echoed in a hidden field. A cross-site POST can send the cookie but
/// cannot read it to fill in the field.
pub fn public_form_token(req: &HttpRequest) -> (String, Option<Cookie<'static>>) {
    if let Some(c) = req.cookie(FORM_COOKIE).filter(|c| c.value().len() >= 32) {
        return (c.value().to_string(), None);
    }
    let token = new_token();
    let cookie = Cookie::build(FORM_COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(is_https(req))
        .finish();
    (token, Some(cookie))
}

pub fn public_form_token_ok(req: &HttpRequest, submitted: &str) -> bool {
    req.cookie(FORM_COOKIE)
        .is_some_and(|c| !submitted.is_empty() && same_secret(c.value(), submitted))
}

/// Whether cookies must be Secure: served over TLS here, or the public URL is https (TLS
/// ends at a proxy). Not taken from `X-Forwarded-Proto`, which any client can send.
pub fn is_https(req: &HttpRequest) -> bool {
    req.app_config().secure()
        || req
            .app_data::<actix_web::web::Data<steward_core::workflow::Services>>()
            .is_some_and(|s| s.config.base_url.starts_with("https://"))
}
