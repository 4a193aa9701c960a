//! Validation errors per field: what every form, API body and workflow check reports, so a
//! page can show each message next to its input and the API can name the field.

use std::fmt::Display;

#[derive(Debug, Clone, Default)]
pub struct FieldErrors(Vec<FieldError>);

#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: &'static str,
    pub label: &'static str,
    pub message: String,
}

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, label: &'static str, message: impl Display) {
        if self.get(field).is_none() {
            self.0.push(FieldError {
                field,
                label,
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

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[FieldError] {
        &self.0
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
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
    use crate::domain::Status;

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
