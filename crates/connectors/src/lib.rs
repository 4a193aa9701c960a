//! Connectors carry a task to the system that holds the data: a person's queue (`manual`), a
//! SQL database searched and erased automatically (`sql`), or a signed webhook (`webhook`).
//! All three sit behind [`Connector`]; a failure is an error for staff to see and retry,
//! never a task silently marked done.

pub mod pools;
pub mod reach;
pub mod sql;
pub mod webhook;

use serde::Serialize;

use steward_domain::RequestKind;

/// What a request asks of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Find everything about the subject (access, portability).
    Access,
    /// Erase per the store's strategies (deletion).
    Erase,
    /// Correct the subject's data: SQL stores preview the change for staff to approve.
    Correct,
    /// Anything a person must judge (objection, opt-out, …).
    Confirm,
}

impl Job {
    pub fn for_kind(kind: RequestKind) -> Job {
        match kind {
            RequestKind::Access | RequestKind::Portability => Job::Access,
            RequestKind::Deletion => Job::Erase,
            RequestKind::Correction => Job::Correct,
            _ => Job::Confirm,
        }
    }
}

/// Who the request is about, as the stores can look them up, and for a correction what
/// they asked to change.
#[derive(Debug, Clone)]
pub struct Subject {
    pub email: String,
    pub corrections: Vec<steward_domain::correction::Correction>,
}

impl Subject {
    pub fn by_email(email: String) -> Subject {
        Subject {
            email,
            corrections: Vec::new(),
        }
    }
}

/// One field of one of the subject's rows that a correction would change, as staff review
/// it before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct FieldChange {
    pub table: String,
    pub record: String,
    pub field: String,
    pub category: steward_domain::correction::CorrectionCategory,
    pub before: Option<String>,
    pub after: String,
    /// Why this field cannot be changed (kept with a legal basis, or the value does not fit
    /// the column); `None` when it can.
    pub refused: Option<String>,
}

/// What applying a correction did in one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TableCorrection {
    pub table: String,
    pub fields: Vec<String>,
    pub rows_updated: u64,
}

/// One field value of one record, as it goes into the subject's package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct FoundValue {
    pub table: String,
    pub record: String,
    pub field: String,
    pub category: String,
    pub value: Option<String>,
}

/// How many of the subject's rows one table held, as an access run reached them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableAccess {
    pub table: String,
    pub rows_reached: u64,
}

/// What erasure did in one table, in rows: reached, deleted, and changed by each strategy
/// (a row counts once per strategy that changed at least one of its values; a NULL is left
/// alone, so a row whose mapped values were all NULL is reached but not changed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableErasure {
    pub table: String,
    pub rows_reached: u64,
    pub deleted: u64,
    pub nulled: u64,
    pub redacted: u64,
    pub hashed: u64,
    /// Fields kept, each with its legal basis.
    pub retained: Vec<(String, String)>,
}

/// What a connector did with a task: finished it, or handed it on and the result comes
/// back later (from a person, or from the store's own system).
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Finished: the subject's values in this store, and (where the store can tell) the
    /// rows each table held for them.
    Found {
        values: Vec<FoundValue>,
        tables: Option<Vec<TableAccess>>,
    },
    /// Finished: erasure applied, per table.
    Erased(Vec<TableErasure>),
    /// A correction's proposed changes, for staff to approve before anything is written.
    Preview(Vec<FieldChange>),
    /// In the store owner's queue: a person acts and reports.
    ForOwner,
    /// Delivered to the store's webhook: its signed callback reports.
    Sent,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectorError {
    #[error("cannot reach the store: {0}")]
    Unreachable(String),
    #[error("the store's schema does not match its dataset map: {0}")]
    Schema(String),
    #[error("query failed: {0}")]
    Query(String),
    #[error("the store answered HTTP {status}")]
    Rejected { status: u16 },
    #[error("{0}")]
    Config(String),
}

/// The one interface every kind of store implements.
pub trait Connector {
    fn run(
        &self,
        job: Job,
        subject: &Subject,
        task: &TaskInfo,
    ) -> impl Future<Output = Result<Outcome, ConnectorError>> + Send;
}

/// What a connector may tell the store about the task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskInfo {
    pub task_id: steward_domain::TaskId,
    pub request_id: steward_domain::RequestId,
    pub kind: RequestKind,
    pub jurisdiction: steward_domain::Jurisdiction,
    pub due_date: chrono::NaiveDate,
    pub callback_url: String,
}

/// Stores that need a person: the task waits in the owner's queue.
pub struct Manual;

impl Connector for Manual {
    async fn run(
        &self,
        _job: Job,
        _subject: &Subject,
        _task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        Ok(Outcome::ForOwner)
    }
}

/// Where a store's data is and how to reach it, with its secrets decrypted: what
/// [`open`] needs, whatever kind the store is.
pub enum Target {
    Manual,
    Sql {
        url: sql::SqlUrl,
        dataset: steward_domain::dataset::Dataset,
        hash_key: Vec<u8>,
    },
    Webhook {
        url: String,
        secret: String,
    },
}

/// Any connector, chosen by [`open`]; the workflow runs it without knowing which it is.
pub enum AnyConnector {
    Manual(Manual),
    Sql(sql::SqlConnector),
    Webhook(webhook::WebhookConnector),
}

