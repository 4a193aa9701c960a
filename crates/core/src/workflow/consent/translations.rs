//! A purpose in the reader's language: its name, description and notice as the shop wrote
//! them in that language (each language's notice versioned and hashed on its own), else in
//! the shop's default language, and which a choice was made on.

use std::sync::Arc;

use chrono::NaiveDateTime;

use super::super::{Services, WorkflowError};
use crate::audit::{self, Actor};
use steward_db as db;
use steward_db::consent as store;
use steward_db::models::{CurrentRow, NoticeRow, PurposeRow, TranslationRow};
use steward_domain::Language;
use steward_domain::consent::PurposeKey;

/// What a reader is shown of a purpose.
#[derive(Debug, Clone)]
pub struct Shown {
    pub name: String,
    pub description: String,
    pub text: String,
    pub sha256: String,
    pub version: i32,
    pub published_at: NaiveDateTime,
    /// The language the text is in.
    pub language: Language,
    /// The shop wrote no text in the reader's language: its default language is shown.
    pub fallback: bool,
}

/// Every translation, with the shop's default language: what decides what a reader sees.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    pub(super) default: Option<Language>,
    rows: Arc<Vec<TranslationRow>>,
}

impl Texts {
    /// Only to check versions (which need no default language).
    pub fn new(default: Language, rows: impl Into<Arc<Vec<TranslationRow>>>) -> Texts {
        Texts {
            default: Some(default),
            rows: rows.into(),
        }
    }

    pub fn default_language(&self) -> Language {
        self.default.unwrap_or(Language::En)
    }

    /// The newest translation of a purpose into a language.
    fn latest(&self, key: &PurposeKey, language: Language) -> Option<&TranslationRow> {
        self.rows
            .iter()
            .filter(|t| &t.purpose_key == key && t.language == language)
            .max_by_key(|t| t.version)
    }

    /// The newest translation, if it translates the default language's current notice (a
    /// newer notice there makes it out of date until it is translated again).
    fn usable(&self, p: &PurposeRow, language: Language) -> Option<&TranslationRow> {
        self.latest(&p.key, language)
            .filter(|t| t.base_version >= p.current_version)
    }

    /// The newest translation is out of date: it translates an older default notice.
    pub fn stale(&self, p: &PurposeRow, t: &TranslationRow) -> bool {
        t.base_version < p.current_version
    }

    /// The purpose in the reader's language, else in the shop's default.
    pub fn shown(&self, p: &PurposeRow, n: &NoticeRow, reader: Language) -> Shown {
        let default = self.default_language();
        match self.usable(p, reader).filter(|_| reader != default) {
            Some(t) => Shown {
                name: t.name.clone(),
                description: t.description.clone(),
                text: t.text.clone(),
                sha256: t.sha256.clone(),
                version: t.version,
                published_at: t.published_at,
                language: t.language,
                fallback: false,
            },
            None => Shown {
                name: p.name.clone(),
                description: p.description.clone(),
                text: n.text.clone(),
                sha256: n.sha256.clone(),
                version: n.version,
                published_at: n.published_at,
                language: default,
                fallback: reader != default,
            },
        }
    }

    /// A purpose's current text in each language it was translated into.
    pub fn current_of(&self, key: &PurposeKey) -> Vec<TranslationRow> {
        let mut langs: Vec<Language> = self
            .rows
            .iter()
            .filter(|t| &t.purpose_key == key)
            .map(|t| t.language)
            .collect();
        langs.sort();
        langs.dedup();
        langs
            .into_iter()
            .filter_map(|l| self.latest(key, l).cloned())
            .collect()
    }

    /// The language a reader is shown a purpose's notice in.
    pub fn language_shown(&self, p: &PurposeRow, reader: Language) -> Language {
        let default = self.default_language();
        if reader != default && self.usable(p, reader).is_some() {
            reader
        } else {
            default
        }
    }

