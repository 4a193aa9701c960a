//! The language customers are answered in when neither they nor their browser choose one.

use steward_domain::Language;

use super::consent::Refusal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageSettings {
    /// `STEWARD_DEFAULT_LANGUAGE` (default `en`).
    pub default: Language,
    /// `STEWARD_PSEUDO_LANGUAGE=on` lets the language cookie ask for the pseudo-language
    /// (`qps-ploc`), which marks every translated text: for translators and tests checking
    /// that a page has no text outside the message files. Off by default.
    pub pseudo: bool,
}

impl LanguageSettings {
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Self, Refusal> {
        let default = match get("STEWARD_DEFAULT_LANGUAGE") {
            None => Language::En,
            Some(v) => v.trim().to_ascii_lowercase().parse().map_err(|e| {
                (
                    "STEWARD_DEFAULT_LANGUAGE",
                    format!("'{}' is not a language Steward speaks: {e}", v.trim()),
                )
            })?,
        };
        let pseudo = match get("STEWARD_PSEUDO_LANGUAGE").as_deref().map(str::trim) {
            None | Some("off") => false,
            Some("on") => true,
            Some(v) => {
                return Err((
                    "STEWARD_PSEUDO_LANGUAGE",
                    format!("'{v}' must be on or off"),
                ));
            }
        };
        Ok(LanguageSettings { default, pseudo })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(vars: &[(&str, &str)]) -> Result<LanguageSettings, Refusal> {
        LanguageSettings::from_lookup(&|name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_default_is_english_and_a_shop_may_choose_another() {
        assert_eq!(parse(&[]).unwrap().default, Language::En);
        assert!(!parse(&[]).unwrap().pseudo);
        assert_eq!(
            parse(&[("STEWARD_DEFAULT_LANGUAGE", "DE")])
                .unwrap()
                .default,
            Language::De
        );
        let (var, message) = parse(&[("STEWARD_DEFAULT_LANGUAGE", "sv")]).unwrap_err();
        assert_eq!(var, "STEWARD_DEFAULT_LANGUAGE");
        assert!(
            message.contains("'sv'") && message.contains("de, fr"),
            "{message}"
        );
        assert!(parse(&[("STEWARD_PSEUDO_LANGUAGE", "on")]).unwrap().pseudo);
        assert!(parse(&[("STEWARD_PSEUDO_LANGUAGE", "yes")]).is_err());
    }
}
