//! The services behind a purpose (Google Analytics behind "analytics") and what each stores
//! in the visitor's browser, so the banner can say who receives the data (GDPR Art. 13(1)(e):
//! the recipients) and clear what it can reach when consent is withdrawn.

use crate::kinds::word_enum;

word_enum!(
    /// Where a service keeps something in the browser.
    StorageKind {
        Cookie => "cookie", "Cookie";
        LocalStorage => "local_storage", "Local storage";
        SessionStorage => "session_storage", "Session storage";
    }
);

pub const MAX_NAME_LEN: usize = 100;
pub const MAX_PROVIDER_LEN: usize = 200;
pub const MAX_LIFETIME_LEN: usize = 60;
pub const MAX_ITEMS: usize = 50;

/// One thing a service keeps in the browser: a cookie or a storage key, by name; a trailing
/// `*` matches every name that starts with the rest (`_ga_*`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StorageItem {
    pub name: String,
    pub kind: StorageKind,
    /// As people read it: "2 years", "session".
    pub lifetime: String,
    /// Set on the provider's own domain: the banner cannot delete it, only name it.
    pub third_party: bool,
}

impl StorageItem {
    pub fn new(
        name: &str,
        kind: StorageKind,
        lifetime: &str,
        third_party: bool,
    ) -> Result<Self, String> {
        let name = name.trim();
        let stem = name.strip_suffix('*').unwrap_or(name);
        // Cookie-name tokens (RFC 6265 §4.1.1) that are also safe in a storage key.
        let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '$');
        if stem.is_empty() || name.len() > MAX_NAME_LEN || !stem.chars().all(ok) {
            return Err(format!(
                "'{name}' is not a cookie or storage name: letters, digits, '_', '-', '.' or '$', \
                 optionally ending in '*'"
            ));
        }
        let lifetime = lifetime.trim();
        if lifetime.is_empty() || lifetime.chars().count() > MAX_LIFETIME_LEN {
            return Err(format!(
                "the lifetime of '{name}' is required (at most {MAX_LIFETIME_LEN} characters), \
                 such as \"13 months\" or \"session\""
            ));
        }
        Ok(StorageItem {
            name: name.to_string(),
            kind,
            lifetime: lifetime.to_string(),
            third_party,
        })
    }

    /// One line of the console's form: `name, kind, lifetime[, third-party]`, such as
    /// `_ga, cookie, 2 years` or `IDE, cookie, 13 months, third-party`.
    pub fn parse_line(line: &str) -> Result<Self, String> {
        let parts: Vec<&str> = line.split(',').map(str::trim).collect();
        let third_party = match parts.get(3).copied() {
            None | Some("") | Some("first-party") => false,
            Some("third-party") => true,
            Some(other) => {
                return Err(format!(
                    "'{other}' should be third-party or first-party (or left out)"
                ));
            }
        };
        if !(3..=4).contains(&parts.len()) {
            return Err(format!(
                "'{}' should be: name, kind, lifetime[, third-party]",
                line.trim()
            ));
        }
        let kind = parts[1]
            .parse::<StorageKind>()
            .map_err(|e| format!("the kind of '{}' {e}", parts[0]))?;
        StorageItem::new(parts[0], kind, parts[2], third_party)
    }

    /// As the console's form shows it again.
    pub fn line(&self) -> String {
        let mut s = format!("{}, {}, {}", self.name, self.kind, self.lifetime);
        if self.third_party {
            s.push_str(", third-party");
        }
        s
    }
}

/// Every line of the console's list, the first fault naming its line.
pub fn parse_items(text: &str) -> Result<Vec<StorageItem>, String> {
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        items.push(StorageItem::parse_line(line).map_err(|e| format!("line {}: {e}", i + 1))?);
    }
    if items.len() > MAX_ITEMS {
        return Err(format!(
            "at most {MAX_ITEMS} cookies and storage keys a service"
        ));
    }
    Ok(items)
}

/// A service's name, provider and privacy link, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceFields {
    pub name: String,
    pub provider: String,
    pub privacy_url: Option<String>,
}

impl ServiceFields {
    /// Errors name the field: `(field, message)`.
    pub fn new(
        name: &str,
        provider: &str,
        privacy_url: &str,
    ) -> Result<Self, (&'static str, String)> {
        let (name, provider, url) = (name.trim(), provider.trim(), privacy_url.trim());
        if name.is_empty() || name.chars().count() > MAX_NAME_LEN {
            return Err((
                "name",
                format!("name is required (at most {MAX_NAME_LEN} characters)"),
            ));
        }
        if provider.is_empty() || provider.chars().count() > MAX_PROVIDER_LEN {
            return Err((
                "provider",
                format!(
                    "provider is required (at most {MAX_PROVIDER_LEN} characters): the company that receives the data"
                ),
            ));
        }
        let privacy_url = if url.is_empty() {
            None
        } else {
            let ok = (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() <= 500
                && !url
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<');
            if !ok {
                return Err((
                    "privacy_url",
                    "privacy_url must be an http(s) address such as https://policies.google.com/privacy".into(),
                ));
            }
            Some(url.to_string())
        };
        Ok(ServiceFields {
            name: name.to_string(),
            provider: provider.to_string(),
            privacy_url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_name_a_cookie_its_kind_and_life() {
        let ga = StorageItem::parse_line(" _ga_* , cookie, 2 years").unwrap();
        assert_eq!(
            (ga.name.as_str(), ga.kind, ga.third_party),
            ("_ga_*", StorageKind::Cookie, false)
        );
        let ide = StorageItem::parse_line("IDE, cookie, 13 months, third-party").unwrap();
        assert!(ide.third_party);
        assert_eq!(StorageItem::parse_line(&ide.line()).unwrap(), ide);
        for bad in [
            "_ga, cookie",
            "_ga, biscuit, 2 years",
            "*, cookie, 1 day",
            "a b, cookie, 1 day",
            "_ga, cookie, ",
            "_ga, cookie, 1 day, maybe",
        ] {
            assert!(StorageItem::parse_line(bad).is_err(), "{bad}");
        }
        let err = parse_items("_ga, cookie, 2 years\n\nx, jar, 1 day").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
    }

    #[test]
    fn services_need_a_name_and_a_provider() {
        assert!(ServiceFields::new("Google Analytics", "Google Ireland Ltd", "").is_ok());
        assert_eq!(ServiceFields::new(" ", "x", "").unwrap_err().0, "name");
        assert_eq!(ServiceFields::new("x", "", "").unwrap_err().0, "provider");
        assert_eq!(
            ServiceFields::new("x", "y", "javascript:alert(1)")
                .unwrap_err()
                .0,
            "privacy_url"
        );
    }
}
