//! The consent banner's words: every message of `banner.ftl`, for one language, with its
//! values left as `{name}` for the script to fill in (the visitor's date, a receipt, a
//! service's name). Sent inside the banner's own read, so a page view costs no extra request.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use steward_domain::Language;

use crate::tr::Tr;

/// Every message of `banner.ftl` (a test keeps the list and the file in step).
pub const BANNER_MESSAGES: &[&str] = &[
    "banner-title",
    "banner-notice-title",
    "banner-text",
    "banner-text-optout",
    "banner-accept",
    "banner-reject",
    "banner-choose",
    "banner-choose-purpose",
    "banner-save",
    "banner-close",
    "banner-reopen",
    "banner-dns",
    "banner-sale",
    "banner-always-on",
    "banner-gpc",
    "banner-notice",
    "banner-notice-for",
    "banner-policy",
    "banner-manage",
    "banner-your-choices-of",
    "banner-failed-one",
    "banner-failed",
    "banner-saved",
    "banner-saved-on",
    "banner-cannot-remove",
    "banner-saved-title",
    "banner-embed",
    "banner-embed-purpose",
    "banner-load",
    "banner-another-company",
];

/// The values banner messages take, each left as a `{name}` token.
const TOKENS: [&str; 5] = ["purpose", "date", "receipt", "names", "service"];

/// Each language's banner words, formatted once: every banner read sends them.
static BY_LANGUAGE: LazyLock<Vec<BTreeMap<&'static str, String>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| Tr::new(*l).banner_words())
        .collect()
});

/// The banner's words in a language, by message id without its `banner-` prefix.
pub fn banner_words(language: Language) -> &'static BTreeMap<&'static str, String> {
    &BY_LANGUAGE[language as usize]
}

impl Tr {
    /// The banner's words in this language, by message id without its `banner-` prefix.
    pub fn banner(&self) -> BTreeMap<&'static str, String> {
        self.banner_words()
    }

    fn banner_words(&self) -> BTreeMap<&'static str, String> {
        let args: Vec<(&'static str, crate::tr::Arg<'_>)> = TOKENS
            .iter()
            .map(|t| (*t, crate::tr::Arg::from(format!("{{{t}}}"))))
            .collect();
        BANNER_MESSAGES
            .iter()
            .map(|id| (id.trim_start_matches("banner-"), self.with(id, &args)))
            .collect()
    }
}
