//! Staff accounts (administrators only): invite by email, change role, deactivate or
//! reactivate, reset the second factor; and the access review (page and CSV).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::forms::{FieldErrors, choice};
use crate::render::{redirect, render};
use crate::staff::ConsoleStaff;
use steward_core::auth::AuthError;
use steward_core::auth::account::ReviewLine;
use steward_core::workflow::staff::{self as accounts, AccountChange};
use steward_core::workflow::{Services, records};
use steward_domain::UserId;
use steward_domain::{EmailAddress, Role, text};

#[derive(Template)]
#[template(path = "console/users.html")]
struct UsersPage {
    nav: Nav,
    lines: Vec<ReviewLine>,
    roles: &'static [Role],
    invite: InviteForm,
    errors: FieldErrors,
    flash: Option<String>,
    generated: String,
    me: UserId,
    tokens: Vec<accounts::TokenLine>,
    show_owner: bool,
    revoke_action: &'static str,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct InviteForm {
    pub csrf: String,
    pub email: String,
    pub name: String,
    pub role: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UsersQuery {
    done: String,
}

async fn page(
    svc: &Services,
    staff: &ConsoleStaff,
    invite: InviteForm,
    errors: FieldErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lines = accounts::access_review(svc).await?;
    let tokens = accounts::tokens(svc, None).await?;
    render(
        status,
        &UsersPage {
            nav: Nav::new(staff, "users"),
            lines,
            roles: &Role::ALL,
            invite,
            errors,
            flash,
            generated: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            me: staff.0.user.id.clone(),
            tokens,
            show_owner: true,
            revoke_action: "/console/users/tokens/revoke",
        },
    )
}

/// An administrator revokes anyone's API token.
pub async fn revoke_token(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<super::account::TokenForm>,
) -> Result<HttpResponse, PageError> {
    super::account::revoke_and_return(&svc, &staff, &form, "/console/users?done=token").await
}

pub async fn list(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<UsersQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = match q.done.as_str() {
        "invited" => Some("Invitation sent.".to_string()),
        "invited-no-mail" => Some(
            "The account was created, but the invitation email could not be sent. Check the \
             mail settings, then deactivate this account and invite again."
                .to_string(),
        ),
        "role" => Some("Role changed. The user's sessions have ended.".to_string()),
        "deactivate" => Some("Deactivated: sessions ended, API tokens revoked.".to_string()),
        "reactivate" => Some("Reactivated.".to_string()),
        "token" => Some("The API token was revoked.".to_string()),
        "reset-mfa" => Some(
            "Second factor reset: the user sets up an authenticator at the next sign-in."
                .to_string(),
        ),
        _ => None,
    };
    let invite = InviteForm {
        role: Role::StoreOwner.as_str().into(),
        ..Default::default()
    };
    page(
        &svc,
        &staff,
        invite,
        FieldErrors::default(),
        flash,
        StatusCode::OK,
    )
    .await
}

pub async fn invite(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<InviteForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let email = errors.check("email", "Email address", EmailAddress::parse(&f.email));
    let name = errors.check("name", "Name", text::required(text::line(&f.name, 200)));
    let role = errors.check("role", "Role", choice::<Role>(&f.role));
    let (Some(email), Some(name), Some(role)) = (email, name, role) else {
        return page(
            &svc,
            &staff,
            f,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let created = accounts::invite(&svc, &staff.0, email.clone(), name.clone(), role).await;
    let mailed = match created {
        Ok(mailed) => mailed,
        Err(AuthError::UserExists) => {
            errors.add(
                "email",
                "Email address",
                "already belongs to a staff account",
            );
            return page(
                &svc,
                &staff,
                f,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    if !mailed {
        return Ok(redirect("/console/users?done=invited-no-mail"));
    }
    Ok(redirect("/console/users?done=invited"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChangeForm {
    csrf: String,
    role: String,
}

pub async fn change(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<(UserId, String)>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (id, action) = path.into_inner();
    let by = staff.0.clone();
    let change = match action.as_str() {
        "role" => {
            let mut errors = FieldErrors::default();
            let Some(role) = errors.check("role", "Role", choice::<Role>(&form.role)) else {
                let invite = InviteForm::default();
                return page(
                    &svc,
                    &staff,
                    invite,
                    errors,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            };
            AccountChange::Role(role)
        }
        "deactivate" => AccountChange::Deactivate,
        "reactivate" => AccountChange::Reactivate,
        "reset-mfa" => AccountChange::ResetMfa,
        _ => return Err(PageError::not_found()),
    };
    let result = accounts::change_account(&svc, by, id, change).await;
    match result {
        Ok(_) => Ok(redirect(&format!("/console/users?done={action}"))),
        Err(AuthError::LastAdmin) => {
            let mut errors = FieldErrors::default();
            errors.add("role", "This change", AuthError::LastAdmin);
            page(
                &svc,
                &staff,
                InviteForm::default(),
                errors,
                None,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

const REVIEW_HEADER: &[&str] = &[
    "id",
    "email",
    "name",
    "role",
    "active",
    "last_login",
    "mfa",
    "mfa_enabled_at",
    "recovery_codes_left",
    "invitation_pending",
    "created",
];

/// The access review as CSV: every account, role, state, last sign-in, second factor.
pub async fn review_csv(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    let permit = records::export_downloaded(
        &svc,
        staff.0.actor(),
        "access-review",
        serde_json::json!({}),
    )
    .await?;
    let svc = svc.into_inner();
    Ok(crate::reports::held(
        permit,
        steward_core::export::stream("access-review.csv", REVIEW_HEADER, move |offset| {
            let svc = svc.clone();
            async move {
                // Staff accounts are few: one page holds them all.
                if offset > 0 {
                    return Ok(Vec::new());
                }
                let lines = accounts::access_review(&svc).await?;
                Ok::<_, AuthError>(lines.iter().map(review_row).collect())
            }
        }),
    ))
}

fn review_row(l: &ReviewLine) -> Vec<String> {
    use steward_core::export::utc;
    vec![
        l.id.to_string(),
        l.email.clone(),
        l.name.clone(),
        l.role.as_str().to_string(),
        l.active.to_string(),
        l.last_login_at.as_ref().map(utc).unwrap_or_default(),
        l.mfa_state().to_string(),
        l.mfa_enabled_at.as_ref().map(utc).unwrap_or_default(),
        l.recovery_codes_left.to_string(),
        l.invited_pending.to_string(),
        utc(&l.created_at),
    ]
}
