//! `manifest.json`: what a backup holds, written when it was taken and compared on restore.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "steward-backup/1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// `steward-backup/1`.
    pub format: String,
    /// The Steward version that took it.
    pub steward: String,
    /// When the copy was taken (RFC 3339, UTC).
    pub taken_at: String,
    /// The newest migration the database had.
    pub schema_version: Option<String>,
    /// Rows per table.
    pub counts: BTreeMap<String, i64>,
    pub audit: AuditHead,
    /// Whether `steward.key` is inside (the archive is then encrypted).
    pub key_included: bool,
    /// Each file in the archive but this one: its size and SHA-256.
    pub files: BTreeMap<String, FileSum>,
    /// What the checks found wrong with the data when it was copied (empty when all held).
    #[serde(default)]
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuditHead {
    pub rows: i64,
    /// The last row's hash.
    pub head: String,
    /// The Ed25519 public key (hex) the checkpoints are signed with.
    pub checkpoint_key: String,
    pub checkpoints: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileSum {
    pub bytes: u64,
    pub sha256: String,
}

impl FileSum {
    pub fn of(path: &std::path::Path) -> std::io::Result<FileSum> {
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        let bytes = std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
        Ok(FileSum {
            bytes,
            sha256: hex::encode(hasher.finalize()),
        })
    }
}
