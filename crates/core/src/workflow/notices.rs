//! The emails Steward sends: to data subjects, and a new staff member's invitation.
//! Compiled templates: nothing staff type becomes template.

use askama::Template;

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
    pub lines: &'a [super::corrections::SubjectLine],
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
