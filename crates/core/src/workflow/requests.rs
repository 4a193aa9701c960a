//! Filing a request, the subject's verification link, and staff actions.

use chrono::{Duration, NaiveDateTime, TimeZone};

use super::error::WorkflowError;
use super::notices::send_notice;
use super::notices::{Outcome, closed_letter, extended_letter, paused_letter, verify_letter};
use super::services::Services;
pub use super::subject::{Agent, SubjectText};
use crate::audit::{self, Actor};
use crate::metrics::Step;
use steward_db::crypto::{hash_token, new_token, random_bytes};
use steward_db::models::{RequestEvent, RequestRow};
use steward_db::slots;
use steward_db::{self as db, DbConn, requests};
use steward_domain::clock::{self, ClockSettings};
use steward_domain::holidays::CalendarChoice;
use steward_domain::kinds::VerificationMethod;
use steward_domain::lifecycle::{PACKAGE_DAYS, next_status, package_downloadable};
use steward_domain::timeline::TimelineAction;
use steward_domain::{
    Action, Channel, DenialReason, EmailAddress, Jurisdiction, RequestKind, Status,
};
use steward_domain::{Language, PublicId, RequestId};

pub const VERIFY_LINK_VALID: Duration = Duration::hours(24);
/// Most proof-of-authority files one request takes.
pub const MAX_PROOFS: usize = 5;

/// A request as taken from the form, the API or staff: already parsed and valid.
#[derive(Debug, Clone)]
pub struct Intake {
    pub kind: RequestKind,
    pub jurisdiction: Jurisdiction,
    pub channel: Channel,
    pub email: EmailAddress,
    pub name: Option<String>,
    pub text: SubjectText,
    pub agent: Option<Agent>,
    /// When staff log a letter or call: its real arrival. `None` means now.
    pub received_at: Option<NaiveDateTime>,
    pub send_verification: bool,
    /// The language the request is filed in; every email about it goes out in it.
    pub language: Language,
}

#[derive(Debug, Clone)]
pub struct Filed {
    pub id: RequestId,
    pub public_id: PublicId,
    pub duplicate_of: Option<PublicId>,
}

/// Short, unambiguous, readable over the phone ("SR-7K3P9XQ2"); 40 random bits.
fn new_public_id() -> PublicId {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bytes: [u8; 8] = random_bytes();
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[(*b & 31) as usize] as char)
        .collect();
    PublicId::from(format!("SR-{code}"))
}

/// The blind indexes of a name's words, as stored for search and searched with.
pub fn name_word_indexes(keys: &steward_db::crypto::Keys, name: &str) -> Vec<String> {
    steward_domain::search::name_words(name)
        .iter()
        .map(|w| keys.blind_index("name_word", w))
        .collect()
}

/// Set once the names of requests filed before search by name are indexed.
pub const NAMES_INDEXED: &str = "request_names_indexed";

/// Indexes the names of requests filed before search by name existed; run at start-up.
/// Decrypts each such name once, in batches; a no-op once every name is indexed.
pub async fn index_old_names(svc: &Services) -> Result<usize, WorkflowError> {
    // Once done, never again: every request filed since indexes its own name.
    if svc
        .db
        .run(|c| steward_db::settings::get(c, NAMES_INDEXED))
        .await?
        .is_some()
    {
        return Ok(0);
    }
    let mut after = String::new();
    let mut done = 0;
    loop {
        let from = after.clone();
        let batch = svc
            .db
            .run(move |c| requests::names_not_indexed(c, &from, 500))
            .await?;
        let Some((last, _)) = batch.last() else {
            svc.db
                .run(|c| steward_db::settings::mark(c, NAMES_INDEXED))
                .await?;
            return Ok(done);
        };
        after = last.to_string();
        let mut rows = Vec::with_capacity(batch.len());
        for (id, name_enc) in batch {
            // A name this key cannot read stays unsearchable; it must not stop start-up.
            match svc.keys.open(&name_enc, slots::request_name(&id)) {
                Ok(name) => rows.push((id, name_word_indexes(&svc.keys, &name))),
                Err(_) => tracing::error!("request {id}: stored name unreadable; not indexed"),
            }
        }
        done += rows.len();
        svc.db
            .run(move |c| {
                db::write_tx(c, |c| {
                    for (id, words) in &rows {
                        requests::insert_name_words(c, id, words)?;
                    }
                    Ok::<_, WorkflowError>(())
                })
            })
            .await?;
    }
}

