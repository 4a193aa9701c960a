//! The shipped calendars against hand-worked dates and the published lists.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{Calendar, CalendarChoice};
use super::rules::easter_sunday;
use crate::kinds::Jurisdiction;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn days(c: Calendar, y: i32) -> Vec<NaiveDate> {
    c.holidays(y).into_iter().map(|(d, _)| d).collect()
}

/// California 2025–2035, worked out by hand from § 19853: the year's eleven days as
/// observed (Sunday → Monday; Saturday stays, except 11 November → Friday).
#[test]
fn california_matches_hand_worked_dates_2025_to_2035() {
    let hand: &[(i32, [(u32, u32); 11])] = &[
        (
            2025,
            [
                (1, 1),
                (1, 20),
                (2, 17),
                (3, 31),
                (5, 26),
                (7, 4),
                (9, 1),
                (11, 11),
                (11, 27),
                (11, 28),
                (12, 25),
            ],
        ),
        (
            2026,
            [
                (1, 1),
                (1, 19),
                (2, 16),
                (3, 31),
                (5, 25),
                (7, 4),
                (9, 7),
                (11, 11),
                (11, 26),
                (11, 27),
                (12, 25),
            ],
        ),
        (
            2027,
            [
                (1, 1),
                (1, 18),
                (2, 15),
                (3, 31),
                (5, 31),
                (7, 5),
                (9, 6),
                (11, 11),
                (11, 25),
                (11, 26),
                (12, 25),
            ],
        ),
        (
            2028,
            [
                (1, 1),
                (1, 17),
                (2, 21),
                (3, 31),
                (5, 29),
                (7, 4),
                (9, 4),
                (11, 10),
                (11, 23),
                (11, 24),
                (12, 25),
            ],
        ),
        (
            2029,
            [
                (1, 1),
                (1, 15),
                (2, 19),
                (3, 31),
                (5, 28),
                (7, 4),
                (9, 3),
                (11, 12),
                (11, 22),
                (11, 23),
                (12, 25),
            ],
        ),
        (
            2030,
            [
                (1, 1),
                (1, 21),
                (2, 18),
                (4, 1),
                (5, 27),
                (7, 4),
                (9, 2),
                (11, 11),
                (11, 28),
                (11, 29),
                (12, 25),
            ],
        ),
        (
            2031,
            [
                (1, 1),
                (1, 20),
                (2, 17),
                (3, 31),
                (5, 26),
                (7, 4),
                (9, 1),
                (11, 11),
                (11, 27),
                (11, 28),
                (12, 25),
            ],
        ),
        (
            2032,
            [
                (1, 1),
                (1, 19),
                (2, 16),
                (3, 31),
                (5, 31),
                (7, 5),
                (9, 6),
                (11, 11),
                (11, 25),
                (11, 26),
                (12, 25),
            ],
        ),
        (
            2033,
            [
                (1, 1),
                (1, 17),
                (2, 21),
                (3, 31),
                (5, 30),
                (7, 4),
                (9, 5),
                (11, 11),
                (11, 24),
                (11, 25),
                (12, 26),
            ],
        ),
        (
            2034,
            [
                (1, 2),
                (1, 16),
                (2, 20),
                (3, 31),
                (5, 29),
                (7, 4),
                (9, 4),
                (11, 10),
                (11, 23),
                (11, 24),
                (12, 25),
            ],
        ),
        (
            2035,
            [
                (1, 1),
                (1, 15),
                (2, 19),
                (3, 31),
                (5, 28),
                (7, 4),
                (9, 3),
                (11, 12),
                (11, 22),
                (11, 23),
                (12, 25),
            ],
        ),
    ];
    for (y, want) in hand {
        let want: Vec<NaiveDate> = want.iter().map(|&(m, day)| d(*y, m, day)).collect();
        assert_eq!(days(Calendar::California, *y), want, "{y}");
    }
}

