//! The SQL connector: PostgreSQL, MySQL/MariaDB and SQLite data stores, driven by the
//! store's dataset map. Every value is a bound parameter; every identifier comes from the
//! map, is a plain name, and is checked against the live schema before any query runs.

pub mod correct;
#[cfg(test)]
mod kept_tests;
mod keys;
mod open;
#[cfg(test)]
mod reconnect_tests;

pub use open::OWN_DATABASE;
use open::Pool;

use std::collections::{BTreeMap, HashMap, HashSet};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::{AssertSqlSafe, Row};

use crate::connector::{
    Connector, ConnectorError, FoundValue, Job, Outcome, Subject, TableAccess, TableErasure,
    TaskInfo,
};
use steward_domain::dataset::{Dataset, Erasure, IdentityKind, is_plain_name, split_target};

pub const REDACTED: &str = "[redacted]";
/// Keys per IN list: well under every backend's parameter limit.
const CHUNK: usize = 500;

/// A connection string as the store registry accepts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlUrl {
    Postgres(String),
    MySql(String),
    Sqlite(String),
}

impl SqlUrl {
    pub fn parse(s: &str) -> Result<SqlUrl, String> {
        let s = s.trim();
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Ok(SqlUrl::Postgres(s.into()))
        } else if s.starts_with("mysql://") || s.starts_with("mariadb://") {
            Ok(SqlUrl::MySql(s.replacen("mariadb://", "mysql://", 1)))
        } else if let Some(path) = s.strip_prefix("sqlite://") {
            if !path.starts_with('/') {
                return Err(
                    "a SQLite store needs an absolute path: sqlite:///var/lib/shop.db".into(),
                );
            }
            Ok(SqlUrl::Sqlite(path.into()))
        } else {
            Err("must start with postgres://, mysql:// or sqlite:///".into())
        }
    }
}

#[derive(Debug, Clone)]
enum Param {
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

/// How a column's values are bound, from its live type: integers as integers and bytes as
/// bytes (so indexes are used), text as text, anything else compared as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColType {
    Int,
    Text,
    /// `bytea`, `BLOB`, `BINARY(16)`, `VARBINARY`: read as lower-case hex, bound as bytes.
    Bytes,
    Other,
}

/// What the live database says about one column.
#[derive(Debug, Clone, Copy)]
struct Column {
    ty: ColType,
    /// Declared length of a text column (never enforced by SQLite, so not read there).
    max_len: Option<usize>,
    nullable: bool,
}

/// The live columns of each mapped table, by the names the map uses.
type Schema = HashMap<String, HashMap<String, Column>>;

/// Whether erasure deletes a table's reached rows rather than changing their fields.
fn deletes_rows(t: &steward_domain::dataset::Table) -> bool {
    t.erasure == Some(Erasure::DeleteRow)
        || t.fields
            .values()
            .any(|f| f.erasure == Some(Erasure::DeleteRow))
}

fn col_type(sql_type: &str) -> ColType {
    let t = sql_type.to_ascii_lowercase();
    if t.contains("bytea") || t.contains("blob") || t.contains("binary") {
        ColType::Bytes
    } else if t.contains("int") || t == "serial" || t == "bigserial" {
        ColType::Int
    } else if t.contains("char") || t.contains("text") || t.contains("clob") || t.is_empty() {
        ColType::Text
    } else {
        ColType::Other
    }
}

/// Why an erasure strategy cannot work on a column, in words; `None` when it fits.
fn strategy_problem(
    erasure: Option<Erasure>,
    ty: ColType,
    max_len: Option<usize>,
    nullable: bool,
) -> Option<String> {
    const HASH_LEN: usize = 64;
    match erasure? {
        Erasure::Hash | Erasure::Redact if ty != ColType::Text => Some(format!(
            "{} needs a text column; use null or delete_row",
            if erasure == Some(Erasure::Hash) { "hash" } else { "redact" }
        )),
        Erasure::Hash => max_len.filter(|n| *n < HASH_LEN).map(|n| {
            format!("hash writes {HASH_LEN} characters but the column holds {n}; use redact or null, or widen the column")
        }),
        Erasure::Redact => max_len.filter(|n| *n < REDACTED.len()).map(|n| {
            format!("redact writes '{REDACTED}' ({} characters) but the column holds {n}; use null", REDACTED.len())
        }),
        Erasure::Null if !nullable => {
            Some("null cannot erase a NOT NULL column; use redact or hash".into())
        }
        _ => None,
    }
}

pub struct SqlConnector {
    pool: Pool,
    /// Why a new connection was refused (Steward's own database): every query reports it in
    /// place of the time-out the refusal causes (`fetch`, `execute_all`).
    refusal: open::Refusal,
    dataset: Dataset,
    hash_key: Vec<u8>,
    /// The live schema as last read: jobs reuse it; a registration check or preflight reads
    /// it afresh, and a query that fails drops it so the retry reads it again.
    schema: std::sync::Mutex<Option<std::sync::Arc<Schema>>>,
    /// When [`check_schema`](Self::check_schema) last passed on the schema cached now.
    checked_at: std::sync::Mutex<Option<std::time::Instant>>,
}

macro_rules! bind_all {
    ($q:expr, $params:expr) => {{
        let mut q = $q;
        for p in $params {
            q = match p {
                Param::Int(i) => q.bind(*i),
                Param::Text(s) => q.bind(s.clone()),
                Param::Bytes(b) => q.bind(b.clone()),
            };
        }
        q
    }};
}

macro_rules! fetch_text {
    ($pool:expr, $sql:expr, $params:expr) => {{
        let q = bind_all!(sqlx::query(AssertSqlSafe($sql)), $params);
        let rows = q.fetch_all($pool).await.map_err(query_error)?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| r.try_get::<Option<String>, _>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(query_error)?
    }};
}

/// Runs the writes in one transaction; a write that changes more rows than it was given
/// keys for rolls everything back (the transaction is dropped uncommitted).
macro_rules! execute_in_tx {
    ($pool:expr, $writes:expr) => {{
        let mut tx = $pool.begin().await.map_err(query_error)?;
        let mut counts = Vec::with_capacity($writes.len());
        for w in $writes {
            let q = bind_all!(sqlx::query(AssertSqlSafe(w.sql.clone())), &w.params);
            let n = q
                .execute(&mut *tx)
                .await
                .map_err(query_error)?
                .rows_affected();
            if n > w.at_most {
                return Err(w.too_many(n));
            }
            counts.push(n);
        }
        tx.commit().await.map_err(query_error)?;
        counts
    }};
}

