//! The public request form.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::error::PageError;
use crate::intake::{IntakeFields, Source};
use crate::language::Reader;
use crate::portal::words::public_errors;
use crate::render::render;
use crate::security;
use std::sync::Arc;
use steward_core::audit::Actor;
use steward_core::workflow::brand::Brand;
use steward_core::workflow::{Services, corrections, requests};
use steward_domain::correction::CorrectionCategory;
use steward_domain::validation::FieldErrors;
use steward_domain::{Jurisdiction, RequestKind};
use steward_l10n::Tr;

#[derive(Template)]
#[template(path = "portal/rights.html")]
struct RightsPage {
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

pub async fn rights(reader: Reader) -> Result<HttpResponse, PageError> {
    render(
        StatusCode::OK,
        &RightsPage {
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )
}

#[derive(Template)]
#[template(path = "portal/request_form.html")]
struct FormPage {
    f: IntakeFields,
    errors: FieldErrors,
    /// What may be corrected: the categories the stores hold.
    categories: Vec<CorrectionCategory>,
    kinds: &'static [RequestKind],
    jurisdictions: &'static [Jurisdiction],
    csrf: String,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

impl FormPage {
    fn value_of(&self, c: &CorrectionCategory) -> &str {
        self.f.correct_value(*c)
    }
}

#[derive(Deserialize)]
pub struct Preselect {
    kind: Option<String>,
}

async fn form_page(
    req: &HttpRequest,
    svc: &Services,
    f: IntakeFields,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (csrf, cookie) = security::public_form_token(req);
    let Reader { tr, here, brand } = Reader::of(req);
    let page = FormPage {
        f,
        errors: public_errors(errors, tr),
        tr,
        here,
        brand: brand.clone(),
        categories: corrections::offered(svc).await?,
        kinds: RequestKind::ALL,
        jurisdictions: Jurisdiction::ALL,
        csrf,
    };
    let mut res = render(status, &page)?;
    if let Some(c) = cookie {
        res.add_cookie(&c)
            .map_err(|_| PageError::bad_request("cookie"))?;
    }
    Ok(res)
}

pub async fn form(
    req: HttpRequest,
    svc: web::Data<Services>,
    q: web::Query<Preselect>,
) -> Result<HttpResponse, PageError> {
    let f = IntakeFields {
        kind: q.kind.clone().unwrap_or_default(),
        ..Default::default()
    };
    form_page(&req, &svc, f, FieldErrors::default(), StatusCode::OK).await
}

pub async fn submit(
    req: HttpRequest,
    svc: web::Data<Services>,
    form: web::Form<IntakeFields>,
) -> Result<HttpResponse, PageError> {
    let mut f = form.into_inner();
    // The request is filed in the language of the page it was sent from.
    let tr = crate::language::tr_of(&req);
    f.language = tr.language().as_str().to_string();
    if !security::public_form_token_ok(&req, &f.csrf) {
        let mut e = FieldErrors::default();
        e.add("csrf", "Form", crate::intake::FORM_EXPIRED);
        return form_page(&req, &svc, f, e, StatusCode::FORBIDDEN).await;
    }
    let intake = match f.parse(Source::Portal, svc.config.timezone, tr.language()) {
        Ok(i) => i,
        Err(errors) => {
            return form_page(&req, &svc, f, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let filed = requests::file(&svc, intake, Actor::Subject).await?;
    Ok(crate::render::redirect(&format!(
        "/privacy/requests/sent?ref={}",
        filed.public_id
    )))
}

#[derive(Template)]
#[template(path = "portal/sent.html")]
struct SentPage {
    reference: Option<String>,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

#[derive(Deserialize)]
pub struct SentQuery {
    #[serde(rename = "ref")]
    reference: Option<String>,
}

/// Only echoes the reference back (after checking its shape); it reveals nothing stored.
pub async fn sent(reader: Reader, q: web::Query<SentQuery>) -> Result<HttpResponse, PageError> {
    let reference = q.reference.clone().filter(|r| {
        r.len() == 11 && r.starts_with("SR-") && r[3..].chars().all(|c| c.is_ascii_alphanumeric())
    });
    render(
        StatusCode::OK,
        &SentPage {
            reference,
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )
}
