//! The breach register (GDPR Art. 33/34): incidents, the 72-hour clock to notify the
//! regulator from the moment of awareness, and notifying affected people by email.

use chrono::{Duration, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor};
use crate::mail::Outgoing;
use steward_db::models::BreachRow;
use steward_db::{self as db, breaches};
use steward_domain::EmailAddress;

/// GDPR Art. 33(1): "not later than 72 hours after having become aware of it".
pub const REGULATOR_DEADLINE: Duration = Duration::hours(72);
/// Most addresses one notification run takes (the form's size limit allows about this many).
pub const MAX_RECIPIENTS: usize = 2000;

/// Parsed and valid.
#[derive(Debug, Clone)]
pub struct Breach {
    pub title: String,
    pub description: String,
    pub discovered_at: NaiveDateTime,
    pub aware_at: NaiveDateTime,
    pub data_categories: String,
    pub subjects_approx: i64,
    pub records_approx: i64,
    pub consequences: String,
    pub measures: String,
    pub dpo_contact: String,
}

pub fn to_local_text(t: &NaiveDateTime, tz: Tz) -> String {
    tz.from_utc_datetime(t)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// Where the 72-hour clock stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Countdown {
    /// Not notified yet; whole hours and minutes left.
    Left { hours: i64, minutes: i64 },
    /// Not notified and past the deadline by this many whole hours.
    Overdue { hours: i64 },
    /// Notified; `late` when after the deadline (Art. 33(1) then needs reasons for the delay).
    Notified { at: NaiveDateTime, late: bool },
}

pub fn countdown(r: &BreachRow, now: NaiveDateTime) -> Countdown {
    let due = r.aware_at + REGULATOR_DEADLINE;
    if let Some(at) = r.regulator_notified_at {
        return Countdown::Notified { at, late: at > due };
    }
    let left = due - now;
    if left > Duration::zero() {
        Countdown::Left {
            hours: left.num_hours(),
            minutes: left.num_minutes() % 60,
        }
    } else {
        Countdown::Overdue {
            hours: (-left).num_hours(),
        }
    }
}

fn target(id: &str) -> String {
    format!("breach:{id}")
}

/// Counts only, never the incident's text: the audit log holds no personal data.
fn detail(b: &Breach) -> serde_json::Value {
    serde_json::json!({"subjects_approx": b.subjects_approx, "records_approx": b.records_approx})
}

pub async fn create(svc: &Services, b: Breach, actor: Actor) -> Result<String, WorkflowError> {
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let now = db::now();
                let row = BreachRow {
                    id: db::new_id(),
                    title: b.title.clone(),
                    description: b.description.clone(),
                    discovered_at: b.discovered_at,
                    aware_at: b.aware_at,
                    data_categories: b.data_categories.clone(),
                    subjects_approx: b.subjects_approx,
                    records_approx: b.records_approx,
                    consequences: b.consequences.clone(),
                    measures: b.measures.clone(),
                    dpo_contact: b.dpo_contact.clone(),
                    regulator_notified_at: None,
                    subjects_notified_at: None,
                    subjects_notified_count: 0,
                    created_by: match &actor {
                        Actor::Staff { id } => Some(id.clone()),
                        _ => None,
                    },
                    created_at: now,
                    updated_at: now,
                };
                breaches::insert(c, &row)?;
                audit::record(c, &actor, "breach.recorded", &target(&row.id), detail(&b))?;
                Ok(row.id)
            })
        })
        .await
}

/// One page of the register, newest first.
pub async fn page(
    svc: &Services,
    offset: i64,
    limit: i64,
) -> Result<Vec<BreachRow>, WorkflowError> {
    Ok(svc
        .db
        .run(move |c| breaches::page(c, offset, limit))
        .await?)
}

pub async fn load(svc: &Services, id: &str) -> Result<BreachRow, WorkflowError> {
    let id = id.to_string();
    svc.db
        .run(move |c| breaches::find(c, &id))
        .await?
        .ok_or(WorkflowError::NotFound)
}

