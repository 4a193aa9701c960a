//! Statutory response deadlines. Nothing here is stored as a computed result: every
//! date is re-derived from the request's facts (jurisdiction, kind, receipt date, days
//! paused, whether it was extended) so that fixing a holiday table or a setting fixes
//! every open request, and an audit can replay how a deadline came about.

use chrono::{Days, Months, NaiveDate};

use super::holidays::HolidayCalendar;
use super::kinds::{Jurisdiction, RequestKind};

/// Per-jurisdiction knobs an admin may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockSettings {
    /// Whether staff may stop the clock while waiting for the data subject.
    pub pause_allowed: bool,
    /// Calendar days to respond, used only by `Jurisdiction::Other`.
    pub other_response_days: u32,
    /// Extra calendar days an extension grants, used only by `Jurisdiction::Other`.
    pub other_extension_days: u32,
}

impl ClockSettings {
    pub fn default_for(j: Jurisdiction) -> Self {
        Self {
            // The ICO explicitly allows stopping the clock while awaiting
            // clarification or ID; the other regimes have no such settled practice.
            pause_allowed: j == Jurisdiction::UkGdpr,
            other_response_days: 30,
            other_extension_days: 30,
        }
    }
}

/// The deadlines of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Only CCPA requires a receipt confirmation by a set date.
    pub acknowledge_by: Option<NaiveDate>,
    /// The original deadline; kept even after an extension so it can be shown and
    /// audited.
    pub due_date: NaiveDate,
    /// Present only when the request has been extended.
    pub extended_due_date: Option<NaiveDate>,
}

impl Schedule {
    /// The date the response is actually owed by.
    pub fn effective_due_date(&self) -> NaiveDate {
        effective_due(self.due_date, self.extended_due_date)
    }
}

/// The date a response is owed by: the extended one once an extension is granted. (The
/// request queue sorts by the same rule in SQL: `db::requests::effective_due`.)
pub fn effective_due(due_date: NaiveDate, extended_due_date: Option<NaiveDate>) -> NaiveDate {
    extended_due_date.unwrap_or(due_date)
}

#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ClockError {
    #[error("opt-out and limit-use requests cannot be extended")]
    NotExtendable,
}

/// CCPA/CPRA regulations give 10 business days to confirm receipt of know/delete/
/// correct requests, and 15 business days to honour opt-out and limit-use requests.
const CCPA_ACK_BUSINESS_DAYS: u32 = 10;
const CCPA_OPT_OUT_BUSINESS_DAYS: u32 = 15;
const CCPA_RESPONSE_DAYS: u64 = 45;
const CCPA_EXTENDED_DAYS: u64 = 90;

/// Recomputes every deadline from facts, so a stored request can always be re-derived.
///
/// `paused_days` moves the due and extended dates by that many calendar days; it is
/// applied whether or not `settings.pause_allowed` is set now, because a pause that
/// already happened is a fact and turning the setting off must not rewrite history.
/// Negative values are treated as zero.
pub fn schedule(
    j: Jurisdiction,
    kind: RequestKind,
    received: NaiveDate,
    paused_days: i64,
    extended: bool,
    settings: &ClockSettings,
    cal: &HolidayCalendar,
) -> Result<Schedule, ClockError> {
    if extended && !can_extend(j, kind) {
        return Err(ClockError::NotExtendable);
    }
    let paused = u64::try_from(paused_days).unwrap_or(0);

    let schedule = match j {
        Jurisdiction::Gdpr | Jurisdiction::UkGdpr => {
            // The pause is added to the unrolled date and the result rolled once, so
            // a weekend is never "paid for" twice.
            let deadline = |months| {
                cal.next_business_day_on_or_after(plus_days(
                    add_months_clamped(received, months),
                    paused,
                ))
            };
            Schedule {
                acknowledge_by: None,
                due_date: deadline(1),
                // Always from receipt: rolling the one-month date forward first could
                // push the extension past three months.
                extended_due_date: extended.then(|| deadline(3)),
            }
        }
        Jurisdiction::Ccpa if is_ccpa_opt_out(kind) => Schedule {
            acknowledge_by: None,
            due_date: plus_days(
                cal.add_business_days(received, CCPA_OPT_OUT_BUSINESS_DAYS),
                paused,
            ),
            extended_due_date: None,
        },
        Jurisdiction::Ccpa => Schedule {
            // Confirmation is owed regardless of any later pause waiting for the
            // consumer, so the pause does not move it.
            acknowledge_by: Some(cal.add_business_days(received, CCPA_ACK_BUSINESS_DAYS)),
            due_date: plus_days(received, CCPA_RESPONSE_DAYS + paused),
            extended_due_date: extended.then(|| plus_days(received, CCPA_EXTENDED_DAYS + paused)),
        },
        Jurisdiction::Other => {
            let base = u64::from(settings.other_response_days) + paused;
            Schedule {
                acknowledge_by: None,
                due_date: plus_days(received, base),
                extended_due_date: extended
                    .then(|| plus_days(received, base + u64::from(settings.other_extension_days))),
            }
        }
    };
    Ok(schedule)
}

