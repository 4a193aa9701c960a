//! The emails Steward sends: to data subjects, in their language from the message files
//! (`steward-l10n`), and a new staff member's invitation (English, as the console is); and
//! [`send_notice`], which puts a failed notice on the request's timeline.
//! Nothing staff type becomes template: their text goes in as a value.

use askama::Template;
use serde::Serialize;

use super::brand::Brand;
use super::services::Services;
use super::timeline;
use crate::audit::Actor;
use crate::mail::Outgoing;
use chrono::NaiveDate;
use steward_db::models::RequestRow;
use steward_db::requests;
use steward_domain::EmailAddress;
use steward_domain::RequestKind;
use steward_domain::correction::CorrectionCategory;
use steward_domain::timeline::TimelineAction;
use steward_l10n::Tr;

/// An email to a requester, in their language: subject line and plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

impl Letter {
    /// The greeting, the paragraphs, then the link and any closing paragraph.
    fn new(tr: Tr, subject: String, paragraphs: Vec<String>) -> Letter {
        let mut body = vec![tr.t("email-greeting")];
        body.extend(paragraphs.into_iter().filter(|p| !p.is_empty()));
        Letter {
            subject,
            body: body.join("\n\n") + "\n",
        }
    }
}

impl Letter {
    /// Under the shop's name: it heads the subject, and the letter ends with who the
    /// controller and its data protection officer are, as far as the shop said.
    pub fn signed(self, tr: Tr, brand: &Brand) -> Letter {
        let subject = match &brand.shop_name {
            Some(shop) => format!("{shop}: {}", self.subject),
            None => self.subject,
        };
        let mut lines = Vec::new();
        if let Some(shop) = &brand.shop_name {
            lines.push(shop.clone());
        }
        if let Some(name) = &brand.controller_name {
            lines.push(tr.t1("footer-controller", "name", name.as_str()));
        }
        if let Some(contact) = &brand.controller_contact {
            lines.push(contact.clone());
        }
        if let Some(dpo) = &brand.dpo_contact {
            lines.push(tr.t1("footer-dpo", "contact", dpo.as_str()));
        }
        if let Some(policy) = &brand.policy_url {
            lines.push(format!("{}: {policy}", tr.t("footer-policy")));
        }
        let body = if lines.is_empty() {
            self.body
        } else {
            format!("{}\n-- \n{}\n", self.body, lines.join("\n"))
        };
        Letter { subject, body }
    }
}

/// "Please confirm": sent when a request is made.
pub fn verify_letter(
    tr: Tr,
    reference: &str,
    kind: RequestKind,
    link: &str,
    status_url: &str,
    due: NaiveDate,
) -> Letter {
    let body = tr.with(
        "email-verify-body",
        &[
            ("reference", reference.into()),
            ("kind", tr.kind(kind).into()),
            ("link", link.into()),
        ],
    );
    Letter::new(
        tr,
        tr.t1("email-verify-subject", "reference", reference),
        vec![
            body,
            tr.t("email-follow"),
            status_url.to_string(),
            tr.t1("email-verify-due", "due", tr.date(due)),
        ],
    )
}

/// More time is needed (GDPR Art. 12(3)): the reason and both dates.
pub fn extended_letter(
    tr: Tr,
    reference: &str,
    reason: &str,
    old: NaiveDate,
    new: NaiveDate,
    status_url: &str,
) -> Letter {
    let body = tr.with(
        "email-extended-body",
        &[
            ("reference", reference.into()),
            ("reason", reason.into()),
            ("old", tr.date(old).into()),
            ("new", tr.date(new).into()),
        ],
    );
    Letter::new(
        tr,
        tr.t1("email-extended-subject", "reference", reference),
        vec![body, tr.t("email-follow"), status_url.to_string()],
    )
}

/// Something is needed from the requester before work goes on.
pub fn paused_letter(tr: Tr, reference: &str, reason: &str, status_url: &str) -> Letter {
    let body = tr.t2(
        "email-paused-body",
        ("reference", reference),
        ("reason", reason),
    );
    Letter::new(
        tr,
        tr.t1("email-paused-subject", "reference", reference),
        vec![body, tr.t("email-follow"), status_url.to_string()],
    )
}

/// How a closed request ended, as the requester is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Completed; `package` when a download waits on the status page.
    Completed {
        package: bool,
    },
    /// Refused, with the reason in words (GDPR Art. 12(4) then names the remedies).
    Denied {
        reason: String,
    },
    Withdrawn,
}

