//! A table's key as a map names it: one column (`"id"`), several for a table keyed by more
//! than one (`["id_customer", "id_group"]`, a link table's), or `null` for a table that has
//! none (a log of visits or searches). Every correction and erasure addresses a row by all of
//! its key's columns; a table without a key is addressed by the one column that reaches it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryKey(Vec<String>);

impl PrimaryKey {
    /// A key of one column.
    pub fn column(name: &str) -> PrimaryKey {
        PrimaryKey(vec![name.to_string()])
    }

    /// No key: the table's rows cannot be told apart one by one.
    pub fn none() -> PrimaryKey {
        PrimaryKey(Vec::new())
    }

    pub fn is_none(&self) -> bool {
        self.0.is_empty()
    }

    /// The key's columns, in the map's order (empty for a table without a key).
    pub fn columns(&self) -> &[String] {
        &self.0
    }

    pub fn contains(&self, column: &str) -> bool {
        self.0.iter().any(|c| c == column)
    }

    /// How a row's key reads for people: the value alone for a one-column key, else each
    /// column with its value.
    pub fn label(&self, values: &[String]) -> String {
        match (self.0.as_slice(), values) {
            ([_], [v]) => v.clone(),
            _ => self
                .0
                .iter()
                .zip(values)
                .map(|(c, v)| format!("{c}={v}"))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl fmt::Display for PrimaryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("no key"),
            [one] => f.write_str(one),
            many => write!(f, "({})", many.join(", ")),
        }
    }
}

impl Serialize for PrimaryKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => s.serialize_none(),
            [one] => s.serialize_str(one),
            many => many.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for PrimaryKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Spelled {
            One(String),
            Many(Vec<String>),
        }
        let columns = match Option::<Spelled>::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "primary_key must be a column name, a list of them, or null for a table without a key",
            )
        })? {
            None => return Ok(PrimaryKey::none()),
            Some(Spelled::One(c)) => vec![c],
            Some(Spelled::Many(cs)) => cs,
        };
        if columns.is_empty() {
            return Err(serde::de::Error::custom("primary_key names no column"));
        }
        if let Some(twice) = columns
            .iter()
            .enumerate()
            .find(|(i, c)| columns[..*i].contains(c))
        {
            return Err(serde::de::Error::custom(format!(
                "primary_key names '{}' twice",
                twice.1
            )));
        }
        Ok(PrimaryKey(columns))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_column_or_several_and_back() {
        let one: PrimaryKey = serde_json::from_str(r#""id""#).unwrap();
        assert_eq!(one, PrimaryKey::column("id"));
        assert_eq!(serde_json::to_string(&one).unwrap(), r#""id""#);
        let two: PrimaryKey = serde_json::from_str(r#"["id_customer", "id_group"]"#).unwrap();
        assert_eq!(two.columns(), ["id_customer", "id_group"]);
        assert_eq!(
            serde_json::to_string(&two).unwrap(),
            r#"["id_customer","id_group"]"#
        );
        assert_eq!(two.to_string(), "(id_customer, id_group)");
        assert_eq!(one.label(&["7".into()]), "7");
        assert_eq!(
            two.label(&["7".into(), "3".into()]),
            "id_customer=7, id_group=3"
        );
        let none: PrimaryKey = serde_json::from_str("null").unwrap();
        assert!(none.is_none());
        assert_eq!(serde_json::to_string(&none).unwrap(), "null");
        for bad in ["[]", r#"["a", "a"]"#, "3"] {
            assert!(serde_json::from_str::<PrimaryKey>(bad).is_err(), "{bad}");
        }
    }
}
