//! `/api/v1/stores`: the registry for integrations.

use actix_web::{HttpResponse, web};
use serde_json::Value;

use super::json::{Fields, first_error};

use crate::error::ApiError;
use crate::staff::ApiStaff;
use crate::store_input::StoreFields;
use steward_core::workflow::{Services, stores};
use steward_domain::stores::Art30;

/// The body's fields over a base (empty for a new store, the stored ones for a change).
fn fields_from(b: &Fields, base: StoreFields) -> Result<StoreFields, ApiError> {
    let mut allowed = vec![
        "name",
        "kind",
        "owner_email",
        "connection",
        "dataset",
        "url",
        "secret",
        "active",
    ];
    allowed.extend(Art30::FIELDS.iter().map(|f| f.name));
    b.only(&allowed)?;
    let given = |name: &str| b.raw(name).is_some();
    let mut f = base;
    for field in Art30::FIELDS {
        if given(field.name) {
            f.art30.set(field.name, b.text(field.name)?);
        }
    }
    match b.raw("dataset") {
        None => {}
        Some(Value::Null) => f.dataset = String::new(),
        Some(v @ Value::Object(_)) => f.dataset = v.to_string(),
        Some(_) => return Err(ApiError::field("dataset", "dataset must be a JSON object")),
    }
    for (name, slot) in [
        ("name", &mut f.name),
        ("kind", &mut f.kind),
        ("owner_email", &mut f.owner_email),
        ("connection", &mut f.connection),
        ("url", &mut f.url),
        ("secret", &mut f.secret),
    ] {
        if given(name) {
            *slot = b.text(name)?;
        }
    }
    // `null` is "not given", never a silent reactivation.
    if b.raw("active").is_some_and(|v| !v.is_null()) {
        f.active = b.flag("active")?;
    }
    Ok(f)
}

pub async fn create(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b = Fields::from_body(&body)?;
    let fields = fields_from(&b, StoreFields::default())?;
    let spec = fields.parse(false).map_err(first_error)?;
    let admin = staff.0.role == steward_domain::Role::Admin;
    let row = stores::save(&svc, spec, None, staff.0.actor(), admin).await?;
    let view = stores::get(&svc, &row.id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/stores/{}", row.id)))
        .json(view))
}

/// The stored store as form fields; write-only secrets stay empty, which keeps them.
fn fields_of(v: &stores::StoreView) -> StoreFields {
    StoreFields {
        name: v.name.clone(),
        kind: v.kind.as_str().into(),
        owner_email: v.owner_email.clone(),
        art30: v.art30.clone(),
        connection: String::new(),
        dataset: v
            .dataset
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        url: v.url.clone().unwrap_or_default(),
        secret: String::new(),
        active: if v.active {
            "true".into()
        } else {
            "false".into()
        },
        csrf: String::new(),
    }
}

/// `PATCH /api/v1/stores/{id}`: any field; the rest stay. A SQL store's dataset is checked
/// against its live schema again, as when it was registered.
pub async fn update(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let existing = stores::get(&svc, &path).await?;
    let b = Fields::from_body(&body)?;
    let fields = fields_from(&b, fields_of(&existing))?;
    let spec = fields.parse(true).map_err(first_error)?;
    let admin = staff.0.role == steward_domain::Role::Admin;
    stores::save(
        &svc,
        spec,
        Some(existing.id.clone()),
        staff.0.actor(),
        admin,
    )
    .await?;
    Ok(HttpResponse::Ok().json(stores::get(&svc, &existing.id).await?))
}

/// `POST /api/v1/stores/{id}/deactivate`: the store gets no new tasks; its open ones stay.
/// Works whatever state the store is in (its database gone, its owner left): nothing is
/// re-checked to switch it off.
pub async fn deactivate(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let existing = stores::get(&svc, &path).await?;
    stores::deactivate(&svc, existing.id.clone(), staff.0.actor()).await?;
    Ok(HttpResponse::Ok().json(stores::get(&svc, &existing.id).await?))
}
pub async fn list(svc: web::Data<Services>, _staff: ApiStaff) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(serde_json::json!({"items": stores::list(&svc).await?})))
}

pub async fn get(
    svc: web::Data<Services>,
    _staff: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(stores::get(&svc, &path).await?))
}
