//! The SQLite and PostgreSQL migrations are kept as two folders (diesel runs one per
//! backend); this fails as soon as the schemas they produce drift apart: a column, its type
//! family, whether it may be null, its default, or an index (its columns in order, unique or
//! not, partial or not).

use std::collections::BTreeSet;

use diesel::RunQueryDsl;
use diesel::sql_types::{Bool, Nullable, Text};
use steward::db::{DatabaseUrl, Db, DbConn};

use crate::support::{Backend, FreshDatabase, backends};

#[derive(diesel::QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    declared: String,
    #[diesel(sql_type = Nullable<Text>)]
    default_value: Option<String>,
    #[diesel(sql_type = Bool)]
    nullable: bool,
    #[diesel(sql_type = Bool)]
    primary_key: bool,
}

#[derive(diesel::QueryableByName, Debug)]
struct Index {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    columns: String,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Bool)]
    partial: bool,
}

/// A column as both backends must agree on it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Shape {
    table: String,
    column: String,
    family: &'static str,
    nullable: bool,
    default: Option<String>,
}

/// The type a column is read and written as, whatever each backend calls it.
fn family(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    match t.split('(').next().unwrap().trim() {
        "text" | "varchar" | "character varying" | "char" | "character" => "text",
        "integer" | "int" | "int4" => "integer",
        "bigint" | "int8" => "bigint",
        "boolean" | "bool" => "boolean",
        "timestamp" | "datetime" | "timestamp without time zone" => "timestamp",
        "date" => "date",
        "blob" | "bytea" => "binary",
        "real" | "double" | "double precision" | "float" => "float",
        _ => panic!("a column type the drift test does not know: {declared}"),
    }
}

/// A default as written, without PostgreSQL's casts and with booleans spelled one way.
fn default(value: Option<String>, family: &str) -> Option<String> {
    let mut v = value?.trim().to_ascii_lowercase();
    while v.starts_with('(') && v.ends_with(')') {
        v = v[1..v.len() - 1].trim().to_string();
    }
    if let Some(i) = v.find("::") {
        v.truncate(i);
    }
    Some(match (family, v.as_str()) {
        ("boolean", "0") => "false".into(),
        ("boolean", "1") => "true".into(),
        _ => v,
    })
}

struct Schema {
    columns: BTreeSet<Shape>,
    indexes: BTreeSet<(String, String, bool, bool)>,
}

const SQLITE_COLUMNS: &str = "SELECT m.name AS table_name, p.name AS column_name, \
        p.type AS declared, p.dflt_value AS default_value, \
        (p.\"notnull\" = 0) AS nullable, (p.pk > 0) AS primary_key \
     FROM sqlite_master m JOIN pragma_table_info(m.name) p \
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
       AND m.name <> '__diesel_schema_migrations'";

const SQLITE_INDEXES: &str = "SELECT m.name AS table_name, \
        group_concat(coalesce(ii.name, '<expression>'), ',') AS columns, \
        (il.\"unique\" = 1) AS is_unique, (il.partial = 1) AS partial \
     FROM sqlite_master m JOIN pragma_index_list(m.name) il \
     JOIN pragma_index_xinfo(il.name) ii \
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
       AND m.name <> '__diesel_schema_migrations' AND il.origin <> 'pk' AND ii.key = 1 \
     GROUP BY m.name, il.name, il.\"unique\", il.partial";

const POSTGRES_COLUMNS: &str = "SELECT c.table_name::text AS table_name, \
        c.column_name::text AS column_name, c.data_type::text AS declared, \
        c.column_default::text AS default_value, \
        (c.is_nullable = 'YES') AS nullable, \
        EXISTS (SELECT 1 FROM information_schema.key_column_usage k \
                JOIN information_schema.table_constraints t \
                  ON t.constraint_name = k.constraint_name \
                 AND t.table_name = k.table_name \
                WHERE t.constraint_type = 'PRIMARY KEY' \
                  AND k.table_name = c.table_name \
                  AND k.column_name = c.column_name) AS primary_key \
     FROM information_schema.columns c \
     WHERE c.table_schema = 'public' \
       AND c.table_name <> '__diesel_schema_migrations'";

