//! The breach register in the console: list with the 72-hour countdown, record and edit an
//! incident, mark the regulator notified, notify affected people, export as CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::breach_input::{BreachFields, parse_local, to_local_input};
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::records::BreachRow;
use steward_core::workflow::breaches::{self, Countdown};
use steward_core::workflow::{Services, WorkflowError, records};
use steward_domain::validation::FieldErrors;
use steward_domain::{Permission, text};

/// A breach as the pages show it, times in the portal's zone.
pub struct BreachView {
    pub r: BreachRow,
    pub discovered: String,
    pub aware: String,
    pub due: String,
    pub countdown: Countdown,
    pub notified: Option<String>,
    pub subjects_notified: Option<String>,
}

impl BreachView {
    fn new(svc: &Services, r: BreachRow) -> Self {
        let tz = svc.config.timezone;
        let local = |t: &chrono::NaiveDateTime| breaches::to_local_text(t, tz);
        BreachView {
            discovered: local(&r.discovered_at),
            aware: local(&r.aware_at),
            due: local(&(r.aware_at + breaches::REGULATOR_DEADLINE)),
            countdown: breaches::countdown(&r, steward_core::records::now()),
            notified: r.regulator_notified_at.as_ref().map(local),
            subjects_notified: r.subjects_notified_at.as_ref().map(local),
            r,
        }
    }

    /// The countdown in words, for the badge.
    pub fn clock(&self) -> String {
        match &self.countdown {
            Countdown::Left { hours, minutes } => format!("{hours} h {minutes} min left"),
            Countdown::Overdue { hours } => format!("overdue by {hours} h"),
            Countdown::Notified { late: false, .. } => "regulator notified".into(),
            Countdown::Notified { late: true, .. } => "regulator notified late".into(),
        }
    }

    /// The badge class from the stylesheet's vocabulary.
    pub fn clock_class(&self) -> &'static str {
        match &self.countdown {
            Countdown::Left { hours, .. } if *hours < 24 => "badge badge-due-soon",
            Countdown::Left { .. } => "badge badge-in_progress",
            Countdown::Overdue { .. } => "badge badge-overdue",
            Countdown::Notified { late: false, .. } => "badge badge-completed",
            Countdown::Notified { late: true, .. } => "badge badge-denied",
        }
    }
}

#[derive(Template)]
#[template(path = "console/breaches.html")]
struct ListPage {
    nav: Nav,
    items: Vec<BreachView>,
    can_manage: bool,
}

pub async fn list(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    // The register stays small (incidents, not events); one page of the newest 500.
    let items = breaches::page(&svc, 0, 500).await?;
    render(
        StatusCode::OK,
        &ListPage {
            nav: Nav::new(&staff, "breaches"),
            items: items
                .into_iter()
                .map(|r| BreachView::new(&svc, r))
                .collect(),
            can_manage: staff.0.role.can(Permission::ManageBreaches),
        },
    )
}

#[derive(Template)]
#[template(path = "console/breach_new.html")]
struct NewPage {
    nav: Nav,
    f: BreachFields,
    errors: FieldErrors,
}

pub async fn new_form(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    let now = to_local_input(&steward_core::records::now(), svc.config.timezone);
    let f = BreachFields {
        discovered_at: now.clone(),
        aware_at: now,
        ..Default::default()
    };
    render(
        StatusCode::OK,
        &NewPage {
            nav: Nav::new(&staff, "breaches"),
            f,
            errors: FieldErrors::default(),
        },
    )
}

