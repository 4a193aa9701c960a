//! Form handling shared by every page: all fields arrive as text (so a wrong type never
//! fails extraction and loses what the user typed), are parsed here, and errors are kept per
//! field for the page to show next to the inputs.

use std::fmt::Display;

#[derive(Debug, Clone, Default)]
pub struct FormErrors(Vec<FieldError>);

#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: &'static str,
    pub label: &'static str,
    pub message: String,
}

impl FormErrors {
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

/// A required choice from a closed list.
pub fn choice<T: std::str::FromStr>(value: &str) -> Result<T, String>
where
    T::Err: Display,
{
    if value.trim().is_empty() {
        return Err("is required".into());
    }
    value.trim().parse::<T>().map_err(|e| e.to_string())
}

/// The `checked`/`selected` helper templates use: a checkbox sends "on", "yes", "true" or "1".
pub fn is_on(v: &str) -> bool {
    matches!(v, "on" | "yes" | "true" | "1")
}
