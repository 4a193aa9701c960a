//! The database copy of the audit checkpoints (the file beside the key is the anchor).

use diesel::prelude::*;

use super::schema::audit_checkpoints;
use crate::conn::{DbConn, DbError};

/// The newest checkpoint's (rows, head hash), from the database copy.
pub fn latest(conn: &mut DbConn) -> Result<Option<(i64, String)>, DbError> {
    Ok(audit_checkpoints::table
        .order((
            audit_checkpoints::rows.desc(),
            audit_checkpoints::signed_at.desc(),
        ))
        .select((audit_checkpoints::rows, audit_checkpoints::head_hash))
        .first(conn)
        .optional()?)
}

pub fn insert(
    conn: &mut DbConn,
    rows: &i64,
    head: &str,
    at: &str,
    signature: &str,
) -> Result<(), DbError> {
    diesel::insert_into(audit_checkpoints::table)
        .values((
            audit_checkpoints::rows.eq(rows),
            audit_checkpoints::head_hash.eq(head),
            audit_checkpoints::signed_at.eq(at),
            audit_checkpoints::signature.eq(signature),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every checkpoint in the database copy, oldest first: (rows, head hash, signed at,
/// signature).
pub fn all(conn: &mut DbConn) -> Result<Vec<(i64, String, String, String)>, DbError> {
    Ok(audit_checkpoints::table
        .order((
            audit_checkpoints::rows.asc(),
            audit_checkpoints::signed_at.asc(),
        ))
        .select((
            audit_checkpoints::rows,
            audit_checkpoints::head_hash,
            audit_checkpoints::signed_at,
            audit_checkpoints::signature,
        ))
        .load(conn)?)
}
