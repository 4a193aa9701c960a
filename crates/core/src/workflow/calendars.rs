//! Holiday calendars as admins keep them: the shipped, statute-generated days plus their
//! changes. A change lists the open requests whose deadlines it moves before it is saved;
//! saving recalculates them, each with a timeline entry, in the change's own transaction.

use chrono::NaiveDate;
use serde::Serialize;

use super::deadlines::{self, setting_for};
pub use super::deadlines::{calendar_of, choice};
use super::error::WorkflowError;
use super::requests::{event, save_transition, target};
use super::services::Services;
use crate::audit::{self, Actor};
use steward_db::models::{CalendarChange, RequestRow};
use steward_db::{self as db, DbConn, DbError, calendar, requests, settings};
use steward_domain::holidays::{Calendar, CalendarChoice, DayChange, HolidayCalendar};
use steward_domain::timeline::TimelineAction;
use steward_domain::{Jurisdiction, PublicId, RequestId, RequestKind};

/// [`choice`], for pages.
pub async fn current_choice(svc: &Services) -> Result<CalendarChoice, WorkflowError> {
    let default = svc.config.calendars;
    Ok(svc.db.run(move |c| choice(c, default)).await?)
}

/// Where a day of a calendar comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayOrigin {
    /// The statute of the calendar named in `law`.
    Statute,
    /// Added by an administrator.
    Added,
    /// A statute day an administrator removed (it is worked).
    Removed,
}

impl DayOrigin {
    pub fn label(self) -> &'static str {
        match self {
            DayOrigin::Statute => "Statute",
            DayOrigin::Added => "Added by an administrator",
            DayOrigin::Removed => "Removed by an administrator",
        }
    }

    pub fn is_removed(self) -> bool {
        self == DayOrigin::Removed
    }
}

/// One day of a calendar as the settings page lists it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DayView {
    pub day: NaiveDate,
    pub name: String,
    pub origin: DayOrigin,
    /// The key of the calendar whose law gives a statute day: a regional calendar lists its
    /// country's days too.
    pub law: Option<&'static str>,
    pub reason: Option<String>,
}

/// A calendar with its days between two dates.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CalendarView {
    pub key: &'static str,
    /// The name with its country for a regional calendar.
    pub name: String,
    /// The law of this calendar's own days.
    pub source: &'static str,
    /// For a regional calendar: its country's calendar, whose days it keeps too.
    pub country: Option<&'static str>,
    pub country_source: Option<&'static str>,
    pub used_for: Vec<Jurisdiction>,
    /// The year shown, or the first year of a span.
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<DayView>,
}

/// A calendar's days of one year: statute days, admins' additions, and removed days.
pub async fn view(svc: &Services, cal: Calendar, year: i32) -> Result<CalendarView, WorkflowError> {
    let (first, last) = year_span(year)?;
    view_between(svc, cal, first, last).await
}

fn year_span(year: i32) -> Result<(NaiveDate, NaiveDate), WorkflowError> {
    let day = |m, d| {
        NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| WorkflowError::invalid("year", "is not a year"))
    };
    Ok((day(1, 1)?, day(12, 31)?))
}

/// A calendar's days from `today` through the next 24 months, for checking it against the
/// law at a glance.
pub async fn upcoming(svc: &Services, cal: Calendar) -> Result<CalendarView, WorkflowError> {
    let from = svc.today();
    let to = from
        .checked_add_months(chrono::Months::new(24))
        .unwrap_or(NaiveDate::MAX);
    view_between(svc, cal, from, to).await
}