pub(super) fn event(
    row: &RequestRow,
    actor: &Actor,
    action: TimelineAction,
    from: Option<Status>,
    to: Option<Status>,
    note: Option<&str>,
    public: bool,
) -> RequestEvent {
    RequestEvent {
        from_status: from,
        to_status: to,
        note: note.map(Into::into),
        public,
        ..super::timeline::event(&row.id, actor, action)
    }
}

pub(super) fn target(row: &RequestRow) -> String {
    target_of_id(&row.id)
}

fn target_of_id(id: &str) -> String {
    format!("request:{id}")
}

/// Saves a transition only if the request is still as it was read; otherwise the caller lost a
/// race and gets a conflict naming the state the winner left (nothing of this transaction
/// lands, and no email is sent for it).
pub(super) fn save_transition(
    c: &mut DbConn,
    row: &RequestRow,
    read: &RequestRow,
) -> Result<(), WorkflowError> {
    if requests::save_if_unchanged(c, row, read)? {
        return Ok(());
    }
    let now = requests::status_of(c, &read.id)?.ok_or(WorkflowError::NotFound)?;
    Err(WorkflowError::Conflict(format!(
        "this request was changed at the same moment by someone else; it is now \"{}\"",
        now.label()
    )))
}

pub async fn file(svc: &Services, intake: Intake, actor: Actor) -> Result<Filed, WorkflowError> {
    let now = db::now();
    let received_at = intake.received_at.unwrap_or(now);
    if received_at > now + Duration::minutes(5) {
        return Err(WorkflowError::invalid(
            "received_at",
            "cannot be in the future",
        ));
    }
    let tz = svc.config.timezone;
    let calendars = svc.config.calendars;
    let received_date = tz.from_utc_datetime(&received_at).date_naive();
    let keys = svc.keys.clone();
    let verify_token = intake.send_verification.then(new_token);
    let verify_hash = verify_token.as_deref().map(hash_token);
    let created_by = match &actor {
        Actor::Staff { id } => Some(id.clone()),
        _ => None,
    };
    let email_index = keys.blind_index("email", &intake.email.normalised());
    let name_words = intake
        .name
        .as_deref()
        .map(|n| name_word_indexes(&keys, n))
        .unwrap_or_default();
    let text_json = serde_json::to_string(&intake.text).expect("plain struct serialises");
    let id: RequestId = db::new_id();
    let mut row = RequestRow {
        id: id.clone(),
        public_id: new_public_id(),
        kind: intake.kind,
        jurisdiction: intake.jurisdiction,
        channel: intake.channel,
        status: Status::Received,
        email_enc: keys.seal(intake.email.as_str(), slots::request_email(&id)),
        email_index: email_index.clone(),
        name_enc: intake
            .name
            .as_deref()
            .map(|n| keys.seal(n, slots::request_name(&id))),
        details_enc: (intake.text != SubjectText::default())
            .then(|| keys.seal(&text_json, slots::request_details(&id))),
        agent_enc: intake.agent.as_ref().map(|a| {
            keys.seal(
                &serde_json::to_string(a).expect("plain struct"),
                slots::request_agent(&id),
            )
        }),
        received_at,
        received_date,
        acknowledge_by: None,
        due_date: received_date,
        extended_due_date: None,
        extension_reason: None,
        paused_days: 0,
        paused_on: None,
        status_before_pause: None,
        verified_at: None,
        verification_method: None,
        verify_token_hash: verify_hash,
        verify_expires_at: verify_token.as_ref().map(|_| now + VERIFY_LINK_VALID),
        closed_at: None,
        denial_reason: None,
        duplicate_of: None,
        created_by,
        created_at: now,
        updated_at: now,
        language: intake.language,
    };

    let commit = svc.db.run(move |conn| {
        db::write_tx(conn, |c| {
            super::deadlines::reschedule(c, &mut row, false, calendars)?;
            row.duplicate_of =
                requests::find_open_duplicate(c, &row.email_index, row.kind)?.map(|(id, _)| id);
            let mut events = vec![event(
                &row,
                &actor,
                TimelineAction::Received,
                None,
                Some(Status::Received),
                None,
                true,
            )];
            if row.verify_token_hash.is_some() {
                row.status = Status::Verifying;
                events.push(event(
                    &row,
                    &Actor::System,
                    TimelineAction::VerificationSent,
                    Some(Status::Received),
                    Some(Status::Verifying),
                    None,
                    true,
                ));
            }
            requests::insert(c, &row)?;
            requests::insert_name_words(c, &row.id, &name_words)?;
            for e in &events {
                requests::insert_event(c, e)?;
            }
            let detail = serde_json::json!({
                "kind": row.kind, "jurisdiction": row.jurisdiction, "channel": row.channel,
                "duplicate_of": row.duplicate_of,
            });
            audit::record(c, &actor, "request.received", &target(&row), detail)?;
            Ok::<_, WorkflowError>(row)
        })
    });
    let row = svc.metrics.time(Step::FileCommit, commit).await?;

    if let Some(token) = verify_token {
        let verify_url = format!("{}/privacy/verify/{}", svc.config.base_url, token);
        send_notice(svc, &row, &intake.email, |tr, status_url| {
            verify_letter(
                tr,
                row.public_id.as_str(),
                row.kind,
                &verify_url,
                status_url,
                row.due_date,
            )
        })
        .await;
    }
    let duplicate_of = match row.duplicate_of.clone() {
        Some(id) => svc.db.run(move |c| requests::public_id_of(c, &id)).await?,
        None => None,
    };
    Ok(Filed {
        id: row.id,
        public_id: row.public_id,
        duplicate_of,
    })
}

