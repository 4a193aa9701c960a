//! Recording choices and reading them back. Every write is one transaction: the records,
//! the current state beside them and, for staff, the audit row. A Global Privacy Control
//! signal on a public call is honoured here, as a `withdrawn` record of method `gpc` for each
//! sale/sharing purpose the subject has not already opted out of.

use std::collections::HashMap;
use std::net::IpAddr;

use chrono::NaiveDateTime;

use super::super::{Services, WorkflowError};
use super::staff_id;
use super::translations::Texts;
use crate::audit::{self, Actor};
use steward_db::consent as store;
use steward_db::crypto::Keys;
use steward_db::models::{ConsentRow, CurrentRow, NoticeRow, PurposeRow};
use steward_db::{self as db, DbConn};
use steward_domain::Jurisdiction;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey, Subject};

/// Most choices one call may carry.
pub const MAX_CHOICES: usize = 50;
/// Longest proof text kept (user agent, page URL, banner version, staff note).
pub const MAX_PROOF_LEN: usize = 2000;

#[derive(Debug, Clone)]
pub struct Choice {
    pub purpose: PurposeKey,
    pub status: ConsentStatus,
    /// The notice version shown; the current one when not given.
    pub notice_version: Option<i32>,
    /// The language of the notice shown (its versions are that language's own); none: the
    /// shop's default language.
    pub notice_language: Option<steward_domain::Language>,
}

/// What the caller's request proves about the choice.
#[derive(Debug, Clone, Default)]
pub struct Proof {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
    pub page_url: Option<String>,
    /// The request carried `Sec-GPC: 1`.
    pub gpc: bool,
    pub banner_version: Option<String>,
}

/// Who is writing, which decides what is allowed and what is audited.
#[derive(Debug, Clone)]
pub enum Writer {
    /// A public call with a site key (the banner, or the shop's own back end).
    Site { key_id: String },
    /// A staff member, in the console or with a token.
    Staff { actor: Actor },
    /// The subject in the preference centre.
    Subject,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub subject: Subject,
    pub choices: Vec<Choice>,
    pub method: ConsentMethod,
    pub jurisdiction: Option<Jurisdiction>,
    pub note: Option<String>,
    pub proof: Proof,
    pub writer: Writer,
    /// The language the choice was offered in (banner, preference centre).
    pub language: Option<steward_domain::Language>,
}

/// What a write produced.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub records: Vec<ConsentRow>,
    /// The records the GPC signal produced (also in `records`).
    pub gpc_records: Vec<String>,
    /// The signal was present and every sale/sharing purpose now stands withdrawn.
    pub gpc_honoured: bool,
}

/// A subject's state: the latest record per purpose, and every record, oldest first.
#[derive(Debug, Clone)]
pub struct SubjectState {
    pub current: Vec<CurrentRow>,
    pub history: Vec<ConsentRow>,
}

fn clip(s: Option<String>) -> Option<String> {
    s.map(|s| s.chars().take(MAX_PROOF_LEN).collect::<String>())
        .filter(|s| !s.is_empty())
}

pub fn subject_index(keys: &Keys, s: &Subject) -> String {
    keys.blind_index(s.index_kind(), &s.normalised())
}

/// Time-ordered ids: within one process each is later than the one before, so a
/// subject's history sorts in the order it was written even within one microsecond.
fn record_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

struct Row<'a> {
    keys: &'a Keys,
    entry: &'a Entry,
    index: &'a str,
    now: NaiveDateTime,
}

