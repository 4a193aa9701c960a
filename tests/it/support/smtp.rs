//! A tiny in-process SMTP sink for integration tests.
//!
//! `SmtpSink::start()` binds `127.0.0.1:0` and serves plain SMTP (no TLS, no
//! AUTH) on its own thread with its own tokio runtime, so it keeps answering
//! whatever runtime flavour the test uses (`#[actix_web::test]`,
//! `#[tokio::test]`, ...) and even while the test thread blocks.
//! Every message accepted with `DATA` is recorded as a [`Mail`]:
//! envelope sender and recipients, decoded subject, decoded text body and the
//! raw message.
//!
//! ```ignore
//! let sink = SmtpSink::start().await;
//! // configure the app with sink.url(), e.g. "smtp://127.0.0.1:40123"
//! let mails = sink.wait_for("alice@example.com", 1).await;
//! assert!(mails[0].body.contains("/verify/"));
//! ```

use std::net::TcpListener as StdTcpListener;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use base64::Engine as _;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinSet;

/// How long [`SmtpSink::wait_for`] waits before panicking.
#[allow(dead_code)]
const WAIT_LIMIT: Duration = Duration::from_secs(10);

/// Largest message (DATA section) the sink accepts; bigger ones get 552.
#[allow(dead_code)]
const MAX_MESSAGE_BYTES: usize = 32 * 1024 * 1024;

/// Longest command line accepted before the connection is dropped.
#[allow(dead_code)]
const MAX_LINE_BYTES: usize = 64 * 1024;

/// One message delivered to the sink.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct Mail {
    /// Envelope sender (`MAIL FROM:<...>`), without angle brackets; empty for `<>`.
    pub from: String,
    /// Envelope recipients (`RCPT TO:<...>`), without angle brackets, in order.
    pub to: Vec<String>,
    /// Decoded `Subject:` header (RFC 2047 encoded words decoded); empty if absent.
    pub subject: String,
    /// Decoded text body: the `text/plain` part (first one found in a
    /// multipart message, else the first `text/*` part), with the
    /// Content-Transfer-Encoding undone and line endings normalised to `\n`.
    pub body: String,
    /// The message exactly as received after DATA (dot-stuffing undone), CRLF line endings.
    pub raw: String,
}

#[allow(dead_code)]
impl Mail {
    /// Value of the first header called `name` (case-insensitive), unfolded
    /// and with RFC 2047 encoded words decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = split_head_body(&self.raw);
        parse_headers(head)
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode_rfc2047(&v))
    }

    /// True if `address` is one of the envelope recipients (case-insensitive).
    pub fn is_to(&self, address: &str) -> bool {
        let want = address.trim();
        self.to.iter().any(|t| t.trim().eq_ignore_ascii_case(want))
    }
}

#[allow(dead_code)]
struct Shared {
    mails: Mutex<Vec<Mail>>,
    notify: Notify,
}

