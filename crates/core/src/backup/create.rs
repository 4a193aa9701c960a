//! `steward backup --to FILE`: a consistent copy of a running SQLite installation.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use steward_db::crypto::Keys;
use steward_db::{DatabaseUrl, Db};

use super::archive;
use super::error::BackupError;
use super::files::{DB_ENTRY, KEY_ENTRY, MANIFEST_ENTRY, Scratch, private_file};
use super::manifest::{AuditHead, FORMAT, FileSum, Manifest};
use super::verify::verify;
use crate::audit::checkpoint;

pub struct Created {
    pub manifest: Manifest,
    pub path: PathBuf,
}

/// Copies the database (one read transaction, while the server goes on writing), the
/// checkpoint file's lines that belong to that copy, and, with a passphrase, the key; checks
/// the copy as a restore would and writes what it found into the manifest. The file appears
/// at `to` only once complete.
pub fn create(
    db: &Db,
    master: &[u8; 32],
    checkpoint_file: &Path,
    to: &Path,
    key_passphrase: Option<SecretString>,
) -> Result<Created, BackupError> {
    if !matches!(db.url, DatabaseUrl::Sqlite(_)) {
        return Err(BackupError::Refused(
            "on PostgreSQL, back up with pg_dump and keep the checkpoint file and the key beside it (README, Backup and restore)".into(),
        ));
    }
    if to.exists() {
        return Err(BackupError::Refused(format!(
            "--to {}: the file exists; name a new file",
            to.display()
        )));
    }
    let scratch = Scratch::beside(to)?;
    let copy = scratch.path(DB_ENTRY);
    steward_db::backup::snapshot(&mut *db.get()?, &copy)?;

    // The copy is checked as a restore will check it, against the file's lines of its time.
    let keys = Keys::from_master(master);
    let copy_db = Db::connect(&DatabaseUrl::Sqlite(copy.clone()))?;
    let lines = checkpoint::lines_through_stored(&mut *copy_db.get()?, checkpoint_file)?;
    let file_copy = scratch.path(checkpoint::FILE_NAME);
    if let Some(lines) = &lines {
        std::io::Write::write_all(&mut private_file(&file_copy)?, lines.as_bytes())?;
    }
    let verified = verify(&copy_db, &keys, &file_copy)?;
    copy_db.close()?;

    let mut entries: Vec<(&str, PathBuf)> = vec![(DB_ENTRY, copy.clone())];
    if lines.is_some() {
        entries.push((checkpoint::FILE_NAME, file_copy));
    }
    if key_passphrase.is_some() {
        let key = scratch.path(KEY_ENTRY);
        std::io::Write::write_all(
            &mut private_file(&key)?,
            format!("{}\n", hex::encode(master)).as_bytes(),
        )?;
        entries.push((KEY_ENTRY, key));
    }
    let mut files = std::collections::BTreeMap::new();
    for (name, path) in &entries {
        files.insert(name.to_string(), FileSum::of(path)?);
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        steward: env!("CARGO_PKG_VERSION").into(),
        taken_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        schema_version: verified.schema.version.clone(),
        counts: verified
            .counts
            .iter()
            .map(|(t, n)| (t.to_string(), *n))
            .collect(),
        audit: AuditHead {
            rows: verified.head.0,
            head: verified.head.1.clone(),
            checkpoint_key: verified.anchors.public_key.clone(),
            checkpoints: verified.count("audit_checkpoints").unwrap_or(0),
        },
        key_included: key_passphrase.is_some(),
        files,
        problems: verified.problems(),
    };
    let manifest_file = scratch.path(MANIFEST_ENTRY);
    std::io::Write::write_all(
        &mut private_file(&manifest_file)?,
        serde_json::to_string_pretty(&manifest)
            .map_err(std::io::Error::other)?
            .as_bytes(),
    )?;
    entries.insert(0, (MANIFEST_ENTRY, manifest_file));

    let partial = scratch.path("backup.partial");
    let list: Vec<(&str, &Path)> = entries.iter().map(|(n, p)| (*n, p.as_path())).collect();
    archive::write(&partial, &list, key_passphrase)?;
    // A hard link never replaces a file that appeared meanwhile (a rename would).
    std::fs::hard_link(&partial, to).map_err(|e| {
        BackupError::Refused(format!("--to {}: cannot be written ({e})", to.display()))
    })?;
    Ok(Created {
        manifest,
        path: to.to_path_buf(),
    })
}
