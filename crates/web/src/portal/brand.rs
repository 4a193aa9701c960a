//! The brand's own files: the style sheet with the shop's accent colour and the logo, each
//! cached for a year under a URL that names its version (`?v=`), re-checked otherwise.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::error::PageError;
use steward_core::workflow::{Services, brand};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Version {
    v: String,
}

fn cache(asked: &str, current: Option<&str>) -> &'static str {
    if Some(asked) == current {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// `GET /privacy/brand.css`.
pub async fn style(svc: web::Data<Services>, q: web::Query<Version>) -> HttpResponse {
    let b = svc.brand.current();
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, cache(&q.v, b.style_version().as_deref())))
        .body(b.style())
}

/// `GET /privacy/brand/logo`.
pub async fn logo(
    svc: web::Data<Services>,
    q: web::Query<Version>,
) -> Result<HttpResponse, PageError> {
    let Some((kind, bytes)) = brand::logo(&svc).await? else {
        return Err(PageError::not_found());
    };
    // The version of the bytes served, not of this process's copy of the brand (which may
    // lag another process's upload): only a URL naming these very bytes is cached for good.
    let served = brand::logo_version(&bytes);
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, kind))
        .insert_header((CACHE_CONTROL, cache(&q.v, Some(served.as_str()))))
        .body(bytes))
}
