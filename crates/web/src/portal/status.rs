//! The subject's status page and the verification link.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::error::PageError;
use crate::render::render;
use std::sync::Arc;
use steward_core::audit::Actor;
use steward_core::export::package::Columns;
use steward_core::workflow::brand::Brand;
use steward_core::workflow::stores::{self, StoreView};
use steward_core::workflow::view::{self, RequestView};
use steward_core::workflow::{Services, WorkflowError, requests};
use steward_domain::PublicId;
use steward_l10n::Tr;

use crate::language::Reader;
use crate::portal::words::public_errors;

#[derive(Template)]
#[template(path = "portal/status.html")]
struct StatusPage {
    r: RequestView,
    /// Art. 15(1): what each store holding the subject's data does with it.
    stores: Vec<StoreView>,
    download: Option<String>,
    /// For an agent's request: where to send the proof of authority, and what arrived.
    proof_action: Option<String>,
    proofs: Vec<(String, String, i64)>,
    errors: crate::forms::FieldErrors,
    /// For a correction: what was corrected in which system, and what was not and why.
    corrected: Vec<steward_core::workflow::notices::SubjectLine>,
    /// A message id: what just happened (confirmed now, confirmed before).
    flash: Option<&'static str>,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
    /// Set after the subject confirmed by the link just now (`verified`) or earlier
    /// (`confirmed`): the page says so.
    #[serde(default)]
    verified: Option<String>,
    #[serde(default)]
    confirmed: Option<String>,
}

