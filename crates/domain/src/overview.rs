//! The figures of the console's overview, worked out from plain rows: requests received per
//! week by kind, the share answered on time per month, the median days to respond per law.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::reports::{days_to_respond, median, on_time, responded};
use super::{Jurisdiction, RequestKind, Status};

/// Weeks the "received" chart covers.
pub const WEEKS: usize = 26;
/// Months the on-time and days-to-respond figures cover.
pub const MONTHS: usize = 12;

/// The Monday that starts the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday() as i64)
}

/// The first day of the oldest week the chart shows.
pub fn weeks_from(today: NaiveDate) -> NaiveDate {
    week_start(today) - Duration::weeks(WEEKS as i64 - 1)
}

/// The first day of the oldest month the monthly figures show.
pub fn months_from(today: NaiveDate) -> NaiveDate {
    let first = today.with_day(1).expect("day 1 exists");
    (0..MONTHS - 1).fold(first, |d, _| previous_month(d))
}

fn previous_month(first: NaiveDate) -> NaiveDate {
    (first - Duration::days(1))
        .with_day(1)
        .expect("day 1 exists")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Week {
    /// Its Monday.
    pub start: NaiveDate,
    /// Requests received that week per kind, in [`RequestKind::ALL`]'s order.
    pub by_kind: Vec<i64>,
}

impl Week {
    pub fn total(&self) -> i64 {
        self.by_kind.iter().sum()
    }
}

/// The last [`WEEKS`] weeks, oldest first, from counts per day and kind (days outside the
/// window are ignored).
pub fn weekly(today: NaiveDate, counts: &[(NaiveDate, RequestKind, i64)]) -> Vec<Week> {
    let from = weeks_from(today);
    let mut weeks: Vec<Week> = (0..WEEKS)
        .map(|i| Week {
            start: from + Duration::weeks(i as i64),
            by_kind: vec![0; RequestKind::ALL.len()],
        })
        .collect();
    for (day, kind, n) in counts {
        if *day < from || *day > today {
            continue;
        }
        let i = ((*day - from).num_days() / 7) as usize;
        let k = RequestKind::ALL
            .iter()
            .position(|x| x == kind)
            .expect("every kind is in ALL");
        weeks[i].by_kind[k] += n;
    }
    weeks
}

/// A request closed in the window, as the monthly figures read it (local dates).
#[derive(Debug, Clone)]
pub struct Closed {
    pub jurisdiction: Jurisdiction,
    pub status: Status,
    pub received: NaiveDate,
    pub closed: NaiveDate,
    pub effective_due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Month {
    /// Its first day.
    pub start: NaiveDate,
    pub closed: i64,
    pub on_time: i64,
}

impl Month {
    /// Percent answered on time, `None` when nothing closed that month.
    pub fn rate(&self) -> Option<f64> {
        (self.closed > 0).then(|| self.on_time as f64 * 100.0 / self.closed as f64)
    }
}

/// Requests closed per month over the last [`MONTHS`] months, oldest first, and how many
/// of them by their (extended) due date.
pub fn on_time_by_month(today: NaiveDate, closed: &[Closed]) -> Vec<Month> {
    let mut months: Vec<Month> = Vec::with_capacity(MONTHS);
    let mut start = months_from(today);
    for _ in 0..MONTHS {
        months.push(Month {
            start,
            closed: 0,
            on_time: 0,
        });
        start = (start + Duration::days(32)).with_day(1).expect("day 1");
    }
    for c in closed {
        let first = c.closed.with_day(1).expect("day 1");
        if let Some(m) = months.iter_mut().find(|m| m.start == first) {
            m.closed += 1;
            if on_time(Some(c.closed), c.effective_due) == Some(true) {
                m.on_time += 1;
            }
        }
    }
    months
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Responding {
    pub jurisdiction: Jurisdiction,
    /// Requests answered (completed or denied) in the window.
    pub answered: i64,
    pub median_days: Option<f64>,
}

/// Median calendar days from receipt to answer, per law, over the requests answered in the
/// window (a withdrawn request got no answer and is not counted); every law is listed.
pub fn median_days_by_jurisdiction(closed: &[Closed]) -> Vec<Responding> {
    let mut days: BTreeMap<Jurisdiction, Vec<i64>> = BTreeMap::new();
    for c in closed.iter().filter(|c| responded(c.status)) {
        if let Some(d) = days_to_respond(c.received, Some(c.closed)) {
            days.entry(c.jurisdiction).or_default().push(d);
        }
    }
    Jurisdiction::ALL
        .iter()
        .map(|j| {
            let mut d = days.remove(j).unwrap_or_default();
            Responding {
                jurisdiction: *j,
                answered: d.len() as i64,
                median_days: median(&mut d),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_end_this_week() {
        let today = day("2026-11-25"); // a Wednesday
        assert_eq!(week_start(today), day("2026-11-23"));
        let w = weekly(
            today,
            &[
                (day("2026-11-25"), RequestKind::Access, 2),
                (day("2026-11-23"), RequestKind::Deletion, 1),
                (day("2026-11-22"), RequestKind::Access, 5),
                (weeks_from(today), RequestKind::OptOut, 3),
                (
                    weeks_from(today) - Duration::days(1),
                    RequestKind::OptOut,
                    100,
                ),
            ],
        );
        assert_eq!(w.len(), WEEKS);
        assert_eq!(w[WEEKS - 1].start, day("2026-11-23"));
        assert_eq!(w[WEEKS - 1].total(), 3);
        assert_eq!(w[WEEKS - 1].by_kind[0], 2, "access first, as in ALL");
        assert_eq!(w[WEEKS - 2].total(), 5, "Sunday belongs to the week before");
        assert_eq!(w[0].total(), 3, "the day before the window is left out");
    }

    #[test]
    fn months_cover_a_year_up_to_this_one() {
        let today = day("2026-03-10");
        assert_eq!(months_from(today), day("2025-04-01"));
        let closed = |c: &str, due: &str| Closed {
            jurisdiction: Jurisdiction::Gdpr,
            status: Status::Completed,
            received: day("2026-01-01"),
            closed: day(c),
            effective_due: day(due),
        };
        let m = on_time_by_month(
            today,
            &[
                closed("2026-03-02", "2026-03-05"),
                closed("2026-03-06", "2026-03-05"),
                closed("2026-02-01", "2026-02-01"),
                closed("2025-03-31", "2025-04-30"),
            ],
        );
        assert_eq!(m.len(), MONTHS);
        assert_eq!(m[MONTHS - 1].start, day("2026-03-01"));
        assert_eq!((m[MONTHS - 1].closed, m[MONTHS - 1].on_time), (2, 1));
        assert_eq!(m[MONTHS - 1].rate(), Some(50.0));
        assert_eq!(
            m[MONTHS - 2].rate(),
            Some(100.0),
            "on the due date is on time"
        );
        assert_eq!(m[0].rate(), None, "March 2025 is outside the window");
    }

    #[test]
    fn median_days_count_answers_only() {
        let c = |j, status, received: &str, closed: &str| Closed {
            jurisdiction: j,
            status,
            received: day(received),
            closed: day(closed),
            effective_due: day(closed),
        };
        let r = median_days_by_jurisdiction(&[
            c(
                Jurisdiction::Gdpr,
                Status::Completed,
                "2026-01-01",
                "2026-01-11",
            ),
            c(
                Jurisdiction::Gdpr,
                Status::Denied,
                "2026-01-01",
                "2026-01-21",
            ),
            c(
                Jurisdiction::Gdpr,
                Status::Withdrawn,
                "2026-01-01",
                "2026-03-01",
            ),
            c(
                Jurisdiction::Ccpa,
                Status::Completed,
                "2026-01-01",
                "2026-01-04",
            ),
        ]);
        assert_eq!(r.len(), Jurisdiction::ALL.len());
        let gdpr = r
            .iter()
            .find(|x| x.jurisdiction == Jurisdiction::Gdpr)
            .unwrap();
        assert_eq!((gdpr.answered, gdpr.median_days), (2, Some(15.0)));
        let uk = r
            .iter()
            .find(|x| x.jurisdiction == Jurisdiction::UkGdpr)
            .unwrap();
        assert_eq!((uk.answered, uk.median_days), (0, None));
    }
}
