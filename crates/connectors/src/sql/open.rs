//! Opening a store's pool so that every connection it ever makes goes where it was checked to
//! go. A pool reconnects by itself (after an idle time-out, a dropped connection, a busy
//! moment), long after the store was registered: so a network store's pool connects to the
//! address that was checked, not to whatever its host name resolves to later, and each new
//! connection, of every backend, is checked not to be Steward's own database before use. A
//! SQLite store's file is checked again too, by where its path leads now and by what it holds.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::AssertSqlSafe;
use sqlx::pool::PoolConnectionMetadata;

use crate::connector::ConnectorError;
use crate::reach::Reach;

/// What a connection check refuses with, and what staff read.
pub const OWN_DATABASE: &str = "Steward's own database can never be a store";

/// Why the pool's last new connection was refused, if one was. The pool retries a refused
/// connection until its wait runs out and then reports a time-out; the connector reports
/// this instead.
#[derive(Clone, Default)]
pub struct Refusal(Arc<Mutex<Option<String>>>);

impl Refusal {
    /// Keeps a connection check's outcome: its reason when it refused, nothing once a
    /// connection passes again (so a later network failure is not reported as a refusal).
    fn note(&self, checked: Result<(), sqlx::Error>) -> Result<(), sqlx::Error> {
        let reason = match &checked {
            Err(sqlx::Error::Configuration(why)) => Some(why.to_string()),
            _ => None,
        };
        *self.0.lock().expect("refusal") = reason;
        checked
    }

    fn reason(&self) -> Option<String> {
        self.0.lock().expect("refusal").clone()
    }

    /// The reason a connection was refused, in place of the time-out it caused.
    pub fn explain(&self, e: ConnectorError) -> ConnectorError {
        match (&e, self.reason()) {
            (ConnectorError::Unreachable(_), Some(why)) => ConnectorError::Config(why),
            _ => e,
        }
    }

    /// A pool that could not be opened: refused by a check (its reason), or `failed`.
    fn or(&self, failed: ConnectorError) -> ConnectorError {
        self.reason().map_or(failed, ConnectorError::Config)
    }
}

#[derive(Clone)]
pub enum Pool {
    Pg(sqlx::PgPool),
    My(sqlx::MySqlPool),
    Lite(sqlx::SqlitePool),
}

/// The connection-string parameters a store may give: how to secure and time the connection,
/// nothing that changes where it goes or what the session sees (`host=`, `options=` with a
/// `search_path`, a socket, a service file).
const ALLOWED_PARAMETERS: &[&str] = &[
    "sslmode",
    "ssl-mode",
    "ssl_mode",
    "connect_timeout",
    "application_name",
    "charset",
];

/// How many connections a store's pool holds at most.
pub const POOL_SIZE: u32 = 4;

/// What a pool is opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// One check (a registration): one connection, closed after.
    Once,
    /// The store's long-lived pool for its jobs: all its connections are open before the
    /// pool is handed out, and one that closes (idle time-out, dropped) is replaced in the
    /// background, so no request waits for a connection to be made (a TLS handshake took
    /// ~100 ms when it met Nagle's algorithm).
    Kept,
}

/// A store's pool lives as long as the store is unchanged: a few connections, kept while idle
/// for a while, and a short wait for one, so an unreachable store says so within seconds.
fn opts<DB: sqlx::Database>(kept: Use) -> sqlx::pool::PoolOptions<DB> {
    sqlx::pool::PoolOptions::new()
        .max_connections(POOL_SIZE)
        .min_connections(if kept == Use::Kept { POOL_SIZE } else { 0 })
        .idle_timeout(Duration::from_secs(600))
        .acquire_timeout(Duration::from_secs(5))
}

fn no_database(at: &str) -> ConnectorError {
    ConnectorError::Unreachable(format!(
        "no database answered at {at} with this connection string"
    ))
}

fn refuse(why: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Configuration(why.into().into())
}