/// Where a confirmation link stands.
pub enum VerifyLink {
    /// Not used yet: the page asks the subject to confirm.
    Open(RequestRow),
    /// Used already (the request is confirmed): the subject is shown its status instead.
    Used(RequestRow),
}

/// What the confirmation page shows before the subject presses the button. A used link
/// stays known (its hash is kept, its expiry cleared) so a second click finds the request.
pub async fn check_verify_link(svc: &Services, token: &str) -> Result<VerifyLink, WorkflowError> {
    let hash = hash_token(token);
    let row = svc
        .db
        .run(move |c| requests::find_by_verify_token(c, &hash))
        .await?
        .ok_or(WorkflowError::LinkInvalid)?;
    if row.verified_at.is_some() {
        return Ok(VerifyLink::Used(row));
    }
    if row.verify_expires_at.is_none_or(|t| t < db::now()) {
        return Err(WorkflowError::LinkExpired);
    }
    Ok(VerifyLink::Open(row))
}

/// The subject confirms by the emailed link: single use, 24 hours. A link used already
/// changes nothing and answers the request as it is (`true`: confirmed just now).
pub async fn verify_by_link(
    svc: &Services,
    token: &str,
) -> Result<(RequestRow, bool), WorkflowError> {
    let hash = hash_token(token);
    let (lead, today) = (svc.config.task_lead_days, svc.today());
    let commit = svc.db.run(move |conn| {
        db::write_tx(conn, |c| {
            let mut row =
                requests::find_by_verify_token(c, &hash)?.ok_or(WorkflowError::LinkInvalid)?;
            if row.verified_at.is_some() {
                return Ok((row, false));
            }
            let read = row.clone();
            if row.verify_expires_at.is_none_or(|t| t < db::now()) {
                return Err(WorkflowError::LinkExpired);
            }
            let from = row.status;
            let to = next_status(from, Action::Verify, None)?;
            let now = db::now();
            row.status = to;
            row.verify_expires_at = None;
            row.verified_at = Some(now);
            row.verification_method = Some(VerificationMethod::EmailLink);
            row.updated_at = now;
            save_transition(c, &row, &read)?;
            requests::insert_event(
                c,
                &event(
                    &row,
                    &Actor::Subject,
                    TimelineAction::Verified,
                    Some(from),
                    Some(to),
                    // The entry says it all (the requester confirmed): no English note
                    // on a page the requester reads in their own language.
                    None,
                    true,
                ),
            )?;
            audit::record(
                c,
                &Actor::Subject,
                "request.verified",
                &target(&row),
                serde_json::json!({"method": "email_link"}),
            )?;
            super::tasks::fan_out(c, &mut row, &Actor::System, lead, today)?;
            Ok((row, true))
        })
    });
    let verified = svc.metrics.time(Step::VerifyCommit, commit).await?;
    if verified.1 {
        svc.jobs.notify_one();
    }
    Ok(verified)
}

