//! Reading a multipart form (a file upload plus a few text fields) with a size limit, without
//! failing early: the caller checks the CSRF token first, whatever else went wrong.

use std::collections::HashMap;

use actix_multipart::Multipart;
use futures_util::TryStreamExt;

#[derive(Debug, Default)]
pub struct Upload {
    pub fields: HashMap<String, String>,
    /// The `file` field: its name as sent, and its bytes (up to the limit).
    pub file: Option<(String, Vec<u8>)>,
    pub too_large: bool,
    /// Why the body could not be read, if it could not.
    pub unreadable: Option<Unreadable>,
}

impl Upload {
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Whether a multipart body is too large before a byte of it is read: it must declare its
/// length, and that length may exceed the file limit only by room for the form's other
/// fields and part headers (which the multipart parser would otherwise buffer unbounded).
pub fn refused_length(
    req: &actix_web::HttpRequest,
    limit: usize,
) -> Option<super::error::PageError> {
    const SLACK: usize = 64 * 1024;
    let length = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    match length {
        Some(n) if n <= limit + SLACK => None,
        Some(_) => Some(super::error::PageError::PublicWith(
            actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
            "error-upload-large",
            ("max", limit.div_ceil(1024 * 1024).to_string()),
        )),
        None => Some(super::error::PageError::Public(
            actix_web::http::StatusCode::LENGTH_REQUIRED,
            "error-upload-length",
        )),
    }
}

/// Why a form could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    TooManyFields,
    FieldTooLong(String),
    /// The multipart parser's own complaint.
    Malformed(String),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::TooManyFields => write!(f, "the form has more than {MAX_FIELDS} fields"),
            Unreadable::FieldTooLong(name) => write!(f, "the field {name} is too long"),
            Unreadable::Malformed(e) => f.write_str(e),
        }
    }
}

impl Unreadable {
    /// The error a public page answers with, in the reader's language.
    pub fn public(&self) -> super::error::PageError {
        use super::error::PageError;
        let status = actix_web::http::StatusCode::BAD_REQUEST;
        match self {
            Unreadable::TooManyFields => PageError::PublicWith(
                status,
                "error-upload-fields",
                ("max", MAX_FIELDS.to_string()),
            ),
            Unreadable::FieldTooLong(_) => PageError::Public(status, "error-upload-field-long"),
            Unreadable::Malformed(_) => PageError::Public(status, "error-file-unreadable"),
        }
    }
}

/// Most fields a form may send (the file and a few text fields).
const MAX_FIELDS: usize = 8;
/// Most bytes of one text field.
const MAX_TEXT: usize = 8 * 1024;

/// Reads the form while it streams in, holding at most `limit` bytes of file and a few small
/// text fields: a larger file is flagged and the rest of the body is not read; too many
/// fields or an oversized text field make the form unreadable.
pub async fn read(mut payload: Multipart, limit: usize) -> Upload {
    let mut up = Upload::default();
    let mut count = 0;
    'fields: loop {
        let mut field = match payload.try_next().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                up.unreadable = Some(Unreadable::Malformed(e.to_string()));
                break;
            }
        };
        count += 1;
        if count > MAX_FIELDS {
            up.unreadable = Some(Unreadable::TooManyFields);
            break;
        }
        let name = field.name().unwrap_or_default().to_string();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or_default()
            .to_string();
        let cap = if name == "file" { limit } else { MAX_TEXT };
        let mut buf = Vec::new();
        loop {
            match field.try_next().await {
                Ok(Some(chunk)) if buf.len() + chunk.len() > cap => {
                    if name != "file" {
                        up.unreadable = Some(Unreadable::FieldTooLong(name.clone()));
                    }
                    // Stop here: what is left of the body is never read into memory.
                    up.too_large = true;
                    break 'fields;
                }
                Ok(Some(chunk)) => buf.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(e) => {
                    up.unreadable = Some(Unreadable::Malformed(e.to_string()));
                    break 'fields;
                }
            }
        }
        if name == "file" {
            up.file = Some((filename, buf));
        } else {
            up.fields
                .insert(name, String::from_utf8_lossy(&buf).into_owned());
        }
    }
    up
}
