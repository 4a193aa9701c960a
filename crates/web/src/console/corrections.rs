//! Approving a correction from the request page: one decision per store, table and field,
//! posted as numbered form fields (`key_S_G` names store S's field G, `decision_S_G` is apply
//! or reject, `value_S_G` a value staff corrected, `reason_S_G` why not).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::requests::load_detail;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::workflow::corrections::{self, Decision};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::validation::FieldErrors;

fn decisions(form: &HashMap<String, String>) -> Vec<Decision> {
    let mut out = Vec::new();
    for (name, key) in form {
        let Some(n) = name.strip_prefix("key_") else {
            continue;
        };
        let mut parts = key.splitn(3, '|');
        let (Some(task_id), Some(table), Some(field)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let text = |k: &str| {
            form.get(&format!("{k}_{n}"))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        out.push(Decision {
            task_id: task_id.into(),
            table: table.into(),
            field: field.into(),
            apply: text("decision").as_deref() != Some("reject"),
            value: text("value"),
            reason: text("reason"),
        });
    }
    out
}

pub async fn approve(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(form.get("csrf").map(String::as_str).unwrap_or_default())?;
    let id = path.into_inner();
    let mut errors = FieldErrors::default();
    let status = match corrections::approve(&svc, staff.0.actor(), &id, decisions(&form)).await {
        Ok(_) => {
            return Ok(redirect(&format!(
                "/console/requests/{id}?done=corrections"
            )));
        }
        Err(WorkflowError::Invalid { message, .. }) => {
            errors.add("corrections", "Corrections", message);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(WorkflowError::Conflict(m)) => {
            errors.add("corrections", "Corrections", m);
            StatusCode::CONFLICT
        }
        Err(e) => return Err(e.into()),
    };
    let page = load_detail(&svc, &staff, &id, None, errors, None).await?;
    render(status, &page)
}
