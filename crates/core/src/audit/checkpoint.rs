//! Signed checkpoints anchor the audit chain, in the spirit of Certificate Transparency's
//! signed tree heads: now and then the row count and the last row's hash are signed with an
//! Ed25519 key derived from Steward's secret key, and written to the database and to an
//! append-only file beside the key. The chain alone cannot show rows deleted at its end, or a
//! chain rewritten and re-hashed from some row on; a checkpoint can, because the rows it
//! counted must still be there with the hash it signed. Anyone can check a checkpoint line
//! with the public key alone.
//!
//! A file line: `rows head_hash at signature`, where the signature (hex) is over
//! `steward-audit-checkpoint/v1\n{rows}\n{head_hash}\n{at}` and `at` is RFC 3339 UTC.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::Utc;
use diesel::prelude::*;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use steward_db::schema::audit_log;
use steward_db::{DbConn, DbError};

pub const FILE_NAME: &str = "audit-checkpoints.log";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub rows: i64,
    pub head: String,
    pub at: String,
    pub signature: String,
}

fn message(rows: i64, head: &str, at: &str) -> String {
    format!("steward-audit-checkpoint/v1\n{rows}\n{head}\n{at}")
}

impl Checkpoint {
    fn line(&self) -> String {
        format!("{} {} {} {}", self.rows, self.head, self.at, self.signature)
    }

    fn parse(line: &str) -> Option<Checkpoint> {
        let mut p = line.split_whitespace();
        let c = Checkpoint {
            rows: p.next()?.parse().ok()?,
            head: p.next()?.to_string(),
            at: p.next()?.to_string(),
            signature: p.next()?.to_string(),
        };
        p.next().is_none().then_some(c)
    }

    /// Whether the line was signed by the key.
    pub fn verifies(&self, key: &VerifyingKey) -> bool {
        let Ok(bytes) = hex::decode(&self.signature) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(&bytes) else {
            return false;
        };
        key.verify(message(self.rows, &self.head, &self.at).as_bytes(), &sig)
            .is_ok()
    }
}

/// The public key, hex, as the audit page and `audit verify` show it.
pub fn public_key_hex(signer: &SigningKey) -> String {
    hex::encode(signer.verifying_key().to_bytes())
}

/// The chain's current head: (rows, hash of the last row).
pub fn head(conn: &mut DbConn) -> Result<(i64, String), DbError> {
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::hash))
        .first(conn)
        .optional()?;
    Ok(last.unwrap_or((0, super::GENESIS.to_string())))
}

/// What the checkpoint file holds.
#[derive(Debug)]
pub enum FileState {
    /// No file at the path (a fresh installation, or a deleted file).
    Missing,
    /// Its non-empty lines, numbered, each parsed if it is a checkpoint line.
    Lines(Vec<(usize, Option<Checkpoint>)>),
    /// Something Steward cannot trust as its append-only file (a device such as /dev/null,
    /// a folder, an unreadable file): why.
    Unusable(String),
}

/// The checkpoint file as it stands. A symbolic link is followed (the file may live on
/// another disk), but what it leads to must be a regular file Steward can read.
pub fn read(file: &Path) -> FileState {
    match std::fs::metadata(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return if std::fs::symlink_metadata(file).is_ok() {
                FileState::Unusable("is a link to nothing".into())
            } else {
                FileState::Missing
            };
        }
        Err(e) => return FileState::Unusable(format!("cannot be read ({})", e.kind())),
        Ok(m) if !m.is_file() => return FileState::Unusable("is not a regular file".into()),
        Ok(_) => {}
    }
    let f = match std::fs::File::open(file) {
        Ok(f) => f,
        Err(e) => return FileState::Unusable(format!("cannot be read ({})", e.kind())),
    };
    let lines: std::io::Result<Vec<_>> = std::io::BufReader::new(f)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(i, l)| l.map(|l| (i + 1, Checkpoint::parse(&l))))
        .collect();
    match lines {
        Ok(lines) => FileState::Lines(lines),
        Err(e) => FileState::Unusable(format!("cannot be read ({})", e.kind())),
    }
}

