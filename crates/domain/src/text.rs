//! Free text typed by people: kept verbatim, but bounded and free of control characters that
//! have no place in it (they break CSV, emails and terminals).

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is required")]
    Required,
    #[error("is too long (at most {0} characters)")]
    TooLong(usize),
    #[error("contains control characters")]
    ControlCharacters,
}

/// A single line (names, reasons). Leading and trailing spaces are trimmed.
pub fn line(input: &str, max: usize) -> Result<Option<String>, TextError> {
    let s = input.trim();
    if s.chars().any(char::is_control) {
        return Err(TextError::ControlCharacters);
    }
    bounded(s, max)
}

/// Several lines (details, notes): line breaks and tabs allowed, other controls not.
pub fn paragraph(input: &str, max: usize) -> Result<Option<String>, TextError> {
    let s = input.trim();
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(TextError::ControlCharacters);
    }
    bounded(s, max)
}

fn bounded(s: &str, max: usize) -> Result<Option<String>, TextError> {
    if s.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    Ok((!s.is_empty()).then(|| s.to_string()))
}

pub fn required<T>(value: Result<Option<T>, TextError>) -> Result<T, TextError> {
    value?.ok_or(TextError::Required)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(line("  Ada Lovelace ", 10), Err(TextError::TooLong(10)));
        assert_eq!(line("  Ada ", 10), Ok(Some("Ada".into())));
        assert_eq!(line("   ", 10), Ok(None));
        assert_eq!(line("a\u{0}b", 10), Err(TextError::ControlCharacters));
        assert_eq!(line("a\nb", 10), Err(TextError::ControlCharacters));
        assert_eq!(
            line("Ωμέγα", 5),
            Ok(Some("Ωμέγα".into())),
            "counts characters, not bytes"
        );
        assert_eq!(required(line("", 5)), Err(TextError::Required));
    }

    #[test]
    fn paragraphs() {
        assert_eq!(
            paragraph("one\r\ntwo\tthree", 100),
            Ok(Some("one\r\ntwo\tthree".into()))
        );
        assert_eq!(
            paragraph("bell\u{7}", 100),
            Err(TextError::ControlCharacters)
        );
        assert_eq!(
            paragraph("<script>", 100),
            Ok(Some("<script>".into())),
            "stored verbatim"
        );
    }
}