async fn view_between(
    svc: &Services,
    cal: Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<CalendarView, WorkflowError> {
    let default = svc.config.calendars;
    let (changes, chosen) = svc
        .db
        .run(move |c| Ok::<_, DbError>((calendar::changes(c, cal)?, choice(c, default)?)))
        .await?;
    Ok(view_of(cal, from, to, changes, &chosen))
}

/// Every calendar's days of one year (the API's list): the choice read once, every
/// calendar's changes in one trip to the database.
pub async fn all(
    svc: &Services,
    year: i32,
) -> Result<(CalendarChoice, Vec<CalendarView>), WorkflowError> {
    let (from, to) = year_span(year)?;
    let default = svc.config.calendars;
    let (changes, chosen) = svc
        .db
        .run(move |c| Ok::<_, DbError>((calendar::all_changes(c)?, choice(c, default)?)))
        .await?;
    let views = Calendar::ALL
        .iter()
        .map(|cal| {
            let own = changes.iter().filter(|c| c.calendar == *cal).cloned();
            view_of(*cal, from, to, own.collect(), &chosen)
        })
        .collect();
    Ok((chosen, views))
}

/// A calendar's statute days between two dates, with an administrator's changes.
fn view_of(
    cal: Calendar,
    from: NaiveDate,
    to: NaiveDate,
    changes: Vec<CalendarChange>,
    chosen: &CalendarChoice,
) -> CalendarView {
    let year_of = chrono::Datelike::year;
    let within = |d: &NaiveDate| (from..=to).contains(d);
    let mut days: Vec<DayView> = (year_of(&from)..=year_of(&to))
        .flat_map(|y| cal.days(y))
        .filter(|(day, ..)| within(day))
        .map(|(day, name, law)| DayView {
            day,
            name: name.to_string(),
            origin: DayOrigin::Statute,
            law: Some(law.key()),
            reason: None,
        })
        .collect();
    for ch in changes.into_iter().filter(|c| within(&c.day)) {
        match ch.change {
            DayChange::Remove => {
                if let Some(d) = days.iter_mut().find(|d| d.day == ch.day) {
                    d.origin = DayOrigin::Removed;
                    d.reason = Some(ch.reason);
                }
            }
            DayChange::Add => days.push(DayView {
                day: ch.day,
                name: ch.name,
                origin: DayOrigin::Added,
                law: None,
                reason: Some(ch.reason),
            }),
        }
    }
    days.sort_by_key(|d| d.day);
    CalendarView {
        key: cal.key(),
        name: cal.title(),
        source: cal.source(),
        country: cal.parent().map(Calendar::key),
        country_source: cal.parent().map(Calendar::source),
        used_for: chosen.used_by(cal),
        year: year_of(&from),
        from,
        to,
        days,
    }
}

/// One day added to or removed from a calendar, with why.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub calendar: Calendar,
    pub day: NaiveDate,
    pub change: DayChange,
    pub name: String,
    pub reason: String,
}

/// An open request whose deadlines a change moves.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Moved {
    pub id: RequestId,
    pub public_id: PublicId,
    pub kind: RequestKind,
    pub jurisdiction: Jurisdiction,
    pub due_before: NaiveDate,
    pub due_after: NaiveDate,
    pub acknowledge_before: Option<NaiveDate>,
    pub acknowledge_after: Option<NaiveDate>,
}

/// What the open requests' deadlines become under the proposed changes; nothing is saved.
pub async fn preview(
    svc: &Services,
    proposals: Vec<Proposal>,
) -> Result<Vec<Moved>, WorkflowError> {
    let default = svc.config.calendars;
    svc.db
        .run(move |c| {
            let chosen = choice(c, default)?;
            let mut moved = Vec::new();
            for (cal, days) in by_calendar(&proposals) {
                let current = calendar::effective(c, cal)?;
                let proposed = checked(&current, &days)?;
                for (row, _, after) in moves(c, &chosen.used_by(cal), &proposed)? {
                    moved.push(moved_of(&row, &after));
                }
            }
            Ok(moved)
        })
        .await
}

