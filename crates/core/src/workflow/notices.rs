//! The emails Steward sends: to data subjects, and a new staff member's invitation; and
//! [`send_notice`], which puts a failed notice on the request's timeline.
//! Compiled templates: nothing staff type becomes template.

use askama::Template;
use serde::Serialize;

use super::services::Services;
use super::timeline;
use crate::audit::Actor;
use crate::mail::Outgoing;
use steward_db::models::RequestRow;
use steward_db::requests;
use steward_domain::EmailAddress;
use steward_domain::correction::CorrectionCategory;
use steward_domain::timeline::TimelineAction;

#[derive(Template)]
#[template(path = "email/verify.txt")]
pub struct VerifyEmail<'a> {
    pub public_id: &'a str,
    pub kind: &'a str,
    pub verify_url: &'a str,
    pub status_url: &'a str,
    pub due: &'a str,
}

#[derive(Template)]
#[template(path = "email/extended.txt")]
pub struct ExtendedEmail<'a> {
    pub public_id: &'a str,
    pub reason: &'a str,
    pub old_due: &'a str,
    pub new_due: &'a str,
    pub status_url: &'a str,
}

#[derive(Template)]
#[template(path = "email/closed.txt")]
pub struct ClosedEmail<'a> {
    pub public_id: &'a str,
    pub outcome: &'a str,
    pub reason: Option<&'a str>,
    pub status_url: &'a str,
}

#[derive(Template)]
#[template(path = "email/paused.txt")]
pub struct PausedEmail<'a> {
    pub public_id: &'a str,
    pub reason: &'a str,
    pub status_url: &'a str,
}

#[derive(Template)]
#[template(path = "email/preferences.txt")]
pub struct PreferencesEmail<'a> {
    pub url: &'a str,
}

#[derive(Template)]
#[template(path = "email/corrected.txt")]
pub struct CorrectedEmail<'a> {
    pub public_id: &'a str,
    pub lines: &'a [SubjectLine],
    pub status_url: &'a str,
}

/// A new staff member's invitation, with the link to set a password.
#[derive(Template)]
#[template(path = "email/invite.txt")]
pub struct InviteEmail<'a> {
    pub name: &'a str,
    pub invited_by: &'a str,
    pub role: &'a str,
    pub setup_url: &'a str,
    pub login_url: &'a str,
}

/// What the subject is told of a correction, per store and category.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectLine {
    pub store: String,
    pub category: CorrectionCategory,
    pub corrected: bool,
    pub reason: Option<String>,
}

/// Sends a notice to the subject; a failure is put on the request's timeline for staff, never
/// swallowed, but does not undo the action that caused it.
pub async fn send_notice(
    svc: &Services,
    row: &RequestRow,
    to: &EmailAddress,
    subject: String,
    body: impl FnOnce(&str) -> String,
) {
    let status_url = svc.status_url(&row.id, &row.public_id);
    let mail = Outgoing {
        to: to.clone(),
        subject,
        body: body(&status_url),
    };
    if let Err(e) = svc.mailer.send(mail).await {
        tracing::warn!(request = %row.id, "email to subject failed: {e}");
        let row = row.clone();
        let note = format!("Email to the requester could not be sent: {e}");
        let _ = svc
            .db
            .run(move |c| {
                requests::insert_event(
                    c,
                    &timeline::noted(&row.id, &Actor::System, TimelineAction::EmailFailed, note),
                )
            })
            .await;
    }
}