/// The CCPA has no extension for opt-out and limit-use requests; every other
/// combination may be extended.
pub fn can_extend(j: Jurisdiction, kind: RequestKind) -> bool {
    !(j == Jurisdiction::Ccpa && is_ccpa_opt_out(kind))
}

fn is_ccpa_opt_out(kind: RequestKind) -> bool {
    matches!(kind, RequestKind::OptOut | RequestKind::LimitUse)
}

/// Same day number `months` later, or the last day of that month when it is shorter
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months_clamped(d: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the month's end itself; only overflow past its range is left,
    // and saturating keeps a garbage date from panicking a page render.
    d.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

pub fn whole_days_paused(paused_on: NaiveDate, resumed_on: NaiveDate) -> i64 {
    (resumed_on - paused_on).num_days().max(0)
}

/// 0 on the due date itself; negative once overdue.
pub fn days_left(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// A deadline lasts until the end of its day, so a response sent on the due date is
/// on time.
pub fn is_overdue(due: NaiveDate, today: NaiveDate) -> bool {
    today > due
}

fn plus_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Jurisdiction::{Ccpa, Gdpr, Other, UkGdpr};
    use RequestKind::{Access, Deletion, LimitUse, OptOut};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Schedule with the shipped settings and holidays.
    fn sched(
        j: Jurisdiction,
        kind: RequestKind,
        received: NaiveDate,
        paused: i64,
        ext: bool,
    ) -> Schedule {
        schedule(
            j,
            kind,
            received,
            paused,
            ext,
            &ClockSettings::default_for(j),
            &HolidayCalendar::default_for(j),
        )
        .unwrap()
    }

    fn due(j: Jurisdiction, received: NaiveDate) -> NaiveDate {
        sched(j, Access, received, 0, false).due_date
    }

    fn extended(j: Jurisdiction, received: NaiveDate) -> NaiveDate {
        sched(j, Access, received, 0, true)
            .extended_due_date
            .unwrap()
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months_clamped(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months_clamped(d(2028, 1, 31), 1), d(2028, 2, 29));
        assert_eq!(add_months_clamped(d(2026, 3, 31), 1), d(2026, 4, 30));
        assert_eq!(add_months_clamped(d(2028, 2, 29), 1), d(2028, 3, 29));
        assert_eq!(add_months_clamped(d(2025, 11, 30), 3), d(2026, 2, 28));
        assert_eq!(add_months_clamped(d(2025, 12, 31), 1), d(2026, 1, 31));
        assert_eq!(add_months_clamped(d(2025, 5, 17), 0), d(2025, 5, 17));
    }

    #[test]
    fn gdpr_received_31_january() {
        // 2025-02-28 is a Friday: no roll.
        assert_eq!(due(Gdpr, d(2025, 1, 31)), d(2025, 2, 28));
        // Leap year: 2028-02-29 is a Tuesday.
        assert_eq!(due(Gdpr, d(2028, 1, 31)), d(2028, 2, 29));
        // 2027-02-28 is a Sunday: Monday 1 March.
        assert_eq!(due(Gdpr, d(2027, 1, 31)), d(2027, 3, 1));
        // 2026-02-28 is a Saturday: Monday 2 March.
        assert_eq!(due(UkGdpr, d(2026, 1, 31)), d(2026, 3, 2));
    }

    #[test]
    fn gdpr_received_end_of_march() {
        // 2026: 29, 30, 30 April are Wed, Thu, Thu.
        assert_eq!(due(Gdpr, d(2026, 3, 29)), d(2026, 4, 29));
        assert_eq!(due(Gdpr, d(2026, 3, 30)), d(2026, 4, 30));
        assert_eq!(due(Gdpr, d(2026, 3, 31)), d(2026, 4, 30));
        // 2028: 29 April is a Saturday, 30 April a Sunday; 1 May is a Monday and the
        // UK's Early May bank holiday.
        assert_eq!(due(Gdpr, d(2028, 3, 29)), d(2028, 5, 1));
        assert_eq!(due(Gdpr, d(2028, 3, 30)), d(2028, 5, 1));
        assert_eq!(due(Gdpr, d(2028, 3, 31)), d(2028, 5, 1));
        assert_eq!(due(UkGdpr, d(2028, 3, 29)), d(2028, 5, 2));
        assert_eq!(due(UkGdpr, d(2028, 3, 31)), d(2028, 5, 2));
    }

    #[test]
    fn leap_day_receipt() {
        assert_eq!(due(Gdpr, d(2028, 2, 29)), d(2028, 3, 29));
        // Extension lands on Monday 2028-05-29, Spring bank holiday in the UK only.
        assert_eq!(extended(Gdpr, d(2028, 2, 29)), d(2028, 5, 29));
        assert_eq!(extended(UkGdpr, d(2028, 2, 29)), d(2028, 5, 30));
    }

    #[test]
    fn uk_bank_holidays_roll_but_gdpr_does_not() {
        // 2026-05-25 is Monday, the Spring bank holiday.
        assert_eq!(due(Gdpr, d(2026, 4, 25)), d(2026, 5, 25));
        assert_eq!(due(UkGdpr, d(2026, 4, 25)), d(2026, 5, 26));
        // Christmas (Thu) and Boxing Day (Fri) 2025, then the weekend.
        assert_eq!(due(Gdpr, d(2025, 11, 25)), d(2025, 12, 25));
        assert_eq!(due(UkGdpr, d(2025, 11, 25)), d(2025, 12, 29));
        assert_eq!(due(UkGdpr, d(2025, 11, 26)), d(2025, 12, 29));
    }

    #[test]
    fn gdpr_extension_is_three_months_from_receipt() {
        // One month lands on Saturday 2026-02-28 and rolls to Monday 2 March. Two
        // months from that would be Saturday 2 May -> 4 May; the rule says three
        // months from receipt: Thursday 30 April.
        let s = sched(Gdpr, Access, d(2026, 1, 31), 0, true);
        assert_eq!(s.due_date, d(2026, 3, 2));
        assert_eq!(s.extended_due_date, Some(d(2026, 4, 30)));
        assert_eq!(s.effective_due_date(), d(2026, 4, 30));
        assert_eq!(s.acknowledge_by, None);
        // Three months on lands on Saturday 2026-04-18.
        assert_eq!(extended(Gdpr, d(2026, 1, 18)), d(2026, 4, 20));
        // 2028-01-31 + 3 months = Sunday 30 April; Monday 1 May is a UK holiday.
        assert_eq!(extended(Gdpr, d(2028, 1, 31)), d(2028, 5, 1));
        assert_eq!(extended(UkGdpr, d(2028, 1, 31)), d(2028, 5, 2));
    }

    #[test]
    fn not_extended_has_no_extended_date() {
        let s = sched(UkGdpr, Deletion, d(2026, 1, 31), 0, false);
        assert_eq!(s.extended_due_date, None);
        assert_eq!(s.effective_due_date(), s.due_date);
    }

    #[test]
    fn pause_across_month_boundary() {
        let paused = whole_days_paused(d(2026, 1, 28), d(2026, 2, 3));
        assert_eq!(paused, 6);
        // Unpaused: Sunday 2026-02-15 -> Monday 16th.
        assert_eq!(due(Gdpr, d(2026, 1, 15)), d(2026, 2, 16));
        // Paused: 15th + 6 = Saturday 21st -> Monday 23rd.
        let s = sched(Gdpr, Access, d(2026, 1, 15), paused, true);
        assert_eq!(s.due_date, d(2026, 2, 23));
        // Extended: 2026-04-15 + 6 = Tuesday 21st.
        assert_eq!(s.extended_due_date, Some(d(2026, 4, 21)));
    }

    #[test]
    fn pause_is_added_before_rolling() {
        // Base Saturday 2026-02-28 + 1 day = Sunday -> Monday 2 March, the same day
        // as without the pause; rolling first would give Tuesday 3 March.
        let s = sched(Gdpr, Access, d(2026, 1, 31), 1, false);
        assert_eq!(s.due_date, d(2026, 3, 2));
    }

    #[test]
    fn negative_pause_counts_as_none() {
        assert_eq!(whole_days_paused(d(2026, 2, 3), d(2026, 1, 28)), 0);
        assert_eq!(whole_days_paused(d(2026, 2, 3), d(2026, 2, 3)), 0);
        assert_eq!(
            sched(Gdpr, Access, d(2026, 1, 15), -5, false).due_date,
            d(2026, 2, 16)
        );
    }

    #[test]
    fn ccpa_45_and_90_days_span_year_end() {
        let s = sched(Ccpa, Access, d(2025, 12, 1), 0, true);
        assert_eq!(s.due_date, d(2026, 1, 15));
        // 90 days lands on Sunday 2026-03-01; CCPA does not roll.
        assert_eq!(s.extended_due_date, Some(d(2026, 3, 1)));
        // Ten business days after Monday 1 December, no holidays in between.
        assert_eq!(s.acknowledge_by, Some(d(2025, 12, 15)));
    }

    #[test]
    fn ccpa_acknowledgement_skips_holidays() {
        // Across Thanksgiving and the day after (27-28 Nov 2025).
        let s = sched(Ccpa, Deletion, d(2025, 11, 20), 0, false);
        assert_eq!(s.acknowledge_by, Some(d(2025, 12, 8)));
        // Across Christmas 2025 (Thu 25th; Fri 26th is a working day in California).
        let s = sched(Ccpa, Access, d(2025, 12, 15), 0, false);
        assert_eq!(s.acknowledge_by, Some(d(2025, 12, 30)));
        // Across both Christmas and New Year's Day 2026.
        let s = sched(Ccpa, Access, d(2025, 12, 19), 0, false);
        assert_eq!(s.acknowledge_by, Some(d(2026, 1, 6)));
        // With no holiday calendar the same request would be acknowledged by 2 Jan.
        let s = schedule(
            Ccpa,
            Access,
            d(2025, 12, 19),
            0,
            false,
            &ClockSettings::default_for(Ccpa),
            &HolidayCalendar::empty(),
        )
        .unwrap();
        assert_eq!(s.acknowledge_by, Some(d(2026, 1, 2)));
    }

    #[test]
    fn ccpa_opt_out_is_15_business_days() {
        let s = sched(Ccpa, OptOut, d(2025, 11, 20), 0, false);
        assert_eq!(s.due_date, d(2025, 12, 15));
        assert_eq!(s.acknowledge_by, None);
        assert_eq!(s.extended_due_date, None);
        let s = sched(Ccpa, LimitUse, d(2025, 12, 19), 0, false);
        assert_eq!(s.due_date, d(2026, 1, 13));
    }

    #[test]
    fn ccpa_opt_out_cannot_be_extended() {
        for kind in [OptOut, LimitUse] {
            assert!(!can_extend(Ccpa, kind));
            let err = schedule(
                Ccpa,
                kind,
                d(2025, 11, 20),
                0,
                true,
                &ClockSettings::default_for(Ccpa),
                &HolidayCalendar::empty(),
            )
            .unwrap_err();
            assert_eq!(err, ClockError::NotExtendable);
            assert!(err.to_string().contains("cannot be extended"));
        }
        assert!(can_extend(Ccpa, Access));
        assert!(can_extend(Gdpr, OptOut));
        assert!(can_extend(Other, LimitUse));
    }

    #[test]
    fn ccpa_pause_moves_due_but_not_acknowledgement() {
        let s = sched(Ccpa, Access, d(2025, 12, 1), 5, true);
        assert_eq!(s.due_date, d(2026, 1, 20));
        assert_eq!(s.extended_due_date, Some(d(2026, 3, 6)));
        assert_eq!(s.acknowledge_by, Some(d(2025, 12, 15)));
    }

    #[test]
    fn other_with_default_settings() {
        let s = sched(Other, Access, d(2026, 1, 15), 0, true);
        // Saturday 2026-02-14: calendar days, no roll.
        assert_eq!(s.due_date, d(2026, 2, 14));
        assert_eq!(s.extended_due_date, Some(d(2026, 3, 16)));
        assert_eq!(s.acknowledge_by, None);
    }

    #[test]
    fn other_with_custom_settings() {
        let settings = ClockSettings {
            pause_allowed: true,
            other_response_days: 10,
            other_extension_days: 5,
        };
        let cal = HolidayCalendar::empty();
        let s = schedule(Other, Access, d(2026, 1, 15), 0, true, &settings, &cal).unwrap();
        assert_eq!(s.due_date, d(2026, 1, 25));
        assert_eq!(s.extended_due_date, Some(d(2026, 1, 30)));
        let s = schedule(Other, Access, d(2026, 1, 15), 3, true, &settings, &cal).unwrap();
        assert_eq!(s.due_date, d(2026, 1, 28));
        assert_eq!(s.extended_due_date, Some(d(2026, 2, 2)));
    }

    #[test]
    fn default_settings() {
        assert!(ClockSettings::default_for(UkGdpr).pause_allowed);
        for j in [Gdpr, Ccpa, Other] {
            let s = ClockSettings::default_for(j);
            assert!(!s.pause_allowed, "{j}");
            assert_eq!((s.other_response_days, s.other_extension_days), (30, 30));
        }
    }

    #[test]
    fn acknowledge_only_for_ccpa() {
        for j in Jurisdiction::ALL {
            for kind in RequestKind::ALL {
                let s = sched(*j, *kind, d(2026, 6, 1), 0, false);
                let expect = *j == Ccpa && !matches!(kind, OptOut | LimitUse);
                assert_eq!(s.acknowledge_by.is_some(), expect, "{j} {kind}");
            }
        }
    }

    #[test]
    fn days_left_and_overdue_at_the_boundary() {
        let due = d(2026, 3, 2);
        assert_eq!(days_left(due, d(2026, 2, 27)), 3);
        assert_eq!(days_left(due, d(2026, 3, 1)), 1);
        assert_eq!(days_left(due, due), 0);
        assert_eq!(days_left(due, d(2026, 3, 3)), -1);
        assert!(!is_overdue(due, d(2026, 3, 1)));
        assert!(!is_overdue(due, due));
        assert!(is_overdue(due, d(2026, 3, 3)));
    }

    #[test]
    fn absurd_inputs_saturate_instead_of_panicking() {
        let s = sched(Other, Access, d(2026, 1, 15), i64::MAX, true);
        assert_eq!(s.due_date, NaiveDate::MAX);
        assert_eq!(add_months_clamped(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    /// A GDPR month ending on a holiday of the member state's calendar.
    #[test]
    fn member_state_holidays_move_the_due_date() {
        use crate::holidays::Calendar;
        let due = |cal: Calendar, received: NaiveDate| {
            schedule(
                Jurisdiction::Gdpr,
                RequestKind::Access,
                received,
                0,
                false,
                &ClockSettings::default_for(Jurisdiction::Gdpr),
                &cal.shipped(),
            )
            .unwrap()
            .due_date
        };
        // Friday 25 December is Christmas; St Stephen's Day was the Saturday, so Monday 28th
        // is a working day in Ireland.
        assert_eq!(due(Calendar::Ireland, d(2026, 11, 25)), d(2026, 12, 28));
        // 3 April 2026 is Good Friday, then the weekend and Easter Monday.
        assert_eq!(due(Calendar::Netherlands, d(2026, 3, 3)), d(2026, 4, 7));
    }
}
