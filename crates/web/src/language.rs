//! The customer's language on the public pages: negotiated from the switch's cookie, the
//! browser's `Accept-Language` and the shop's default ([`steward_l10n::negotiate`]), and the
//! switch's links (one per language, no JavaScript; `portal::language` keeps the choice).

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use std::sync::Arc;

use steward_core::workflow::Services;
use steward_core::workflow::brand::Brand;
use steward_domain::Language;
use steward_l10n::{LANGUAGE_COOKIE, Tr};

/// Who is reading a public page: their language, and the page's own address for the
/// language switch to come back to.
#[derive(Debug, Clone)]
pub struct Reader {
    pub tr: Tr,
    pub here: String,
    /// The shop's brand, as every public page shows it.
    pub brand: Arc<Brand>,
}

/// The reader's translator.
pub fn tr_of(req: &HttpRequest) -> Tr {
    let (default, pseudo) = req
        .app_data::<web::Data<Services>>()
        .map(|s| (s.config.languages.default, s.config.languages.pseudo))
        .unwrap_or((Language::En, false));
    let cookie = req.cookie(LANGUAGE_COOKIE);
    let accept = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    steward_l10n::negotiate(cookie.as_ref().map(|c| c.value()), accept, default, pseudo)
}

impl Reader {
    pub fn of(req: &HttpRequest) -> Reader {
        let brand = req
            .app_data::<web::Data<Services>>()
            .map(|s| s.brand.current())
            .unwrap_or_default();
        Reader {
            tr: tr_of(req),
            here: here(req),
            brand,
        }
    }
}

impl FromRequest for Reader {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Reader::of(req)))
    }
}

/// Where the switch brings the reader back to: this page, when it can be fetched again
/// (a GET); after a form was sent, the page the form is on.
fn here(req: &HttpRequest) -> String {
    let path = req.path();
    if req.method() == actix_web::http::Method::GET {
        return match req.query_string() {
            "" => path.to_string(),
            q => format!("{path}?{q}"),
        };
    }
    match path {
        "/privacy/preferences/choices" => "/privacy/preferences".to_string(),
        p if p.starts_with("/privacy/requests/") && p.ends_with("/proof") => {
            // The status page, with the same capability in its query.
            let status = p.trim_end_matches("/proof");
            match req.query_string() {
                "" => status.to_string(),
                q => format!("{status}?{}", without(q, "proof")),
            }
        }
        p => p.to_string(),
    }
}

fn without(query: &str, name: &str) -> String {
    query
        .split('&')
        .filter(|kv| kv.split('=').next() != Some(name))
        .collect::<Vec<_>>()
        .join("&")
}

/// The switch's link for one language.
pub fn switch_href(language: &Language, here: &str) -> String {
    format!(
        "/privacy/language/{}?{}",
        language.as_str(),
        serde_urlencoded::to_string([("back", here)]).unwrap_or_default()
    )
}

/// Every language the switch offers, in its own name.
pub const LANGUAGES: &[Language] = Language::ALL;
