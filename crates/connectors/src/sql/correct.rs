//! Corrections in a SQL store: a preview of every field of the subject's rows that a
//! requested category covers (before, after, and why a field cannot change), and the approved
//! changes applied in one transaction with bound parameters.

use std::collections::BTreeMap;

use super::{ColType, Param, SqlConnector};
use crate::connector::{ConnectorError, FieldChange, Subject, TableCorrection};
use steward_domain::correction::{CorrectionCategory, column_problem};
use steward_domain::dataset::{Erasure, split_target};

/// One approved change: set `field` of `table` to `value` in all the subject's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    pub table: String,
    pub field: String,
    pub value: String,
}

impl SqlConnector {
    /// The mapped fields a category covers, per table: (table, field, category, retained basis).
    fn fields_for(
        &self,
        subject: &Subject,
    ) -> Vec<(String, String, CorrectionCategory, String, Option<String>)> {
        let mut out = Vec::new();
        for t in &self.dataset.tables {
            // Keys and links hold the rows together: a correction never rewrites them.
            let links: Vec<&String> = self
                .columns_used(t)
                .iter()
                .filter(|c| {
                    t.primary_key.contains(c)
                        || t.references.contains_key(*c)
                        || self.dataset.tables.iter().any(|o| {
                            o.references.values().any(|target| {
                                split_target(target) == Some((t.name.as_str(), c.as_str()))
                            })
                        })
                })
                .filter_map(|c| t.fields.get_key_value(c).map(|(k, _)| k))
                .collect();
            for (field, f) in &t.fields {
                let Some(category) = CorrectionCategory::of_code(&f.category) else {
                    continue;
                };
                let Some(wanted) = subject.corrections.iter().find(|c| c.category == category)
                else {
                    continue;
                };
                let retained = if t.primary_key.is_none() {
                    Some(
                        "the table has no key, so its rows cannot be changed one by one"
                            .to_string(),
                    )
                } else if links.contains(&field) {
                    Some("a key that links records".to_string())
                } else {
                    (f.erasure == Some(Erasure::Retain))
                        .then(|| f.basis.clone().unwrap_or_default())
                };
                out.push((
                    t.name.clone(),
                    field.clone(),
                    category,
                    wanted.value.clone(),
                    retained,
                ));
            }
        }
        out
    }

    /// What the correction would change, field by field of each of the subject's rows; nothing
    /// is written. A value that does not fit its live column, and a field kept with a legal
    /// basis, are shown refused with the reason.
    pub async fn preview_correction(
        &self,
        subject: &Subject,
    ) -> Result<Vec<FieldChange>, ConnectorError> {
        let schema = self.live_schema().await?;
        let reached = self.traverse(subject).await?;
        let mut out = Vec::new();
        for (table, field, category, after, retained) in self.fields_for(subject) {
            let col = schema[&table][&field];
            let refused = match retained {
                Some(basis) => Some(format!("kept unchanged: retained ({basis})")),
                None => column_problem(&after, col.ty == ColType::Text, col.max_len)
                    .map(|p| format!("{table}.{field}: {p}")),
            };
            let t = self
                .dataset
                .table(&table)
                .expect("fields_for names listed tables");
            for (n, row) in reached.get(&table).into_iter().flatten().enumerate() {
                out.push(FieldChange {
                    table: table.clone(),
                    record: super::record_of(t, n, row),
                    field: field.clone(),
                    category,
                    before: row.values.get(&field).cloned().flatten(),
                    after: after.clone(),
                    refused: refused.clone(),
                });
            }
        }
        Ok(out)
    }

    /// Each approved value must name a mapped field and fit its live column.
    pub async fn check_fit(&self, approved: &[Approved]) -> Result<(), ConnectorError> {
        let schema = self.live_schema().await?;
        self.fit(&schema, approved).map(|_| ())
    }

    fn fit<'a>(
        &self,
        schema: &super::Schema,
        approved: &'a [Approved],
    ) -> Result<BTreeMap<String, Vec<&'a Approved>>, ConnectorError> {
        let mut by_table: BTreeMap<String, Vec<&Approved>> = BTreeMap::new();
        for a in approved {
            let table = self
                .dataset
                .table(&a.table)
                .filter(|t| t.fields.contains_key(&a.field))
                .ok_or_else(|| {
                    ConnectorError::Schema(format!("{}.{} is not in the map", a.table, a.field))
                })?;
            if table.primary_key.is_none() {
                return Err(ConnectorError::Schema(format!(
                    "{}.{}: the table has no key, so its rows cannot be corrected one by one",
                    a.table, a.field
                )));
            }
            let is_link = table.primary_key.contains(&a.field)
                || table.references.contains_key(&a.field)
                || self.dataset.tables.iter().any(|o| {
                    o.references.values().any(|target| {
                        split_target(target) == Some((table.name.as_str(), a.field.as_str()))
                    })
                });
            if is_link {
                return Err(ConnectorError::Schema(format!(
                    "{}.{} links records and is never corrected",
                    a.table, a.field
                )));
            }
            let col = schema[&table.name][&a.field];
            if let Some(p) = column_problem(&a.value, col.ty == ColType::Text, col.max_len) {
                return Err(ConnectorError::Schema(format!(
                    "{}.{}: {p}",
                    a.table, a.field
                )));
            }
            by_table.entry(table.name.clone()).or_default().push(a);
        }
        Ok(by_table)
    }

    /// Applies approved changes to every row of the subject in one transaction, after checking
    /// again that each value fits its live column; reports rows updated per table.
    pub async fn apply_correction(
        &self,
        subject: &Subject,
        approved: &[Approved],
    ) -> Result<Vec<TableCorrection>, ConnectorError> {
        let schema = self.live_schema().await?;
        let by_table = self.fit(&schema, approved)?;
        // Found with the identity as it is now, before a corrected email changes it.
        let reached = self.traverse(subject).await?;
        let mut stmts: Vec<super::Write> = Vec::new();
        let mut report: Vec<TableCorrection> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        for (table, changes) in &by_table {
            let table = table.as_str();
            let t = self.dataset.table(table).expect("checked above");
            let keys = super::distinct_keys(reached.get(table).map_or(&[][..], |r| &r[..]));
            report.push(TableCorrection {
                table: table.to_string(),
                fields: changes.iter().map(|c| c.field.clone()).collect(),
                rows_updated: 0,
            });
            for chunk in keys.chunks(super::CHUNK) {
                let mut params: Vec<Param> = Vec::new();
                let sets: Vec<String> = changes
                    .iter()
                    .map(|c| {
                        params.push(Param::Text(c.value.clone()));
                        format!(
                            "{} = {}",
                            self.quote(&c.field),
                            self.placeholder(params.len())
                        )
                    })
                    .collect();
                let (filter, key_params) = self.key_filter(
                    &schema[table],
                    t.primary_key.columns(),
                    chunk,
                    params.len() + 1,
                );
                params.extend(key_params);
                stmts.push(super::Write {
                    sql: format!(
                        "UPDATE {} SET {} WHERE {filter}",
                        self.quote_table(table),
                        sets.join(", ")
                    ),
                    params,
                    table: table.to_string(),
                    at_most: chunk.len() as u64,
                });
                owner.push(report.len() - 1);
            }
        }
        let counts = self.execute_all(&stmts).await?;
        for (i, n) in owner.into_iter().zip(counts) {
            report[i].rows_updated += n;
        }
        Ok(report)
    }
}
