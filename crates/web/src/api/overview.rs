//! `GET /api/v1/overview`: the console overview's figures as JSON. Privacy staff get the
//! team's (`"scope": "team"`); a store owner gets their own tasks' (`"scope": "own_tasks"`).

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::Services;
use steward_core::workflow::overview::{self, OverviewFor};

/// The figures the signed-in person may see, named by their `scope`.
#[derive(Serialize, ToSchema)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum OverviewAnswer {
    Team(Box<overview::Overview>),
    OwnTasks(overview::OwnerOverview),
}

pub async fn get(svc: web::Data<Services>, staff: ApiStaff) -> Result<HttpResponse, ApiError> {
    Ok(
        HttpResponse::Ok().json(match overview::for_staff(&svc, &staff.0).await? {
            OverviewFor::Team(o) => OverviewAnswer::Team(o),
            OverviewFor::OwnTasks(o) => OverviewAnswer::OwnTasks(o),
        }),
    )
}