/// Saves the changes (each audited) and recalculates every open request they move, with a
/// timeline entry for each; all in one transaction.
pub async fn apply(
    svc: &Services,
    actor: Actor,
    proposals: Vec<Proposal>,
) -> Result<Vec<Moved>, WorkflowError> {
    let default = svc.config.calendars;
    let timing = (svc.config.task_lead_days, svc.today());
    let by = match &actor {
        Actor::Staff { id } => Some(id.clone()),
        _ => None,
    };
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                db::calendar_lock(c, true)?;
                let chosen = choice(c, default)?;
                let mut all_moved = Vec::new();
                for (cal, days) in by_calendar(&proposals) {
                    let current = calendar::effective(c, cal)?;
                    let proposed = checked(&current, &days)?;
                    let shipped = cal.shipped();
                    for p in &days {
                        // A change back to what the statute says only drops the override.
                        let statute_says = shipped.contains(p.day) == (p.change == DayChange::Add);
                        if statute_says {
                            calendar::remove(c, cal, p.day)?;
                        } else {
                            calendar::put(
                                c,
                                &CalendarChange {
                                    calendar: cal,
                                    day: p.day,
                                    change: p.change,
                                    name: p.name.clone(),
                                    reason: p.reason.clone(),
                                    created_by: by.clone(),
                                    created_at: db::now(),
                                },
                            )?;
                        }
                        audit::record(
                            c,
                            &actor,
                            &format!("calendar.{}", p.change.as_str()),
                            &format!("calendar:{}", cal.key()),
                            serde_json::json!({"day": p.day, "name": p.name, "reason": p.reason}),
                        )?;
                    }
                    let why = days
                        .iter()
                        .map(|p| format!("{} {} ({})", p.change.as_str(), p.day, p.reason))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let moved = moves(c, &chosen.used_by(cal), &proposed)?;
                    let why = format!("after a change to the {} ({why})", cal.name());
                    all_moved.extend(recalculate(c, &actor, moved, &why, timing)?);
                }
                Ok::<_, WorkflowError>(all_moved)
            })
        })
        .await
}

fn by_calendar(proposals: &[Proposal]) -> Vec<(Calendar, Vec<Proposal>)> {
    let mut out: Vec<(Calendar, Vec<Proposal>)> = Vec::new();
    for p in proposals {
        match out.iter_mut().find(|(c, _)| *c == p.calendar) {
            Some((_, v)) => v.push(p.clone()),
            None => out.push((p.calendar, vec![p.clone()])),
        }
    }
    out
}

/// The calendar after the changes, refusing changes that change nothing.
fn checked(current: &HolidayCalendar, days: &[Proposal]) -> Result<HolidayCalendar, WorkflowError> {
    let mut proposed = current.clone();
    for p in days {
        let weekend = matches!(
            chrono::Datelike::weekday(&p.day),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        );
        match p.change {
            DayChange::Add if weekend => {
                return Err(WorkflowError::invalid(
                    "day",
                    format!("{} is a weekend day already", p.day),
                ));
            }
            DayChange::Add if proposed.contains(p.day) => {
                return Err(WorkflowError::invalid(
                    "day",
                    format!("{} is a holiday already", p.day),
                ));
            }
            DayChange::Remove if !proposed.contains(p.day) => {
                return Err(WorkflowError::invalid(
                    "day",
                    format!("{} is not a holiday in this calendar", p.day),
                ));
            }
            _ => {}
        }
        proposed = proposed.with_changes([(p.day, p.change)]);
    }
    Ok(proposed)
}

type Move = (RequestRow, RequestRow, steward_domain::clock::Schedule);

/// What moved, in words: the due date, the confirmation date, or both.
fn moved_note(m: &Moved, why: &str) -> String {
    let day = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    let mut parts = Vec::new();
    if m.due_before != m.due_after {
        parts.push(format!(
            "Due date recalculated from {} to {}",
            day(m.due_before),
            day(m.due_after)
        ));
    }
    if let (Some(before), Some(after)) = (m.acknowledge_before, m.acknowledge_after)
        && before != after
    {
        parts.push(format!(
            "Confirmation due recalculated from {} to {}",
            day(before),
            day(after)
        ));
    }
    format!("{} {why}", parts.join("; "))
}

