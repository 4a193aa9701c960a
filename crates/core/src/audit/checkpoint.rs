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
fn head(conn: &mut DbConn) -> Result<(i64, String), DbError> {
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::hash))
        .first(conn)
        .optional()?;
    Ok(last.unwrap_or((0, super::GENESIS.to_string())))
}

/// The checkpoints in the file, in order (a missing file has none).
pub fn read(file: &Path) -> std::io::Result<Vec<(usize, Option<Checkpoint>)>> {
    let f = match std::fs::File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    std::io::BufReader::new(f)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(i, l)| l.map(|l| (i + 1, Checkpoint::parse(&l))))
        .collect()
}

/// Signs the current head if it moved since the last checkpoint, and appends it
/// (file first, 0600, then the database copy). Returns the checkpoint written, if any.
pub fn write(
    conn: &mut DbConn,
    signer: &SigningKey,
    file: &Path,
) -> Result<Option<Checkpoint>, CheckpointError> {
    let (rows, hash) = head(conn)?;
    // Compared with the database copy (one indexed row), not the file, which only grows: this
    // runs on every scheduler tick. A missing copy only means one more line is signed.
    let last = steward_db::checkpoints::latest(conn)?;
    if rows == 0 || last.is_some_and(|(r, h)| r == rows && h == hash) {
        return Ok(None);
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

/// Checks the chain against every checkpoint in the file: each counted row must still be
/// there with the hash that was signed, and every line must carry a valid signature.
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
    let (rows_now, _) = head(conn)?;
    for (line, c) in read(file)? {
        let Some(c) = c.filter(|c| c.verifies(&key)) else {
            report.problem = Some(format!(
                "line {line} of {FILE_NAME} is not a checkpoint signed by this Steward's key"
            ));
            return Ok(report);
        };
        if c.rows > rows_now {
            report.problem = Some(format!(
                "the log has {rows_now} rows but the checkpoint of {} signed {} rows: rows were deleted",
                c.at, c.rows
            ));
            return Ok(report);
        }
        let hash: Option<String> = audit_log::table
            .filter(audit_log::seq.eq(c.rows))
            .select(audit_log::hash)
            .first(conn)
            .optional()
            .map_err(DbError::from)?;
        if hash.as_deref() != Some(c.head.as_str()) {
            report.problem = Some(format!(
                "row {} no longer has the hash the checkpoint of {} signed: the log was rewritten",
                c.rows, c.at
            ));
            return Ok(report);
        }
        report.latest = Some((c.rows, c.at.clone()));
    }
    Ok(report)
}
