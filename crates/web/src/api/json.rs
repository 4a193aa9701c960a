//! Reading a JSON body into the type that describes it (the same type the OpenAPI document
//! is generated from), so that a wrong type or an unknown field names its field in the error
//! instead of failing as a whole with a parser message.

use actix_web::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use steward_domain::validation::FieldErrors;

/// The API reports the first invalid field, named, as `{"error", "field"}`.
pub fn first_error(e: FieldErrors) -> ApiError {
    match e.first() {
        Some(f) => ApiError::field(f.field, format!("{} {}", f.field, f.message)),
        None => ApiError::status(StatusCode::UNPROCESSABLE_ENTITY, "invalid input"),
    }
}

/// The body as its type. Not JSON, or not an object: 400. A field of the wrong type: 422
/// naming it. A field the endpoint does not know: 422 listing those it does, so a typo is not
/// silently ignored. An empty body reads as `{}`.
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = without_position(&inner.to_string());
        if !inner.is_data() {
            return ApiError::status(
                StatusCode::BAD_REQUEST,
                format!("the body is not valid JSON: {message}"),
            );
        }
        if message.starts_with("unknown field") {
            return ApiError::status(StatusCode::UNPROCESSABLE_ENTITY, message);
        }
        match path.split(['.', '[']).next().filter(|f| !f.is_empty()) {
            Some(field) => ApiError::named(field.to_string(), format!("{path}: {message}")),
            None => ApiError::status(
                StatusCode::BAD_REQUEST,
                format!("the body must be a JSON object: {message}"),
            ),
        }
    })?;
    // Anything after the object is not JSON either.
    de.end().map_err(|e| {
        ApiError::status(
            StatusCode::BAD_REQUEST,
            format!(
                "the body is not valid JSON: {}",
                without_position(&e.to_string())
            ),
        )
    })?;
    Ok(value)
}

/// serde_json ends its messages with where in the text it stopped; the field is named instead.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// A text field as the form parsers take it: absent or null is empty.
pub fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A boolean field as the form parsers take it: absent or null is empty.
pub fn flag(value: Option<bool>) -> String {
    value.map(|b| b.to_string()).unwrap_or_default()
}