/// One write of a correction or erasure: by key, or (for a table without a key) by the
/// condition that reached its rows.
struct Write {
    sql: String,
    params: Vec<Param>,
    /// The table written, for the report.
    table: String,
    /// How many rows it may change: the rows it was meant for (one per distinct key).
    at_most: u64,
}

impl Write {
    fn too_many(&self, n: u64) -> ConnectorError {
        ConnectorError::Schema(format!(
            "{}: a write changed {n} rows but was meant for {}, so the table's primary_key is not \
             unique or the database matched rows Steward did not reach; nothing was changed",
            self.table, self.at_most
        ))
    }
}

fn query_error(e: sqlx::Error) -> ConnectorError {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Tls(_) => ConnectorError::Unreachable(e.to_string()),
        // The server's own words only: never its source file or line, which mean nothing
        // to staff; PostgreSQL names the table and column where it knows them.
        sqlx::Error::Database(db) => {
            // MariaDB quotes the offending value ("Duplicate entry 'x@y' for key …"): a
            // person's data must not reach task errors, timelines or the audit log.
            let mut msg = without_quoted_values(db.message());
            if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                && let Some(table) = pg.table()
            {
                msg.push_str(&format!(" (table {table}"));
                if let Some(column) = pg.column() {
                    msg.push_str(&format!(", column {column}"));
                }
                msg.push(')');
            }
            ConnectorError::Query(msg)
        }
        // A connection check refused the connection (`open.rs`): its reason as it is.
        sqlx::Error::Configuration(why) => ConnectorError::Config(why.to_string()),
        other => ConnectorError::Query(other.to_string()),
    }
}

/// A database message with every single-quoted literal replaced by `'…'`.
fn without_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = false;
    for ch in message.chars() {
        match (ch, inside) {
            ('\'', false) => {
                inside = true;
                out.push_str("'…");
            }
            ('\'', true) => {
                inside = false;
                out.push('\'');
            }
            (_, true) => {}
            (c, false) => out.push(c),
        }
    }
    if inside {
        out.push('\'');
    }
    out
}

/// A row reached by the traversal: its key and the values of the columns read.
#[derive(Debug, Clone)]
struct Reached {
    /// The row's key: one value per key column.
    key: Vec<String>,
    values: HashMap<String, Option<String>>,
}

impl SqlConnector {
    /// Connects where `reach` allows: a network store at a checked address, a SQLite store
    /// only inside the allowed folder; never Steward's own database, on this or any later
    /// connection of the pool (`open.rs`). A failure says the same whatever the cause (closed
    /// port, other protocol, wrong password), so a connection string cannot be used to probe
    /// the network.
    pub async fn connect(
        url: &SqlUrl,
        dataset: Dataset,
        hash_key: Vec<u8>,
        reach: &super::reach::Reach,
    ) -> Result<Self, ConnectorError> {
        Self::open(url, dataset, hash_key, reach, open::Use::Once).await
    }

    /// As [`connect`](Self::connect), for the store's long-lived connector: its pool's
    /// connections are all open before this answers, and kept open.
    pub async fn connect_kept(
        url: &SqlUrl,
        dataset: Dataset,
        hash_key: Vec<u8>,
        reach: &super::reach::Reach,
    ) -> Result<Self, ConnectorError> {
        Self::open(url, dataset, hash_key, reach, open::Use::Kept).await
    }

    async fn open(
        url: &SqlUrl,
        dataset: Dataset,
        hash_key: Vec<u8>,
        reach: &super::reach::Reach,
        kept: open::Use,
    ) -> Result<Self, ConnectorError> {
        let (pool, refusal) = match url {
            SqlUrl::Postgres(u) => open::postgres(u, reach, kept).await?,
            SqlUrl::MySql(u) => open::mysql(u, reach, kept).await?,
            SqlUrl::Sqlite(path) => open::sqlite(path, reach, kept).await?,
        };
        Ok(SqlConnector {
            pool,
            refusal,
            dataset,
            hash_key,
            schema: Default::default(),
            checked_at: Default::default(),
        })
    }

    /// Reads what the first job would otherwise read (the mapped tables' live schema), so
    /// a connector made ahead of need leaves its first request nothing to wait for.
    pub async fn prepare(&self) -> Result<(), ConnectorError> {
        self.live_schema().await.map(|_| ())
    }

    /// How many connections the pool holds open now.
    #[cfg(test)]
    fn open_connections(&self) -> u32 {
        self.pool.open_connections()
    }

    /// Closes one idle connection, so that the next use opens a new one.
    #[cfg(test)]
    async fn reconnect_for_tests(&self) {
        self.pool.reconnect_for_tests().await
    }

