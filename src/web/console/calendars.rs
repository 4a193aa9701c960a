//! `/console/settings/calendars`: each holiday calendar's days with their source; an admin
//! adds or removes days (one, or many as CSV), first seeing which open requests it moves.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::domain::holidays::Calendar;
use crate::domain::validation::FieldErrors;
use crate::web::calendar_input::{CalendarFields, to_csv};
use crate::web::error::PageError;
use crate::web::render;
use crate::web::staff::ConsoleStaff;
use crate::workflow::calendars::{self, CalendarView, Moved, Proposal};
use crate::workflow::{Services, WorkflowError};

#[derive(Template)]
#[template(path = "console/calendars.html")]
struct CalendarsPage {
    nav: Nav,
    calendars: &'static [Calendar],
    cal: CalendarView,
    gdpr_country: Option<Calendar>,
    f: CalendarFields,
    errors: FieldErrors,
    flash: Option<String>,
}

#[derive(Template)]
#[template(path = "console/calendar_preview.html")]
struct PreviewPage {
    nav: Nav,
    cal: Calendar,
    proposals: Vec<Proposal>,
    csv: String,
    moved: Vec<Moved>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Query {
    calendar: String,
    year: String,
    done: String,
}

fn this_year(svc: &Services) -> i32 {
    chrono::Datelike::year(&svc.today())
}

pub async fn page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<Query>,
) -> Result<HttpResponse, PageError> {
    let cal = q
        .calendar
        .parse::<Calendar>()
        .unwrap_or(Calendar::California);
    let year = q
        .year
        .parse::<i32>()
        .ok()
        .filter(|y| {
            (crate::domain::holidays::FIRST_YEAR..=crate::domain::holidays::LAST_YEAR).contains(y)
        })
        .unwrap_or_else(|| this_year(&svc));
    let flash = q
        .done
        .parse::<usize>()
        .ok()
        .map(|n| format!("Calendar saved. {n} open request(s) recalculated."));
    let f = CalendarFields {
        calendar: cal.key().into(),
        change: "add".into(),
        ..Default::default()
    };
    show(
        &svc,
        &staff,
        cal,
        year,
        f,
        FieldErrors::default(),
        flash,
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn show(
    svc: &Services,
    staff: &ConsoleStaff,
    cal: Calendar,
    year: i32,
    f: CalendarFields,
    errors: FieldErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let view = calendars::view(svc, cal, year).await?;
    render(
        status,
        &CalendarsPage {
            nav: Nav::new(staff, "calendars"),
            calendars: Calendar::ALL,
            cal: view,
            gdpr_country: svc.config.gdpr_country,
            f,
            errors,
            flash,
        },
    )
}

/// First post: the affected requests; the confirmed post saves and recalculates.
pub async fn change(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CalendarFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let cal = f
        .calendar
        .parse::<Calendar>()
        .unwrap_or(Calendar::California);
    let year = this_year(&svc);
    let proposals = match f.parse() {
        Ok(p) => p,
        Err(errors) => {
            return show(
                &svc,
                &staff,
                cal,
                year,
                f,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let result = if f.confirm == "yes" {
        calendars::apply(&svc, staff.0.actor(), proposals.clone()).await
    } else {
        calendars::preview(&svc, proposals.clone()).await
    };
    let moved = match result {
        Ok(m) => m,
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            let field = if f.csv.trim().is_empty() {
                field
            } else {
                "csv"
            };
            errors.add(field, "Change", message);
            return show(
                &svc,
                &staff,
                cal,
                year,
                f,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    if f.confirm == "yes" {
        let year = chrono::Datelike::year(&proposals[0].day);
        return Ok(crate::web::redirect(&format!(
            "/console/settings/calendars?calendar={}&year={year}&done={}",
            cal.key(),
            moved.len()
        )));
    }
    render(
        StatusCode::OK,
        &PreviewPage {
            nav: Nav::new(&staff, "calendars"),
            cal,
            csv: to_csv(&proposals),
            proposals,
            moved,
        },
    )
}
