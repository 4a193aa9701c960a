//! The answers every handler builds: a page from its template, a redirect after a form, a
//! request's data package as a download; and who is asking, for the audit trail.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::client;
use crate::error::PageError;
use steward_core::workflow::Services;

pub fn render<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, PageError> {
    let body = page.render().map_err(|e| {
        tracing::error!("template: {e}");
        PageError::Status(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong on our side.".into(),
        )
    })?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// "See other": after a POST, so reloading the page does not send the form again.
/// The connecting address, which keys sign-in failures (behind a proxy: the proxy's).
pub fn client_of(req: &actix_web::HttpRequest) -> String {
    client::client_ip(req)
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

pub fn redirect(to: &str) -> HttpResponse {
    // A target with a control character is never sent as a header (it could split it).
    let to = if to.chars().any(char::is_control) {
        "/"
    } else {
        to
    };
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .finish()
}

/// Streams a request's data package as a CSV download; each download is audited. The
/// subject's own download is headed in their language, staff's in the spec's words.
pub async fn package_response(
    svc: &Services,
    r: &steward_core::workflow::view::RequestView,
    actor: steward_core::audit::Actor,
    columns: steward_core::export::package::Columns,
) -> Result<HttpResponse, steward_core::workflow::WorkflowError> {
    steward_core::workflow::requests::open_package(svc, actor, r).await?;
    let name = format!("attachment; filename=\"{}-data.csv\"", r.public_id);
    let body = steward_core::export::package::stream(svc.clone(), r.id.clone(), columns);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", name))
        .streaming(body))
}
