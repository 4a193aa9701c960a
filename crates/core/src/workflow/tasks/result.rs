//! What a store reported of its task, as kept on the task (JSON text in `tasks.result`): one
//! type for the shapes the connectors and stores write, read back once.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use steward_connectors::{TableAccess, TableCorrection, TableErasure};
use steward_domain::stores::TaskStatus;

/// The shapes are told apart by their fields (untagged), as they have always been stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TaskResult {
    /// An SQL store's erasure: what it did in each table.
    Erased(Vec<TableErasure>),
    /// A correction applied: the fields written per table, and how many were refused.
    Corrected {
        records: u64,
        corrected: Vec<TableCorrection>,
        refused: u64,
    },
    /// A correction previewed, awaiting staff.
    Previewed { preview: u64, refused: u64 },
    /// Values found (an access): how many, and where the store counts them, the rows reached
    /// in each table.
    Found {
        records: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tables: Option<Vec<TableAccess>>,
    },
    /// A store's own counts, as it sent them with its answer.
    Counts(Map<String, Value>),
}

impl TaskResult {
    /// The stored text read back; `None` when there is none or it is not one of the shapes.
    pub fn read(stored: Option<&str>) -> Option<TaskResult> {
        serde_json::from_str(stored?).ok()
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a task result is plain JSON")
    }

    /// How many of the subject's rows an automated store reached, over all its tables; `None`
    /// where the store does not count rows (manual and webhook stores).
    pub fn rows_reached(&self) -> Option<u64> {
        match self {
            TaskResult::Erased(tables) => Some(tables.iter().map(|t| t.rows_reached).sum()),
            TaskResult::Found {
                tables: Some(tables),
                ..
            } => Some(tables.iter().map(|t| t.rows_reached).sum()),
            _ => None,
        }
    }

    /// The store reached nobody: no row where it counts rows, else no value sent back.
    pub fn found_nothing(&self, status: TaskStatus) -> bool {
        if status != TaskStatus::Done {
            return false;
        }
        match (self.rows_reached(), self) {
            (Some(rows), _) => rows == 0,
            (None, TaskResult::Found { records, .. }) => *records == 0,
            _ => false,
        }
    }
}

/// In words, for the task's page.
impl std::fmt::Display for TaskResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TaskResult::Erased(tables) => write!(
                f,
                "Erasure reached {} row(s) in {} table(s)",
                self.rows_reached().unwrap_or(0),
                tables.len()
            ),
            TaskResult::Corrected {
                corrected, refused, ..
            } => write!(
                f,
                "Correction applied in {} table(s); {refused} field(s) refused",
                corrected.len()
            ),
            TaskResult::Previewed { preview, refused } => write!(
                f,
                "Correction previewed: {preview} value(s), {refused} refused"
            ),
            TaskResult::Found { records, tables } => match tables {
                Some(tables) => write!(
                    f,
                    "{records} value(s) found in {} row(s) of {} table(s)",
                    self.rows_reached().unwrap_or(0),
                    tables.len()
                ),
                None => write!(f, "{records} value(s) provided"),
            },
            TaskResult::Counts(counts) => {
                let parts: Vec<String> = counts.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                write!(f, "The store reported {}", parts.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_shape_reads_back_as_itself() {
        for text in [
            r#"[{"table":"customers","rows_reached":2,"deleted":0,"nulled":1,"redacted":0,"hashed":1,"retained":[["phone","fraud checks"]]}]"#,
            r#"{"records":3,"corrected":[{"table":"customers","fields":["name"],"rows_updated":1}],"refused":1}"#,
            r#"{"preview":4,"refused":1}"#,
            r#"{"records":0,"tables":[{"table":"customers","rows_reached":0}]}"#,
            r#"{"records":5}"#,
            r#"{"newsletter":1,"orders":2}"#,
        ] {
            let r = TaskResult::read(Some(text)).unwrap();
            let again: Value = serde_json::from_str(&r.to_text()).unwrap();
            assert_eq!(again, serde_json::from_str::<Value>(text).unwrap(), "{r:?}");
        }
        let found = TaskResult::read(Some(r#"{"records":0}"#)).unwrap();
        assert!(found.found_nothing(TaskStatus::Done));
        assert!(!found.found_nothing(TaskStatus::Open));
        let reached = TaskResult::read(Some(
            r#"{"records":2,"tables":[{"table":"a","rows_reached":0}]}"#,
        ));
        assert_eq!(reached.unwrap().rows_reached(), Some(0));
        assert!(matches!(
            TaskResult::read(Some(r#"{"preview":1,"refused":0}"#)),
            Some(TaskResult::Previewed { .. })
        ));
    }

    fn found_nothing(status: TaskStatus, stored: Option<&str>) -> bool {
        TaskResult::read(stored).is_some_and(|r| r.found_nothing(status))
    }

    fn rows_reached(stored: Option<&str>) -> Option<u64> {
        TaskResult::read(stored).and_then(|r| r.rows_reached())
    }

    #[test]
    fn nothing_found_is_told_apart() {
        assert!(found_nothing(TaskStatus::Done, Some(r#"{"records":0}"#)));
        assert!(!found_nothing(TaskStatus::Done, Some(r#"{"records":3}"#)));
        assert!(found_nothing(
            TaskStatus::Done,
            Some(r#"[{"table":"customers","rows_reached":0}]"#)
        ));
        assert!(!found_nothing(
            TaskStatus::Done,
            Some(r#"[{"table":"a","rows_reached":0},{"table":"b","rows_reached":2}]"#)
        ));
        assert!(
            !found_nothing(TaskStatus::Open, Some(r#"{"records":0}"#)),
            "not done yet"
        );
        assert!(
            !found_nothing(TaskStatus::Done, None),
            "a manual store's owner said done"
        );
        // An access counts rows, not values: a row with no mapped value is still found.
        let access = r#"{"records":0,"tables":[{"table":"c","rows_reached":1}]}"#;
        assert!(!found_nothing(TaskStatus::Done, Some(access)));
        assert_eq!(rows_reached(Some(access)), Some(1));
        assert!(found_nothing(
            TaskStatus::Done,
            Some(r#"{"records":0,"tables":[{"table":"c","rows_reached":0}]}"#)
        ));
        assert_eq!(rows_reached(Some(r#"{"records":4}"#)), None);
    }
}
