//! CSV exports: RFC 4180 via the `csv` crate, UTF-8 with a header row, streamed page by page
//! so any size is sent in constant memory, and every cell safe to open in a spreadsheet.

pub mod package;

use std::borrow::Cow;

/// Cells that a spreadsheet would run as a formula get a leading `'` (CSV injection).
pub fn safe_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// Writes rows as CSV bytes, each cell made safe.
pub fn csv_chunk<'a>(rows: impl IntoIterator<Item = Vec<Cow<'a, str>>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.iter().map(|c| safe_cell(c).into_owned()))
            .expect("writing to memory cannot fail");
    }
    w.into_inner().expect("flushing to memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for v in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"] {
            assert_eq!(safe_cell(v), format!("'{v}"), "{v:?}");
        }
        for v in ["plain", "", "1-2", "a=b"] {
            assert_eq!(safe_cell(v), v);
        }
    }

    #[test]
    fn rfc4180_quoting() {
        let bytes = csv_chunk([vec![
            "a,b".into(),
            "say \"hi\"".into(),
            "line\nbreak".into(),
            "=HYPERLINK(\"x\")".into(),
        ]]);
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
    }
}