#[test]
fn california_tricky_days() {
    let cal = Calendar::California.shipped();
    assert!(
        !cal.contains(d(2025, 9, 26)),
        "Native American Day is no closure"
    );
    assert!(
        !cal.contains(d(2026, 9, 25)),
        "Native American Day is no closure"
    );
    assert!(
        cal.contains(d(2026, 7, 4)) && !cal.contains(d(2026, 7, 3)),
        "Saturday stays"
    );
    assert!(
        cal.contains(d(2028, 11, 10)),
        "11 November on a Saturday: the Friday"
    );
    assert!(
        cal.contains(d(2027, 7, 5)),
        "4 July on a Sunday: the Monday"
    );
    assert!(
        !cal.contains(d(2027, 12, 24)),
        "25 December on a Saturday stays"
    );
}

/// 15 and 10 business days (11 CCR §§ 7021(a), 7026(f)(1)) across the days the old table got wrong.
#[test]
fn ccpa_business_days_around_the_tricky_days() {
    let cal = Calendar::California.shipped();
    // Thu 2025-09-25 + 10 business days: Native American Day (Fri 26) counts.
    assert_eq!(cal.add_business_days(d(2025, 9, 25), 10), d(2025, 10, 9));
    // Mon 2026-06-29 + 10: Fri 3 July counts (4 July is a Saturday, not moved).
    assert_eq!(cal.add_business_days(d(2026, 6, 29), 10), d(2026, 7, 13));
    // Wed 2026-09-16 + 15: Native American Day 2026 (Fri 25) counts.
    assert_eq!(cal.add_business_days(d(2026, 9, 16), 15), d(2026, 10, 7));
    // Mon 2028-11-06 + 10: Fri 10 Nov (Veterans Day observed, Saturday 11th) is skipped.
    assert_eq!(cal.add_business_days(d(2028, 11, 6), 10), d(2028, 11, 21));
    // Mon 2028-11-06 + 15: also skips Thanksgiving and the day after.
    assert_eq!(cal.add_business_days(d(2028, 11, 6), 15), d(2028, 11, 30));
}

#[test]
fn easter_sundays() {
    for (y, m, day) in [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
        (2035, 3, 25),
    ] {
        assert_eq!(easter_sunday(y), d(y, m, day), "{y}");
    }
}

/// The gov.uk lists for 2025–2026 and the substitute days worked out for 2027–2030.
#[test]
fn england_and_wales_matches_the_published_lists() {
    let published: &[(i32, u32, u32, &str)] = &[
        (2025, 1, 1, "New Year's Day"),                   // Wed
        (2025, 4, 18, "Good Friday"),                     // Fri
        (2025, 4, 21, "Easter Monday"),                   // Mon
        (2025, 5, 5, "Early May bank holiday"),           // Mon
        (2025, 5, 26, "Spring bank holiday"),             // Mon
        (2025, 8, 25, "Summer bank holiday"),             // Mon
        (2025, 12, 25, "Christmas Day"),                  // Thu
        (2025, 12, 26, "Boxing Day"),                     // Fri
        (2026, 1, 1, "New Year's Day"),                   // Thu
        (2026, 4, 3, "Good Friday"),                      // Fri
        (2026, 4, 6, "Easter Monday"),                    // Mon
        (2026, 5, 4, "Early May bank holiday"),           // Mon
        (2026, 5, 25, "Spring bank holiday"),             // Mon
        (2026, 8, 31, "Summer bank holiday"),             // Mon
        (2026, 12, 25, "Christmas Day"),                  // Fri
        (2026, 12, 28, "Boxing Day (substitute day)"),    // Mon
        (2027, 1, 1, "New Year's Day"),                   // Fri
        (2027, 3, 26, "Good Friday"),                     // Fri
        (2027, 3, 29, "Easter Monday"),                   // Mon
        (2027, 5, 3, "Early May bank holiday"),           // Mon
        (2027, 5, 31, "Spring bank holiday"),             // Mon
        (2027, 8, 30, "Summer bank holiday"),             // Mon
        (2027, 12, 27, "Christmas Day (substitute day)"), // Mon
        (2027, 12, 28, "Boxing Day (substitute day)"),    // Tue
        (2028, 1, 3, "New Year's Day (substitute day)"),  // Mon
        (2028, 4, 14, "Good Friday"),                     // Fri
        (2028, 4, 17, "Easter Monday"),                   // Mon
        (2028, 5, 1, "Early May bank holiday"),           // Mon
        (2028, 5, 29, "Spring bank holiday"),             // Mon
        (2028, 8, 28, "Summer bank holiday"),             // Mon
        (2028, 12, 25, "Christmas Day"),                  // Mon
        (2028, 12, 26, "Boxing Day"),                     // Tue
        (2029, 1, 1, "New Year's Day"),                   // Mon
        (2029, 3, 30, "Good Friday"),                     // Fri
        (2029, 4, 2, "Easter Monday"),                    // Mon
        (2029, 5, 7, "Early May bank holiday"),           // Mon
        (2029, 5, 28, "Spring bank holiday"),             // Mon
        (2029, 8, 27, "Summer bank holiday"),             // Mon
        (2029, 12, 25, "Christmas Day"),                  // Tue
        (2029, 12, 26, "Boxing Day"),                     // Wed
        (2030, 1, 1, "New Year's Day"),                   // Tue
        (2030, 4, 19, "Good Friday"),                     // Fri
        (2030, 4, 22, "Easter Monday"),                   // Mon
        (2030, 5, 6, "Early May bank holiday"),           // Mon
        (2030, 5, 27, "Spring bank holiday"),             // Mon
        (2030, 8, 26, "Summer bank holiday"),             // Mon
        (2030, 12, 25, "Christmas Day"),                  // Wed
        (2030, 12, 26, "Boxing Day"),                     // Thu
    ];
    let generated: Vec<NaiveDate> = (2025..=2030)
        .flat_map(|y| days(Calendar::EnglandAndWales, y))
        .collect();
    let want: Vec<NaiveDate> = published
        .iter()
        .map(|&(y, m, day, _)| d(y, m, day))
        .collect();
    assert_eq!(generated, want);
}

