//! The services behind a purpose, through the API: listed with each purpose, added and
//! removed by staff who manage consent.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json;
use super::vocab;
use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::Services;
use steward_core::workflow::consent::services::{self, Service};
use steward_domain::consent::PurposeKey;
use steward_domain::consent::services::{ServiceFields, StorageItem, StorageKind};

/// A cookie or storage key a service keeps in the browser.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StorageJson {
    /// The cookie or storage key's name; a trailing `*` matches every name starting so.
    #[schema(max_length = 100)]
    name: String,
    #[schema(schema_with = vocab::storage_kind)]
    kind: String,
    /// As people read it: "2 years", "session".
    #[schema(max_length = 60)]
    lifetime: String,
    /// Set on the provider's own domain: the banner cannot delete it, only name it.
    #[serde(default)]
    third_party: bool,
}

/// A service behind a purpose: who receives the data, and what it keeps in the browser.
#[derive(Serialize, ToSchema)]
pub struct ServiceJson {
    id: String,
    name: String,
    provider: String,
    privacy_url: Option<String>,
    storage: Vec<StorageJson>,
}

impl ServiceJson {
    pub fn of((s, items): &Service) -> Self {
        ServiceJson {
            id: s.id.clone(),
            name: s.name.clone(),
            provider: s.provider.clone(),
            privacy_url: s.privacy_url.clone(),
            storage: items
                .iter()
                .map(|i| StorageJson {
                    name: i.name.clone(),
                    kind: i.kind.as_str().to_string(),
                    lifetime: i.lifetime.clone(),
                    third_party: i.third_party,
                })
                .collect(),
        }
    }

    /// A purpose's services, as its answer lists them.
    pub fn list(all: &[Service], purpose: &PurposeKey) -> Vec<ServiceJson> {
        services::of(all, purpose).map(ServiceJson::of).collect()
    }
}

/// `POST /api/v1/purposes/{key}/services`: a service behind the purpose.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Google Analytics", "provider": "Google Ireland Limited",
    "privacy_url": "https://policies.google.com/privacy",
    "storage": [
        {"name": "_ga", "kind": "cookie", "lifetime": "2 years"},
        {"name": "_ga_*", "kind": "cookie", "lifetime": "2 years"}
    ]
}))]
pub struct ServiceBody {
    #[schema(required = true, max_length = 100)]
    name: Option<String>,
    /// The company that receives the data.
    #[schema(required = true, max_length = 200)]
    provider: Option<String>,
    privacy_url: Option<String>,
    storage: Option<Vec<StorageJson>>,
}

fn not_found() -> ApiError {
    ApiError::status(StatusCode::NOT_FOUND, "no such purpose")
}

pub async fn add(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let key = PurposeKey::parse(&path).map_err(|_| not_found())?;
    let b: ServiceBody = json::body(&body)?;
    let fields = ServiceFields::new(
        &json::text(&b.name),
        &json::text(&b.provider),
        &json::text(&b.privacy_url),
    )
    .map_err(|(field, message)| ApiError::field(field, message))?;
    let given = b.storage.unwrap_or_default();
    if given.len() > steward_domain::consent::services::MAX_ITEMS {
        return Err(ApiError::field(
            "storage",
            format!(
                "storage lists at most {} cookies and storage keys",
                steward_domain::consent::services::MAX_ITEMS
            ),
        ));
    }
    let mut items = Vec::with_capacity(given.len());
    for (i, s) in given.iter().enumerate() {
        let kind = s
            .kind
            .parse::<StorageKind>()
            .map_err(|e| ApiError::field("storage", format!("storage[{i}].kind {e}")))?;
        items.push(
            StorageItem::new(&s.name, kind, &s.lifetime, s.third_party)
                .map_err(|e| ApiError::field("storage", format!("storage[{i}]: {e}")))?,
        );
    }
    let added = services::add(&svc, key.clone(), fields, items, staff.0.actor()).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/purposes/{key}/services/{}", added.0.id),
        ))
        .json(ServiceJson::of(&added)))
}

pub async fn remove(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (key, id) = path.into_inner();
    let key = PurposeKey::parse(&key).map_err(|_| not_found())?;
    services::remove(&svc, key, id, staff.0.actor()).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn csv(svc: web::Data<Services>, staff: ApiStaff) -> Result<HttpResponse, ApiError> {
    Ok(crate::reports::services_download(&svc, &staff.0).await?)
}
