//! Ids, one type each, so a task id can never be passed where a request id is meant. They
//! are opaque text (UUIDs, or `SR-…` references): built by `db::new_id()` or read back from
//! a row or a path, and shown as they are.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        /// Read as text wherever a `&str` is asked for (queries, URLs, audit targets).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )+};
}

id_type! {
    /// A request's internal id (a UUID).
    RequestId;
    /// The reference a subject reads and quotes (`SR-7K3P9XQ2`).
    PublicId;
    /// A task: one request in one store.
    TaskId;
    /// A registered data store.
    StoreId;
    /// A staff account.
    UserId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_as_text_and_serialise_plainly() {
        let id = RequestId::from("abc".to_string());
        assert_eq!(id.as_str(), "abc");
        assert_eq!(&*id, "abc");
        assert_eq!(id.to_string(), "abc");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"abc\"");
        let back: TaskId = serde_json::from_str("\"t-1\"").unwrap();
        assert_eq!(back, TaskId::from("t-1".to_string()));
    }
}
