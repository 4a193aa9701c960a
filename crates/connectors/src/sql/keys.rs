//! A map's `primary_key` must name a column whose values are unique in the live table (its
//! primary key, or a column with a unique index of its own), because every correction and
//! erasure addresses rows by it: a shared value (a household id) would change another
//! person's rows. Checked when a store is registered or its map changed; every write also
//! compares the rows it changed with the keys it was given (`Write::at_most`).

use super::open::Pool;
use super::{ConnectorError, Param, SqlConnector};

impl SqlConnector {
    /// Refuses a map whose declared key is not unique in its live table.
    pub(super) async fn check_keys(&self) -> Result<(), ConnectorError> {
        for t in &self.dataset.tables {
            let unique = self.unique_columns(&t.name).await?;
            let same = |c: &String| match self.pool {
                // PostgreSQL keeps quoted names' case; the others compare without it.
                Pool::Pg(_) => *c == t.primary_key,
                _ => c.eq_ignore_ascii_case(&t.primary_key),
            };
            if !unique.iter().any(same) {
                return Err(ConnectorError::Schema(format!(
                    "{}.{}: the primary_key must be the table's primary key or have a unique \
                     index of its own (a value shared by several rows would let a correction \
                     or erasure change other people's rows)",
                    t.name, t.primary_key
                )));
            }
        }
        Ok(())
    }

    /// The columns of `table` that are unique on their own: a one-column primary key or a
    /// one-column unique index without a condition or expression.
    async fn unique_columns(&self, table: &str) -> Result<Vec<String>, ConnectorError> {
        let (sql, params) = match self.pool {
            Pool::Pg(_) => (
                "SELECT CAST(a.attname AS TEXT) FROM pg_index i \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] \
                 WHERE i.indrelid = CAST(CAST($1 AS TEXT) AS regclass) AND i.indisunique \
                 AND i.indnatts = 1 AND i.indpred IS NULL AND i.indexprs IS NULL"
                    .to_string(),
                vec![Param::Text(self.quote_table(table))],
            ),
            Pool::My(_) => {
                let (filter, params) = self.catalogue_filter(table, 1, false);
                (
                    format!(
                        "SELECT CAST(MAX(column_name) AS CHAR) FROM information_schema.statistics \
                         WHERE {filter} AND non_unique = 0 AND sub_part IS NULL \
                         GROUP BY index_name HAVING COUNT(*) = 1"
                    ),
                    params,
                )
            }
            Pool::Lite(_) => {
                let name = self.sqlite_table(table)?.to_string();
                (
                    "SELECT name FROM pragma_table_info(?) WHERE pk = 1 \
                     AND (SELECT COUNT(*) FROM pragma_table_info(?) WHERE pk > 0) = 1 \
                     UNION ALL \
                     SELECT (SELECT name FROM pragma_index_info(l.name)) \
                     FROM pragma_index_list(?) l WHERE l.\"unique\" = 1 AND l.partial = 0 \
                     AND (SELECT COUNT(*) FROM pragma_index_info(l.name)) = 1"
                        .to_string(),
                    vec![
                        Param::Text(name.clone()),
                        Param::Text(name.clone()),
                        Param::Text(name),
                    ],
                )
            }
        };
        Ok(self
            .fetch(sql, &params)
            .await?
            .into_iter()
            .filter_map(|r| r.into_iter().next().flatten())
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
            matches!(&err, ConnectorError::Schema(m) if m.contains("changed 2 rows for 1 key")),
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
