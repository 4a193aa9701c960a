//! What staff type into the search box, read once: a request's reference, an email address
//! or words of a name. Names are stored encrypted, so a name is found through keyed hashes of
//! its words (one row per word beside the request), never by decrypting every request.

use super::EmailAddress;

/// Longest search text taken (a name, an address or a reference is far shorter).
pub const MAX_LEN: usize = 200;
/// Most name words one search matches on (each is one indexed look-up).
pub const MAX_WORDS: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    /// A reference as printed on emails and pages ("SR-7K3P9XQ2"), or an internal id.
    Reference(String),
    /// An exact address, matched through the blind index.
    Email(EmailAddress),
    /// Every one of these words (normalised by [`name_words`]) must be in the name.
    Name(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("is too long (at most {MAX_LEN} characters)")]
    TooLong,
    #[error("is not a valid email address")]
    BadEmail,
    #[error("must contain a reference, an email address or a name")]
    Nothing,
}

impl Search {
    /// `None` for an empty box: no search, the whole queue.
    pub fn parse(input: &str) -> Result<Option<Search>, SearchError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        if s.chars().count() > MAX_LEN {
            return Err(SearchError::TooLong);
        }
        if s.contains('@') {
            return EmailAddress::parse(s)
                .map(|e| Some(Search::Email(e)))
                .map_err(|_| SearchError::BadEmail);
        }
        if looks_like_reference(s) {
            return Ok(Some(Search::Reference(s.to_ascii_uppercase())));
        }
        if looks_like_id(s) {
            return Ok(Some(Search::Reference(s.to_ascii_lowercase())));
        }
        let mut words = name_words(s);
        if words.is_empty() {
            return Err(SearchError::Nothing);
        }
        words.truncate(MAX_WORDS);
        Ok(Some(Search::Name(words)))
    }
}

/// "SR-" and eight letters or digits, in any case.
fn looks_like_reference(s: &str) -> bool {
    // ASCII first: byte offsets are only character boundaries in ASCII text.
    s.is_ascii()
        && s.len() == 11
        && s[..3].eq_ignore_ascii_case("sr-")
        && s[3..].chars().all(|c| c.is_ascii_alphanumeric())
}

/// A UUID, as internal ids are.
fn looks_like_id(s: &str) -> bool {
    s.len() == 36
        && s.chars().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// The words of a name as they are indexed and searched: lower case, split at anything that
/// is not a letter or digit (so "Anne-Marie O'Neil" gives anne, marie, o, neil), each once.
pub fn name_words(name: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    // One form for accents, whichever way they were typed ("é" or "e" + combining accent).
    let name: String = name.nfc().collect();
    let mut words: Vec<String> = Vec::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_box_is_no_search() {
        assert_eq!(Search::parse("   ").unwrap(), None);
    }

    #[test]
    fn references_in_any_case() {
        assert_eq!(
            Search::parse(" sr-7k3p9xq2 ").unwrap(),
            Some(Search::Reference("SR-7K3P9XQ2".into()))
        );
        assert_eq!(
            Search::parse("0195C3A1-0000-7000-8000-00000000ABCD").unwrap(),
            Some(Search::Reference(
                "0195c3a1-0000-7000-8000-00000000abcd".into()
            ))
        );
    }

    #[test]
    fn emails_are_parsed_or_refused() {
        match Search::parse("Jane.Doe@Example.com").unwrap() {
            Some(Search::Email(e)) => assert_eq!(e.normalised(), "jane.doe@example.com"),
            other => panic!("{other:?}"),
        }
        assert_eq!(Search::parse("jane@"), Err(SearchError::BadEmail));
    }

    #[test]
    fn names_become_lower_case_words() {
        assert_eq!(
            Search::parse("Anne-Marie  O'Neil").unwrap(),
            Some(Search::Name(vec![
                "anne".into(),
                "marie".into(),
                "o".into(),
                "neil".into()
            ]))
        );
        assert_eq!(name_words("ÉLODIE élodie Zoë"), vec!["élodie", "zoë"]);
        assert_eq!(
            name_words("Ine\u{0302}s"),
            name_words("In\u{00ea}s"),
            "composed and decomposed accents are one word"
        );
        assert_eq!(Search::parse("--- !!"), Err(SearchError::Nothing));
        // Eleven bytes, but not eleven ASCII characters (found by schemathesis: it panicked).
        assert_eq!(
            Search::parse("00\u{10000}0\u{10000}").unwrap(),
            Some(Search::Name(vec!["00\u{10000}0\u{10000}".into()]))
        );
        assert_eq!(Search::parse(&"a".repeat(201)), Err(SearchError::TooLong));
        match Search::parse("a b c d e f g h").unwrap() {
            Some(Search::Name(w)) => assert_eq!(w.len(), MAX_WORDS),
            other => panic!("{other:?}"),
        }
    }
}