    /// Where the pool's connections go.
    #[cfg(test)]
    fn host_for_tests(&self) -> String {
        match &self.pool {
            Pool::Pg(p) => p.connect_options().get_host().to_string(),
            Pool::My(p) => p.connect_options().get_host().to_string(),
            Pool::Lite(_) => String::new(),
        }
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Pg(p) => p.close().await,
            Pool::My(p) => p.close().await,
            Pool::Lite(p) => p.close().await,
        }
    }

    fn quote(&self, ident: &str) -> String {
        debug_assert!(is_plain_name(ident));
        match self.pool {
            // SQLite reads a "double-quoted" name that matches no column as a string literal,
            // so a column dropped or renamed since the map was checked would silently read as
            // its own name; a `backquoted` name is always a name, and fails as it should.
            Pool::My(_) | Pool::Lite(_) => format!("`{ident}`"),
            Pool::Pg(_) => format!("\"{ident}\""),
        }
    }

    /// A mapped table's name quoted, `schema.table` as two identifiers.
    fn quote_table(&self, name: &str) -> String {
        name.split('.')
            .map(|p| self.quote(p))
            .collect::<Vec<_>>()
            .join(".")
    }

    fn placeholder(&self, n: usize) -> String {
        match self.pool {
            Pool::Pg(_) => format!("${n}"),
            _ => "?".into(),
        }
    }

    /// How a column is read: as text, bytes as lower-case hex (a key such as Shopware's
    /// `BINARY(16)` ids goes back into a query as the same bytes, and reads for people).
    fn read_expr(&self, quoted: &str, ty: ColType) -> String {
        match (ty, &self.pool) {
            (ColType::Bytes, Pool::Pg(_)) => format!("encode({quoted}, 'hex')"),
            (ColType::Bytes, Pool::My(_)) => format!("LOWER(HEX({quoted}))"),
            (ColType::Bytes, Pool::Lite(_)) => format!("lower(hex({quoted}))"),
            _ => self.as_text(quoted),
        }
    }

    fn as_text(&self, expr: &str) -> String {
        match self.pool {
            Pool::My(_) => format!("CAST({expr} AS CHAR)"),
            _ => format!("CAST({expr} AS TEXT)"),
        }
    }

    async fn fetch(
        &self,
        sql: String,
        params: &[Param],
    ) -> Result<Vec<Vec<Option<String>>>, ConnectorError> {
        let fetched = async {
            Ok(match &self.pool {
                Pool::Pg(p) => fetch_text!(p, sql, params),
                Pool::My(p) => fetch_text!(p, sql, params),
                Pool::Lite(p) => fetch_text!(p, sql, params),
            })
        };
        fetched.await.map_err(|e| self.refusal.explain(e))
    }

    async fn execute_all(&self, stmts: &[Write]) -> Result<Vec<u64>, ConnectorError> {
        let executed = async {
            Ok(match &self.pool {
                Pool::Pg(p) => execute_in_tx!(p, stmts),
                Pool::My(p) => execute_in_tx!(p, stmts),
                Pool::Lite(p) => execute_in_tx!(p, stmts),
            })
        };
        executed.await.map_err(|e| self.refusal.explain(e))
    }

    /// The condition naming a table in `information_schema` (`schema.table`, or the
    /// connection's own schema), from placeholder `first`; `fold` compares the name
    /// without case, to suggest the table a map meant.
    fn catalogue_filter(&self, table: &str, first: usize, fold: bool) -> (String, Vec<Param>) {
        let (schema, name) = match table.split_once('.') {
            Some((s, t)) => (Some(s), t),
            None => (None, table),
        };
        let mut params = Vec::new();
        let schema_sql = match (schema, &self.pool) {
            (Some(s), _) => {
                params.push(Param::Text(s.into()));
                self.placeholder(first)
            }
            (None, Pool::Pg(_)) => "current_schema()".into(),
            (None, _) => "DATABASE()".into(),
        };
        params.push(Param::Text(name.into()));
        let mark = self.placeholder(first + params.len() - 1);
        let name_sql = if fold {
            format!("LOWER(table_name) = LOWER({mark})")
        } else {
            format!("table_name = {mark}")
        };
        (
            format!("table_schema = {schema_sql} AND {name_sql}"),
            params,
        )
    }

    /// SQLite has one schema per file: a qualified name cannot be meant for it.
    fn sqlite_table<'a>(&self, table: &'a str) -> Result<&'a str, ConnectorError> {
        if table.contains('.') {
            return Err(ConnectorError::Schema(format!(
                "table '{table}': a SQLite store names its tables without a schema"
            )));
        }
        Ok(table)
    }

    /// The live columns of a table; empty when the table does not exist.
    async fn read_columns(&self, table: &str) -> Result<HashMap<String, Column>, ConnectorError> {
        let (sql, params) = match self.pool {
            Pool::Lite(_) => (
                "SELECT name, type, NULL, CASE WHEN \"notnull\" = 0 THEN 'YES' ELSE 'NO' END \
                 FROM pragma_table_info(?)"
                    .to_string(),
                vec![Param::Text(self.sqlite_table(table)?.into())],
            ),
            Pool::Pg(_) => {
                let (filter, params) = self.catalogue_filter(table, 1, false);
                (
                    format!(
                        "SELECT CAST(column_name AS TEXT), \
                         CAST(CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS TEXT), \
                         CAST(character_maximum_length AS TEXT), CAST(is_nullable AS TEXT) \
                         FROM information_schema.columns WHERE {filter}"
                    ),
                    params,
                )
            }
            Pool::My(_) => {
                let (filter, params) = self.catalogue_filter(table, 1, false);
                (
                    format!(
                        "SELECT CAST(column_name AS CHAR), CAST(data_type AS CHAR), \
                         CAST(character_maximum_length AS CHAR), CAST(is_nullable AS CHAR) \
                         FROM information_schema.columns WHERE {filter}"
                    ),
                    params,
                )
            }
        };
        let rows = self.fetch(sql, &params).await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let text = |i: usize| r.get(i).and_then(|v| v.as_deref());
                Some((
                    text(0)?.to_string(),
                    Column {
                        ty: col_type(text(1).unwrap_or("")),
                        max_len: text(2).and_then(|v| v.parse().ok()),
                        nullable: text(3) == Some("YES"),
                    },
                ))
            })
            .collect())
    }

    /// A table whose name differs from `table` only in case, for "did you mean".
    async fn table_in_other_case(&self, table: &str) -> Option<String> {
        let (sql, params) = match self.pool {
            Pool::Lite(_) => (
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') \
                 AND LOWER(name) = LOWER(?)"
                    .to_string(),
                vec![Param::Text(table.into())],
            ),
            _ => {
                let (filter, params) = self.catalogue_filter(table, 1, true);
                (
                    format!(
                        "SELECT {} FROM information_schema.tables WHERE {filter}",
                        self.as_text("table_name")
                    ),
                    params,
                )
            }
        };
        let rows = self.fetch(sql, &params).await.ok()?;
        let bare = table.rsplit('.').next().unwrap_or(table);
        rows.into_iter()
            .filter_map(|r| r.into_iter().next().flatten())
            .find(|n| n != bare)
    }

    /// Every name the map uses must exist in the live database. The error names the first
    /// missing table or column, so the registry can refuse the map when it is saved. Reads
    /// the schema afresh, and keeps what it read for the jobs that follow.
    pub async fn check_schema(&self) -> Result<(), ConnectorError> {
        self.forget_schema();
        let schema = self.live_schema().await?;
        self.check_strategies(&schema)?;
        self.check_keys().await?;
        self.check_deletions().await?;
        *self.checked_at.lock().expect("schema cache") = Some(std::time::Instant::now());
        Ok(())
    }

    /// An erasure's preflight: the store answers now, and its map fits the live schema as
    /// [`check_schema`](Self::check_schema) found it at most `fresh_for` ago (else it checks
    /// again). A bulk erasure runs many preflights of each store a second; each reading the
    /// whole schema anew made the preflight four times the erasure's own time.
    pub async fn preflight(&self, fresh_for: std::time::Duration) -> Result<(), ConnectorError> {
        let fresh = self
            .checked_at
            .lock()
            .expect("schema cache")
            .is_some_and(|at| at.elapsed() < fresh_for);
        if fresh && self.has_schema() {
            self.pool
                .ping()
                .await
                .map_err(|e| self.refusal.explain(query_error(e)))
        } else {
            self.check_schema().await
        }
    }

    /// Drops the cached schema: the next job reads it again.
    pub fn forget_schema(&self) {
        *self.checked_at.lock().expect("schema cache") = None;
        *self.schema.lock().expect("schema cache") = None;
    }

    /// Whether a schema is cached (a failure may then come from a schema that changed).
    fn has_schema(&self) -> bool {
        self.schema.lock().expect("schema cache").is_some()
    }

    /// The live schema of the mapped tables, cached after the first read.
    async fn live_schema(&self) -> Result<std::sync::Arc<Schema>, ConnectorError> {
        if let Some(s) = self.schema.lock().expect("schema cache").clone() {
            return Ok(s);
        }
        let fresh = std::sync::Arc::new(self.read_schema().await?);
        *self.schema.lock().expect("schema cache") = Some(fresh.clone());
        Ok(fresh)
    }

    /// Each field's erasure strategy must fit its live column, so a store is refused when it
    /// is registered rather than failing (or erasing half a person) at erasure time: `hash`
    /// needs a text column with room for 64 hex digits, `redact` one with room for the
    /// marker, `null` a nullable column. SQLite does not enforce declared lengths, so only
    /// types and NOT NULL are checked there.
    fn check_strategies(&self, schema: &Schema) -> Result<(), ConnectorError> {
        // Rows of a delete_row table are deleted whole: its fields' strategies never run.
        for t in self.dataset.tables.iter().filter(|t| !deletes_rows(t)) {
            for (field, f) in &t.fields {
                let Some(col) = schema.get(&t.name).and_then(|cols| cols.get(field)) else {
                    continue;
                };
                if let Some(problem) =
                    strategy_problem(f.erasure, col.ty, col.max_len, col.nullable)
                {
                    return Err(ConnectorError::Schema(format!(
                        "{}.{field}: {problem}",
                        t.name
                    )));
                }
            }
        }
        Ok(())
    }

    /// The live foreign keys pointing into `table`: (child table, its column, ON DELETE rule).
    async fn foreign_keys_into(
        &self,
        table: &str,
    ) -> Result<Vec<(String, String, String)>, ConnectorError> {
        let (sql, params) = match self.pool {
            Pool::Pg(_) => (
                "SELECT CAST(CASE WHEN n.nspname = current_schema() THEN c.relname \
                 ELSE n.nspname || '.' || c.relname END AS TEXT), CAST(a.attname AS TEXT), \
                 CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' \
                 WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END \
                 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid \
                 JOIN pg_namespace n ON n.oid = c.relnamespace \
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] \
                 WHERE k.contype = 'f' AND k.confrelid = CAST(CAST($1 AS TEXT) AS regclass)"
                    .to_string(),
                vec![Param::Text(self.quote_table(table))],
            ),
            Pool::My(_) => {
                let (filter, params) = self.catalogue_filter(table, 1, false);
                let filter = filter
                    .replace("table_schema", "k.REFERENCED_TABLE_SCHEMA")
                    .replace("table_name", "k.REFERENCED_TABLE_NAME");
                (
                    format!(
                        "SELECT CAST(k.TABLE_NAME AS CHAR), CAST(k.COLUMN_NAME AS CHAR), \
                         CAST(r.DELETE_RULE AS CHAR) \
                         FROM information_schema.KEY_COLUMN_USAGE k \
                         JOIN information_schema.REFERENTIAL_CONSTRAINTS r \
                         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA \
                         AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME \
                         WHERE {filter}"
                    ),
                    params,
                )
            }
            Pool::Lite(_) => (
                "SELECT m.name, f.\"from\", f.on_delete FROM sqlite_master m \
                 JOIN pragma_foreign_key_list(m.name) f \
                 WHERE m.type = 'table' AND LOWER(f.\"table\") = LOWER(?)"
                    .to_string(),
                vec![Param::Text(self.sqlite_table(table)?.into())],
            ),
        };
        Ok(self
            .fetch(sql, &params)
            .await?
            .into_iter()
            .filter_map(|r| {
                let mut it = r.into_iter();
                Some((it.next()??, it.next()??, it.next()??))
            })
            .collect())
    }

    /// A `delete_row` table's rows can only go when nothing still points at them: each live
    /// foreign key into it must cascade (or set null), or come from a table of the map that
    /// is deleted too, reached through that very column (children are erased first).
    async fn check_deletions(&self) -> Result<(), ConnectorError> {
        for t in self.dataset.tables.iter().filter(|t| deletes_rows(t)) {
            for (child, column, rule) in self.foreign_keys_into(&t.name).await? {
                let rule = rule.to_ascii_uppercase();
                if rule.contains("CASCADE") || rule.starts_with("SET") {
                    continue;
                }
                let bare = |n: &str| n.rsplit('.').next().unwrap_or(n).to_ascii_lowercase();
                let covered = self.dataset.tables.iter().any(|m| {
                    (m.name.eq_ignore_ascii_case(&child) || bare(&m.name) == bare(&child))
                        && deletes_rows(m)
                        && m.references.iter().any(|(c, target)| {
                            c.eq_ignore_ascii_case(&column)
                                && split_target(target).is_some_and(|(tt, _)| tt == t.name)
                        })
                });
                if !covered {
                    return Err(ConnectorError::Schema(format!(
                        "{}: delete_row would leave rows of '{child}' pointing at deleted rows \
                         (its column '{column}' has no ON DELETE CASCADE); map '{child}' with \
                         delete_row and the reference '{column}' -> '{}.<key>', or add ON DELETE CASCADE",
                        t.name, t.name
                    )));
                }
            }
        }
        Ok(())
    }

    /// Statements that would let the email look-up use an index, for each identity column
    /// that has none (shown on the store page). PostgreSQL and SQLite need an expression
    /// index on exactly `LOWER(TRIM(column))`; MariaDB an ordinary index on the column.
    pub async fn index_advice(&self) -> Result<Vec<String>, ConnectorError> {
        let mut advice = Vec::new();
        for t in &self.dataset.tables {
            for (kind, column) in &t.identities {
                if *kind != IdentityKind::Email {
                    continue;
                }
                let bare = t.name.rsplit('.').next().unwrap_or(&t.name);
                let (sql, params, wanted) = match self.pool {
                    Pool::Pg(_) => {
                        let (filter, params) = self.catalogue_filter(&t.name, 1, false);
                        (
                            format!(
                                "SELECT CAST(indexdef AS TEXT) FROM pg_indexes WHERE {}",
                                filter
                                    .replace("table_schema", "schemaname")
                                    .replace("table_name", "tablename")
                            ),
                            params,
                            vec![
                                format!("lower(trim(bothfrom{column}))"),
                                format!("lower(btrim({column}))"),
                                format!("lower(trim({column}))"),
                            ],
                        )
                    }
                    Pool::Lite(_) => (
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND LOWER(tbl_name) = LOWER(?) \
                         AND sql IS NOT NULL"
                            .to_string(),
                        vec![Param::Text(bare.into())],
                        vec![format!("lower(trim({column}))")],
                    ),
                    Pool::My(_) => {
                        let (filter, mut params) = self.catalogue_filter(&t.name, 1, false);
                        params.push(Param::Text(column.clone()));
                        (
                            format!(
                                "SELECT CAST(column_name AS CHAR) FROM information_schema.statistics \
                                 WHERE {filter} AND seq_in_index = 1 AND column_name = ?"
                            ),
                            params,
                            vec![column.to_ascii_lowercase()],
                        )
                    }
                };
                let found = self.fetch(sql, &params).await?;
                let indexed = found
                    .iter()
                    .filter_map(|r| r.first()?.as_deref())
                    .any(|def| {
                        let def: String = def
                            .chars()
                            .filter(|c| !c.is_whitespace() && *c != '"' && *c != '`')
                            .collect::<String>()
                            .to_ascii_lowercase();
                        let col = column.to_ascii_lowercase();
                        wanted
                            .iter()
                            .any(|w| def.contains(&w.to_ascii_lowercase()) || def == col)
                    });
                if !indexed {
                    let name = self.quote(&format!("{bare}_{column}_lookup"));
                    let on = self.quote_table(&t.name);
                    let col = self.quote(column);
                    advice.push(match self.pool {
                        Pool::My(_) => format!("CREATE INDEX {name} ON {on} ({col})"),
                        _ => format!("CREATE INDEX {name} ON {on} (LOWER(TRIM({col})))"),
                    });
                }
            }
        }
        Ok(advice)
    }

    async fn read_schema(&self) -> Result<Schema, ConnectorError> {
        // SQLite and MariaDB compare column names without case; PostgreSQL does not once a
        // name is quoted, as every name Steward sends is.
        let folds_columns = !matches!(self.pool, Pool::Pg(_));
        let mut schema = HashMap::new();
        for t in &self.dataset.tables {
            let mut cols = self.read_columns(&t.name).await?;
            if cols.is_empty() {
                let hint = match self.table_in_other_case(&t.name).await {
                    Some(n) => format!("; did you mean '{n}'?"),
                    None => String::new(),
                };
                return Err(ConnectorError::Schema(format!(
                    "table '{}' does not exist{hint}",
                    t.name
                )));
            }
            for c in self.columns_used(t) {
                if cols.contains_key(&c) {
                    continue;
                }
                match cols.keys().find(|k| k.eq_ignore_ascii_case(&c)).cloned() {
                    Some(other) if folds_columns => {
                        let info = cols[&other];
                        cols.insert(c, info);
                    }
                    Some(other) => {
                        return Err(ConnectorError::Schema(format!(
                            "column '{}.{c}' does not exist; did you mean '{other}'?",
                            t.name
                        )));
                    }
                    None => {
                        return Err(ConnectorError::Schema(format!(
                            "column '{}.{c}' does not exist",
                            t.name
                        )));
                    }
                }
            }
            schema.insert(t.name.clone(), cols);
        }
        Ok(schema)
    }

    /// The columns of a table the map touches: key first, then fields, identity and
    /// reference columns, and the columns other tables point at. Nothing else is read.
    fn columns_used(&self, t: &steward_domain::dataset::Table) -> Vec<String> {
        let mut cols: Vec<String> = t.primary_key.columns().to_vec();
        let pointed_at = self
            .dataset
            .tables
            .iter()
            .flat_map(|o| o.references.values())
            .filter_map(|target| {
                let (tt, tc) = split_target(target)?;
                (tt == t.name).then(|| tc.to_string())
            });
        let all = t
            .fields
            .keys()
            .chain(t.identities.values())
            .chain(t.references.keys())
            .cloned()
            .chain(pointed_at);
        for c in all {
            if !cols.contains(&c) {
                cols.push(c);
            }
        }
        cols
    }

    /// The condition that finds rows whose `columns` hold one of `keys` (one value per column
    /// each), parameters numbered from `first`: `k IN (…)` for one column; for several a
    /// row-value comparison, `(k1, k2) IN ((…, …), …)`, which SQLite spells with a `VALUES`
    /// list. Used for a row's whole key and for a reference among its parents' values.
    fn key_filter(
        &self,
        cols: &HashMap<String, Column>,
        columns: &[String],
        keys: &[Vec<String>],
        first: usize,
    ) -> (String, Vec<Param>) {
        let parts: Vec<(String, ColType)> = columns
            .iter()
            .map(|c| {
                let ty = cols[c].ty;
                let quoted = self.quote(c);
                match ty {
                    ColType::Other => (self.as_text(&quoted), ty),
                    _ => (quoted, ty),
                }
            })
            .collect();
        let mut params = Vec::with_capacity(keys.len() * parts.len());
        let tuples: Vec<String> = keys
            .iter()
            .map(|k| {
                let marks: Vec<String> = parts
                    .iter()
                    .zip(k)
                    .map(|((_, ty), v)| {
                        params.push(match ty {
                            ColType::Other => Param::Text(v.clone()),
                            _ => Self::param_for(*ty, v),
                        });
                        self.placeholder(first + params.len() - 1)
                    })
                    .collect();
                match marks.as_slice() {
                    [one] => one.clone(),
                    many => format!("({})", many.join(", ")),
                }
            })
            .collect();
        match parts.as_slice() {
            [(lhs, _)] => (format!("{lhs} IN ({})", tuples.join(", ")), params),
            many => {
                let lhs = many
                    .iter()
                    .map(|(l, _)| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let list = match self.pool {
                    Pool::Lite(_) => format!("VALUES {}", tuples.join(", ")),
                    _ => tuples.join(", "),
                };
                (format!("({lhs}) IN ({list})"), params)
            }
        }
    }

    fn param_for(ty: ColType, value: &str) -> Param {
        match ty {
            ColType::Bytes => hex::decode(value)
                .map(Param::Bytes)
                .unwrap_or_else(|_| Param::Text(value.into())),
            ColType::Int => value
                .parse::<i64>()
                .map(Param::Int)
                .unwrap_or_else(|_| Param::Text(value.into())),
            _ => Param::Text(value.into()),
        }
    }

    /// The condition that finds a person by email however the store wrote it: any case,
    /// surrounding spaces ignored. PostgreSQL and SQLite compare `LOWER(TRIM(column))`, which
    /// an expression index on exactly that serves (`CREATE INDEX … ON t (LOWER(TRIM(email)))`);
    /// MariaDB's default collations already ignore case and trailing spaces, so a plain
    /// comparison keeps its ordinary index (a leading space there is not ignored).
    fn email_match(
        &self,
        column: &str,
        ty: ColType,
        email: &str,
        first: usize,
    ) -> (String, Vec<Param>) {
        let wanted = email.trim().to_lowercase();
        let col = match ty {
            ColType::Text => self.quote(column),
            _ => self.as_text(&self.quote(column)),
        };
        match self.pool {
            Pool::My(_) => {
                let mut values = vec![wanted.clone()];
                if email.trim() != wanted {
                    values.push(email.trim().to_string());
                }
                let marks = (first..first + values.len())
                    .map(|i| self.placeholder(i))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    format!("{col} IN ({marks})"),
                    values.into_iter().map(Param::Text).collect(),
                )
            }
            // SQL LOWER() may fold ASCII only: ask for both foldings of a non-ASCII address
            // (the rows are then checked exactly by the caller).
            _ => {
                let mut values = vec![wanted.clone()];
                let ascii = email.trim().to_ascii_lowercase();
                if ascii != wanted {
                    values.push(ascii);
                }
                let marks = (first..first + values.len())
                    .map(|i| self.placeholder(i))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    format!("LOWER(TRIM({col})) IN ({marks})"),
                    values.into_iter().map(Param::Text).collect(),
                )
            }
        }
    }

    /// Breadth-first from the subject's identities along references; every reached row, with
    /// the columns the map lists (and the keys needed to go on).
    async fn traverse(
        &self,
        subject: &Subject,
    ) -> Result<BTreeMap<String, Vec<Reached>>, ConnectorError> {
        let schema = self.live_schema().await?;
        let plan = self.dataset.plan();
        let mut reached: BTreeMap<String, Vec<Reached>> = BTreeMap::new();
        for step in &plan {
            let table = self
                .dataset
                .table(&step.table)
                .expect("plan names listed tables");
            let cols = &schema[&table.name];
            let read = self.columns_used(table);
            let select = read
                .iter()
                .map(|c| self.read_expr(&self.quote(c), cols[c].ty))
                .collect::<Vec<_>>()
                .join(", ");
            let from = self.quote_table(&table.name);
            let mut rows: Vec<Reached> = Vec::new();
            let mut seen: HashSet<Vec<String>> = HashSet::new();
            // The key columns are read first (`columns_used`).
            let key_len = table.primary_key.columns().len();
            let mut collect = |found: Vec<Vec<Option<String>>>, rows: &mut Vec<Reached>| {
                for r in found {
                    let Some(key) = r[..key_len].iter().cloned().collect::<Option<Vec<_>>>() else {
                        continue;
                    };
                    // Rows of a table without a key cannot be told apart: each is kept (it
                    // is reached one way only, so none is reached twice).
                    if key.is_empty() || seen.insert(key.clone()) {
                        rows.push(Reached {
                            key,
                            values: read.iter().cloned().zip(r).collect(),
                        });
                    }
                }
            };
            for (kind, column) in &table.identities {
                // The portal collects email only; other identity kinds come with connectors
                // that receive them.
                if *kind != IdentityKind::Email {
                    continue;
                }
                let (sql_where, params) =
                    self.email_match(column, cols[column].ty, &subject.email, 1);
                let sql = format!("SELECT {select} FROM {from} WHERE {sql_where}");
                let mut found = self.fetch(sql, &params).await?;
                // The database's comparison may be looser than "the same address" (MariaDB's
                // collations ignore accents, so josé@ would match jose@): keep only the rows
                // whose stored address is this one, whatever its case and spaces.
                let at = read
                    .iter()
                    .position(|c| c == column)
                    .expect("identities are read");
                let wanted = subject.email.trim().to_lowercase();
                found.retain(|r| {
                    r[at].as_deref().map(|v| v.trim().to_lowercase()).as_deref()
                        == Some(wanted.as_str())
                });
                collect(found, &mut rows);
            }
            for link in &step.via {
                let parent_keys = parent_values(&reached, &link.parent, &link.parent_column);
                for chunk in parent_keys.chunks(CHUNK) {
                    let (filter, params) =
                        self.key_filter(cols, std::slice::from_ref(&link.column), chunk, 1);
                    let sql = format!("SELECT {select} FROM {from} WHERE {filter}");
                    collect(self.fetch(sql, &params).await?, &mut rows);
                }
            }
            reached.insert(table.name.clone(), rows);
        }
        Ok(reached)
    }

    pub async fn access(&self, subject: &Subject) -> Result<Vec<FoundValue>, ConnectorError> {
        Ok(self.access_counted(subject).await?.0)
    }

    /// The subject's values, and how many rows each mapped table held for them.
    pub async fn access_counted(
        &self,
        subject: &Subject,
    ) -> Result<(Vec<FoundValue>, Vec<TableAccess>), ConnectorError> {
        let reached = self.traverse(subject).await?;
        let mut out = Vec::new();
        let mut tables = Vec::new();
        for step in self.dataset.plan() {
            let table = self.dataset.table(&step.table).expect("listed");
            tables.push(TableAccess {
                table: table.name.clone(),
                rows_reached: reached.get(&table.name).map_or(0, |r| r.len() as u64),
            });
            for (n, row) in reached.get(&table.name).into_iter().flatten().enumerate() {
                let record = record_of(table, n, row);
                for (field, f) in &table.fields {
                    out.push(FoundValue {
                        table: table.name.clone(),
                        record: record.clone(),
                        field: field.clone(),
                        category: f.category.clone(),
                        value: row.values.get(field).cloned().flatten(),
                    });
                }
            }
        }
        Ok((out, tables))
    }

    fn hash(&self, value: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key).expect("any key length");
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Applies the erasure strategies to every reached row in one transaction, children
    /// first, and reports what was done per table.
    pub async fn erase(&self, subject: &Subject) -> Result<Vec<TableErasure>, ConnectorError> {
        let schema = self.live_schema().await?;
        let reached = self.traverse(subject).await?;
        let mut stmts: Vec<Write> = Vec::new();
        // What each statement's row count is added to: (table index, which counter).
        let mut tally: Vec<(usize, Counter)> = Vec::new();
        let mut reports: Vec<TableErasure> = Vec::new();
        for name in self.dataset.erasure_order() {
            let table = self.dataset.table(&name).expect("listed");
            let rows = reached.get(&table.name).cloned().unwrap_or_default();
            let idx = reports.len();
            let mut report = TableErasure {
                table: table.name.clone(),
                rows_reached: rows.len() as u64,
                ..Default::default()
            };
            for (field, f) in &table.fields {
                if f.erasure == Some(Erasure::Retain) {
                    report
                        .retained
                        .push((field.clone(), f.basis.clone().unwrap_or_default()));
                }
            }
            reports.push(report);
            if rows.is_empty() {
                continue;
            }
            let cols = &schema[&table.name];
            let from = self.quote_table(&table.name);
            let keys = distinct_keys(&rows);
            let delete_rows = deletes_rows(table);
            let write = |sql: String, params: Vec<Param>, keys: usize| Write {
                sql,
                params,
                table: table.name.clone(),
                at_most: keys as u64,
            };
            let key_filter = |chunk: &[Vec<String>], first: usize| {
                self.key_filter(cols, table.primary_key.columns(), chunk, first)
            };
            let targets: Vec<Target<'_>> = if table.primary_key.is_none() {
                self.keyless_targets(table, cols, &rows, subject, &reached)
            } else {
                keys.chunks(CHUNK)
                    .map(|chunk| Target {
                        filter: Box::new(move |first| key_filter(chunk, first)),
                        at_most: chunk.len(),
                    })
                    .collect()
            };
            if delete_rows {
                for t in &targets {
                    let (filter, params) = (t.filter)(1);
                    stmts.push(write(
                        format!("DELETE FROM {from} WHERE {filter}"),
                        params,
                        t.at_most,
                    ));
                    tally.push((idx, Counter::Deleted));
                }
                continue;
            }
            // One statement per strategy, each only over rows it changes (a NULL stays NULL:
            // there is nothing to redact or hash), so each statement's row count is exactly
            // what the report says of that strategy.
            for (strategy, counter) in [
                (Erasure::Null, Counter::Nulled),
                (Erasure::Redact, Counter::Redacted),
            ] {
                let cols: Vec<String> = table
                    .fields
                    .iter()
                    .filter(|(_, f)| f.erasure == Some(strategy))
                    .map(|(n, _)| self.quote(n))
                    .collect();
                if cols.is_empty() {
                    continue;
                }
                let mut params: Vec<Param> = Vec::new();
                let sets: Vec<String> = cols
                    .iter()
                    .map(|c| match strategy {
                        Erasure::Null => format!("{c} = NULL"),
                        _ => {
                            params.push(Param::Text(REDACTED.into()));
                            format!(
                                "{c} = CASE WHEN {c} IS NULL THEN NULL ELSE {} END",
                                self.placeholder(params.len())
                            )
                        }
                    })
                    .collect();
                let any_value = cols
                    .iter()
                    .map(|c| format!("{c} IS NOT NULL"))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                for t in &targets {
                    let (filter, key_params) = (t.filter)(params.len() + 1);
                    let mut all = params.clone();
                    all.extend(key_params);
                    stmts.push(write(
                        format!(
                            "UPDATE {from} SET {} WHERE {filter} AND ({any_value})",
                            sets.join(", ")
                        ),
                        all,
                        t.at_most,
                    ));
                    tally.push((idx, counter));
                }
            }
            // Hashing writes row by row, by key: the map refuses it on a table without one.
            let hashed: Vec<&String> = table
                .fields
                .iter()
                .filter(|(_, f)| f.erasure == Some(Erasure::Hash))
                .map(|(n, _)| n)
                .collect();
            for row in &rows {
                let mut params = Vec::new();
                let mut sets = Vec::new();
                for field in &hashed {
                    if let Some(Some(value)) = row.values.get(*field) {
                        params.push(Param::Text(self.hash(value)));
                        sets.push(format!(
                            "{} = {}",
                            self.quote(field),
                            self.placeholder(params.len())
                        ));
                    }
                }
                if sets.is_empty() {
                    continue;
                }
                let (filter, key_params) =
                    key_filter(std::slice::from_ref(&row.key), params.len() + 1);
                params.extend(key_params);
                stmts.push(write(
                    format!("UPDATE {from} SET {} WHERE {filter}", sets.join(", ")),
                    params,
                    1,
                ));
                tally.push((idx, Counter::Hashed));
            }
        }
        let counts = self.execute_all(&stmts).await?;
        for ((idx, counter), n) in tally.into_iter().zip(counts) {
            let r = &mut reports[idx];
            match counter {
                Counter::Deleted => r.deleted += n,
                Counter::Nulled => r.nulled += n,
                Counter::Redacted => r.redacted += n,
                Counter::Hashed => r.hashed += n,
            }
        }
        reports.reverse();
        Ok(reports)
    }
}

