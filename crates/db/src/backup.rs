//! What a backup and a restore need of the database itself: a consistent copy of a SQLite file
//! taken while others write, the row counts a restore compares with the backup's manifest, and
//! whether the key in hand opens the encrypted values.

use std::path::Path;

use diesel::prelude::*;

use super::schema::{
    api_tokens, attachments, audit_checkpoints, audit_log, breaches, consent_records, notices,
    purposes, request_events, requests, site_keys, stores, task_records, tasks, users,
};
use crate::conn::{DbConn, DbError};
use crate::crypto::Keys;
use crate::slots;

/// Copies the SQLite database into `to` (which must not exist) as one read transaction:
/// writers go on meanwhile, and the copy holds exactly what was committed when it began.
pub fn snapshot(conn: &mut DbConn, to: &Path) -> Result<(), DbError> {
    let DbConn::Sqlite(c) = conn else {
        return Err(DbError::Migration(
            "a snapshot is taken of a SQLite database only; back up PostgreSQL with pg_dump".into(),
        ));
    };
    diesel::sql_query("VACUUM INTO ?")
        .bind::<diesel::sql_types::Text, _>(to.to_string_lossy())
        .execute(c)?;
    Ok(())
}

/// Rows per table, for what a backup holds and what a restore must find again.
pub fn counts(conn: &mut DbConn) -> Result<Vec<(&'static str, i64)>, DbError> {
    macro_rules! count {
        ($($table:ident),*) => {
            vec![$((stringify!($table), $table::table.count().get_result::<i64>(conn)?)),*]
        };
    }
    Ok(count!(
        requests,
        request_events,
        tasks,
        task_records,
        attachments,
        stores,
        users,
        api_tokens,
        breaches,
        purposes,
        notices,
        consent_records,
        site_keys,
        audit_log,
        audit_checkpoints
    ))
}

/// How many request e-mail addresses were tried with the key, and how many did not open.
pub struct KeyCheck {
    pub tried: usize,
    pub unreadable: usize,
}

/// Tries the key on up to `limit` requests' sealed e-mail addresses (the newest first): a
/// restored database with the wrong key fails here rather than on the first page staff open.
pub fn try_key(conn: &mut DbConn, keys: &Keys, limit: i64) -> Result<KeyCheck, DbError> {
    let rows: Vec<(steward_domain::RequestId, String)> = requests::table
        .filter(requests::email_enc.ne(""))
        .order(requests::created_at.desc())
        .limit(limit)
        .select((requests::id, requests::email_enc))
        .load(conn)?;
    let mut check = KeyCheck {
        tried: 0,
        unreadable: 0,
    };
    for (id, value) in rows {
        check.tried += 1;
        if keys
            .open(&value, slots::request_email(id.as_str()))
            .is_err()
        {
            check.unreadable += 1;
        }
    }
    Ok(check)
}