/// Opens the connector for a store (for SQL, its pool), where `reach` allows.
pub async fn open(target: Target, reach: &reach::Reach) -> Result<AnyConnector, ConnectorError> {
    Ok(match target {
        Target::Manual => AnyConnector::Manual(Manual),
        Target::Sql {
            url,
            dataset,
            hash_key,
        } => AnyConnector::Sql(sql::SqlConnector::connect(&url, dataset, hash_key, reach).await?),
        Target::Webhook { url, secret } => {
            let client = webhook::client_for(&url, reach).await?;
            AnyConnector::Webhook(webhook::WebhookConnector {
                url,
                secret,
                client,
            })
        }
    })
}

impl AnyConnector {
    /// Releases what the connector holds (a SQL store's connections).
    pub async fn close(self) {
        if let AnyConnector::Sql(c) = self {
            c.close().await;
        }
    }
}

impl Connector for AnyConnector {
    async fn run(
        &self,
        job: Job,
        subject: &Subject,
        task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        match self {
            AnyConnector::Manual(c) => c.run(job, subject, task).await,
            AnyConnector::Sql(c) => c.run(job, subject, task).await,
            AnyConnector::Webhook(c) => c.run(job, subject, task).await,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("is empty")]
    Empty,
    #[error("is larger than {0} MB")]
    TooLarge(usize),
    #[error("is not UTF-8 text")]
    NotUtf8,
    #[error("is not valid CSV: {0}")]
    Csv(String),
    #[error("line {line} has {found} columns, the header has {expected}")]
    Ragged {
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("has a header with an empty or repeated column name")]
    BadHeader,
    #[error("has no data rows below the header")]
    NoRows,
    #[error(
        "holds more than {0} values (rows × columns); split it or send it through the API in parts"
    )]
    TooMany(usize),
}

pub const UPLOAD_MAX_MB: usize = 5;
/// Most values one store answer may carry, uploaded as CSV or sent to the API.
pub const MAX_VALUES: usize = 100_000;

/// A store owner's CSV of the subject's records (header row, one row per record), turned
/// into package values. Checked whole before anything is kept.
pub fn parse_upload(bytes: &[u8], table: &str) -> Result<Vec<FoundValue>, UploadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(UploadError::Empty);
    }
    if bytes.len() > UPLOAD_MAX_MB * 1024 * 1024 {
        return Err(UploadError::TooLarge(UPLOAD_MAX_MB));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| UploadError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| UploadError::Csv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let unique: std::collections::HashSet<&String> = headers.iter().collect();
    if headers.iter().any(String::is_empty) || unique.len() != headers.len() {
        return Err(UploadError::BadHeader);
    }
    let mut out = Vec::new();
    let mut rows = 0;
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| UploadError::Csv(e.to_string()))?;
        if rec.len() != headers.len() {
            let line = rec.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
            return Err(UploadError::Ragged {
                line,
                expected: headers.len(),
                found: rec.len(),
            });
        }
        rows += 1;
        if out.len() + headers.len() > MAX_VALUES {
            return Err(UploadError::TooMany(MAX_VALUES));
        }
        for (h, v) in headers.iter().zip(rec.iter()) {
            out.push(FoundValue {
                table: table.to_string(),
                record: rows.to_string(),
                field: h.clone(),
                category: String::new(),
                value: (!v.is_empty()).then(|| v.to_string()),
            });
        }
    }
    if rows == 0 {
        return Err(UploadError::NoRows);
    }
    Ok(out)
}

#[cfg(test)]
mod upload_tests {
    use super::*;

    #[test]
    fn a_good_upload_becomes_long_format() {
        let v = parse_upload(
            "\u{feff}email,plan\r\na@example.org,gold\r\na@example.org,\r\n".as_bytes(),
            "crm",
        )
        .unwrap();
        assert_eq!(v.len(), 4);
        assert_eq!(
            (
                v[0].record.as_str(),
                v[0].field.as_str(),
                v[0].value.as_deref()
            ),
            ("1", "email", Some("a@example.org"))
        );
        assert_eq!(
            (
                v[3].record.as_str(),
                v[3].field.as_str(),
                v[3].value.as_deref()
            ),
            ("2", "plan", None)
        );
    }

    #[test]
    fn bad_uploads_say_what_is_wrong() {
        assert_eq!(parse_upload(b"  \n", "t"), Err(UploadError::Empty));
        assert_eq!(
            parse_upload(&[0xff, 0xfe, b'a'], "t"),
            Err(UploadError::NotUtf8)
        );
        assert_eq!(
            parse_upload(b"a,b\n1,2\n3\n", "t"),
            Err(UploadError::Ragged {
                line: 3,
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            parse_upload(b"a,a\n1,2\n", "t"),
            Err(UploadError::BadHeader)
        );
        assert_eq!(parse_upload(b"a,\n1,2\n", "t"), Err(UploadError::BadHeader));
        assert_eq!(parse_upload(b"a,b\n", "t"), Err(UploadError::NoRows));
        assert_eq!(
            parse_upload(&vec![b'a'; UPLOAD_MAX_MB * 1024 * 1024 + 1], "t"),
            Err(UploadError::TooLarge(UPLOAD_MAX_MB))
        );
    }
}