    /// Whether a purpose has any text in this language (the default language always has).
    pub fn has_language(&self, key: &PurposeKey, language: Language) -> bool {
        language == self.default_language() || self.latest(key, language).is_some()
    }

    /// The current version of a purpose's notice in a language (none, or the shop's default
    /// language, or one without a translation: the default's own versions).
    pub fn current_version(&self, p: &PurposeRow, language: Option<Language>) -> i32 {
        // No translation is ever published in the default language, so a language with
        // translations is not the default.
        language
            .and_then(|l| self.latest(&p.key, l))
            .map_or(p.current_version, |t| t.version)
    }

    /// Asked again: a newer notice was published in the language the choice was made in,
    /// or the translation it was made on no longer translates the current default notice.
    pub fn outdated(&self, p: &PurposeRow, c: &CurrentRow) -> bool {
        match c.notice_language.and_then(|l| self.latest(&p.key, l)) {
            Some(t) => c.notice_version < t.version || self.stale(p, t),
            None => c.notice_version < p.current_version,
        }
    }
}

/// The texts every page and banner read needs: what this process last read (memory).
pub fn cached(svc: &Services) -> Texts {
    Texts::new(svc.config.languages.default, svc.translations.current())
}

/// Reads the translations into memory (after a publish, and on every scheduler pass so
/// other processes follow).
pub async fn refresh(svc: &Services) -> Result<(), WorkflowError> {
    let rows = svc.db.run(store::translations).await?;
    svc.translations.replace(rows);
    Ok(())
}

/// Publishes a purpose's name, description and notice in a language other than the shop's
/// default, as that language's next version; audited in the same transaction.
pub async fn publish(
    svc: &Services,
    actor: Actor,
    key: PurposeKey,
    language: Language,
    name: String,
    description: String,
    text: String,
) -> Result<TranslationRow, WorkflowError> {
    if language == svc.config.languages.default {
        return Err(WorkflowError::invalid(
            "language",
            "is the shop's default language: publish a new version of the notice itself",
        ));
    }
    let name = steward_domain::text::required(steward_domain::text::line(&name, 200))
        .map_err(|e| WorkflowError::invalid("name", e.to_string()))?;
    let description = steward_domain::text::paragraph(&description, 2000)
        .map_err(|e| WorkflowError::invalid("description", e.to_string()))?
        .unwrap_or_default();
    let text = steward_domain::text::required(steward_domain::text::paragraph(&text, 20_000))
        .map_err(|e| WorkflowError::invalid("notice_text", e.to_string()))?;
    let row = svc
        .db
        .run(move |c| {
            db::write_tx(c, |c| {
                let p = store::purpose(c, &key)?.ok_or(WorkflowError::NotFound)?;
                let all = store::translations(c)?;
                let latest = all
                    .iter()
                    .filter(|t| t.purpose_key == key && t.language == language)
                    .max_by_key(|t| t.version);
                let same = |t: &&TranslationRow| {
                    t.text == text
                        && t.name == name
                        && t.description == description
                        && t.base_version == p.current_version
                };
                if latest.is_some_and(|t| same(&t)) {
                    return Err(WorkflowError::invalid(
                        "notice_text",
                        "is the same as the current version in this language",
                    ));
                }
                let row = TranslationRow {
                    purpose_key: key.clone(),
                    language,
                    version: latest.map_or(1, |t| t.version + 1),
                    base_version: p.current_version,
                    sha256: steward_db::crypto::sha256_hex(text.as_bytes()),
                    name,
                    description,
                    text,
                    published_at: db::now(),
                    published_by: actor.staff_id(),
                };
                store::insert_translation(c, &row)?;
                audit::record(
                    c,
                    &actor,
                    "consent.notice_translated",
                    &format!("purpose:{key}"),
                    serde_json::json!({"language": language, "version": row.version,
                                       "translates": row.base_version, "sha256": row.sha256}),
                )?;
                Ok(row)
            })
        })
        .await?;
    refresh(svc).await?;
    Ok(row)
}
