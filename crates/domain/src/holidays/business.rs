//! Business-day arithmetic over a set of closed days: the deadline clock works from a
//! [`HolidayCalendar`] it is handed, which is a shipped calendar with admins' changes.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

/// The dates on which a jurisdiction's offices are closed, in addition to weekends.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HolidayCalendar {
    dates: BTreeSet<NaiveDate>,
}

impl HolidayCalendar {
    pub fn new(dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            dates: dates.into_iter().collect(),
        }
    }

    /// Weekends still count as closed; only the extra holidays are absent.
    pub fn empty() -> Self {
        Self::default()
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.dates.contains(&d)
    }

    pub fn is_business_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.contains(d)
    }

    pub fn next_business_day_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        while !self.is_business_day(day) {
            // Only reachable at chrono's last representable date; stopping there
            // beats panicking on corrupt input.
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        day
    }

    /// Counts business days strictly after `start`, because statutory "within N
    /// business days" periods do not count the day of receipt. `n == 0` gives `start`.
    pub fn add_business_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut remaining = n;
        while remaining > 0 {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if self.is_business_day(day) {
                remaining -= 1;
            }
        }
        day
    }
}

/// What an admin does to a calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayChange {
    /// Offices are closed on a day the statute does not list (e.g. a one-off holiday).
    Add,
    /// A listed day is worked after all.
    Remove,
}

impl DayChange {
    pub fn as_str(self) -> &'static str {
        match self {
            DayChange::Add => "add",
            DayChange::Remove => "remove",
        }
    }
}

impl std::str::FromStr for DayChange {
    type Err = crate::kinds::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "add" => Ok(DayChange::Add),
            "remove" => Ok(DayChange::Remove),
            _ => Err(crate::kinds::UnknownWord {
                allowed: &["add", "remove"],
            }),
        }
    }
}

impl HolidayCalendar {
    /// A shipped calendar with an admin's changes applied (each day's latest change wins).
    pub fn with_changes(
        mut self,
        changes: impl IntoIterator<Item = (NaiveDate, DayChange)>,
    ) -> HolidayCalendar {
        for (day, change) in changes {
            match change {
                DayChange::Add => self.dates.insert(day),
                DayChange::Remove => self.dates.remove(&day),
            };
        }
        self
    }
}
