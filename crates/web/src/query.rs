//! Query-string values shared by list endpoints: flags and bounded numbers, each error
//! naming its parameter.

use steward_domain::validation::FieldErrors;

/// `true` or `false`; absent is `false`.
pub fn flag(e: &mut FieldErrors, field: &'static str, value: &str) -> bool {
    match value {
        "" | "false" => false,
        "true" => true,
        _ => {
            e.add(field, field, "must be true or false");
            false
        }
    }
}

/// A whole number in `min..=max`; absent is `default`. The message states the same bounds
/// the check uses.
pub fn number(
    e: &mut FieldErrors,
    field: &'static str,
    value: &str,
    default: i64,
    (min, max): (i64, i64),
) -> i64 {
    if value.is_empty() {
        return default;
    }
    e.check(
        field,
        field,
        value
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or(format!("must be a number from {min} to {max}")),
    )
    .unwrap_or(default)
}

/// Page sizes of the JSON lists.
pub const LIMIT_BOUNDS: (i64, i64) = (1, 500);
pub const OFFSET_BOUNDS: (i64, i64) = (0, i64::MAX);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_match_their_message() {
        let mut e = FieldErrors::default();
        assert_eq!(number(&mut e, "limit", "", 100, LIMIT_BOUNDS), 100);
        assert_eq!(number(&mut e, "limit", "500", 100, LIMIT_BOUNDS), 500);
        assert!(e.is_empty());
        assert_eq!(number(&mut e, "limit", "0", 100, LIMIT_BOUNDS), 100);
        assert_eq!(e.get("limit"), Some("must be a number from 1 to 500"));
        let mut e = FieldErrors::default();
        assert!(!flag(&mut e, "open", "yes"));
        assert_eq!(e.get("open"), Some("must be true or false"));
    }
}