/// The host of a network store's URL, checked against `reach`, once its parameters are known
/// to be among [`ALLOWED_PARAMETERS`]: `host:port` for messages, and the address to connect to.
async fn checked_host(
    url: &str,
    default_port: u16,
    reach: &Reach,
) -> Result<(String, SocketAddr), ConnectorError> {
    let parsed = url::Url::parse(url)
        .map_err(|_| ConnectorError::Config("the connection string is not a URL".into()))?;
    // Parameter names as the driver will read them: percent-decoded, any case.
    if let Some((k, _)) = parsed
        .query_pairs()
        .find(|(k, _)| !ALLOWED_PARAMETERS.contains(&k.to_ascii_lowercase().as_str()))
    {
        return Err(ConnectorError::Config(format!(
            "{k}= is not accepted in a store's connection string: name the database server in the address itself, not in host=, hostaddr= or socket=, and set no session options=; allowed: {}",
            ALLOWED_PARAMETERS.join(", ")
        )));
    }
    let (host, port) = crate::reach::host_port(url, default_port)
        .filter(|(h, _)| !h.is_empty())
        .ok_or_else(|| ConnectorError::Config("the connection string names no host".into()))?;
    let addrs = reach.resolve(&host, port).await?;
    let first = *addrs
        .first()
        .ok_or_else(|| ConnectorError::Unreachable(format!("cannot resolve {host}")))?;
    Ok((format!("{host}:{port}"), first))
}

