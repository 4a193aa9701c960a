//! A request's statutory deadlines, worked out from its stored facts and a holiday calendar.

use super::error::WorkflowError;
use steward_db::models::RequestRow;
use steward_db::{self as db, DbConn, DbError, calendar, settings};
use steward_domain::Jurisdiction;
use steward_domain::clock::{self, ClockSettings};
use steward_domain::holidays::{Calendar, HolidayCalendar};

/// Re-derives every deadline from the stored facts, so a stored row never disagrees with the
/// statutory rules.
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

pub(super) const GDPR_COUNTRY: &str = "gdpr_country";

/// The member state GDPR deadlines follow: an administrator's choice in the console, else
/// `STEWARD_GDPR_COUNTRY` (`default`); `None` is weekends only.
pub fn gdpr_country(
    c: &mut DbConn,
    default: Option<Calendar>,
) -> Result<Option<Calendar>, DbError> {
    Ok(match settings::get(c, GDPR_COUNTRY)? {
        Some(v) if v.is_empty() => None,
        Some(v) => v.parse().ok().or(default),
        None => default,
    })
}

/// The calendar a jurisdiction's clock uses, with admins' changes; weekends only if none.
/// `gdpr_default` is `STEWARD_GDPR_COUNTRY`; the console's setting wins over it.
pub fn calendar_of(
    c: &mut DbConn,
    j: Jurisdiction,
    gdpr_default: Option<Calendar>,
) -> Result<HolidayCalendar, DbError> {
    db::calendar_lock(c, false)?;
    let country = match j {
        Jurisdiction::Gdpr => gdpr_country(c, gdpr_default)?,
        _ => None,
    };
    match Calendar::for_jurisdiction(j, country) {
        Some(cal) => calendar::effective(c, cal),
        None => Ok(HolidayCalendar::empty()),
    }
}

pub fn reschedule(
    conn: &mut DbConn,
    row: &mut RequestRow,
    extended: bool,
    gdpr_country: Option<Calendar>,
) -> Result<(), WorkflowError> {
    let cal = calendar_of(conn, row.jurisdiction, gdpr_country)?;
    let s = of(row, extended, &cal)?;
    row.acknowledge_by = s.acknowledge_by;
    row.due_date = s.due_date;
    row.extended_due_date = s.extended_due_date;
    Ok(())
}
