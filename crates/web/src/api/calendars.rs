//! `/api/v1/calendars`: the holiday calendars with their days, and changes to them (with
//! `dry_run` to see first which open requests a change moves).

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::json::{Fields, first_error};
use crate::calendar_input::CalendarFields;
use crate::error::ApiError;
use crate::query;
use crate::staff::ApiStaff;
use steward_core::workflow::{Services, calendars};
use steward_domain::holidays::Calendar;
use steward_domain::validation::FieldErrors;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    year: String,
}

pub async fn list(
    svc: web::Data<Services>,
    _staff: ApiStaff,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    use steward_domain::holidays::{FIRST_YEAR, LAST_YEAR};
    let mut e = FieldErrors::default();
    let this_year = chrono::Datelike::year(&svc.today()) as i64;
    let year = query::number(
        &mut e,
        "year",
        &q.year,
        this_year,
        (FIRST_YEAR as i64, LAST_YEAR as i64),
    );
    if !e.is_empty() {
        return Err(first_error(e));
    }
    let mut items = Vec::new();
    for c in Calendar::ALL {
        items.push(calendars::view(&svc, *c, year as i32).await?);
    }
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "gdpr_country": calendars::current_gdpr_country(&svc).await?.map(|c| c.key()),
        "items": items,
    })))
}

/// `{"change": "add"|"remove", "day": "YYYY-MM-DD", "name"?, "reason", "dry_run"?: bool}`.
pub async fn change(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b = Fields::from_body(&body)?;
    b.only(&["change", "day", "name", "reason", "dry_run"])?;
    let fields = CalendarFields {
        calendar: path.into_inner(),
        change: b.text("change")?,
        day: b.text("day")?,
        name: b.text("name")?,
        reason: b.text("reason")?,
        ..Default::default()
    };
    let dry_run = b.flag("dry_run")? == "true";
    let proposals = fields.parse().map_err(first_error)?;
    let moved = if dry_run {
        calendars::preview(&svc, proposals).await?
    } else {
        calendars::apply(&svc, staff.0.actor(), proposals).await?
    };
    Ok(HttpResponse::Ok().json(serde_json::json!({"saved": !dry_run, "moved": moved})))
}