/// The rows one write addresses: its condition, with parameters numbered from the place
/// given, and how many rows it may change.
struct Target<'a> {
    filter: Box<dyn Fn(usize) -> (String, Vec<Param>) + 'a>,
    at_most: usize,
}

impl SqlConnector {
    /// A table without a key is written by the one condition that reached it (the map allows
    /// only one): its identity column matching the subject, or its reference among the
    /// parent rows reached. Each write may change only as many rows as that condition found;
    /// a looser match in the database (a collation that ignores accents) rolls back.
    fn keyless_targets<'a>(
        &'a self,
        table: &'a steward_domain::dataset::Table,
        cols: &'a HashMap<String, Column>,
        rows: &'a [Reached],
        subject: &'a Subject,
        reached: &'a BTreeMap<String, Vec<Reached>>,
    ) -> Vec<Target<'a>> {
        if let Some((_, column)) = table.identities.iter().next() {
            return vec![Target {
                filter: Box::new(move |first| {
                    self.email_match(column, cols[column].ty, &subject.email, first)
                }),
                at_most: rows.len(),
            }];
        }
        let Some((column, target)) = table.references.iter().next() else {
            return Vec::new();
        };
        let Some((parent, parent_column)) = split_target(target) else {
            return Vec::new();
        };
        let parent_keys = parent_values(reached, parent, parent_column);
        parent_keys
            .chunks(CHUNK)
            .map(<[Vec<String>]>::to_vec)
            .map(|chunk| Target {
                at_most: rows
                    .iter()
                    .filter(|r| {
                        r.values
                            .get(column)
                            .cloned()
                            .flatten()
                            .is_some_and(|v| chunk.iter().any(|k| k[0] == v))
                    })
                    .count(),
                filter: Box::new(move |first| {
                    self.key_filter(cols, std::slice::from_ref(column), &chunk, first)
                }),
            })
            .collect()
    }
}

