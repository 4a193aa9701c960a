//! Reading JSON bodies field by field, so that a wrong type names its field in the error
//! instead of failing as a whole with a parser message.

use serde_json::{Map, Value};

use crate::error::ApiError;
use steward_domain::validation::FieldErrors;

/// The API reports the first invalid field, named, as `{"error", "field"}`.
pub fn first_error(e: FieldErrors) -> ApiError {
    match e.first() {
        Some(f) => ApiError::field(f.field, format!("{} {}", f.field, f.message)),
        None => ApiError::status(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            "invalid input",
        ),
    }
}

pub struct Fields(Map<String, Value>);

impl Fields {
    pub fn from_body(body: &[u8]) -> Result<Self, ApiError> {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(m)) => Ok(Fields(m)),
            Ok(_) => Err(ApiError::status(
                actix_web::http::StatusCode::BAD_REQUEST,
                "the body must be a JSON object",
            )),
            Err(e) => Err(ApiError::status(
                actix_web::http::StatusCode::BAD_REQUEST,
                format!("the body is not valid JSON: {e}"),
            )),
        }
    }

    /// A text field, empty when absent or null.
    pub fn text(&self, name: &'static str) -> Result<String, ApiError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(ApiError::field(name, format!("{name} must be a string"))),
        }
    }

    /// A field as it came, for structured values such as a dataset map.
    pub fn raw(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// A boolean field, as the words the form parsers understand.
    pub fn flag(&self, name: &'static str) -> Result<String, ApiError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::Bool(b)) => Ok(b.to_string()),
            Some(_) => Err(ApiError::field(
                name,
                format!("{name} must be true or false"),
            )),
        }
    }

    /// Fields this endpoint does not know are refused, so a typo is not silently ignored.
    pub fn only(&self, allowed: &[&str]) -> Result<(), ApiError> {
        match self.0.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(ApiError::Status {
                status: actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                message: format!("unknown field '{k}'; allowed: {}", allowed.join(", ")),
                field: None,
            }),
            None => Ok(()),
        }
    }
}
