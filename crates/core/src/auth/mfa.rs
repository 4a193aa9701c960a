//! The second factor: RFC 6238 TOTP (through totp-rs, not hand-written) and one-time
//! recovery codes. Pure helpers; the flows that store and audit them are in `auth`.

use totp_rs::{Algorithm, Secret, TOTP};

use steward_db::crypto::random_bytes;

/// RFC 6238 defaults, the only parameters every authenticator app understands.
pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: usize = 6;
/// One step either side, for clock drift between phone and server.
pub const SKEW_STEPS: u64 = 1;
pub const RECOVERY_CODE_COUNT: usize = 10;
pub const ISSUER: &str = "Steward";

#[derive(Debug, thiserror::Error)]
pub enum TotpError {
    #[error("the stored TOTP secret is not usable: {0}")]
    BadSecret(String),
    #[error("the QR code could not be drawn: {0}")]
    Qr(String),
}

/// A fresh 160-bit secret (the HMAC-SHA1 block size RFC 4226 recommends), base32 as apps show it.
pub fn new_secret() -> String {
    Secret::Raw(random_bytes::<20>().to_vec())
        .to_encoded()
        .to_string()
}

fn totp(secret_base32: &str, account: &str) -> Result<TOTP, TotpError> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|e| TotpError::BadSecret(format!("{e:?}")))?;
    // The label must not contain ':'; staff emails never do, but do not fail on it.
    let account = account.replace(':', "_");
    TOTP::new(
        Algorithm::SHA1,
        DIGITS,
        SKEW_STEPS as u8,
        STEP_SECONDS,
        bytes,
        Some(ISSUER.to_string()),
        account,
    )
    .map_err(|e| TotpError::BadSecret(e.to_string()))
}

/// What the enrolment page shows: the QR code (PNG, base64) and the secret for typing in.
pub struct Enrolment {
    pub secret: String,
    pub qr_png_base64: String,
}

pub fn enrolment(secret_base32: &str, account: &str) -> Result<Enrolment, TotpError> {
    let t = totp(secret_base32, account)?;
    Ok(Enrolment {
        secret: secret_base32.to_string(),
        qr_png_base64: t.get_qr_base64().map_err(TotpError::Qr)?,
    })
}

pub fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The time step a code belongs to, if it is valid at `now` (within the skew) and newer than
/// `last_step`: a code already used, or an older one, is refused (RFC 6238 §5.2).
pub fn accept(
    secret_base32: &str,
    code: &str,
    now: u64,
    last_step: Option<i64>,
) -> Result<Option<i64>, TotpError> {
    let code = normalise_code(code);
    if code.len() != DIGITS || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let t = totp(secret_base32, "")?;
    let current = now / STEP_SECONDS;
    let mut found = None;
    // Check every candidate (no early exit), so timing says nothing about which one matched.
    for step in current.saturating_sub(SKEW_STEPS)..=current + SKEW_STEPS {
        let expected = t.generate(step * STEP_SECONDS);
        if steward_db::crypto::same_secret(&expected, &code) {
            found = Some(step as i64);
        }
    }
    Ok(found.filter(|s| last_step.is_none_or(|last| *s > last)))
}

/// People type codes with spaces or dashes ("123 456", "abcd-efgh").
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether a typed code looks like a TOTP code rather than a recovery code.
pub fn looks_like_totp(code: &str) -> bool {
    let c = normalise_code(code);
    c.len() == DIGITS && c.chars().all(|c| c.is_ascii_digit())
}

/// Ten recovery codes of 16 base32 characters (80 bits), shown as `xxxx-xxxx-xxxx-xxxx`.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            // Rejection sampling keeps every character uniformly likely.
            let mut out = String::with_capacity(19);
            let mut n = 0;
            while n < 16 {
                for b in random_bytes::<32>() {
                    if n == 16 {
                        break;
                    }
                    let b = b & 31;
                    if (b as usize) < ALPHABET.len() {
                        if n > 0 && n % 4 == 0 {
                            out.push('-');
                        }
                        out.push(ALPHABET[b as usize] as char);
                        n += 1;
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_once_and_within_the_window() {
        let s = new_secret();
        let t = totp(&s, "a@b.c").unwrap();
        let now = 1_800_000_000u64;
        let code = t.generate(now);
        let step = (now / STEP_SECONDS) as i64;
        assert_eq!(accept(&s, &code, now, None).unwrap(), Some(step));
        assert_eq!(
            accept(&s, &code, now, Some(step)).unwrap(),
            None,
            "replay refused"
        );
        // Previous and next step are accepted (drift), two steps away is not.
        assert!(accept(&s, &code, now + 30, None).unwrap().is_some());
        assert!(accept(&s, &code, now + 90, None).unwrap().is_none());
        assert!(accept(&s, "12345", now, None).unwrap().is_none());
        assert!(accept(&s, "abcdef", now, None).unwrap().is_none());
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(accept(&s, &spaced, now, None).unwrap().is_some());
    }

    #[test]
    fn rfc6238_vector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits); its last 6 digits.
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        let t = totp(&secret, "x").unwrap();
        assert_eq!(t.generate(59), "287082");
    }

    #[test]
    fn recovery_codes_are_distinct_and_readable() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let set: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(set.len(), codes.len());
        for c in &codes {
            assert_eq!(c.len(), 19, "{c}");
            assert!(!looks_like_totp(c));
        }
    }

    #[test]
    fn enrolment_draws_a_png() {
        let e = enrolment(&new_secret(), "officer@shop.example").unwrap();
        assert!(e.qr_png_base64.starts_with("iVBORw0KGgo"), "PNG signature");
    }
}
