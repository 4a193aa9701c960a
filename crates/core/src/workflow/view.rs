//! Requests as people see them: decrypted, typed, with days left and the overdue flag
//! computed for today in Steward's time zone.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use serde::Serialize;

use super::error::WorkflowError;
use super::services::Services;
use super::subject::{Agent, SubjectText, UNREADABLE, or_unreadable};
use steward_db::models::{RequestEvent, RequestRow};
use steward_db::requests::{self, Filter};
use steward_domain::clock;
use steward_domain::timeline::TimelineAction;
use steward_domain::{Channel, DenialReason, Jurisdiction, Language, RequestKind, Status};
use steward_domain::{PublicId, RequestId};

impl RequestView {
    /// Whether the subject may download their data package now.
    pub fn package_downloadable(&self) -> bool {
        steward_domain::lifecycle::package_downloadable(
            self.kind,
            self.status,
            self.closed_at,
            chrono::Utc::now().naive_utc(),
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestView {
    pub id: RequestId,
    pub public_id: PublicId,
    pub kind: RequestKind,
    pub jurisdiction: Jurisdiction,
    pub channel: Channel,
    /// The language the request was filed in; its emails go out in it.
    pub language: Language,
    pub status: Status,
    pub email: String,
    pub name: Option<String>,
    #[serde(skip)]
    pub text: SubjectText,
    #[serde(skip)]
    pub agent: Option<Agent>,
    pub received_at: NaiveDateTime,
    pub received_date: NaiveDate,
    pub acknowledge_by: Option<NaiveDate>,
    pub due_date: NaiveDate,
    pub extended_due_date: Option<NaiveDate>,
    #[serde(skip)]
    pub extension_reason: Option<String>,
    pub paused_days: i64,
    pub clock_stopped: bool,
    pub verified_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub denial_reason: Option<DenialReason>,
    /// The reference of the open request this one repeats.
    pub duplicate_of: Option<PublicId>,
    pub days_left: Option<i64>,
    pub overdue: bool,
    #[serde(skip)]
    pub events: Vec<EventView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// Who acted, in words for staff: a staff member's name, "the requester" or "Steward".
    pub actor_name: String,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: TimelineAction,
    pub to_status: Option<Status>,
    pub note: Option<String>,
    pub public: bool,
}

impl EventView {
    /// A sentence for the timeline.
    pub fn what(&self) -> &'static str {
        self.action.label()
    }
}

impl RequestView {
    pub fn effective_due(&self) -> NaiveDate {
        steward_domain::clock::effective_due(self.due_date, self.extended_due_date)
    }

    pub fn due_soon(&self) -> bool {
        self.days_left.is_some_and(|d| (0..=7).contains(&d))
    }

    pub fn can_extend(&self) -> bool {
        !self.status.is_closed()
            && self.extended_due_date.is_none()
            && clock::can_extend(self.jurisdiction, self.kind)
    }

    pub fn denial_label(&self) -> Option<&'static str> {
        self.denial_reason.map(|d| d.label())
    }
}

/// Builds the view; `with_events` loads the timeline too.
pub fn build(
    svc: &Services,
    row: RequestRow,
    events: Vec<RequestEvent>,
    duplicate_of: Option<PublicId>,
    staff_names: &std::collections::HashMap<steward_domain::UserId, String>,
) -> Result<RequestView, WorkflowError> {
    let keys = &svc.keys;
    use steward_db::slots;
    let decrypt_opt = |v: &Option<String>, slot: steward_db::crypto::Slot<'_>| {
        v.as_deref().map(|s| keys.open(s, slot)).transpose()
    };
    let unreadable = || Some(UNREADABLE.to_string());
    let text = or_unreadable(
        SubjectText::of(keys, &row),
        SubjectText {
            details: unreadable(),
            ..Default::default()
        },
        "text",
        &row.id,
    );
    let agent = or_unreadable(
        Agent::of(keys, &row),
        Some(Agent {
            name: UNREADABLE.into(),
            email: String::new(),
        }),
        "agent",
        &row.id,
    );
    let status = row.status;
    let today = svc.today();
    let effective = row.effective_due();
    let (days_left, overdue) = if status.is_closed() {
        (None, false)
    } else if let Some(p) = row.paused_on {
        // The clock is stopped: days left stay as they were on the day it stopped.
        (Some(clock::days_left(effective, p)), false)
    } else {
        (
            Some(clock::days_left(effective, today)),
            clock::is_overdue(effective, today),
        )
    };
    let tz = svc.config.timezone;
    let local = |t: NaiveDateTime| tz.from_utc_datetime(&t).naive_local();
    let events = events
        .into_iter()
        .map(|e| {
            let actor_name = match e.actor.as_str() {
                "subject" => "the requester".to_string(),
                "system" => "Steward".to_string(),
                other => other
                    .strip_prefix("user:")
                    .and_then(|id| staff_names.get(id))
                    .cloned()
                    .unwrap_or_else(|| "a former staff member".to_string()),
            };
            Ok(EventView {
                at: local(e.at),
                actor_name,
                actor: e.actor,
                action: e.action,
                to_status: e.to_status,
                note: e.note,
                public: e.public,
            })
        })
        .collect::<Result<_, WorkflowError>>()?;
    Ok(RequestView {
        email: or_unreadable(
            super::retention::email_text(keys, &row.email_enc, &row.id),
            UNREADABLE.into(),
            "email",
            &row.id,
        ),
        name: or_unreadable(
            decrypt_opt(&row.name_enc, slots::request_name(&row.id)),
            unreadable(),
            "name",
            &row.id,
        ),
        text,
        agent,
        kind: row.kind,
        jurisdiction: row.jurisdiction,
        language: row.language,
        channel: row.channel,
        status,
        received_at: local(row.received_at),
        received_date: row.received_date,
        acknowledge_by: row.acknowledge_by,
        due_date: row.due_date,
        extended_due_date: row.extended_due_date,
        extension_reason: row.extension_reason,
        paused_days: row.paused_days,
        clock_stopped: row.paused_on.is_some(),
        verified_at: row.verified_at.map(local),
        closed_at: row.closed_at.map(local),
        denial_reason: row.denial_reason,
        duplicate_of,
        days_left,
        overdue,
        events,
        id: row.id,
        public_id: row.public_id,
    })
}

