//! Non-working days for each jurisdiction's clock, and the business-day arithmetic built on
//! them. Each shipped [`Calendar`] is generated from its statute's rules for any year (Easter
//! by the Gregorian computus, weekend rules as each law states them); admins add or remove
//! days on top (`workflow::calendars`), so the clock always works from a `HolidayCalendar`
//! it is handed.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

use super::kinds::Jurisdiction;

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

    /// The shipped calendar a jurisdiction's clock uses, without admin changes; GDPR uses
    /// `gdpr_country` when the controller has named one.
    pub fn default_for(j: Jurisdiction) -> Self {
        Calendar::for_jurisdiction(j, None).map_or_else(Self::empty, |c| c.shipped())
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
    type Err = super::kinds::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "add" => Ok(DayChange::Add),
            "remove" => Ok(DayChange::Remove),
            _ => Err(super::kinds::UnknownWord {
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

/// The years a shipped calendar covers when built whole: every deadline Steward computes
/// falls in them (requests from GDPR's start to well past the next decade).
pub const FIRST_YEAR: i32 = 2018;
pub const LAST_YEAR: i32 = 2040;

macro_rules! calendars {
    ($($variant:ident => $key:literal, $name:literal, $source:literal;)+) => {
        /// A shipped holiday calendar, generated from the law that defines it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum Calendar { $($variant),+ }

        impl Calendar {
            pub const ALL: &'static [Calendar] = &[$(Calendar::$variant),+];

            /// The stable key (settings, URLs, API, the database).
            pub fn key(self) -> &'static str {
                match self { $(Calendar::$variant => $key),+ }
            }

            pub fn name(self) -> &'static str {
                match self { $(Calendar::$variant => $name),+ }
            }

            /// The statute or official list the rules come from.
            pub fn source(self) -> &'static str {
                match self { $(Calendar::$variant => $source),+ }
            }
        }

        impl std::str::FromStr for Calendar {
            type Err = super::kinds::UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok(Calendar::$variant),)+
                    _ => Err(super::kinds::UnknownWord { allowed: &[$($key),+] }),
                }
            }
        }
    };
}

calendars! {
    California => "us-ca", "California state holidays",
        "Cal. Gov. Code § 19853(a)–(b), read with 11 CCR § 7001 (business days): a holiday on a Sunday is observed on the Monday; on a Saturday it is not moved, except 11 November, observed on the Friday. Native American Day (§ 19853(e)) is a holiday credit, not a closure.";
    EnglandAndWales => "gb-eng", "England and Wales bank holidays",
        "Banking and Financial Dealings Act 1971, Sch. 1, and the annual royal proclamations (gov.uk/bank-holidays): weekend holidays move to the next free weekday; one-off days are listed as published.";
    Germany => "de", "Germany (national public holidays)",
        "Federal law (Einigungsvertrag Art. 2(2): 3 October) and the holidays common to every Land's Feiertagsgesetz; § 193 BGB moves a period's end off them.";
    France => "fr", "France (jours fériés)",
        "Code du travail, art. L3133-1.";
    Ireland => "ie", "Ireland (public holidays)",
        "Organisation of Working Time Act 1997, Sch. 2, as amended (St Brigid's Day from 2023). A holiday on a weekend stays on its date: s. 21 gives employees another benefit, not another public holiday.";
    Netherlands => "nl", "Netherlands (algemeen erkende feestdagen)",
        "Algemene termijnenwet, art. 3(1): New Year, Easter Monday, King's Day (26 April when 27 April is a Sunday), Ascension, Whit Monday, Christmas Day and Boxing Day; art. 3(2): Good Friday and 5 May.";
    Spain => "es", "Spain (national public holidays)",
        "Real Decreto 2001/1983, art. 45, and the yearly BOE resolution: the holidays common to all of Spain; regional days are added by admins.";
    Italy => "it", "Italy (festività nazionali)",
        "Legge 260/1949 as amended (2 June restored by Legge 336/2000; 4 October restored from 2026).";
    Austria => "at", "Austria (gesetzliche Feiertage)",
        "Feiertagsruhegesetz 1957, § 1, and Arbeitsruhegesetz § 7.";
    Belgium => "be", "Belgium (jours fériés légaux)",
        "Arrêté royal du 18 avril 1974, art. 1.";
}

