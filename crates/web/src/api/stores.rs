//! `/api/v1/stores`: the registry for integrations.

use actix_web::{HttpResponse, web};
use serde_json::Value;

use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::json::{self, first_error};
use super::vocab;

use crate::error::ApiError;
use crate::staff::ApiStaff;
use crate::store_input::StoreFields;
use steward_core::workflow::{Services, stores};
use steward_domain::StoreId;

/// A store's body, as `NewStore` (registering: the record's required fields are required) or
/// `StoreChange` (a change: any field; absent or `null` leaves it as it is). The Art. 30
/// fields come from the domain's one list of them.
macro_rules! store_body {
    ($name:ident, $doc:literal, $example:path, required: $when:ident) => {
        steward_domain::art30_fields!(store_body_with_art30, $name, $doc, $example, $when);
    };
}

macro_rules! store_body_with_art30 {
    ($name:ident, $doc:literal, $example:path, $when:ident; $($f:ident, $label:literal, $required:literal;)+) => {
        #[doc = $doc]
        #[derive(Deserialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        #[schema(example = $example)]
        pub struct $name {
            // `$when` is `all` (required where the record requires it) or `any` (nothing
            // required): a cfg that always or never holds keeps or drops the attribute.
            #[cfg_attr($when(), schema(required = true))]
            #[schema(max_length = 120)]
            name: Option<String>,
            #[cfg_attr($when(), schema(required = true))]
            #[schema(schema_with = vocab::store_kind)]
            kind: Option<String>,
            #[cfg_attr($when(), schema(required = true))]
            #[schema(format = Email)]
            owner_email: Option<String>,
            $(
                #[doc = $label]
                #[cfg_attr($when(), schema(required = $required))]
                $f: Option<String>,
            )+
            /// An SQL store's connection string (write-only).
            connection: Option<String>,
            /// An SQL store's dataset map.
            #[schema(value_type = Option<Object>)]
            dataset: Option<Value>,
            /// A webhook store's address.
            url: Option<String>,
            /// A webhook store's signing secret (write-only).
            secret: Option<String>,
            active: Option<bool>,
        }

        impl StoreBody for $name {
            fn over(&self, base: StoreFields) -> Result<StoreFields, ApiError> {
                let mut f = base;
                $(if let Some(v) = &self.$f {
                    f.art30.set(stringify!($f), v.clone());
                })+
                match &self.dataset {
                    None => {}
                    Some(v @ Value::Object(_)) => f.dataset = v.to_string(),
                    Some(_) => return Err(ApiError::field("dataset", "dataset must be a JSON object")),
                }
                for (given, slot) in [
                    (&self.name, &mut f.name),
                    (&self.kind, &mut f.kind),
                    (&self.owner_email, &mut f.owner_email),
                    (&self.connection, &mut f.connection),
                    (&self.url, &mut f.url),
                    (&self.secret, &mut f.secret),
                ] {
                    if let Some(v) = given {
                        *slot = v.clone();
                    }
                }
                if let Some(active) = self.active {
                    f.active = active.to_string();
                }
                Ok(f)
            }
        }
    };
}

fn new_store_example() -> Value {
    json!({
        "name": "Newsletter tool", "kind": "manual", "owner_email": "owner@shop.example",
        "purposes": "Sending the newsletter to subscribers", "legal_basis": "Consent, Art. 6(1)(a)",
        "data_categories": "Email address, name", "subject_categories": "Newsletter subscribers",
        "retention": "Until the subscriber unsubscribes"
    })
}

fn store_change_example() -> Value {
    json!({"retention": "Two years after the last order"})
}

/// Every data store.
#[derive(Serialize, ToSchema)]
pub struct StoreList {
    items: Vec<stores::StoreView>,
}

/// The body's fields over a base (empty for a new store, the stored ones for a change).
trait StoreBody {
    fn over(&self, base: StoreFields) -> Result<StoreFields, ApiError>;
}

store_body!(
    NewStore,
    "`POST /api/v1/stores`: a store to register, with its record of processing.",
    new_store_example,
    required: all
);
store_body!(
    StoreChange,
    "`PATCH /api/v1/stores/{id}`: the fields to change.",
    store_change_example,
    required: any
);

pub async fn create(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: NewStore = json::body(&body)?;
    let fields = b.over(StoreFields::default())?;
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
    path: web::Path<StoreId>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let existing = stores::get(&svc, &path).await?;
    let b: StoreChange = json::body(&body)?;
    let fields = b.over(fields_of(&existing))?;
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
    path: web::Path<StoreId>,
) -> Result<HttpResponse, ApiError> {
    let existing = stores::get(&svc, &path).await?;
    stores::deactivate(&svc, existing.id.clone(), staff.0.actor()).await?;
    Ok(HttpResponse::Ok().json(stores::get(&svc, &existing.id).await?))
}
pub async fn list(svc: web::Data<Services>, _staff: ApiStaff) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(StoreList {
        items: stores::list(&svc).await?,
    }))
}

pub async fn get(
    svc: web::Data<Services>,
    _staff: ApiStaff,
    path: web::Path<StoreId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(stores::get(&svc, &path).await?))
}
