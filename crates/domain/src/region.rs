//! Where a website visitor is, and what that means for consent: the EU, the EEA and the
//! United Kingdom ask first (opt-in: nothing optional before a choice, ePrivacy Art. 5(3) as
//! read with the GDPR); California and the other US states with a comprehensive privacy law
//! let data be used until the visitor opts out of sale or sharing (CCPA §1798.120, honouring
//! the Global Privacy Control signal under 11 CCR §7025).

use super::kinds::{Jurisdiction, word_enum};

word_enum!(
    /// How the banner treats a purpose nobody has answered yet.
    ConsentModel {
        OptIn => "opt_in", "Ask first (opt-in)";
        OptOut => "opt_out", "Notice and opt-out";
    }
);

/// A region as ISO 3166 writes it: a country (`DE`), or a country's subdivision (`US-CA`),
/// upper case. `EU` (reserved in ISO 3166-1 for the Union) names the EU as a whole, for a
/// shop that declares where its visitors are without naming a country.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Region(String);

impl Region {
    pub const PATTERN: &'static str = "^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$";

    pub fn parse(s: &str) -> Result<Region, String> {
        let s = s.trim().to_ascii_uppercase();
        let (country, sub) = match s.split_once('-') {
            Some((c, sub)) => (c, Some(sub)),
            None => (s.as_str(), None),
        };
        let country_ok = country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase());
        let sub_ok = sub.is_none_or(|s| {
            (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if country_ok && sub_ok {
            Ok(Region(s))
        } else {
            Err("must be an ISO 3166 region such as DE, GB or US-CA".into())
        }
    }

    /// A country and, from a second header (a CDN's region code), its subdivision.
    pub fn of_parts(country: &str, subdivision: Option<&str>) -> Result<Region, String> {
        match subdivision.map(str::trim).filter(|s| !s.is_empty()) {
            Some(sub) if !country.contains('-') => Region::parse(&format!("{country}-{sub}")),
            _ => Region::parse(country),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn country(&self) -> &str {
        &self.0[..2]
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The EU's member states and the other EEA states (Iceland, Liechtenstein, Norway), where
/// the GDPR and the ePrivacy rules on cookies apply.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EU",
];

/// US states with a comprehensive consumer privacy law giving an opt-out of sale and of
/// targeted advertising (California's is the CCPA, below).
const US_OPT_OUT_STATES: &[&str] = &[
    "CO", "CT", "DE", "IA", "IN", "KY", "MD", "MN", "MT", "NE", "NH", "NJ", "OR", "RI", "TN", "TX",
    "UT", "VA",
];

/// The law a consent choice is made under, and how the banner asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regime {
    pub region: Region,
    pub jurisdiction: Jurisdiction,
    pub model: ConsentModel,
}

impl Regime {
    /// What the law of `region` asks of a banner, when Steward knows it: `None` for a region
    /// it has no rule for (the shop's declared region then decides).
    pub fn of(region: &Region) -> Option<Regime> {
        let (jurisdiction, model) = match (region.country(), region.as_str().get(3..)) {
            (c, _) if EEA.contains(&c) => (Jurisdiction::Gdpr, ConsentModel::OptIn),
            ("GB", _) => (Jurisdiction::UkGdpr, ConsentModel::OptIn),
            ("US", Some("CA")) => (Jurisdiction::Ccpa, ConsentModel::OptOut),
            ("US", Some(state)) if US_OPT_OUT_STATES.contains(&state) => {
                (Jurisdiction::Other, ConsentModel::OptOut)
            }
            _ => return None,
        };
        Some(Regime {
            region: region.clone(),
            jurisdiction,
            model,
        })
    }

    /// The regime for a visitor: the region the page or a trusted proxy names when Steward
    /// has a rule for it, otherwise the shop's declared region (and if Steward has no rule for
    /// that either, opt-in: asking first is never unlawful).
    pub fn choose(hint: Option<&Region>, declared: &Region) -> Regime {
        hint.and_then(Regime::of)
            .or_else(|| Regime::of(declared))
            .unwrap_or_else(|| Regime {
                region: hint.unwrap_or(declared).clone(),
                jurisdiction: Jurisdiction::Other,
                model: ConsentModel::OptIn,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Region {
        Region::parse(s).unwrap()
    }

    #[test]
    fn regions_are_iso_3166() {
        assert_eq!(r(" us-ca ").as_str(), "US-CA");
        assert_eq!(r("de").country(), "DE");
        for bad in ["", "D", "DEU", "US-", "US-CALI", "U1", "us ca", "<s>"] {
            assert!(Region::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Region::of_parts("US", Some("CA")).unwrap(), r("US-CA"));
        assert_eq!(Region::of_parts("US", Some(" ")).unwrap(), r("US"));
        assert_eq!(Region::of_parts("US-CA", Some("TX")).unwrap(), r("US-CA"));
    }

    #[test]
    fn europe_asks_first_and_california_opts_out() {
        let de = Regime::of(&r("DE")).unwrap();
        assert_eq!(
            (de.jurisdiction, de.model),
            (Jurisdiction::Gdpr, ConsentModel::OptIn)
        );
        assert_eq!(
            Regime::of(&r("NO")).unwrap().jurisdiction,
            Jurisdiction::Gdpr
        );
        assert_eq!(
            Regime::of(&r("GB")).unwrap().jurisdiction,
            Jurisdiction::UkGdpr
        );
        let ca = Regime::of(&r("US-CA")).unwrap();
        assert_eq!(
            (ca.jurisdiction, ca.model),
            (Jurisdiction::Ccpa, ConsentModel::OptOut)
        );
        assert_eq!(Regime::of(&r("US-VA")).unwrap().model, ConsentModel::OptOut);
        assert!(Regime::of(&r("US")).is_none(), "a state is needed");
        assert!(Regime::of(&r("JP")).is_none());
    }

    #[test]
    fn the_hint_wins_when_known_else_the_shop_declares() {
        let eu = r("EU");
        let ca = r("US-CA");
        assert_eq!(Regime::choose(Some(&ca), &eu).model, ConsentModel::OptOut);
        assert_eq!(Regime::choose(None, &eu).jurisdiction, Jurisdiction::Gdpr);
        let jp = r("JP");
        let chosen = Regime::choose(Some(&jp), &eu);
        assert_eq!(chosen.jurisdiction, Jurisdiction::Gdpr, "declared region");
        let unknown = Regime::choose(None, &jp);
        assert_eq!(
            (unknown.jurisdiction, unknown.model),
            (Jurisdiction::Other, ConsentModel::OptIn),
            "no rule anywhere: ask first"
        );
    }
}
