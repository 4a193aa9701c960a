//! Looking a message up for one locale.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use fluent_templates::fluent_bundle::FluentValue;
use std::sync::LazyLock;

use fluent_templates::LanguageIdentifier;

use steward_domain::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // The languages' own names, the same in all of them.
        core_locales: "./languages.ftl",
        // Placeables are not wrapped in Unicode isolation marks: the text goes into HTML
        // attributes, plain-text email and CSV, where the marks would be stray characters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Where a message comes from: a language's files, or the pseudo-language that marks
/// English text so tests can tell it from text that bypassed the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Language(Language),
    Pseudo,
}

/// A value put into a message.
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(v: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(v))
    }
}

impl From<String> for Arg<'_> {
    fn from(v: String) -> Self {
        Arg::Text(Cow::Owned(v))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(v: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(v.as_str()))
    }
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Number(v)
    }
}

impl From<i32> for Arg<'_> {
    fn from(v: i32) -> Self {
        Arg::Number(i64::from(v))
    }
}

impl From<&i32> for Arg<'_> {
    fn from(v: &i32) -> Self {
        Arg::Number(i64::from(*v))
    }
}

impl From<&i64> for Arg<'_> {
    fn from(v: &i64) -> Self {
        Arg::Number(*v)
    }
}

impl From<usize> for Arg<'_> {
    fn from(v: usize) -> Self {
        Arg::Number(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

/// The translator for one reader: cheap to copy into every page and email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    locale: Locale,
}

/// The opening and closing marks of the pseudo-language.
pub const PSEUDO_OPEN: char = '⟦';
pub const PSEUDO_CLOSE: char = '⟧';

impl Tr {
    pub fn new(language: Language) -> Tr {
        Tr {
            locale: Locale::Language(language),
        }
    }

    pub fn pseudo() -> Tr {
        Tr {
            locale: Locale::Pseudo,
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The language this reader is answered in (the pseudo-language is English underneath).
    pub fn language(&self) -> Language {
        match self.locale {
            Locale::Language(l) => l,
            Locale::Pseudo => Language::En,
        }
    }

    /// The `lang` attribute of a page in this locale.
    pub fn tag(&self) -> &'static str {
        match self.locale {
            Locale::Language(l) => l.as_str(),
            Locale::Pseudo => "en",
        }
    }

    /// A message without values.
    pub fn t(&self, id: &str) -> String {
        self.lookup(id, None)
    }

    /// A message with values, by name.
    pub fn with(&self, id: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) => FluentValue::from(s.to_string()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        self.lookup(id, Some(&map))
    }

    /// A message with one value: the common case in templates.
    pub fn t1<'a>(&self, id: &str, name: &'static str, value: impl Into<Arg<'a>>) -> String {
        self.with(id, &[(name, value.into())])
    }

    /// A message with two values.
    pub fn t2<'a, 'b>(
        &self,
        id: &str,
        a: (&'static str, impl Into<Arg<'a>>),
        b: (&'static str, impl Into<Arg<'b>>),
    ) -> String {
        self.with(id, &[(a.0, a.1.into()), (b.0, b.1.into())])
    }

    /// A language's name in itself, for the language switch.
    pub fn language_name(&self, language: impl std::borrow::Borrow<Language>) -> String {
        let language = language.borrow();
        self.t(&format!("language-{}", language.as_str()))
    }

    /// A date in full, as this language writes it ("6 December 2026", "6. Dezember 2026").
    pub fn date(&self, d: impl std::borrow::Borrow<NaiveDate>) -> String {
        let d = d.borrow();
        self.with(
            "date-long",
            &[
                ("day", Arg::Number(i64::from(d.day()))),
                ("month", Arg::Number(i64::from(d.month()))),
                ("year", Arg::Text(Cow::Owned(d.year().to_string()))),
            ],
        )
    }

    /// A date and a time of day.
    pub fn date_time(&self, at: impl std::borrow::Borrow<NaiveDateTime>) -> String {
        let at = at.borrow();
        let date = self.date(at.date());
        self.with(
            "date-time",
            &[
                ("date", Arg::Text(Cow::Owned(date))),
                (
                    "time",
                    Arg::Text(Cow::Owned(at.format("%H:%M").to_string())),
                ),
            ],
        )
    }

    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
        // A message missing from a language falls back to English; a test keeps every
        // language complete, so this is a safety net, not a path.
        let text = LOCALES
            .lookup_single_language(identifier(self.language()), id, args)
            .or_else(|_| LOCALES.lookup_single_language(identifier(Language::En), id, args))
            .unwrap_or_else(|_| missing(id));
        match self.locale {
            Locale::Language(_) => text,
            Locale::Pseudo => format!("{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}"),
        }
    }
}

/// A message id the files do not have is a programming error the tests catch; in
/// production the id itself is shown rather than failing the page. (No tracing here: this
/// crate does no I/O but this one line to standard error.)
fn missing(id: &str) -> String {
    eprintln!("steward-l10n: no message '{id}' in any language");
    id.to_string()
}

/// Each language's identifier, parsed once.
fn identifier(language: Language) -> &'static LanguageIdentifier {
    static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
        Language::ALL
            .iter()
            .map(|l| {
                l.as_str()
                    .parse()
                    .expect("a primary subtag is a language identifier")
            })
            .collect()
    });
    &IDS[language as usize]
}
