//! The pool of connections to Steward's own database: where it is, how a connection is opened
//! and set up, the migrations, and the locks of passes only one process may run.

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::conn::{DbConn, DbError};
use crate::settings;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

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

/// A pooled connection, and when it last answered the pool's check.
pub struct Checked {
    conn: DbConn,
    answered: std::time::Instant,
}

impl std::ops::Deref for Checked {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for Checked {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

/// How long a connection that answered the pool's check is handed out without asking again.
/// Checking on every check-out cost a round trip per use (a seventh of a PostgreSQL consent
/// write); a connection that died (the server restarted) fails at most the uses within this
/// time before the check finds it and the pool replaces it.
const RECHECK_AFTER: Duration = Duration::from_secs(1);

/// Opens the backend named by the URL's scheme itself, so a bad PostgreSQL URL reports
/// PostgreSQL's own message (diesel's multi-connection `establish` hides it).
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

impl Manager {
    fn open(&self) -> Result<DbConn, DbError> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                Ok(DbConn::Postgres(diesel::PgConnection::establish(url)?))
            }
            DatabaseUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())?;
                // synchronous = FULL: a commit is on disk before Steward answers, so a power
                // cut or a crash of the machine loses no request, consent or audit row that
                // was acknowledged (NORMAL keeps them across a crash of the process only).
                // journal_size_limit: after each checkpoint the WAL is cut back to 64 MiB, so
                // a burst of intake cannot leave it several times the database's size.
                // busy_timeout first: the pool opens its connections at once, and switching a
                // new file to WAL takes a lock the others must wait for, not fail on.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 15000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                     PRAGMA journal_size_limit = 67108864;",
                )?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl ManageConnection for Manager {
    type Connection = Checked;
    type Error = DbError;

    fn connect(&self) -> Result<Checked, DbError> {
        Ok(Checked {
            conn: self.open()?,
            answered: std::time::Instant::now(),
        })
    }

    fn is_valid(&self, c: &mut Checked) -> Result<(), DbError> {
        if c.answered.elapsed() < RECHECK_AFTER {
            return Ok(());
        }
        c.conn.batch_execute("SELECT 1")?;
        c.answered = std::time::Instant::now();
        Ok(())
    }

    fn has_broken(&self, _conn: &mut Checked) -> bool {
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
        manager.open()?;
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
        let result = match &mut **conn {
            DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        };
        result.map_err(|e| DbError::Migration(e.to_string()))?;
        settings::instance_id(&mut conn)?;
        // Into the main file, so the identity is in the database file itself (a copy of the
        // file is recognised as Steward's own).
        if let DbConn::Sqlite(_) = &mut **conn {
            conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        Ok(())
    }

    /// Closes the pool's connections; on SQLite the write-ahead log is folded into the file
    /// first, so the file alone is the whole database (before it is moved or copied).
    pub fn close(self) -> Result<(), DbError> {
        if let DatabaseUrl::Sqlite(_) = self.url {
            self.get()?
                .batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        drop(self.pool);
        Ok(())
    }

    /// The migrations this database has and lacks, against those this binary carries.
    pub fn schema(&self) -> Result<Schema, DbError> {
        let mut conn = self.get()?;
        let (applied, known) = match &mut **conn {
            DbConn::Postgres(c) => versions(c, POSTGRES_MIGRATIONS)?,
            DbConn::Sqlite(c) => versions(c, SQLITE_MIGRATIONS)?,
        };
        Ok(Schema {
            version: applied.iter().max().cloned(),
            pending: known.iter().filter(|k| !applied.contains(k)).count(),
            unknown: applied
                .iter()
                .filter(|a| !known.contains(a))
                .cloned()
                .collect(),
        })
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

/// The migration versions a database has applied, and those `source` carries.
fn versions<DB: diesel::backend::Backend>(
    conn: &mut impl MigrationHarness<DB>,
    source: EmbeddedMigrations,
) -> Result<(Vec<String>, Vec<String>), DbError> {
    use diesel::migration::MigrationSource;
    let failed = |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    let applied = conn.applied_migrations().map_err(failed)?;
    let known = MigrationSource::<DB>::migrations(&source).map_err(failed)?;
    Ok((
        applied.iter().map(ToString::to_string).collect(),
        known
            .iter()
            .map(|m| m.name().version().to_string())
            .collect(),
    ))
}

/// Where a database's schema stands against this binary's migrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// The newest migration applied (its version, e.g. `20261125000015`), if any.
    pub version: Option<String>,
    /// Migrations this binary carries that the database lacks (`steward migrate` applies them).
    pub pending: usize,
    /// Migrations the database has that this binary does not know: a newer Steward made it.
    pub unknown: Vec<String>,
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
        .open()?;
        let got: Locked = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS locked")
            .bind::<diesel::sql_types::BigInt, _>(key)
            .get_result(&mut conn)?;
        Ok(got.locked.then_some(PassLock {
            conn: Some(conn),
            key,
        }))
    }
}
