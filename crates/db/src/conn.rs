//! One connection to Steward's own database, SQLite or PostgreSQL behind one diesel
//! `MultiConnection`, and what every query module needs of it: its errors, the one-action
//! transaction, the clock and new ids.

use diesel::prelude::*;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database connection: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("database pool: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("database migrations: {0}")]
    Migration(String),
    #[error("database worker stopped")]
    Blocking,
}

/// Serialises calendar changes against the deadline calculations that read calendars:
/// a change takes it exclusively for its transaction, a calculation shared. (SQLite's one
/// writer at a time already does this.)
pub fn calendar_lock(conn: &mut DbConn, exclusive: bool) -> Result<(), DbError> {
    if let DbConn::Postgres(_) = conn {
        let f = if exclusive {
            "pg_advisory_xact_lock"
        } else {
            "pg_advisory_xact_lock_shared"
        };
        diesel::sql_query(format!("SELECT {f}(7302)")).execute(conn)?;
    }
    Ok(())
}

/// One transaction for one action: all of it lands or none of it does. On SQLite the writer
/// lock is taken first, so read-then-write sequences (such as the audit chain) never race.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    // SQLite has one writer at a time. Writers of this process queue on a mutex instead of
    // meeting SQLite's busy handler, which sleeps in growing steps (1 ms … 100 ms) and turned
    // a burst of consent writes into a long latency tail. Re-entrant per thread, since a
    // transaction may open a nested one (a savepoint) on the same connection.
    let _writer = match conn {
        DbConn::Sqlite(_) => sqlite_writer(),
        DbConn::Postgres(_) => None,
    };
    conn.transaction(|c| {
        match c {
            DbConn::Sqlite(_) => {
                diesel::sql_query("UPDATE write_lock SET n = n + 1 WHERE id = 1").execute(c)?;
            }
            DbConn::Postgres(_) => {}
        }
        f(c)
    })
}

/// This thread's hold on the process-wide SQLite writer lock; `None` when it already holds it.
fn sqlite_writer() -> Option<WriterGuard> {
    static WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());
    thread_local!(static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if HELD.with(|h| h.get()) {
        return None;
    }
    let guard = WRITER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    HELD.with(|h| h.set(true));
    Some(WriterGuard {
        _guard: guard,
        release: || HELD.with(|h| h.set(false)),
    })
}

struct WriterGuard {
    _guard: std::sync::MutexGuard<'static, ()>,
    release: fn(),
}

impl Drop for WriterGuard {
    fn drop(&mut self) {
        (self.release)();
    }
}

/// The current UTC time at microsecond precision, which both backends store exactly (the
/// audit chain hashes timestamps, so what is read back must equal what was hashed).
pub fn now() -> chrono::NaiveDateTime {
    use chrono::SubsecRound;
    chrono::Utc::now().naive_utc().trunc_subsecs(6)
}

/// A new random id (UUID v4) of whichever id type is asked for.
/// A timeline event's id: time-ordered (UUIDv7, monotonic within the process), so events of
/// one transaction, which share a timestamp, keep the order they were written in.
pub fn event_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn new_id<T: From<String>>() -> T {
    T::from(uuid::Uuid::new_v4().to_string())
}
