//! A purpose's services in the console: add one (name, provider, privacy link, and its
//! cookies and storage keys a line each), remove one, and download them all as CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::consent::{PurposeForms, ServiceForm, purpose_page};
use crate::error::PageError;
use crate::render::redirect;
use crate::staff::ConsoleStaff;
use steward_core::workflow::consent::services;
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::consent::PurposeKey;
use steward_domain::consent::services::{ServiceFields, parse_items};
use steward_domain::validation::FieldErrors;

pub async fn add(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<ServiceForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let key = PurposeKey::parse(&path).map_err(|_| PageError::not_found())?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let fields = match ServiceFields::new(&f.name, &f.provider, &f.privacy_url) {
        Ok(fields) => Some(fields),
        Err((field, message)) => {
            let label = match field {
                "name" => "Service",
                "provider" => "Provider",
                _ => "Privacy policy link",
            };
            errors.add(field, label, message);
            None
        }
    };
    let items = errors.check("storage", "Cookies and storage", parse_items(&f.storage));
    if let (Some(fields), Some(items)) = (fields, items) {
        match services::add(&svc, key.clone(), fields, items, staff.0.actor()).await {
            Ok(_) => {
                return Ok(redirect(&format!(
                    "/console/consent/purposes/{key}#services"
                )));
            }
            Err(WorkflowError::Invalid { field, message }) => errors.add(field, "Service", message),
            Err(e) => return Err(e.into()),
        }
    }
    let forms = PurposeForms {
        service: f,
        errors,
        ..PurposeForms::default()
    };
    purpose_page(&svc, &staff, &path, forms, StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct RemoveForm {
    csrf: String,
}

pub async fn remove(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<(String, String)>,
    form: web::Form<RemoveForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (key, id) = path.into_inner();
    let key = PurposeKey::parse(&key).map_err(|_| PageError::not_found())?;
    services::remove(&svc, key.clone(), id, staff.0.actor()).await?;
    Ok(redirect(&format!(
        "/console/consent/purposes/{key}#services"
    )))
}

pub async fn csv(svc: web::Data<Services>, staff: ConsoleStaff) -> Result<HttpResponse, PageError> {
    Ok(crate::reports::services_download(&svc, &staff.0).await?)
}
