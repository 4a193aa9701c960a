//! The public side: the rights explained, the request form, verification and the status page.

pub(crate) mod brand;
pub(crate) mod intake;
pub(crate) mod language;
pub(crate) mod preferences;
pub(crate) mod status;
pub(crate) mod words;

pub(crate) async fn home() -> actix_web::HttpResponse {
    crate::render::redirect("/privacy")
}
