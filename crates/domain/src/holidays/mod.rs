//! Non-working days for each jurisdiction's clock, and the business-day arithmetic built on
//! them. Each shipped [`Calendar`] is generated from its statute's rules for any year (Easter
//! by the Gregorian computus, weekend rules as each law states them), nationally and for the
//! regions whose own law adds days; admins add or remove days on top
//! (`workflow::calendars`), so the clock always works from a `HolidayCalendar` it is handed.

mod business;
mod calendar;
mod countries;
mod germany;
mod regions;
mod rules;
mod spain;
mod uk;

#[cfg(test)]
mod tests;

pub use business::{DayChange, HolidayCalendar};
pub use calendar::{Calendar, CalendarChoice, ChoiceError, FIRST_YEAR, LAST_YEAR};
pub use rules::easter_sunday;