/// The file's text up to its last line that the database copy holds: with a copy of the
/// database, the copy of the file that belongs to it (lines after that one were signed after
/// the database was copied). A file that holds none of the stored checkpoints is kept whole,
/// so that a backup shows the same fault as the installation. `None` when there is nothing to
/// keep: no file, an unusable one, or no checkpoint in the database yet.
pub fn lines_through_stored(conn: &mut DbConn, file: &Path) -> Result<Option<String>, DbError> {
    // A regular file only (as `read` demands), read once as text.
    if !std::fs::metadata(file).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    let stored = stored(conn)?;
    if stored.is_empty() {
        return Ok(None);
    }
    let Ok(text) = std::fs::read_to_string(file) else {
        return Ok(None);
    };
    let lines: Vec<&str> = text.lines().collect();
    let last = lines
        .iter()
        .rposition(|l| Checkpoint::parse(l).is_some_and(|c| stored.contains(&c)));
    let kept = match last {
        Some(i) => &lines[..=i],
        None => &lines[..],
    };
    Ok(Some(kept.iter().map(|l| format!("{l}\n")).collect()))
}

/// The database copy of the checkpoints, oldest first.
fn stored(conn: &mut DbConn) -> Result<Vec<Checkpoint>, DbError> {
    Ok(steward_db::checkpoints::all(conn)?
        .into_iter()
        .map(|(rows, head, at, signature)| Checkpoint {
            rows,
            head,
            at,
            signature,
        })
        .collect())
}

/// The hash of row `seq`, if it is there.
fn hash_at(conn: &mut DbConn, seq: i64) -> Result<Option<String>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::seq.eq(seq))
        .select(audit_log::hash)
        .first(conn)
        .optional()?)
}

/// Signs the current head if it moved since the last checkpoint, and appends it
/// (file first, 0600, then the database copy). Returns the checkpoint written, if any.
///
/// Nothing is signed while the anchors disagree with the chain: signing a chain that no
/// longer holds the last signed head, or starting a new file while the database says
/// checkpoints were written, would make tampering look clean.
pub fn write(
    conn: &mut DbConn,
    signer: &SigningKey,
    file: &Path,
) -> Result<Option<Checkpoint>, CheckpointError> {
    let (rows, hash) = head(conn)?;
    // Compared with the database copy (one indexed row), not the whole file: this runs on
    // every scheduler tick.
    let last = steward_db::checkpoints::latest(conn)?;
    if rows == 0 && last.is_none() || last.as_ref().is_some_and(|(r, h)| *r == rows && *h == hash) {
        return Ok(None);
    }
    if let Some((r, h)) = &last {
        if *r > rows || hash_at(conn, *r)?.as_deref() != Some(h.as_str()) {
            return Err(CheckpointError::Broken(format!(
                "the log no longer holds the head the last checkpoint signed ({r} rows); run `steward audit verify`"
            )));
        }
        if !matches!(read(file), FileState::Lines(_)) {
            return Err(CheckpointError::Broken(format!(
                "{FILE_NAME} is missing or unusable although checkpoints were written; run `steward audit verify`"
            )));
        }
    }
    let at = Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    let signature = hex::encode(signer.sign(message(rows, &hash, &at).as_bytes()).to_bytes());
    let c = Checkpoint {
        rows,
        head: hash,
        at,
        signature,
    };
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(file)?;
    // One write of the whole line: with O_APPEND, processes sharing the file never interleave
    // their lines (several Steward processes may run the scheduler).
    f.write_all(format!("{}\n", c.line()).as_bytes())?;
    f.sync_data()?;
    steward_db::checkpoints::insert(conn, &c.rows, &c.head, &c.at, &c.signature)?;
    Ok(Some(c))
}

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("audit checkpoint file: {0}")]
    File(#[from] std::io::Error),
    /// The anchors disagree with the chain; nothing was signed.
    #[error("audit checkpoints: {0}")]
    Broken(String),
}

