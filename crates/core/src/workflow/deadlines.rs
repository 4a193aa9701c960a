//! A request's statutory deadlines, worked out from its stored facts and a holiday calendar.

use super::error::WorkflowError;
use steward_db::models::RequestRow;
use steward_db::{self as db, DbConn, DbError, calendar, settings};
use steward_domain::Jurisdiction;
use steward_domain::clock::{self, ClockSettings};
use steward_domain::holidays::{Calendar, CalendarChoice, HolidayCalendar};

/// A request's deadlines by the statutory rules and a calendar.
pub fn of(
    row: &RequestRow,
    extended: bool,
    cal: &steward_domain::holidays::HolidayCalendar,
) -> Result<clock::Schedule, clock::ClockError> {
    let j = row.jurisdiction;
    clock::schedule(
        j,
        row.kind,
        row.received_date,
        row.paused_days,
        extended,
        &ClockSettings::default_for(j),
        cal,
    )
}

/// The settings that hold an administrator's choice of calendar for a jurisdiction.
pub(super) fn setting_for(j: Jurisdiction) -> Option<&'static str> {
    match j {
        Jurisdiction::Gdpr => Some("gdpr_country"),
        Jurisdiction::UkGdpr => Some("uk_region"),
        _ => None,
    }
}

/// The calendars GDPR and UK GDPR deadlines follow: an administrator's choice in the
/// console, else the configuration's (`default`: `STEWARD_GDPR_COUNTRY`,
/// `STEWARD_UK_REGION`).
pub fn choice(c: &mut DbConn, default: CalendarChoice) -> Result<CalendarChoice, DbError> {
    let mut out = default;
    for j in [Jurisdiction::Gdpr, Jurisdiction::UkGdpr] {
        out = with_stored(c, out, j)?;
    }
    Ok(out)
}

/// `chosen` with `j`'s calendar as an administrator stored it, if they did: an empty value
/// is weekends only (GDPR); a value that cannot serve `j` is ignored.
fn with_stored(
    c: &mut DbConn,
    chosen: CalendarChoice,
    j: Jurisdiction,
) -> Result<CalendarChoice, DbError> {
    let Some(key) = setting_for(j) else {
        return Ok(chosen);
    };
    let stored = match settings::get(c, key)? {
        None => return Ok(chosen),
        Some(v) if v.is_empty() => None,
        Some(v) => match v.parse::<Calendar>() {
            Ok(cal) => Some(cal),
            Err(_) => return Ok(chosen),
        },
    };
    Ok(chosen.with(j, stored).unwrap_or(chosen))
}

/// The calendar a jurisdiction's clock uses, with admins' changes; weekends only if none.
/// Reads only `j`'s own setting (none for CCPA): this runs for every request filed.
pub fn calendar_of(
    c: &mut DbConn,
    j: Jurisdiction,
    default: CalendarChoice,
) -> Result<HolidayCalendar, DbError> {
    db::calendar_lock(c, false)?;
    match with_stored(c, default, j)?.for_jurisdiction(j) {
        Some(cal) => calendar::effective(c, cal),
        None => Ok(HolidayCalendar::empty()),
    }
}

pub fn reschedule(
    conn: &mut DbConn,
    row: &mut RequestRow,
    extended: bool,
    default: CalendarChoice,
) -> Result<(), WorkflowError> {
    let cal = calendar_of(conn, row.jurisdiction, default)?;
    let s = of(row, extended, &cal)?;
    row.acknowledge_by = s.acknowledge_by;
    row.due_date = s.due_date;
    row.extended_due_date = s.extended_due_date;
    Ok(())
}