/// How the `n`th reached row of a table is named for people: by its key, or by its place
/// among the rows reached when the table has none.
fn record_of(table: &steward_domain::dataset::Table, n: usize, row: &Reached) -> String {
    if table.primary_key.is_none() {
        format!("row {}", n + 1)
    } else {
        table.primary_key.label(&row.key)
    }
}

/// The distinct values of `column` among the rows of `parent` reached, each as a one-column
/// key: what a reference to that column is looked up by.
fn parent_values(
    reached: &BTreeMap<String, Vec<Reached>>,
    parent: &str,
    column: &str,
) -> Vec<Vec<String>> {
    let mut values: Vec<String> = reached
        .get(parent)
        .into_iter()
        .flatten()
        .filter_map(|r| r.values.get(column).cloned().flatten())
        .collect();
    values.sort();
    values.dedup();
    values.into_iter().map(|v| vec![v]).collect()
}

/// The keys of the rows reached, each once (a row reached by two paths is one row).
fn distinct_keys(rows: &[Reached]) -> Vec<Vec<String>> {
    let mut seen = HashSet::new();
    rows.iter()
        .filter(|r| seen.insert(r.key.as_slice()))
        .map(|r| r.key.clone())
        .collect()
}

/// Which count of a table's erasure report a statement's rows go to.
#[derive(Debug, Clone, Copy)]
enum Counter {
    Deleted,
    Nulled,
    Redacted,
    Hashed,
}