/// One request with its timeline, by internal or public id.
pub async fn load(svc: &Services, id: &str) -> Result<RequestView, WorkflowError> {
    let id = id.to_string();
    let (row, events, dup, names) = svc
        .db
        .run(move |c| {
            let row = requests::find_by_any_id(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let events = requests::events(c, &row.id)?;
            let dup = match &row.duplicate_of {
                Some(d) => requests::public_id_of(c, d)?,
                None => None,
            };
            let staff: Vec<steward_domain::UserId> = events
                .iter()
                .filter_map(|e| e.actor.strip_prefix("user:"))
                .map(|id| steward_domain::UserId::from(id.to_string()))
                .collect();
            let names = steward_db::users::names_of(c, &staff)?;
            Ok::<_, WorkflowError>((row, events, dup, names))
        })
        .await?;
    build(svc, row, events, dup, &names)
}

/// The subject's own page: only with the capability from their email.
pub async fn load_for_subject(
    svc: &Services,
    public_id: &str,
    token: &str,
) -> Result<RequestView, WorkflowError> {
    let pid = public_id.to_string();
    let row = svc
        .db
        .run(move |c| requests::find_by_public_id(c, &pid))
        .await?
        .ok_or(WorkflowError::NotFound)?;
    if !svc.keys.check_status_token(&row.id, token) {
        return Err(WorkflowError::NotFound);
    }
    let mut view = load(svc, &row.id).await?;
    view.events.retain(|e| e.public);
    Ok(view)
}

pub struct Page {
    pub items: Vec<RequestView>,
    pub total: i64,
}

/// A parsed search as the database answers it: addresses and name words become their
/// blind indexes.
pub fn lookup(
    svc: &Services,
    search: steward_domain::search::Search,
) -> steward_db::requests::Lookup {
    use steward_db::requests::Lookup;
    use steward_domain::search::Search;
    match search {
        Search::Reference(r) => Lookup::Reference(r),
        Search::Email(e) => Lookup::EmailIndex(svc.keys.blind_index("email", &e.normalised())),
        Search::Name(words) => Lookup::NameWords(
            words
                .iter()
                .map(|w| svc.keys.blind_index("name_word", w))
                .collect(),
        ),
    }
}

pub async fn list(svc: &Services, mut filter: Filter) -> Result<Page, WorkflowError> {
    if filter.limit <= 0 {
        filter.limit = 50;
    }
    let (rows, total, references) = svc
        .db
        .run(move |c| {
            let (rows, total) = requests::list(c, &filter)?;
            let dups: Vec<RequestId> = rows.iter().filter_map(|r| r.duplicate_of.clone()).collect();
            let references = requests::public_ids_of(c, &dups)?;
            Ok::<_, WorkflowError>((rows, total, references))
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let dup = r
                .duplicate_of
                .as_ref()
                .and_then(|d| references.get(d).cloned());
            build(svc, r, Vec::new(), dup, &Default::default())
        })
        .collect::<Result<_, _>>()?;
    Ok(Page { items, total })
}
