//! The United Kingdom's bank holidays, one calendar per legal area: England and Wales,
//! Scotland, Northern Ireland (Banking and Financial Dealings Act 1971, Sch. 1, the St
//! Andrew's Day Bank Holiday (Scotland) Act 2007, and the royal proclamations published at
//! gov.uk/bank-holidays). A bank holiday on a weekend moves to the next weekday not already
//! a bank holiday ("substitute day").

use chrono::{NaiveDate, Weekday};

use super::rules::{Day, date, easter_plus, last_weekday, nth_free_weekday, nth_weekday};

/// One-off bank holidays proclaimed for the whole United Kingdom (royal events).
const UK_ONE_OFFS: &[(i32, u32, u32, &str)] = &[
    (2022, 6, 3, "Platinum Jubilee bank holiday"),
    (2022, 9, 19, "State Funeral of Queen Elizabeth II"),
    (2023, 5, 8, "Coronation of King Charles III"),
];

/// The early May bank holiday: the first Monday of May (moved to VE Day's Friday in 2020).
fn early_may(y: i32) -> Day {
    let day = if y == 2020 {
        date(2020, 5, 8)
    } else {
        nth_weekday(y, 5, Weekday::Mon, 1)
    };
    (day, "Early May bank holiday")
}

/// The spring bank holiday: the last Monday of May (2 June in the Platinum Jubilee year).
fn spring(y: i32) -> Day {
    let day = if y == 2022 {
        date(2022, 6, 2)
    } else {
        last_weekday(y, 5, Weekday::Mon)
    };
    (day, "Spring bank holiday")
}

/// Christmas Day, then Boxing Day on the next weekday not already taken.
fn christmas(y: i32) -> [Day; 2] {
    let christmas = nth_free_weekday(&[], date(y, 12, 25));
    let boxing = nth_free_weekday(&[christmas], date(y, 12, 26));
    [(christmas, "Christmas Day"), (boxing, "Boxing Day")]
}

fn one_offs(y: i32) -> impl Iterator<Item = Day> {
    listed(UK_ONE_OFFS, y)
}

fn listed(list: &'static [(i32, u32, u32, &'static str)], y: i32) -> impl Iterator<Item = Day> {
    list.iter()
        .filter(move |(year, ..)| *year == y)
        .map(|&(year, m, d, name)| (date(year, m, d), name))
}

/// A fixed-date holiday on its date, or on the next weekday if it falls on a weekend.
fn substitute(y: i32, month: u32, day: u32) -> NaiveDate {
    nth_free_weekday(&[], date(y, month, day))
}

pub(super) fn england_and_wales(y: i32) -> Vec<Day> {
    let mut out = vec![
        (substitute(y, 1, 1), "New Year's Day"),
        (easter_plus(y, -2), "Good Friday"),
        (easter_plus(y, 1), "Easter Monday"),
        early_may(y),
        spring(y),
        (last_weekday(y, 8, Weekday::Mon), "Summer bank holiday"),
    ];
    out.extend(christmas(y));
    out.extend(one_offs(y));
    out
}

/// Scotland: 2 January instead of Easter Monday, the summer holiday on the first Monday of
/// August, and St Andrew's Day (30 November, or the next Monday when on a weekend).
/// One-off bank holidays proclaimed for Scotland only.
const SCOTLAND_ONE_OFFS: &[(i32, u32, u32, &str)] = &[(
    2026,
    6,
    15,
    "Special bank holiday (Scotland at the FIFA World Cup)",
)];

pub(super) fn scotland(y: i32) -> Vec<Day> {
    let new_year = substitute(y, 1, 1);
    let mut out = vec![
        (new_year, "New Year's Day"),
        (nth_free_weekday(&[new_year], date(y, 1, 2)), "2nd January"),
        (easter_plus(y, -2), "Good Friday"),
        early_may(y),
        spring(y),
        (nth_weekday(y, 8, Weekday::Mon, 1), "Summer bank holiday"),
        (substitute(y, 11, 30), "St Andrew's Day"),
    ];
    out.extend(christmas(y));
    out.extend(one_offs(y));
    out.extend(listed(SCOTLAND_ONE_OFFS, y));
    out
}

/// Northern Ireland: England and Wales's days, St Patrick's Day (Sch. 1, para. 3) and the
/// Battle of the Boyne (12 July, by royal proclamation each year).
pub(super) fn northern_ireland(y: i32) -> Vec<Day> {
    let mut out = england_and_wales(y);
    out.push((substitute(y, 3, 17), "St Patrick's Day"));
    out.push((
        substitute(y, 7, 12),
        "Battle of the Boyne (Orangemen's Day)",
    ));
    out
}
