//! `GET /api/v1/overview`: the console overview's figures as JSON. Privacy staff get the
//! team's (`"scope": "team"`); a store owner gets their own tasks' (`"scope": "own_tasks"`).

use actix_web::{HttpResponse, web};

use crate::error::ApiError;
use crate::staff::ApiStaff;
use steward_core::workflow::Services;
use steward_core::workflow::overview::{self, OverviewFor};

pub async fn get(svc: web::Data<Services>, staff: ApiStaff) -> Result<HttpResponse, ApiError> {
    let body = match overview::for_staff(&svc, &staff.0).await? {
        OverviewFor::Team(o) => {
            let mut v = serde_json::to_value(&*o).expect("plain struct serialises");
            v["scope"] = "team".into();
            v
        }
        OverviewFor::OwnTasks(o) => {
            let mut v = serde_json::to_value(&o).expect("plain struct serialises");
            v["scope"] = "own_tasks".into();
            v
        }
    };
    Ok(HttpResponse::Ok().json(body))
}