/// What the checkpoints say about the chain as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorReport {
    pub public_key: String,
    /// The newest valid checkpoint: rows it counted and when.
    pub latest: Option<(i64, String)>,
    /// Why the chain does not match its checkpoints, if it does not.
    pub problem: Option<String>,
}

/// Checks the chain against both anchors, the file and the database copy: every checkpoint
/// must carry this Steward's signature, each counted row must still be there with the hash
/// that was signed, and each anchor must hold the other's checkpoints (a deleted, truncated
/// or replaced file, or rows deleted from the copy, is reported with what is missing).
pub fn check(
    conn: &mut DbConn,
    signer: &SigningKey,
    file: &Path,
) -> Result<AnchorReport, CheckpointError> {
    let key = signer.verifying_key();
    let mut report = AnchorReport {
        public_key: public_key_hex(signer),
        latest: None,
        problem: None,
    };
    let stored = stored(conn)?;
    let newest = |list: &[&Checkpoint]| {
        list.iter()
            .max_by_key(|c| c.rows)
            .map_or_else(String::new, |c| {
                format!(" (the newest: {} rows, signed {})", c.rows, c.at)
            })
    };
    let in_file = match read(file) {
        FileState::Missing if stored.is_empty() => Vec::new(),
        FileState::Missing => {
            report.problem = Some(format!(
                "{FILE_NAME} is missing, but the database holds {} signed checkpoints{}: the file was deleted",
                stored.len(),
                newest(&stored.iter().collect::<Vec<_>>())
            ));
            return Ok(report);
        }
        FileState::Unusable(why) => {
            report.problem = Some(format!("{FILE_NAME} {why}"));
            return Ok(report);
        }
        FileState::Lines(lines) => {
            let mut out = Vec::new();
            for (line, c) in lines {
                match c.filter(|c| c.verifies(&key)) {
                    Some(c) => out.push(c),
                    None => {
                        report.problem = Some(format!(
                            "line {line} of {FILE_NAME} is not a checkpoint signed by this Steward's key"
                        ));
                        return Ok(report);
                    }
                }
            }
            out
        }
    };
    if let Some(c) = stored.iter().find(|c| !c.verifies(&key)) {
        report.problem = Some(format!(
            "the database copy holds a checkpoint ({} rows, {}) not signed by this Steward's key",
            c.rows, c.at
        ));
        return Ok(report);
    }
    let (rows_now, _) = head(conn)?;
    let mut anchors: Vec<&Checkpoint> = in_file.iter().chain(stored.iter()).collect();
    anchors.sort_by_key(|c| c.rows);
    for c in anchors {
        if c.rows > rows_now {
            report.problem = Some(format!(
                "the log has {rows_now} rows but the checkpoint of {} signed {} rows: rows were deleted",
                c.at, c.rows
            ));
            return Ok(report);
        }
        if hash_at(conn, c.rows)?.as_deref() != Some(c.head.as_str()) {
            report.problem = Some(format!(
                "row {} no longer has the hash the checkpoint of {} signed: the log was rewritten",
                c.rows, c.at
            ));
            return Ok(report);
        }
        report.latest = Some((c.rows, c.at.clone()));
    }
    let not_in_file: Vec<&Checkpoint> = stored.iter().filter(|c| !in_file.contains(c)).collect();
    if !not_in_file.is_empty() {
        report.problem = Some(format!(
            "{FILE_NAME} lacks {} of the checkpoints the database holds{}: lines were removed or the file replaced",
            not_in_file.len(),
            newest(&not_in_file)
        ));
        return Ok(report);
    }
    // The file's last line may be a checkpoint whose database copy was never written (the
    // file is written first); any other line must be in the database too.
    let not_stored: Vec<&Checkpoint> = in_file
        .iter()
        .take(in_file.len().saturating_sub(1))
        .filter(|c| !stored.contains(c))
        .collect();
    if !not_stored.is_empty() {
        report.problem = Some(format!(
            "the database copy lacks {} of the checkpoints {FILE_NAME} holds{}: they were deleted from the database",
            not_stored.len(),
            newest(&not_stored)
        ));
    }
    Ok(report)
}
