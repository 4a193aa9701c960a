//! Structured corrections (GDPR Art. 16, CCPA 1798.106): what the subject asks to change, per
//! category of data, each value checked for its category; and which stored fields a category
//! covers, by the data-category codes of the stores' maps.

use serde::{Deserialize, Serialize};

use super::email::EmailAddress;
use super::kinds::word_enum;
use super::text;

word_enum!(
    /// What a subject may ask to correct, as a category of data.
    CorrectionCategory {
        Name => "name", "Name";
        Email => "email", "Email address";
        Phone => "phone", "Phone number";
        Address => "address", "Postal address";
    }
);

impl CorrectionCategory {
    /// The data-category code a store's map gives the fields of this category (a field whose
    /// code is this one, or more specific below it, e.g. `user.contact.address.city`).
    pub fn code(self) -> &'static str {
        match self {
            CorrectionCategory::Name => "user.name",
            CorrectionCategory::Email => "user.contact.email",
            CorrectionCategory::Phone => "user.contact.phone",
            CorrectionCategory::Address => "user.contact.address",
        }
    }

    /// The category a field of this data-category code belongs to, if any.
    pub fn of_code(code: &str) -> Option<CorrectionCategory> {
        CorrectionCategory::ALL.iter().copied().find(|c| {
            code == c.code()
                || code
                    .strip_prefix(c.code())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    /// The form field that carries this category's new value.
    pub fn form_field(self) -> &'static str {
        match self {
            CorrectionCategory::Name => "correct_name",
            CorrectionCategory::Email => "correct_email",
            CorrectionCategory::Phone => "correct_phone",
            CorrectionCategory::Address => "correct_address",
        }
    }

    /// The most characters a value of this category may have.
    pub fn max_len(self) -> usize {
        match self {
            CorrectionCategory::Name => 200,
            CorrectionCategory::Email => 254,
            CorrectionCategory::Phone => 30,
            CorrectionCategory::Address => 500,
        }
    }

    /// Checks a new value for this category; answers it as it will be written.
    pub fn parse_value(self, raw: &str) -> Result<String, String> {
        match self {
            CorrectionCategory::Email => EmailAddress::parse(raw)
                .map(|e| e.to_string())
                .map_err(|e| e.to_string()),
            CorrectionCategory::Phone => {
                let v =
                    text::required(text::line(raw, self.max_len())).map_err(|e| e.to_string())?;
                let digits = v.chars().filter(char::is_ascii_digit).count();
                let allowed = v
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
                if !allowed || !(5..=15).contains(&digits) || v[1..].contains('+') {
                    return Err(NOT_A_PHONE_NUMBER.into());
                }
                Ok(v)
            }
            CorrectionCategory::Name | CorrectionCategory::Address => {
                text::required(text::line(raw, self.max_len())).map_err(|e| e.to_string())
            }
        }
    }
}

/// What a phone number that is not one is told.
pub const NOT_A_PHONE_NUMBER: &str =
    "is not a phone number: use digits, spaces and + - ( ) only, such as +43 1 234 5678";

/// One change the subject asks for: a category and its new value, already checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub category: CorrectionCategory,
    pub value: String,
}

impl Correction {
    pub fn parse(category: &str, value: &str) -> Result<Correction, String> {
        let category: CorrectionCategory = category.trim().parse().map_err(|e| format!("{e}"))?;
        Ok(Correction {
            category,
            value: category.parse_value(value)?,
        })
    }
}

/// Why a field the subject asked to correct is not changed, in words for them and staff.
pub fn column_problem(value: &str, text_column: bool, max_len: Option<usize>) -> Option<String> {
    if !text_column {
        return Some("the column does not hold text".into());
    }
    let n = value.chars().count();
    max_len
        .filter(|max| n > *max)
        .map(|max| format!("the new value has {n} characters but the column holds {max}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_cover_their_codes_and_below() {
        use CorrectionCategory::*;
        assert_eq!(CorrectionCategory::of_code("user.name"), Some(Name));
        assert_eq!(
            CorrectionCategory::of_code("user.contact.address.city"),
            Some(Address)
        );
        assert_eq!(CorrectionCategory::of_code("user.contact.addresses"), None);
        assert_eq!(CorrectionCategory::of_code("user.financial"), None);
        assert_eq!(
            CorrectionCategory::of_code("user.contact.email"),
            Some(Email)
        );
    }

    #[test]
    fn values_are_checked_per_category() {
        assert_eq!(
            Correction::parse("email", " Ada@Example.org ")
                .unwrap()
                .value,
            "Ada@example.org",
            "trimmed, the domain in lower case"
        );
        assert!(Correction::parse("email", "not an address").is_err());
        assert!(Correction::parse("phone", "+43 1 234 5678").is_ok());
        assert!(Correction::parse("phone", "call me").is_err());
        assert!(Correction::parse("phone", "12").is_err());
        assert!(Correction::parse("phone", "12+345678").is_err());
        assert!(Correction::parse("name", "  ").is_err());
        assert!(Correction::parse("name", "Ada\u{0}").is_err());
        assert_eq!(
            Correction::parse("address", " 1 Main St, Leeds ")
                .unwrap()
                .value,
            "1 Main St, Leeds"
        );
        assert!(
            Correction::parse("shoe_size", "42")
                .unwrap_err()
                .contains("must be one of")
        );
    }

    #[test]
    fn columns_must_fit() {
        assert!(column_problem("Ada", true, Some(3)).is_none());
        assert!(
            column_problem("Adaa", true, Some(3))
                .unwrap()
                .contains("holds 3")
        );
        assert!(column_problem("x", false, None).is_some());
        assert!(column_problem(&"x".repeat(500), true, None).is_none());
    }
}
