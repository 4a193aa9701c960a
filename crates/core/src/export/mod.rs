//! CSV exports shared by every report: RFC 4180 (CRLF, quoting by the `csv` crate), UTF-8,
//! a header row, cells that a spreadsheet would run as a formula defused, and responses
//! streamed page by page so an export of any size runs in constant memory.

pub mod package;

use std::borrow::Cow;
use std::future::Future;

use actix_web::HttpResponse;
use actix_web::web::Bytes;

/// Rows fetched per database round trip while streaming.
pub const PAGE_ROWS: i64 = 500;

/// A cell beginning with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`, so
/// a spreadsheet shows it as text instead of evaluating it (CSV/formula injection).
pub fn safe_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// Encodes records (header or data) as CSV bytes, every cell made safe. A record with a `;`
/// in any cell has every cell quoted: spreadsheets in locales whose list separator is `;`
/// would otherwise split `x;=1+1` into cells and run the second one.
pub fn encode<R, C>(records: R) -> Vec<u8>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let writer = |style| {
        csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(style)
            .from_writer(Vec::new())
    };
    // Writing to memory fails only on allocation failure.
    let done = |w: csv::Writer<Vec<u8>>| w.into_inner().expect("CSV into memory");
    let mut out = Vec::new();
    let mut plain = writer(csv::QuoteStyle::Necessary);
    for record in records {
        let cells: Vec<String> = record
            .into_iter()
            .map(|c| safe_cell(c.as_ref()).into_owned())
            .collect();
        if cells.iter().any(|c| c.contains(';')) {
            out.extend(done(std::mem::replace(
                &mut plain,
                writer(csv::QuoteStyle::Necessary),
            )));
            let mut quoted = writer(csv::QuoteStyle::Always);
            quoted.write_record(&cells).expect("CSV into memory");
            out.extend(done(quoted));
        } else {
            plain.write_record(&cells).expect("CSV into memory");
        }
    }
    out.extend(done(plain));
    out
}

pub fn attachment(filename: &str) -> String {
    let safe: String = filename
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    format!("attachment; filename=\"{safe}\"")
}

/// A streamed CSV download: the header row, then pages of rows from `fetch(offset)` until a
/// page comes back empty. For small tables (breaches, staff); anything that grows uses
/// [`stream_keyed`], on which this is built.
pub fn stream<F, Fut, E>(
    filename: &str,
    header: &'static [&'static str],
    mut fetch: F,
) -> HttpResponse
where
    F: FnMut(i64) -> Fut + 'static,
    Fut: Future<Output = Result<Vec<Vec<String>>, E>> + 'static,
    E: std::fmt::Display + 'static,
{
    stream_keyed(filename, header.to_vec(), move |offset: Option<i64>| {
        let offset = offset.unwrap_or(0);
        let page = fetch(offset);
        async move {
            let rows = page.await?;
            let next = (!rows.is_empty()).then(|| offset + rows.len() as i64);
            Ok::<_, E>((rows, next))
        }
    })
}

/// A streamed CSV download: the header row, then pages of rows until a page comes back
/// empty. An error mid-stream ends the download early (the client sees a truncated file and
/// the error is logged), since the status line has already gone out.
///
/// Paged by a keyset cursor: `fetch(cursor)` returns a page and the cursor after its last
/// row, so each page is one indexed range scan however deep into the export it is. The next page is fetched while the current one is encoded
/// and sent (the query runs on a blocking thread, the encoding on the worker), so a large
/// export uses both. Runs on actix's per-worker local task set.
pub fn stream_keyed<C, F, Fut, E>(
    filename: &str,
    header: Vec<&'static str>,
    fetch: F,
) -> HttpResponse
where
    C: 'static,
    F: FnMut(Option<C>) -> Fut + 'static,
    Fut: Future<Output = Result<(Vec<Vec<String>>, Option<C>), E>> + 'static,
    E: std::fmt::Display + 'static,
{
    type Page<C, E> = Result<(Vec<Vec<String>>, Option<C>), E>;
    struct State<C, E, F> {
        fetch: F,
        next: Option<tokio::task::JoinHandle<Page<C, E>>>,
        header: Option<Vec<&'static str>>,
        started: bool,
        done: bool,
    }
    let state = State {
        fetch,
        next: None,
        header: Some(header),
        started: false,
        done: false,
    };
    let body = futures_util::stream::unfold(state, move |mut s| async move {
        if s.done {
            return None;
        }
        if let Some(h) = s.header.take() {
            return Some((Ok::<_, std::io::Error>(Bytes::from(encode([h]))), s));
        }
        let page = match s.next.take() {
            Some(pending) => match pending.await {
                Ok(page) => page,
                Err(e) => {
                    tracing::error!("export stopped: {e}");
                    return Some((
                        Err(std::io::Error::other("export failed")),
                        State { done: true, ..s },
                    ));
                }
            },
            None if !s.started => (s.fetch)(None).await,
            None => return None,
        };
        s.started = true;
        match page {
            Ok((rows, _)) if rows.is_empty() => None,
            Ok((rows, next)) => {
                match next {
                    Some(cursor) => {
                        s.next = Some(tokio::task::spawn_local((s.fetch)(Some(cursor))))
                    }
                    None => s.done = true,
                }
                Some((Ok(Bytes::from(encode(rows))), s))
            }
            Err(e) => {
                tracing::error!("export stopped: {e}");
                s.done = true;
                Some((Err(std::io::Error::other("export failed")), s))
            }
        }
    });
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", attachment(filename)))
        .streaming(body)
}

/// Formats a UTC timestamp for CSV cells: RFC 3339 with a Z, unambiguous for any reader.
pub fn utc(t: &chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    // Written out by hand: strftime re-parses its pattern on every call, and exports format
    // millions of these.
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(safe_cell(bad), format!("'{bad}"));
        }
        for ok in ["plain", "1", "", " =x", "a=b"] {
            assert_eq!(safe_cell(ok), ok);
        }
    }

    #[test]
    fn a_semicolon_quotes_the_whole_record() {
        let text = String::from_utf8(encode([vec!["x;=1+1;", "b"], vec!["c", "d"]])).unwrap();
        assert_eq!(text, "\"x;=1+1;\",\"b\"\r\nc,d\r\n");
        // Read back by a `;`-separated reader, the cell stays one piece of text.
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(text.as_bytes());
        let first = r.records().next().unwrap().unwrap();
        assert!(first[0].starts_with("x;=1+1;"), "{first:?}");
        assert!(!first.iter().any(|c| c.starts_with('=')), "{first:?}");
    }

    #[test]
    fn rfc4180_quoting_and_crlf() {
        let out = encode([
            vec!["a", "b,c", "say \"hi\""],
            vec!["line\nbreak", "=cmd|' /C calc'!A0", ""],
        ]);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",'=cmd|' /C calc'!A0,\r\n"
        );
    }

    #[test]
    fn utc_is_rfc3339() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 3, 4)
            .unwrap()
            .and_hms_micro_opt(5, 6, 7, 890)
            .unwrap();
        assert_eq!(utc(&t), "2026-03-04T05:06:07Z");
        assert_eq!(utc(&t), t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }

    #[test]
    fn filenames_stay_plain() {
        assert_eq!(
            attachment("breaches\".csv\r\nX: y"),
            "attachment; filename=\"breaches.csvXy\""
        );
    }
}