impl Row<'_> {
    fn build(
        &self,
        purpose: &PurposeKey,
        (version, notice_language): (i32, Option<steward_domain::Language>),
        status: ConsentStatus,
        method: ConsentMethod,
    ) -> ConsentRow {
        let e = self.entry;
        let id = record_id();
        ConsentRow {
            subject_enc: Some(self.keys.seal(
                &e.subject.as_text(),
                steward_db::slots::consent_subject(&id),
            )),
            id,
            subject_index: self.index.to_string(),
            subject_kind: e.subject.kind(),
            purpose_key: purpose.clone(),
            notice_version: version,
            status,
            method,
            jurisdiction: e.jurisdiction,
            language: e.language,
            recorded_at: self.now,
            ip_hmac: e
                .proof
                .ip
                .map(|ip| self.keys.blind_index("ip", &ip.to_string())),
            user_agent: clip(e.proof.user_agent.clone()),
            page_url: clip(e.proof.page_url.clone()),
            gpc: e.proof.gpc,
            banner_version: clip(e.proof.banner_version.clone()),
            note: clip(e.note.clone()),
            recorded_by: match &e.writer {
                Writer::Staff { actor } => staff_id(actor),
                _ => None,
            },
            site_key_id: match &e.writer {
                Writer::Site { key_id } => Some(key_id.clone()),
                _ => None,
            },
            pseudonymised_at: None,
            notice_language,
        }
    }
}

/// Checks every choice against the purposes before anything is written, naming the field.
fn check(
    purposes: &HashMap<PurposeKey, PurposeRow>,
    texts: &Texts,
    choices: &[Choice],
) -> Result<(), WorkflowError> {
    if choices.len() > MAX_CHOICES {
        return Err(WorkflowError::invalid(
            "choices",
            format!("at most {MAX_CHOICES} choices at a time"),
        ));
    }
    for (i, c) in choices.iter().enumerate() {
        let Some(p) = purposes.get(&c.purpose) else {
            return Err(WorkflowError::invalid(
                "purpose",
                format!("'{}' is not a purpose here", c.purpose),
            ));
        };
        if p.necessary {
            return Err(WorkflowError::invalid(
                "purpose",
                format!("'{}' is strictly necessary: it is never asked", c.purpose),
            ));
        }
        if let Some(l) = c.notice_language
            && texts.default.is_some()
            && !texts.has_language(&c.purpose, l)
        {
            return Err(WorkflowError::invalid(
                "notice_language",
                format!("'{}' has no notice in {}", c.purpose, l.as_str()),
            ));
        }
        let current = texts.current_version(p, c.notice_language);
        if let Some(v) = c.notice_version
            && !(1..=current).contains(&v)
        {
            return Err(WorkflowError::invalid(
                "notice_version",
                format!(
                    "'{}' has notice versions 1 to {current}, not {v}",
                    c.purpose
                ),
            ));
        }
        if choices[..i].iter().any(|o| o.purpose == c.purpose) {
            return Err(WorkflowError::invalid(
                "purpose",
                format!("'{}' is given twice", c.purpose),
            ));
        }
    }
    Ok(())
}

fn write(
    conn: &mut DbConn,
    keys: &Keys,
    entry: &Entry,
    default: steward_domain::Language,
) -> Result<Written, WorkflowError> {
    let purposes: HashMap<PurposeKey, PurposeRow> = store::purposes(conn)?
        .into_iter()
        .map(|p| (p.key.clone(), p))
        .collect();
    // A choice offered in a language was made on that language's notice where the shop
    // wrote one, else on the default language's: each is versioned on its own.
    let offered =
        entry.language.is_some() || entry.choices.iter().any(|c| c.notice_language.is_some());
    let texts = if offered {
        Texts::new(default, store::translations(conn)?)
    } else {
        Texts::default()
    };
    let choices: Vec<Choice> = entry
        .choices
        .iter()
        .map(|c| Choice {
            notice_language: c.notice_language.or_else(|| {
                let p = purposes.get(&c.purpose)?;
                entry.language.map(|l| texts.language_shown(p, l))
            }),
            ..c.clone()
        })
        .collect();
    check(&purposes, &texts, &choices)?;
    let index = subject_index(keys, &entry.subject);
    let row = Row {
        keys,
        entry,
        index: &index,
        now: db::now(),
    };
    let mut out = Written::default();
    // The signal first, so the subject's explicit choices are recorded after it.
    if entry.proof.gpc && !matches!(entry.writer, Writer::Staff { .. }) {
        let current: HashMap<PurposeKey, ConsentStatus> = store::current_of(conn, &index)?
            .into_iter()
            .map(|c| (c.purpose_key, c.status))
            .collect();
        for p in purposes
            .values()
            .filter(|p| p.sale_or_sharing && !p.necessary)
        {
            if current.get(&p.key) != Some(&ConsentStatus::Withdrawn) {
                let r = row.build(
                    &p.key,
                    (p.current_version, None),
                    ConsentStatus::Withdrawn,
                    ConsentMethod::Gpc,
                );
                out.gpc_records.push(r.id.clone());
                out.records.push(r);
            }
        }
        out.gpc_honoured = true;
    }
    for c in &choices {
        let p = &purposes[&c.purpose];
        // Under the signal, sale or sharing stays off whatever a banner click said.
        if out.gpc_honoured && p.sale_or_sharing && c.status == ConsentStatus::Granted {
            continue;
        }
        let version = c
            .notice_version
            .unwrap_or_else(|| texts.current_version(p, c.notice_language));
        let r = row.build(
            &c.purpose,
            (version, c.notice_language),
            c.status,
            entry.method,
        );
        out.records.push(r);
    }
    // Every record of the entry in one go: two statements, whatever their number.
    store::append(conn, &out.records)?;
    if let Writer::Staff { actor } = &entry.writer {
        for r in &out.records {
            audit::record(
                conn,
                actor,
                "consent.recorded",
                &format!("consent:{}", r.id),
                serde_json::json!({"purpose": r.purpose_key, "status": r.status.as_str(), "method": r.method.as_str()}),
            )?;
        }
    }
    Ok(out)
}

