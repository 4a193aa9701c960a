//! Every purpose's translations in memory: the banner reads them on every page view. A
//! publish replaces them at once in this process; the scheduler reloads them in every other.

use std::sync::{Arc, RwLock};

use steward_db::models::TranslationRow;

#[derive(Debug, Default)]
pub struct TranslationCache(RwLock<Arc<Vec<TranslationRow>>>);

impl TranslationCache {
    pub fn new(rows: Vec<TranslationRow>) -> TranslationCache {
        TranslationCache(RwLock::new(Arc::new(rows)))
    }

    pub fn current(&self) -> Arc<Vec<TranslationRow>> {
        self.0.read().map(|r| r.clone()).unwrap_or_default()
    }

    pub fn replace(&self, rows: Vec<TranslationRow>) {
        if let Ok(mut r) = self.0.write() {
            *r = Arc::new(rows);
        }
    }
}
