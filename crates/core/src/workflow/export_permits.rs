//! At most a few large downloads per staff member at once. Each export streams page by page
//! for as long as its client reads; a dozen parallel million-row exports by one account
//! slowed every other page (the overview took 6–16 s). A permit is taken before an export
//! is audited as downloaded and held by its response until the last byte is sent.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::error::WorkflowError;
use crate::audit::Actor;

/// Exports one staff member (or token) may have running at the same time.
pub const PER_STAFF: usize = 2;

static RUNNING: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

fn running() -> MutexGuard<'static, BTreeMap<String, usize>> {
    // Counters stay whole whatever panicked while holding the lock.
    RUNNING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One running export; dropping it ends it.
#[derive(Debug)]
pub struct ExportPermit {
    who: String,
}

impl Drop for ExportPermit {
    fn drop(&mut self) {
        let mut all = running();
        if let Some(n) = all.get_mut(&self.who) {
            *n -= 1;
            if *n == 0 {
                all.remove(&self.who);
            }
        }
    }
}

/// A permit for `actor`'s next export, unless [`PER_STAFF`] are running already.
pub fn take(actor: &Actor) -> Result<ExportPermit, WorkflowError> {
    let who = actor.as_text();
    let mut all = running();
    let n = all.entry(who.clone()).or_default();
    if *n >= PER_STAFF {
        return Err(WorkflowError::Busy(format!(
            "{PER_STAFF} of your exports are still running; wait for one to finish"
        )));
    }
    *n += 1;
    Ok(ExportPermit { who })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_at_a_time_per_staff_member() {
        let ada = Actor::Staff {
            id: steward_domain::UserId::from("permits-ada".to_string()),
        };
        let bob = Actor::Staff {
            id: steward_domain::UserId::from("permits-bob".to_string()),
        };
        let first = take(&ada).unwrap();
        let _second = take(&ada).unwrap();
        assert!(matches!(take(&ada), Err(WorkflowError::Busy(_))));
        let _other = take(&bob).expect("another account is not held up");
        drop(first);
        let _third = take(&ada).expect("a finished export frees its place");
    }
}