pub async fn page(
    reader: Reader,
    svc: web::Data<Services>,
    path: web::Path<PublicId>,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = q.token.clone().unwrap_or_default();
    match view::load_for_subject(&svc, &path, &token).await {
        Ok(r) => {
            let flash = if q.verified.is_some() {
                Some("status-confirmed-now")
            } else if q.confirmed.is_some() {
                Some("status-confirmed-before")
            } else {
                None
            };
            status_page(
                &svc,
                reader,
                r,
                &token,
                Default::default(),
                StatusCode::OK,
                flash,
            )
            .await
        }
        Err(WorkflowError::NotFound) => Err(PageError::Public(
            StatusCode::NOT_FOUND,
            "error-request-missing",
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "portal/confirm.html")]
struct ConfirmPage {
    public_id: steward_domain::PublicId,
    kind: steward_domain::RequestKind,
    token: String,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

impl ConfirmPage {
    fn lead(&self) -> String {
        self.tr.t2(
            "confirm-lead",
            ("reference", self.public_id.as_str()),
            ("kind", self.tr.kind(self.kind)),
        )
    }
}

/// Opening the link only shows a button: mail scanners that follow links must not verify.
pub async fn confirm_page(
    reader: Reader,
    svc: web::Data<Services>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let row = match requests::check_verify_link(&svc, &token).await {
        Ok(requests::VerifyLink::Open(row)) => row,
        Ok(requests::VerifyLink::Used(row)) => return Ok(to_status(&svc, &row, "confirmed=1")),
        Err(WorkflowError::LinkInvalid) => return Err(link_unknown()),
        Err(e) => return Err(e.into()),
    };
    render(
        StatusCode::OK,
        &ConfirmPage {
            public_id: row.public_id,
            kind: row.kind,
            token,
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )
}

pub async fn confirm(
    svc: web::Data<Services>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let (row, now) = match requests::verify_by_link(&svc, &path).await {
        Err(WorkflowError::LinkInvalid) => return Err(link_unknown()),
        other => other?,
    };
    Ok(to_status(
        &svc,
        &row,
        if now { "verified=1" } else { "confirmed=1" },
    ))
}

/// Off to the request's status page, with a word for the message it shows.
fn to_status(svc: &Services, row: &steward_core::records::RequestRow, flag: &str) -> HttpResponse {
    let url = svc.status_url(&row.id, &row.public_id);
    let path_only = url.strip_prefix(&svc.config.base_url).unwrap_or(&url);
    crate::render::redirect(&format!("{path_only}&{flag}"))
}

fn link_unknown() -> PageError {
    PageError::Public(StatusCode::NOT_FOUND, "error-link-unknown")
}

/// The subject's own download, with the capability from their email, for 30 days.
pub async fn package(
    svc: web::Data<Services>,
    path: web::Path<PublicId>,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = q.token.clone().unwrap_or_default();
    let r = view::load_for_subject(&svc, &path, &token)
        .await
        .map_err(|e| match e {
            WorkflowError::NotFound => PageError::not_found(),
            e => e.into(),
        })?;
    // The subject's own copy, headed in the language the request was filed in.
    let columns = Columns::in_language(Tr::new(r.language));
    Ok(crate::render::package_response(&svc, &r, Actor::Subject, columns).await?)
}

impl StatusPage {
    /// The files received, by name.
    fn proof_names(&self) -> String {
        self.proofs
            .iter()
            .map(|p| p.1.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// One line of what a correction changed, in the reader's words.
    fn corrected_line(&self, l: &steward_core::workflow::notices::SubjectLine) -> String {
        let (tr, store, category) = (self.tr, l.store.as_str(), self.tr.category(l.category));
        match (&l.corrected, &l.reason) {
            (true, _) => tr.t2(
                "status-corrected-yes",
                ("store", store),
                ("category", category),
            ),
            (false, None) => tr.t2(
                "status-corrected-no",
                ("store", store),
                ("category", category),
            ),
            (false, Some(why)) => tr.with(
                "status-corrected-no-because",
                &[
                    ("store", store.into()),
                    ("category", category.into()),
                    ("reason", why.into()),
                ],
            ),
        }
    }
}

async fn status_page(
    svc: &Services,
    reader: Reader,
    r: RequestView,
    token: &str,
    errors: crate::forms::FieldErrors,
    status: StatusCode,
    flash: Option<&'static str>,
) -> Result<HttpResponse, PageError> {
    let stores = stores::of_request(svc, &r.id).await?;
    let download = r.package_downloadable().then(|| {
        format!(
            "/privacy/requests/{}/package.csv?token={token}",
            r.public_id
        )
    });
    let proof_action = (r.agent.is_some() && !r.status.is_closed())
        .then(|| format!("/privacy/requests/{}/proof?token={token}", r.public_id));
    let proofs = if r.agent.is_some() {
        requests::attachments(svc, &r.id).await?
    } else {
        Vec::new()
    };
    let corrected = steward_core::workflow::corrections::subject_lines(svc, &r.id).await?;
    render(
        status,
        &StatusPage {
            r,
            stores,
            download,
            proof_action,
            proofs,
            errors,
            corrected,
            flash,
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )
}

/// An authorized agent sends the proof of authority (a PDF or image) from the status page;
/// the capability in the emailed link is the credential.
pub async fn proof(
    req: actix_web::HttpRequest,
    svc: web::Data<Services>,
    path: web::Path<PublicId>,
    q: web::Query<TokenQuery>,
    payload: actix_multipart::Multipart,
) -> Result<HttpResponse, PageError> {
    let token = q.token.clone().unwrap_or_default();
    let r = view::load_for_subject(&svc, &path, &token)
        .await
        .map_err(|e| match e {
            WorkflowError::NotFound => PageError::not_found(),
            e => e.into(),
        })?;
    if let Some(refused) =
        crate::multipart::refused_length(&req, steward_domain::document::MAX_BYTES)
    {
        return Err(refused);
    }
    let up = crate::multipart::read(payload, steward_domain::document::MAX_BYTES).await;
    if let Some(why) = &up.unreadable {
        return Err(why.public());
    }
    let result = if up.too_large {
        Err(WorkflowError::invalid(
            "file",
            steward_domain::document::DocumentError::TooLarge.to_string(),
        ))
    } else {
        let (name, bytes) = up.file.unwrap_or_default();
        requests::attach_proof(&svc, &r.id, &name, bytes).await
    };
    match result {
        Ok(()) => Ok(crate::render::redirect(&format!(
            "/privacy/requests/{}?token={token}&proof=1",
            r.public_id
        ))),
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = crate::forms::FieldErrors::default();
            errors.add(field, "The file", message);
            let reader = Reader::of(&req);
            let errors = public_errors(errors, reader.tr);
            status_page(
                &svc,
                reader,
                r,
                &token,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