/// Open requests of these jurisdictions whose deadlines differ under `proposed`:
/// (row as read, row to change, new deadlines).
fn moves(
    c: &mut DbConn,
    js: &[Jurisdiction],
    proposed: &HolidayCalendar,
) -> Result<Vec<Move>, WorkflowError> {
    if js.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for row in requests::open_in(c, js)? {
        let after = deadlines::of(&row, row.extended_due_date.is_some(), proposed)?;
        if after.due_date != row.due_date
            || after.acknowledge_by != row.acknowledge_by
            || after.extended_due_date != row.extended_due_date
        {
            out.push((row.clone(), row, after));
        }
    }
    Ok(out)
}

/// Saves each moved request's new deadlines with a timeline entry and an audit row saying
/// `why` ("after a change to …").
fn recalculate(
    c: &mut DbConn,
    actor: &Actor,
    moved: Vec<Move>,
    why: &str,
    timing: (i64, NaiveDate),
) -> Result<Vec<Moved>, WorkflowError> {
    let mut out = Vec::new();
    for (before, mut row, after) in moved {
        let m = moved_of(&before, &after);
        row.acknowledge_by = after.acknowledge_by;
        row.due_date = after.due_date;
        row.extended_due_date = after.extended_due_date;
        row.updated_at = db::now();
        save_transition(c, &row, &before)?;
        crate::workflow::tasks::retime_open_tasks(c, &row, timing.0, timing.1)?;
        let note = moved_note(&m, why);
        requests::insert_event(
            c,
            &event(
                &row,
                actor,
                TimelineAction::DeadlineRecalculated,
                None,
                None,
                Some(&note),
                true,
            ),
        )?;
        audit::record(
            c,
            actor,
            "request.recalculated",
            &target(&row),
            serde_json::json!({"due_before": m.due_before, "due_after": m.due_after, "why": why}),
        )?;
        out.push(m);
    }
    Ok(out)
}

/// The calendar `j`'s deadlines would follow, refused with the setting's field name if it
/// cannot serve `j`.
fn chosen_for(
    j: Jurisdiction,
    cal: Option<Calendar>,
) -> Result<(&'static str, CalendarChoice), WorkflowError> {
    let field = setting_for(j)
        .ok_or_else(|| WorkflowError::invalid("jurisdiction", "has no calendar to choose"))?;
    let chosen = CalendarChoice::default()
        .with(j, cal)
        .map_err(|e| WorkflowError::invalid(field, e.to_string()))?;
    Ok((field, chosen))
}

/// What `j`'s open requests' deadlines become if they follow `cal` (`None`: weekends only,
/// for GDPR); nothing is saved.
pub async fn preview_choice(
    svc: &Services,
    j: Jurisdiction,
    cal: Option<Calendar>,
) -> Result<Vec<Moved>, WorkflowError> {
    let (_, chosen) = chosen_for(j, cal)?;
    svc.db
        .run(move |c| {
            let cal = effective_for(c, chosen.for_jurisdiction(j))?;
            Ok(moves(c, &[j], &cal)?
                .iter()
                .map(|(row, _, after)| moved_of(row, after))
                .collect())
        })
        .await
}

