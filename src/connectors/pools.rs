//! One long-lived SQL connector per store: its connection pool and cached schema, created on
//! the store's first job and reused by every job after it. A store whose connection, map or
//! key changes gets a fresh one (the old pool is closed once its jobs give it back), and a
//! deactivated store's pool is closed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::sql::SqlConnector;

/// How long a store that could not be reached is not tried again by new jobs: they fail at
/// once (and retry on their back-off) instead of each waiting out the connect timeout and
/// holding a job slot meanwhile.
pub const DOWN_FOR: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct StorePools {
    by_store: Mutex<HashMap<String, (String, Arc<SqlConnector>)>>,
    down_since: Mutex<HashMap<String, Instant>>,
    /// One connect at a time per store: jobs that come meanwhile wait for its outcome (a
    /// pool to share, or the store marked down) instead of each opening their own.
    connect_locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl StorePools {
    /// The store's connector, if one was made for exactly this version of the store.
    pub fn get(&self, store_id: &str, version: &str) -> Option<Arc<SqlConnector>> {
        self.by_store
            .lock()
            .expect("store pools")
            .get(store_id)
            .filter(|(v, _)| v == version)
            .map(|(_, c)| c.clone())
    }

    /// Keeps a connector made for this version of the store. When another job made one for
    /// the same version meanwhile, that one is kept and `made` is handed back to close; a
    /// connector of an older version is handed back to close too.
    pub fn put(
        &self,
        store_id: &str,
        version: &str,
        made: Arc<SqlConnector>,
    ) -> (Arc<SqlConnector>, Option<Arc<SqlConnector>>) {
        let mut map = self.by_store.lock().expect("store pools");
        match map.get(store_id) {
            Some((v, existing)) if v == version => (existing.clone(), Some(made)),
            _ => {
                let old = map.insert(store_id.to_string(), (version.to_string(), made.clone()));
                (made, old.map(|(_, c)| c))
            }
        }
    }

    /// Takes the store's connector out (the store changed or was deactivated): the caller
    /// closes it.
    pub fn remove(&self, store_id: &str) -> Option<Arc<SqlConnector>> {
        self.by_store
            .lock()
            .expect("store pools")
            .remove(store_id)
            .map(|(_, c)| c)
    }

    /// Notes that the store could not be reached just now.
    pub fn mark_down(&self, store_id: &str) {
        self.down_since
            .lock()
            .expect("store pools")
            .insert(store_id.to_string(), Instant::now());
    }

    /// How long ago the store was last found unreachable, if within [`DOWN_FOR`].
    pub fn down(&self, store_id: &str) -> Option<Duration> {
        let mut map = self.down_since.lock().expect("store pools");
        match map.get(store_id).map(Instant::elapsed) {
            Some(ago) if ago < DOWN_FOR => Some(ago),
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

    pub fn len(&self) -> usize {
        self.by_store.lock().expect("store pools").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
