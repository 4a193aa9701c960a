//! What the ledger gives out: the consent export (every record with its proof), the current
//! state per purpose, the opt-in chart's figures, and a subject's own records for their
//! access package.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::super::{Services, WorkflowError};
use crate::export::utc;
use steward_db::consent::{self as store, RecordFilter};
use steward_db::models::ConsentRow;
use steward_domain::consent::{ConsentStatus, PurposeKey};

pub const RECORDS_HEADER: &[&str] = &[
    "record_id",
    "recorded_at",
    "subject",
    "subject_kind",
    "purpose",
    "notice_version",
    "status",
    "method",
    "jurisdiction",
    "ip_hmac",
    "user_agent",
    "page_url",
    "gpc",
    "banner_version",
    "note",
    "recorded_by",
    "site_key_id",
    "pseudonymised_at",
];

/// A record's subject as the exports give it. One that cannot be decrypted (its row was
/// moved or altered) is given as unreadable and logged by record id: the export goes on to
/// its end rather than stopping short under a 200.
fn subject_of(svc: &Services, r: &ConsentRow) -> String {
    let Some(enc) = &r.subject_enc else {
        return String::new();
    };
    use crate::workflow::subject::{UNREADABLE, or_unreadable};
    let subject = svc
        .keys
        .open(enc, steward_db::slots::consent_subject(&r.id));
    or_unreadable(subject, UNREADABLE.to_string(), "subject", &r.id)
}

fn record_cells(svc: &Services, r: ConsentRow) -> Vec<String> {
    let subject = subject_of(svc, &r);
    vec![
        r.id,
        utc(&r.recorded_at),
        subject,
        r.subject_kind.as_str().into(),
        r.purpose_key.to_string(),
        r.notice_version.to_string(),
        r.status.as_str().into(),
        r.method.as_str().into(),
        r.jurisdiction
            .map(|j| j.as_str().to_string())
            .unwrap_or_default(),
        r.ip_hmac.unwrap_or_default(),
        r.user_agent.unwrap_or_default(),
        r.page_url.unwrap_or_default(),
        r.gpc.to_string(),
        r.banner_version.unwrap_or_default(),
        r.note.unwrap_or_default(),
        r.recorded_by.map(|u| u.to_string()).unwrap_or_default(),
        r.site_key_id.unwrap_or_default(),
        r.pseudonymised_at.as_ref().map(utc).unwrap_or_default(),
    ]
}

/// The consent export's keyset cursor: the last record's (recorded_at, id).
pub type RecordCursor = (NaiveDateTime, String);

/// One page of the consent export, oldest first, and the cursor after it.
pub async fn records_page(
    svc: &Services,
    filter: RecordFilter,
    after: Option<RecordCursor>,
    limit: i64,
) -> Result<(Vec<Vec<String>>, Option<RecordCursor>), WorkflowError> {
    let rows = svc
        .db
        .run(move |c| store::records_after(c, &filter, after.as_ref(), limit))
        .await?;
    let next = rows.last().map(|r| (r.recorded_at, r.id.clone()));
    let cells = rows.into_iter().map(|r| record_cells(svc, r)).collect();
    Ok((cells, next))
}

pub const CURRENT_HEADER: &[&str] = &[
    "subject",
    "subject_kind",
    "purpose",
    "status",
    "notice_version",
    "recorded_at",
    "record_id",
    "method",
];

/// One page of who currently stands where for a purpose (e.g. to tell a vendor who opted
/// out), and the cursor after it. Pseudonymised subjects no longer appear.
pub async fn current_page(
    svc: &Services,
    purpose: PurposeKey,
    after: Option<String>,
    limit: i64,
) -> Result<(Vec<Vec<String>>, Option<String>), WorkflowError> {
    let rows = svc
        .db
        .run(move |c| store::current_after(c, &purpose, after.as_deref(), limit))
        .await?;
    let next = rows.last().map(|(cur, _)| cur.subject_index.clone());
    let mut out = Vec::with_capacity(rows.len());
    for (cur, rec) in rows {
        let subject = subject_of(svc, &rec);
        out.push(vec![
            subject,
            rec.subject_kind.as_str().into(),
            cur.purpose_key.to_string(),
            cur.status.as_str().into(),
            cur.notice_version.to_string(),
            utc(&cur.recorded_at),
            cur.record_id,
            rec.method.as_str().into(),
        ]);
    }
    Ok((out, next))
}

