//! Retention (SPEC § Retention): data packages are deleted 30 days after they became
//! available, and closed requests' personal data (email, name, free text, uploads) are erased
//! `STEWARD_RETENTION_MONTHS` after closing, keeping the non-personal row so metrics and the
//! request log stay right. Run by the scheduler once a day and by `steward purge`.

use chrono::{Duration, Months, NaiveDateTime};

use super::error::WorkflowError;
use super::services::Services;
use crate::audit::{self, Actor};
use steward_db::{self as db, reports as q};
use steward_domain::lifecycle::PACKAGE_DAYS;

/// What a purge removed (or, dry, would remove).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    pub packages: usize,
    pub package_rows: usize,
    pub requests_erased: usize,
    pub files: usize,
    pub dry_run: bool,
}

impl std::fmt::Display for PurgeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = if self.dry_run {
            "would remove"
        } else {
            "removed"
        };
        write!(
            f,
            "Purge {verb}: {} expired data package(s) ({} rows); personal data of {} closed request(s) and {} uploaded file(s).",
            self.packages, self.package_rows, self.requests_erased, self.files
        )
    }
}

/// The cut-offs for `now`: packages of requests closed before the first, personal data of
/// requests closed before the second.
pub fn cutoffs(now: NaiveDateTime, retention_months: u32) -> (NaiveDateTime, NaiveDateTime) {
    let packages = now - Duration::days(PACKAGE_DAYS);
    let personal = now
        .checked_sub_months(Months::new(retention_months))
        .unwrap_or(NaiveDateTime::MIN);
    (packages, personal)
}

/// Ids per transaction: keeps each purge step short (other writers wait for it on SQLite)
/// and under every backend's limit on bound parameters.
const BATCH: usize = 500;

pub async fn purge(
    svc: &Services,
    dry_run: bool,
    actor: Actor,
) -> Result<PurgeReport, WorkflowError> {
    let (packages_before, personal_before) = cutoffs(db::now(), svc.config.retention_months);
    let (packages, erase) = svc
        .db
        .run(move |c| {
            Ok::<_, WorkflowError>((
                q::expired_packages(c, packages_before)?,
                q::due_for_erasure(c, personal_before)?,
            ))
        })
        .await?;
    let mut report = PurgeReport {
        packages: packages.len(),
        requests_erased: erase.len(),
        dry_run,
        ..Default::default()
    };
    for chunk in packages.chunks(BATCH) {
        let ids = chunk.to_vec();
        report.package_rows += svc
            .db
            .run(move |c| {
                if dry_run {
                    return Ok::<_, WorkflowError>(q::count_records(c, &ids)? as usize);
                }
                db::write_tx(c, |c| Ok(q::delete_records(c, &ids)?))
            })
            .await?;
    }
    for chunk in erase.chunks(BATCH) {
        let ids = chunk.to_vec();
        report.files += svc
            .db
            .run(move |c| {
                if dry_run {
                    return Ok::<_, WorkflowError>(q::count_attachments(c, &ids)? as usize);
                }
                db::write_tx(c, |c| Ok(q::erase_personal_data(c, &ids)?.1))
            })
            .await?;
    }
    if !dry_run && (report.packages > 0 || report.requests_erased > 0) {
        let r = report.clone();
        svc.db
            .run(move |c| {
                db::write_tx(c, |c| {
                    audit::record(
                        c,
                        &actor,
                        "retention.purged",
                        "retention",
                        serde_json::json!({
                            "packages": r.packages, "package_rows": r.package_rows,
                            "requests_erased": r.requests_erased, "files": r.files,
                        }),
                    )
                })
            })
            .await?;
    }
    Ok(report)
}

/// A request's email as staff see it: erased rows (empty ciphertext) say so.
pub fn email_text(
    keys: &steward_db::crypto::Keys,
    enc: &str,
    request_id: &str,
) -> Result<String, WorkflowError> {
    if enc.is_empty() {
        return Ok(ERASED.into());
    }
    Ok(keys.open(enc, steward_db::slots::request_email(request_id))?)
}

/// What is shown where retention erased a request's personal data.
pub const ERASED: &str = "(erased after the retention period)";

const LAST_RUN: &str = "retention_last_run";

/// The scheduler's purge: at most once a day (the date is kept in the settings, so a
/// restart does not purge again). Call under the scheduler's pass lock.
pub async fn daily(svc: &Services) -> Result<Option<PurgeReport>, WorkflowError> {
    let today = svc.today().to_string();
    let t = today.clone();
    let last = svc
        .db
        .run(move |c| steward_db::settings::get(c, LAST_RUN))
        .await?;
    if last.as_deref() == Some(t.as_str()) {
        return Ok(None);
    }
    // Marked first: a purge that fails is reported once a day, not retried on every tick.
    svc.db
        .run(move |c| steward_db::settings::put(c, LAST_RUN, &today, None))
        .await?;
    let report = purge(svc, false, Actor::System).await?;
    Ok(Some(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoffs_follow_the_settings() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let (p, r) = cutoffs(now, 24);
        assert_eq!(p, now - Duration::days(30));
        assert_eq!(
            r.date(),
            chrono::NaiveDate::from_ymd_opt(2024, 11, 25).unwrap()
        );
    }
}
