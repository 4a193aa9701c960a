//! Validation errors per field: what every form, API body and workflow check reports, so a
//! page can show each message next to its input and the API can name the field.

use std::borrow::Cow;
use std::fmt::Display;

#[derive(Debug, Clone, Default)]
pub struct FieldErrors(Vec<FieldError>);

#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: &'static str,
    /// The field's name as the reader knows it (translated on the public pages).
    pub label: Cow<'static, str>,
    pub message: String,
}

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, label: &'static str, message: impl Display) {
        if self.get(field).is_none() {
            self.0.push(FieldError {
                field,
                label: Cow::Borrowed(label),
                message: message.to_string(),
            });
        }
    }

    /// Runs a parser and keeps its error under the field; `None` when it failed.
    pub fn check<T, E: Display>(
        &mut self,
        field: &'static str,
        label: &'static str,
        r: Result<T, E>,
    ) -> Option<T> {
        r.map_err(|e| self.add(field, label, e)).ok()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// The message with the field's name, as shown beside the input: "Email address is not
    /// valid", or "Password: …" when the message is a sentence of its own.
    pub fn labelled(&self, field: &str) -> Option<String> {
        let e = self.0.iter().find(|e| e.field == field)?;
        if e.label.is_empty() {
            return Some(e.message.clone());
        }
        Some(match e.message.chars().next() {
            Some(c) if c.is_lowercase() => format!("{} {}", e.label, e.message),
            _ => format!("{}: {}", e.label, e.message),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The same errors with each field's name and message rewritten: how the public pages
    /// put them into the reader's language.
    pub fn rewrite(self, f: impl Fn(&FieldError) -> (String, String)) -> FieldErrors {
        FieldErrors(
            self.0
                .into_iter()
                .map(|e| {
                    let (label, message) = f(&e);
                    FieldError {
                        field: e.field,
                        label: Cow::Owned(label),
                        message,
                    }
                })
                .collect(),
        )
    }

    pub fn all(&self) -> &[FieldError] {
        &self.0
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }
}

#[cfg(test)]
mod labelled_tests {
    use super::*;

    #[test]
    fn messages_beside_inputs_name_their_field() {
        let mut e = FieldErrors::default();
        e.add("email", "Email address", "is required");
        e.add(
            "password",
            "Password",
            "The email or password is not right.",
        );
        assert_eq!(e.labelled("email").unwrap(), "Email address is required");
        assert_eq!(
            e.labelled("password").unwrap(),
            "Password: The email or password is not right."
        );
        assert!(e.labelled("name").is_none());
    }
}

/// An optional choice from a closed list: empty means "not given".
pub fn optional_choice<T: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &'static str,
    label: &'static str,
    value: &str,
) -> Option<T>
where
    T::Err: Display,
{
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    errors.check(field, label, value.parse::<T>().map_err(|e| e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Status;

    #[test]
    fn the_first_message_per_field_is_kept() {
        let mut e = FieldErrors::default();
        e.add("email", "Email", "is required");
        e.add("email", "Email", "is not an address");
        assert_eq!(e.get("email"), Some("is required"));
        assert_eq!(e.all().len(), 1);
    }

    #[test]
    fn optional_choices_parse_or_name_the_field() {
        let mut e = FieldErrors::default();
        assert_eq!(
            optional_choice::<Status>(&mut e, "status", "Status", ""),
            None
        );
        assert_eq!(
            optional_choice::<Status>(&mut e, "status", "Status", "paused"),
            Some(Status::Paused)
        );
        assert!(e.is_empty());
        assert_eq!(
            optional_choice::<Status>(&mut e, "status", "Status", "lost"),
            None
        );
        assert!(e.get("status").unwrap().contains("must be one of"));
    }
}
