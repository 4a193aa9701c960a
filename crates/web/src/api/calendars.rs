//! `/api/v1/calendars`: the holiday calendars with their days, and changes to them (with
//! `dry_run` to see first which open requests a change moves).

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use utoipa::ToSchema;

use super::json::{self, first_error};
use super::vocab;
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

/// Every calendar's days of the year asked, and the calendars GDPR and UK GDPR deadlines
/// follow.
#[derive(Serialize, ToSchema)]
pub struct CalendarList {
    /// The calendar key of the member state or region GDPR deadlines follow; none is weekends
    /// only.
    #[schema(value_type = Option<String>, example = "de-by")]
    gdpr_country: Option<&'static str>,
    /// The calendar key of the part of the United Kingdom UK GDPR deadlines follow.
    #[schema(value_type = String, example = "gb-sct")]
    uk_region: &'static str,
    items: Vec<calendars::CalendarView>,
}

/// A calendar change: saved (or only previewed, with `dry_run`), and the open requests whose
/// deadlines it moves.
#[derive(Serialize, ToSchema)]
pub struct DayChanged {
    saved: bool,
    moved: Vec<calendars::Moved>,
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
    let (choice, items) = calendars::all(&svc, year as i32).await?;
    Ok(HttpResponse::Ok().json(CalendarList {
        gdpr_country: choice.gdpr.map(Calendar::key),
        uk_region: choice.uk.key(),
        items,
    }))
}

/// `POST /api/v1/calendars/{key}/days`: a day added to or removed from a calendar; with
/// `dry_run`, only the open requests whose deadlines it would move are listed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "change": "add", "day": "2030-06-14", "name": "Company holiday",
    "reason": "Offices closed by the works agreement", "dry_run": true
}))]
pub struct DayChange {
    #[schema(required = true, schema_with = vocab::day_change)]
    change: Option<String>,
    #[schema(required = true, format = Date)]
    day: Option<String>,
    /// The holiday's name (adding).
    name: Option<String>,
    reason: Option<String>,
    dry_run: Option<bool>,
}

pub async fn change(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: DayChange = json::body(&body)?;
    let fields = CalendarFields {
        calendar: path.into_inner(),
        change: json::text(&b.change),
        day: json::text(&b.day),
        name: json::text(&b.name),
        reason: json::text(&b.reason),
        ..Default::default()
    };
    let dry_run = b.dry_run == Some(true);
    let proposals = fields.parse().map_err(first_error)?;
    let moved = if dry_run {
        calendars::preview(&svc, proposals).await?
    } else {
        calendars::apply(&svc, staff.0.actor(), proposals).await?
    };
    Ok(HttpResponse::Ok().json(DayChanged {
        saved: !dry_run,
        moved,
    }))
}
