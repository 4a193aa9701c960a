//! Staff accounts (administrators only): invite by email, change role, deactivate or
//! reactivate, reset the second factor; and the access review (page and CSV).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use super::account::account_error;
use crate::auth::account::{self, AccountError, ReviewLine};
use crate::auth::{self, CreateUserError};
use crate::domain::{EmailAddress, Role, text};
use crate::mail::Outgoing;
use crate::web::error::PageError;
use crate::web::forms::{FormErrors, choice};
use crate::web::staff::ConsoleStaff;
use crate::web::{redirect, render};
use crate::workflow::Services;

#[derive(Template)]
#[template(path = "console/users.html")]
struct UsersPage {
    nav: Nav,
    lines: Vec<ReviewLine>,
    roles: &'static [Role],
    invite: InviteForm,
    errors: FormErrors,
    flash: Option<String>,
    generated: String,
    me: String,
}

#[derive(Template)]
#[template(path = "email/invite.txt")]
struct InviteEmail<'a> {
    name: &'a str,
    invited_by: &'a str,
    role: &'a str,
    setup_url: &'a str,
    login_url: &'a str,
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
    errors: FormErrors,
    flash: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lines = svc.db.run(account::access_review).await?;
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
        },
    )
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
        FormErrors::default(),
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
    let mut errors = FormErrors::default();
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
    let actor = staff.0.actor();
    let (e, n) = (email.clone(), name.clone());
    let created = svc
        .db
        .run(move |c| auth::create_user(c, &e, &n, role, None, &actor))
        .await;
    let (user, token) = match created {
        Ok((u, Some(t))) => (u, t),
        Ok((_, None)) => unreachable!("no password given, so a setup token"),
        Err(CreateUserError::Exists) => {
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
        Err(CreateUserError::Password(_)) => unreachable!("no password given"),
        Err(CreateUserError::Db(d)) => return Err(d.into()),
    };
    let base = &svc.config.base_url;
    let body = InviteEmail {
        name: &user.name,
        invited_by: &staff.0.user.name,
        role: role.label(),
        setup_url: &format!("{base}/console/setup/{token}"),
        login_url: &format!("{base}/console/login"),
    }
    .render()
    .map_err(|e| PageError::Status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let sent = svc
        .mailer
        .send(Outgoing {
            to: email,
            subject: "Your Steward staff account".into(),
            body,
        })
        .await;
    if let Err(e) = sent {
        tracing::error!("invitation email: {e}");
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
    path: web::Path<(String, String)>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let (id, action) = path.into_inner();
    let by = staff.0.clone();
    let result = match action.as_str() {
        "role" => {
            let mut errors = FormErrors::default();
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
            svc.db
                .run(move |c| account::set_role(c, &by, &id, role))
                .await
        }
        "deactivate" => {
            svc.db
                .run(move |c| account::set_active(c, &by, &id, false))
                .await
        }
        "reactivate" => {
            svc.db
                .run(move |c| account::set_active(c, &by, &id, true))
                .await
        }
        "reset-mfa" => svc.db.run(move |c| account::reset_mfa(c, &by, &id)).await,
        _ => return Err(PageError::not_found()),
    };
    match result {
        Ok(_) => Ok(redirect(&format!("/console/users?done={action}"))),
        Err(AccountError::LastAdmin) => {
            let mut errors = FormErrors::default();
            errors.add("role", "This change", AccountError::LastAdmin);
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
        Err(e) => Err(account_error(e)),
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
    let actor = staff.0.actor();
    svc.db
        .run(move |c| crate::audit::export_downloaded(c, &actor, "access-review"))
        .await?;
    let db = svc.db.clone();
    Ok(crate::export::stream(
        "access-review.csv",
        REVIEW_HEADER,
        move |offset| {
            let db = db.clone();
            async move {
                // Staff accounts are few: one page holds them all.
                if offset > 0 {
                    return Ok(Vec::new());
                }
                let lines = db.run(account::access_review).await?;
                Ok::<_, crate::db::DbError>(lines.iter().map(review_row).collect())
            }
        },
    ))
}

fn review_row(l: &ReviewLine) -> Vec<String> {
    use crate::export::utc;
    vec![
        l.id.clone(),
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
