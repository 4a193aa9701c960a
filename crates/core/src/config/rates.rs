//! The per-IP rate limits operators set with `STEWARD_RATE_*`; `web::ratelimit` enforces them.

use std::time::Duration;

/// `count` requests per `period`; `None` switches the limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub period: Duration,
}

impl Rate {
    pub const fn per_minute(count: u32) -> Rate {
        Rate {
            count,
            period: Duration::from_secs(60),
        }
    }

    pub const fn per_hour(count: u32) -> Rate {
        Rate {
            count,
            period: Duration::from_secs(3600),
        }
    }

    /// `N/second`, `N/minute`, `N/hour` or `N/day` (also `s`, `min`, `m`, `h`, `d`), or `off`.
    pub fn parse(s: &str) -> Result<Option<Rate>, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let bad = || format!("'{s}' is not a rate such as 10/minute, 30/hour or off");
        let (n, unit) = s.split_once('/').ok_or_else(bad)?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        let secs = match unit.trim().to_ascii_lowercase().as_str() {
            "s" | "sec" | "second" => 1,
            "m" | "min" | "minute" => 60,
            "h" | "hour" => 3600,
            "d" | "day" => 86400,
            _ => return Err(bad()),
        };
        if count == 0 {
            return Err(format!(
                "'{s}' allows nothing; use off to switch the limit off"
            ));
        }
        Ok(Some(Rate {
            count,
            period: Duration::from_secs(secs),
        }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rates {
    pub intake: Option<Rate>,
    pub verify: Option<Rate>,
    pub login: Option<Rate>,
    /// The public consent API (banner reads and writes, site-key calls).
    pub consent: Option<Rate>,
}

impl Default for Rates {
    /// Generous for people (an office behind one address), tight for scripts.
    fn default() -> Self {
        Rates {
            intake: Some(Rate::per_hour(30)),
            verify: Some(Rate::per_hour(60)),
            login: Some(Rate::per_minute(20)),
            // A banner makes two calls per new visitor; a shop's own back end calling from
            // one address needs room, and can raise it with STEWARD_RATE_CONSENT.
            consent: Some(Rate::per_minute(600)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!(
            Rate::parse("10/minute").unwrap(),
            Some(Rate::per_minute(10))
        );
        assert_eq!(Rate::parse("30/h").unwrap(), Some(Rate::per_hour(30)));
        assert_eq!(Rate::parse("off").unwrap(), None);
        for bad in ["10", "ten/minute", "10/fortnight", "0/minute", ""] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }
}
