//! What staff filter lists and exports by: plain values the web parses and the database
//! answers, so neither knows the other.

use chrono::{NaiveDate, NaiveDateTime};

use crate::consent::PurposeKey;
use crate::{Jurisdiction, RequestKind, Status};

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<Status>,
    pub kind: Option<RequestKind>,
    pub jurisdiction: Option<Jurisdiction>,
    /// Only open requests whose effective due date is before this day.
    pub overdue_before: Option<NaiveDate>,
    /// Only open requests whose effective due date falls in these days (both included).
    pub due_between: Option<(NaiveDate, NaiveDate)>,
    /// Only verified or in-progress requests with no unsettled store task: waiting for staff.
    pub ready_only: bool,
    pub lookup: Option<Lookup>,
    pub open_only: bool,
    pub sort: Sort,
    pub limit: i64,
    pub offset: i64,
}

/// A search, as the database can answer it (hashes worked out by the caller).
#[derive(Debug, Clone)]
pub enum Lookup {
    /// The reference or the internal id.
    Reference(String),
    EmailIndex(String),
    /// Blind indexes of name words: every one must be among the request's.
    NameWords(Vec<String>),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Soonest effective deadline first: the order work is done in.
    #[default]
    Due,
    Newest,
    Oldest,
}

/// What the audit export is filtered by.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub actor: Option<String>,
    pub action: Option<String>,
}

/// What the consent export reads: a window of time, optionally one purpose.
#[derive(Debug, Clone, Default)]
pub struct RecordFilter {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub purpose: Option<PurposeKey>,
}
