//! Steward's own database: SQLite (bundled) or PostgreSQL behind one diesel
//! `MultiConnection`, so every query in this module tree is written once.

pub mod attachments;
pub mod breaches;
pub mod calendar;
pub mod checkpoints;
pub mod consent;
pub mod crypto;
pub mod models;
pub mod overview;
pub mod rebind;
pub mod reports;
pub mod requests;
pub mod schema;
pub mod settings;
pub mod slots;
pub mod stores;
pub mod tasks;
pub mod types;
pub mod users;

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

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
    Pool(#[from] r2d2::PoolError),
    #[error("database migrations: {0}")]
    Migration(String),
    #[error("database worker stopped")]
    Blocking,
}

/// Where Steward's own data lives, parsed once from `STEWARD_DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or("must start with sqlite:// or postgres://")?;
        if path.is_empty() {
            return Err("names no SQLite file".into());
        }
        Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseUrl::Postgres(_))
    }
}

/// Opens the backend named by the URL's scheme itself, so a bad PostgreSQL URL reports
/// PostgreSQL's own message (diesel's multi-connection `establish` hides it).
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = DbError;

    fn connect(&self) -> Result<DbConn, DbError> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                Ok(DbConn::Postgres(diesel::PgConnection::establish(url)?))
            }
            DatabaseUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())?;
                // journal_size_limit: after each checkpoint the WAL is cut back to 64 MiB, so
                // a burst of intake cannot leave it several times the database's size.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA busy_timeout = 15000; PRAGMA foreign_keys = ON; \
                     PRAGMA journal_size_limit = 67108864;",
                )?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), DbError> {
        Ok(conn.batch_execute("SELECT 1")?)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// A pool of connections plus the way to use them from async code.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    pub url: DatabaseUrl,
}

impl Db {
    pub fn connect(url: &DatabaseUrl) -> Result<Self, DbError> {
        if let DatabaseUrl::Sqlite(path) = url
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| DbError::Migration(e.to_string()))?;
        }
        // The database holds personal data: readable by Steward's user only. SQLite gives its
        // -wal and -shm files the same mode as the database file.
        #[cfg(unix)]
        if let DatabaseUrl::Sqlite(path) = url
            && !path.exists()
        {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| DbError::Migration(format!("{}: {e}", path.display())))?;
        }
        let manager = Manager { url: url.clone() };
        // Try once directly so start-up reports the backend's own error, not a pool time-out.
        manager.connect()?;
        let size = if url.is_postgres() { 10 } else { 8 };
        let pool = Pool::builder()
            .max_size(size)
            .connection_timeout(Duration::from_secs(20))
            .build(manager)?;
        Ok(Db {
            pool,
            url: url.clone(),
        })
    }

    pub fn get(&self) -> Result<PooledConnection<Manager>, DbError> {
        Ok(self.pool.get()?)
    }

    pub fn migrate(&self) -> Result<(), DbError> {
        let mut conn = self.get()?;
        let result = match &mut *conn {
            DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        };
        result.map_err(|e| DbError::Migration(e.to_string()))?;
        settings::instance_id(&mut conn)?;
        // Into the main file, so the identity is in the database file itself (a copy of the
        // file is recognised as Steward's own).
        if let DbConn::Sqlite(_) = &mut *conn {
            conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        Ok(())
    }

    /// Runs blocking diesel work off the async executor.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|_| E::from(DbError::Blocking))?
    }
}

/// A periodic pass that only one process may run at a time (PostgreSQL advisory lock keys).
#[derive(Debug, Clone, Copy)]
pub enum Pass {
    Reminders = 7_301,
}

/// Holds a pass's lock until dropped. On SQLite there is one writer anyway, so it always
/// holds; on PostgreSQL it is a session advisory lock on its own pooled connection.
pub struct PassLock {
    /// Its own connection, not a pooled one: closing it on drop releases the lock even if
    /// the unlock statement fails.
    conn: Option<DbConn>,
    key: i64,
}

impl Drop for PassLock {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.as_mut() {
            let _ = diesel::sql_query("SELECT pg_advisory_unlock($1)")
                .bind::<diesel::sql_types::BigInt, _>(self.key)
                .execute(conn);
        }
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

impl Db {
    /// Takes the pass's lock if no other process holds it; `None` when another does.
    pub fn try_pass(&self, pass: Pass) -> Result<Option<PassLock>, DbError> {
        let key = pass as i64;
        if !self.url.is_postgres() {
            return Ok(Some(PassLock { conn: None, key }));
        }
        let mut conn = Manager {
            url: self.url.clone(),
        }
        .connect()?;
        let got: Locked = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS locked")
            .bind::<diesel::sql_types::BigInt, _>(key)
            .get_result(&mut conn)?;
        Ok(got.locked.then_some(PassLock {
            conn: Some(conn),
            key,
        }))
    }
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