pub async fn update(
    svc: &Services,
    id: &str,
    b: Breach,
    actor: Actor,
) -> Result<(), WorkflowError> {
    let id = id.to_string();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let mut row = breaches::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
                row.title = b.title.clone();
                row.description = b.description.clone();
                row.discovered_at = b.discovered_at;
                row.aware_at = b.aware_at;
                row.data_categories = b.data_categories.clone();
                row.subjects_approx = b.subjects_approx;
                row.records_approx = b.records_approx;
                row.consequences = b.consequences.clone();
                row.measures = b.measures.clone();
                row.dpo_contact = b.dpo_contact.clone();
                row.updated_at = db::now();
                breaches::save(c, &row)?;
                audit::record(c, &actor, "breach.updated", &target(&row.id), detail(&b))?;
                Ok(())
            })
        })
        .await
}

pub async fn regulator_notified(
    svc: &Services,
    id: &str,
    at: NaiveDateTime,
    actor: Actor,
) -> Result<(), WorkflowError> {
    let id = id.to_string();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let mut row = breaches::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
                if at < row.aware_at {
                    return Err(WorkflowError::invalid(
                        "notified_at",
                        "cannot be before the controller became aware of the breach",
                    ));
                }
                if at > db::now() + Duration::minutes(5) {
                    return Err(WorkflowError::invalid("notified_at", "is in the future"));
                }
                row.regulator_notified_at = Some(at);
                row.updated_at = db::now();
                breaches::save(c, &row)?;
                let late = at > row.aware_at + REGULATOR_DEADLINE;
                audit::record(
                    c,
                    &actor,
                    "breach.regulator_notified",
                    &target(&row.id),
                    serde_json::json!({"at": at.format("%Y-%m-%dT%H:%M:%SZ").to_string(), "late": late}),
                )?;
                Ok(())
            })
        })
        .await
}

/// A pasted list of addresses, one per line (blank lines skipped, duplicates once). Every
/// bad line is reported by its number, and nothing is sent unless all are good.
pub fn parse_recipients(text: &str) -> Result<Vec<EmailAddress>, Vec<String>> {
    let mut good: Vec<EmailAddress> = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_end_matches([',', ';']).trim();
        if line.is_empty() {
            continue;
        }
        match EmailAddress::parse(line) {
            Ok(a) => {
                if !good.iter().any(|g| g.normalised() == a.normalised()) {
                    good.push(a);
                }
            }
            Err(e) => bad.push(format!("line {}: {e}", i + 1)),
        }
    }
    if good.is_empty() && bad.is_empty() {
        bad.push("no addresses: paste one email address per line".into());
    }
    if good.len() > MAX_RECIPIENTS {
        bad.push(format!(
            "{} addresses; send at most {MAX_RECIPIENTS} at a time",
            good.len()
        ));
    }
    if bad.is_empty() { Ok(good) } else { Err(bad) }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyReport {
    pub sent: usize,
    pub failed: usize,
}

