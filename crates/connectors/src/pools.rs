//! One long-lived SQL connector per store: its connection pool and cached schema, created on
//! the store's first job and reused by every job after it. A store whose connection, map or
//! key changes gets a fresh one, and a deactivated store's is let go: a pool is never closed
//! under a job using it, but dropped, and closes when the last job holding it ends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::sql::SqlConnector;

/// Which version of a store a connector was made for: when it was saved, and a fingerprint
/// of how it is reached and read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub saved: chrono::NaiveDateTime,
    pub fingerprint: String,
}

/// How long a store that could not be reached is not tried again by new jobs: they fail at
/// once (and retry on their back-off) instead of each waiting out the connect timeout and
/// holding a job slot meanwhile.
pub const DOWN_FOR: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct StorePools {
    by_store: Mutex<HashMap<String, (Version, Arc<SqlConnector>)>>,
    /// When a version of a store could not be reached.
    down_since: Mutex<HashMap<String, (Version, Instant)>>,
    /// One connect at a time per store: jobs that come meanwhile wait for its outcome (a
    /// pool to share, or the store marked down) instead of each opening their own.
    connect_locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl StorePools {
    /// The store's connector, if one was made for exactly this version of the store.
    pub fn get(&self, store_id: &str, version: &Version) -> Option<Arc<SqlConnector>> {
        self.by_store
            .lock()
            .expect("store pools")
            .get(store_id)
            .filter(|(v, _)| v == version)
            .map(|(_, c)| c.clone())
    }

    /// Keeps a connector made for this version of the store and answers the one to use: the
    /// one kept, unless another job made one for the same version meanwhile (then that one),
    /// or a newer version is kept already (then `made`, for this job only). A connector
    /// replaced is only dropped: jobs still holding it finish on it.
    pub fn put(
        &self,
        store_id: &str,
        version: &Version,
        made: Arc<SqlConnector>,
    ) -> Arc<SqlConnector> {
        let mut map = self.by_store.lock().expect("store pools");
        match map.get(store_id) {
            Some((v, existing)) if v == version => existing.clone(),
            Some((v, _)) if v.saved > version.saved => made,
            _ => {
                map.insert(store_id.to_string(), (version.clone(), made.clone()));
                made
            }
        }
    }

    /// Lets the store's connector go (the store changed or was deactivated).
    pub fn remove(&self, store_id: &str) {
        self.by_store.lock().expect("store pools").remove(store_id);
    }

    /// Notes that this version of the store could not be reached just now.
    pub fn mark_down(&self, store_id: &str, version: &Version) {
        self.down_since
            .lock()
            .expect("store pools")
            .insert(store_id.to_string(), (version.clone(), Instant::now()));
    }

    /// How long ago this version of the store was last found unreachable, if within
    /// [`DOWN_FOR`]; a mark left by another version (the store was changed) does not count.
    pub fn down(&self, store_id: &str, version: &Version) -> Option<Duration> {
        let mut map = self.down_since.lock().expect("store pools");
        match map.get(store_id) {
            Some((v, at)) if v == version && at.elapsed() < DOWN_FOR => Some(at.elapsed()),
            Some(_) => {
                map.remove(store_id);
                None
            }
            None => None,
        }
    }

    /// The lock a job holds while it connects to the store.
    pub fn connect_lock(&self, store_id: &str) -> Arc<tokio::sync::Mutex<()>> {
        self.connect_locks
            .lock()
            .expect("store pools")
            .entry(store_id.to_string())
            .or_default()
            .clone()
    }

    /// The store may be reachable again (staff retried, or it was changed).
    pub fn clear_down(&self, store_id: &str) {
        self.down_since
            .lock()
            .expect("store pools")
            .remove(store_id);
    }
}
