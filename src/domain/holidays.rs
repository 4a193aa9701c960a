//! Non-working days for each jurisdiction's clock, and the business-day arithmetic
//! built on them. The shipped tables are only seed data: admins edit the stored copy,
//! so the clock always works from a `HolidayCalendar` it is handed, never from these
//! tables directly.

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

    /// The shipped calendar, for callers (tests, first start) that have no stored copy.
    pub fn default_for(j: Jurisdiction) -> Self {
        Self::new(default_holidays(j).into_iter().map(|(d, _)| d))
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

/// Shipped defaults, admin-editable later (they are seeded into a database table):
/// returns (date, name), sorted by date.
///
/// The EU has no common public-holiday calendar and "other" is a catch-all, so both
/// start with weekends only; admins add their own dates.
pub fn default_holidays(j: Jurisdiction) -> Vec<(NaiveDate, &'static str)> {
    let rows: &[Row] = match j {
        Jurisdiction::Gdpr | Jurisdiction::Other => &[],
        Jurisdiction::UkGdpr => ENGLAND_AND_WALES,
        Jurisdiction::Ccpa => CALIFORNIA,
    };
    rows.iter()
        .map(|&(y, m, d, name)| {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("holiday tables hold real dates");
            (date, name)
        })
        .collect()
}

type Row = (i32, u32, u32, &'static str);

/// England & Wales bank holidays 2025–2030. 2025 and 2026 are the gov.uk published
/// lists; later years follow the same rules (Easter from the Gregorian computus,
/// weekend holidays moved to the next free weekday) and should be checked against
/// gov.uk when it publishes them, since one-off royal or jubilee days get added.
const ENGLAND_AND_WALES: &[Row] = &[
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

/// California state holidays 2025–2030 as observed for the clock: Sunday dates move to
/// Monday, Saturday dates to the preceding Friday. That is why New Year's Day 2028
/// appears as 2027-12-31.
const CALIFORNIA: &[Row] = &[
    (2025, 1, 1, "New Year's Day"),               // Wed
    (2025, 1, 20, "Martin Luther King Jr. Day"),  // Mon
    (2025, 2, 17, "Presidents' Day"),             // Mon
    (2025, 3, 31, "Cesar Chavez Day"),            // Mon
    (2025, 5, 26, "Memorial Day"),                // Mon
    (2025, 7, 4, "Independence Day"),             // Fri
    (2025, 9, 1, "Labor Day"),                    // Mon
    (2025, 9, 26, "Native American Day"),         // Fri
    (2025, 11, 11, "Veterans Day"),               // Tue
    (2025, 11, 27, "Thanksgiving Day"),           // Thu
    (2025, 11, 28, "Day after Thanksgiving"),     // Fri
    (2025, 12, 25, "Christmas Day"),              // Thu
    (2026, 1, 1, "New Year's Day"),               // Thu
    (2026, 1, 19, "Martin Luther King Jr. Day"),  // Mon
    (2026, 2, 16, "Presidents' Day"),             // Mon
    (2026, 3, 31, "Cesar Chavez Day"),            // Tue
    (2026, 5, 25, "Memorial Day"),                // Mon
    (2026, 7, 3, "Independence Day (observed)"),  // Fri
    (2026, 9, 7, "Labor Day"),                    // Mon
    (2026, 9, 25, "Native American Day"),         // Fri
    (2026, 11, 11, "Veterans Day"),               // Wed
    (2026, 11, 26, "Thanksgiving Day"),           // Thu
    (2026, 11, 27, "Day after Thanksgiving"),     // Fri
    (2026, 12, 25, "Christmas Day"),              // Fri
    (2027, 1, 1, "New Year's Day"),               // Fri
    (2027, 1, 18, "Martin Luther King Jr. Day"),  // Mon
    (2027, 2, 15, "Presidents' Day"),             // Mon
    (2027, 3, 31, "Cesar Chavez Day"),            // Wed
    (2027, 5, 31, "Memorial Day"),                // Mon
    (2027, 7, 5, "Independence Day (observed)"),  // Mon
    (2027, 9, 6, "Labor Day"),                    // Mon
    (2027, 9, 24, "Native American Day"),         // Fri
    (2027, 11, 11, "Veterans Day"),               // Thu
    (2027, 11, 25, "Thanksgiving Day"),           // Thu
    (2027, 11, 26, "Day after Thanksgiving"),     // Fri
    (2027, 12, 24, "Christmas Day (observed)"),   // Fri
    (2027, 12, 31, "New Year's Day (observed)"),  // Fri
    (2028, 1, 17, "Martin Luther King Jr. Day"),  // Mon
    (2028, 2, 21, "Presidents' Day"),             // Mon
    (2028, 3, 31, "Cesar Chavez Day"),            // Fri
    (2028, 5, 29, "Memorial Day"),                // Mon
    (2028, 7, 4, "Independence Day"),             // Tue
    (2028, 9, 4, "Labor Day"),                    // Mon
    (2028, 9, 22, "Native American Day"),         // Fri
    (2028, 11, 10, "Veterans Day (observed)"),    // Fri
    (2028, 11, 23, "Thanksgiving Day"),           // Thu
    (2028, 11, 24, "Day after Thanksgiving"),     // Fri
    (2028, 12, 25, "Christmas Day"),              // Mon
    (2029, 1, 1, "New Year's Day"),               // Mon
    (2029, 1, 15, "Martin Luther King Jr. Day"),  // Mon
    (2029, 2, 19, "Presidents' Day"),             // Mon
    (2029, 3, 30, "Cesar Chavez Day (observed)"), // Fri
    (2029, 5, 28, "Memorial Day"),                // Mon
    (2029, 7, 4, "Independence Day"),             // Wed
    (2029, 9, 3, "Labor Day"),                    // Mon
    (2029, 9, 28, "Native American Day"),         // Fri
    (2029, 11, 12, "Veterans Day (observed)"),    // Mon
    (2029, 11, 22, "Thanksgiving Day"),           // Thu
    (2029, 11, 23, "Day after Thanksgiving"),     // Fri
    (2029, 12, 25, "Christmas Day"),              // Tue
    (2030, 1, 1, "New Year's Day"),               // Tue
    (2030, 1, 21, "Martin Luther King Jr. Day"),  // Mon
    (2030, 2, 18, "Presidents' Day"),             // Mon
    (2030, 4, 1, "Cesar Chavez Day (observed)"),  // Mon
    (2030, 5, 27, "Memorial Day"),                // Mon
    (2030, 7, 4, "Independence Day"),             // Thu
    (2030, 9, 2, "Labor Day"),                    // Mon
    (2030, 9, 27, "Native American Day"),         // Fri
    (2030, 11, 11, "Veterans Day"),               // Mon
    (2030, 11, 28, "Thanksgiving Day"),           // Thu
    (2030, 11, 29, "Day after Thanksgiving"),     // Fri
    (2030, 12, 25, "Christmas Day"),              // Wed
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(j: Jurisdiction) -> Vec<NaiveDate> {
        default_holidays(j)
            .into_iter()
            .map(|(date, _)| date)
            .collect()
    }

    #[test]
    fn gdpr_and_other_ship_no_holidays() {
        assert!(default_holidays(Jurisdiction::Gdpr).is_empty());
        assert!(default_holidays(Jurisdiction::Other).is_empty());
    }

    #[test]
    fn tables_are_sorted_unique_weekdays() {
        for j in [Jurisdiction::UkGdpr, Jurisdiction::Ccpa] {
            let ds = dates(j);
            assert!(ds.windows(2).all(|w| w[0] < w[1]), "{j} not sorted/unique");
            for date in ds {
                assert!(
                    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
                    "{j} holiday {date} is on a weekend; the observed day belongs in the table"
                );
            }
        }
    }

    #[test]
    fn uk_has_eight_bank_holidays_a_year() {
        let ds = dates(Jurisdiction::UkGdpr);
        // 2028's New Year substitute lands in 2028, so every year keeps exactly eight.
        for y in 2025..=2030 {
            assert_eq!(ds.iter().filter(|x| x.year() == y).count(), 8, "{y}");
        }
    }

    #[test]
    fn uk_published_2025_and_2026_lists() {
        let ds = dates(Jurisdiction::UkGdpr);
        let published = [
            d(2025, 1, 1),
            d(2025, 4, 18),
            d(2025, 4, 21),
            d(2025, 5, 5),
            d(2025, 5, 26),
            d(2025, 8, 25),
            d(2025, 12, 25),
            d(2025, 12, 26),
            d(2026, 1, 1),
            d(2026, 4, 3),
            d(2026, 4, 6),
            d(2026, 5, 4),
            d(2026, 5, 25),
            d(2026, 8, 31),
            d(2026, 12, 25),
            d(2026, 12, 28),
        ];
        assert_eq!(&ds[..16], &published);
    }

    #[test]
    fn uk_easter_follows_given_sundays() {
        let cal = HolidayCalendar::default_for(Jurisdiction::UkGdpr);
        let easter_sundays = [
            d(2025, 4, 20),
            d(2026, 4, 5),
            d(2027, 3, 28),
            d(2028, 4, 16),
            d(2029, 4, 1),
            d(2030, 4, 21),
        ];
        for sunday in easter_sundays {
            assert_eq!(sunday.weekday(), Weekday::Sun);
            assert!(
                cal.contains(sunday - chrono::Days::new(2)),
                "Good Friday {sunday}"
            );
            assert!(
                cal.contains(sunday + chrono::Days::new(1)),
                "Easter Monday {sunday}"
            );
        }
    }

    #[test]
    fn uk_substitute_days() {
        let cal = HolidayCalendar::default_for(Jurisdiction::UkGdpr);
        // 2027: Christmas on Saturday, Boxing Day on Sunday.
        assert!(cal.contains(d(2027, 12, 27)) && cal.contains(d(2027, 12, 28)));
        // 2028: New Year's Day on Saturday.
        assert!(cal.contains(d(2028, 1, 3)));
        assert!(!cal.contains(d(2028, 1, 1)));
        // 2026: Boxing Day on Saturday, Christmas itself on Friday.
        assert!(cal.contains(d(2026, 12, 28)));
    }

    #[test]
    fn california_known_dates() {
        let cal = HolidayCalendar::default_for(Jurisdiction::Ccpa);
        for date in [
            d(2025, 1, 20),  // MLK Day, 3rd Monday
            d(2025, 2, 17),  // Presidents' Day
            d(2025, 3, 31),  // Cesar Chavez Day
            d(2025, 9, 26),  // Native American Day, 4th Friday of September
            d(2025, 11, 27), // Thanksgiving
            d(2025, 11, 28), // Day after Thanksgiving
            d(2026, 7, 3),   // July 4th on Saturday -> Friday
            d(2027, 7, 5),   // July 4th on Sunday -> Monday
            d(2027, 12, 24), // Christmas on Saturday -> Friday
            d(2027, 12, 31), // New Year's Day 2028 on Saturday -> Friday
            d(2028, 11, 10), // Veterans Day on Saturday -> Friday
            d(2029, 3, 30),  // Cesar Chavez Day on Saturday -> Friday
            d(2030, 4, 1),   // Cesar Chavez Day on Sunday -> Monday
            d(2030, 9, 27),  // Native American Day
        ] {
            assert!(cal.contains(date), "{date}");
        }
        assert!(
            !cal.contains(d(2025, 12, 26)),
            "California has no Boxing Day"
        );
        assert_eq!(dates(Jurisdiction::Ccpa).len(), 72);
    }

    #[test]
    fn every_default_row_has_a_name() {
        for j in Jurisdiction::ALL {
            assert!(
                default_holidays(*j)
                    .iter()
                    .all(|(_, name)| !name.is_empty())
            );
        }
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let cal = HolidayCalendar::new([d(2025, 12, 25), d(2025, 12, 26)]);
        assert!(cal.is_business_day(d(2025, 12, 24))); // Wednesday
        assert!(!cal.is_business_day(d(2025, 12, 25)));
        assert!(!cal.is_business_day(d(2025, 12, 27))); // Saturday
        assert_eq!(
            cal.next_business_day_on_or_after(d(2025, 12, 25)),
            d(2025, 12, 29)
        );
        assert_eq!(
            cal.next_business_day_on_or_after(d(2025, 12, 24)),
            d(2025, 12, 24)
        );
        let empty = HolidayCalendar::empty();
        assert!(empty.is_business_day(d(2025, 12, 25)));
        assert_eq!(
            empty.next_business_day_on_or_after(d(2025, 12, 27)),
            d(2025, 12, 29)
        );
    }

    #[test]
    fn add_business_days_counts_from_the_day_after() {
        let cal = HolidayCalendar::empty();
        // Friday + 1 business day = Monday; the receipt day itself never counts.
        assert_eq!(cal.add_business_days(d(2026, 1, 9), 1), d(2026, 1, 12));
        // Received on a Saturday: day 1 is Monday.
        assert_eq!(cal.add_business_days(d(2026, 1, 10), 1), d(2026, 1, 12));
        assert_eq!(cal.add_business_days(d(2026, 1, 9), 5), d(2026, 1, 16));
        assert_eq!(cal.add_business_days(d(2026, 1, 10), 0), d(2026, 1, 10));
        let ca = HolidayCalendar::default_for(Jurisdiction::Ccpa);
        // Wed 2025-12-24 -> Thu 25 holiday -> Fri 26 is day 1.
        assert_eq!(ca.add_business_days(d(2025, 12, 24), 1), d(2025, 12, 26));
    }
}
