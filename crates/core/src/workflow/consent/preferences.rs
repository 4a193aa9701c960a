//! The preference centre's way in: an emailed link (single-use, 256-bit, only its hash kept,
//! 24 hours, as verification links are), which becomes a short session in a cookie with its
//! own form token. Asking for a link never tells whether the address is known.

use chrono::Duration;

use super::super::{Services, WorkflowError};
use crate::mail::Outgoing;
use steward_db as db;
use steward_db::consent as store;
use steward_db::crypto::{hash_token, new_token};
use steward_db::models::{PreferenceLinkRow, PreferenceSessionRow};
use steward_domain::EmailAddress;
use steward_domain::consent::Subject;

pub const LINK_LIFETIME: Duration = Duration::hours(24);
pub const SESSION_LIFETIME: Duration = Duration::minutes(30);

/// An open preference-centre session.
#[derive(Debug, Clone)]
pub struct PreferenceSession {
    pub subject: Subject,
    pub csrf: String,
}

/// Emails a link to the address. The mail goes out whether or not the address has records:
/// the answer to the visitor is the same either way. It is written in the language of the
/// page it was asked from.
pub async fn send_link(
    svc: &Services,
    email: EmailAddress,
    tr: steward_l10n::Tr,
) -> Result<(), WorkflowError> {
    let token = new_token();
    let subject = Subject::Email(email.clone());
    let now = db::now();
    let token_hash = hash_token(&token);
    let row = PreferenceLinkRow {
        subject_enc: svc.keys.seal(
            email.as_str(),
            steward_db::slots::preference_link(&token_hash),
        ),
        token_hash,
        subject_index: super::ledger::subject_index(&svc.keys, &subject),
        created_at: now,
        expires_at: now + LINK_LIFETIME,
        used_at: None,
    };
    svc.db
        .run(move |c| {
            store::purge_expired(c, now)?;
            store::insert_link(c, &row)
        })
        .await?;
    let url = format!("{}/privacy/preferences/{token}", svc.config.base_url);
    let letter =
        crate::workflow::notices::preferences_letter(tr, &url).signed(tr, &svc.brand.current());
    let mail = Outgoing {
        to: email,
        subject: letter.subject,
        body: letter.body,
    };
    // The mail server's answer can quote the address: it is not logged.
    if svc.send_mail(mail).await.is_err() {
        tracing::warn!("a preference-centre link could not be sent");
    }
    Ok(())
}

/// Whether a link can still be opened, without using it (the page before the button).
pub async fn link_usable(svc: &Services, token: &str) -> Result<(), WorkflowError> {
    let hash = hash_token(token);
    let row = svc.db.run(move |c| store::link(c, &hash)).await?;
    match row {
        None => Err(WorkflowError::LinkInvalid),
        Some(l) if l.used_at.is_some() => Err(WorkflowError::LinkInvalid),
        Some(l) if l.expires_at <= db::now() => Err(WorkflowError::LinkExpired),
        Some(_) => Ok(()),
    }
}

/// Uses the link (once) and opens a session; returns the session's cookie value.
pub async fn open(svc: &Services, token: &str) -> Result<String, WorkflowError> {
    let hash = hash_token(token);
    let now = db::now();
    let session = new_token();
    let session_hash = hash_token(&session);
    let keys = svc.keys.clone();
    let taken = svc
        .db
        .run(move |c| {
            db::write_tx(c, |c| {
                let Some(link) = store::take_link(c, &hash, now)? else {
                    return Ok::<_, WorkflowError>(None);
                };
                // The address moves from the link's slot to the session's.
                let email = keys.open(
                    &link.subject_enc,
                    steward_db::slots::preference_link(&link.token_hash),
                )?;
                store::insert_session(
                    c,
                    &PreferenceSessionRow {
                        subject_enc: keys
                            .seal(&email, steward_db::slots::preference_session(&session_hash)),
                        token_hash: session_hash,
                        subject_index: link.subject_index,
                        csrf_token: new_token(),
                        expires_at: now + SESSION_LIFETIME,
                    },
                )?;
                Ok(Some(()))
            })
        })
        .await?;
    match taken {
        Some(()) => Ok(session),
        None => Err(link_usable(svc, token)
            .await
            .err()
            .unwrap_or(WorkflowError::LinkInvalid)),
    }
}

/// The session behind a cookie, if it is still open.
pub async fn session(
    svc: &Services,
    cookie: &str,
) -> Result<Option<PreferenceSession>, WorkflowError> {
    let hash = hash_token(cookie);
    let row = svc
        .db
        .run(move |c| store::live_session(c, &hash, db::now()))
        .await?;
    let Some(row) = row else { return Ok(None) };
    let email = svc.keys.open(
        &row.subject_enc,
        steward_db::slots::preference_session(&row.token_hash),
    )?;
    let email = EmailAddress::parse(&email)
        .map_err(|_| WorkflowError::Corrupt("preference session email".into()))?;
    Ok(Some(PreferenceSession {
        subject: Subject::Email(email),
        csrf: row.csrf_token,
    }))
}