/// What staff typed with an action.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub reason: Option<String>,
    pub denial: Option<DenialReason>,
    /// Completing although an automated store found nothing of the person: staff checked.
    pub confirm_nothing_found: bool,
}

/// A staff action on a request: verify, pause, resume, extend, deny, complete, withdraw.
pub async fn act(
    svc: &Services,
    actor: Actor,
    id: &str,
    action: Action,
    input: ActionInput,
) -> Result<RequestRow, WorkflowError> {
    let id = id.to_string();
    let ctx = Ctx {
        today: svc.today(),
        lead_days: svc.config.task_lead_days,
        calendars: svc.config.calendars,
    };
    let input2 = input.clone();
    let step = if action == Action::Verify {
        Step::VerifyCommit
    } else {
        Step::ActionCommit
    };
    let commit = svc.db.run(move |conn| {
        db::write_tx(conn, |c| {
            let mut row = requests::find_by_any_id(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let before = row.clone();
            apply(c, &mut row, &actor, action, &input2, ctx)?;
            Ok::<_, WorkflowError>((row, before))
        })
    });
    let (row, before) = svc.metrics.time(step, commit).await?;
    svc.jobs.notify_one();
    notify_subject(svc, &before, &row, action, &input).await?;
    Ok(row)
}

/// Completes, as the system, every request of a kind in `STEWARD_AUTO_COMPLETE` whose store
/// tasks are all settled, and emails each subject as staff completion would. An access or
/// deletion where a store found nobody still waits for staff to confirm it. Answers how many
/// were completed.
pub async fn auto_complete(svc: &Services) -> Result<usize, WorkflowError> {
    let kinds = svc.config.auto_complete.clone();
    if kinds.is_empty() {
        return Ok(0);
    }
    const PAGE: i64 = 100;
    let (mut done, mut skipped) = (0, 0);
    loop {
        let k = kinds.clone();
        // Those left for staff stay in the result: page past them, not into them again.
        let ids = svc
            .db
            .run(move |c| requests::ready_to_close_of_kinds(c, &k, PAGE, skipped))
            .await?;
        let last_page = (ids.len() as i64) < PAGE;
        for id in ids {
            let input = ActionInput {
                reason: Some(
                    "Completed automatically: every data store has settled its task (STEWARD_AUTO_COMPLETE)."
                        .into(),
                ),
                ..Default::default()
            };
            match act(svc, Actor::System, &id, Action::Complete, input).await {
                Ok(_) => done += 1,
                // Raced with staff, or needs a person (nothing found): left for the queue.
                Err(e) => {
                    skipped += 1;
                    tracing::debug!("auto-complete skipped a request: {e}");
                }
            }
        }
        if last_page {
            break;
        }
    }
    Ok(done)
}

/// What an action needs to know of the world besides the request.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    today: chrono::NaiveDate,
    lead_days: i64,
    calendars: CalendarChoice,
}

