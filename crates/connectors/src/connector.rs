//! What a store is asked and what it answers: the job, the subject, the outcomes, the
//! errors, and the one interface every kind of store implements.

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TableAccess {
    pub table: String,
    pub rows_reached: u64,
}

/// What erasure did in one table, in rows: reached, deleted, and changed by each strategy
/// (a row counts once per strategy that changed at least one of its values; a NULL is left
/// alone, so a row whose mapped values were all NULL is reached but not changed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
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
