//! Words for people for every code of the product's vocabularies, in one look-up: pages that
//! show stored codes they do not type (audit details, exports' column notes) go through here.

use super::consent;
use super::stores::{StoreKind, TaskStatus};
use super::{Channel, DenialReason, Jurisdiction, RequestKind, Role, Status};

/// The label of a code of any vocabulary, or `None` for a word that is none of them.
pub fn of_code(word: &str) -> Option<&'static str> {
    if let Ok(k) = word.parse::<RequestKind>() {
        return Some(k.staff_label());
    }
    if let Ok(j) = word.parse::<Jurisdiction>() {
        return Some(j.label());
    }
    if let Ok(s) = word.parse::<Status>() {
        return Some(s.label());
    }
    if let Ok(c) = word.parse::<Channel>() {
        return Some(c.label());
    }
    if let Ok(r) = Role::parse(word) {
        return Some(r.label());
    }
    if let Ok(s) = word.parse::<StoreKind>() {
        return Some(s.label());
    }
    if let Ok(t) = word.parse::<TaskStatus>() {
        return Some(t.label());
    }
    if let Ok(d) = word.parse::<DenialReason>() {
        return Some(d.label());
    }
    if let Ok(m) = word.parse::<consent::ConsentMethod>() {
        return Some(m.label());
    }
    None
}

/// A field name as a heading: `duplicate_of` → "Duplicate of".
pub fn of_field(name: &str) -> String {
    let spaced = name.replace(['_', '.'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_every_vocabulary_have_labels() {
        assert_eq!(of_code("opt_out"), Some("Opt-out of sale or sharing"));
        assert_eq!(of_code("uk_gdpr"), Some("UK GDPR"));
        assert_eq!(of_code("in_progress"), Some("In progress"));
        assert_eq!(of_code("privacy_officer"), Some("Privacy officer"));
        assert_eq!(of_code("webhook"), Some("Webhook (another system answers)"));
        assert_eq!(of_code("hello"), None);
        for k in RequestKind::ALL {
            assert!(of_code(k.as_str()).is_some());
        }
    }

    #[test]
    fn fields_read_as_headings() {
        assert_eq!(of_field("duplicate_of"), "Duplicate of");
        assert_eq!(of_field("records"), "Records");
        assert_eq!(of_field(""), "");
    }
}
