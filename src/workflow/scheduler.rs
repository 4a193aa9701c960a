//! The background scheduler: runs connector jobs and sends deadline reminders. Any number of
//! Steward processes may run it against one database: jobs are claimed by compare-and-set and
//! each reminder by inserting its unique key, so nothing is done twice.

use chrono::Duration;

use super::{Services, WorkflowError, tasks};
use crate::db::requests::Filter;
use crate::db::{self, tasks as task_db, users};
use crate::domain::{Permission, Role, clock};
use crate::mail::Outgoing;

pub fn spawn(svc: Services) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = tick(&svc).await {
                tracing::warn!("scheduler: {e}");
            }
            let _ = tokio::time::timeout(svc.config.scheduler_interval, svc.jobs.notified()).await;
        }
    })
}

pub async fn tick(svc: &Services) -> Result<(), WorkflowError> {
    while tasks::run_due_jobs(svc).await? > 0 {}
    send_reminders(svc).await
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
    (
        format!("{what} {reference} {when}"),
        format!("{what} {reference} {when}.\n\nOpen it: {link}\n"),
    )
}

async fn send_reminders(svc: &Services) -> Result<(), WorkflowError> {
    let today = svc.today();
    let now = db::now();
    let horizon = today + Duration::days(8);
    let (page, staff) = {
        let filter = Filter {
            overdue_before: Some(horizon),
            open_only: true,
            limit: 500,
            ..Default::default()
        };
        let list = super::view::list(svc, filter).await?;
        let staff = svc
            .db
            .run(|c| {
                Ok::<_, WorkflowError>(
                    users::all_active(c)?
                        .into_iter()
                        .filter(|u| {
                            Role::parse(&u.role).is_ok_and(|r| r.can(Permission::WorkRequests))
                        })
                        .map(|u| u.email)
                        .collect::<Vec<_>>(),
                )
            })
            .await?;
        (list, staff)
    };
    for r in page.items {
        let (Some(days), false) = (r.days_left, r.clock_stopped) else {
            continue;
        };
        let Some(slot) = reminder_slot(days, today) else {
            continue;
        };
        let key = format!("request:{}:{slot}", r.id);
        if !svc
            .db
            .run(move |c| task_db::claim_reminder(c, &key, now))
            .await?
        {
            continue;
        }
        let link = format!("{}/console/requests/{}", svc.config.base_url, r.id);
        let (subject, body) = reminder_text("Privacy request", &r.public_id, days, &link);
        for to in &staff {
            send(svc, to, &subject, &body).await;
        }
    }
    let open_tasks = svc
        .db
        .run(move |c| {
            let rows = task_db::queue(c, None, true)?;
            let mut out = Vec::new();
            for (t, s) in rows {
                if t.due_date < horizon
                    && let Some(owner) = users::find(c, &s.owner_id)?.filter(|u| u.active)
                {
                    out.push((t, s.name, owner.email));
                }
            }
            Ok::<_, WorkflowError>(out)
        })
        .await?;
    for (t, store, owner) in open_tasks {
        let days = clock::days_left(t.due_date, today);
        let Some(slot) = reminder_slot(days, today) else {
            continue;
        };
        let key = format!("task:{}:{slot}", t.id);
        if !svc
            .db
            .run(move |c| task_db::claim_reminder(c, &key, now))
            .await?
        {
            continue;
        }
        let link = format!("{}/console/tasks/{}", svc.config.base_url, t.id);
        let (subject, body) = reminder_text(&format!("Task for {store}:"), "", days, &link);
        send(svc, &owner, subject.replace(":  ", ": ").trim(), &body).await;
    }
    Ok(())
}

async fn send(svc: &Services, to: &str, subject: &str, body: &str) {
    let Ok(to) = crate::domain::EmailAddress::parse(to) else {
        return;
    };
    if let Err(e) = svc
        .mailer
        .send(Outgoing {
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
