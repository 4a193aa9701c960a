//! Consent: purposes with versioned notices, and the append-only records that prove what a
//! subject agreed to or withdrew, when, and how (GDPR Art. 7(1): the controller must be able
//! to demonstrate consent). Pure types and rules; the ledger itself is in `db::consent`.

use super::email::EmailAddress;
use super::kinds::word_enum;

pub mod services;

word_enum!(
    /// What a record says.
    ConsentStatus {
        Granted => "granted", "Granted";
        Withdrawn => "withdrawn", "Withdrawn";
    }
);

word_enum!(
    /// How a choice reached the ledger.
    ConsentMethod {
        Banner => "banner", "Consent banner";
        PreferenceCentre => "preference_centre", "Preference centre";
        WebForm => "web_form", "Web form";
        Api => "api", "API";
        Staff => "staff", "Staff, on the subject's behalf";
        Gpc => "gpc", "Global Privacy Control signal";
    }
);

impl ConsentMethod {
    /// Methods a caller may name; `gpc` is only ever set by Steward when it honours the
    /// signal, and `staff` needs a signed-in staff member.
    pub const CALLER_WORDS: &'static [&'static str] =
        &["banner", "preference_centre", "web_form", "api", "staff"];
}

word_enum!(
    /// What kind of subject a consent record is about (the record keeps only its index).
    SubjectKind {
        Email => "email", "Email address";
        Visitor => "visitor", "Website visitor";
        Id => "id", "Customer id";
    }
);

/// Who a record is about: an email address, or an opaque id the shop (or the banner's
/// visitor cookie) gives. Both are stored encrypted and found by a blind index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Email(EmailAddress),
    /// A website visitor as the banner knows them: 32 random hex digits in a first-party
    /// cookie, on the site of one site key. Its own namespace, scoped to that key: no site
    /// reads or writes a customer id, or another site's visitor, through it.
    Visitor {
        site: String,
        id: String,
    },
    Opaque(String),
}

/// How staff name a site's visitor: `visitor:<site key id>:<visitor id>`.
pub const VISITOR_PREFIX: &str = "visitor:";

/// Longest opaque subject id accepted.
pub const MAX_OPAQUE_LEN: usize = 128;

impl Subject {
    /// As staff name a subject: an email address when it has an `@`, a site's visitor as
    /// `visitor:<site key id>:<visitor id>`, otherwise an opaque id of letters, digits and
    /// `. _ : -` (a customer number, even one that looks like a visitor id).
    pub fn parse(s: &str) -> Result<Subject, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("is required".into());
        }
        if s.contains('@') {
            return EmailAddress::parse(s)
                .map(Subject::Email)
                .map_err(|e| e.to_string());
        }
        if let Some(rest) = s.strip_prefix(VISITOR_PREFIX) {
            let (site, id) = rest
                .rsplit_once(':')
                .ok_or_else(|| format!("must be {VISITOR_PREFIX}<site key id>:<visitor id>"))?;
            return Subject::visitor(site, id);
        }
        Subject::opaque(s)
    }

    /// A banner's visitor id (exactly 32 lowercase hex digits, 128 random bits) on the site
    /// of the site key `site`.
    pub fn visitor(site: &str, s: &str) -> Result<Subject, String> {
        let hex = s.len() == 32
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
        if !hex {
            return Err("must be the banner's visitor id: 32 hex digits".into());
        }
        if site.is_empty() || !site.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err("must name a site key by its id".into());
        }
        Ok(Subject::Visitor {
            site: site.to_string(),
            id: s.to_string(),
        })
    }

    /// A visitor scoped to the site key `site` (the key a write came through, known once it
    /// is checked); any other subject as it is.
    pub fn on_site(self, site: &str) -> Subject {
        match self {
            Subject::Visitor { id, .. } => Subject::Visitor {
                site: site.to_string(),
                id,
            },
            other => other,
        }
    }

    /// An opaque id only: the banner's visitor id must never be an email address.
    pub fn opaque(s: &str) -> Result<Subject, String> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-');
        if s.is_empty() || s.len() > MAX_OPAQUE_LEN || !s.chars().all(ok_char) {
            return Err(format!(
                "must be an email address or an id of 1 to {MAX_OPAQUE_LEN} letters, digits, '.', '_', ':' or '-'"
            ));
        }
        Ok(Subject::Opaque(s.to_string()))
    }

    /// The blind index's kind: an email matches the same person's privacy requests.
    pub fn index_kind(&self) -> &'static str {
        match self {
            Subject::Email(_) => "email",
            Subject::Visitor { .. } => "visitor",
            Subject::Opaque(_) => "consent_subject",
        }
    }

    /// What the blind index is computed over.
    pub fn normalised(&self) -> String {
        match self {
            Subject::Email(e) => e.normalised(),
            Subject::Visitor { site, id } => format!("{site}:{id}"),
            Subject::Opaque(s) => s.clone(),
        }
    }

    /// As given, for the encrypted column and the subject's own views.
    pub fn as_text(&self) -> String {
        match self {
            Subject::Email(e) => e.as_str().to_string(),
            // The site is the record's `site_key_id`.
            Subject::Visitor { id, .. } => id.clone(),
            Subject::Opaque(s) => s.clone(),
        }
    }

    pub fn kind(&self) -> SubjectKind {
        match self {
            Subject::Email(_) => SubjectKind::Email,
            Subject::Visitor { .. } => SubjectKind::Visitor,
            Subject::Opaque(_) => SubjectKind::Id,
        }
    }
}

