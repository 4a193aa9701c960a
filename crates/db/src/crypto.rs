//! Secrets: encryption of personal data at rest, blind indexes for look-ups, and the random
//! tokens behind every emailed link. Keys derive from one master key (`STEWARD_SECRET_KEY` or
//! the `steward.key` file); losing it loses the encrypted data.

use std::io::Write;
use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("stored ciphertext is damaged or was written with another key")]
    Decrypt,
    #[error("the secret key must be 32 bytes as 64 hex digits or base64")]
    BadKey,
    #[error("key file {path}: {source}")]
    KeyFile {
        path: String,
        source: std::io::Error,
    },
}

/// The prefix of values sealed into their slot.
const SEALED: &str = "v2:";

/// Where an encrypted value lives: its table, column and row (the primary key as text). It is
/// the ciphertext's associated data, so the value only opens where it was written.
#[derive(Debug, Clone, Copy)]
pub struct Slot<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub row: &'a str,
}

impl<'a> Slot<'a> {
    pub fn new(table: &'static str, column: &'static str, row: &'a str) -> Self {
        Slot { table, column, row }
    }

    fn aad(&self) -> Vec<u8> {
        format!("steward/{}.{}/{}", self.table, self.column, self.row).into_bytes()
    }
}

/// The master key and the purpose-bound keys derived from it.
#[derive(Clone)]
pub struct Keys {
    cipher: Aes256Gcm,
    index_key: [u8; 32],
    link_key: [u8; 32],
    code_key: [u8; 32],
    audit_seed: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

fn derive(master: &[u8; 32], purpose: &str) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("any key length");
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

impl Keys {
    pub fn from_master(master: &[u8; 32]) -> Self {
        let enc = derive(master, "steward/v1/encryption");
        Keys {
            cipher: Aes256Gcm::new_from_slice(&enc).expect("32-byte key"),
            index_key: derive(master, "steward/v1/blind-index"),
            link_key: derive(master, "steward/v1/status-link"),
            code_key: derive(master, "steward/v1/recovery-code"),
            audit_seed: derive(master, "steward/v1/audit-checkpoint"),
        }
    }

    pub fn parse_master(text: &str) -> Result<[u8; 32], CryptoError> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
            hex::decode(text).map_err(|_| CryptoError::BadKey)?
        } else {
            STANDARD
                .decode(text)
                .or_else(|_| URL_SAFE_NO_PAD.decode(text))
                .map_err(|_| CryptoError::BadKey)?
        };
        bytes.try_into().map_err(|_| CryptoError::BadKey)
    }

    /// Reads the key file, or creates it (mode 0600) with a fresh random key on first run.
    pub fn load_or_create_file(path: &Path) -> Result<[u8; 32], CryptoError> {
        let err = |source| CryptoError::KeyFile {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse_master(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key: [u8; 32] = random_bytes();
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(path).map_err(err)?;
                writeln!(file, "{}", hex::encode(key)).map_err(err)?;
                Ok(key)
            }
            Err(e) => Err(err(e)),
        }
    }

    /// AES-256-GCM with a random 96-bit nonce; stored as base64(nonce || ciphertext).
    /// The Ed25519 key that signs audit checkpoints.
    pub fn audit_signer(&self) -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::from_bytes(&self.audit_seed)
    }

    /// AES-256-GCM with a random 96-bit nonce and the value's [`Slot`] as associated data;
    /// stored as `v2:` and base64(nonce || ciphertext). A ciphertext copied to another row
    /// or column no longer opens.
    pub fn seal(&self, plaintext: &str, slot: Slot<'_>) -> String {
        format!("{SEALED}{}", self.encrypt_with(plaintext, &slot.aad()))
    }

    /// Opens what [`Keys::seal`] sealed for this same slot; anything else is refused.
    pub fn open(&self, stored: &str, slot: Slot<'_>) -> Result<String, CryptoError> {
        let body = stored.strip_prefix(SEALED).ok_or(CryptoError::Decrypt)?;
        self.decrypt_with(body, &slot.aad())
    }

    /// The format before slots (no associated data), read only by the start-up pass that
    /// seals every such value into its slot ([`crate::rebind`]).
    pub fn open_unbound(&self, stored: &str) -> Result<String, CryptoError> {
        if stored.starts_with(SEALED) {
            return Err(CryptoError::Decrypt);
        }
        self.decrypt_with(stored, b"")
    }

    /// Writes the format before slots: only for tests of the pass that replaces it.
    #[doc(hidden)]
    pub fn seal_unbound_for_tests(&self, plaintext: &str) -> String {
        self.encrypt_with(plaintext, b"")
    }

    fn encrypt_with(&self, plaintext: &str, aad: &[u8]) -> String {
        let nonce_bytes: [u8; 12] = random_bytes();
        let ciphertext = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce_bytes),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad,
                },
            )
            .expect("AES-GCM encryption cannot fail for in-memory data");
        let mut out = nonce_bytes.to_vec();
        out.extend_from_slice(&ciphertext);
        STANDARD.encode(out)
    }

    fn decrypt_with(&self, stored: &str, aad: &[u8]) -> Result<String, CryptoError> {
        let bytes = STANDARD.decode(stored).map_err(|_| CryptoError::Decrypt)?;
        if bytes.len() < 12 {
            return Err(CryptoError::Decrypt);
        }
        let (nonce, ciphertext) = bytes.split_at(12);
        let plain = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad,
                },
            )
            .map_err(|_| CryptoError::Decrypt)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Decrypt)
    }

    /// HMAC-SHA256 of a normalised identifier: equal inputs match, the index reveals nothing.
    pub fn blind_index(&self, kind: &str, normalised: &str) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.index_key).expect("any key length");
        mac.update(kind.as_bytes());
        mac.update(b"\0");
        mac.update(normalised.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The capability in a subject's status link: derived, so every later email can carry it
    /// without storing it, and unforgeable without the key.
    pub fn status_token(&self, request_id: &str) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.link_key).expect("any key length");
        mac.update(request_id.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// Recovery codes carry 80 bits, below the 112 bits a plain hash needs (ASVS 2.6.2), so
    /// they are stored keyed with a key that never enters the database and salted with the
    /// user's id: a stolen table cannot be brute-forced offline.
    pub fn recovery_code_hash(&self, user_id: &str, normalised_code: &str) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.code_key).expect("any key length");
        mac.update(user_id.as_bytes());
        mac.update(b"\0");
        mac.update(normalised_code.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn check_status_token(&self, request_id: &str, token: &str) -> bool {
        let Ok(given) = URL_SAFE_NO_PAD.decode(token) else {
            return false;
        };
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.link_key).expect("any key length");
        mac.update(request_id.as_bytes());
        mac.verify_slice(&given).is_ok()
    }
}

/// Bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the operating system's random source is available");
    buf
}

/// A fresh secret token (256 bits) for a link or an API key; give it out once, store its hash.
pub fn new_token() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// Tokens carry 256 bits of entropy, so a plain SHA-256 is a sufficient one-way store.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Constant-time comparison for secrets held as text.
pub fn same_secret(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::from_master(&[7u8; 32])
    }

    const SLOT: Slot<'static> = Slot {
        table: "requests",
        column: "email_enc",
        row: "r1",
    };

    #[test]
    fn encryption_round_trips_and_is_randomised() {
        let k = keys();
        let a = k.seal("ada@example.com", SLOT);
        let b = k.seal("ada@example.com", SLOT);
        assert_ne!(a, b, "a fresh nonce every time");
        assert_eq!(k.open(&a, SLOT).unwrap(), "ada@example.com");
        assert!(!a.contains("ada") && a.starts_with("v2:"));
    }

    #[test]
    fn tampered_or_foreign_ciphertext_is_refused() {
        let k = keys();
        let sealed = k.seal("x", SLOT);
        let mut bytes = STANDARD.decode(&sealed[3..]).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(
            k.open(&format!("v2:{}", STANDARD.encode(bytes)), SLOT)
                .is_err()
        );
        let other = Keys::from_master(&[8u8; 32]);
        assert!(other.open(&sealed, SLOT).is_err());
    }

    #[test]
    fn a_value_opens_only_in_its_own_slot() {
        let k = keys();
        let sealed = k.seal("ada@example.com", SLOT);
        for elsewhere in [
            Slot::new("requests", "email_enc", "r2"),
            Slot::new("requests", "name_enc", "r1"),
            Slot::new("consent_records", "email_enc", "r1"),
        ] {
            assert!(k.open(&sealed, elsewhere).is_err(), "{elsewhere:?}");
        }
        let legacy = k.seal_unbound_for_tests("x");
        assert!(k.open(&legacy, SLOT).is_err(), "only sealed values open");
        assert_eq!(k.open_unbound(&legacy).unwrap(), "x");
        assert!(k.open_unbound(&sealed).is_err());
    }

    #[test]
    fn blind_index_is_stable_and_keyed() {
        let k = keys();
        assert_eq!(
            k.blind_index("email", "a@b.c"),
            k.blind_index("email", "a@b.c")
        );
        assert_ne!(
            k.blind_index("email", "a@b.c"),
            k.blind_index("phone", "a@b.c")
        );
        assert_ne!(
            k.blind_index("email", "a@b.c"),
            Keys::from_master(&[1; 32]).blind_index("email", "a@b.c")
        );
    }

    #[test]
    fn status_tokens_verify_only_for_their_request() {
        let k = keys();
        let t = k.status_token("r1");
        assert!(k.check_status_token("r1", &t));
        assert!(!k.check_status_token("r2", &t));
        assert!(!k.check_status_token("r1", "not-base64!"));
    }

    #[test]
    fn master_key_formats() {
        let hexkey = "ab".repeat(32);
        assert_eq!(Keys::parse_master(&hexkey).unwrap(), [0xab; 32]);
        assert_eq!(
            Keys::parse_master(&STANDARD.encode([3u8; 32])).unwrap(),
            [3; 32]
        );
        assert!(Keys::parse_master("short").is_err());
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let a = new_token();
        assert!(a.len() >= 43);
        assert_ne!(a, new_token());
        assert_eq!(hash_token(&a).len(), 64);
    }
}