/// A running SMTP sink. Dropping it stops the server and frees the port.
#[allow(dead_code)]
pub struct SmtpSink {
    port: u16,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

#[allow(dead_code)]
impl SmtpSink {
    /// Binds `127.0.0.1:0` and starts serving in the background.
    pub async fn start() -> SmtpSink {
        let listener =
            StdTcpListener::bind("127.0.0.1:0").expect("SmtpSink: cannot bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("SmtpSink: cannot make listener non-blocking");
        let port = listener
            .local_addr()
            .expect("SmtpSink: no local address")
            .port();
        let shared = Arc::new(Shared {
            mails: Mutex::new(Vec::new()),
            notify: Notify::new(),
        });
        let (shutdown_tx, shutdown_rx) = oneshot::channel();
        let server_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(format!("smtp-sink-{port}"))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("SmtpSink: cannot build runtime");
                runtime.block_on(serve(listener, server_shared, shutdown_rx));
            })
            .expect("SmtpSink: cannot spawn server thread");
        SmtpSink {
            port,
            shared,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT`, suitable for lettre's `from_url`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// All mails received so far, in arrival order.
    pub fn mails(&self) -> Vec<Mail> {
        lock(&self.shared.mails).clone()
    }

    /// Mails received so far whose envelope recipients include `to`
    /// (case-insensitive), in arrival order.
    pub fn mails_to(&self, to: &str) -> Vec<Mail> {
        lock(&self.shared.mails)
            .iter()
            .filter(|m| m.is_to(to))
            .cloned()
            .collect()
    }

    /// Waits (up to 10 s) until at least `count` mails were delivered to
    /// `to`; returns all mails delivered to `to`, in arrival order.
    /// Panics with a list of what did arrive if the time runs out.
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<Mail> {
        let deadline = Instant::now() + WAIT_LIMIT;
        loop {
            let notified = self.shared.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();

            let matching = self.mails_to(to);
            if matching.len() >= count {
                return matching;
            }
            let now = Instant::now();
            if now >= deadline {
                let all = self.mails();
                let seen: Vec<String> = all
                    .iter()
                    .map(|m| format!("  to {:?}, subject {:?}", m.to, m.subject))
                    .collect();
                panic!(
                    "SmtpSink on port {}: waited {:?} for {} mail(s) to {:?} but got {}; \
                     {} mail(s) received in total{}{}",
                    self.port,
                    WAIT_LIMIT,
                    count,
                    to,
                    matching.len(),
                    all.len(),
                    if seen.is_empty() { "" } else { ":\n" },
                    seen.join("\n"),
                );
            }
            let step = (deadline - now).min(Duration::from_millis(100));
            let _ = tokio::time::timeout(step, notified).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            // The server thread only has to leave its accept loop and drop
            // its runtime (which aborts open connections): this is quick.
            let _ = thread.join();
        }
    }
}

#[allow(dead_code)]
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[allow(dead_code)]
async fn serve(listener: StdTcpListener, shared: Arc<Shared>, mut shutdown: oneshot::Receiver<()>) {
    let listener = TcpListener::from_std(listener).expect("SmtpSink: cannot register listener");
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(handle_connection(stream, Arc::clone(&shared)));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.abort_all();
}

/// SMTP session state for one connection.
#[allow(dead_code)]
#[derive(Default)]
struct Transaction {
    from: Option<String>,
    to: Vec<String>,
}

#[allow(dead_code)]
async fn handle_connection(stream: TcpStream, shared: Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let (read_half, mut writer) = stream.into_split();
    let mut reader = BufReader::new(read_half);
    let _ = session(&mut reader, &mut writer, &shared).await;
    let _ = writer.shutdown().await;
}

#[allow(dead_code)]
async fn reply<W: AsyncWriteExt + Unpin>(w: &mut W, text: &str) -> std::io::Result<()> {
    w.write_all(text.as_bytes()).await?;
    w.flush().await
}

/// Reads one line including its terminator; `Ok(None)` on EOF.
#[allow(dead_code)]
async fn read_line<R: AsyncBufReadExt + Unpin>(
    r: &mut R,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<()>> {
    buf.clear();
    let n = r.read_until(b'\n', buf).await?;
    if n == 0 { Ok(None) } else { Ok(Some(())) }
}

#[allow(dead_code)]
async fn session<R, W>(reader: &mut R, writer: &mut W, shared: &Shared) -> std::io::Result<()>
where
    R: AsyncBufReadExt + Unpin,
    W: AsyncWriteExt + Unpin,
{
    reply(writer, "220 steward-test-sink ESMTP ready\r\n").await?;
    let mut tx = Transaction::default();
    let mut line = Vec::new();
    loop {
        if read_line(reader, &mut line).await?.is_none() {
            return Ok(());
        }
        if line.len() > MAX_LINE_BYTES {
            reply(writer, "500 5.5.2 Line too long\r\n").await?;
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        let (verb, arg) = match text.find(' ') {
            Some(i) => (&text[..i], text[i + 1..].trim()),
            None => (text, ""),
        };
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                tx = Transaction::default();
                reply(
                    writer,
                    "250-steward-test-sink greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n",
                )
                .await?;
            }
            "HELO" => {
                tx = Transaction::default();
                reply(writer, "250 steward-test-sink\r\n").await?;
            }
            "MAIL" => match strip_prefix_ci(arg, "FROM:") {
                Some(rest) => {
                    tx = Transaction {
                        from: Some(parse_path(rest)),
                        to: Vec::new(),
                    };
                    reply(writer, "250 2.1.0 OK\r\n").await?;
                }
                None => reply(writer, "501 5.5.4 Syntax: MAIL FROM:<address>\r\n").await?,
            },
            "RCPT" => match strip_prefix_ci(arg, "TO:") {
                Some(_) if tx.from.is_none() => {
                    reply(writer, "503 5.5.1 Need MAIL before RCPT\r\n").await?
                }
                Some(rest) => {
                    tx.to.push(parse_path(rest));
                    reply(writer, "250 2.1.5 OK\r\n").await?;
                }
                None => reply(writer, "501 5.5.4 Syntax: RCPT TO:<address>\r\n").await?,
            },
            "DATA" => {
                if tx.from.is_none() || tx.to.is_empty() {
                    reply(writer, "503 5.5.1 Need MAIL and RCPT before DATA\r\n").await?;
                    continue;
                }
                reply(writer, "354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let mut data: Vec<u8> = Vec::new();
                let mut too_big = false;
                loop {
                    if read_line(reader, &mut line).await?.is_none() {
                        return Ok(()); // client vanished mid-message: discard
                    }
                    let content = strip_eol(&line);
                    if content == b"." {
                        break;
                    }
                    if too_big {
                        continue;
                    }
                    // Undo dot-stuffing.
                    let unstuffed = if line.first() == Some(&b'.') {
                        &line[1..]
                    } else {
                        &line[..]
                    };
                    data.extend_from_slice(unstuffed);
                    if data.len() > MAX_MESSAGE_BYTES {
                        too_big = true;
                        data.clear();
                    }
                }
                let envelope = std::mem::take(&mut tx);
                if too_big {
                    reply(writer, "552 5.3.4 Message too big\r\n").await?;
                    continue;
                }
                // The CRLF before the final "." terminates the data; lettre
                // adds it after the formatted message, so drop it again.
                if data.ends_with(b"\r\n") {
                    data.truncate(data.len() - 2);
                } else if data.ends_with(b"\n") {
                    data.truncate(data.len() - 1);
                }
                let raw = String::from_utf8_lossy(&data).into_owned();
                let (subject, body) = parse_message(&raw);
                let mail = Mail {
                    from: envelope.from.unwrap_or_default(),
                    to: envelope.to,
                    subject,
                    body,
                    raw,
                };
                lock(&shared.mails).push(mail);
                shared.notify.notify_waiters();
                reply(writer, "250 2.0.0 OK: queued\r\n").await?;
            }
            "RSET" => {
                tx = Transaction::default();
                reply(writer, "250 2.0.0 OK\r\n").await?;
            }
            "NOOP" => reply(writer, "250 2.0.0 OK\r\n").await?,
            "QUIT" => {
                reply(writer, "221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => reply(writer, "500 5.5.2 Command not recognized\r\n").await?,
        }
    }
}

#[allow(dead_code)]
fn strip_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[allow(dead_code)]
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s[prefix.len()..].trim_start())
}

/// `<user@example.com> BODY=8BITMIME` → `user@example.com`; `<>` → ``.
#[allow(dead_code)]
fn parse_path(s: &str) -> String {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('<') {
        match rest.find('>') {
            Some(end) => rest[..end].to_string(),
            None => rest.to_string(),
        }
    } else {
        s.split_whitespace().next().unwrap_or("").to_string()
    }
}

// ---------------------------------------------------------------------------
// Message parsing
// ---------------------------------------------------------------------------

/// Splits a message (or MIME part) at the first empty line.
#[allow(dead_code)]
fn split_head_body(msg: &str) -> (&str, &str) {
    let mut pos = 0;
    for line in msg.split_inclusive('\n') {
        let end = pos + line.len();
        if line.trim_end_matches(['\r', '\n']).is_empty() {
            return (&msg[..pos], &msg[end..]);
        }
        pos = end;
    }
    (msg, "")
}

/// Parses a header block into (name, unfolded value) pairs.
#[allow(dead_code)]
fn parse_headers(head: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim_start().to_string()));
        }
    }
    for (_, value) in &mut headers {
        *value = value.trim().to_string();
    }
    headers
}

#[allow(dead_code)]
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `text/plain; charset="utf-8"` → (`text/plain`, [(charset, utf-8)]).
#[allow(dead_code)]
fn parse_content_type(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                current.push(c);
            }
            '\\' if in_quotes => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            ';' if !in_quotes => pieces.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    pieces.push(current);
    let mut iter = pieces.into_iter();
    let mime = iter.next().unwrap_or_default().trim().to_ascii_lowercase();
    let params = iter
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            let v = v.trim();
            let v = if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
                v[1..v.len() - 1]
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\")
            } else {
                v.to_string()
            };
            Some((k.trim().to_ascii_lowercase(), v))
        })
        .collect();
    (mime, params)
}

#[allow(dead_code)]
fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Returns (decoded subject, decoded text body).
#[allow(dead_code)]
fn parse_message(raw: &str) -> (String, String) {
    let (head, body) = split_head_body(raw);
    let headers = parse_headers(head);
    let subject = header(&headers, "Subject")
        .map(decode_rfc2047)
        .unwrap_or_default();
    let text = find_text(&headers, body, "text/plain", 0)
        .or_else(|| find_text(&headers, body, "text/", 0))
        .unwrap_or_default();
    (subject, text.replace("\r\n", "\n"))
}

/// Depth-first search for the first part whose type starts with `want`
/// and is not an attachment; returns its decoded text.
#[allow(dead_code)]
fn find_text(headers: &[(String, String)], body: &str, want: &str, depth: usize) -> Option<String> {
    let (mime, params) =
        parse_content_type(header(headers, "Content-Type").unwrap_or("text/plain"));
    if mime.starts_with("multipart/") {
        if depth > 8 {
            return None;
        }
        let boundary = param(&params, "boundary")?;
        return split_multipart(body, boundary)
            .into_iter()
            .find_map(|part| {
                let (part_head, part_body) = split_head_body(&part);
                let part_headers = parse_headers(part_head);
                find_text(&part_headers, part_body, want, depth + 1)
            });
    }
    let attachment = header(headers, "Content-Disposition").is_some_and(|d| {
        d.trim_start()
            .to_ascii_lowercase()
            .starts_with("attachment")
    });
    if attachment || !mime.starts_with(want) {
        return None;
    }
    let encoding = header(headers, "Content-Transfer-Encoding")
        .unwrap_or("7bit")
        .trim()
        .to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "quoted-printable" => quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
            .unwrap_or_else(|_| body.as_bytes().to_vec()),
        "base64" => decode_base64(body).unwrap_or_else(|| body.as_bytes().to_vec()),
        _ => body.as_bytes().to_vec(),
    };
    Some(decode_charset(
        &bytes,
        param(&params, "charset").unwrap_or("utf-8"),
    ))
}

/// Splits a multipart body into its parts (preamble and epilogue dropped).
/// The line break before each delimiter belongs to the delimiter.
#[allow(dead_code)]
fn split_multipart(body: &str, boundary: &str) -> Vec<String> {
    let delimiter = format!("--{boundary}");
    let closing = format!("--{boundary}--");
    let mut parts = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in body.lines() {
        let bare = line.trim_end_matches('\r').trim_end_matches([' ', '\t']);
        if bare == closing {
            if let Some(lines) = current.take() {
                parts.push(lines.join("\r\n"));
            }
            break;
        }
        if bare == delimiter {
            if let Some(lines) = current.take() {
                parts.push(lines.join("\r\n"));
            }
            current = Some(Vec::new());
            continue;
        }
        if let Some(lines) = current.as_mut() {
            lines.push(line.trim_end_matches('\r'));
        }
    }
    if let Some(lines) = current.take() {
        parts.push(lines.join("\r\n"));
    }
    parts
}

#[allow(dead_code)]
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    let engine = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    engine.decode(compact).ok()
}

#[allow(dead_code)]
fn decode_charset(bytes: &[u8], charset: &str) -> String {
    let charset = charset.trim().to_ascii_lowercase();
    match charset.as_str() {
        "iso-8859-1" | "latin1" | "iso8859-1" | "windows-1252" | "cp1252" => {
            bytes.iter().map(|&b| b as char).collect()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Parses `=?charset?B|Q?text?=` at the start of `s`; returns
/// (charset, decoded bytes, length consumed).
#[allow(dead_code)]
fn parse_encoded_word(s: &str) -> Option<(String, Vec<u8>, usize)> {
    let rest = s.strip_prefix("=?")?;
    let (charset, rest) = rest.split_once('?')?;
    let (encoding, rest) = rest.split_once('?')?;
    let (text, rest) = rest.split_once("?=")?;
    if charset.is_empty()
        || charset.contains(char::is_whitespace)
        || text.contains(char::is_whitespace)
    {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => decode_base64(text)?,
        "Q" | "q" => decode_q(text),
        _ => return None,
    };
    // RFC 2231 language suffix: `utf-8*en`.
    let charset = charset.split('*').next().unwrap_or(charset).to_string();
    Some((charset, bytes, s.len() - rest.len()))
}

#[allow(dead_code)]
fn decode_q(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' => match text
                .get(i + 1..i + 3)
                .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'='),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Decodes RFC 2047 encoded words in a header value. Whitespace between
/// adjacent encoded words is dropped; adjacent words in the same charset are
/// joined as bytes first, so characters split across words survive.
#[allow(dead_code)]
fn decode_rfc2047(value: &str) -> String {
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut pending_charset = String::new();
    let mut after_word = false;
    let mut rest = value;

    fn flush(out: &mut String, pending: &mut Vec<u8>, charset: &str) {
        if !pending.is_empty() {
            out.push_str(&decode_charset(pending, charset));
            pending.clear();
        }
    }

    while let Some(pos) = rest.find("=?") {
        let before = &rest[..pos];
        match parse_encoded_word(&rest[pos..]) {
            Some((charset, bytes, consumed)) => {
                let only_space = before.chars().all(char::is_whitespace);
                if !(after_word && only_space) {
                    flush(&mut out, &mut pending, &pending_charset);
                    out.push_str(before);
                }
                if !pending.is_empty() && !pending_charset.eq_ignore_ascii_case(&charset) {
                    flush(&mut out, &mut pending, &pending_charset);
                }
                pending_charset = charset;
                pending.extend_from_slice(&bytes);
                after_word = true;
                rest = &rest[pos + consumed..];
            }
            None => {
                flush(&mut out, &mut pending, &pending_charset);
                out.push_str(&rest[..pos + 2]);
                after_word = false;
                rest = &rest[pos + 2..];
            }
        }
    }
    flush(&mut out, &mut pending, &pending_charset);
    out.push_str(rest);
    out
}