fn apply(
    c: &mut DbConn,
    row: &mut RequestRow,
    actor: &Actor,
    action: Action,
    input: &ActionInput,
    ctx: Ctx,
) -> Result<(), WorkflowError> {
    let read = row.clone();
    let today = ctx.today;
    let from = row.status;
    let to = next_status(from, action, row.status_before_pause)?;
    let (j, kind) = (row.jurisdiction, row.kind);
    let reason = input.reason.as_deref();
    let need_reason = |what: &str| {
        reason.ok_or_else(|| WorkflowError::invalid("reason", format!("is required to {what}")))
    };
    let now = db::now();
    let mut public = true;
    let mut detail = serde_json::json!({"from": from.as_str(), "to": to.as_str()});

    match action {
        Action::Verify => {
            need_reason("verify manually (say how the identity was checked)")?;
            row.verified_at = Some(now);
            row.verification_method = Some(VerificationMethod::Manual);
            row.verify_expires_at = None;
            public = false;
        }
        Action::Pause => {
            need_reason("pause (say what the requester must send)")?;
            row.status_before_pause = Some(from);
            if ClockSettings::default_for(j).pause_allowed {
                row.paused_on = Some(today);
            }
            detail["clock_stopped"] = row.paused_on.is_some().into();
        }
        Action::Resume => {
            if let Some(p) = row.paused_on.take() {
                let days = clock::whole_days_paused(p, today);
                row.paused_days += days;
                detail["days_paused"] = days.into();
                super::deadlines::reschedule(
                    c,
                    row,
                    row.extended_due_date.is_some(),
                    ctx.calendars,
                )?;
            }
            row.status_before_pause = None;
        }
        Action::Extend => {
            let reason = need_reason("extend")?;
            if !clock::can_extend(j, kind) {
                return Err(clock::ClockError::NotExtendable.into());
            }
            if row.extended_due_date.is_some() {
                return Err(WorkflowError::Conflict(
                    "this request has already been extended once".into(),
                ));
            }
            if today > row.due_date {
                return Err(WorkflowError::invalid(
                    "reason",
                    "the original due date has passed: the requester must be told before it",
                ));
            }
            row.extension_reason = Some(reason.into());
            super::deadlines::reschedule(c, row, true, ctx.calendars)?;
        }
        Action::Deny => {
            let denial = input.denial.ok_or_else(|| {
                WorkflowError::invalid("denial_reason", "choose a reason for the refusal")
            })?;
            if denial.needs_text() && reason.is_none() {
                return Err(WorkflowError::invalid(
                    "reason",
                    "explain the reason when choosing \"other\"",
                ));
            }
            row.denial_reason = Some(denial);
            detail["reason"] = denial.as_str().into();
        }
        Action::Complete => {
            let open = super::tasks::unsettled(c, &row.id)?;
            if open > 0 {
                return Err(WorkflowError::Conflict(format!(
                    "{open} data-store task(s) are not done or exempt yet; the request can be completed once all are settled"
                )));
            }
            // A store that reached nobody is a result to look at: completing an access or
            // deletion over it needs staff to say they checked (audited below).
            if matches!(
                kind,
                RequestKind::Access | RequestKind::Portability | RequestKind::Deletion
            ) {
                let nothing = super::tasks::found_nothing_in(c, &row.id)?;
                if !nothing.is_empty() && !input.confirm_nothing_found {
                    return Err(WorkflowError::invalid(
                        "confirm_nothing_found",
                        format!(
                            "found no data for this person in {}; confirm that this is right (for example, they are not a customer there) to complete",
                            nothing.join(", ")
                        ),
                    ));
                }
                if !nothing.is_empty() {
                    detail["confirmed_nothing_found"] = nothing.into();
                }
            }
            if kind == RequestKind::Deletion {
                // Steward is itself a store: the person's consent records lose their
                // identifiers; what was agreed and when stays as proof (Art. 7(1)).
                let n = steward_db::consent::pseudonymise(c, &row.email_index, now)?;
                detail["consent_records_pseudonymised"] = n.into();
            }
        }
        Action::Withdraw => {}
        Action::SendVerification | Action::Start => unreachable!("not staff actions"),
    }
    if to.is_closed() {
        row.closed_at = Some(now);
        row.paused_on = None;
    }
    // A denied or withdrawn request is owed nothing more: its stores' owners stop seeing it.
    let basis = match action {
        Action::Deny => Some("The request was refused; nothing more is owed"),
        Action::Withdraw => Some("The requester withdrew the request; nothing more is owed"),
        _ => None,
    };
    if let Some(basis) = basis {
        let n = steward_db::tasks::close_unanswered(c, &row.id, basis, now)?;
        if n > 0 {
            detail["tasks_closed"] = n.into();
        }
    }
    row.status = to;
    row.updated_at = now;
    save_transition(c, row, &read)?;
    requests::insert_event(
        c,
        &event(
            row,
            actor,
            TimelineAction::of(action),
            Some(from),
            Some(to),
            reason,
            public,
        ),
    )?;
    audit::record(
        c,
        actor,
        &format!("request.{}", action.as_str()),
        &target(row),
        detail,
    )?;
    if action == Action::Verify {
        super::tasks::fan_out(c, row, actor, ctx.lead_days, today)?;
    }
    if matches!(action, Action::Extend | Action::Resume) {
        super::tasks::retime_open_tasks(c, row, ctx.lead_days, today)?;
    }
    Ok(())
}