#[test]
fn every_calendar_has_weekday_or_named_days_and_a_source() {
    for c in Calendar::ALL {
        assert!(!c.source().is_empty() && !c.name().is_empty());
        assert_eq!(c.key().parse::<Calendar>().unwrap(), *c);
        for y in 2025..=2035 {
            let hs = c.holidays(y);
            assert!(hs.len() >= 8, "{c:?} {y}");
            assert!(
                hs.windows(2).all(|w| w[0].0 < w[1].0),
                "{c:?} {y} sorted, unique"
            );
            assert!(hs.iter().all(|(day, n)| day.year() == y && !n.is_empty()));
        }
    }
}

#[test]
fn member_states() {
    assert!(days(Calendar::Germany, 2025).contains(&d(2025, 10, 3)));
    assert!(
        days(Calendar::Germany, 2026).contains(&d(2026, 5, 14)),
        "Ascension 2026"
    );
    assert!(
        days(Calendar::Netherlands, 2025).contains(&d(2025, 4, 26)),
        "27 April a Sunday"
    );
    assert!(
        days(Calendar::Austria, 2026).contains(&d(2026, 6, 4)),
        "Corpus Christi 2026"
    );
    assert!(
        days(Calendar::Ireland, 2025).contains(&d(2025, 2, 3)),
        "St Brigid's Day"
    );
    assert!(
        days(Calendar::Ireland, 2030).contains(&d(2030, 2, 1)),
        "1 Feb a Friday"
    );
    assert!(
        days(Calendar::France, 2026).contains(&d(2026, 5, 25)),
        "Whit Monday 2026"
    );
}

#[test]
fn ireland_keeps_weekend_holidays_on_their_dates() {
    for (y, m, day) in [
        (2026, 12, 26), // Sat
        (2027, 12, 25), // Sat
        (2027, 12, 26), // Sun
        (2028, 1, 1),   // Sat
        (2029, 3, 17),  // Sat
        (2030, 3, 17),  // Sun
    ] {
        let list = days(Calendar::Ireland, y);
        assert!(list.contains(&d(y, m, day)), "{y}-{m}-{day} on its date");
        for next in 1..=2 {
            let after = d(y, m, day) + chrono::Duration::days(next);
            if after.weekday() != Weekday::Sat && after.weekday() != Weekday::Sun {
                let holiday_anyway = (after.month(), after.day()) == (12, 26)
                    || (after.month(), after.day()) == (12, 25);
                assert!(
                    holiday_anyway || !list.contains(&after),
                    "{after}: no substitute day"
                );
            }
        }
    }
}

