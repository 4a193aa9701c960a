//! The job runner: claims due connector jobs and records what each connector did.

use chrono::Duration;

use super::result::TaskResult;
use super::settle::store_records;
use crate::audit::{self, Actor};
use crate::metrics::Step;
use crate::workflow::connect::target_of;
use crate::workflow::error::WorkflowError;
use crate::workflow::services::Services;
use crate::workflow::timeline;
use steward_connectors::webhook;
use steward_connectors::{self as connectors, Connector, ConnectorError, Job, Outcome, TaskInfo};
use steward_db::models::StoreRow;
use steward_db::{self as db, requests, tasks};
use steward_domain::stores::{MAX_AUTOMATIC_ATTEMPTS, StoreKind, TaskStatus, backoff_minutes};
use steward_domain::timeline::TimelineAction;

/// How long a claimed job may run before another process may take it over.
const CLAIM: Duration = Duration::minutes(10);

/// How many connector jobs one process runs at the same time: a request's stores are asked
/// together, so a slow or unreachable store delays only its own task.
const PARALLEL_JOBS: usize = 32;

/// Job slots of this process: the scheduler's jobs run side by side, each in its own task.
static SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PARALLEL_JOBS);

/// The tasks whose jobs this process is running (claimed and not yet ended), so that a
/// shutdown can hand back the claims of those it could not finish.
static RUNNING: std::sync::Mutex<std::collections::BTreeSet<String>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// Set when the process is shutting down: no new job is claimed.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn running() -> std::sync::MutexGuard<'static, std::collections::BTreeSet<String>> {
    // A job that panicked while holding the lock left nothing half-changed in a set of ids.
    RUNNING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// From now on no job is claimed (the process is shutting down); a pass under way claims
/// nothing more either.
pub fn stop_claiming() {
    STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Stops claiming jobs, waits up to `within` for the running ones to end, then hands back
/// the claims of those still running, so another process (or this one, restarted) takes
/// them up at once instead of after the claim's ten minutes. Answers (finished, handed back).
pub async fn drain(svc: &Services, within: std::time::Duration) -> (usize, usize) {
    stop_claiming();
    let at_start = running().len();
    let all = PARALLEL_JOBS as u32;
    // Every slot back means every job ended.
    let finished = tokio::time::timeout(within, SLOTS.acquire_many(all))
        .await
        .is_ok();
    let left: Vec<String> = if finished {
        Vec::new()
    } else {
        running().iter().cloned().collect()
    };
    let handed_back = left.len();
    if !left.is_empty() {
        let now = db::now();
        let released = svc
            .db
            .run(move |c| {
                left.iter()
                    .map(|id| tasks::release(c, id, now))
                    .sum::<Result<usize, _>>()
            })
            .await;
        if let Err(e) = released {
            tracing::warn!("shutdown: claims not handed back: {e}");
        }
    }
    // A job claimed by a pass that was still ending when the count was taken is counted
    // among those handed back only.
    (at_start.saturating_sub(handed_back), handed_back)
}

/// Claims connector jobs that are due (so no other process runs them too), as many as there
/// are free job slots, and starts each in its own task without waiting for it: a job that
/// takes long (an unreachable store) holds up no other, of this request or a later one. A
/// job holds its slot from before its claim, so no claim runs out while it waits for one. The
/// scheduler is woken when each ends. Answers how many were started.
pub async fn spawn_due_jobs(svc: &Services) -> Result<usize, WorkflowError> {
    let free = SLOTS.available_permits().min(20);
    if free == 0 || STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        return Ok(0);
    }
    let mut slots = Vec::new();
    while slots.len() < free {
        match SLOTS.try_acquire() {
            Ok(slot) => slots.push(slot),
            Err(_) => break,
        }
    }
    let claimed = claim_due(svc, slots.len() as i64).await?;
    let started = claimed.len();
    for (id, slot) in claimed.into_iter().zip(slots) {
        let svc = svc.clone();
        running().insert(id.clone());
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = run_one(&svc, &id).await {
                tracing::warn!("connector job: {e}");
            }
            running().remove(&id);
            svc.jobs.notify_one();
        });
    }
    Ok(started)
}

/// Claims up to `at_most` due jobs, each by compare-and-set (a job another process claimed
/// meanwhile is skipped), all in one transaction: a commit each was most of a bulk erasure's
/// dispatch time.
async fn claim_due(svc: &Services, at_most: i64) -> Result<Vec<String>, WorkflowError> {
    let now = db::now();
    let claim = svc.db.run(move |c| {
        db::write_tx(c, |c| {
            let mut due = tasks::runnable(c, now, MAX_AUTOMATIC_ATTEMPTS, at_most)?;
            // Every process locks rows in the same order, so two claiming at once wait for
            // each other instead of deadlocking.
            due.sort();
            let mut claimed = Vec::new();
            for id in due {
                if tasks::claim(c, &id, now, now + CLAIM)? {
                    claimed.push(id);
                }
            }
            Ok::<_, WorkflowError>(claimed)
        })
    });
    svc.metrics.time(Step::Claim, claim).await
}