/// Records the entry's choices (and the GPC signal's opt-outs), all or nothing.
pub async fn record(svc: &Services, entry: Entry) -> Result<Written, WorkflowError> {
    let keys = svc.keys.clone();
    let default = svc.config.languages.default;
    svc.db
        .run(move |c| db::write_tx(c, |c| write(c, &keys, &entry, default)))
        .await
}

/// A website's write: its key (and the browser's origin) checked and the entry recorded in
/// one trip to the database, the hot path of the public API.
pub async fn record_for_site(
    svc: &Services,
    key: Option<String>,
    origin: Option<String>,
    mut entry: Entry,
) -> Result<Result<Written, super::site_keys::KeyRefusal>, WorkflowError> {
    let keys = svc.keys.clone();
    let default = svc.config.languages.default;
    svc.db
        .run(move |c| {
            let site = match super::site_keys::check_in(c, key.as_deref(), origin.as_deref())? {
                Ok(site) => site,
                Err(refused) => return Ok(Err(refused)),
            };
            entry.subject = entry.subject.on_site(&site.id);
            entry.writer = Writer::Site { key_id: site.id };
            Ok(Ok(db::write_tx(c, |c| write(c, &keys, &entry, default))?))
        })
        .await
}

pub async fn state(svc: &Services, subject: &Subject) -> Result<SubjectState, WorkflowError> {
    let index = subject_index(&svc.keys, subject);
    svc.db
        .run(move |c| {
            Ok::<_, WorkflowError>(SubjectState {
                current: store::current_of(c, &index)?,
                history: store::history_of(c, &index)?,
            })
        })
        .await
}

/// What the banner needs: every purpose with its current notice and services, and the
/// visitor's choices that still stand.
#[derive(Debug, Clone)]
pub struct BannerState {
    pub purposes: Vec<(PurposeRow, NoticeRow)>,
    /// The purposes' texts in other languages, to show each in the visitor's.
    pub texts: Texts,
    pub services: Vec<super::services::Service>,
    /// Choices made since the expiry cut-off; older ones are asked again.
    pub choices: Vec<CurrentRow>,
    pub written: Written,
}

/// Choices made before this moment no longer stand: the banner asks again
/// (`STEWARD_CONSENT_EXPIRY_MONTHS`). Kept in the ledger all the same, as proof.
pub fn expiry_cutoff(svc: &Services) -> NaiveDateTime {
    let months = chrono::Months::new(svc.config.consent.expiry_months);
    let now = db::now();
    now.checked_sub_months(months).unwrap_or(now)
}

