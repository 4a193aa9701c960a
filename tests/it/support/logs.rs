//! Every log line the in-process servers of the whole suite write is read for personal data:
//! an e-mail address in any line stops the test binary at once, printing the line. Steward's
//! own crates log at every level here (trace), so a line only an operator's debug setting
//! would show is caught too.

use std::io::Write;
use std::sync::Once;

/// An e-mail address in `text`: something@a.domain, the domain not an IP address (a database
/// URL's `user@127.0.0.1` is not a person's address).
pub fn address_in(text: &str) -> Option<&str> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    for (at, _) in text.match_indices('@') {
        let local = text[..at].rfind(|c: char| !is_part(c)).map_or(0, |i| i + 1);
        let end = text[at + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .map_or(text.len(), |i| at + 1 + i);
        let domain = text[at + 1..end].trim_end_matches('.');
        let end = at + 1 + domain.len();
        if local < at
            && domain.contains('.')
            && domain.parse::<std::net::IpAddr>().is_err()
            && domain.chars().any(|c| c.is_ascii_alphabetic())
        {
            return Some(&text[local..end]);
        }
    }
    None
}

/// Reads each formatted line; keeps nothing.
struct Watch;

impl Write for Watch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        for line in text.lines() {
            if let Some(address) = address_in(line) {
                // Straight to the process's stderr (the test harness captures `eprintln!`,
                // and would lose it), then stop: a panic on a server thread would be caught
                // and answered as a 500.
                let _ = writeln!(
                    std::io::stderr(),
                    "\nPERSONAL DATA IN A LOG LINE ({address}); no log line may hold an address:\n{line}\n"
                );
                std::process::abort();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the watch as the process's log subscriber (once).
pub fn watch() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::new(
            "info,steward=trace,steward_core=trace,steward_web=trace,steward_db=trace,steward_connectors=trace,steward_domain=trace",
        );
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(|| Watch)
            .try_init();
    });
}

#[test]
fn an_address_is_found_in_a_line_and_a_database_url_is_not() {
    assert_eq!(
        address_in("550 5.1.1 <jane.private@example.org> rejected"),
        Some("jane.private@example.org")
    );
    assert_eq!(address_in("to Ada@Shop.Example."), Some("Ada@Shop.Example"));
    assert_eq!(address_in("postgres://postgres@127.0.0.1:5432/test"), None);
    assert_eq!(address_in("a job @ 12:00, user@localhost"), None);
}
