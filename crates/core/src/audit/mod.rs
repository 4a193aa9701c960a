//! The tamper-evident audit log: append-only rows, each holding the SHA-256 of the previous
//! row, so editing or deleting any row breaks the chain at that point. Details name ids and
//! codes, never personal data.

pub mod checkpoint;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use steward_db::models::AuditRow;
use steward_db::schema::audit_log;
use steward_db::{DbConn, DbError};
use steward_domain::UserId;

/// Who did something: a staff user, the data subject, or Steward itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Staff { id: UserId },
    Subject,
    System,
}

impl Actor {
    /// The staff member acting, if one is.
    pub fn staff_id(&self) -> Option<UserId> {
        match self {
            Actor::Staff { id } => Some(id.clone()),
            _ => None,
        }
    }

    pub fn as_text(&self) -> String {
        match self {
            Actor::Staff { id } => format!("user:{id}"),
            Actor::Subject => "subject".into(),
            Actor::System => "system".into(),
        }
    }
}

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A row's hash: SHA-256 over the length-prefixed fields (8-byte big-endian length, then the
/// UTF-8 bytes) of prev_hash, seq, at (`%Y-%m-%dT%H:%M:%S%.6f`), actor, action, target and
/// detail; an auditor recomputes it with any SHA-256 tool.
pub fn row_hash(
    prev_hash: &str,
    seq: i64,
    at: NaiveDateTime,
    actor: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> String {
    // Length-prefixed fields: no two different rows can serialise to the same bytes.
    let mut buf = Vec::new();
    for field in [
        prev_hash,
        &seq.to_string(),
        &at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
        actor,
        action,
        target,
        detail,
    ] {
        buf.extend_from_slice(&(field.len() as u64).to_be_bytes());
        buf.extend_from_slice(field.as_bytes());
    }
    steward_db::crypto::sha256_hex(&buf)
}

/// Appends one row. Call inside the action's own transaction (`db::write_tx`), so the action
/// and its audit row land together or not at all.
pub fn record(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    target: &str,
    detail: serde_json::Value,
) -> Result<(), DbError> {
    if let DbConn::Postgres(_) = conn {
        // Serialises appends across processes; released at commit.
        diesel::sql_query("SELECT pg_advisory_xact_lock(7206010)").execute(conn)?;
    }
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::hash))
        .first(conn)
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let at = steward_db::now();
    let actor = actor.as_text();
    let detail = detail.to_string();
    let hash = row_hash(&prev_hash, seq, at, &actor, action, target, &detail);
    let row = AuditRow {
        seq,
        at,
        actor,
        action: action.into(),
        target: target.into(),
        detail,
        prev_hash,
        hash,
    };
    diesel::insert_into(audit_log::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub rows: i64,
    pub first_break: Option<ChainBreak>,
}

/// Walks the whole chain in pages and reports the first row that does not hold.
pub fn verify(conn: &mut DbConn) -> Result<ChainReport, DbError> {
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    let mut rows = 0i64;
    loop {
        let page: Vec<AuditRow> = audit_log::table
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq.asc())
            .limit(1000)
            .select(AuditRow::as_select())
            .load(conn)?;
        if page.is_empty() {
            return Ok(ChainReport {
                rows,
                first_break: None,
            });
        }
        for r in page {
            let broken = |problem: String| {
                Ok(ChainReport {
                    rows,
                    first_break: Some(ChainBreak {
                        seq: r.seq,
                        problem,
                    }),
                })
            };
            if r.seq != expected_seq {
                return broken(format!("row {} is missing (deleted)", expected_seq));
            }
            if r.prev_hash != prev {
                return broken(
                    "does not follow the previous row (previous row edited or deleted)".into(),
                );
            }
            if row_hash(
                &r.prev_hash,
                r.seq,
                r.at,
                &r.actor,
                &r.action,
                &r.target,
                &r.detail,
            ) != r.hash
            {
                return broken("content does not match its hash (row edited)".into());
            }
            prev = r.hash;
            expected_seq += 1;
            rows += 1;
        }
    }
}

pub fn recent(
    conn: &mut DbConn,
    limit: i64,
    before_seq: Option<i64>,
    f: &steward_db::reports::AuditFilter,
) -> Result<Vec<AuditRow>, DbError> {
    let mut q = steward_db::reports::audit_query(f);
    if let Some(b) = before_seq {
        q = q.filter(audit_log::seq.lt(b));
    }
    Ok(q.order(audit_log::seq.desc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// Records that someone downloaded an export (its own transaction: nothing else changes).
/// `range` says which rows were asked for (dates, year, filters), as the report names them.
pub fn export_downloaded(
    conn: &mut DbConn,
    actor: &Actor,
    export: &str,
    range: serde_json::Value,
) -> Result<(), DbError> {
    steward_db::write_tx(conn, |c| {
        record(
            c,
            actor,
            "export.downloaded",
            &format!("export:{export}"),
            range,
        )
    })
}
