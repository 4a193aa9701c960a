//! `/api/v1/stores`: the registry for integrations.

use actix_web::{HttpResponse, web};
use serde_json::Value;

use super::json::{Fields, first_error};

use crate::domain::stores::Art30;
use crate::web::error::ApiError;
use crate::web::staff::ApiStaff;
use crate::web::store_input::StoreFields;
use crate::workflow::{Services, stores};

pub async fn create(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b = Fields::from_body(&body)?;
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
    let mut art30 = Art30::default();
    for f in Art30::FIELDS {
        art30.set(f.name, b.text(f.name)?);
    }
    let dataset = match b.raw("dataset") {
        None | Some(Value::Null) => String::new(),
        Some(v @ Value::Object(_)) => v.to_string(),
        Some(_) => return Err(ApiError::field("dataset", "dataset must be a JSON object")),
    };
    let fields = StoreFields {
        name: b.text("name")?,
        kind: b.text("kind")?,
        owner_email: b.text("owner_email")?,
        art30,
        connection: b.text("connection")?,
        dataset,
        url: b.text("url")?,
        secret: b.text("secret")?,
        active: b.flag("active")?,
        csrf: String::new(),
    };
    let spec = fields.parse(false).map_err(first_error)?;
    let admin = staff.0.role == crate::domain::Role::Admin;
    let row = stores::save(&svc, spec, None, staff.0.actor(), admin).await?;
    let view = stores::get(&svc, &row.id).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/stores/{}", row.id)))
        .json(view))
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
