//! Seals every encrypted value written before values were bound to their slot (AES-GCM with
//! no associated data) into its table, column and row. Runs at start-up, before anything is
//! served, in batches; a no-op once done. After it, only slot-bound values open, so a
//! ciphertext moved to another row or column is refused instead of read as that row's.

use diesel::prelude::*;

use super::schema::{
    attachments, consent_records, preference_links, preference_sessions, requests, sessions,
    stores, task_records, tasks, users,
};
use super::types::W;
use crate::conn::{DbConn, DbError};
use crate::crypto::Keys;
use crate::slots;

const BATCH: i64 = 500;
const SEALED: &str = "v2:%";

/// Values sealed into their slot, and values that could not be read (left as they were;
/// their rows show an error until restored from a backup).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Rebound {
    pub sealed: usize,
    pub unreadable: usize,
}

impl Rebound {
    fn add(&mut self, keys: &Keys, old: &str, slot: crate::crypto::Slot<'_>) -> Option<String> {
        match keys.open_unbound(old) {
            Ok(plain) => {
                self.sealed += 1;
                Some(keys.seal(&plain, slot))
            }
            Err(_) => {
                self.unreadable += 1;
                None
            }
        }
    }
}

/// One column keyed by one column (`$as_key`: `W` for a `Word` key, `identity` for TEXT):
/// reads batches of older values after a cursor and writes each back sealed.
macro_rules! rebind {
    ($conn:expr, $keys:expr, $done:expr, $table:ident, $key:ident, $as_key:path, $col:ident, $slot:expr) => {{
        let mut after = String::new();
        loop {
            let rows: Vec<(String, Option<String>)> = $table::table
                .filter($table::$key.gt($as_key(after.clone())))
                .filter($table::$col.nullable().is_not_null())
                .filter($table::$col.nullable().not_like(SEALED))
                .filter($table::$col.nullable().ne(""))
                .order($table::$key.asc())
                .limit(BATCH)
                .select(($table::$key, $table::$col.nullable()))
                .load($conn)?;
            let Some((last, _)) = rows.last() else { break };
            after = last.clone();
            // One transaction a batch: a few hundred writes, not one commit each.
            crate::conn::write_tx($conn, |c| {
                for (key, old) in rows {
                    let Some(old) = old else { continue };
                    if let Some(new) = $done.add($keys, &old, $slot(&key)) {
                        // Only if unchanged since read: a concurrent writer wins.
                        diesel::update(
                            $table::table
                                .filter($table::$key.eq($as_key(key.clone())))
                                .filter($table::$col.nullable().eq(&old)),
                        )
                        .set($table::$col.eq(new))
                        .execute(c)?;
                    }
                }
                Ok::<_, DbError>(())
            })?;
        }
    }};
}

/// Set once every value is sealed: later start-ups skip the pass (it reads whole tables).
/// A database restored from before then has no mark, and the pass runs again.
pub const DONE: &str = "encryption_slots_done";

pub fn run(conn: &mut DbConn, keys: &Keys) -> Result<Rebound, DbError> {
    let mut done = Rebound::default();
    if super::settings::get(conn, DONE)?.is_some() {
        return Ok(done);
    }
    rebind!(
        conn,
        keys,
        done,
        requests,
        id,
        W,
        email_enc,
        slots::request_email
    );
    rebind!(
        conn,
        keys,
        done,
        requests,
        id,
        W,
        name_enc,
        slots::request_name
    );
    rebind!(
        conn,
        keys,
        done,
        requests,
        id,
        W,
        details_enc,
        slots::request_details
    );
    rebind!(
        conn,
        keys,
        done,
        requests,
        id,
        W,
        agent_enc,
        slots::request_agent
    );
    rebind!(
        conn,
        keys,
        done,
        attachments,
        id,
        std::convert::identity,
        data_enc,
        slots::attachment
    );
    rebind!(
        conn,
        keys,
        done,
        stores,
        id,
        W,
        connection_enc,
        slots::store_connection
    );
    rebind!(
        conn,
        keys,
        done,
        stores,
        id,
        W,
        secret_enc,
        slots::store_secret
    );
    rebind!(
        conn,
        keys,
        done,
        stores,
        id,
        W,
        hash_key_enc,
        slots::store_hash_key
    );
    rebind!(
        conn,
        keys,
        done,
        tasks,
        id,
        W,
        correction_enc,
        slots::task_correction
    );
    rebind!(
        conn,
        keys,
        done,
        consent_records,
        id,
        std::convert::identity,
        subject_enc,
        slots::consent_subject
    );
    rebind!(
        conn,
        keys,
        done,
        preference_links,
        token_hash,
        std::convert::identity,
        subject_enc,
        slots::preference_link
    );
    rebind!(
        conn,
        keys,
        done,
        preference_sessions,
        token_hash,
        std::convert::identity,
        subject_enc,
        slots::preference_session
    );
    rebind!(conn, keys, done, users, id, W, totp_secret_enc, |id| {
        crate::crypto::Slot::new("users", "totp_secret_enc", id)
    });
    rebind!(
        conn,
        keys,
        done,
        sessions,
        token_hash,
        std::convert::identity,
        totp_pending_enc,
        |h| { crate::crypto::Slot::new("sessions", "totp_pending_enc", h) }
    );
    // Records are keyed by (task, seq).
    let mut after = (String::new(), 0i64);
    loop {
        let rows: Vec<(String, i64, Option<String>)> = task_records::table
            .filter(
                task_records::task_id
                    .gt(W(&after.0))
                    .or(task_records::task_id
                        .eq(W(&after.0))
                        .and(task_records::seq.gt(after.1))),
            )
            .filter(task_records::value_enc.is_not_null())
            .filter(task_records::value_enc.not_like(SEALED))
            .order((task_records::task_id.asc(), task_records::seq.asc()))
            .limit(BATCH)
            .select((
                task_records::task_id,
                task_records::seq,
                task_records::value_enc,
            ))
            .load(conn)?;
        let Some((task, seq, _)) = rows.last() else {
            break;
        };
        after = (task.clone(), *seq);
        crate::conn::write_tx(conn, |c| {
            for (task, seq, old) in rows {
                let Some(old) = old else { continue };
                let row = slots::task_record_row(&task, seq);
                if let Some(new) = done.add(keys, &old, slots::task_record(&row)) {
                    diesel::update(
                        task_records::table
                            .find((W(&task), seq))
                            .filter(task_records::value_enc.eq(&old)),
                    )
                    .set(task_records::value_enc.eq(new))
                    .execute(c)?;
                }
            }
            Ok::<_, DbError>(())
        })?;
    }
    if done.unreadable == 0 {
        super::settings::mark(conn, DONE)?;
    }
    Ok(done)
}
