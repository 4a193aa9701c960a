//! Banner visitors scoped to the site key they came through. Before, a visitor's blind
//! index was computed over the 32-hex id alone, so two sites (or a staff-recorded customer
//! number of that shape) shared one subject. Runs once at start-up, before anything is
//! served, in one transaction: each visitor record is indexed again under its site key, and
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

/// Re-indexes the visitor records written before visitors were scoped; answers how many.
pub fn rescope(conn: &mut DbConn, keys: &Keys) -> Result<usize, DbError> {
    if settings::get(conn, DONE)?.is_some() {
        return Ok(0);
    }
    crate::write_tx(conn, |c| {
        let rows: Vec<(String, String, Option<String>, Option<String>)> = consent_records::table
            .filter(consent_records::subject_kind.eq(W(SubjectKind::Visitor)))
            .select((
                consent_records::id,
                consent_records::subject_index,
                consent_records::subject_enc,
                consent_records::site_key_id,
            ))
            .load(c)?;
        let mut moved = 0;
        for (id, old, enc, site) in rows {
            // Pseudonymised (no subject left) or unreadable: nothing to index again.
            let Some(hex) = enc.and_then(|e| keys.open(&e, slots::consent_subject(&id)).ok())
            else {
                continue;
            };
            let subject = match &site {
                Some(site) => Subject::visitor(site, &hex),
                None => Subject::opaque(&hex),
            };
            let Ok(subject) = subject else { continue };
            let index = keys.blind_index(subject.index_kind(), &subject.normalised());
            if index == old {
                continue;
            }
            diesel::update(consent_records::table.find(&id))
                .set((
                    consent_records::subject_index.eq(&index),
                    consent_records::subject_kind.eq(W(subject.kind())),
                ))
                .execute(c)?;
            diesel::update(
                consent_current::table
                    .filter(consent_current::subject_index.eq(&old))
                    .filter(consent_current::record_id.eq(&id)),
            )
            .set(consent_current::subject_index.eq(&index))
            .execute(c)?;
            moved += 1;
        }
        settings::put(c, DONE, "1", None)?;
        Ok(moved)
    })
}
