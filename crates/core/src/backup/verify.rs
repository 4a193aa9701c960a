//! `steward verify`: whether a database, as it stands, is a whole Steward database this key
//! belongs to. Run after a restore (restore runs it itself) or after `pg_restore`.

use std::fmt;
use std::path::Path;

use steward_db::backup::KeyCheck;
use steward_db::crypto::Keys;
use steward_db::{Db, Schema};

use super::error::BackupError;
use crate::audit::{self, ChainReport, checkpoint};

/// How many requests' sealed addresses the key is tried on.
const KEY_SAMPLE: i64 = 200;

pub struct Verified {
    pub schema: Schema,
    pub chain: ChainReport,
    pub anchors: checkpoint::AnchorReport,
    /// The audit chain's head: rows and the last row's hash.
    pub head: (i64, String),
    pub key: KeyCheck,
    pub counts: Vec<(&'static str, i64)>,
}

pub fn verify(db: &Db, keys: &Keys, checkpoint_file: &Path) -> Result<Verified, BackupError> {
    let schema = db.schema()?;
    let mut conn = db.get()?;
    if schema.version.is_none() {
        // No Steward tables: nothing below could be read.
        return Err(BackupError::Failed(vec![
            "the database holds no Steward tables".into(),
        ]));
    }
    let chain = audit::verify(&mut conn)?;
    let anchors = checkpoint::check(&mut conn, &keys.audit_signer(), checkpoint_file)?;
    Ok(Verified {
        head: checkpoint::head(&mut conn)?,
        key: steward_db::backup::try_key(&mut conn, keys, KEY_SAMPLE)?,
        counts: steward_db::backup::counts(&mut conn)?,
        schema,
        chain,
        anchors,
    })
}

impl Verified {
    /// What is wrong, one sentence each; empty when everything holds.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.schema.unknown.is_empty() {
            out.push(format!(
                "the database has {} migration(s) this Steward does not know (the newest {}): a newer version made it",
                self.schema.unknown.len(),
                self.schema.unknown.iter().max().cloned().unwrap_or_default()
            ));
        }
        if let Some(b) = &self.chain.first_break {
            out.push(format!(
                "the audit log is broken at row {}: {}",
                b.seq, b.problem
            ));
        }
        if let Some(p) = &self.anchors.problem {
            out.push(format!("the audit checkpoints do not match the log: {p}"));
        }
        if self.key.unreadable > 0 {
            out.push(format!(
                "the key does not open {} of the {} request addresses tried: it is not this database's key",
                self.key.unreadable, self.key.tried
            ));
        }
        out
    }

    pub fn count(&self, table: &str) -> Option<i64> {
        self.counts
            .iter()
            .find(|(t, _)| *t == table)
            .map(|(_, n)| *n)
    }
}

impl fmt::Display for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Schema: {}{}",
            self.schema.version.as_deref().unwrap_or("none"),
            match self.schema.pending {
                0 => String::new(),
                n => format!(
                    " ({n} newer migration(s) to apply: `steward migrate`, or start the server)"
                ),
            }
        )?;
        writeln!(
            f,
            "Audit log: {} rows, head {}; checkpoint key {}{}",
            self.head.0,
            self.head.1,
            self.anchors.public_key,
            match &self.anchors.latest {
                Some((rows, at)) => format!("; last checkpoint {rows} rows, signed {at}"),
                None => "; no checkpoint yet".into(),
            }
        )?;
        writeln!(
            f,
            "Key: opened {} of {} request addresses tried",
            self.key.tried - self.key.unreadable,
            self.key.tried
        )?;
        write!(f, "Rows:")?;
        for (table, n) in &self.counts {
            write!(f, "\n  {table:<20} {n:>10}")?;
        }
        Ok(())
    }
}
