//! The store registry in the console: the records of processing, and registering or editing
//! a store. Connection strings and secrets are write-only: never shown back.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::Nav;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use crate::store_input::StoreFields;
use steward_core::workflow::stores::{self, StoreView};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::Permission;
use steward_domain::StoreId;
use steward_domain::stores::{Art30, Art30Field, StoreKind};
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/stores.html")]
struct ListPage {
    nav: Nav,
    stores: Vec<StoreView>,
    can_manage: bool,
}

pub async fn list(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    let stores = stores::list(&svc).await?;
    render(
        StatusCode::OK,
        &ListPage {
            nav: Nav::new(&staff, "stores"),
            stores,
            can_manage: staff.0.role.can(Permission::ManageStores),
        },
    )
}

#[derive(Template)]
#[template(path = "console/store_form.html")]
struct FormPage {
    nav: Nav,
    id: Option<StoreId>,
    f: StoreFields,
    errors: FieldErrors,
    kinds: &'static [StoreKind],
    art30: &'static [Art30Field],
    has_connection: bool,
    has_secret: bool,
    lookup_advice: Vec<String>,
    /// Tables the map gives no key, each with the column its rows are found and erased by.
    keyless: Vec<(String, String)>,
}

/// The tables of a map without a key, and the one column that reaches each.
fn keyless_tables(d: &steward_domain::dataset::Dataset) -> Vec<(String, String)> {
    d.tables
        .iter()
        .filter(|t| t.primary_key.is_none())
        .map(|t| {
            let by = t
                .identities
                .values()
                .map(|c| format!("{c} (the requester's email)"))
                .chain(t.references.iter().map(|(c, to)| format!("{c} → {to}")))
                .collect::<Vec<_>>()
                .join(", ");
            (t.name.clone(), by)
        })
        .collect()
}

fn page(
    staff: &ConsoleStaff,
    id: Option<StoreId>,
    f: StoreFields,
    errors: FieldErrors,
    existing: Option<&StoreView>,
) -> FormPage {
    FormPage {
        nav: Nav::new(staff, "stores"),
        id,
        f,
        errors,
        kinds: StoreKind::ALL,
        art30: Art30::FIELDS,
        has_connection: existing.is_some_and(|s| s.has_connection),
        has_secret: existing.is_some_and(|s| s.has_secret),
        lookup_advice: existing
            .map(|s| s.lookup_advice.clone())
            .unwrap_or_default(),
        keyless: existing
            .and_then(|s| s.dataset.clone())
            .and_then(|d| serde_json::from_value(d).ok())
            .as_ref()
            .map(keyless_tables)
            .unwrap_or_default(),
    }
}

pub async fn new_form(staff: ConsoleStaff) -> Result<HttpResponse, PageError> {
    let f = StoreFields {
        kind: "manual".into(),
        active: "on".into(),
        ..Default::default()
    };
    render(
        StatusCode::OK,
        &page(&staff, None, f, FieldErrors::default(), None),
    )
}

pub async fn edit_form(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<StoreId>,
) -> Result<HttpResponse, PageError> {
    let s = stores::get(&svc, &path).await?;
    let f = StoreFields {
        name: s.name.clone(),
        kind: s.kind.as_str().into(),
        owner_email: s.owner_email.clone(),
        art30: s.art30.clone(),
        dataset: s
            .dataset
            .as_ref()
            .map(|d| serde_json::to_string_pretty(d).unwrap_or_default())
            .unwrap_or_default(),
        url: s.url.clone().unwrap_or_default(),
        active: if s.active { "on".into() } else { "off".into() },
        ..Default::default()
    };
    render(
        StatusCode::OK,
        &page(
            &staff,
            Some(s.id.clone()),
            f,
            FieldErrors::default(),
            Some(&s),
        ),
    )
}

pub async fn create(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<StoreFields>,
) -> Result<HttpResponse, PageError> {
    save(svc, staff, None, form.into_inner()).await
}

pub async fn update(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<StoreId>,
    form: web::Form<StoreFields>,
) -> Result<HttpResponse, PageError> {
    save(svc, staff, Some(path.into_inner()), form.into_inner()).await
}

async fn save(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    id: Option<StoreId>,
    mut f: StoreFields,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&f.csrf)?;
    // A checkbox sends nothing when unticked; on this form that means inactive.
    if f.active.is_empty() {
        f.active = "off".into();
    }
    let existing = match &id {
        Some(i) => Some(stores::get(&svc, i).await?),
        None => None,
    };
    let spec = match f.parse(id.is_some()) {
        Ok(s) => s,
        Err(errors) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&staff, id, blank_secrets(f), errors, existing.as_ref()),
            );
        }
    };
    let admin = staff.0.role == steward_domain::Role::Admin;
    match stores::save(&svc, spec, id.clone(), staff.0.actor(), admin).await {
        Ok(_) => Ok(redirect("/console/stores")),
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            let label = match field {
                "dataset" => "Dataset map",
                "connection" => "Connection",
                "owner_email" => "Owner's email",
                "secret" => "Signing secret",
                _ => "Name",
            };
            errors.add(field, label, message);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&staff, id, blank_secrets(f), errors, existing.as_ref()),
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// Secrets typed into a form that failed are not sent back in the page.
fn blank_secrets(mut f: StoreFields) -> StoreFields {
    f.connection.clear();
    f.secret.clear();
    f
}