/// A month's share of choices that granted the purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRate {
    pub month: NaiveDate,
    pub granted: i64,
    pub withdrawn: i64,
}

impl MonthRate {
    /// Percent granted of the month's choices, `None` when there were none.
    pub fn percent(&self) -> Option<f64> {
        let all = self.granted + self.withdrawn;
        (all > 0).then(|| 100.0 * self.granted as f64 / all as f64)
    }
}

/// Per purpose: subjects granted and withdrawn now, and the opt-in rate of the last twelve
/// months of choices.
#[derive(Debug, Clone)]
pub struct PurposeFigures {
    pub key: PurposeKey,
    pub granted_now: i64,
    pub withdrawn_now: i64,
    pub months: Vec<MonthRate>,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("first of a month")
}

fn next_month(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(1))
        .expect("a month later")
}

/// The twelve months ending with `today`'s, oldest first.
pub fn last_twelve_months(today: NaiveDate) -> Vec<NaiveDate> {
    let end = month_start(today);
    (0..12u32)
        .rev()
        .map(|back| {
            end.checked_sub_months(chrono::Months::new(back))
                .expect("a month earlier")
        })
        .collect()
}

pub async fn figures(svc: &Services, key: PurposeKey) -> Result<PurposeFigures, WorkflowError> {
    let months = last_twelve_months(svc.today());
    svc.db
        .run(move |c| {
            let mut rates = Vec::new();
            for m in months {
                let (from, to): (NaiveDateTime, NaiveDateTime) = (
                    m.and_hms_opt(0, 0, 0).expect("midnight"),
                    next_month(m).and_hms_opt(0, 0, 0).expect("midnight"),
                );
                rates.push(MonthRate {
                    month: m,
                    granted: store::count_between(c, &key, ConsentStatus::Granted, from, to)?,
                    withdrawn: store::count_between(c, &key, ConsentStatus::Withdrawn, from, to)?,
                });
            }
            Ok::<_, WorkflowError>(PurposeFigures {
                granted_now: store::current_count(c, &key, ConsentStatus::Granted)?,
                withdrawn_now: store::current_count(c, &key, ConsentStatus::Withdrawn)?,
                key,
                months: rates,
            })
        })
        .await
}

/// The subject's consent records for their access package, in the package's long format
/// (`table, record, field, data_category, value`).
pub fn package_rows(history: &[ConsentRow]) -> Vec<[String; 5]> {
    let mut out = Vec::new();
    for r in history {
        let word = |l: Option<steward_domain::Language>| l.map(|l| l.as_str().to_string());
        let fields: [(&str, String); 10] = [
            ("purpose", r.purpose_key.to_string()),
            ("notice_version", r.notice_version.to_string()),
            (
                "notice_language",
                word(r.notice_language).unwrap_or_default(),
            ),
            ("language", word(r.language).unwrap_or_default()),
            ("status", r.status.as_str().into()),
            ("method", r.method.as_str().into()),
            ("recorded_at", utc(&r.recorded_at)),
            (
                "jurisdiction",
                r.jurisdiction
                    .map(|j| j.as_str().to_string())
                    .unwrap_or_default(),
            ),
            ("page_url", r.page_url.clone().unwrap_or_default()),
            ("gpc", r.gpc.to_string()),
        ];
        for (field, value) in fields {
            out.push([
                "consent_records".into(),
                r.id.clone(),
                field.into(),
                "user.consent".into(),
                value,
            ]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_end_with_this_one() {
        let m = last_twelve_months(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        assert_eq!(m.len(), 12);
        assert_eq!(m[0], NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        assert_eq!(m[11], NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    }

    #[test]
    fn rate_is_share_granted() {
        let r = MonthRate {
            month: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            granted: 3,
            withdrawn: 1,
        };
        assert_eq!(r.percent(), Some(75.0));
        let none = MonthRate {
            granted: 0,
            withdrawn: 0,
            ..r
        };
        assert_eq!(none.percent(), None);
    }
}
