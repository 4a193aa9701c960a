//! The consent banner's settings: where the shop's visitors are, where a trusted proxy says
//! they are, how long a choice stands, and the shop's privacy policy.

use steward_domain::region::Region;

/// A refused setting: the variable and what is wrong with it.
pub type Refusal = (&'static str, String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentSettings {
    /// Where the shop's visitors are when nothing says otherwise (`STEWARD_CONSENT_REGION`,
    /// default `EU`: ask first).
    pub region: Region,
    /// A header a trusted proxy or CDN sets to the visitor's country, such as
    /// `CF-IPCountry` (`STEWARD_REGION_HEADER`); read only from `STEWARD_TRUSTED_PROXIES`.
    pub region_header: Option<String>,
    /// A header with the visitor's subdivision (`cf-region-code`: `CA`), completing the
    /// country (`STEWARD_SUBREGION_HEADER`).
    pub subregion_header: Option<String>,
    /// A choice stands this many months, then the banner asks again
    /// (`STEWARD_CONSENT_EXPIRY_MONTHS`, default 12; the CNIL recommends at most 13).
    pub expiry_months: u32,
    /// The shop's privacy policy, linked from the banner (`STEWARD_PRIVACY_POLICY_URL`).
    pub policy_url: Option<String>,
}

impl Default for ConsentSettings {
    fn default() -> Self {
        ConsentSettings {
            region: Region::parse("EU").expect("EU is a region"),
            region_header: None,
            subregion_header: None,
            expiry_months: 12,
            policy_url: None,
        }
    }
}

/// Most months a choice may stand: past two years a choice is stale wherever the shop is.
pub const MAX_EXPIRY_MONTHS: u32 = 24;

impl ConsentSettings {
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Self, Refusal> {
        let fail = |var: &'static str, message: String| (var, message);
        let mut s = ConsentSettings::default();
        if let Some(v) = get("STEWARD_CONSENT_REGION") {
            s.region = Region::parse(&v)
                .map_err(|m| fail("STEWARD_CONSENT_REGION", format!("'{v}' {m}")))?;
        }
        let header = |var: &'static str| -> Result<Option<String>, Refusal> {
            match get(var) {
                None => Ok(None),
                Some(v) => {
                    let v = v.trim().to_ascii_lowercase();
                    is_header_name(&v)
                        .then_some(Some(v.clone()))
                        .ok_or_else(|| fail(var, format!("'{v}' is not a header name")))
                }
            }
        };
        s.region_header = header("STEWARD_REGION_HEADER")?;
        s.subregion_header = header("STEWARD_SUBREGION_HEADER")?;
        if let Some(v) = get("STEWARD_CONSENT_EXPIRY_MONTHS") {
            s.expiry_months = v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_EXPIRY_MONTHS).contains(n))
                .ok_or_else(|| {
                    fail(
                        "STEWARD_CONSENT_EXPIRY_MONTHS",
                        format!("'{v}' is not a number of months from 1 to {MAX_EXPIRY_MONTHS}"),
                    )
                })?;
        }
        if let Some(v) = get("STEWARD_PRIVACY_POLICY_URL") {
            let v = v.trim();
            if !(v.starts_with("https://") || v.starts_with("http://"))
                || v.chars().any(|c| c.is_whitespace() || c == '"' || c == '<')
            {
                return Err(fail(
                    "STEWARD_PRIVACY_POLICY_URL",
                    format!("'{v}' is not an http(s) address"),
                ));
            }
            s.policy_url = Some(v.to_string());
        }
        Ok(s)
    }
}

/// A header name as RFC 9110 allows it (a token).
fn is_header_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_and_name_the_variable() {
        let vars = [
            ("STEWARD_CONSENT_REGION", "us-ca"),
            ("STEWARD_REGION_HEADER", "CF-IPCountry"),
            ("STEWARD_CONSENT_EXPIRY_MONTHS", "13"),
        ];
        let get = |n: &str| {
            vars.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.to_string())
        };
        let s = ConsentSettings::from_lookup(&get).unwrap();
        assert_eq!(s.region.as_str(), "US-CA");
        assert_eq!(s.region_header.as_deref(), Some("cf-ipcountry"));
        assert_eq!(s.expiry_months, 13);
        for (var, bad) in [
            ("STEWARD_CONSENT_EXPIRY_MONTHS", "0"),
            ("STEWARD_CONSENT_EXPIRY_MONTHS", "25"),
            ("STEWARD_CONSENT_REGION", "Europe"),
            ("STEWARD_REGION_HEADER", "a b"),
            ("STEWARD_PRIVACY_POLICY_URL", "javascript:x"),
        ] {
            let get = |n: &str| (n == var).then(|| bad.to_string());
            assert_eq!(ConsentSettings::from_lookup(&get).unwrap_err().0, var);
        }
    }
}