async fn notify_subject(
    svc: &Services,
    before: &RequestRow,
    row: &RequestRow,
    action: Action,
    input: &ActionInput,
) -> Result<(), WorkflowError> {
    let email = EmailAddress::parse(
        &svc.keys
            .open(&row.email_enc, slots::request_email(&row.id))?,
    )
    .map_err(|_| WorkflowError::Corrupt("stored email".into()))?;
    let reason = input.reason.clone().unwrap_or_default();
    let reference = row.public_id.as_str();
    let outcome = match action {
        Action::Extend => {
            let new = row.extended_due_date.unwrap_or(row.due_date);
            let old = before.due_date;
            send_notice(svc, row, &email, |tr, url| {
                extended_letter(tr, reference, &reason, old, new, url)
            })
            .await;
            None
        }
        Action::Pause => {
            send_notice(svc, row, &email, |tr, url| {
                paused_letter(tr, reference, &reason, url)
            })
            .await;
            None
        }
        Action::Complete => Some(None),
        Action::Deny => Some(input.denial),
        Action::Withdraw => Some(None),
        _ => None,
    };
    if let Some(denial) = outcome {
        let package = action == Action::Complete
            && matches!(row.kind, RequestKind::Access | RequestKind::Portability);
        send_notice(svc, row, &email, |tr, url| {
            let outcome = match action {
                Action::Complete => Outcome::Completed { package },
                Action::Deny => {
                    let label = denial.map(|d| tr.denial(d)).unwrap_or_default();
                    Outcome::Denied {
                        reason: match (label.is_empty(), reason.is_empty()) {
                            (_, true) => label,
                            (true, false) => reason.clone(),
                            (false, false) => format!("{label}: {reason}"),
                        },
                    }
                }
                _ => Outcome::Withdrawn,
            };
            closed_letter(tr, reference, &outcome, url)
        })
        .await;
    }
    Ok(())
}

/// A proof of authority sent for a request no agent made.
pub const PROOF_ONLY_FROM_AGENTS: &str =
    "is only asked for when an authorized agent files the request";