/// Runs every connector job that is due and waits for them (up to [`PARALLEL_JOBS`] at
/// once): for commands that want the work done before they go on (the demo, benchmarks).
pub async fn run_due_jobs(svc: &Services) -> Result<usize, WorkflowError> {
    use futures_util::StreamExt;
    let claimed = claim_due(svc, 20).await?;
    let ran = claimed.len();
    let results: Vec<Result<(), WorkflowError>> = futures_util::stream::iter(claimed)
        .map(|id| async move { run_one(svc, &id).await })
        .buffer_unordered(PARALLEL_JOBS)
        .collect()
        .await;
    // One job's trouble (its record could not be saved) must not hide the others' results.
    for e in results.into_iter().filter_map(Result::err) {
        tracing::warn!("connector job: {e}");
    }
    Ok(ran)
}

async fn run_one(svc: &Services, task_id: &str) -> Result<(), WorkflowError> {
    let id = task_id.to_string();
    let (t, s, r) = svc
        .db
        .run(move |c| {
            let (t, s) = tasks::find(c, &id)?.ok_or(WorkflowError::NotFound)?;
            let r = requests::find(c, &t.request_id)?.ok_or(WorkflowError::NotFound)?;
            Ok::<_, WorkflowError>((t, s, r))
        })
        .await?;
    let kind = r.kind;
    let job = Job::for_kind(kind);
    let subject = crate::workflow::subject::for_stores(&svc.keys, &r)?;
    let info = TaskInfo {
        task_id: t.id.clone(),
        request_id: r.id.clone(),
        kind,
        jurisdiction: r.jurisdiction,
        due_date: t.due_date,
        callback_url: format!("{}/api/v1/tasks/{}/result", svc.config.base_url, t.id),
    };
    let preflight = if job == Job::Erase && s.kind == StoreKind::Sql {
        svc.metrics
            .time(Step::Preflight, preflight_erasure(svc, &r.id))
            .await
    } else {
        Ok(())
    };
    let started = std::time::Instant::now();
    let work = async {
        preflight?;
        if s.kind == StoreKind::Sql {
            let c = crate::workflow::connect::connector(svc, &s).await?;
            return c.run(job, &subject, &info).await;
        }
        let connector = connectors::open(target_of(svc, &s)?, &svc.reach).await?;
        let o = connector.run(job, &subject, &info).await;
        connector.close().await;
        o
    };
    let outcome = svc.metrics.time(Step::ConnectorQuery, work).await;
    svc.metrics.observe_job(
        s.kind.as_str(),
        started.elapsed().as_secs_f64(),
        outcome.is_err(),
    );
    let keys = svc.keys.clone();
    let store_name = s.name.clone();
    let save = svc.commits.run(&svc.db, move |conn| {
            db::write_tx(conn, |c| {
                let (mut t, _) = tasks::find(c, &t.id)?.ok_or(WorkflowError::NotFound)?;
                if t.status != TaskStatus::Running {
                    // Settled while the job ran (a store's fast callback, staff): that stands.
                    return Err(WorkflowError::Superseded);
                }
                let now = db::now();
                t.attempts += 1;
                t.updated_at = now;
                t.claimed_until = None;
                let (action, entry, note) = match outcome {
                    Ok(Outcome::Found { values, tables }) => {
                        tasks::delete_records(c, &t.id)?;
                        store_records(c, &keys, &t, &values)?;
                        t.status = TaskStatus::Done;
                        let found = TaskResult::Found {
                            records: values.len() as u64,
                            tables,
                        };
                        t.result = Some(found.to_text());
                        t.last_error = None;
                        t.completed_at = Some(now);
                        (
                            "task.done",
                            TimelineAction::TaskDone,
                            format!("{store_name}: found {} value(s)", values.len()),
                        )
                    }
                    Ok(Outcome::Erased(report)) => {
                        t.status = TaskStatus::Done;
                        t.result = Some(TaskResult::Erased(report.clone()).to_text());
                        t.last_error = None;
                        t.completed_at = Some(now);
                        let rows: u64 = report.iter().map(|r| r.rows_reached).sum();
                        (
                            "task.done",
                            TimelineAction::TaskDone,
                            format!("{store_name}: erasure applied to {rows} row(s)"),
                        )
                    }
                    Ok(Outcome::Preview(changes)) => {
                        // Nothing is written to the store before staff approve.
                        let refused = changes.iter().filter(|c| c.refused.is_some()).count();
                        t.status = TaskStatus::Open;
                        t.last_error = None;
                        let previewed = TaskResult::Previewed {
                            preview: changes.len() as u64,
                            refused: refused as u64,
                        };
                        t.result = Some(previewed.to_text());
                        let state = crate::workflow::corrections::CorrectionState::preview(changes);
                        t.correction_enc = Some(state.seal(&keys, &t.id)?);
                        (
                            "task.preview",
                            TimelineAction::TaskPreview,
                            format!(
                                "{store_name}: correction previewed ({} field value(s), {refused} refused), awaiting approval",
                                state.changes.len()
                            ),
                        )
                    }
                    Ok(Outcome::Sent) => {
                        t.status = TaskStatus::Running;
                        t.last_error = None;
                        (
                            "task.sent",
                            TimelineAction::TaskSent,
                            format!(
                                "{store_name}: sent to the store's webhook, awaiting its result"
                            ),
                        )
                    }
                    Ok(Outcome::ForOwner) => {
                        t.status = TaskStatus::Open;
                        (
                            "task.handed",
                            TimelineAction::TaskHanded,
                            format!("{store_name}: needs the owner's action"),
                        )
                    }
                    Err(e) => {
                        t.status = TaskStatus::Failed;
                        t.last_error = Some(e.to_string());
                        t.next_attempt_at =
                            Some(now + Duration::minutes(backoff_minutes(t.attempts)));
                        (
                            "task.failed",
                            TimelineAction::TaskFailed,
                            format!("{store_name}: {e}"),
                        )
                    }
                };
                // Compare-and-set: a callback that lands between the read and this write wins.
                if !tasks::save_if_status(c, &t, TaskStatus::Running)? {
                    return Err(WorkflowError::Superseded);
                }
                requests::insert_event(
                    c,
                    &timeline::noted(
                        &t.request_id,
                        &Actor::System,
                        entry,
                        note,
                    ),
                )?;
                audit::record(
                    c,
                    &Actor::System,
                    action,
                    &format!("task:{}", t.id),
                    serde_json::json!({"attempt": t.attempts}),
                )?;
                Ok(())
            })
        });
    svc.metrics
        .time(Step::TaskSave, save)
        .await
        .or_else(|e| match e {
            WorkflowError::Superseded => Ok(()),
            e => Err(e),
        })
}