/// Steward instance ids in a PostgreSQL database, in any schema: looked up through the
/// catalog with names and operators qualified, so neither a connection's nor a role's
/// `search_path` can hide one.
async fn pg_instances(conn: &mut sqlx::PgConnection) -> Result<Vec<String>, sqlx::Error> {
    let schemas: Vec<String> = sqlx::query_scalar(
        "SELECT n.nspname::pg_catalog.text \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace \
         WHERE c.relname OPERATOR(pg_catalog.=) 'settings' \
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a \
                       WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid \
                         AND a.attname OPERATOR(pg_catalog.=) 'key' AND NOT a.attisdropped) \
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a \
                       WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid \
                         AND a.attname OPERATOR(pg_catalog.=) 'value' AND NOT a.attisdropped)",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut found = Vec::new();
    for schema in schemas {
        let table = format!("\"{}\".settings", schema.replace('"', "\"\""));
        let sql = format!(
            "SELECT value::pg_catalog.text FROM {table} \
             WHERE \"key\"::pg_catalog.text OPERATOR(pg_catalog.=) 'instance_id'"
        );
        let id: Option<String> = sqlx::query_scalar(AssertSqlSafe(sql))
            .fetch_optional(&mut *conn)
            .await?;
        found.extend(id);
    }
    Ok(found)
}

/// The Steward instance id in a SQLite database, if it is one.
async fn lite_instances(conn: &mut sqlx::SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    let exists: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'settings'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    if exists.is_none() {
        return Ok(Vec::new());
    }
    Ok(
        sqlx::query_scalar::<_, String>("SELECT value FROM settings WHERE \"key\" = 'instance_id'")
            .fetch_optional(&mut *conn)
            .await?
            .into_iter()
            .collect(),
    )
}

/// Refuses a connection to a database that holds Steward's own instance id; a database whose
/// ids cannot be read is refused too.
fn not_ours(
    found: Result<Vec<String>, sqlx::Error>,
    ours: Option<&str>,
) -> Result<(), sqlx::Error> {
    let found = found.map_err(|_| refuse("cannot tell whether this is Steward's own database"))?;
    match ours {
        Some(ours) if found.iter().any(|id| id == ours) => Err(refuse(OWN_DATABASE)),
        _ => Ok(()),
    }
}

pub async fn postgres(
    url: &str,
    reach: &Reach,
    kept: Use,
) -> Result<(Pool, Refusal), ConnectorError> {
    use sqlx::postgres::{PgConnectOptions, PgSslMode};
    let (at, addr) = checked_host(url, 5432, reach).await?;
    let mut options = PgConnectOptions::from_str(url).map_err(|_| no_database(&at))?;
    // Pinned to the checked address, unless the certificate is checked against the host
    // name (verify-full), which keeps the name: a server answering for it elsewhere then
    // fails the handshake.
    if !matches!(options.get_ssl_mode(), PgSslMode::VerifyFull) {
        options = options.host(&addr.ip().to_string());
    }
    let ours = reach.own_instance().map(str::to_string);
    let refusal = Refusal::default();
    let noted = refusal.clone();
    let pool = opts(kept)
        .after_connect(move |conn, _: PoolConnectionMetadata| {
            let (ours, noted) = (ours.clone(), noted.clone());
            Box::pin(async move { noted.note(not_ours(pg_instances(conn).await, ours.as_deref())) })
        })
        .connect_with(options)
        .await
        .map_err(|_| refusal.or(no_database(&at)))?;
    Ok((Pool::Pg(pool), refusal))
}

pub async fn mysql(url: &str, reach: &Reach, kept: Use) -> Result<(Pool, Refusal), ConnectorError> {
    use sqlx::mysql::{MySqlConnectOptions, MySqlSslMode};
    let (at, addr) = checked_host(url, 3306, reach).await?;
    let mut options = MySqlConnectOptions::from_str(url).map_err(|_| no_database(&at))?;
    if !matches!(options.get_ssl_mode(), MySqlSslMode::VerifyIdentity) {
        options = options.host(&addr.ip().to_string());
    }
    // Steward's own database is never MySQL: the address is all there is to check.
    let pool = opts(kept)
        .connect_with(options)
        .await
        .map_err(|_| no_database(&at))?;
    Ok((Pool::My(pool), Refusal::default()))
}

pub async fn sqlite(
    path: &str,
    reach: &Reach,
    kept: Use,
) -> Result<(Pool, Refusal), ConnectorError> {
    let resolved = reach.sqlite_path(path)?;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&resolved)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(10));
    let (reach, path, ours) = (
        reach.clone(),
        path.to_string(),
        reach.own_instance().map(str::to_string),
    );
    let refusal = Refusal::default();
    let noted = refusal.clone();
    let pool = opts(kept)
        .after_connect(move |conn, _: PoolConnectionMetadata| {
            let (reach, path, resolved, ours) =
                (reach.clone(), path.clone(), resolved.clone(), ours.clone());
            let noted = noted.clone();
            Box::pin(async move {
                let check = async {
                    // Where the path leads now, and what it is: the registered file may have
                    // been replaced (by a link to Steward's database, say) since the last
                    // connection was opened.
                    let now: PathBuf = reach
                        .sqlite_path(&path)
                        .map_err(|e| refuse(e.to_string()))?;
                    if now != resolved {
                        return Err(refuse(
                            "the store's path leads to another file than when it was registered",
                        ));
                    }
                    not_ours(lite_instances(conn).await, ours.as_deref())
                };
                noted.note(check.await)
            })
        })
        .connect_with(options)
        .await
        .map_err(|_| refusal.or(ConnectorError::Config("cannot open this database".into())))?;
    Ok((Pool::Lite(pool), refusal))
}

impl Pool {
    /// Asks the store to answer, on one of the pool's connections.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        use sqlx::Connection;
        match self {
            Pool::Pg(p) => p.acquire().await?.ping().await,
            Pool::My(p) => p.acquire().await?.ping().await,
            Pool::Lite(p) => p.acquire().await?.ping().await,
        }
    }

    /// How many connections the pool holds open now.
    #[cfg(test)]
    pub fn open_connections(&self) -> u32 {
        match self {
            Pool::Pg(p) => p.size(),
            Pool::My(p) => p.size(),
            Pool::Lite(p) => p.size(),
        }
    }

    /// Closes one idle connection so the next use opens a new one (what an idle time-out
    /// does), for tests of what happens on reconnect.
    #[cfg(test)]
    pub async fn reconnect_for_tests(&self) {
        use sqlx::Connection;
        macro_rules! one {
            ($p:expr) => {
                if let Ok(c) = $p.acquire().await {
                    let _ = c.detach().close().await;
                }
            };
        }
        match self {
            Pool::Pg(p) => one!(p),
            Pool::My(p) => one!(p),
            Pool::Lite(p) => one!(p),
        }
    }
}
