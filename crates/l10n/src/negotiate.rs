//! Which language a customer is answered in: their explicit choice (the switch on every
//! public page, kept in a cookie) before what their browser asks for (`Accept-Language`),
//! before the shop's default.

use steward_domain::Language;

use crate::tr::Tr;

/// The cookie the language switch sets.
pub const LANGUAGE_COOKIE: &str = "steward_lang";

/// The pseudo-language's tag (Microsoft's convention for pseudo-localisation), accepted only
/// where the operator turned it on.
pub const PSEUDO_TAG: &str = "qps-ploc";

/// The reader's translator, from the cookie's value, the `Accept-Language` header and the
/// shop's default; `pseudo` lets the cookie ask for the pseudo-language.
pub fn negotiate(
    cookie: Option<&str>,
    accept_language: Option<&str>,
    default: Language,
    pseudo: bool,
) -> Tr {
    if let Some(chosen) = cookie {
        if pseudo && chosen == PSEUDO_TAG {
            return Tr::pseudo();
        }
        if let Ok(language) = chosen.parse::<Language>() {
            return Tr::new(language);
        }
    }
    // Ordered by weight; `q=0` means "not this one".
    let asked = accept_language
        .map(accept_language::parse_with_quality)
        .unwrap_or_default()
        .iter()
        .filter(|(_, q)| *q > 0.0)
        .find_map(|(tag, _)| Language::from_tag(tag));
    Tr::new(asked.unwrap_or(default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_wins_then_the_browser_then_the_shop() {
        let de = Some("fr-CH, de;q=0.9, en;q=0.8");
        assert_eq!(
            negotiate(Some("pl"), de, Language::En, false).language(),
            Language::Pl
        );
        assert_eq!(
            negotiate(None, de, Language::En, false).language(),
            Language::Fr
        );
        assert_eq!(
            negotiate(None, Some("sv, de;q=0.5"), Language::En, false).language(),
            Language::De
        );
        assert_eq!(
            negotiate(None, Some("sv"), Language::It, false).language(),
            Language::It
        );
        assert_eq!(
            negotiate(Some("xx"), None, Language::Nl, false).language(),
            Language::Nl
        );
        assert_eq!(
            negotiate(None, Some("de;q=0, it"), Language::En, false).language(),
            Language::It
        );
        // Weights, not order, decide.
        assert_eq!(
            negotiate(None, Some("en;q=0.2, es;q=0.9"), Language::De, false).language(),
            Language::Es
        );
    }

    #[test]
    fn the_pseudo_language_only_where_it_is_on() {
        assert_eq!(
            negotiate(Some(PSEUDO_TAG), None, Language::En, true),
            Tr::pseudo()
        );
        assert_eq!(
            negotiate(Some(PSEUDO_TAG), None, Language::De, false).language(),
            Language::De
        );
    }
}
