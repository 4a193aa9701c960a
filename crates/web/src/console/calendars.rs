//! `/console/settings/calendars`: each holiday calendar's days with their source; an admin
//! adds or removes days (one, or many as CSV), first seeing which open requests it moves.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::calendar_input::{CalendarFields, to_csv};
use crate::error::PageError;
use crate::render::render;
use crate::staff::ConsoleStaff;
use steward_core::workflow::calendars::{self, CalendarView, Moved, Proposal};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::holidays::Calendar;
use steward_domain::validation::FieldErrors;

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
    heading: String,
    items: Vec<String>,
    action: &'static str,
    hidden: Vec<(&'static str, String)>,
    cancel: String,
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
            (steward_domain::holidays::FIRST_YEAR..=steward_domain::holidays::LAST_YEAR).contains(y)
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
            gdpr_country: calendars::current_gdpr_country(svc).await?,
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
        return Ok(crate::render::redirect(&format!(
            "/console/settings/calendars?calendar={}&year={year}&done={}",
            cal.key(),
            moved.len()
        )));
    }
    let items = proposals.iter().map(describe).collect();
    render(
        StatusCode::OK,
        &PreviewPage {
            nav: Nav::new(&staff, "calendars"),
            heading: format!("Check the change to {}", cal.name()),
            items,
            action: "/console/settings/calendars",
            hidden: vec![("calendar", cal.key().into()), ("csv", to_csv(&proposals))],
            cancel: format!("/console/settings/calendars?calendar={}", cal.key()),
            moved,
        },
    )
}

fn describe(p: &Proposal) -> String {
    let what = match p.change {
        steward_domain::holidays::DayChange::Add => "Add",
        steward_domain::holidays::DayChange::Remove => "Remove",
    };
    let name = if p.name.is_empty() {
        String::new()
    } else {
        format!(": {}", p.name)
    };
    format!(
        "{what} {} ({}){name}. Reason: {}",
        p.day,
        p.day.format("%A"),
        p.reason
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CountryForm {
    csrf: String,
    /// A member state's calendar key, or empty for weekends only.
    gdpr_country: String,
    confirm: String,
}

/// Which member state's holidays GDPR deadlines skip: previewed, then saved.
pub async fn gdpr_country(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<CountryForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let chosen = form.gdpr_country.trim();
    let country = if chosen.is_empty() {
        None
    } else {
        match chosen
            .parse::<Calendar>()
            .ok()
            .filter(|c| c.is_eu_country())
        {
            Some(c) => Some(c),
            None => {
                let mut errors = FieldErrors::default();
                errors.add(
                    "gdpr_country",
                    "GDPR deadlines",
                    "must be one of the listed member states",
                );
                let f = CalendarFields {
                    calendar: Calendar::California.key().into(),
                    change: "add".into(),
                    ..Default::default()
                };
                let year = this_year(&svc);
                return show(
                    &svc,
                    &staff,
                    Calendar::California,
                    year,
                    f,
                    errors,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    };
    if form.confirm == "yes" {
        let moved = calendars::set_gdpr_country(&svc, staff.0.actor(), country).await?;
        let key = country.map_or(Calendar::California, |c| c).key();
        return Ok(crate::render::redirect(&format!(
            "/console/settings/calendars?calendar={key}&done={}",
            moved.len()
        )));
    }
    let moved = calendars::preview_gdpr_country(&svc, country).await?;
    let follows = country.map_or("weekends only".to_string(), |c| {
        format!("the public holidays of {}", c.name())
    });
    render(
        StatusCode::OK,
        &PreviewPage {
            nav: Nav::new(&staff, "calendars"),
            heading: "Check the change to GDPR deadlines".into(),
            items: vec![format!("GDPR deadlines will skip {follows}.")],
            action: "/console/settings/gdpr-country",
            hidden: vec![("gdpr_country", chosen.to_string())],
            cancel: "/console/settings/calendars".into(),
            moved,
        },
    )
}
