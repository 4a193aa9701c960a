//! What the console's overview counts. The request tiles count through the queue's own
//! filter ([`super::requests::count`]), so a tile and the queue it links to always agree.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::models::BreachRow;
use super::requests::{Filter, count};
use super::schema::{breaches, requests, stores, tasks};
use super::types::W;
use crate::conn::{DbConn, DbError};
use steward_domain::stores::TaskStatus;
use steward_domain::{Jurisdiction, RequestKind, Status};

/// The requests tiles' filters, in one place for the counts and the links' meaning.
pub fn tile_filters(today: NaiveDate) -> [Filter; 4] {
    [
        Filter {
            open_only: true,
            ..Default::default()
        },
        Filter {
            // Today and the six days after it.
            due_between: Some((today, today + Duration::days(6))),
            ..Default::default()
        },
        Filter {
            overdue_before: Some(today),
            ..Default::default()
        },
        Filter {
            ready_only: true,
            ..Default::default()
        },
    ]
}

/// Open, due within a week, overdue, ready to close.
pub fn request_tiles(conn: &mut DbConn, today: NaiveDate) -> Result<[i64; 4], DbError> {
    let [a, b, c, d] = tile_filters(today);
    Ok([
        count(conn, &a)?,
        count(conn, &b)?,
        count(conn, &c)?,
        count(conn, &d)?,
    ])
}

/// Tasks by status, of one owner's stores or of all.
pub fn tasks_by_status(
    conn: &mut DbConn,
    owner: Option<&str>,
) -> Result<Vec<(TaskStatus, i64)>, DbError> {
    let mut q = tasks::table
        .inner_join(stores::table)
        .group_by(tasks::status)
        .select((tasks::status, count_star()))
        .into_boxed();
    if let Some(o) = owner {
        q = q.filter(stores::owner_id.eq(W(o.to_string())));
    }
    Ok(q.load(conn)?)
}

/// Open tasks (of one owner's stores, or all) due from `from` (any day when `None`) to `to`,
/// both included.
pub fn open_tasks_due(
    conn: &mut DbConn,
    owner: Option<&str>,
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> Result<i64, DbError> {
    let mut q = tasks::table
        .inner_join(stores::table)
        .filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W)))
        .filter(tasks::due_date.le(to))
        .into_boxed();
    if let Some(from) = from {
        q = q.filter(tasks::due_date.ge(from));
    }
    if let Some(o) = owner {
        q = q.filter(stores::owner_id.eq(W(o.to_string())));
    }
    Ok(q.count().get_result(conn)?)
}

/// Breaches the regulator has not been told of yet, oldest awareness first.
pub fn unreported_breaches(conn: &mut DbConn) -> Result<Vec<BreachRow>, DbError> {
    Ok(breaches::table
        .filter(breaches::regulator_notified_at.is_null())
        .order((breaches::aware_at.asc(), breaches::id.asc()))
        .select(BreachRow::as_select())
        .load(conn)?)
}

/// Requests received per day and kind from `from` on: at most a row per day and kind.
pub fn received_per_day(
    conn: &mut DbConn,
    from: NaiveDate,
) -> Result<Vec<(NaiveDate, RequestKind, i64)>, DbError> {
    Ok(requests::table
        .filter(requests::received_date.ge(from))
        .group_by((requests::received_date, requests::kind))
        .select((requests::received_date, requests::kind, count_star()))
        .load(conn)?)
}

/// A request closed since a time: what the monthly figures need of it.
pub type ClosedRow = (
    Jurisdiction,
    Status,
    NaiveDate,
    NaiveDateTime,
    NaiveDate,
    Option<NaiveDate>,
);

/// Requests closed at or after `since` (UTC): law, status, received, closed, due, extended.
pub fn closed_since(conn: &mut DbConn, since: NaiveDateTime) -> Result<Vec<ClosedRow>, DbError> {
    Ok(requests::table
        .filter(requests::status.eq_any(Status::CLOSED.iter().map(W)))
        .filter(requests::closed_at.ge(since))
        .select((
            requests::jurisdiction,
            requests::status,
            requests::received_date,
            requests::closed_at.assume_not_null(),
            requests::due_date,
            requests::extended_due_date,
        ))
        .load(conn)?)
}
