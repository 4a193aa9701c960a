//! `/console`: the overview a privacy team starts the day on (a store owner sees their own
//! tasks' figures instead).

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use super::Nav;
use super::charts::{self, Chart};
use crate::error::PageError;
use crate::render::render;
use crate::staff::ConsoleStaff;
use steward_core::workflow::Services;
use steward_core::workflow::overview::{self, OverviewFor};

#[derive(Template)]
#[template(path = "console/overview.html")]
struct OverviewPage {
    nav: Nav,
    view: OverviewFor,
    charts: Vec<Chart>,
}

pub async fn page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    let view = overview::for_staff(&svc, &staff.0).await?;
    let charts = match &view {
        OverviewFor::Team(o) => vec![
            charts::received_per_week(&o.received_per_week),
            charts::on_time(&o.on_time_per_month),
            charts::median_days(&o.median_days_to_respond),
        ],
        OverviewFor::OwnTasks(_) => Vec::new(),
    };
    render(
        StatusCode::OK,
        &OverviewPage {
            nav: Nav::new(&staff, "overview"),
            view,
            charts,
        },
    )
}
