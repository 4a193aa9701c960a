//! The background scheduler: runs connector jobs and sends deadline reminders. Any number of
//! Steward processes may run it against one database: jobs are claimed by compare-and-set and
//! each reminder by inserting its unique key, so nothing is done twice.

use chrono::Duration;

use super::error::WorkflowError;
use super::services::Services;
use super::tasks;
use crate::mail::Outgoing;
use steward_db::requests::Filter;
use steward_db::{self as db, requests, tasks as task_db, users};
use steward_domain::{Permission, clock};

/// The running scheduler, to stop at shutdown.
pub struct Scheduler {
    stop: std::sync::Arc<tokio::sync::Notify>,
    handle: tokio::task::JoinHandle<()>,
}

pub fn spawn(svc: Services) -> Scheduler {
    let stop = std::sync::Arc::new(tokio::sync::Notify::new());
    let stopped = stop.clone();
    let warm = svc.clone();
    tokio::spawn(async move { super::connect::warm(&warm).await });
    let handle = tokio::spawn(async move {
        // The periodic work (checkpoints, reminders, the brand and translations of other
        // processes) runs once an interval; a job ending wakes only the job pass, so a
        // burst of jobs is dispatched as fast as they end.
        let mut periodic_at = tokio::time::Instant::now();
        loop {
            // A pass under way finishes (its steps are each in a transaction); the wait
            // between passes is cut short.
            if let Err(e) = jobs_pass(&svc).await {
                tracing::warn!("scheduler: {e}");
            }
            if tokio::time::Instant::now() >= periodic_at {
                periodic_at = tokio::time::Instant::now() + svc.config.scheduler_interval;
                if let Err(e) = periodic(&svc).await {
                    tracing::warn!("scheduler: {e}");
                }
            }
            let until_periodic = periodic_at.saturating_duration_since(tokio::time::Instant::now());
            tokio::select! {
                _ = stopped.notified() => return,
                _ = tokio::time::timeout(until_periodic, svc.jobs.notified()) => {}
            }
        }
    });
    Scheduler { stop, handle }
}