pub fn closed_letter(tr: Tr, reference: &str, outcome: &Outcome, status_url: &str) -> Letter {
    let r = ("reference", reference);
    let link = status_url.to_string();
    match outcome {
        Outcome::Completed { package } => Letter::new(
            tr,
            tr.t1("email-completed-subject", r.0, r.1),
            vec![
                tr.t1("email-completed-body", r.0, r.1),
                if *package {
                    tr.t("email-package-ready")
                } else {
                    String::new()
                },
                tr.t("email-details"),
                link,
                tr.t("email-complain"),
            ],
        ),
        Outcome::Denied { reason } => Letter::new(
            tr,
            tr.t1("email-denied-subject", r.0, r.1),
            vec![
                tr.t2("email-denied-body", r, ("reason", reason.as_str())),
                tr.t("email-denied-remedies"),
                tr.t("email-details"),
                link,
            ],
        ),
        Outcome::Withdrawn => Letter::new(
            tr,
            tr.t1("email-withdrawn-subject", r.0, r.1),
            vec![
                tr.t1("email-withdrawn-body", r.0, r.1),
                tr.t("email-details"),
                link,
            ],
        ),
    }
}

/// What a correction changed, per system and kind of data.
pub fn corrected_letter(
    tr: Tr,
    reference: &str,
    lines: &[SubjectLine],
    status_url: &str,
) -> Letter {
    let listed: Vec<String> = lines
        .iter()
        .map(|l| {
            let (store, category) = (l.store.as_str(), tr.category(l.category));
            match (&l.corrected, &l.reason) {
                (true, _) => tr.t2(
                    "email-corrected-yes",
                    ("store", store),
                    ("category", category),
                ),
                (false, None) => tr.t2(
                    "email-corrected-no",
                    ("store", store),
                    ("category", category),
                ),
                (false, Some(why)) => tr.with(
                    "email-corrected-no-because",
                    &[
                        ("store", store.into()),
                        ("category", category.into()),
                        ("reason", why.into()),
                    ],
                ),
            }
        })
        .collect();
    let list = if listed.is_empty() {
        tr.t("email-corrected-none")
    } else {
        listed.join("\n")
    };
    Letter::new(
        tr,
        tr.t1("email-corrected-subject", "reference", reference),
        vec![
            tr.t1("email-corrected-body", "reference", reference),
            list,
            tr.t("email-details"),
            status_url.to_string(),
            tr.t("email-complain"),
        ],
    )
}

/// GDPR Art. 34: what happened, which data, the likely consequences, the measures, whom to
/// contact, in the words staff wrote, under headings from the message files.
pub fn breach_letter(tr: Tr, r: &steward_db::models::BreachRow, message: &str) -> Letter {
    let part = |heading: &str, text: &str| format!("{}\n{text}", tr.t(heading));
    Letter::new(
        tr,
        tr.t1("email-breach-subject", "title", r.title.as_str()),
        vec![
            tr.t("email-breach-intro"),
            part("email-breach-what", &r.description),
            part("email-breach-data", &r.data_categories),
            part("email-breach-consequences", &r.consequences),
            part("email-breach-measures", &r.measures),
            message.trim().to_string(),
            part("email-breach-contact", &r.dpo_contact),
            tr.t("email-breach-closing"),
        ],
    )
}

/// The preference centre's single-use link.
pub fn preferences_letter(tr: Tr, link: &str) -> Letter {
    Letter::new(
        tr,
        tr.t("email-prefs-subject"),
        vec![tr.t1("email-prefs-body", "link", link)],
    )
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

/// Sends a notice to the subject, in the request's language, with the link to its status
/// page; a failure is put on the request's timeline for staff, never swallowed, but does not
/// undo the action that caused it.
pub async fn send_notice(
    svc: &Services,
    row: &RequestRow,
    to: &EmailAddress,
    letter: impl FnOnce(Tr, &str) -> Letter,
) {
    let status_url = svc.status_url(&row.id, &row.public_id);
    let tr = Tr::new(row.language);
    let Letter { subject, body } = letter(tr, &status_url).signed(tr, &svc.brand.current());
    let mail = Outgoing {
        to: to.clone(),
        subject,
        body,
    };
    if let Err(e) = svc.send_mail(mail).await {
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
