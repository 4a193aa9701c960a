//! `steward restore --from FILE`: a backup put back where the settings say Steward's files
//! are, which must hold none of them yet. Everything is unpacked and checked beside the target
//! first; only a backup that passes is moved into place.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use steward_db::crypto::Keys;
use steward_db::{DatabaseUrl, Db};

use super::archive;
use super::error::BackupError;
use super::files::{DB_ENTRY, KEY_ENTRY, MANIFEST_ENTRY, Scratch, private_file};
use super::manifest::{FORMAT, FileSum, Manifest};
use super::verify::{Verified, verify};
use crate::audit::checkpoint;
use crate::config::Config;

pub struct Restored {
    pub manifest: Manifest,
    pub verified: Verified,
    pub database: PathBuf,
    pub checkpoint_file: Option<PathBuf>,
    /// Where the key from the backup was written, if it was.
    pub key_file: Option<PathBuf>,
}

/// Restores the backup at `from`. `passphrase` is asked only if the backup is encrypted.
pub fn restore(
    config: &Config,
    from: &Path,
    passphrase: impl FnOnce() -> std::io::Result<SecretString>,
) -> Result<Restored, BackupError> {
    let DatabaseUrl::Sqlite(target) = &config.database_url else {
        return Err(BackupError::Refused(
            "on PostgreSQL, restore with pg_restore, then `steward restore --checkpoints FILE` with the checkpoint file saved after the dump (README, Backup and restore)".into(),
        ));
    };
    let checkpoint_target = config.checkpoint_file();
    for taken in [target.clone(), wal_of(target), checkpoint_target.clone()] {
        if taken.exists() {
            return Err(BackupError::Refused(format!(
                "{} exists: restore into a folder that holds no Steward database (nothing was changed)",
                taken.display()
            )));
        }
    }
    if !from.is_file() {
        return Err(BackupError::Refused(format!(
            "--from {}: no such file",
            from.display()
        )));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let scratch = Scratch::beside(target)?;
    let passphrase = if archive::is_encrypted(from)? {
        Some(passphrase()?)
    } else {
        None
    };
    let allowed = [MANIFEST_ENTRY, DB_ENTRY, checkpoint::FILE_NAME, KEY_ENTRY];
    let found = archive::read(from, &scratch, &allowed, passphrase)?;
    let manifest = read_manifest(&scratch, &found)?;
    let has_checkpoints = found.iter().any(|f| f == checkpoint::FILE_NAME);

    let key_file = config.key_file();
    let (master, write_key) = master_key(config, &key_file, &scratch, &manifest)?;
    let keys = Keys::from_master(&master);
    let verified = {
        let db = Db::connect(&DatabaseUrl::Sqlite(scratch.path(DB_ENTRY)))?;
        let verified = verify(&db, &keys, &scratch.path(checkpoint::FILE_NAME))?;
        db.close()?;
        verified
    };
    let mut problems = verified.problems();
    problems.extend(differences(&manifest, &verified));
    if !problems.is_empty() {
        return Err(BackupError::Failed(problems));
    }

    // Into place: the key and the checkpoints first, the database last, so that a database
    // at the target always has what it needs beside it.
    let mut placed: Vec<PathBuf> = Vec::new();
    let result = (|| {
        if write_key {
            place(&scratch.path(KEY_ENTRY), &key_file, &mut placed)?;
        }
        if has_checkpoints {
            place(
                &scratch.path(checkpoint::FILE_NAME),
                &checkpoint_target,
                &mut placed,
            )?;
        }
        place(&scratch.path(DB_ENTRY), target, &mut placed)
    })();
    if let Err(e) = result {
        for p in placed {
            let _ = std::fs::remove_file(p);
        }
        return Err(e.into());
    }
    Ok(Restored {
        manifest,
        verified,
        database: target.clone(),
        checkpoint_file: has_checkpoints.then_some(checkpoint_target),
        key_file: write_key.then_some(key_file),
    })
}

fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Moves a checked file into place, never over an existing one; across file systems (a
/// checkpoint file kept on another disk) by copying.
fn place(from: &Path, to: &Path, placed: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    match std::fs::hard_link(from, to) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::CrossesDevices => {
            let mut out = private_file(to)?;
            std::io::copy(&mut std::fs::File::open(from)?, &mut out)?;
            out.sync_all()?;
        }
        Err(e) => return Err(e),
    }
    placed.push(to.to_path_buf());
    Ok(())
}

/// The manifest, and every file it lists present with its size and digest.
fn read_manifest(scratch: &Scratch, found: &[String]) -> Result<Manifest, BackupError> {
    let text = std::fs::read_to_string(scratch.path(MANIFEST_ENTRY))
        .map_err(|_| BackupError::Damaged("it has no manifest.json".into()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| BackupError::Damaged(format!("manifest.json cannot be read ({e})")))?;
    if manifest.format != FORMAT {
        return Err(BackupError::Damaged(format!(
            "its format is {:?}, and this Steward reads {FORMAT:?}",
            manifest.format
        )));
    }
    for name in found.iter().filter(|n| *n != MANIFEST_ENTRY) {
        let Some(expected) = manifest.files.get(name) else {
            return Err(BackupError::Damaged(format!(
                "{name} is not listed in its manifest"
            )));
        };
        if FileSum::of(&scratch.path(name))? != *expected {
            return Err(BackupError::Damaged(format!(
                "{name} is not the file that was backed up (its size or SHA-256 differs)"
            )));
        }
    }
    if let Some(missing) = manifest.files.keys().find(|n| !found.contains(n)) {
        return Err(BackupError::Damaged(format!(
            "{missing} is missing from it"
        )));
    }
    Ok(manifest)
}

/// The key to open the restored data with, and whether the backup's copy is to be written.
/// A key already in place (`STEWARD_SECRET_KEY` or the key file) is used; if the backup holds
/// one too, they must be the same.
fn master_key(
    config: &Config,
    key_file: &Path,
    scratch: &Scratch,
    manifest: &Manifest,
) -> Result<([u8; 32], bool), BackupError> {
    let from_backup = if manifest.key_included {
        let text = std::fs::read_to_string(scratch.path(KEY_ENTRY))?;
        Some(
            Keys::parse_master(&text)
                .map_err(|_| BackupError::Damaged("the key inside it cannot be read".into()))?,
        )
    } else {
        None
    };
    let in_place = match (config.secret_key, key_file.exists()) {
        (Some(k), _) => Some(k),
        (None, true) => Some(
            Keys::parse_master(&std::fs::read_to_string(key_file)?).map_err(|_| {
                BackupError::Refused(format!("{}: not a Steward key", key_file.display()))
            })?,
        ),
        (None, false) => None,
    };
    match (in_place, from_backup) {
        (Some(a), Some(b)) if a != b => Err(BackupError::Refused(format!(
            "the backup holds a key other than the one in place ({}): remove the one in place to use the backup's",
            if config.secret_key.is_some() {
                "STEWARD_SECRET_KEY".to_string()
            } else {
                key_file.display().to_string()
            }
        ))),
        (Some(a), _) => Ok((a, false)),
        (None, Some(b)) => Ok((b, true)),
        (None, None) => Err(BackupError::Refused(format!(
            "this backup holds no key: put the key the server used at {} (or set STEWARD_SECRET_KEY), then restore again",
            key_file.display()
        ))),
    }
}

/// Where the restored data differs from what the manifest says was copied.
fn differences(manifest: &Manifest, verified: &Verified) -> Vec<String> {
    let mut out = Vec::new();
    if manifest.audit.checkpoint_key != verified.anchors.public_key {
        out.push(
            "the key in hand signs with another checkpoint key than the backup's: it is not this installation's key"
                .into(),
        );
    }
    if (manifest.audit.rows, manifest.audit.head.as_str())
        != (verified.head.0, verified.head.1.as_str())
    {
        out.push(format!(
            "the audit log has {} rows, and the backup's manifest says {}",
            verified.head.0, manifest.audit.rows
        ));
    }
    for (table, n) in &manifest.counts {
        match verified.count(table) {
            Some(m) if m == *n => {}
            m => out.push(format!(
                "{table}: {} rows restored, {n} in the manifest",
                m.unwrap_or(0)
            )),
        }
    }
    out
}

/// After `pg_restore`: puts back the checkpoint lines that belong to the restored database
/// (those of a saved checkpoint file up to the last one the database holds; a file copied
/// after the dump may hold newer ones), then checks the whole. The configured checkpoint file
/// must not exist yet; it is removed again if the check fails.
pub fn restore_checkpoints(
    config: &Config,
    keys: &Keys,
    saved: &Path,
) -> Result<Verified, BackupError> {
    let target = config.checkpoint_file();
    if target.exists() {
        return Err(BackupError::Refused(format!(
            "{} exists: this database has its checkpoint file already (nothing was changed)",
            target.display()
        )));
    }
    if !saved.is_file() {
        return Err(BackupError::Refused(format!(
            "--checkpoints {}: no such file",
            saved.display()
        )));
    }
    let db = Db::connect(&config.database_url)?;
    let lines = checkpoint::lines_through_stored(&mut *db.get()?, saved)?;
    if let Some(lines) = &lines {
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut out = private_file(&target)?;
        std::io::Write::write_all(&mut out, lines.as_bytes())?;
        out.sync_all()?;
    }
    let verified = verify(&db, keys, &target)?;
    let problems = verified.problems();
    if !problems.is_empty() {
        if lines.is_some() {
            let _ = std::fs::remove_file(&target);
        }
        return Err(BackupError::Failed(problems));
    }
    Ok(verified)
}