#[test]
fn the_netherlands_counts_good_friday() {
    for y in 2025..=2030 {
        assert!(
            days(Calendar::Netherlands, y)
                .contains(&(easter_sunday(y) - chrono::Duration::days(2)))
        );
        assert!(
            days(Calendar::Netherlands, y).contains(&d(y, 5, 5)),
            "5 May every year"
        );
    }
}

#[test]
fn jurisdictions_pick_their_calendar() {
    use Jurisdiction::*;
    let none = CalendarChoice::default();
    assert_eq!(none.for_jurisdiction(Ccpa), Some(Calendar::California));
    assert_eq!(
        none.for_jurisdiction(UkGdpr),
        Some(Calendar::EnglandAndWales)
    );
    assert_eq!(none.for_jurisdiction(Gdpr), None);
    let bavaria = none.with(Gdpr, Some(Calendar::Bayern)).unwrap();
    assert_eq!(bavaria.for_jurisdiction(Gdpr), Some(Calendar::Bayern));
    assert_eq!(bavaria.for_jurisdiction(Other), None);
    let scotland = bavaria.with(UkGdpr, Some(Calendar::Scotland)).unwrap();
    assert_eq!(scotland.for_jurisdiction(UkGdpr), Some(Calendar::Scotland));
    assert_eq!(scotland.used_by(Calendar::Scotland), vec![UkGdpr]);
    assert!(none.with(Gdpr, Some(Calendar::Scotland)).is_err());
    assert!(none.with(Gdpr, Some(Calendar::California)).is_err());
    assert!(none.with(UkGdpr, Some(Calendar::Germany)).is_err());
    assert!(none.with(UkGdpr, None).is_err());
    assert!(none.with(Ccpa, Some(Calendar::California)).is_err());
}

fn dates(list: &[(i32, u32, u32)]) -> Vec<NaiveDate> {
    list.iter().map(|&(y, m, day)| d(y, m, day)).collect()
}

/// gov.uk's lists for Scotland (2025–2027 as published, with the royal proclamation of
/// February 2026; 2028–2030 worked out by the same
/// substitute-day rules: 1 January on a Saturday gives Monday 3 and Tuesday 4 January).
#[test]
fn scotland_matches_the_published_lists() {
    let want = dates(&[
        (2025, 1, 1),
        (2025, 1, 2),
        (2025, 4, 18),
        (2025, 5, 5),
        (2025, 5, 26),
        (2025, 8, 4),
        (2025, 12, 1), // St Andrew's Day substitute (30 November a Sunday)
        (2025, 12, 25),
        (2025, 12, 26),
        (2026, 1, 1),
        (2026, 1, 2),
        (2026, 4, 3),
        (2026, 5, 4),
        (2026, 5, 25),
        (2026, 6, 15), // proclaimed for Scotland at the FIFA World Cup
        (2026, 8, 3),
        (2026, 11, 30),
        (2026, 12, 25),
        (2026, 12, 28),
        (2027, 1, 1),
        (2027, 1, 4), // 2 January a Saturday
        (2027, 3, 26),
        (2027, 5, 3),
        (2027, 5, 31),
        (2027, 8, 2),
        (2027, 11, 30),
        (2027, 12, 27),
        (2027, 12, 28),
        (2028, 1, 3),
        (2028, 1, 4),
        (2028, 4, 14),
        (2028, 5, 1),
        (2028, 5, 29),
        (2028, 8, 7),
        (2028, 11, 30),
        (2028, 12, 25),
        (2028, 12, 26),
        (2029, 1, 1),
        (2029, 1, 2),
        (2029, 3, 30),
        (2029, 5, 7),
        (2029, 5, 28),
        (2029, 8, 6),
        (2029, 11, 30),
        (2029, 12, 25),
        (2029, 12, 26),
        (2030, 1, 1),
        (2030, 1, 2),
        (2030, 4, 19),
        (2030, 5, 6),
        (2030, 5, 27),
        (2030, 8, 5),
        (2030, 12, 2), // 30 November a Saturday
        (2030, 12, 25),
        (2030, 12, 26),
    ]);
    let got: Vec<NaiveDate> = (2025..=2030)
        .flat_map(|y| days(Calendar::Scotland, y))
        .collect();
    assert_eq!(got, want);
    // 2023: 1 January a Sunday, so Monday 2 and Tuesday 3 January.
    assert_eq!(
        days(Calendar::Scotland, 2023)[..2],
        dates(&[(2023, 1, 2), (2023, 1, 3)])
    );
}

