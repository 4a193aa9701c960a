//! The SQLite and PostgreSQL migrations are kept as two folders (diesel runs one per
//! backend); this fails as soon as the schemas they produce drift apart.

use std::collections::BTreeSet;

use diesel::RunQueryDsl;
use diesel::sql_types::{Bool, Text};
use steward::db::{DatabaseUrl, Db, DbConn};

use crate::support::{Backend, FreshDatabase, backends};

#[derive(diesel::QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
    #[diesel(sql_type = Bool)]
    primary_key: bool,
}

/// Every (table, column, nullable) of the migrated schema; primary-key columns count as
/// not null on both backends (SQLite does not mark them so).
fn migrated_columns(backend: Backend) -> BTreeSet<(String, String, bool)> {
    let dir = std::env::temp_dir().join(format!("steward-schema-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let database = FreshDatabase::new(backend, &dir);
    let db = Db::connect(&DatabaseUrl::parse(&database.url).unwrap()).unwrap();
    db.migrate().unwrap();
    let mut conn = db.get().unwrap();
    let query = match &*conn {
        DbConn::Sqlite(_) => {
            "SELECT m.name AS table_name, p.name AS column_name, \
                    (p.\"notnull\" = 0) AS nullable, (p.pk > 0) AS primary_key \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
               AND m.name <> '__diesel_schema_migrations'"
        }
        DbConn::Postgres(_) => {
            "SELECT c.table_name::text AS table_name, c.column_name::text AS column_name, \
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
               AND c.table_name <> '__diesel_schema_migrations'"
        }
    };
    let rows: Vec<Column> = diesel::sql_query(query).load(&mut *conn).unwrap();
    drop(conn);
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
    rows.into_iter()
        .map(|c| (c.table_name, c.column_name, c.nullable && !c.primary_key))
        .collect()
}

#[test]
fn sqlite_and_postgresql_migrations_make_the_same_schema() {
    if !backends().contains(&Backend::Postgres) {
        eprintln!("NOTE: PostgreSQL not reachable: migration drift check SKIPPED");
        return;
    }
    let sqlite = migrated_columns(Backend::Sqlite);
    let postgres = migrated_columns(Backend::Postgres);
    assert!(sqlite.len() > 50, "the schema was read: {sqlite:?}");
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "migrations/sqlite and migrations/postgres drifted:\n  only in SQLite: {only_sqlite:?}\n  only in PostgreSQL: {only_postgres:?}"
    );
}
