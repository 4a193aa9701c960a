//! One long-lived SQL connector per store: its connection pool and cached schema, created on
//! the store's first job and reused by every job after it. A store whose connection, map or
//! key changes gets a fresh one (the old pool is closed once its jobs give it back), and a
//! deactivated store's pool is closed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::sql::SqlConnector;

#[derive(Default)]
pub struct StorePools {
    by_store: Mutex<HashMap<String, (String, Arc<SqlConnector>)>>,
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

    pub fn len(&self) -> usize {
        self.by_store.lock().expect("store pools").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
