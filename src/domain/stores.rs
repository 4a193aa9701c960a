//! Data stores and the tasks a request creates in them.

use serde::{Deserialize, Serialize};

use super::kinds::UnknownWord;

macro_rules! words {
    ($name:ident { $($v:ident => $w:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub const WORDS: &'static [&'static str] = &[$($w),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $w),+ } }
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

words!(StoreKind { Manual => "manual", Sql => "sql", Webhook => "webhook" });
words!(TaskStatus { Open => "open", Running => "running", Done => "done", Failed => "failed", Exempt => "exempt" });

impl TaskStatus {
    /// Done or exempt (with a legal basis): nothing more is owed by this store.
    pub fn is_settled(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Exempt)
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
    fn backoff_grows_and_caps() {
        assert_eq!(
            (1..=8).map(backoff_minutes).collect::<Vec<_>>(),
            [1, 2, 4, 8, 16, 32, 60, 60]
        );
    }
}
