//! `GET /api/v1/exports/{requests|ccpa-metrics|ropa|audit}.csv`, and the same downloads for
//! the console (`/console/exports/…`): one parser for the range, one response per report.

use actix_web::{HttpResponse, web};

use crate::error::ApiError;
use crate::reports::{ReportQuery, report};
use crate::staff::ApiStaff;
use steward_core::workflow::Services;
pub async fn requests(
    svc: web::Data<Services>,
    s: ApiStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    report(&svc, &s.0, "requests", &q).await
}

pub async fn ccpa_metrics(
    svc: web::Data<Services>,
    s: ApiStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    report(&svc, &s.0, "ccpa-metrics", &q).await
}

pub async fn ropa(
    svc: web::Data<Services>,
    s: ApiStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    report(&svc, &s.0, "ropa", &q).await
}

pub async fn audit(
    svc: web::Data<Services>,
    s: ApiStaff,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    report(&svc, &s.0, "audit", &q).await
}