/// Makes `j`'s deadlines follow `cal` (`None`: weekends only, for GDPR), recalculating its
/// open requests, each on its timeline; audited in the same transaction.
pub async fn set_choice(
    svc: &Services,
    actor: Actor,
    j: Jurisdiction,
    cal: Option<Calendar>,
) -> Result<Vec<Moved>, WorkflowError> {
    let (field, chosen) = chosen_for(j, cal)?;
    let timing = (svc.config.task_lead_days, svc.today());
    let by = match &actor {
        Actor::Staff { id } => Some(id.clone()),
        _ => None,
    };
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                db::calendar_lock(c, true)?;
                settings::put(c, field, cal.map_or("", |k| k.key()), by.as_ref())?;
                audit::record(
                    c,
                    &actor,
                    &format!("settings.{field}"),
                    &format!("settings:{field}"),
                    serde_json::json!({"calendar": cal.map(|k| k.key())}),
                )?;
                let effective = effective_for(c, chosen.for_jurisdiction(j))?;
                let moved = moves(c, &[j], &effective)?;
                let why = match cal {
                    Some(k) => format!(
                        "because {} deadlines now follow the calendar “{}”",
                        j.label(),
                        k.title()
                    ),
                    None => format!("because {} deadlines now skip weekends only", j.label()),
                };
                recalculate(c, &actor, moved, &why, timing)
            })
        })
        .await
}

/// The version of the shipped calendars whose deadlines the open requests were last
/// checked against; a release that corrects a calendar bumps it.
const CALENDARS_VERSION: &str = "2026-11-statute-generated";

/// Once per calendar release: recalculates every open request against the calendars in
/// force (the hand-typed California table had days wrong), each move on its timeline.
/// Called at start-up; returns how many requests moved.
pub fn recheck_after_upgrade(
    conn: &mut DbConn,
    default: CalendarChoice,
    timing: (i64, NaiveDate),
) -> Result<usize, WorkflowError> {
    db::write_tx(conn, |c| {
        db::calendar_lock(c, true)?;
        if settings::get(c, "calendars_checked")?.as_deref() == Some(CALENDARS_VERSION) {
            return Ok(0);
        }
        let mut n = 0;
        for j in Jurisdiction::ALL {
            let cal = calendar_of(c, *j, default)?;
            let moved = moves(c, &[*j], &cal)?;
            n += recalculate(
                c,
                &Actor::System,
                moved,
                "after the holiday calendars were corrected to follow their statutes",
                timing,
            )?
            .len();
        }
        settings::put(c, "calendars_checked", CALENDARS_VERSION, None)?;
        Ok(n)
    })
}

/// A calendar with admins' changes, or weekends only.
fn effective_for(c: &mut DbConn, cal: Option<Calendar>) -> Result<HolidayCalendar, DbError> {
    match cal {
        Some(k) => calendar::effective(c, k),
        None => Ok(HolidayCalendar::empty()),
    }
}

fn moved_of(row: &RequestRow, after: &steward_domain::clock::Schedule) -> Moved {
    Moved {
        id: row.id.clone(),
        public_id: row.public_id.clone(),
        kind: row.kind,
        jurisdiction: row.jurisdiction,
        due_before: row.effective_due(),
        due_after: after.effective_due_date(),
        acknowledge_before: row.acknowledge_by,
        acknowledge_after: after.acknowledge_by,
    }
}

#[cfg(test)]
mod moved_tests {
    use super::*;

    fn moved(due: (NaiveDate, NaiveDate), ack: (NaiveDate, NaiveDate)) -> Moved {
        Moved {
            id: RequestId::from("r".to_string()),
            public_id: PublicId::from("R-1".to_string()),
            kind: RequestKind::Access,
            jurisdiction: Jurisdiction::Ccpa,
            due_before: due.0,
            due_after: due.1,
            acknowledge_before: Some(ack.0),
            acknowledge_after: Some(ack.1),
        }
    }

    #[test]
    fn the_note_names_the_date_that_moved() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let only_confirmation = moved_note(
            &moved((d(2, 1), d(2, 1)), (d(1, 8), d(1, 11))),
            "(a day was added)",
        );
        assert_eq!(
            only_confirmation,
            "Confirmation due recalculated from 8 January 2027 to 11 January 2027 (a day was added)"
        );
        let both = moved_note(&moved((d(2, 1), d(2, 2)), (d(1, 8), d(1, 11))), "(x)");
        assert!(both.starts_with(
            "Due date recalculated from 1 February 2027 to 2 February 2027; Confirmation due"
        ));
    }
}
