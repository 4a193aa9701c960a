//! Form handling shared by every page: all fields arrive as text (so a wrong type never
//! fails extraction and loses what the user typed), are parsed here, and errors are kept per
//! field for the page to show next to the inputs.

use std::fmt::Display;

pub use steward_domain::validation::{FieldError, FieldErrors};

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
