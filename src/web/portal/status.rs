//! The subject's status page and the verification link.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::web::error::PageError;
use crate::web::render;
use crate::workflow::view::{self, RequestView};
use crate::workflow::{Services, WorkflowError, requests};

#[derive(Template)]
#[template(path = "portal/status.html")]
struct StatusPage {
    r: RequestView,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

pub async fn page(
    svc: web::Data<Services>,
    path: web::Path<String>,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = q.token.clone().unwrap_or_default();
    match view::load_for_subject(&svc, &path, &token).await {
        Ok(r) => render(StatusCode::OK, &StatusPage { r }),
        Err(WorkflowError::NotFound) => Err(PageError::Status(
            StatusCode::NOT_FOUND,
            "We could not find this request. Please open the link from the email we sent you."
                .into(),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "portal/confirm.html")]
struct ConfirmPage {
    public_id: String,
    kind: &'static str,
    token: String,
}

/// Opening the link only shows a button: mail scanners that follow links must not verify.
pub async fn confirm_page(
    svc: web::Data<Services>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let row = requests::check_verify_link(&svc, &token).await?;
    let kind = requests::parse::<crate::domain::RequestKind>(&row.kind)?.label();
    render(
        StatusCode::OK,
        &ConfirmPage {
            public_id: row.public_id,
            kind,
            token,
        },
    )
}

pub async fn confirm(
    svc: web::Data<Services>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let row = requests::verify_by_link(&svc, &path).await?;
    let url = svc.status_url(&row.id, &row.public_id);
    let path_only = url
        .strip_prefix(&svc.config.base_url)
        .unwrap_or(&url)
        .to_string();
    Ok(super::super::redirect(&format!("{path_only}&verified=1")))
}
