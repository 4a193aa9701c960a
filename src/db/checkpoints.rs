//! The database copy of the audit checkpoints (the file beside the key is the anchor).

use diesel::prelude::*;

use super::schema::audit_checkpoints;
use super::{DbConn, DbError};

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
