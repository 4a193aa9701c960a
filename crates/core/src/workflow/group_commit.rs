//! Group commit: the small transactions of a burst (a connector job's result each) saved
//! together in one, so the burst pays one commit (one fsync, one turn at the audit chain's
//! lock) for many instead of one each. Each item still runs in its own savepoint: one that
//! fails is rolled back alone and told so, the others stand.

use std::sync::{Arc, Mutex};

use super::error::WorkflowError;
use steward_db::{self as db, Db, DbConn};

type Work = Box<dyn FnOnce(&mut DbConn) -> Result<(), WorkflowError> + Send>;

struct Pending {
    work: Work,
    done: tokio::sync::oneshot::Sender<Result<(), WorkflowError>>,
}

/// At most this many items share a commit.
const MOST: usize = 64;

/// The items waiting for the next commit, and whether a committer is at work.
#[derive(Default)]
pub struct GroupCommit {
    queue: Mutex<(Vec<Pending>, bool)>,
}

impl GroupCommit {
    /// Runs `work` in a transaction shared with whatever else is waiting, and answers its own
    /// outcome once that transaction is committed.
    pub async fn run(
        self: &Arc<Self>,
        db: &Db,
        work: impl FnOnce(&mut DbConn) -> Result<(), WorkflowError> + Send + 'static,
    ) -> Result<(), WorkflowError> {
        let (done, outcome) = tokio::sync::oneshot::channel();
        let start = {
            let mut q = self.queue.lock().expect("group commit");
            q.0.push(Pending {
                work: Box::new(work),
                done,
            });
            !std::mem::replace(&mut q.1, true)
        };
        if start {
            let (me, db) = (self.clone(), db.clone());
            tokio::spawn(async move { me.commit_all(db).await });
        }
        outcome
            .await
            .unwrap_or(Err(WorkflowError::Db(db::DbError::Blocking)))
    }

    /// Commits what is waiting, batch after batch, until nothing is.
    async fn commit_all(self: Arc<Self>, db: Db) {
        loop {
            let batch: Vec<Pending> = {
                let mut q = self.queue.lock().expect("group commit");
                if q.0.is_empty() {
                    q.1 = false;
                    return;
                }
                let n = q.0.len().min(MOST);
                q.0.drain(..n).collect()
            };
            let (works, dones): (Vec<Work>, Vec<_>) =
                batch.into_iter().map(|p| (p.work, p.done)).unzip();
            let outcomes = db
                .run(move |c| Ok::<_, WorkflowError>(commit(c, works)))
                .await;
            let outcomes = outcomes.unwrap_or_else(|e| {
                tracing::warn!("group commit: {e}");
                Vec::new()
            });
            let mut outcomes = outcomes.into_iter();
            for done in dones {
                let outcome = outcomes
                    .next()
                    .unwrap_or(Err(WorkflowError::Db(db::DbError::Blocking)));
                let _ = done.send(outcome);
            }
        }
    }
}

/// The items in one transaction, each in its savepoint (`write_tx` nests as one). If the
/// commit itself fails, every item is answered with the failure.
fn commit(c: &mut DbConn, works: Vec<Work>) -> Vec<Result<(), WorkflowError>> {
    let mut works: Vec<Option<Work>> = works.into_iter().map(Some).collect();
    let together = db::write_tx(c, |c| {
        Ok::<_, WorkflowError>(
            works
                .iter_mut()
                .map(|w| match w.take() {
                    Some(w) => db::write_tx(c, w),
                    None => Ok(()),
                })
                .collect::<Vec<_>>(),
        )
    });
    match together {
        Ok(outcomes) => outcomes,
        Err(e) => {
            // The items were taken and rolled back with the transaction: each is answered
            // with the failure (its job is retried on its back-off like any failed save).
            tracing::warn!("group commit failed: {e}");
            works
                .iter()
                .map(|_| Err(WorkflowError::Db(db::DbError::Blocking)))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use steward_db::{DatabaseUrl, settings};

    /// Items that end together share commits, each stands or falls alone: the one that fails
    /// is rolled back (its write is gone) and told so, the others are saved.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn items_share_commits_and_a_failing_one_is_rolled_back_alone() {
        let dir = std::env::temp_dir().join(format!("steward-group-commit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = Db::connect(&DatabaseUrl::Sqlite(dir.join("steward.db"))).unwrap();
        db.migrate().unwrap();
        let commits = Arc::new(GroupCommit::default());
        let mut runs = Vec::new();
        for i in 0..40 {
            let (commits, db) = (commits.clone(), db.clone());
            runs.push(tokio::spawn(async move {
                commits
                    .run(&db, move |c| {
                        settings::put(c, &format!("item-{i}"), "saved", None)?;
                        if i == 7 {
                            return Err(WorkflowError::Superseded);
                        }
                        Ok(())
                    })
                    .await
            }));
        }
        for (i, run) in runs.into_iter().enumerate() {
            let outcome = run.await.unwrap();
            assert_eq!(outcome.is_err(), i == 7, "item {i}: {outcome:?}");
        }
        let mut c = db.get().unwrap();
        for i in 0..40 {
            let saved = settings::get(&mut c, &format!("item-{i}")).unwrap();
            assert_eq!(saved.is_some(), i != 7, "item {i}");
        }
        drop(c);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
