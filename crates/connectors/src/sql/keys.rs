//! A map's `primary_key` must name a column, or columns, whose values are unique together in
//! the live table (its primary key, or a unique index on exactly those columns), because every
//! correction and erasure addresses rows by it: a shared value (a household id) would change another
//! person's rows. Checked when a store is registered or its map changed; every write also
//! compares the rows it changed with the keys it was given (`Write::at_most`).

use super::open::Pool;
use super::{ConnectorError, Param, SqlConnector};

impl SqlConnector {
    /// Refuses a map whose declared key is not unique in its live table: its column, or its
    /// set of columns, must be the table's primary key or a unique index.
    pub(super) async fn check_keys(&self) -> Result<(), ConnectorError> {
        // A table without a key is written by the condition that reached it instead.
        for t in self
            .dataset
            .tables
            .iter()
            .filter(|t| !t.primary_key.is_none())
        {
            let same = |a: &String, b: &String| match self.pool {
                // PostgreSQL keeps quoted names' case; the others compare without it.
                Pool::Pg(_) => a == b,
                _ => a.eq_ignore_ascii_case(b),
            };
            let declared = t.primary_key.columns();
            let unique = self.unique_keys(&t.name).await?.into_iter().any(|index| {
                index.len() == declared.len()
                    && declared.iter().all(|d| index.iter().any(|c| same(c, d)))
            });
            if !unique {
                return Err(ConnectorError::Schema(format!(
                    "{}.{}: the primary_key must be the table's primary key or a unique index \
                     on exactly these columns (a value shared by several rows would let a \
                     correction or erasure change other people's rows)",
                    t.name, t.primary_key
                )));
            }
        }
        Ok(())
    }

    /// The column sets of `table` that are unique: its primary key and every unique index
    /// without a condition or expression.
    async fn unique_keys(&self, table: &str) -> Result<Vec<Vec<String>>, ConnectorError> {
        // Rows of (index, column).
        let (sql, params) = match self.pool {
            Pool::Pg(_) => (
                "SELECT CAST(i.indexrelid AS TEXT), CAST(a.attname AS TEXT) FROM pg_index i \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
                 WHERE i.indrelid = CAST(CAST($1 AS TEXT) AS regclass) AND i.indisunique \
                 AND i.indpred IS NULL AND i.indexprs IS NULL"
                    .to_string(),
                vec![Param::Text(self.quote_table(table))],
            ),
            Pool::My(_) => {
                let (filter, params) = self.catalogue_filter(table, 1, false);
                (
                    format!(
                        "SELECT CAST(index_name AS CHAR), CAST(column_name AS CHAR) \
                         FROM information_schema.statistics \
                         WHERE {filter} AND non_unique = 0 AND sub_part IS NULL"
                    ),
                    params,
                )
            }
            Pool::Lite(_) => {
                let name = self.sqlite_table(table)?.to_string();
                // An expression in an index has no column name: such an index is left out.
                (
                    "SELECT '(primary key)', name FROM pragma_table_info(?) WHERE pk > 0 \
                     UNION ALL \
                     SELECT l.name, i.name FROM pragma_index_list(?) AS l \
                     JOIN pragma_index_info(l.name) AS i \
                     WHERE l.\"unique\" = 1 AND l.partial = 0"
                        .to_string(),
                    vec![Param::Text(name.clone()), Param::Text(name)],
                )
            }
        };
        let mut by_index: std::collections::BTreeMap<String, Vec<Option<String>>> =
            Default::default();
        for row in self.fetch(sql, &params).await? {
            let mut row = row.into_iter();
            let (Some(Some(index)), Some(column)) = (row.next(), row.next()) else {
                continue;
            };
            by_index.entry(index).or_default().push(column);
        }
        Ok(by_index
            .into_values()
            .filter_map(|cols| cols.into_iter().collect::<Option<Vec<_>>>())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{SqlConnector, SqlUrl};
    use crate::connector::{ConnectorError, Subject};
    use crate::reach::Reach;
    use steward_domain::dataset::Dataset;

    /// The last guard, below the checks at registration and before an erasure: if a key
    /// stopped being unique after the schema was read, the write that changes more rows than
    /// it has keys rolls back, and nobody's row changes.
    #[tokio::test]
    async fn a_write_reaching_more_rows_than_keys_rolls_back() {
        let dir = std::env::temp_dir().join(format!("steward-keys-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("members.db");
        let _ = std::fs::remove_file(&file);
        let url = format!("sqlite://{}?mode=rwc", file.display());
        let setup = sqlx::SqlitePool::connect(&url).await.unwrap();
        for sql in [
            "CREATE TABLE members (id INTEGER PRIMARY KEY, household TEXT NOT NULL, name TEXT, email TEXT)",
            "CREATE UNIQUE INDEX members_household ON members (household)",
            "INSERT INTO members VALUES (1, 'h1', 'Jane', 'jane@example.org'), (2, 'h2', 'John', 'john@example.org')",
        ] {
            sqlx::query(sql).execute(&setup).await.unwrap();
        }
        let dataset = Dataset::parse(
            r#"{"tables": [{"name": "members", "primary_key": "household",
                "identities": {"email": "email"},
                "fields": {"name": {"category": "user.name", "erasure": "redact"}}}]}"#,
        )
        .unwrap();
        let reach = Reach::default().with_sqlite(Some(dir.clone()), Vec::new());
        let store = SqlConnector::connect(
            &SqlUrl::Sqlite(file.display().to_string()),
            dataset,
            b"key".to_vec(),
            &reach,
        )
        .await
        .unwrap();
        store.check_schema().await.expect("unique when registered");

        // The table changes behind the cached schema: the key is shared now.
        sqlx::query("DROP INDEX members_household")
            .execute(&setup)
            .await
            .unwrap();
        sqlx::query("UPDATE members SET household = 'h1' WHERE id = 2")
            .execute(&setup)
            .await
            .unwrap();
        let err = store
            .erase(&Subject::by_email("jane@example.org".into()))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, ConnectorError::Schema(m) if m.contains("changed 2 rows but was meant for 1")),
            "{err}"
        );
        let names: Vec<(String,)> = sqlx::query_as("SELECT name FROM members ORDER BY id")
            .fetch_all(&setup)
            .await
            .unwrap();
        assert_eq!(names, [("Jane".to_string(),), ("John".to_string(),)]);
        assert!(
            store.check_schema().await.is_err(),
            "and the map is refused now"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
