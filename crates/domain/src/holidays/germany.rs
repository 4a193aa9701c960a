//! The days each German Land adds to the nine nationwide holidays, by its Feiertagsgesetz
//! (cited in `Calendar::source`). Days that only some municipalities of a Land keep
//! (Mariä Himmelfahrt in Bavaria's Catholic ones, the Augsburger Friedensfest, Corpus
//! Christi in parts of Saxony and Thuringia) are not Land-wide and are named in the source
//! for an administrator to add.

use chrono::Weekday;

use super::rules::{Day, date, easter_plus};

fn epiphany(y: i32) -> Day {
    (date(y, 1, 6), "Heilige Drei Könige")
}

fn corpus_christi(y: i32) -> Day {
    (easter_plus(y, 60), "Fronleichnam")
}

fn assumption(y: i32) -> Day {
    (date(y, 8, 15), "Mariä Himmelfahrt")
}

fn all_saints(y: i32) -> Day {
    (date(y, 11, 1), "Allerheiligen")
}

fn reformation(y: i32) -> Day {
    (date(y, 10, 31), "Reformationstag")
}

fn womens_day(y: i32) -> Day {
    (date(y, 3, 8), "Internationaler Frauentag")
}

/// Reformation Day became a holiday in Bremen, Hamburg, Lower Saxony and Schleswig-Holstein
/// from 2018 (before, only in 2017 for its 500th anniversary, nationwide).
fn reformation_from_2018(y: i32) -> Vec<Day> {
    if y >= 2018 {
        vec![reformation(y)]
    } else {
        Vec::new()
    }
}

pub(super) fn baden_wuerttemberg(y: i32) -> Vec<Day> {
    vec![epiphany(y), corpus_christi(y), all_saints(y)]
}

pub(super) fn bayern(y: i32) -> Vec<Day> {
    vec![epiphany(y), corpus_christi(y), all_saints(y)]
}

pub(super) fn berlin(y: i32) -> Vec<Day> {
    let mut out = Vec::new();
    if y >= 2019 {
        out.push(womens_day(y));
    }
    // One-off holidays by law for the 75th and 80th anniversaries of the end of the war.
    if y == 2020 || y == 2025 {
        out.push((date(y, 5, 8), "Tag der Befreiung (einmaliger Feiertag)"));
    }
    out
}

pub(super) fn brandenburg(y: i32) -> Vec<Day> {
    vec![
        (easter_plus(y, 0), "Ostersonntag"),
        (easter_plus(y, 49), "Pfingstsonntag"),
        reformation(y),
    ]
}

pub(super) fn bremen(y: i32) -> Vec<Day> {
    reformation_from_2018(y)
}

pub(super) fn hamburg(y: i32) -> Vec<Day> {
    reformation_from_2018(y)
}

pub(super) fn hessen(y: i32) -> Vec<Day> {
    vec![corpus_christi(y)]
}

pub(super) fn mecklenburg_vorpommern(y: i32) -> Vec<Day> {
    let mut out = vec![reformation(y)];
    if y >= 2023 {
        out.push(womens_day(y));
    }
    out
}

pub(super) fn niedersachsen(y: i32) -> Vec<Day> {
    reformation_from_2018(y)
}

pub(super) fn nordrhein_westfalen(y: i32) -> Vec<Day> {
    vec![corpus_christi(y), all_saints(y)]
}

pub(super) fn rheinland_pfalz(y: i32) -> Vec<Day> {
    vec![corpus_christi(y), all_saints(y)]
}

pub(super) fn saarland(y: i32) -> Vec<Day> {
    vec![corpus_christi(y), assumption(y), all_saints(y)]
}

/// Buß- und Bettag: the Wednesday before 23 November.
pub(super) fn sachsen(y: i32) -> Vec<Day> {
    let mut day = date(y, 11, 22);
    while chrono::Datelike::weekday(&day) != Weekday::Wed {
        day = day
            .pred_opt()
            .expect("November has a Wednesday before the 23rd");
    }
    vec![reformation(y), (day, "Buß- und Bettag")]
}

pub(super) fn sachsen_anhalt(y: i32) -> Vec<Day> {
    vec![epiphany(y), reformation(y)]
}

pub(super) fn schleswig_holstein(y: i32) -> Vec<Day> {
    reformation_from_2018(y)
}

pub(super) fn thueringen(y: i32) -> Vec<Day> {
    let mut out = vec![reformation(y)];
    if y >= 2019 {
        out.push((date(y, 9, 20), "Weltkindertag"));
    }
    out
}
