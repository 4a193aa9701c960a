//! `/console/exports`: every report with its range and columns, the downloads, the CCPA
//! metrics as a page to publish, and the controller's details for the records of processing.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::{ApiError, PageError};
use crate::render::{redirect, render};
use crate::reports::{ReportQuery, report, year};
use crate::staff::ConsoleStaff;
use steward_core::workflow::Services;
use steward_core::workflow::exports::{self, CONTROLLER_SETTINGS, MetricLine, REPORTS};
use steward_domain::DenialReason;
use steward_domain::Permission;
use steward_domain::reports::{DenialColumn, one_decimal};

#[derive(Template)]
#[template(path = "console/exports.html")]
struct ExportsPage {
    nav: Nav,
    reports: &'static [(&'static str, &'static str, &'static str)],
    this_year: i32,
    admin: bool,
    controller: Vec<(&'static str, &'static str, String)>,
    saved: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    saved: String,
}

pub async fn page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let values = exports::controller(&svc).await?;
    render(
        StatusCode::OK,
        &ExportsPage {
            nav: Nav::new(&staff, "exports"),
            reports: REPORTS,
            this_year: chrono::Datelike::year(&svc.today()),
            admin: staff.0.role.can(Permission::ManageUsers),
            controller: CONTROLLER_SETTINGS
                .iter()
                .zip(values)
                .map(|((k, l), v)| (*k, *l, v))
                .collect(),
            saved: q.saved == "1",
        },
    )
}

fn page_error(e: ApiError) -> PageError {
    match e {
        ApiError::Workflow(w) => w.into(),
        ApiError::Auth(a) => a.into(),
        ApiError::Status {
            status, message, ..
        } if status == StatusCode::FORBIDDEN => PageError::forbidden(&message),
        ApiError::Status { message, .. } => {
            PageError::bad_request(&format!("{message}. Go back and correct it."))
        }
    }
}

async fn download(
    svc: &Services,
    staff: &ConsoleStaff,
    name: &'static str,
    q: &ReportQuery,
) -> Result<HttpResponse, PageError> {
    report(svc, &staff.0, name, q).await.map_err(page_error)
}

pub async fn requests_csv(
    svc: web::Data<Services>,
    s: ConsoleStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    download(&svc, &s, "requests", &q).await
}

pub async fn metrics_csv(
    svc: web::Data<Services>,
    s: ConsoleStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    download(&svc, &s, "ccpa-metrics", &q).await
}

pub async fn ropa_csv(
    svc: web::Data<Services>,
    s: ConsoleStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    download(&svc, &s, "ropa", &q).await
}

pub async fn audit_csv(
    svc: web::Data<Services>,
    s: ConsoleStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    download(&svc, &s, "audit", &q).await
}

#[derive(Template)]
#[template(path = "console/ccpa_metrics.html")]
struct MetricsPage {
    nav: Nav,
    year: i32,
    lines: Vec<MetricLine>,
    columns: [DenialColumn; 4],
    mapping: Vec<(&'static str, &'static str)>,
}

impl MetricsPage {
    fn days(&self, v: &Option<f64>) -> String {
        let s = one_decimal(*v);
        if s.is_empty() { "—".into() } else { s }
    }
}

/// The same figures as `ccpa-metrics.csv`, as a table to copy into the privacy policy.
pub async fn metrics_page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    let y = year(&q, chrono::Datelike::year(&svc.today())).map_err(page_error)?;
    let lines = exports::ccpa_metrics(&svc, y).await?;
    let mapping = DenialReason::ALL
        .iter()
        .map(|r| (r.label(), DenialColumn::of(Some(*r)).label()))
        .collect();
    render(
        StatusCode::OK,
        &MetricsPage {
            nav: Nav::new(&staff, "exports"),
            year: y,
            lines,
            columns: DenialColumn::ALL,
            mapping,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ControllerForm {
    csrf: String,
    controller_name: String,
    controller_contact: String,
    dpo_contact: String,
}

pub async fn controller(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<ControllerForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    for (v, label) in [
        (&f.controller_name, "Controller name"),
        (&f.controller_contact, "Controller contact"),
        (&f.dpo_contact, "DPO contact"),
    ] {
        if v.chars().count() > 500 {
            return Err(PageError::bad_request(&format!(
                "{label} is longer than 500 characters. Go back and shorten it."
            )));
        }
    }
    exports::set_controller(
        &svc,
        vec![f.controller_name, f.controller_contact, f.dpo_contact],
        staff.0.actor(),
    )
    .await?;
    Ok(redirect("/console/exports?saved=1"))
}