/// Art. 34: tells each affected person, in clear language, what happened, the likely
/// consequences, the measures taken and whom to contact. Addresses are not stored; the count
/// is, with an audit row.
pub async fn notify_subjects(
    svc: &Services,
    id: &str,
    recipients: Vec<EmailAddress>,
    message: Option<String>,
    actor: Actor,
) -> Result<NotifyReport, WorkflowError> {
    let row = load(svc, id).await?;
    // The affected people's languages are not known: the shop's default, under its brand.
    let tr = steward_l10n::Tr::new(svc.config.languages.default);
    let letter = super::notices::breach_letter(tr, &row, message.as_deref().unwrap_or(""))
        .signed(tr, &svc.brand.current());
    let mut report = NotifyReport { sent: 0, failed: 0 };
    for to in recipients {
        let mail = Outgoing {
            to,
            subject: letter.subject.clone(),
            body: letter.body.clone(),
        };
        match svc.send_mail(mail).await {
            Ok(()) => report.sent += 1,
            Err(e) => {
                tracing::warn!("breach notification not sent: {e}");
                report.failed += 1;
            }
        }
    }
    let id = row.id.clone();
    let r = report.clone();
    svc.db
        .run(move |c| {
            db::write_tx(c, |c| {
                let mut row = breaches::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
                let now = db::now();
                row.subjects_notified_at = Some(now);
                row.subjects_notified_count += r.sent as i64;
                row.updated_at = now;
                breaches::save(c, &row)?;
                audit::record(
                    c,
                    &actor,
                    "breach.subjects_notified",
                    &target(&id),
                    serde_json::json!({"sent": r.sent, "failed": r.failed}),
                )?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await?;
    Ok(report)
}

pub const CSV_HEADER: &[&str] = &[
    "id",
    "title",
    "description",
    "discovered_at",
    "aware_at",
    "regulator_due_at",
    "regulator_notified_at",
    "notified_late",
    "data_categories",
    "subjects_approx",
    "records_approx",
    "consequences",
    "measures",
    "dpo_contact",
    "subjects_notified_at",
    "subjects_notified_count",
    "recorded_at",
];

pub fn csv_row(r: &BreachRow) -> Vec<String> {
    use crate::export::utc;
    let due = r.aware_at + REGULATOR_DEADLINE;
    vec![
        r.id.clone(),
        r.title.clone(),
        r.description.clone(),
        utc(&r.discovered_at),
        utc(&r.aware_at),
        utc(&due),
        r.regulator_notified_at
            .as_ref()
            .map(utc)
            .unwrap_or_default(),
        r.regulator_notified_at
            .map(|t| (t > due).to_string())
            .unwrap_or_default(),
        r.data_categories.clone(),
        r.subjects_approx.to_string(),
        r.records_approx.to_string(),
        r.consequences.clone(),
        r.measures.clone(),
        r.dpo_contact.clone(),
        r.subjects_notified_at.as_ref().map(utc).unwrap_or_default(),
        r.subjects_notified_count.to_string(),
        utc(&r.created_at),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn row(aware: &str, notified: Option<&str>) -> BreachRow {
        BreachRow {
            id: "b".into(),
            title: "t".into(),
            description: "d".into(),
            discovered_at: at(aware),
            aware_at: at(aware),
            data_categories: "c".into(),
            subjects_approx: 1,
            records_approx: 1,
            consequences: "c".into(),
            measures: "m".into(),
            dpo_contact: "dpo".into(),
            regulator_notified_at: notified.map(at),
            subjects_notified_at: None,
            subjects_notified_count: 0,
            created_by: None,
            created_at: at(aware),
            updated_at: at(aware),
        }
    }

    #[test]
    fn seventy_two_hours_from_awareness() {
        let r = row("2026-11-20 10:00", None);
        assert_eq!(
            countdown(&r, at("2026-11-20 10:00")),
            Countdown::Left {
                hours: 72,
                minutes: 0
            }
        );
        assert_eq!(
            countdown(&r, at("2026-11-23 09:30")),
            Countdown::Left {
                hours: 0,
                minutes: 30
            }
        );
        assert_eq!(
            countdown(&r, at("2026-11-23 15:10")),
            Countdown::Overdue { hours: 5 }
        );
        let late = row("2026-11-20 10:00", Some("2026-11-23 11:00"));
        assert!(matches!(
            countdown(&late, at("2026-11-30 00:00")),
            Countdown::Notified { late: true, .. }
        ));
    }

    #[test]
    fn recipients_name_bad_lines() {
        let ok = parse_recipients("a@example.org\n\n B@Example.org ,\nb@example.org\n").unwrap();
        assert_eq!(ok.len(), 2, "blank lines skipped, duplicates once");
        let bad = parse_recipients("a@example.org\nnot an address\nc@\n").unwrap_err();
        assert_eq!(bad.len(), 2);
        assert!(bad[0].starts_with("line 2:"), "{bad:?}");
        assert!(bad[1].starts_with("line 3:"), "{bad:?}");
        assert!(parse_recipients("  \n").is_err());
    }
}
