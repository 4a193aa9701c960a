//! `/api/v1/settings/brand`: the shop's brand as customers see it (the logo is uploaded in
//! the console); the same settings and checks as the console's brand page.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json;
use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::Services;
use steward_core::workflow::brand::{self, Brand, BrandFields};

/// The brand: what public pages, emails and the banner show of the shop. A field not set
/// is not shown anywhere.
#[derive(Serialize, ToSchema)]
pub struct BrandJson {
    shop_name: Option<String>,
    /// `#rrggbb`, at least 4.5:1 against white (WCAG AA).
    accent: Option<String>,
    policy_url: Option<String>,
    controller_name: Option<String>,
    controller_contact: Option<String>,
    dpo_contact: Option<String>,
    /// Where the logo is served, when there is one.
    logo_url: Option<String>,
}

impl BrandJson {
    fn of(b: &Brand) -> Self {
        BrandJson {
            shop_name: b.shop_name.clone(),
            accent: b.accent.map(|a| a.to_string()),
            policy_url: b.policy_url.clone(),
            controller_name: b.controller_name.clone(),
            controller_contact: b.controller_contact.clone(),
            dpo_contact: b.dpo_contact.clone(),
            logo_url: b
                .logo_version
                .as_ref()
                .map(|v| format!("/privacy/brand/logo?v={v}")),
        }
    }
}

/// `PATCH /api/v1/settings/brand`: the fields given replace the brand's; an empty text
/// removes one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "shop_name": "Example Shop", "accent": "#1d5aa6",
    "policy_url": "https://shop.example/privacy",
    "controller_name": "Example Shop GmbH",
    "controller_contact": "Hauptstraße 1, 10115 Berlin, privacy@shop.example",
    "dpo_contact": "dpo@shop.example"
}))]
pub struct BrandChange {
    #[schema(max_length = 120)]
    shop_name: Option<String>,
    #[schema(pattern = "^#[0-9a-fA-F]{6}$")]
    accent: Option<String>,
    #[schema(max_length = 500)]
    policy_url: Option<String>,
    #[schema(max_length = 300)]
    controller_name: Option<String>,
    #[schema(max_length = 1000)]
    controller_contact: Option<String>,
    #[schema(max_length = 1000)]
    dpo_contact: Option<String>,
}

pub async fn show(svc: web::Data<Services>, _staff: ApiStaff) -> HttpResponse {
    HttpResponse::Ok().json(BrandJson::of(&svc.brand.current()))
}

pub async fn change(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: BrandChange = json::body(&body)?;
    // Fields not given keep what is stored now, not this process's copy: another process
    // may have saved since its last reload.
    let stored = brand::refresh(&svc).await?;
    let now = BrandFields::of(&stored, svc.config.consent.policy_url.as_deref());
    let given = |new: Option<String>, old: String| new.unwrap_or(old);
    let fields = BrandFields {
        shop_name: given(b.shop_name, now.shop_name),
        accent: given(b.accent, now.accent),
        policy_url: given(b.policy_url, now.policy_url),
        controller_name: given(b.controller_name, now.controller_name),
        controller_contact: given(b.controller_contact, now.controller_contact),
        dpo_contact: given(b.dpo_contact, now.dpo_contact),
    };
    let brand = brand::save(&svc, staff.0.actor(), fields).await?;
    Ok(HttpResponse::Ok().json(BrandJson::of(&brand)))
}
