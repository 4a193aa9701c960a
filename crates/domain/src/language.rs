//! The languages a customer may be answered in. The word is the language's BCP 47 primary
//! subtag; the label is the language's own name for itself, as a language switch shows it.

use crate::kinds::word_enum;

word_enum!(
    /// A language Steward speaks to customers in.
    Language {
        En => "en", "English";
        De => "de", "Deutsch";
        Fr => "fr", "Français";
        Es => "es", "Español";
        It => "it", "Italiano";
        Nl => "nl", "Nederlands";
        Pl => "pl", "Polski";
        Pt => "pt", "Português";
    }
);

impl Language {
    /// The language of a BCP 47 tag such as `de-AT` or `pt_BR` (its primary subtag, in any
    /// case); `None` for a language Steward does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        primary.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn tags_name_their_primary_language() {
        assert_eq!(Language::from_tag("de-AT"), Some(Language::De));
        assert_eq!(Language::from_tag("PT_br"), Some(Language::Pt));
        assert_eq!(Language::from_tag("fr"), Some(Language::Fr));
        assert_eq!(Language::from_tag("sv-SE"), None);
        assert_eq!(Language::from_tag(""), None);
    }
}
