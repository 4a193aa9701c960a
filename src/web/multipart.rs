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
    pub unreadable: Option<String>,
}

impl Upload {
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Reads every field; a file larger than `limit` bytes is cut off and flagged.
pub async fn read(mut payload: Multipart, limit: usize) -> Upload {
    let mut up = Upload::default();
    'fields: loop {
        let mut field = match payload.try_next().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                up.unreadable = Some(e.to_string());
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or_default()
            .to_string();
        let mut buf = Vec::new();
        loop {
            match field.try_next().await {
                Ok(Some(chunk)) if buf.len() + chunk.len() > limit => up.too_large = true,
                Ok(Some(chunk)) => buf.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(e) => {
                    up.unreadable = Some(e.to_string());
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
