//! The language switch: `GET /privacy/language/{language}` keeps the choice in a cookie and
//! goes back to the page it was made on.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::error::PageError;
use crate::render::redirect;
use steward_core::workflow::Services;
use steward_domain::Language;
use steward_l10n::{LANGUAGE_COOKIE, PSEUDO_TAG};

#[derive(Deserialize)]
pub struct Back {
    back: Option<String>,
}

/// `GET /privacy/language/{language}`: keeps the choice in a cookie for a year and goes
/// back to the page it was made on (only a page of the privacy centre: never elsewhere).
pub async fn switch(
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<Back>,
) -> Result<HttpResponse, PageError> {
    let word = path.into_inner();
    let pseudo = req
        .app_data::<web::Data<Services>>()
        .is_some_and(|s| s.config.languages.pseudo);
    if word.parse::<Language>().is_err() && !(pseudo && word == PSEUDO_TAG) {
        return Err(PageError::not_found());
    }
    let back = q
        .back
        .as_deref()
        .filter(|b| is_privacy_page(b))
        .unwrap_or("/privacy");
    let cookie = Cookie::build(LANGUAGE_COOKIE, word)
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(crate::security::is_https(&req))
        .finish();
    let mut res = redirect(back);
    res.add_cookie(&cookie)
        .map_err(|_| PageError::bad_request("cookie"))?;
    Ok(res)
}

/// A path of the privacy centre on this host: `/privacy` or below, no scheme, no host, no
/// backslash tricks.
fn is_privacy_page(back: &str) -> bool {
    (back == "/privacy" || back.starts_with("/privacy/") || back.starts_with("/privacy?"))
        && !back.contains("//")
        && !back.contains('\\')
        && !back.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_privacy_page;

    #[test]
    fn the_switch_goes_back_only_to_the_privacy_centre() {
        assert!(is_privacy_page("/privacy"));
        assert!(is_privacy_page("/privacy/requests/SR-1?token=abc"));
        for bad in [
            "https://evil.example/privacy",
            "//evil.example/privacy",
            "/privacy//evil.example",
            "/privacy/\\evil",
            "/console",
            "/privacyx",
        ] {
            assert!(!is_privacy_page(bad), "{bad}");
        }
    }
}