impl Calendar {
    /// The calendar a jurisdiction's clock uses: California for CCPA, England and Wales for
    /// UK GDPR, the controller's member state (if named) for GDPR, none otherwise.
    pub fn for_jurisdiction(j: Jurisdiction, gdpr_country: Option<Calendar>) -> Option<Calendar> {
        match j {
            Jurisdiction::Ccpa => Some(Calendar::California),
            Jurisdiction::UkGdpr => Some(Calendar::EnglandAndWales),
            Jurisdiction::Gdpr => gdpr_country,
            Jurisdiction::Other => None,
        }
    }

    /// The EU member states whose calendars GDPR deadlines can follow.
    pub fn is_eu_country(self) -> bool {
        !matches!(self, Calendar::California | Calendar::EnglandAndWales)
    }

    /// The observed holidays of one year, sorted, as (date, name).
    pub fn holidays(self, year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut days = match self {
            Calendar::California => california(year),
            Calendar::EnglandAndWales => england_and_wales(year),
            Calendar::Germany => germany(year),
            Calendar::France => france(year),
            Calendar::Ireland => ireland(year),
            Calendar::Netherlands => netherlands(year),
            Calendar::Spain => spain(year),
            Calendar::Italy => italy(year),
            Calendar::Austria => austria(year),
            Calendar::Belgium => belgium(year),
        };
        days.sort();
        days.dedup_by_key(|(d, _)| *d);
        days
    }

    /// Every shipped day of [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn shipped(self) -> HolidayCalendar {
        HolidayCalendar::new(
            (FIRST_YEAR..=LAST_YEAR).flat_map(|y| self.holidays(y).into_iter().map(|(d, _)| d)),
        )
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
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

fn easter_plus(year: i32, days: i64) -> NaiveDate {
    easter_sunday(year) + chrono::Duration::days(days)
}

/// The n-th (1-based) given weekday of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
        .expect("every month has a first to fourth of each weekday")
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 5)
        .unwrap_or_else(|| nth_weekday(year, month, weekday, 4))
}

/// Moves a Sunday to the Monday (and, where `saturday_back`, a Saturday to the Friday).
fn observed(d: NaiveDate, saturday_back: bool) -> NaiveDate {
    match d.weekday() {
        Weekday::Sun => d + chrono::Duration::days(1),
        Weekday::Sat if saturday_back => d - chrono::Duration::days(1),
        _ => d,
    }
}

/// Gov. Code § 19853(a)–(b).
fn california(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let thanksgiving = nth_weekday(y, 11, Weekday::Thu, 4);
    vec![
        (observed(date(y, 1, 1), false), "New Year's Day"),
        (
            nth_weekday(y, 1, Weekday::Mon, 3),
            "Martin Luther King Jr. Day",
        ),
        (nth_weekday(y, 2, Weekday::Mon, 3), "Presidents' Day"),
        (observed(date(y, 3, 31), false), "Cesar Chavez Day"),
        (last_weekday(y, 5, Weekday::Mon), "Memorial Day"),
        (observed(date(y, 7, 4), false), "Independence Day"),
        (nth_weekday(y, 9, Weekday::Mon, 1), "Labor Day"),
        (observed(date(y, 11, 11), true), "Veterans Day"),
        (thanksgiving, "Thanksgiving Day"),
        (
            thanksgiving + chrono::Duration::days(1),
            "Day after Thanksgiving",
        ),
        (observed(date(y, 12, 25), false), "Christmas Day"),
    ]
}

/// Published one-off bank holidays (royal events) in England and Wales, as proclaimed.
const ENGLAND_AND_WALES_ONE_OFFS: &[(i32, u32, u32, &str)] = &[
    (2022, 6, 3, "Platinum Jubilee bank holiday"),
    (2022, 9, 19, "State Funeral of Queen Elizabeth II"),
    (2023, 5, 8, "Coronation of King Charles III"),
];

