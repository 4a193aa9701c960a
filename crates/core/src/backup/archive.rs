//! The backup file itself: a tar archive, wrapped in age passphrase encryption when it holds
//! the key. Reading accepts only the entries Steward writes, as plain files, once each.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use age::secrecy::SecretString;

use super::error::BackupError;
use super::files::{Scratch, private_file};

/// How an age file begins (the format's version line).
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// Writes `entries` (name in the archive, file on disk) into a new file at `to`, encrypted
/// with the passphrase if one is given, and flushes it to disk.
pub fn write(
    to: &Path,
    entries: &[(&str, &Path)],
    passphrase: Option<SecretString>,
) -> Result<(), BackupError> {
    let file = private_file(to)?;
    let mut out = BufWriter::new(file.try_clone()?);
    match passphrase {
        None => tar_into(&mut out, entries)?,
        Some(p) => {
            let mut sealed = age::Encryptor::with_user_passphrase(p).wrap_output(&mut out)?;
            tar_into(&mut sealed, entries)?;
            sealed.finish()?;
        }
    }
    out.flush()?;
    drop(out);
    file.sync_all()?;
    Ok(())
}

fn tar_into(out: &mut dyn Write, entries: &[(&str, &Path)]) -> std::io::Result<()> {
    let mut tar = tar::Builder::new(out);
    for (name, path) in entries {
        let mut file = std::fs::File::open(path)?;
        let mut header = tar::Header::new_gnu();
        header.set_size(file.metadata()?.len());
        header.set_mode(0o600);
        header.set_mtime(chrono::Utc::now().timestamp().max(0) as u64);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, name, &mut file)?;
    }
    tar.finish()
}

/// Whether the file is encrypted (and a passphrase is needed to read it).
pub fn is_encrypted(from: &Path) -> Result<bool, BackupError> {
    let mut reader = BufReader::new(std::fs::File::open(from)?);
    Ok(reader.fill_buf()?.starts_with(AGE_MAGIC))
}

/// Unpacks the archive at `from` into `into`; returns the names found. `allowed` lists the
/// names that may be inside.
pub fn read(
    from: &Path,
    into: &Scratch,
    allowed: &[&str],
    passphrase: Option<SecretString>,
) -> Result<Vec<String>, BackupError> {
    let file = BufReader::new(std::fs::File::open(from)?);
    let reader: Box<dyn Read> = match passphrase {
        None => Box::new(file),
        Some(p) => {
            let decryptor = age::Decryptor::new_buffered(file).map_err(not_age)?;
            if !decryptor.is_scrypt() {
                return Err(BackupError::Damaged(
                    "it is encrypted to a key, not with a passphrase".into(),
                ));
            }
            let identity = age::scrypt::Identity::new(p);
            Box::new(
                decryptor
                    .decrypt(std::iter::once(&identity as &dyn age::Identity))
                    .map_err(not_age)?,
            )
        }
    };
    let mut archive = tar::Archive::new(reader);
    let mut found: Vec<String> = Vec::new();
    for entry in archive.entries().map_err(damaged)? {
        let mut entry = entry.map_err(damaged)?;
        let name = entry
            .path()
            .map_err(damaged)?
            .to_string_lossy()
            .into_owned();
        if !allowed.contains(&name.as_str()) || found.contains(&name) {
            return Err(BackupError::Damaged(format!(
                "it holds an entry Steward does not write: {name:?}"
            )));
        }
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(BackupError::Damaged(format!("{name} is not a plain file")));
        }
        let mut out = private_file(&into.path(&name))?;
        std::io::copy(&mut entry, &mut out).map_err(damaged)?;
        out.sync_all()?;
        found.push(name);
    }
    Ok(found)
}

fn damaged(e: std::io::Error) -> BackupError {
    BackupError::Damaged(format!("it is not a complete Steward backup ({e})"))
}

fn not_age(e: age::DecryptError) -> BackupError {
    match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            BackupError::Refused("the passphrase does not open this backup".into())
        }
        e => BackupError::Damaged(format!("its encryption cannot be read ({e})")),
    }
}
