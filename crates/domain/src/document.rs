//! Documents a requester may send (an agent's proof of authority): recognised by their
//! contents, never by the name or the type the browser claims.

use std::fmt;

pub const MAX_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    Pdf,
    Png,
    Jpeg,
}

impl DocumentType {
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("is empty: choose a file")]
    Empty,
    #[error("is larger than 5 MB")]
    TooLarge,
    #[error("must be a PDF, PNG or JPEG file")]
    WrongType,
}

impl fmt::Display for DocumentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.content_type())
    }
}

/// Checks size and recognises the type from the file's first bytes.
pub fn check(bytes: &[u8]) -> Result<DocumentType, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(DocumentError::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        Ok(DocumentType::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(DocumentType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(DocumentType::Jpeg)
    } else {
        Err(DocumentError::WrongType)
    }
}

/// A file name safe to show and to offer back as a download name.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .take(100)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_contents() {
        assert_eq!(check(b"%PDF-1.7\n..."), Ok(DocumentType::Pdf));
        assert_eq!(check(b"\x89PNG\r\n\x1a\nrest"), Ok(DocumentType::Png));
        assert_eq!(check(&[0xFF, 0xD8, 0xFF, 0xE0]), Ok(DocumentType::Jpeg));
        assert_eq!(check(b"<html>%PDF-"), Err(DocumentError::WrongType));
        assert_eq!(check(b"MZ\x90\x00"), Err(DocumentError::WrongType));
        assert_eq!(check(b""), Err(DocumentError::Empty));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(check(&big), Err(DocumentError::TooLarge));
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(
            clean_name("C:\\Users\\a\\Power of Attorney.pdf"),
            "Power of Attorney.pdf"
        );
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("x\"; rm -rf.pdf"), "x rm -rf.pdf");
        assert_eq!(clean_name("\u{202e}"), "document");
    }
}