fn england_and_wales(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = vec![
        (nth_free_weekday(&[], date(y, 1, 1)), "New Year's Day"),
        (easter_plus(y, -2), "Good Friday"),
        (easter_plus(y, 1), "Easter Monday"),
        (
            if y == 2020 {
                date(2020, 5, 8)
            } else {
                nth_weekday(y, 5, Weekday::Mon, 1)
            },
            "Early May bank holiday",
        ),
        (
            if y == 2022 {
                date(2022, 6, 2)
            } else {
                last_weekday(y, 5, Weekday::Mon)
            },
            "Spring bank holiday",
        ),
        (last_weekday(y, 8, Weekday::Mon), "Summer bank holiday"),
    ];
    // Christmas first, then Boxing Day on the next weekday not already taken.
    let christmas = nth_free_weekday(&[], date(y, 12, 25));
    let boxing = nth_free_weekday(&[christmas], date(y, 12, 26));
    out.push((christmas, "Christmas Day"));
    out.push((boxing, "Boxing Day"));
    out.extend(
        ENGLAND_AND_WALES_ONE_OFFS
            .iter()
            .filter(|(year, ..)| *year == y)
            .map(|&(year, m, d, name)| (date(year, m, d), name)),
    );
    out
}

/// The day itself if a weekday not taken, else the next weekday not taken.
fn nth_free_weekday(taken: &[NaiveDate], d: NaiveDate) -> NaiveDate {
    let mut day = d;
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&day) {
        day += chrono::Duration::days(1);
    }
    day
}

fn germany(y: i32) -> Vec<(NaiveDate, &'static str)> {
    vec![
        (date(y, 1, 1), "Neujahr"),
        (easter_plus(y, -2), "Karfreitag"),
        (easter_plus(y, 1), "Ostermontag"),
        (date(y, 5, 1), "Tag der Arbeit"),
        (easter_plus(y, 39), "Christi Himmelfahrt"),
        (easter_plus(y, 50), "Pfingstmontag"),
        (date(y, 10, 3), "Tag der Deutschen Einheit"),
        (date(y, 12, 25), "1. Weihnachtstag"),
        (date(y, 12, 26), "2. Weihnachtstag"),
    ]
}

fn france(y: i32) -> Vec<(NaiveDate, &'static str)> {
    vec![
        (date(y, 1, 1), "Jour de l'an"),
        (easter_plus(y, 1), "Lundi de Pâques"),
        (date(y, 5, 1), "Fête du Travail"),
        (date(y, 5, 8), "Victoire 1945"),
        (easter_plus(y, 39), "Ascension"),
        (easter_plus(y, 50), "Lundi de Pentecôte"),
        (date(y, 7, 14), "Fête nationale"),
        (date(y, 8, 15), "Assomption"),
        (date(y, 11, 1), "Toussaint"),
        (date(y, 11, 11), "Armistice 1918"),
        (date(y, 12, 25), "Noël"),
    ]
}

/// The public holidays of Sch. 2 on their own dates. A holiday on a weekend stays there: the
/// Act gives employees a compensating benefit (s. 21), it does not make the Monday a public
/// holiday, so it moves no time limit.
fn ireland(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = vec![(date(y, 1, 1), "New Year's Day")];
    if y >= 2023 {
        // The first Monday of February, or 1 February itself when that is a Friday.
        let feb1 = date(y, 2, 1);
        let brigid = if feb1.weekday() == Weekday::Fri {
            feb1
        } else {
            nth_weekday(y, 2, Weekday::Mon, 1)
        };
        out.push((brigid, "St Brigid's Day"));
    }
    out.extend([
        (date(y, 3, 17), "St Patrick's Day"),
        (easter_plus(y, 1), "Easter Monday"),
        (nth_weekday(y, 5, Weekday::Mon, 1), "May bank holiday"),
        (nth_weekday(y, 6, Weekday::Mon, 1), "June bank holiday"),
        (nth_weekday(y, 8, Weekday::Mon, 1), "August bank holiday"),
        (last_weekday(y, 10, Weekday::Mon), "October bank holiday"),
        (date(y, 12, 25), "Christmas Day"),
        (date(y, 12, 26), "St Stephen's Day"),
    ]);
    out
}

fn netherlands(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let kings_day = if date(y, 4, 27).weekday() == Weekday::Sun {
        date(y, 4, 26)
    } else {
        date(y, 4, 27)
    };
    vec![
        (date(y, 1, 1), "Nieuwjaarsdag"),
        // Art. 3(2): Good Friday counts as a public holiday for time limits.
        (easter_plus(y, -2), "Goede Vrijdag"),
        (easter_plus(y, 1), "Tweede Paasdag"),
        (kings_day, "Koningsdag"),
        (date(y, 5, 5), "Bevrijdingsdag"),
        (easter_plus(y, 39), "Hemelvaartsdag"),
        (easter_plus(y, 50), "Tweede Pinksterdag"),
        (date(y, 12, 25), "Eerste Kerstdag"),
        (date(y, 12, 26), "Tweede Kerstdag"),
    ]
}