fn standing(choices: Vec<CurrentRow>, cutoff: NaiveDateTime) -> Vec<CurrentRow> {
    choices
        .into_iter()
        .filter(|c| c.recorded_at >= cutoff)
        .collect()
}

/// The banner's read. A GPC signal is honoured on reads too, so a visitor who never clicks
/// is still opted out; without it, a read writes nothing.
pub async fn banner(
    svc: &Services,
    visitor: Subject,
    proof: Proof,
    key_id: String,
    jurisdiction: Jurisdiction,
) -> Result<BannerState, WorkflowError> {
    let keys = svc.keys.clone();
    let default = svc.config.languages.default;
    // The translations from memory: a page view reads no more than before.
    let texts = super::translations::cached(svc);
    let cutoff = expiry_cutoff(svc);
    svc.db
        .run(move |c| {
            let index = subject_index(&keys, &visitor);
            // Most page views of a GPC browser find the opt-out already recorded: they read,
            // and only a missing opt-out takes the write path.
            let purposes = store::purposes_with_notice(c)?;
            let current = store::current_of(c, &index)?;
            let missing = purposes.iter().any(|(p, _)| {
                p.sale_or_sharing
                    && !p.necessary
                    && !current
                        .iter()
                        .any(|x| x.purpose_key == p.key && x.status == ConsentStatus::Withdrawn)
            });
            let written = if proof.gpc && missing {
                let entry = Entry {
                    subject: visitor.clone(),
                    choices: vec![],
                    method: ConsentMethod::Banner,
                    jurisdiction: Some(jurisdiction),
                    note: None,
                    proof,
                    writer: Writer::Site { key_id },
                    // Nothing was offered: the browser's signal chose.
                    language: None,
                };
                db::write_tx(c, |c| write(c, &keys, &entry, default))?
            } else {
                Written {
                    gpc_honoured: proof.gpc,
                    ..Written::default()
                }
            };
            let choices = if written.records.is_empty() {
                current
            } else {
                store::current_of(c, &index)?
            };
            Ok::<_, WorkflowError>(BannerState {
                purposes,
                texts: texts.clone(),
                services: steward_db::consent_services::all(c)?,
                choices: standing(choices, cutoff),
                written,
            })
        })
        .await
}

/// The banner's write, answered with the state after it.
pub async fn banner_write(svc: &Services, entry: Entry) -> Result<BannerState, WorkflowError> {
    let keys = svc.keys.clone();
    let default = svc.config.languages.default;
    // The translations from memory: a page view reads no more than before.
    let texts = super::translations::cached(svc);
    let cutoff = expiry_cutoff(svc);
    svc.db
        .run(move |c| {
            let written = db::write_tx(c, |c| write(c, &keys, &entry, default))?;
            let choices = store::current_of(c, &subject_index(&keys, &entry.subject))?;
            Ok::<_, WorkflowError>(BannerState {
                purposes: store::purposes_with_notice(c)?,
                texts: texts.clone(),
                services: steward_db::consent_services::all(c)?,
                choices: standing(choices, cutoff),
                written,
            })
        })
        .await
}

/// One record with what proves it, for staff: `None` when there is no such record.
pub async fn record_by_id(
    svc: &Services,
    id: String,
) -> Result<Option<(ConsentRow, Option<NoticeRow>)>, WorkflowError> {
    svc.db
        .run(move |c| {
            let found = store::record_with_notice(c, &id)?;
            // A choice made on a translation is proved by that language's text and hash.
            let Some((r, n)) = found else {
                return Ok::<_, WorkflowError>(None);
            };
            let translated = match r.notice_language {
                Some(l) => store::translations(c)?.into_iter().find(|t| {
                    t.purpose_key == r.purpose_key
                        && t.language == l
                        && t.version == r.notice_version
                }),
                None => None,
            };
            let n = match translated {
                Some(t) => Some(NoticeRow {
                    purpose_key: t.purpose_key,
                    version: t.version,
                    text: t.text,
                    sha256: t.sha256,
                    published_at: t.published_at,
                    published_by: t.published_by,
                }),
                None => n,
            };
            Ok(Some((r, n)))
        })
        .await
}
