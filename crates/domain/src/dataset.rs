//! The dataset map of a SQL store: which tables hold personal data, how rows are found from
//! the subject's identities and from each other, and what erasure does to each field. Parsed
//! and checked here once; the SQL connector trusts it (and still checks names against the
//! live schema before use).

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde::{Deserialize, Serialize};

mod key;

pub use key::PrimaryKey;

/// How a field is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Erasure {
    Null,
    Redact,
    Hash,
    DeleteRow,
    Retain,
}

/// Ways a subject is identified; the request's email is the one the portal collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    Email,
    Phone,
    CustomerId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasure: Option<Erasure>,
    /// Why a retained field is kept (e.g. "tax records, 10 years").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub name: String,
    /// The column, or columns, that address one row (`"id"`, or `["a_id", "b_id"]`), or
    /// `null` for a table without a key. Never left out: through `deserialize_with`, a
    /// missing key is an error rather than "no key".
    #[serde(deserialize_with = "PrimaryKey::deserialize")]
    pub primary_key: PrimaryKey,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub identities: BTreeMap<IdentityKind, String>,
    /// `column -> "table.column"`: this table's rows belong to the referenced row.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub references: BTreeMap<String, String>,
    /// Table-level erasure (`delete_row`): reached rows are deleted, children first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasure: Option<Erasure>,
    #[serde(default)]
    pub fields: BTreeMap<String, Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    #[error("is not a valid dataset map: {0}")]
    Json(String),
    #[error("names no tables")]
    Empty,
    #[error(
        "'{0}' is not a plain SQL name (letters, digits and _ only, not starting with a digit)"
    )]
    BadName(String),
    #[error("table '{0}' appears twice")]
    DuplicateTable(String),
    #[error(
        "table '{table}': reference '{column} -> {target}' must point at a listed table's column, as table.column"
    )]
    BadReference {
        table: String,
        column: String,
        target: String,
    },
    #[error("table '{table}': field '{field}' is retained but gives no legal basis")]
    RetainWithoutBasis { table: String, field: String },
    #[error("table '{table}': a table-level erasure can only be delete_row")]
    BadTableErasure { table: String },
    #[error(
        "table '{0}' cannot be reached: it has no identity column and no reference to a reachable table"
    )]
    Unreachable(String),
    #[error(
        "table '{0}' has no key, so its rows can only be erased through the one column that reaches them: give it exactly one identity or one reference"
    )]
    KeylessReach(String),
    #[error(
        "table '{table}' has no key: '{field}' cannot be hashed, which writes each row by its key; use redact, null or delete_row"
    )]
    KeylessHash { table: String, field: String },
    #[error("no table has an identity column, so no subject can be found")]
    NoIdentities,
    #[error(
        "table '{table}': identity '{kind}' cannot be looked up, because requests carry an email address only; map an email column, or reach this table through a reference"
    )]
    UnsuppliedIdentity { table: String, kind: String },
}

/// A table as a database names it: a plain name, or `schema.table` (PostgreSQL's schemas,
/// MariaDB's databases).
pub fn is_table_name(s: &str) -> bool {
    match s.split_once('.') {
        Some((schema, table)) => is_plain_name(schema) && is_plain_name(table),
        None => is_plain_name(s),
    }
}

/// Splits `table.column` (where the table may itself be `schema.table`).
pub fn split_target(target: &str) -> Option<(&str, &str)> {
    target.rsplit_once('.')
}

/// A plain identifier: safe to quote and paste into SQL once it also exists in the live schema.
pub fn is_plain_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 63
}

impl Dataset {
    pub fn parse(json: &str) -> Result<Dataset, DatasetError> {
        let d: Dataset =
            serde_json::from_str(json).map_err(|e| DatasetError::Json(e.to_string()))?;
        d.validate()?;
        Ok(d)
    }

