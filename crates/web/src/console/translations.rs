//! A purpose in another language: its name, description and notice, published as that
//! language's next version from the purpose's page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::consent::{PurposeForms, TranslationForm, purpose_page};
use crate::error::PageError;
use crate::render::redirect;
use crate::staff::ConsoleStaff;
use steward_core::workflow::consent::translations;
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::Language;
use steward_domain::consent::PurposeKey;
use steward_domain::validation::FieldErrors;

pub async fn publish(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<TranslationForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let key = PurposeKey::parse(&path).map_err(|_| PageError::not_found())?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let result = match f.language.parse::<Language>() {
        Err(e) => Err(WorkflowError::invalid("language", e.to_string())),
        Ok(language) => translations::publish(
            &svc,
            staff.0.actor(),
            key.clone(),
            language,
            f.name.clone(),
            f.description.clone(),
            f.text.clone(),
        )
        .await
        .map(|_| ()),
    };
    match result {
        Ok(()) => {
            return Ok(redirect(&format!(
                "/console/consent/purposes/{key}#translations"
            )));
        }
        Err(WorkflowError::Invalid { field, message }) => {
            let label = match field {
                "language" => "Language",
                "name" => "Name in that language",
                "description" => "Description in that language",
                _ => "Notice in that language",
            };
            // The notice's field is called `text` on this form.
            let field = if field == "notice_text" {
                "text"
            } else {
                field
            };
            errors.add(field, label, message);
        }
        Err(e) => return Err(e.into()),
    }
    let forms = PurposeForms {
        translation: f,
        errors,
        ..PurposeForms::default()
    };
    purpose_page(&svc, &staff, &path, forms, StatusCode::UNPROCESSABLE_ENTITY).await
}
