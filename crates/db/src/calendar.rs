//! Admins' changes to the shipped holiday calendars (the calendars themselves are generated
//! from their statutes in `domain::holidays`).

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::types::W;

use super::models::CalendarChange;
use super::schema::calendar_changes;
use crate::conn::{DbConn, DbError};
use steward_domain::holidays::{Calendar, HolidayCalendar};

/// Every change to one calendar, by day.
pub fn changes(conn: &mut DbConn, calendar: Calendar) -> Result<Vec<CalendarChange>, DbError> {
    Ok(calendar_changes::table
        .filter(calendar_changes::calendar.eq(W(calendar)))
        .order(calendar_changes::day.asc())
        .select(CalendarChange::as_select())
        .load(conn)?)
}

/// Every change to every calendar, by calendar and day (one query for the API's list).
pub fn all_changes(conn: &mut DbConn) -> Result<Vec<CalendarChange>, DbError> {
    Ok(calendar_changes::table
        .order((
            calendar_changes::calendar.asc(),
            calendar_changes::day.asc(),
        ))
        .select(CalendarChange::as_select())
        .load(conn)?)
}

/// The calendar a clock uses: shipped days with the admin's changes applied.
pub fn effective(conn: &mut DbConn, calendar: Calendar) -> Result<HolidayCalendar, DbError> {
    let changes = changes(conn, calendar)?;
    Ok(calendar
        .shipped()
        .with_changes(changes.into_iter().map(|c| (c.day, c.change))))
}

/// Replaces the day's change (a day has at most one).
pub fn put(conn: &mut DbConn, change: &CalendarChange) -> Result<(), DbError> {
    remove(conn, change.calendar, change.day)?;
    diesel::insert_into(calendar_changes::table)
        .values(change.clone())
        .execute(conn)?;
    Ok(())
}

/// Drops the day's change: the day is as the statute says again.
pub fn remove(conn: &mut DbConn, calendar: Calendar, day: NaiveDate) -> Result<(), DbError> {
    diesel::delete(
        calendar_changes::table
            .filter(calendar_changes::calendar.eq(W(calendar)))
            .filter(calendar_changes::day.eq(day)),
    )
    .execute(conn)?;
    Ok(())
}
