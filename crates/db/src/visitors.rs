//! Banner visitors scoped to the site key they came through. Before, a visitor's blind
//! index was computed over the 32-hex id alone, so two sites (or a staff-recorded customer
//! number of that shape) shared one subject. Runs once at start-up, before anything is
//! served, in batches: each visitor record is indexed again under its site key, and
//! the current choices with it; a visitor record without a site key was written by staff
//! and is a customer id.

use diesel::prelude::*;

use super::schema::{consent_current, consent_records};
use super::types::W;
use crate::conn::{DbConn, DbError};
use crate::crypto::Keys;
use crate::{settings, slots};
use steward_domain::consent::{Subject, SubjectKind};

/// The settings key that marks the pass done.
pub const DONE: &str = "consent_visitors_scoped";

/// Visitor records read and written back per transaction: a shop's banner may have written
/// millions, which must not be held in memory or in one transaction at start-up.
const BATCH: i64 = 500;

/// Re-indexes the visitor records written before visitors were scoped; answers how many.
/// Batch by batch (a record already scoped is left as it is, so a pass cut short goes on
/// where it stopped), then marks itself done.
pub fn rescope(conn: &mut DbConn, keys: &Keys) -> Result<usize, DbError> {
    if settings::get(conn, DONE)?.is_some() {
        return Ok(0);
    }
    let (mut after, mut moved) = (String::new(), 0);
    loop {
        let rows: Vec<(String, String, Option<String>, Option<String>)> = consent_records::table
            .filter(consent_records::subject_kind.eq(W(SubjectKind::Visitor)))
            .filter(consent_records::id.gt(&after))
            .order(consent_records::id.asc())
            .limit(BATCH)
            .select((
                consent_records::id,
                consent_records::subject_index,
                consent_records::subject_enc,
                consent_records::site_key_id,
            ))
            .load(conn)?;
        let Some((last, ..)) = rows.last() else { break };
        after = last.clone();
        moved += crate::write_tx(conn, |c| {
            let mut n = 0;
            for (id, old, enc, site) in rows {
                if rescope_one(c, keys, &id, &old, enc, site)? {
                    n += 1;
                }
            }
            Ok::<_, DbError>(n)
        })?;
    }
    settings::put(conn, DONE, "1", None)?;
    Ok(moved)
}

/// One record under its site key (or as a customer id, without one), with the current choice
/// it stands for; whether it moved.
fn rescope_one(
    c: &mut DbConn,
    keys: &Keys,
    id: &str,
    old: &str,
    enc: Option<String>,
    site: Option<String>,
) -> Result<bool, DbError> {
    // Pseudonymised (no subject left) or unreadable: nothing to index again.
    let Some(hex) = enc.and_then(|e| keys.open(&e, slots::consent_subject(id)).ok()) else {
        return Ok(false);
    };
    let subject = match &site {
        Some(site) => Subject::visitor(site, &hex),
        None => Subject::opaque(&hex),
    };
    let Ok(subject) = subject else {
        return Ok(false);
    };
    let index = keys.blind_index(subject.index_kind(), &subject.normalised());
    if index == old {
        return Ok(false);
    }
    diesel::update(consent_records::table.find(id))
        .set((
            consent_records::subject_index.eq(&index),
            consent_records::subject_kind.eq(W(subject.kind())),
        ))
        .execute(c)?;
    diesel::update(
        consent_current::table
            .filter(consent_current::subject_index.eq(old))
            .filter(consent_current::record_id.eq(id)),
    )
    .set(consent_current::subject_index.eq(&index))
    .execute(c)?;
    Ok(true)
}
