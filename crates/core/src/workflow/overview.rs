//! The overview: what needs attention now (tiles) and how the team is doing (the weekly and
//! monthly figures), for privacy staff; a store owner gets their own tasks' figures.

use chrono::{NaiveDate, NaiveTime, TimeZone};
use serde::Serialize;

use super::breaches::{self, Countdown};
use super::error::WorkflowError;
use super::figure_cache::{FIGURES_FOR, Figures};
use super::services::Services;
use crate::auth::Staff;
use steward_db::overview as q;
use steward_domain::Permission;
use steward_domain::overview::{self as figures, Closed, Month, Responding, Week};
use steward_domain::stores::TaskStatus;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OpenBreach {
    pub id: String,
    pub title: String,
    /// Whole hours left of the 72; negative once past it.
    pub hours_left: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overview {
    pub today: NaiveDate,
    /// When the weekly and monthly figures were worked out (local time, "14:05").
    pub figures_as_of: String,
    pub open: i64,
    pub due_this_week: i64,
    pub overdue: i64,
    pub ready_to_close: i64,
    pub tasks_failing: i64,
    pub breaches_open: Vec<OpenBreach>,
    pub received_per_week: Vec<Week>,
    pub on_time_per_month: Vec<Month>,
    pub median_days_to_respond: Vec<Responding>,
}

/// A store owner's view: their stores' tasks only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OwnerOverview {
    pub today: NaiveDate,
    pub open: i64,
    pub due_this_week: i64,
    pub overdue: i64,
    pub failing: i64,
}

/// What the signed-in person's overview shows: the team's figures, or a store owner's own
/// tasks'.
pub enum OverviewFor {
    Team(Box<Overview>),
    OwnTasks(OwnerOverview),
}

/// The overview the signed-in person may see.
pub async fn for_staff(svc: &Services, who: &Staff) -> Result<OverviewFor, WorkflowError> {
    if who.role.can(Permission::ViewRequests) {
        Ok(OverviewFor::Team(Box::new(privacy_team(svc).await?)))
    } else {
        Ok(OverviewFor::OwnTasks(
            owner(svc, who.user.id.to_string()).await?,
        ))
    }
}

async fn figures(svc: &Services, today: NaiveDate) -> Result<Figures, WorkflowError> {
    if let Some((at, f)) = svc.figures.0.lock().expect("not poisoned").as_ref()
        && at.elapsed() < FIGURES_FOR
        && f.today == today
    {
        return Ok(f.clone());
    }
    let tz = svc.config.timezone;
    // The months' window starts at local midnight of its first day, in UTC as stored.
    let since = tz
        .from_local_datetime(&figures::months_from(today).and_time(NaiveTime::MIN))
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| figures::months_from(today).and_time(NaiveTime::MIN));
    let (per_day, closed) = svc
        .db
        .run(move |c| {
            Ok::<_, WorkflowError>((
                q::received_per_day(c, figures::weeks_from(today))?,
                q::closed_since(c, since)?,
            ))
        })
        .await?;
    let closed: Vec<Closed> = closed
        .into_iter()
        .map(
            |(jurisdiction, status, received, closed_at, due, extended)| Closed {
                jurisdiction,
                status,
                received,
                closed: tz.from_utc_datetime(&closed_at).date_naive(),
                effective_due: extended.unwrap_or(due),
            },
        )
        .collect();
    let f = Figures {
        today,
        as_of: tz
            .from_utc_datetime(&steward_db::now())
            .format("%H:%M")
            .to_string(),
        received_per_week: figures::weekly(today, &per_day),
        on_time_per_month: figures::on_time_by_month(today, &closed),
        median_days_to_respond: figures::median_days_by_jurisdiction(&closed),
    };
    *svc.figures.0.lock().expect("not poisoned") = Some((std::time::Instant::now(), f.clone()));
    Ok(f)
}

pub async fn privacy_team(svc: &Services) -> Result<Overview, WorkflowError> {
    let today = svc.today();
    let (tiles, tasks, breaches) = svc
        .db
        .run(move |c| {
            Ok::<_, WorkflowError>((
                q::request_tiles(c, today)?,
                q::tasks_by_status(c, None)?,
                q::unreported_breaches(c)?,
            ))
        })
        .await?;
    let f = figures(svc, today).await?;
    let now = steward_db::now();
    Ok(Overview {
        today,
        figures_as_of: f.as_of,
        open: tiles[0],
        due_this_week: tiles[1],
        overdue: tiles[2],
        ready_to_close: tiles[3],
        tasks_failing: count_of(&tasks, TaskStatus::Failed),
        breaches_open: breaches
            .into_iter()
            .map(|b| {
                let hours_left = match breaches::countdown(&b, now) {
                    Countdown::Left { hours, .. } => hours,
                    Countdown::Overdue { hours } => -hours,
                    Countdown::Notified { .. } => 0,
                };
                OpenBreach {
                    id: b.id,
                    title: b.title,
                    hours_left,
                }
            })
            .collect(),
        received_per_week: f.received_per_week,
        on_time_per_month: f.on_time_per_month,
        median_days_to_respond: f.median_days_to_respond,
    })
}

pub async fn owner(svc: &Services, owner_id: String) -> Result<OwnerOverview, WorkflowError> {
    let today = svc.today();
    let (tasks, due_week, overdue) = svc
        .db
        .run(move |c| {
            let o = Some(owner_id.as_str());
            Ok::<_, WorkflowError>((
                q::tasks_by_status(c, o)?,
                q::open_tasks_due(c, o, Some(today), today + chrono::Duration::days(6))?,
                q::open_tasks_due(c, o, None, today - chrono::Duration::days(1))?,
            ))
        })
        .await?;
    Ok(OwnerOverview {
        today,
        open: tasks
            .iter()
            .filter(|(s, _)| !s.is_settled())
            .map(|(_, n)| n)
            .sum(),
        due_this_week: due_week,
        overdue,
        failing: count_of(&tasks, TaskStatus::Failed),
    })
}

fn count_of(by_status: &[(TaskStatus, i64)], status: TaskStatus) -> i64 {
    by_status
        .iter()
        .filter(|(s, _)| *s == status)
        .map(|(_, n)| n)
        .sum()
}
