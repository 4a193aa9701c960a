//! Data stores and the tasks a request creates in them.

use serde::{Deserialize, Serialize};

use super::kinds::UnknownWord;

macro_rules! words {
    ($name:ident { $($v:ident => $w:literal, $l:literal);+ $(;)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub const WORDS: &'static [&'static str] = &[$($w),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $w),+ } }
            /// Words for people, as shown in pages.
            pub fn label(self) -> &'static str { match self { $($name::$v => $l),+ } }
        }
        impl std::str::FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, UnknownWord> {
                match s { $($w => Ok($name::$v),)+ _ => Err(UnknownWord { allowed: Self::WORDS }) }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

/// The fields of a store's record of processing (GDPR Art. 30(1)), in form order, each with
/// its label and whether it is required: the one list every layer builds from. Call it
/// with a macro that takes `name, "Label", required;` lines (after the extra arguments given
/// here, and a `;`, if any).
#[macro_export]
macro_rules! art30_fields {
    ($then:ident $(, $($arg:tt)+)?) => {
        $then! {
            $($($arg)+ ;)?
            description, "Description", false;
            purposes, "Purposes of processing", true;
            legal_basis, "Legal basis", true;
            data_categories, "Categories of personal data", true;
            subject_categories, "Categories of data subjects", true;
            recipients, "Recipients", false;
            transfers, "Third-country transfers and safeguards", false;
            retention, "Retention period", true;
            security_measures, "Security measures", false;
        }
    };
}

/// One field of [`Art30`]: its name (form, JSON, CSV), its label, whether it is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Art30Field {
    pub name: &'static str,
    pub label: &'static str,
    pub required: bool,
}

macro_rules! art30_record {
    ($($f:ident, $label:literal, $required:literal;)+) => {
        /// The Art. 30 record of a store: what it holds, why, for whom, how long, how
        /// protected.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(default)]
        pub struct Art30 {
            $(pub $f: String,)+
        }

        impl Art30 {
            pub const FIELDS: &'static [Art30Field] = &[
                $(Art30Field { name: stringify!($f), label: $label, required: $required },)+
            ];

            /// A field's value by its name in [`Art30::FIELDS`] (empty for another name).
            pub fn get(&self, name: &str) -> &str {
                match name {
                    $(stringify!($f) => &self.$f,)+
                    _ => "",
                }
            }

            /// Sets a field by its name in [`Art30::FIELDS`]; false for another name.
            pub fn set(&mut self, name: &str, value: String) -> bool {
                match name {
                    $(stringify!($f) => { self.$f = value; true })+
                    _ => false,
                }
            }
        }
    };
}

art30_fields!(art30_record);

words!(StoreKind {
    Manual => "manual", "Manual (its owner works the task)";
    Sql => "sql", "SQL database (automatic)";
    Webhook => "webhook", "Webhook (another system answers)";
});
words!(TaskStatus {
    Open => "open", "Open";
    Running => "running", "Running";
    Done => "done", "Done";
    Failed => "failed", "Failed";
    Exempt => "exempt", "Exempt";
});

impl TaskStatus {
    /// The states in which a store still owes something, as a list a query can name (an
    /// `IN` list, which the tasks' status index serves, where `NOT IN (done, exempt)` would
    /// not).
    pub const UNSETTLED: [TaskStatus; 3] =
        [TaskStatus::Open, TaskStatus::Running, TaskStatus::Failed];

    /// Done or exempt (with a legal basis): nothing more is owed by this store.
    pub fn is_settled(self) -> bool {
        !Self::UNSETTLED.contains(&self)
    }
}

/// Connector jobs retry with exponential back-off: 1, 2, 4, 8 … minutes, at most an hour.
pub fn backoff_minutes(attempts: i32) -> i64 {
    2i64.pow(attempts.clamp(1, 7) as u32 - 1).min(60)
}

pub const MAX_AUTOMATIC_ATTEMPTS: i32 = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_settlement() {
        for s in TaskStatus::ALL {
            assert_eq!(s.as_str().parse::<TaskStatus>().unwrap(), *s);
        }
        assert!(TaskStatus::Exempt.is_settled() && TaskStatus::Done.is_settled());
        assert!(!TaskStatus::Failed.is_settled() && !TaskStatus::Open.is_settled());
        assert!("ftp".parse::<StoreKind>().is_err());
    }

    #[test]
    fn art30_fields_are_one_list() {
        let mut a = Art30::default();
        for (i, f) in Art30::FIELDS.iter().enumerate() {
            assert!(a.set(f.name, format!("v{i}")), "{}", f.name);
        }
        assert_eq!(Art30::FIELDS.len(), 9);
        assert_eq!(a.purposes, "v1");
        assert_eq!(a.get("security_measures"), "v8");
        assert!(!a.set("password", "x".into()));
        assert_eq!(a.get("password"), "");
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["legal_basis"], "v2");
    }

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(
            (1..=8).map(backoff_minutes).collect::<Vec<_>>(),
            [1, 2, 4, 8, 16, 32, 60, 60]
        );
    }
}