impl Connector for SqlConnector {
    /// Runs the job on the cached schema; if the database refuses a query, the schema may
    /// have changed since it was read: read it again and retry once, so the job either
    /// succeeds or fails naming the table or column that is gone.
    async fn run(
        &self,
        job: Job,
        subject: &Subject,
        task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        let cached = self.has_schema();
        match self.run_once(job, subject, task).await {
            // Not an erasure: its preflight read the schema just before, and a MariaDB table
            // without transactions may have been half-changed by the failed attempt.
            Err(ConnectorError::Query(_)) if cached && job != Job::Erase => {
                self.forget_schema();
                self.run_once(job, subject, task).await
            }
            other => other,
        }
    }
}

impl SqlConnector {
    async fn run_once(
        &self,
        job: Job,
        subject: &Subject,
        _task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        match job {
            Job::Access => {
                let (values, tables) = self.access_counted(subject).await?;
                Ok(Outcome::Found {
                    values,
                    tables: Some(tables),
                })
            }
            Job::Erase => Ok(Outcome::Erased(self.erase(subject).await?)),
            // Only free text: a person reads it and acts, as for any request to judge.
            Job::Correct if subject.corrections.is_empty() => Ok(Outcome::ForOwner),
            Job::Correct => Ok(Outcome::Preview(self.preview_correction(subject).await?)),
            Job::Confirm => Ok(Outcome::ForOwner),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            SqlUrl::parse("postgres://u@h/db").unwrap(),
            SqlUrl::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(
            SqlUrl::parse("mariadb://root@h/db").unwrap(),
            SqlUrl::MySql("mysql://root@h/db".into())
        );
        assert_eq!(
            SqlUrl::parse("sqlite:///var/shop.db").unwrap(),
            SqlUrl::Sqlite("/var/shop.db".into())
        );
        assert!(SqlUrl::parse("sqlite://relative.db").is_err());
        assert!(SqlUrl::parse("oracle://x").is_err());
    }

    #[test]
    fn strategies_must_fit_the_column() {
        use Erasure::*;
        assert!(
            strategy_problem(Some(Hash), ColType::Text, Some(60), true)
                .unwrap()
                .contains("holds 60")
        );
        assert!(strategy_problem(Some(Hash), ColType::Text, Some(64), true).is_none());
        assert!(
            strategy_problem(Some(Hash), ColType::Text, None, true).is_none(),
            "SQLite"
        );
        assert!(strategy_problem(Some(Hash), ColType::Int, None, true).is_some());
        assert!(strategy_problem(Some(Redact), ColType::Text, Some(5), true).is_some());
        assert!(
            strategy_problem(Some(Null), ColType::Text, None, false)
                .unwrap()
                .contains("NOT NULL")
        );
        assert!(strategy_problem(Some(Null), ColType::Int, None, true).is_none());
        assert!(strategy_problem(Some(Retain), ColType::Int, Some(1), false).is_none());
        assert!(strategy_problem(None, ColType::Int, Some(1), false).is_none());
    }

    #[test]
    fn quoted_values_never_reach_messages() {
        assert_eq!(
            without_quoted_values("Duplicate entry 'ada@example.org' for key 'email'"),
            "Duplicate entry '…' for key '…'"
        );
        assert_eq!(without_quoted_values("no quotes"), "no quotes");
        assert_eq!(without_quoted_values("open 'end"), "open '…'");
    }

    #[test]
    fn column_types() {
        for (t, want) in [
            ("integer", ColType::Int),
            ("bigint", ColType::Int),
            ("INTEGER", ColType::Int),
            ("int", ColType::Int),
            ("character varying", ColType::Text),
            ("varchar", ColType::Text),
            ("TEXT", ColType::Text),
            ("", ColType::Text),
            ("uuid", ColType::Other),
            ("numeric", ColType::Other),
            ("timestamp without time zone", ColType::Other),
        ] {
            assert_eq!(col_type(t), want, "{t}");
        }
    }
}
