//! Field errors in the reader's language. The parsers shared with the console and the API
//! word their errors in English; the public pages name each field and say each problem from
//! the message files instead, matched on the parsers' own error values.

use steward_domain::correction::{CorrectionCategory, NOT_A_PHONE_NUMBER};
use steward_domain::document::DocumentError;
use steward_domain::email::EmailError;
use steward_domain::text::TextError;
use steward_domain::validation::{FieldError, FieldErrors};
use steward_l10n::Tr;

use crate::intake::{AGENT_ONLY_CCPA, FORM_EXPIRED};
use steward_core::workflow::requests::PROOF_ONLY_FROM_AGENTS;

/// The errors of a public form, in the reader's language.
pub fn public_errors(errors: FieldErrors, tr: Tr) -> FieldErrors {
    errors.rewrite(|e| (field_name(e, tr), problem(e, tr)))
}

fn field_name(e: &FieldError, tr: Tr) -> String {
    if let Some(c) = CorrectionCategory::ALL
        .iter()
        .find(|c| c.form_field() == e.field)
    {
        return tr.category(*c);
    }
    match e.field {
        "kind" | "jurisdiction" | "email" | "name" | "details" | "correction_what"
        | "correction_value" | "agent" | "agent_name" | "agent_email" | "csrf" | "file" => {
            tr.t(&format!("field-{}", e.field))
        }
        "language" => tr.t("language-label"),
        _ => tr.t("problem-other"),
    }
}

fn problem(e: &FieldError, tr: Tr) -> String {
    let m = e.message.as_str();
    let is = |err: &dyn std::fmt::Display| m == err.to_string();
    if matches!(e.field, "kind" | "jurisdiction" | "language") || m.starts_with("must be one of") {
        return tr.t("problem-choose");
    }
    if is(&TextError::Required) || is(&EmailError::Empty) {
        return tr.t("problem-required");
    }
    if is(&EmailError::TooLong) {
        return tr.t1("problem-too-long", "max", 254_i64);
    }
    if let Some(max) = too_long(m) {
        return tr.t1("problem-too-long", "max", max);
    }
    let id = match m {
        _ if is(&TextError::ControlCharacters) => "problem-control",
        _ if is(&EmailError::Malformed) => "problem-email",
        _ if m == NOT_A_PHONE_NUMBER => "problem-phone",
        _ if m == AGENT_ONLY_CCPA => "problem-agent-ccpa",
        _ if m == FORM_EXPIRED => "problem-form-expired",
        _ if is(&DocumentError::Empty) => "problem-file-empty",
        _ if is(&DocumentError::TooLarge) => "problem-file-large",
        _ if is(&DocumentError::WrongType) => "problem-file-type",
        _ if m == PROOF_ONLY_FROM_AGENTS => "problem-proof-not-agent",
        _ => "problem-other",
    };
    tr.t(id)
}

/// The limit in `TextError::TooLong`'s words.
fn too_long(message: &str) -> Option<i64> {
    let n: String = message
        .strip_prefix("is too long (at most ")?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let n: usize = n.parse().ok()?;
    (message == TextError::TooLong(n).to_string()).then(|| i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use steward_domain::Language;

    #[test]
    fn every_intake_problem_has_its_own_words() {
        let mut e = FieldErrors::default();
        e.add("email", "Email address", EmailError::Malformed);
        e.add("name", "Name", TextError::TooLong(200));
        e.add("correct_phone", "Phone number", NOT_A_PHONE_NUMBER);
        e.add("kind", "Type of request", "is required");
        e.add("details", "Details", "something nobody foresaw");
        let de = public_errors(e, Tr::new(Language::De));
        let all = de.all();
        assert_eq!(all[0].label, Tr::new(Language::De).t("field-email"));
        assert_eq!(all[0].message, Tr::new(Language::De).t("problem-email"));
        assert!(all[1].message.contains("200"), "{}", all[1].message);
        assert_eq!(
            all[2].label,
            Tr::new(Language::De).category(CorrectionCategory::Phone)
        );
        assert_eq!(all[2].message, Tr::new(Language::De).t("problem-phone"));
        assert_eq!(all[3].message, Tr::new(Language::De).t("problem-choose"));
        assert_eq!(all[4].message, Tr::new(Language::De).t("problem-other"));
    }
}
