//! Holiday calendars are data: shipped defaults are seeded once, then the admin owns them.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::holidays;
use super::{DbConn, DbError};
use crate::domain::holidays::{HolidayCalendar, default_holidays};
use crate::domain::kinds::Jurisdiction;

pub fn seed_default_holidays(conn: &mut DbConn) -> Result<(), DbError> {
    for j in Jurisdiction::ALL {
        let existing: i64 = holidays::table
            .filter(holidays::jurisdiction.eq(j.as_str()))
            .count()
            .get_result(conn)?;
        if existing > 0 {
            continue;
        }
        let rows: Vec<_> = default_holidays(*j)
            .into_iter()
            .map(|(day, name)| {
                (
                    holidays::jurisdiction.eq(j.as_str()),
                    holidays::day.eq(day),
                    holidays::name.eq(name),
                )
            })
            .collect();
        for row in rows {
            diesel::insert_into(holidays::table)
                .values(row)
                .execute(conn)?;
        }
    }
    Ok(())
}

pub fn calendar_for(conn: &mut DbConn, j: Jurisdiction) -> Result<HolidayCalendar, DbError> {
    let days: Vec<NaiveDate> = holidays::table
        .filter(holidays::jurisdiction.eq(j.as_str()))
        .select(holidays::day)
        .load(conn)?;
    Ok(HolidayCalendar::new(days))
}
