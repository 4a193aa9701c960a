//! The static files (`crates/web/static/`: the consent banner, the style sheets, the example
//! page) inside the binary, so a copied binary serves them without its source tree. A debug
//! build reads them from that folder instead, so an edit shows without a rebuild.
//!
//! Caching: Steward's own pages and the banner ask for `?v=<content hash>` URLs, which never
//! change meaning, so browsers keep them a year without asking again. The banner's script
//! itself is pasted into shops' themes under its plain name, so it is kept a day (an upgrade
//! reaches every shop within one), and it asks for its style sheet by hash.

use std::borrow::Cow;

use actix_web::http::header::{self, CacheControl, CacheDirective, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::error::PageError;

#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Static;

/// The banner script names its style sheet by this path; it is served with the hash added.
const BANNER_CSS_PATH: &str = "'/static/consent.css'";

/// A file as it is served: its bytes (the banner's script with its style sheet's hashed
/// URL written in) and the hash of exactly those bytes.
struct Served {
    body: Cow<'static, [u8]>,
    hash: String,
    mime: String,
}

fn load(name: &str) -> Option<Served> {
    let file = Static::get(name)?;
    let mime = file.metadata.mimetype().to_string();
    if name == "consent.js" {
        let text = String::from_utf8_lossy(&file.data)
            .replace(BANNER_CSS_PATH, &format!("'{}'", url("consent.css")));
        let hash = steward_core::secrets::sha256_hex(text.as_bytes());
        return Some(Served {
            body: Cow::Owned(text.into_bytes()),
            hash,
            mime,
        });
    }
    Some(Served {
        hash: hex::encode(file.metadata.sha256_hash()),
        body: file.data,
        mime,
    })
}

/// How much of the hash a URL carries: 64 bits tell versions apart.
const VERSION_LEN: usize = 16;

/// The URL of a static file with its content hash, for pages and the banner to link to.
pub fn url(name: &str) -> String {
    match Static::get(name) {
        Some(f) => format!(
            "/static/{name}?v={}",
            &hex::encode(f.metadata.sha256_hash())[..VERSION_LEN]
        ),
        None => format!("/static/{name}"),
    }
}

#[derive(serde::Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// How long a browser may keep a file without asking again.
fn cache_control(name: &str, asked: Option<&str>, hash: &str) -> CacheControl {
    match asked {
        // This exact content: it never changes under this URL.
        Some(v) if hash.starts_with(v) && v.len() == VERSION_LEN => CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ]),
        // An older page asking for an older version gets today's file: revalidate always.
        Some(_) => CacheControl(vec![CacheDirective::NoCache]),
        None if name.ends_with(".html") => CacheControl(vec![CacheDirective::NoCache]),
        None => CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(86_400),
            CacheDirective::Extension("stale-while-revalidate".into(), Some("604800".into())),
        ]),
    }
}

/// `GET /static/{path}`: the file with its type, an ETag of its content (a browser that has
/// it gets a 304) and how long it may be kept.
pub async fn file(
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<Version>,
) -> Result<HttpResponse, PageError> {
    let name = path.into_inner();
    let file = load(&name).ok_or_else(PageError::not_found)?;
    let tag = EntityTag::new_strong(file.hash.clone());
    let fresh = match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(&tag)),
        None => false,
    };
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header(header::ETag(tag))
        .insert_header(cache_control(&name, q.v.as_deref(), &file.hash))
        // Shops embed the banner from another origin: let their pages measure its cost and
        // load it under a cross-origin embedder policy.
        .insert_header(("Timing-Allow-Origin", "*"))
        .insert_header(("Cross-Origin-Resource-Policy", "cross-origin"));
    if fresh {
        return Ok(res.finish());
    }
    let content_type = if file.mime.starts_with("text/") || file.mime.ends_with("javascript") {
        format!("{}; charset=utf-8", file.mime)
    } else {
        file.mime
    };
    Ok(res.content_type(content_type).body(file.body.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_file_is_embedded_with_a_type() {
        let names: Vec<_> = Static::iter().collect();
        for expected in [
            "consent.js",
            "consent.css",
            "steward.css",
            "consent-example.html",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} not in {names:?}"
            );
        }
        let js = load("consent.js").unwrap();
        assert!(js.mime.ends_with("javascript"));
        assert!(!js.body.is_empty());
    }

    #[test]
    fn the_banner_asks_for_its_style_sheet_by_hash() {
        let js = String::from_utf8(load("consent.js").unwrap().body.into_owned()).unwrap();
        let css = url("consent.css");
        assert!(css.contains("?v="), "{css}");
        assert!(js.contains(&format!("'{css}'")), "consent.js names {css}");
        assert!(!js.contains(BANNER_CSS_PATH));
    }

    #[test]
    fn only_the_exact_version_is_kept_for_a_year() {
        let hash = "0123456789abcdef0123";
        let year = cache_control("x.css", Some(&hash[..VERSION_LEN]), hash).to_string();
        assert!(
            year.contains("immutable") && year.contains("31536000"),
            "{year}"
        );
        let stale = cache_control("x.css", Some("ffffffffffffffff"), hash).to_string();
        assert_eq!(stale, "no-cache");
        let plain = cache_control("consent.js", None, hash).to_string();
        assert!(plain.contains("max-age=86400"), "{plain}");
    }
}