const POSTGRES_INDEXES: &str = "SELECT t.relname::text AS table_name, \
        string_agg(coalesce(a.attname::text, '<expression>'), ',' ORDER BY k.ord) AS columns, \
        ix.indisunique AS is_unique, (ix.indpred IS NOT NULL) AS partial \
     FROM pg_index ix \
     JOIN pg_class t ON t.oid = ix.indrelid \
     JOIN pg_class i ON i.oid = ix.indexrelid \
     JOIN pg_namespace n ON n.oid = t.relnamespace \
     CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
     WHERE n.nspname = 'public' AND NOT ix.indisprimary \
       AND t.relname <> '__diesel_schema_migrations' \
     GROUP BY t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL";

/// The migrated schema; primary-key columns count as not null on both backends (SQLite does
/// not mark them so).
fn migrated(backend: Backend) -> Schema {
    let dir = std::env::temp_dir().join(format!("steward-schema-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let database = FreshDatabase::new(backend, &dir);
    let db = Db::connect(&DatabaseUrl::parse(&database.url).unwrap()).unwrap();
    db.migrate().unwrap();
    let mut conn = db.get().unwrap();
    let (columns, indexes) = match &**conn {
        DbConn::Sqlite(_) => (SQLITE_COLUMNS, SQLITE_INDEXES),
        DbConn::Postgres(_) => (POSTGRES_COLUMNS, POSTGRES_INDEXES),
    };
    let columns: Vec<Column> = diesel::sql_query(columns).load(&mut **conn).unwrap();
    let indexes: Vec<Index> = diesel::sql_query(indexes).load(&mut **conn).unwrap();
    drop(conn);
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
    Schema {
        columns: columns
            .into_iter()
            .map(|c| {
                let family = family(&c.declared);
                Shape {
                    default: default(c.default_value, family),
                    table: c.table_name,
                    column: c.column_name,
                    family,
                    nullable: c.nullable && !c.primary_key,
                }
            })
            .collect(),
        indexes: indexes
            .into_iter()
            .map(|i| (i.table_name, i.columns, i.is_unique, i.partial))
            .collect(),
    }
}

fn differences<T: Ord + std::fmt::Debug>(
    what: &str,
    sqlite: &BTreeSet<T>,
    pg: &BTreeSet<T>,
) -> String {
    let only_sqlite: Vec<_> = sqlite.difference(pg).collect();
    let only_postgres: Vec<_> = pg.difference(sqlite).collect();
    if only_sqlite.is_empty() && only_postgres.is_empty() {
        return String::new();
    }
    format!(
        "\n{what}:\n  only in SQLite: {only_sqlite:#?}\n  only in PostgreSQL: {only_postgres:#?}"
    )
}

#[test]
fn sqlite_and_postgresql_migrations_make_the_same_schema() {
    if !backends().contains(&Backend::Postgres) {
        eprintln!("NOTE: PostgreSQL not reachable: migration drift check SKIPPED");
        return;
    }
    let sqlite = migrated(Backend::Sqlite);
    let postgres = migrated(Backend::Postgres);
    assert!(sqlite.columns.len() > 50, "the schema was read");
    assert!(sqlite.indexes.len() > 10, "the indexes were read");
    assert!(
        sqlite.columns.iter().any(|c| c.default.is_some()),
        "the defaults were read"
    );
    let report = differences("columns", &sqlite.columns, &postgres.columns)
        + &differences("indexes", &sqlite.indexes, &postgres.indexes);
    assert!(
        report.is_empty(),
        "migrations/sqlite and migrations/postgres drifted:{report}"
    );
}

#[test]
fn type_families_and_defaults_are_compared_as_written() {
    assert_eq!(family("TEXT"), family("character varying"));
    assert_ne!(family("INTEGER"), family("bigint"));
    assert_eq!(family("TIMESTAMP"), family("timestamp without time zone"));
    assert_eq!(default(Some("0".into()), "boolean"), Some("false".into()));
    assert_eq!(
        default(Some("'open'::text".into()), "text"),
        default(Some("'open'".into()), "text")
    );
    assert_ne!(
        default(Some("'open'".into()), "text"),
        default(Some("'opened'".into()), "text")
    );
}