/// A CCPA agent's proof of authority, sent from the status page: only for agent requests
/// still open, type-checked by content, stored encrypted.
pub async fn attach_proof(
    svc: &Services,
    request_id: &str,
    filename: &str,
    bytes: Vec<u8>,
) -> Result<(), WorkflowError> {
    use steward_domain::document;
    let doc = document::check(&bytes).map_err(|e| WorkflowError::invalid("file", e.to_string()))?;
    let name = document::clean_name(filename);
    let attachment_id: String = db::new_id();
    let data_enc = {
        use base64::Engine;
        svc.keys.seal(
            &base64::engine::general_purpose::STANDARD.encode(&bytes),
            slots::attachment(&attachment_id),
        )
    };
    let id = request_id.to_string();
    let size = bytes.len() as i64;
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let row = requests::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
                if row.agent_enc.is_none() {
                    return Err(WorkflowError::invalid("file", PROOF_ONLY_FROM_AGENTS));
                }
                if row.status.is_closed() {
                    return Err(WorkflowError::Conflict("this request is closed".into()));
                }
                if steward_db::attachments::of_request(c, &row.id)?.len() >= MAX_PROOFS {
                    return Err(WorkflowError::invalid(
                        "file",
                        format!("no more than {MAX_PROOFS} files can be sent for one request; write to us if you need to send more"),
                    ));
                }
                let a = steward_db::models::Attachment {
                    id: attachment_id,
                    request_id: row.id.clone(),
                    kind: steward_domain::kinds::AttachmentKind::ProofOfAuthority,
                    filename: name,
                    content_type: doc.content_type().into(),
                    size,
                    data_enc,
                    created_at: db::now(),
                };
                steward_db::attachments::insert(c, &a)?;
                requests::insert_event(
                    c,
                    &event(
                        &row,
                        &Actor::Subject,
                        TimelineAction::ProofReceived,
                        None,
                        None,
                        None,
                        true,
                    ),
                )?;
                audit::record(
                    c,
                    &Actor::Subject,
                    "request.proof_received",
                    &target(&row),
                    serde_json::json!({"attachment": a.id, "type": a.content_type, "bytes": size}),
                )?;
                Ok(())
            })
        })
        .await
}

/// Opens a request's data package for download and audits it. The subject may download it
/// for [`PACKAGE_DAYS`] once an access or portability request is completed; staff always.
pub async fn open_package(
    svc: &Services,
    actor: Actor,
    r: &super::view::RequestView,
) -> Result<(), WorkflowError> {
    if actor == Actor::Subject
        && !package_downloadable(
            r.kind,
            r.status,
            r.closed_at,
            chrono::Utc::now().naive_utc(),
        )
    {
        return Err(WorkflowError::Unavailable(format!(
            "Your data can be downloaded for {PACKAGE_DAYS} days once the request is completed."
        )));
    }
    let target = target_of_id(&r.id);
    Ok(svc
        .db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                audit::record(c, &actor, "export.package", &target, serde_json::json!({}))
            })
        })
        .await?)
}

/// A stored attachment's name, type and contents, for staff; the download is audited.
pub async fn attachment(
    svc: &Services,
    actor: Actor,
    request_id: &str,
    id: &str,
) -> Result<(String, String, Vec<u8>), WorkflowError> {
    let (rid, aid) = (request_id.to_string(), id.to_string());
    let a = svc
        .db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let a =
                    steward_db::attachments::find(c, &rid, &aid)?.ok_or(WorkflowError::NotFound)?;
                audit::record(
                    c,
                    &actor,
                    "export.attachment",
                    &format!("request:{rid}"),
                    serde_json::json!({"attachment": aid}),
                )?;
                Ok::<_, WorkflowError>(a)
            })
        })
        .await?;
    let text = svc.keys.open(&a.data_enc, slots::attachment(&a.id))?;
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| WorkflowError::Corrupt("attachment".into()))?;
    Ok((a.filename, a.content_type, bytes))
}

/// The files of a request: (id, name, size).
pub async fn attachments(
    svc: &Services,
    request_id: &str,
) -> Result<Vec<(String, String, i64)>, WorkflowError> {
    let rid = request_id.to_string();
    Ok(svc
        .db
        .run(move |c| steward_db::attachments::of_request(c, &rid))
        .await?)
}