impl Scheduler {
    /// Stops starting passes and jobs, lets the pass under way and the running jobs finish
    /// within `within` in all, and hands back the claims of jobs still running then.
    pub async fn stop(self, svc: &Services, within: std::time::Duration) {
        let deadline = tokio::time::Instant::now() + within;
        // Before the pass under way is waited for, so it claims nothing it would then have
        // to hand back.
        tasks::stop_claiming();
        self.stop.notify_one();
        if tokio::time::timeout_at(deadline, self.handle)
            .await
            .is_err()
        {
            tracing::warn!("shutdown: the scheduler's pass did not end in time");
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let (finished, handed_back) = tasks::drain(svc, left).await;
        tracing::info!(
            "shutdown: {finished} connector job(s) finished, {handed_back} handed back to be run again"
        );
    }
}

/// A whole pass, as the scheduler makes it over one interval (for commands and tests that
/// want it now).
pub async fn tick(svc: &Services) -> Result<(), WorkflowError> {
    jobs_pass(svc).await?;
    periodic(svc).await
}

/// Starts the connector jobs that are due, and closes the requests of an auto-complete kind
/// whose tasks are all settled.
async fn jobs_pass(svc: &Services) -> Result<(), WorkflowError> {
    tasks::spawn_due_jobs(svc).await?;
    super::requests::auto_complete(svc).await?;
    Ok(())
}

/// What is done once an interval: the brand and translations read again (another process
/// may have changed them), the audit checkpoint, and (one process at a time) the reminders
/// and the retention pass.
async fn periodic(svc: &Services) -> Result<(), WorkflowError> {
    if let Err(e) = super::brand::refresh(svc).await {
        tracing::warn!("scheduler: reading the brand: {e}");
    }
    if let Err(e) = super::consent::translations::refresh(svc).await {
        tracing::warn!("scheduler: reading the translations: {e}");
    }
    // A checkpoint that cannot be written must not hold up reminders.
    if let Err(e) = super::records::checkpoint(svc).await {
        tracing::warn!("audit checkpoint: {e}");
    }
    // One process at a time works out and sends reminders; the others skip the pass.
    let db = svc.db.clone();
    let lock = tokio::task::spawn_blocking(move || db.try_pass(db::Pass::Reminders))
        .await
        .map_err(|_| db::DbError::Blocking)??;
    let Some(lock) = lock else {
        return Ok(());
    };
    let mut result = send_reminders(svc).await;
    if result.is_ok() {
        result = super::retention::daily(svc).await.map(|_| ());
    }
    tokio::task::spawn_blocking(move || drop(lock))
        .await
        .map_err(|_| db::DbError::Blocking)?;
    result
}

/// Which reminder is due for a deadline this many days away, if any: once at 7 days or less,
/// once at 2 or less, once on the day, then once a day while overdue.
pub fn reminder_slot(days_left: i64, today: chrono::NaiveDate) -> Option<String> {
    match days_left {
        d if d < 0 => Some(format!("overdue-{today}")),
        0 => Some("due-today".into()),
        1..=2 => Some("due-in-2".into()),
        3..=7 => Some("due-in-7".into()),
        _ => None,
    }
}

fn reminder_text(what: &str, reference: &str, days_left: i64, link: &str) -> (String, String) {
    let when = match days_left {
        d if d < 0 => format!("is OVERDUE by {} day(s)", -d),
        0 => "is due TODAY".to_string(),
        d => format!("is due in {d} day(s)"),
    };
    let head = if reference.is_empty() {
        what.to_string()
    } else {
        format!("{what} {reference}")
    };
    (
        format!("{head} {when}"),
        format!("{head} {when}.\n\nOpen it: {link}\n"),
    )
}

/// A reminder whose threshold has been reached and which has not been sent yet.
struct Due {
    key: String,
    what: String,
    reference: String,
    days: i64,
    link: String,
    /// `None`: privacy staff; `Some(user id)`: the store's owner.
    owner: Option<steward_domain::UserId>,
}

/// Runs every tick, so it reads only dates and ids (nothing is decrypted) and drops reminders
/// already sent with one query; recipients are looked up only when something is due.
async fn send_reminders(svc: &Services) -> Result<(), WorkflowError> {
    let today = svc.today();
    let horizon = today + Duration::days(8);
    let base = svc.config.base_url.clone();
    let due: Vec<Due> = svc
        .db
        .run(move |c| {
            let mut due = Vec::new();
            let filter = Filter {
                overdue_before: Some(horizon),
                open_only: true,
                limit: 500,
                ..Default::default()
            };
            for r in requests::list(c, &filter)?.0 {
                if r.paused_on.is_some() {
                    continue; // the clock is stopped
                }
                let days = clock::days_left(r.effective_due(), today);
                if let Some(slot) = reminder_slot(days, today) {
                    due.push(Due {
                        key: format!("request:{}:{slot}", r.id),
                        what: "Privacy request".into(),
                        reference: r.public_id.to_string(),
                        days,
                        link: format!("{base}/console/requests/{}", r.id),
                        owner: None,
                    });
                }
            }
            for (task_id, due_date, store, owner) in task_db::open_due_dates(c)? {
                let days = clock::days_left(due_date, today);
                if let Some(slot) = reminder_slot(days, today) {
                    due.push(Due {
                        key: format!("task:{task_id}:{slot}"),
                        what: format!("Task for {store}:"),
                        reference: String::new(),
                        days,
                        link: format!("{base}/console/tasks/{task_id}"),
                        owner: Some(owner),
                    });
                }
            }
            let keys: Vec<String> = due.iter().map(|d| d.key.clone()).collect();
            let sent = task_db::sent_reminders(c, &keys)?;
            due.retain(|d| !sent.contains(&d.key));
            Ok::<_, WorkflowError>(due)
        })
        .await?;
    if due.is_empty() {
        return Ok(());
    }
    let staff: Vec<String> = svc
        .db
        .run(|c| {
            Ok::<_, WorkflowError>(
                users::all_active(c)?
                    .into_iter()
                    .filter(|u| u.role.can(Permission::WorkRequests))
                    .map(|u| u.email)
                    .collect(),
            )
        })
        .await?;
    let now = db::now();
    for d in due {
        let (key, owner, staff) = (d.key.clone(), d.owner.clone(), staff.clone());
        // The insert is the claim: another process that got here first wins.
        let to = svc
            .db
            .run(move |c| {
                if !task_db::claim_reminder(c, &key, now)? {
                    return Ok::<_, WorkflowError>(None);
                }
                Ok(Some(match owner {
                    None => staff,
                    Some(id) => users::find(c, &id)?
                        .filter(|u| u.active)
                        .map(|u| vec![u.email])
                        .unwrap_or_default(),
                }))
            })
            .await?;
        let (subject, body) = reminder_text(&d.what, &d.reference, d.days, &d.link);
        for addr in to.into_iter().flatten() {
            send(svc, &addr, &subject, &body).await;
        }
    }
    Ok(())
}

async fn send(svc: &Services, to: &str, subject: &str, body: &str) {
    let Ok(to) = steward_domain::EmailAddress::parse(to) else {
        return;
    };
    if let Err(e) = svc
        .send_mail(Outgoing {
            to,
            subject: subject.to_string(),
            body: body.to_string(),
        })
        .await
    {
        tracing::warn!("reminder email failed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
        assert_eq!(reminder_slot(8, d), None);
        assert_eq!(reminder_slot(7, d).as_deref(), Some("due-in-7"));
        assert_eq!(reminder_slot(3, d).as_deref(), Some("due-in-7"));
        assert_eq!(reminder_slot(2, d).as_deref(), Some("due-in-2"));
        assert_eq!(reminder_slot(0, d).as_deref(), Some("due-today"));
        assert_eq!(
            reminder_slot(-1, d).as_deref(),
            Some("overdue-2026-05-04"),
            "once a day while overdue"
        );
    }
}