/// A purpose's key: the word shops put in `data-steward-purpose` and the API's `purpose`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct PurposeKey(String);

impl PurposeKey {
    /// What [`PurposeKey::parse`] accepts, as a regular expression (for the API description).
    pub const PATTERN: &'static str = "^[a-z][a-z0-9_-]{0,39}$";

    pub fn parse(s: &str) -> Result<PurposeKey, String> {
        let s = s.trim();
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if ok {
            Ok(PurposeKey(s.to_string()))
        } else {
            Err(
                "must be 1 to 40 lowercase letters, digits, '_' or '-', starting with a letter"
                    .into(),
            )
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PurposeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longest notice text accepted (a long cookie policy section fits many times over).
pub const MAX_NOTICE_LEN: usize = 20_000;

/// A notice's text as published: kept exactly, but not empty and not absurdly long.
pub fn notice_text(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("is required: the exact text shown to people".into());
    }
    if s.chars().count() > MAX_NOTICE_LEN {
        return Err(format!("is longer than {MAX_NOTICE_LEN} characters"));
    }
    Ok(s.replace("\r\n", "\n"))
}

/// Whether a subject must be asked again: no choice yet, or the choice was made on an older
/// notice than the purpose's current one.
pub fn needs_asking(current_version: i32, choice_version: Option<i32>) -> bool {
    choice_version.is_none_or(|v| v < current_version)
}

/// One line of a text diff between two notice versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

/// A line diff (longest common subsequence), so staff see exactly what a new notice
/// version changed. Notices are short, so the quadratic table is fine; beyond 2,000 lines a
/// side, the whole texts are shown as removed and added.
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a.len() > 2000 || b.len() > 2000 {
        return a
            .iter()
            .map(|l| DiffLine::Removed(l.to_string()))
            .chain(b.iter().map(|l| DiffLine::Added(l.to_string())))
            .collect();
    }
    // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        } else {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| DiffLine::Removed(l.to_string())));
    out.extend(b[j..].iter().map(|l| DiffLine::Added(l.to_string())));
    out
}

/// A site's allowed origin for CORS: `scheme://host[:port]`, exactly as browsers send it.
pub fn origin(s: &str) -> Result<String, String> {
    let s = s.trim().trim_end_matches('/');
    let bad = || format!("'{s}' is not an origin such as https://shop.example");
    let (scheme, rest) = s.split_once("://").ok_or_else(bad)?;
    if !matches!(scheme, "http" | "https") {
        return Err(bad());
    }
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return Err(bad());
    }
    Ok(format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_emails_or_plain_ids() {
        assert!(matches!(
            Subject::parse(" Ann@Example.org ").unwrap(),
            Subject::Email(_)
        ));
        assert_eq!(
            Subject::parse("cust-42").unwrap(),
            Subject::Opaque("cust-42".into())
        );
        for bad in ["", "a b", "<x>", "x@", &"a".repeat(129)] {
            assert!(Subject::parse(bad).is_err(), "{bad}");
        }
        assert!(
            Subject::opaque("a@b.c").is_err(),
            "visitor ids are never emails"
        );
        // A customer number that looks like a visitor id stays a customer number.
        let hex = "0123456789abcdef0123456789abcdef";
        assert_eq!(Subject::parse(hex).unwrap(), Subject::Opaque(hex.into()));
        let v = Subject::parse(&format!("visitor:site-1:{hex}")).unwrap();
        assert_eq!(v, Subject::visitor("site-1", hex).unwrap());
        assert_ne!(
            v.normalised(),
            Subject::visitor("site-2", hex).unwrap().normalised(),
            "one visitor id on two sites is two subjects"
        );
        assert_ne!(v.index_kind(), Subject::parse(hex).unwrap().index_kind());
        for bad in [
            "visitor:site-1",
            "visitor:site-1:xyz",
            "visitor::0123456789abcdef0123456789abcdef",
        ] {
            assert!(Subject::parse(bad).is_err(), "{bad}");
        }
        let a = Subject::parse("Ann@Example.org").unwrap();
        let b = Subject::parse("ann@example.org").unwrap();
        assert_eq!(a.normalised(), b.normalised(), "one person, one index");
        assert_ne!(
            a.index_kind(),
            Subject::parse("x").unwrap().index_kind(),
            "an opaque id that looks like a normalised email never shares its index"
        );
    }

    #[test]
    fn purpose_keys() {
        assert_eq!(
            PurposeKey::parse("analytics").unwrap().as_str(),
            "analytics"
        );
        assert!(PurposeKey::parse("marketing_email-2").is_ok());
        for bad in ["", "Analytics", "1st", "a b", &"a".repeat(41), "<s>"] {
            assert!(PurposeKey::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn asks_again_after_a_newer_notice() {
        assert!(needs_asking(1, None));
        assert!(!needs_asking(1, Some(1)));
        assert!(needs_asking(2, Some(1)));
        assert!(!needs_asking(2, Some(2)));
    }

    #[test]
    fn notice_text_is_kept_but_bounded() {
        assert!(notice_text("  \n").is_err());
        assert_eq!(notice_text("a\r\nb").unwrap(), "a\nb");
        assert!(notice_text(&"x".repeat(MAX_NOTICE_LEN + 1)).is_err());
    }

    #[test]
    fn diff_shows_what_changed() {
        use DiffLine::*;
        let d = diff_lines(
            "We use analytics.\nKept 13 months.\nBye",
            "We use analytics.\nKept 6 months.\nBye\nNew line",
        );
        assert_eq!(
            d,
            vec![
                Same("We use analytics.".into()),
                Removed("Kept 13 months.".into()),
                Added("Kept 6 months.".into()),
                Same("Bye".into()),
                Added("New line".into()),
            ]
        );
        assert!(diff_lines("", "").is_empty());
    }

    #[test]
    fn origins_are_exact() {
        assert_eq!(
            origin("https://Shop.Example/").unwrap(),
            "https://shop.example"
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "shop.example",
            "ftp://x",
            "https://",
            "https://a/b",
            "https://a b",
            "*",
        ] {
            assert!(origin(bad).is_err(), "{bad}");
        }
    }
}
