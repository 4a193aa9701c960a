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
use steward_domain::Jurisdiction;
use steward_domain::holidays::{Calendar, CalendarChoice};
use steward_domain::validation::FieldErrors;

#[derive(Template)]
#[template(path = "console/calendars.html")]
struct CalendarsPage {
    nav: Nav,
    /// Every calendar by country: the national one first, then its regions.
    groups: Vec<(&'static str, Vec<Calendar>)>,
    cal: CalendarView,
    /// A single year shown, or `None` for the next 24 months.
    year: Option<i32>,
    this_year: i32,
    choice: CalendarChoice,
    f: CalendarFields,
    errors: FieldErrors,
    flash: Option<String>,
}

impl CalendarsPage {
    fn is_gdpr(&self, c: &Calendar) -> bool {
        self.choice.gdpr == Some(*c)
    }

    fn is_uk(&self, c: &Calendar) -> bool {
        self.choice.uk == *c
    }

    /// The name of the calendar whose law gives a day (a region lists its country's too).
    fn law_name(&self, key: &Option<&'static str>) -> String {
        key.and_then(|k| k.parse::<Calendar>().ok())
            .map_or_else(String::new, Calendar::title)
    }
}

/// Which days the page lists.
#[derive(Clone, Copy)]
enum Span {
    Year(i32),
    /// From today through the next 24 months.
    Upcoming,
}

/// Calendars grouped by country for the pickers, in the order they are declared.
fn groups() -> Vec<(&'static str, Vec<Calendar>)> {
    let mut out: Vec<(&'static str, Vec<Calendar>)> = Vec::new();
    for c in Calendar::ALL {
        let label = c.country();
        match out.iter_mut().find(|(l, _)| *l == label) {
            Some((_, list)) => list.push(*c),
            None => out.push((label, vec![*c])),
        }
    }
    out
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
    let span = q
        .year
        .parse::<i32>()
        .ok()
        .filter(|y| {
            (steward_domain::holidays::FIRST_YEAR..=steward_domain::holidays::LAST_YEAR).contains(y)
        })
        .map_or(Span::Upcoming, Span::Year);
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
        span,
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
    span: Span,
    f: CalendarFields,
    errors: FieldErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (view, year) = match span {
        Span::Year(y) => (calendars::view(svc, cal, y).await?, Some(y)),
        Span::Upcoming => (calendars::upcoming(svc, cal).await?, None),
    };
    render(
        status,
        &CalendarsPage {
            nav: Nav::new(staff, "calendars"),
            groups: groups(),
            cal: view,
            year,
            this_year: this_year(svc),
            choice: calendars::current_choice(svc).await?,
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
    let span = Span::Upcoming;
    let proposals = match f.parse() {
        Ok(p) => p,
        Err(errors) => {
            return show(
                &svc,
                &staff,
                cal,
                span,
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
                span,
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
            heading: format!("Check the change to {}", cal.title()),
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
pub struct ChoiceForm {
    csrf: String,
    /// An EU calendar's key (a member state or a region), or empty for weekends only.
    gdpr_country: String,
    /// `gb-eng`, `gb-sct` or `gb-nir`.
    uk_region: String,
    confirm: String,
}

/// Which member state's (or region's) holidays GDPR deadlines skip: previewed, then saved.
pub async fn gdpr_country(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<ChoiceForm>,
) -> Result<HttpResponse, PageError> {
    let chosen = form.gdpr_country.trim().to_string();
    choose(&svc, &staff, form.into_inner(), Jurisdiction::Gdpr, chosen).await
}

/// Which part of the United Kingdom's bank holidays UK GDPR deadlines skip.
pub async fn uk_region(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<ChoiceForm>,
) -> Result<HttpResponse, PageError> {
    let chosen = form.uk_region.trim().to_string();
    choose(
        &svc,
        &staff,
        form.into_inner(),
        Jurisdiction::UkGdpr,
        chosen,
    )
    .await
}

async fn choose(
    svc: &Services,
    staff: &ConsoleStaff,
    form: ChoiceForm,
    j: Jurisdiction,
    chosen: String,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (field, action) = match j {
        Jurisdiction::UkGdpr => ("uk_region", "/console/settings/uk-region"),
        _ => ("gdpr_country", "/console/settings/gdpr-country"),
    };
    let cal = match chosen.as_str() {
        "" => Ok(None),
        key => key.parse::<Calendar>().map(Some).map_err(|_| ()),
    };
    let result = match (cal, form.confirm == "yes") {
        (Err(()), _) => Err(WorkflowError::invalid(
            field,
            "must be one of the listed calendars",
        )),
        (Ok(cal), true) => calendars::set_choice(svc, staff.0.actor(), j, cal).await,
        (Ok(cal), false) => calendars::preview_choice(svc, j, cal).await,
    };
    let moved = match result {
        Ok(moved) => moved,
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(field, j.label(), message);
            let f = CalendarFields {
                calendar: Calendar::California.key().into(),
                change: "add".into(),
                ..Default::default()
            };
            return show(
                svc,
                staff,
                Calendar::California,
                Span::Upcoming,
                f,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    let cal = chosen.parse::<Calendar>().ok();
    if form.confirm == "yes" {
        let key = cal.unwrap_or(Calendar::California).key();
        return Ok(crate::render::redirect(&format!(
            "/console/settings/calendars?calendar={key}&done={}",
            moved.len()
        )));
    }
    let follows = cal.map_or("weekends only".to_string(), |c| {
        format!("the holidays of {}", c.title())
    });
    render(
        StatusCode::OK,
        &PreviewPage {
            nav: Nav::new(staff, "calendars"),
            heading: format!("Check the change to {} deadlines", j.label()),
            items: vec![format!("{} deadlines will skip {follows}.", j.label())],
            action,
            hidden: vec![(field, chosen)],
            cancel: "/console/settings/calendars".into(),
            moved,
        },
    )
}
