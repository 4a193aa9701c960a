//! A store owner's upload: the CSV of what a manual store holds of the subject, read into
//! the same found values an SQL store returns.

use crate::connector::FoundValue;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("is empty")]
    Empty,
    #[error("is larger than {0} MB")]
    TooLarge(usize),
    #[error("is not UTF-8 text")]
    NotUtf8,
    #[error("is not valid CSV: {0}")]
    Csv(String),
    #[error("line {line} has {found} columns, the header has {expected}")]
    Ragged {
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("has a header with an empty or repeated column name")]
    BadHeader,
    #[error("has no data rows below the header")]
    NoRows,
    #[error(
        "holds more than {0} values (rows × columns); split it or send it through the API in parts"
    )]
    TooMany(usize),
}

pub const UPLOAD_MAX_MB: usize = 5;
/// Most values one store answer may carry, uploaded as CSV or sent to the API.
pub const MAX_VALUES: usize = 100_000;

/// A store owner's CSV of the subject's records (header row, one row per record), turned
/// into package values. Checked whole before anything is kept.
pub fn parse_upload(bytes: &[u8], table: &str) -> Result<Vec<FoundValue>, UploadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(UploadError::Empty);
    }
    if bytes.len() > UPLOAD_MAX_MB * 1024 * 1024 {
        return Err(UploadError::TooLarge(UPLOAD_MAX_MB));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| UploadError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| UploadError::Csv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let unique: std::collections::HashSet<&String> = headers.iter().collect();
    if headers.iter().any(String::is_empty) || unique.len() != headers.len() {
        return Err(UploadError::BadHeader);
    }
    let mut out = Vec::new();
    let mut rows = 0;
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| UploadError::Csv(e.to_string()))?;
        if rec.len() != headers.len() {
            let line = rec.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
            return Err(UploadError::Ragged {
                line,
                expected: headers.len(),
                found: rec.len(),
            });
        }
        rows += 1;
        if out.len() + headers.len() > MAX_VALUES {
            return Err(UploadError::TooMany(MAX_VALUES));
        }
        for (h, v) in headers.iter().zip(rec.iter()) {
            out.push(FoundValue {
                table: table.to_string(),
                record: rows.to_string(),
                field: h.clone(),
                category: String::new(),
                value: (!v.is_empty()).then(|| v.to_string()),
            });
        }
    }
    if rows == 0 {
        return Err(UploadError::NoRows);
    }
    Ok(out)
}

#[cfg(test)]
mod upload_tests {
    use super::*;

    #[test]
    fn a_good_upload_becomes_long_format() {
        let v = parse_upload(
            "\u{feff}email,plan\r\na@example.org,gold\r\na@example.org,\r\n".as_bytes(),
            "crm",
        )
        .unwrap();
        assert_eq!(v.len(), 4);
        assert_eq!(
            (
                v[0].record.as_str(),
                v[0].field.as_str(),
                v[0].value.as_deref()
            ),
            ("1", "email", Some("a@example.org"))
        );
        assert_eq!(
            (
                v[3].record.as_str(),
                v[3].field.as_str(),
                v[3].value.as_deref()
            ),
            ("2", "plan", None)
        );
    }

    #[test]
    fn bad_uploads_say_what_is_wrong() {
        assert_eq!(parse_upload(b"  \n", "t"), Err(UploadError::Empty));
        assert_eq!(
            parse_upload(&[0xff, 0xfe, b'a'], "t"),
            Err(UploadError::NotUtf8)
        );
        assert_eq!(
            parse_upload(b"a,b\n1,2\n3\n", "t"),
            Err(UploadError::Ragged {
                line: 3,
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            parse_upload(b"a,a\n1,2\n", "t"),
            Err(UploadError::BadHeader)
        );
        assert_eq!(parse_upload(b"a,\n1,2\n", "t"), Err(UploadError::BadHeader));
        assert_eq!(parse_upload(b"a,b\n", "t"), Err(UploadError::NoRows));
        assert_eq!(
            parse_upload(&vec![b'a'; UPLOAD_MAX_MB * 1024 * 1024 + 1], "t"),
            Err(UploadError::TooLarge(UPLOAD_MAX_MB))
        );
    }
}