    /// A map as registered from now on: checked as [`Dataset::parse`] does, and every identity
    /// must be one requests carry (email). Kept apart from `parse` so maps saved before this
    /// rule still load; their other identities are simply never looked up.
    pub fn parse_for_registration(json: &str) -> Result<Dataset, DatasetError> {
        let d = Dataset::parse(json)?;
        for t in &d.tables {
            if let Some(kind) = t.identities.keys().find(|k| **k != IdentityKind::Email) {
                return Err(DatasetError::UnsuppliedIdentity {
                    table: t.name.clone(),
                    kind: serde_json::to_value(kind)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                });
            }
        }
        Ok(d)
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    fn validate(&self) -> Result<(), DatasetError> {
        if self.tables.is_empty() {
            return Err(DatasetError::Empty);
        }
        let mut seen = std::collections::HashSet::new();
        for t in &self.tables {
            if !is_table_name(&t.name) {
                return Err(DatasetError::BadName(t.name.clone()));
            }
            let names = t
                .primary_key
                .columns()
                .iter()
                .chain(t.identities.values())
                .chain(t.references.keys())
                .chain(t.fields.keys());
            for n in names {
                if !is_plain_name(n) {
                    return Err(DatasetError::BadName(n.clone()));
                }
            }
            if !seen.insert(t.name.as_str()) {
                return Err(DatasetError::DuplicateTable(t.name.clone()));
            }
            if t.erasure.is_some_and(|e| e != Erasure::DeleteRow) {
                return Err(DatasetError::BadTableErasure {
                    table: t.name.clone(),
                });
            }
            if t.primary_key.is_none() {
                if t.identities.len() + t.references.len() != 1 {
                    return Err(DatasetError::KeylessReach(t.name.clone()));
                }
                if let Some((field, _)) = t
                    .fields
                    .iter()
                    .find(|(_, f)| f.erasure == Some(Erasure::Hash))
                {
                    return Err(DatasetError::KeylessHash {
                        table: t.name.clone(),
                        field: field.clone(),
                    });
                }
            }
            for (field, f) in &t.fields {
                if f.erasure == Some(Erasure::Retain)
                    && f.basis.as_deref().is_none_or(|b| b.trim().is_empty())
                {
                    return Err(DatasetError::RetainWithoutBasis {
                        table: t.name.clone(),
                        field: field.clone(),
                    });
                }
            }
        }
        for t in &self.tables {
            for (column, target) in &t.references {
                let bad = || DatasetError::BadReference {
                    table: t.name.clone(),
                    column: column.clone(),
                    target: target.clone(),
                };
                let (tt, tc) = split_target(target).ok_or_else(bad)?;
                if !is_plain_name(tc) || self.table(tt).is_none() {
                    return Err(bad());
                }
            }
        }
        if self.tables.iter().all(|t| t.identities.is_empty()) {
            return Err(DatasetError::NoIdentities);
        }
        let plan = self.plan();
        if let Some(t) = self
            .tables
            .iter()
            .find(|t| !plan.iter().any(|s| s.table == t.name))
        {
            return Err(DatasetError::Unreachable(t.name.clone()));
        }
        Ok(())
    }

    /// The order in which rows are reached: identity tables first, then breadth-first along
    /// references from a referenced table to the tables that point at it. Erasure walks it
    /// backwards, so children go before their parents.
    pub fn plan(&self) -> Vec<Step> {
        let mut order: Vec<Step> = Vec::new();
        let mut queue: VecDeque<&str> = VecDeque::new();
        let mut reached: HashMap<&str, usize> = HashMap::new();
        for t in self.tables.iter().filter(|t| !t.identities.is_empty()) {
            reached.insert(&t.name, order.len());
            order.push(Step {
                table: t.name.clone(),
                via: Vec::new(),
            });
            queue.push_back(&t.name);
        }
        while let Some(parent) = queue.pop_front() {
            for child in &self.tables {
                for (column, target) in &child.references {
                    let Some((tt, tc)) = split_target(target) else {
                        continue;
                    };
                    // A table pointing at itself (referrer_id -> people.id) links different
                    // people, not one person's records: never followed.
                    if tt != parent || child.name == parent {
                        continue;
                    }
                    let link = Link {
                        column: column.clone(),
                        parent: tt.to_string(),
                        parent_column: tc.to_string(),
                    };
                    match reached.get(child.name.as_str()) {
                        Some(&i) => {
                            if !order[i].via.contains(&link) {
                                order[i].via.push(link);
                            }
                        }
                        None => {
                            reached.insert(&child.name, order.len());
                            order.push(Step {
                                table: child.name.clone(),
                                via: vec![link],
                            });
                            queue.push_back(&child.name);
                        }
                    }
                }
            }
        }
        order
    }
}

impl Dataset {
    /// The order erasure writes in: every table before the tables it references, so a
    /// child's rows go before the parent rows they point at, also when the child is reached
    /// by its own identity column (the traversal order puts identity tables first). A
    /// reference from a table to itself does not order anything; in a circle of references,
    /// the traversal's reverse order decides.
    pub fn erasure_order(&self) -> Vec<String> {
        let mut remaining: Vec<String> = self.plan().into_iter().rev().map(|s| s.table).collect();
        let mut order = Vec::with_capacity(remaining.len());
        while !remaining.is_empty() {
            let referenced_by_remaining = |name: &str| {
                remaining.iter().any(|other| {
                    other != name
                        && self.table(other).is_some_and(|t| {
                            t.references.values().any(|target| {
                                split_target(target).is_some_and(|(tt, _)| tt == name)
                            })
                        })
                })
            };
            let next = remaining
                .iter()
                .position(|n| !referenced_by_remaining(n))
                .unwrap_or(0);
            order.push(remaining.remove(next));
        }
        order
    }
}

/// One table in traversal order, with the references through which its rows are reached
/// (in addition to its own identity columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub table: String,
    pub via: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The column of this table holding the parent's key.
    pub column: String,
    pub parent: String,
    pub parent_column: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOP: &str = r#"{"tables": [
        {"name": "customers", "primary_key": "id", "identities": {"email": "email"},
         "fields": {"id": {"category": "user.id", "erasure": "retain", "basis": "key"},
                    "email": {"category": "user.contact.email", "erasure": "hash"},
                    "name": {"category": "user.name", "erasure": "redact"}}},
        {"name": "orders", "primary_key": "id", "references": {"customer_id": "customers.id"},
         "fields": {"total": {"category": "user.financial", "erasure": "retain", "basis": "tax records, 10 years"},
                    "shipping_address": {"category": "user.contact.address", "erasure": "null"}}},
        {"name": "order_items", "primary_key": "id", "references": {"order_id": "orders.id"},
         "erasure": "delete_row", "fields": {"sku": {"category": "user.behavior.purchase"}}}]}"#;

    #[test]
    fn the_spec_example_parses_and_plans_breadth_first() {
        let d = Dataset::parse(SHOP).unwrap();
        let plan = d.plan();
        let names: Vec<&str> = plan.iter().map(|s| s.table.as_str()).collect();
        assert_eq!(names, ["customers", "orders", "order_items"]);
        assert_eq!(
            plan[1].via,
            vec![Link {
                column: "customer_id".into(),
                parent: "customers".into(),
                parent_column: "id".into()
            }]
        );
        assert_eq!(
            d.table("order_items").unwrap().erasure,
            Some(Erasure::DeleteRow)
        );
    }

    #[test]
    fn erasure_goes_from_children_to_parents_even_when_a_child_is_an_identity_table() {
        // `newsletter` has an email column of its own and points at `customers`: the
        // traversal reaches it first, but erasure must delete it before its parent.
        let d = Dataset::parse(r#"{"tables": [
            {"name": "newsletter", "primary_key": "id", "identities": {"email": "email"},
             "references": {"customer_id": "customers.id"}, "erasure": "delete_row", "fields": {}},
            {"name": "customers", "primary_key": "id", "identities": {"email": "email"}, "erasure": "delete_row", "fields": {}},
            {"name": "groups", "primary_key": ["customer_id", "group_id"], "references": {"customer_id": "customers.id"}, "erasure": "delete_row", "fields": {}},
            {"name": "people", "primary_key": "id", "identities": {"email": "e"}, "references": {"referrer_id": "people.id"}, "fields": {}}]}"#).unwrap();
        let plan: Vec<String> = d.plan().into_iter().map(|s| s.table).collect();
        assert_eq!(plan, ["newsletter", "customers", "people", "groups"]);
        let order = d.erasure_order();
        let at = |t: &str| order.iter().position(|n| n == t).unwrap();
        assert!(at("newsletter") < at("customers"), "{order:?}");
        assert!(at("groups") < at("customers"), "{order:?}");
        assert_eq!(order.len(), 4);
        assert_eq!(
            d.table("groups").unwrap().primary_key.columns(),
            ["customer_id", "group_id"]
        );
    }

    #[test]
    fn several_paths_into_one_table_are_all_followed() {
        let d = Dataset::parse(r#"{"tables": [
            {"name": "a", "primary_key": "id", "identities": {"email": "mail"}, "fields": {}},
            {"name": "b", "primary_key": "id", "identities": {"email": "tel"}, "fields": {}},
            {"name": "c", "primary_key": "id", "references": {"a_id": "a.id", "b_id": "b.id"}, "fields": {}}]}"#).unwrap();
        let plan = d.plan();
        assert_eq!(plan.len(), 3);
        assert_eq!(plan[2].via.len(), 2);
    }

    #[test]
    fn cycles_terminate() {
        let d = Dataset::parse(r#"{"tables": [
            {"name": "people", "primary_key": "id", "identities": {"email": "email"}, "references": {"referrer_id": "people.id"}, "fields": {}}]}"#).unwrap();
        assert_eq!(d.plan().len(), 1);
        assert!(
            d.plan()[0].via.is_empty(),
            "a self-reference links other people: not followed"
        );
        let d = Dataset::parse(r#"{"tables": [
            {"name": "a", "primary_key": "id", "identities": {"email": "e"}, "references": {"b_id": "b.id"}, "fields": {}},
            {"name": "b", "primary_key": "id", "references": {"a_id": "a.id"}, "fields": {}}]}"#).unwrap();
        assert_eq!(d.plan().len(), 2, "a two-table cycle terminates");
    }

    #[test]
    fn rejects_what_cannot_be_trusted() {
        let cases = [
            (r#"{"tables": []}"#, "names no tables"),
            (
                r#"{"tables": [{"name": "x; DROP TABLE y", "primary_key": "id", "identities": {"email": "e"}, "fields": {}}]}"#,
                "not a plain SQL name",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "fields": {"a b": {"category": "c"}}}]}"#,
                "'a b'",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": ["id", "x y"], "identities": {"email": "e"}, "fields": {}}]}"#,
                "'x y'",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": [], "identities": {"email": "e"}, "fields": {}}]}"#,
                "primary_key names no column",
            ),
            (
                r#"{"tables": [{"name": "t", "identities": {"email": "e"}, "fields": {}}]}"#,
                "missing field `primary_key`",
            ),
            (
                r#"{"tables": [{"name": "c", "primary_key": "id", "identities": {"email": "e"}, "fields": {}},
                    {"name": "v", "primary_key": null, "identities": {"email": "e"}, "references": {"c_id": "c.id"}, "fields": {}}]}"#,
                "exactly one identity or one reference",
            ),
            (
                r#"{"tables": [{"name": "v", "primary_key": null, "identities": {"email": "e"},
                    "fields": {"e": {"category": "user.contact.email", "erasure": "hash"}}}]}"#,
                "'e' cannot be hashed",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "fields": {}}, {"name": "t", "primary_key": "id", "fields": {}}]}"#,
                "appears twice",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "references": {"x": "nowhere.id"}, "fields": {}}]}"#,
                "must point at a listed table",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "fields": {"f": {"category": "c", "erasure": "retain"}}}]}"#,
                "no legal basis",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "erasure": "hash", "fields": {}}]}"#,
                "table-level erasure",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "fields": {}}, {"name": "island", "primary_key": "id", "fields": {}}]}"#,
                "'island' cannot be reached",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "fields": {}}]}"#,
                "no table has an identity",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"passport": "p"}, "fields": {}}]}"#,
                "unknown variant",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "fields": {"f": {"category": "c", "erasure": "shred"}}}]}"#,
                "unknown variant",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e"}, "feilds": {}}]}"#,
                "unknown field",
            ),
            (r#"not json"#, "not a valid dataset map"),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"phone": "tel"}, "fields": {}}]}"#,
                "identity 'phone' cannot be looked up",
            ),
            (
                r#"{"tables": [{"name": "t", "primary_key": "id", "identities": {"email": "e", "customer_id": "id"}, "fields": {}}]}"#,
                "identity 'customer_id'",
            ),
            (
                r#"{"tables": [{"name": "a.b.c", "primary_key": "id", "identities": {"email": "e"}, "fields": {}}]}"#,
                "'a.b.c' is not a plain SQL name",
            ),
        ];
        for (json, expect) in cases {
            let err = Dataset::parse_for_registration(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(expect), "{json}\n=> {err}");
        }
    }

    #[test]
    fn schema_qualified_tables_are_named_and_referenced() {
        let d = Dataset::parse(r#"{"tables": [
            {"name": "sales.customers", "primary_key": "id", "identities": {"email": "email"}, "fields": {}},
            {"name": "sales.orders", "primary_key": "id", "references": {"customer_id": "sales.customers.id"}, "fields": {}}]}"#).unwrap();
        let plan = d.plan();
        assert_eq!(plan[1].via[0].parent, "sales.customers");
        assert_eq!(plan[1].via[0].parent_column, "id");
        assert!(is_table_name("sales.customers"));
        assert!(!is_table_name("sales."));
    }

    #[test]
    fn plain_names() {
        for ok in ["customers", "_x", "order_items2", "A"] {
            assert!(is_plain_name(ok), "{ok}");
        }
        for bad in [
            "",
            "1abc",
            "a-b",
            "a.b",
            "a\"b",
            "a;b",
            "ä",
            &"x".repeat(64),
        ] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }
}