fn spain(y: i32) -> Vec<(NaiveDate, &'static str)> {
    vec![
        (date(y, 1, 1), "Año Nuevo"),
        (date(y, 1, 6), "Epifanía del Señor"),
        (easter_plus(y, -2), "Viernes Santo"),
        (date(y, 5, 1), "Fiesta del Trabajo"),
        (date(y, 8, 15), "Asunción de la Virgen"),
        (date(y, 10, 12), "Fiesta Nacional de España"),
        (date(y, 11, 1), "Todos los Santos"),
        (date(y, 12, 6), "Día de la Constitución"),
        (date(y, 12, 8), "Inmaculada Concepción"),
        (date(y, 12, 25), "Natividad del Señor"),
    ]
}

fn italy(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut days = vec![
        (date(y, 1, 1), "Capodanno"),
        (date(y, 1, 6), "Epifania"),
        (easter_plus(y, 1), "Lunedì dell'Angelo"),
        (date(y, 4, 25), "Festa della Liberazione"),
        (date(y, 5, 1), "Festa del Lavoro"),
        (date(y, 6, 2), "Festa della Repubblica"),
        (date(y, 8, 15), "Ferragosto"),
        (date(y, 11, 1), "Ognissanti"),
        (date(y, 12, 8), "Immacolata Concezione"),
        (date(y, 12, 25), "Natale"),
        (date(y, 12, 26), "Santo Stefano"),
    ];
    if y >= 2026 {
        // San Francesco d'Assisi: a national holiday again from 2026 (law of October 2025).
        days.push((date(y, 10, 4), "San Francesco d'Assisi"));
    }
    days
}

fn austria(y: i32) -> Vec<(NaiveDate, &'static str)> {
    vec![
        (date(y, 1, 1), "Neujahr"),
        (date(y, 1, 6), "Heilige Drei Könige"),
        (easter_plus(y, 1), "Ostermontag"),
        (date(y, 5, 1), "Staatsfeiertag"),
        (easter_plus(y, 39), "Christi Himmelfahrt"),
        (easter_plus(y, 50), "Pfingstmontag"),
        (easter_plus(y, 60), "Fronleichnam"),
        (date(y, 8, 15), "Mariä Himmelfahrt"),
        (date(y, 10, 26), "Nationalfeiertag"),
        (date(y, 11, 1), "Allerheiligen"),
        (date(y, 12, 8), "Mariä Empfängnis"),
        (date(y, 12, 25), "Christtag"),
        (date(y, 12, 26), "Stefanitag"),
    ]
}

fn belgium(y: i32) -> Vec<(NaiveDate, &'static str)> {
    vec![
        (date(y, 1, 1), "Nouvel An"),
        (easter_plus(y, 1), "Lundi de Pâques"),
        (date(y, 5, 1), "Fête du Travail"),
        (easter_plus(y, 39), "Ascension"),
        (easter_plus(y, 50), "Lundi de Pentecôte"),
        (date(y, 7, 21), "Fête nationale"),
        (date(y, 8, 15), "Assomption"),
        (date(y, 11, 1), "Toussaint"),
        (date(y, 11, 11), "Armistice"),
        (date(y, 12, 25), "Noël"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// 15 and 10 business days (11 CCR 7001) across the days the old table got wrong.
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
        assert_eq!(
            Calendar::for_jurisdiction(Ccpa, None),
            Some(Calendar::California)
        );
        assert_eq!(
            Calendar::for_jurisdiction(UkGdpr, None),
            Some(Calendar::EnglandAndWales)
        );
        assert_eq!(Calendar::for_jurisdiction(Gdpr, None), None);
        assert_eq!(
            Calendar::for_jurisdiction(Gdpr, Some(Calendar::Germany)),
            Some(Calendar::Germany)
        );
        assert_eq!(
            Calendar::for_jurisdiction(Other, Some(Calendar::Germany)),
            None
        );
    }
}