/// gov.uk's lists for Northern Ireland (2025–2027 as published; 2028–2030 worked out).
#[test]
fn northern_ireland_matches_the_published_lists() {
    let want = dates(&[
        (2025, 1, 1),
        (2025, 3, 17),
        (2025, 4, 18),
        (2025, 4, 21),
        (2025, 5, 5),
        (2025, 5, 26),
        (2025, 7, 14), // 12 July a Saturday
        (2025, 8, 25),
        (2025, 12, 25),
        (2025, 12, 26),
        (2026, 1, 1),
        (2026, 3, 17),
        (2026, 4, 3),
        (2026, 4, 6),
        (2026, 5, 4),
        (2026, 5, 25),
        (2026, 7, 13), // 12 July a Sunday
        (2026, 8, 31),
        (2026, 12, 25),
        (2026, 12, 28),
        (2027, 1, 1),
        (2027, 3, 17),
        (2027, 3, 26),
        (2027, 3, 29),
        (2027, 5, 3),
        (2027, 5, 31),
        (2027, 7, 12),
        (2027, 8, 30),
        (2027, 12, 27),
        (2027, 12, 28),
        (2028, 1, 3),
        (2028, 3, 17),
        (2028, 4, 14),
        (2028, 4, 17),
        (2028, 5, 1),
        (2028, 5, 29),
        (2028, 7, 12),
        (2028, 8, 28),
        (2028, 12, 25),
        (2028, 12, 26),
        (2029, 1, 1),
        (2029, 3, 19), // 17 March a Saturday
        (2029, 3, 30),
        (2029, 4, 2),
        (2029, 5, 7),
        (2029, 5, 28),
        (2029, 7, 12),
        (2029, 8, 27),
        (2029, 12, 25),
        (2029, 12, 26),
        (2030, 1, 1),
        (2030, 3, 18), // 17 March a Sunday
        (2030, 4, 19),
        (2030, 4, 22),
        (2030, 5, 6),
        (2030, 5, 27),
        (2030, 7, 12),
        (2030, 8, 26),
        (2030, 12, 25),
        (2030, 12, 26),
    ]);
    let got: Vec<NaiveDate> = (2025..=2030)
        .flat_map(|y| days(Calendar::NorthernIreland, y))
        .collect();
    assert_eq!(got, want);
}

/// The days a regional calendar adds to its country's, in one year.
fn own_days(c: Calendar, y: i32) -> Vec<NaiveDate> {
    let national = days(c.parent().expect("a regional calendar"), y);
    days(c, y)
        .into_iter()
        .filter(|day| !national.contains(day))
        .collect()
}