/// How long a store's full schema check stands for the preflights that follow it (each still
/// asks the store to answer): a map that stopped fitting within this second is found by the
/// erasure's own statements failing, as it would have been a moment after any preflight.
const PREFLIGHT_FRESH: std::time::Duration = std::time::Duration::from_secs(1);

/// Erasure is all or nothing across a request's SQL stores: before any of them erases,
/// each one still to erase must be reachable, not Steward itself, and its map must still fit
/// the live schema with every strategy. The first that fails holds every store's erasure,
/// named in the error each task shows, until a retry finds them all ready.
async fn preflight_erasure(svc: &Services, request_id: &str) -> Result<(), ConnectorError> {
    let id = request_id.to_string();
    let stores: Vec<StoreRow> = svc
        .db
        .run(move |c| tasks::of_request(c, &id))
        .await
        .map_err(|e| ConnectorError::Config(e.to_string()))?
        .into_iter()
        .filter(|(t, s)| s.kind == StoreKind::Sql && !t.status.is_settled())
        .map(|(_, s)| s)
        .collect();
    for s in stores {
        let held = |why: String| {
            ConnectorError::Config(format!(
                "erasure held: store '{}' failed its preflight ({why}); no store erases until every store of the request passes",
                s.name
            ))
        };
        // Pooled, and read afresh: the erasure that follows uses what the preflight read.
        let c = crate::workflow::connect::connector(svc, &s)
            .await
            .map_err(|e| held(e.to_string()))?;
        c.preflight(PREFLIGHT_FRESH)
            .await
            .map_err(|e| held(e.to_string()))?;
    }
    Ok(())
}

/// Checks a store's signed callback for a task; true when it is authentic and fresh.
/// Checks a store's signed answer for a task: signed for this task with the store's secret,
/// fresh, and with a nonce never seen before (which it then uses up).
pub async fn verify_callback(
    svc: &Services,
    task_id: &str,
    timestamp: &str,
    nonce: &str,
    signature: &str,
    body: &[u8],
) -> Result<bool, WorkflowError> {
    let id = task_id.to_string();
    let found = svc.db.run(move |c| tasks::find(c, &id)).await?;
    let Some((_, s)) = found else {
        return Ok(false);
    };
    let Some(enc) = s.secret_enc else {
        return Ok(false);
    };
    let secret = svc
        .keys
        .open(&enc, steward_db::slots::store_secret(&s.id))?;
    if !webhook::verify_callback(
        &secret,
        timestamp,
        task_id,
        nonce,
        signature,
        body,
        chrono::Utc::now().timestamp(),
    ) {
        return Ok(false);
    }
    let (nonce, id) = (nonce.to_string(), task_id.to_string());
    Ok(svc
        .db
        .run(move |c| tasks::take_nonce(c, &nonce, &id, db::now()))
        .await?)
}
