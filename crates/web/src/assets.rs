//! The static files (`crates/web/static/`: the consent banner, the style sheets, the example
//! page) inside the binary, so a copied binary serves them without its source tree. A debug
//! build reads them from that folder instead, so an edit shows without a rebuild.

use actix_web::http::header::{self, CacheControl, CacheDirective, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::error::PageError;

#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Static;

/// `GET /static/{path}`: the file with its type, and an ETag of its content, so a browser
/// that has it gets a 304 instead of the file again.
pub async fn file(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let file = Static::get(&path).ok_or_else(PageError::not_found)?;
    let tag = EntityTag::new_strong(hex::encode(file.metadata.sha256_hash()));
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
        .insert_header(CacheControl(vec![CacheDirective::NoCache]));
    if fresh {
        return Ok(res.finish());
    }
    let mime = file.metadata.mimetype();
    let content_type = if mime.starts_with("text/") || mime.ends_with("javascript") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    Ok(res.content_type(content_type).body(file.data.into_owned()))
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
        let js = Static::get("consent.js").unwrap();
        assert!(js.metadata.mimetype().ends_with("javascript"));
        assert!(!js.data.is_empty());
    }
}
