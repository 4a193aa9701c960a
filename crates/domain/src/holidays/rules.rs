//! The building blocks statutes use to fix a holiday: a date, Easter, the n-th weekday of a
//! month, and the rules that move a day off a weekend.

use chrono::{Datelike, NaiveDate, Weekday};

/// One observed day and its name as the statute gives it.
pub type Day = (NaiveDate, &'static str);

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("calendar rules name real dates")
}

/// Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

pub(super) fn easter_plus(year: i32, days: i64) -> NaiveDate {
    easter_sunday(year) + chrono::Duration::days(days)
}

/// The n-th (1-based) given weekday of a month.
pub(super) fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
        .expect("every month has a first to fourth of each weekday")
}

pub(super) fn last_weekday(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 5)
        .unwrap_or_else(|| nth_weekday(year, month, weekday, 4))
}

/// Moves a Sunday to the Monday (and, where `saturday_back`, a Saturday to the Friday).
pub(super) fn observed(d: NaiveDate, saturday_back: bool) -> NaiveDate {
    match d.weekday() {
        Weekday::Sun => d + chrono::Duration::days(1),
        Weekday::Sat if saturday_back => d - chrono::Duration::days(1),
        _ => d,
    }
}

/// The day itself if a weekday not taken, else the next weekday not taken.
pub(super) fn nth_free_weekday(taken: &[NaiveDate], d: NaiveDate) -> NaiveDate {
    let mut day = d;
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&day) {
        day += chrono::Duration::days(1);
    }
    day
}
