//! `/console/settings/brand`: the shop's name, accent colour, privacy policy, controller and
//! data protection officer, and its logo, as every public page and email shows them.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::workflow::brand::{self, Brand, BrandFields};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::brand::MAX_LOGO_BYTES;
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/brand.html")]
struct BrandPage {
    nav: Nav,
    f: BrandFields,
    brand: std::sync::Arc<Brand>,
    errors: FieldErrors,
    flash: Option<&'static str>,
    max_logo_kb: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Flash {
    saved: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BrandForm {
    csrf: String,
    shop_name: String,
    accent: String,
    policy_url: String,
    controller_name: String,
    controller_contact: String,
    dpo_contact: String,
}

fn page(
    svc: &Services,
    staff: &ConsoleStaff,
    f: Option<BrandFields>,
    errors: FieldErrors,
    flash: Option<&'static str>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let brand = svc.brand.current();
    let f = f.unwrap_or_else(|| BrandFields::of(&brand, svc.config.consent.policy_url.as_deref()));
    render(
        status,
        &BrandPage {
            nav: Nav::new(staff, "brand"),
            f,
            brand,
            errors,
            flash,
            max_logo_kb: MAX_LOGO_BYTES / 1024,
        },
    )
}

pub async fn show(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<Flash>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.saved.as_str() {
        "1" => Some("Saved: public pages and emails show the new brand."),
        "logo" => Some("Saved: the new logo is shown on public pages."),
        "nologo" => Some("The logo was removed."),
        _ => None,
    };
    // The form shows what is stored now (another process may have saved meanwhile).
    brand::refresh(&svc).await?;
    page(
        &svc,
        &staff,
        None,
        FieldErrors::default(),
        flash,
        StatusCode::OK,
    )
}

/// A field's name as the form shows it, for error messages.
fn label(field: &str) -> &'static str {
    match field {
        "shop_name" => "Shop name",
        "accent" => "Accent colour",
        "policy_url" => "Privacy policy URL",
        "controller_name" => "Controller name",
        "controller_contact" => "Controller address and contact",
        "dpo_contact" => "Data protection officer contact",
        "logo" => "Logo",
        _ => "This field",
    }
}

pub async fn save(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<BrandForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let fields = BrandFields {
        shop_name: f.shop_name,
        accent: f.accent,
        policy_url: f.policy_url,
        controller_name: f.controller_name,
        controller_contact: f.controller_contact,
        dpo_contact: f.dpo_contact,
    };
    match brand::save(&svc, staff.0.actor(), fields.clone()).await {
        Ok(_) => Ok(redirect("/console/settings/brand?saved=1")),
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(field, label(field), message);
            page(
                &svc,
                &staff,
                Some(fields),
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn logo(
    req: HttpRequest,
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    payload: actix_multipart::Multipart,
) -> Result<HttpResponse, PageError> {
    if let Some(refused) = crate::multipart::refused_length(&req, MAX_LOGO_BYTES) {
        return Err(refused);
    }
    let up = crate::multipart::read(payload, MAX_LOGO_BYTES).await;
    staff.check_csrf(up.text("csrf"))?;
    let result = match (&up.unreadable, up.too_large) {
        (Some(why), _) => Err(WorkflowError::invalid("logo", why.to_string())),
        (None, true) => Err(WorkflowError::invalid(
            "logo",
            steward_domain::brand::BrandError::TooLarge.to_string(),
        )),
        (None, false) => {
            let (_, bytes) = up.file.clone().unwrap_or_default();
            brand::set_logo(&svc, staff.0.actor(), bytes).await
        }
    };
    match result {
        Ok(()) => Ok(redirect("/console/settings/brand?saved=logo")),
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(field, label(field), message);
            page(
                &svc,
                &staff,
                None,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn remove_logo(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    brand::remove_logo(&svc, staff.0.actor()).await?;
    Ok(redirect("/console/settings/brand?saved=nologo"))
}