pub async fn new_submit(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<BreachFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    match f.parse(svc.config.timezone, steward_core::records::now()) {
        Ok(b) => {
            let id = breaches::create(&svc, b, staff.0.actor()).await?;
            Ok(redirect(&format!("/console/breaches/{id}")))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewPage {
                nav: Nav::new(&staff, "breaches"),
                f,
                errors,
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "console/breach.html")]
struct DetailPage {
    nav: Nav,
    b: BreachView,
    f: BreachFields,
    errors: FieldErrors,
    can_manage: bool,
    notified_at: String,
    addresses: String,
    message: String,
    flash: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    done: String,
    sent: String,
    failed: String,
}

struct Typed {
    f: Option<BreachFields>,
    notified_at: String,
    addresses: String,
    message: String,
}

async fn detail_page(
    svc: &Services,
    staff: &ConsoleStaff,
    id: &str,
    typed: Typed,
    errors: FieldErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let r = breaches::load(svc, id).await?;
    let tz = svc.config.timezone;
    let f = typed.f.unwrap_or_else(|| BreachFields::from_row(&r, tz));
    let notified_at = if typed.notified_at.is_empty() {
        to_local_input(&steward_core::records::now(), tz)
    } else {
        typed.notified_at
    };
    render(
        status,
        &DetailPage {
            nav: Nav::new(staff, "breaches"),
            b: BreachView::new(svc, r),
            f,
            errors,
            can_manage: staff.0.role.can(Permission::ManageBreaches),
            notified_at,
            addresses: typed.addresses,
            message: typed.message,
            flash,
        },
    )
}

fn nothing_typed() -> Typed {
    Typed {
        f: None,
        notified_at: String::new(),
        addresses: String::new(),
        message: String::new(),
    }
}

pub async fn detail(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    q: web::Query<DetailQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.done.as_str() {
        "recorded" => Some("Breach recorded.".to_string()),
        "saved" => Some("Changes saved.".to_string()),
        "regulator" => Some("Regulator notification recorded.".to_string()),
        "notified" => Some(format!(
            "Notification sent to {} people{}.",
            q.sent.parse::<u64>().unwrap_or(0),
            match q.failed.parse::<u64>().unwrap_or(0) {
                0 => String::new(),
                n => format!("; {n} could not be sent (see the server log)"),
            }
        )),
        _ => None,
    };
    detail_page(
        &svc,
        &staff,
        &path,
        nothing_typed(),
        FieldErrors::default(),
        flash,
        StatusCode::OK,
    )
    .await
}

pub async fn update(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<BreachFields>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let f = form.into_inner();
    match f.parse(svc.config.timezone, steward_core::records::now()) {
        Ok(b) => {
            breaches::update(&svc, &id, b, staff.0.actor()).await?;
            Ok(redirect(&format!("/console/breaches/{id}?done=saved")))
        }
        Err(errors) => {
            let typed = Typed {
                f: Some(f),
                ..nothing_typed()
            };
            detail_page(
                &svc,
                &staff,
                &id,
                typed,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotifiedForm {
    csrf: String,
    notified_at: String,
}

pub async fn regulator_notified(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<NotifiedForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let mut errors = FieldErrors::default();
    let at = errors.check(
        "notified_at",
        "Regulator notified at",
        parse_local(&form.notified_at, svc.config.timezone),
    );
    if let Some(at) = at {
        match breaches::regulator_notified(&svc, &id, at, staff.0.actor()).await {
            Ok(()) => return Ok(redirect(&format!("/console/breaches/{id}?done=regulator"))),
            Err(WorkflowError::Invalid { field, message }) => {
                errors.add(field, "Regulator notified at", message)
            }
            Err(e) => return Err(e.into()),
        }
    }
    let typed = Typed {
        notified_at: form.notified_at.clone(),
        ..nothing_typed()
    };
    detail_page(
        &svc,
        &staff,
        &id,
        typed,
        errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotifyForm {
    csrf: String,
    addresses: String,
    message: String,
}

pub async fn notify(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<NotifyForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let message = errors
        .check(
            "message",
            "Additional message",
            text::paragraph(&f.message, 5000),
        )
        .flatten();
    let recipients = match breaches::parse_recipients(&f.addresses) {
        Ok(r) => Some(r),
        Err(bad) => {
            errors.add("addresses", "Email addresses", bad.join("; "));
            None
        }
    };
    if let (Some(recipients), true) = (recipients, errors.is_empty()) {
        let report =
            breaches::notify_subjects(&svc, &id, recipients, message, staff.0.actor()).await?;
        return Ok(redirect(&format!(
            "/console/breaches/{id}?done=notified&sent={}&failed={}",
            report.sent, report.failed
        )));
    }
    let typed = Typed {
        addresses: f.addresses,
        message: f.message,
        ..nothing_typed()
    };
    detail_page(
        &svc,
        &staff,
        &id,
        typed,
        errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The register as CSV, streamed page by page; the download is audited.
pub async fn csv(svc: web::Data<Services>, staff: ConsoleStaff) -> Result<HttpResponse, PageError> {
    let permit =
        records::export_downloaded(&svc, staff.0.actor(), "breaches", serde_json::json!({}))
            .await?;
    Ok(crate::reports::held(
        permit,
        crate::reports::breaches_stream(&svc),
    ))
}