/// Each Land's own days 2025–2030, from its Feiertagsgesetz, with the movable feasts
/// worked out by hand: Easter Sunday, Whit Sunday, Corpus Christi (Easter + 60) and Buß-
/// und Bettag (the Wednesday before 23 November).
#[test]
fn german_laender_add_their_own_days() {
    const EASTER: [(u32, u32); 6] = [(4, 20), (4, 5), (3, 28), (4, 16), (4, 1), (4, 21)];
    const WHIT_SUNDAY: [(u32, u32); 6] = [(6, 8), (5, 24), (5, 16), (6, 4), (5, 20), (6, 9)];
    const CORPUS_CHRISTI: [(u32, u32); 6] = [(6, 19), (6, 4), (5, 27), (6, 15), (5, 31), (6, 20)];
    const REPENTANCE: [(u32, u32); 6] =
        [(11, 19), (11, 18), (11, 17), (11, 22), (11, 21), (11, 20)];
    enum Rule {
        Fixed(u32, u32),
        Table(&'static [(u32, u32); 6]),
    }
    use Rule::*;
    let epiphany = Fixed(1, 6);
    let corpus = Table(&CORPUS_CHRISTI);
    let all_saints = Fixed(11, 1);
    let reformation = Fixed(10, 31);
    let laender: Vec<(Calendar, Vec<Rule>)> = vec![
        (
            Calendar::BadenWuerttemberg,
            vec![Fixed(1, 6), Table(&CORPUS_CHRISTI), Fixed(11, 1)],
        ),
        (Calendar::Bayern, vec![epiphany, corpus, all_saints]),
        (Calendar::Berlin, vec![Fixed(3, 8)]),
        (
            Calendar::Brandenburg,
            vec![Table(&EASTER), Table(&WHIT_SUNDAY), Fixed(10, 31)],
        ),
        (Calendar::Bremen, vec![Fixed(10, 31)]),
        (Calendar::Hamburg, vec![Fixed(10, 31)]),
        (Calendar::Hessen, vec![Table(&CORPUS_CHRISTI)]),
        (
            Calendar::MecklenburgVorpommern,
            vec![Fixed(3, 8), Fixed(10, 31)],
        ),
        (Calendar::Niedersachsen, vec![Fixed(10, 31)]),
        (
            Calendar::NordrheinWestfalen,
            vec![Table(&CORPUS_CHRISTI), Fixed(11, 1)],
        ),
        (
            Calendar::RheinlandPfalz,
            vec![Table(&CORPUS_CHRISTI), Fixed(11, 1)],
        ),
        (
            Calendar::Saarland,
            vec![Table(&CORPUS_CHRISTI), Fixed(8, 15), Fixed(11, 1)],
        ),
        (Calendar::Sachsen, vec![reformation, Table(&REPENTANCE)]),
        (Calendar::SachsenAnhalt, vec![Fixed(1, 6), Fixed(10, 31)]),
        (Calendar::SchleswigHolstein, vec![Fixed(10, 31)]),
        (Calendar::Thueringen, vec![Fixed(9, 20), Fixed(10, 31)]),
    ];
    assert_eq!(
        laender.len(),
        Calendar::ALL
            .iter()
            .filter(|c| c.parent() == Some(Calendar::Germany))
            .count(),
        "every Land is checked"
    );
    for (land, rules) in &laender {
        for (i, y) in (2025..=2030).enumerate() {
            let mut want: Vec<NaiveDate> = rules
                .iter()
                .map(|r| match r {
                    Fixed(m, day) => d(y, *m, *day),
                    Table(t) => d(y, t[i].0, t[i].1),
                })
                .collect();
            if *land == Calendar::Berlin && y == 2025 {
                want.push(d(2025, 5, 8)); // 80 years since the end of the war, once
            }
            want.sort();
            assert_eq!(own_days(*land, y), want, "{} {y}", land.key());
        }
    }
}

#[test]
fn alsace_moselle_adds_good_friday_and_saint_etienne() {
    const GOOD_FRIDAY: [(u32, u32); 6] = [(4, 18), (4, 3), (3, 26), (4, 14), (3, 30), (4, 19)];
    for c in [Calendar::Moselle, Calendar::BasRhin, Calendar::HautRhin] {
        for (i, y) in (2025..=2030).enumerate() {
            let (m, day) = GOOD_FRIDAY[i];
            assert_eq!(
                own_days(c, y),
                vec![d(y, m, day), d(y, 12, 26)],
                "{} {y}",
                c.key()
            );
        }
    }
}

/// A GDPR month ending on Corpus Christi in Bavaria, which national Germany does not keep.
#[test]
fn a_bavarian_month_skips_corpus_christi() {
    let received = d(2025, 5, 19);
    let one_month = d(2025, 6, 19);
    let bavaria = Calendar::Bayern.shipped();
    assert_eq!(
        bavaria.next_business_day_on_or_after(one_month),
        d(2025, 6, 20)
    );
    let germany = Calendar::Germany.shipped();
    assert_eq!(germany.next_business_day_on_or_after(one_month), one_month);
    assert!(received < one_month);
}

#[test]
fn regional_calendars_keep_their_countrys_days() {
    for c in Calendar::ALL {
        let Some(parent) = c.parent() else { continue };
        assert!(parent.parent().is_none(), "{}: one level", c.key());
        assert!(
            c.key().starts_with(&format!("{}-", parent.key())),
            "{}",
            c.key()
        );
        assert!(
            c.title()
                .starts_with(parent.title().split(" (").next().unwrap())
        );
        assert!(!c.source().is_empty(), "{} names its law", c.key());
        if parent == Calendar::Spain {
            continue; // a community may move a national day (checked in its own test)
        }
        for y in 2025..=2030 {
            let own = days(*c, y);
            assert!(
                days(parent, y).iter().all(|day| own.contains(day)),
                "{} {y}",
                c.key()
            );
        }
    }
}

/// Estatuto de los Trabajadores art. 37.2: at most fourteen fiestas a year, two of them
/// local, so twelve national and regional ones, and a thirteenth "recuperable" one when a
/// national day falls on a Sunday (the 2025 resolution's fourth ground). Sundays are rest
/// days anyway and do not count.
#[test]
fn spanish_communities_keep_the_statutory_number_of_days() {
    let communities: Vec<Calendar> = Calendar::ALL
        .iter()
        .copied()
        .filter(|c| c.parent() == Some(Calendar::Spain))
        .collect();
    assert_eq!(communities.len(), 19, "17 communities and 2 cities");
    for c in &communities {
        for y in [2025, 2026] {
            let weekdays = days(*c, y)
                .into_iter()
                .filter(|day| day.weekday() != Weekday::Sun)
                .count();
            // The Canaries' twelfth day is each island's own, not in a community calendar.
            let island = usize::from(*c == Calendar::Canarias);
            assert!(
                (12..=13).contains(&(weekdays + island)),
                "{} {y}: {weekdays}",
                c.key()
            );
            assert!(
                !own_days(*c, y).is_empty(),
                "{} {y} has days of its own",
                c.key()
            );
        }
        // Not yet published: the national days only, so never a day late.
        for y in 2027..=2030 {
            assert_eq!(days(*c, y), days(Calendar::Spain, y), "{} {y}", c.key());
        }
    }
}

#[test]
fn spanish_communities_as_the_boe_lists_them() {
    // Catalonia 2025: Easter Monday, Sant Joan, the Diada, Sant Esteve; 12 October a Sunday.
    assert_eq!(
        own_days(Calendar::Catalunya, 2025),
        dates(&[(2025, 4, 21), (2025, 6, 24), (2025, 9, 11), (2025, 12, 26)])
    );
    assert!(!days(Calendar::Catalunya, 2025).contains(&d(2025, 10, 12)));
    // Madrid 2026: Jueves Santo, 2 May, and Monday 2 November and 7 December for All Saints
    // and Constitution Day on Sundays.
    assert_eq!(
        own_days(Calendar::Madrid, 2026),
        dates(&[(2026, 4, 2), (2026, 5, 2), (2026, 11, 2), (2026, 12, 7)])
    );
    let madrid = Calendar::Madrid.shipped();
    // Received Thursday 2 October 2026: a month is Monday 2 November, Madrid's day off.
    assert_eq!(
        madrid.next_business_day_on_or_after(d(2026, 11, 2)),
        d(2026, 11, 3)
    );
    // Andalucía 2025: Día de Andalucía (Friday 28 February).
    assert!(Calendar::Andalucia.shipped().contains(d(2025, 2, 28)));
    assert!(!Calendar::Spain.shipped().contains(d(2025, 2, 28)));
    // Every national day a community does not keep is a Sunday moved or replaced.
    for c in Calendar::ALL
        .iter()
        .filter(|c| c.parent() == Some(Calendar::Spain))
    {
        for y in [2025, 2026] {
            let own = days(*c, y);
            for day in days(Calendar::Spain, y) {
                assert!(
                    own.contains(&day) || day.weekday() == Weekday::Sun,
                    "{} {day}",
                    c.key()
                );
            }
        }
    }
}

#[test]
fn south_tyrol_keeps_whit_monday() {
    for (y, m, day) in [(2025, 6, 9), (2026, 5, 25), (2027, 5, 17), (2030, 6, 10)] {
        assert_eq!(own_days(Calendar::SouthTyrol, y), dates(&[(y, m, day)]));
    }
}
