//! The consent ledger's tables: purposes and their notices, the append-only records with the
//! current state beside them, site keys, and preference-centre links and sessions.
//!
//! There is no function here that updates or deletes a consent record, except
//! [`pseudonymise`], which removes a subject's identifiers after a deletion request and
//! keeps what was consented to, and when, as proof.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;

use super::models::{
    ConsentRow, CurrentRow, NoticeRow, PreferenceLinkRow, PreferenceSessionRow, PurposeRow,
    SiteKeyRow, TranslationRow,
};
use super::schema::{
    consent_current, consent_records, notices, preference_links, preference_sessions, purposes,
    site_keys,
};
use super::types::W;
use crate::conn::{DbConn, DbError};
use steward_domain::consent::{ConsentStatus, PurposeKey};
pub use steward_domain::filters::RecordFilter;

pub fn insert_purpose(conn: &mut DbConn, p: &PurposeRow, n: &NoticeRow) -> Result<(), DbError> {
    diesel::insert_into(purposes::table)
        .values(p.clone())
        .execute(conn)?;
    diesel::insert_into(notices::table)
        .values(n.clone())
        .execute(conn)?;
    Ok(())
}

pub fn purposes(conn: &mut DbConn) -> Result<Vec<PurposeRow>, DbError> {
    Ok(purposes::table
        .order(purposes::key.asc())
        .select(PurposeRow::as_select())
        .load(conn)?)
}

pub fn purpose(conn: &mut DbConn, key: &PurposeKey) -> Result<Option<PurposeRow>, DbError> {
    Ok(purposes::table
        .find(W(key))
        .select(PurposeRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every purpose with its current notice, for the banner and the preference centre.
pub fn purposes_with_notice(conn: &mut DbConn) -> Result<Vec<(PurposeRow, NoticeRow)>, DbError> {
    Ok(purposes::table
        .inner_join(
            notices::table.on(notices::purpose_key
                .eq(purposes::key)
                .and(notices::version.eq(purposes::current_version))),
        )
        .order(purposes::key.asc())
        .select((PurposeRow::as_select(), NoticeRow::as_select()))
        .load(conn)?)
}

pub fn notices_of(conn: &mut DbConn, key: &PurposeKey) -> Result<Vec<NoticeRow>, DbError> {
    Ok(notices::table
        .filter(notices::purpose_key.eq(W(key)))
        .order(notices::version.asc())
        .select(NoticeRow::as_select())
        .load(conn)?)
}

/// Adds the next version and makes it current. Call in a transaction; the version is read
/// and written there, and the notices' primary key refuses a concurrent duplicate.
pub fn publish(conn: &mut DbConn, n: &NoticeRow) -> Result<(), DbError> {
    diesel::insert_into(notices::table)
        .values(n.clone())
        .execute(conn)?;
    diesel::update(purposes::table.find(W(&n.purpose_key)))
        .set(purposes::current_version.eq(n.version))
        .execute(conn)?;
    Ok(())
}

/// The subject's current state as a record leaves it.
fn standing_after(r: &ConsentRow) -> CurrentRow {
    CurrentRow {
        subject_index: r.subject_index.clone(),
        purpose_key: r.purpose_key.clone(),
        record_id: r.id.clone(),
        status: r.status,
        notice_version: r.notice_version,
        recorded_at: r.recorded_at,
        notice_language: r.notice_language,
    }
}

/// The subject's current state after `records`, in order: the last record of each purpose.
fn latest(records: &[ConsentRow]) -> Vec<CurrentRow> {
    let mut out: Vec<CurrentRow> = Vec::with_capacity(records.len());
    for r in records {
        match out.iter_mut().find(|c| c.purpose_key == r.purpose_key) {
            Some(earlier) => *earlier = standing_after(r),
            None => out.push(standing_after(r)),
        }
    }
    out
}

/// Appends the records (one subject's, in the order made) and moves the subject's current
/// state to the last of each purpose, unless a later record already stands there (two writes
/// racing: the later one in time wins). On PostgreSQL two statements, whatever the number of
/// records (each is a round trip); SQLite, in the process and without a batch upsert, takes
/// them one by one.
pub fn append(conn: &mut DbConn, records: &[ConsentRow]) -> Result<(), DbError> {
    if records.is_empty() {
        return Ok(());
    }
    use consent_current::dsl as c;
    macro_rules! write {
        ($conn:expr, $records:expr, $current:expr) => {{
            diesel::insert_into(consent_records::table)
                .values($records)
                .execute($conn)?;
            diesel::query_dsl::methods::FilterDsl::filter(
                diesel::insert_into(c::consent_current)
                    .values($current)
                    .on_conflict((c::subject_index, c::purpose_key))
                    .do_update()
                    .set((
                        c::record_id.eq(excluded(c::record_id)),
                        c::status.eq(excluded(c::status)),
                        c::notice_version.eq(excluded(c::notice_version)),
                        c::notice_language.eq(excluded(c::notice_language)),
                        c::recorded_at.eq(excluded(c::recorded_at)),
                    )),
                c::recorded_at.le(excluded(c::recorded_at)),
            )
            .execute($conn)?;
        }};
    }
    match conn {
        DbConn::Postgres(pg) => write!(pg, records.to_vec(), latest(records)),
        DbConn::Sqlite(lite) => {
            for r in records {
                write!(lite, r.clone(), standing_after(r));
            }
        }
    };
    Ok(())
}

/// Every translation of every purpose's notice (a handful per purpose), oldest first.
pub fn translations(conn: &mut DbConn) -> Result<Vec<TranslationRow>, DbError> {
    use crate::schema::notice_translations::dsl as t;
    Ok(t::notice_translations
        .order((t::purpose_key, t::language, t::version))
        .select(TranslationRow::as_select())
        .load(conn)?)
}

/// Adds a translation's next version.
pub fn insert_translation(conn: &mut DbConn, row: &TranslationRow) -> Result<(), DbError> {
    diesel::insert_into(crate::schema::notice_translations::table)
        .values(row.clone())
        .execute(conn)?;
    Ok(())
}

pub fn current_of(conn: &mut DbConn, subject_index: &str) -> Result<Vec<CurrentRow>, DbError> {
    Ok(consent_current::table
        .filter(consent_current::subject_index.eq(subject_index))
        .order(consent_current::purpose_key.asc())
        .select(CurrentRow::as_select())
        .load(conn)?)
}

/// One record with the notice version it was given under (the notice is missing only if the
/// database was edited by hand).
pub fn record_with_notice(
    conn: &mut DbConn,
    id: &str,
) -> Result<Option<(ConsentRow, Option<NoticeRow>)>, DbError> {
    let Some(r) = consent_records::table
        .find(id)
        .select(ConsentRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let n = notices::table
        .find((W(&r.purpose_key), r.notice_version))
        .select(NoticeRow::as_select())
        .first(conn)
        .optional()?;
    Ok(Some((r, n)))
}

/// A subject's records, oldest first (ids are time-ordered, so they break ties in order).
pub fn history_of(conn: &mut DbConn, subject_index: &str) -> Result<Vec<ConsentRow>, DbError> {
    Ok(consent_records::table
        .filter(consent_records::subject_index.eq(subject_index))
        .order((
            consent_records::recorded_at.asc(),
            consent_records::id.asc(),
        ))
        .select(ConsentRow::as_select())
        .load(conn)?)
}

/// Records after the keyset cursor `(recorded_at, id)`, oldest first.
pub fn records_after(
    conn: &mut DbConn,
    f: &RecordFilter,
    after: Option<&(NaiveDateTime, String)>,
    limit: i64,
) -> Result<Vec<ConsentRow>, DbError> {
    let mut q = consent_records::table.into_boxed();
    if let Some(from) = f.from {
        q = q.filter(consent_records::recorded_at.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(consent_records::recorded_at.lt(to));
    }
    if let Some(p) = &f.purpose {
        q = q.filter(consent_records::purpose_key.eq(W(p.clone())));
    }
    if let Some((at, id)) = after {
        q = q.filter(consent_records::recorded_at.ge(*at)).filter(
            consent_records::recorded_at
                .gt(*at)
                .or(consent_records::id.gt(id.clone())),
        );
    }
    Ok(q.order((
        consent_records::recorded_at.asc(),
        consent_records::id.asc(),
    ))
    .limit(limit)
    .select(ConsentRow::as_select())
    .load(conn)?)
}

/// The current state of every subject for one purpose, with the record it rests on, after
/// the keyset cursor (a subject's index).
pub fn current_after(
    conn: &mut DbConn,
    purpose: &PurposeKey,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<(CurrentRow, ConsentRow)>, DbError> {
    let mut q = consent_current::table
        .inner_join(consent_records::table.on(consent_records::id.eq(consent_current::record_id)))
        .filter(consent_current::purpose_key.eq(W(purpose)))
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(consent_current::subject_index.gt(a.to_string()));
    }
    Ok(q.order(consent_current::subject_index.asc())
        .limit(limit)
        .select((CurrentRow::as_select(), ConsentRow::as_select()))
        .load(conn)?)
}

/// How many subjects currently stand at each status for a purpose.
pub fn current_count(
    conn: &mut DbConn,
    purpose: &PurposeKey,
    status: ConsentStatus,
) -> Result<i64, DbError> {
    Ok(consent_current::table
        .filter(consent_current::purpose_key.eq(W(purpose)))
        .filter(consent_current::status.eq(W(status)))
        .count()
        .get_result(conn)?)
}

/// Records of a purpose and status made in `[from, to)`.
pub fn count_between(
    conn: &mut DbConn,
    purpose: &PurposeKey,
    status: ConsentStatus,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(consent_records::table
        .filter(consent_records::purpose_key.eq(W(purpose)))
        .filter(consent_records::status.eq(W(status)))
        .filter(consent_records::recorded_at.ge(from))
        .filter(consent_records::recorded_at.lt(to))
        .count()
        .get_result(conn)?)
}

/// After a deletion request: the subject's identifiers and the technical proof that could
/// single them out are removed from every record; the purpose, notice version, choice, time,
/// method and GPC flag stay, as proof that consent was given or withdrawn. Returns how many
/// records were pseudonymised.
pub fn pseudonymise(
    conn: &mut DbConn,
    subject_index: &str,
    at: NaiveDateTime,
) -> Result<usize, DbError> {
    use consent_records::dsl as r;
    let n = diesel::update(r::consent_records.filter(r::subject_index.eq(subject_index)))
        .set((
            r::subject_index.eq(diesel::dsl::sql::<diesel::sql_types::Text>(
                "'erased:' || id",
            )),
            r::subject_enc.eq(None::<String>),
            r::ip_hmac.eq(None::<String>),
            r::user_agent.eq(None::<String>),
            r::page_url.eq(None::<String>),
            r::note.eq(None::<String>),
            r::pseudonymised_at.eq(Some(at)),
        ))
        .execute(conn)?;
    diesel::delete(consent_current::table.filter(consent_current::subject_index.eq(subject_index)))
        .execute(conn)?;
    Ok(n)
}

pub fn insert_site_key(conn: &mut DbConn, k: &SiteKeyRow) -> Result<(), DbError> {
    diesel::insert_into(site_keys::table)
        .values(k.clone())
        .execute(conn)?;
    Ok(())
}

pub fn site_keys(conn: &mut DbConn) -> Result<Vec<SiteKeyRow>, DbError> {
    Ok(site_keys::table
        .order(site_keys::created_at.desc())
        .select(SiteKeyRow::as_select())
        .load(conn)?)
}

/// A live (not revoked) key by its hash.
pub fn live_site_key(conn: &mut DbConn, key_hash: &str) -> Result<Option<SiteKeyRow>, DbError> {
    Ok(site_keys::table
        .filter(site_keys::key_hash.eq(key_hash))
        .filter(site_keys::revoked_at.is_null())
        .select(SiteKeyRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn revoke_site_key(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::update(
        site_keys::table
            .find(id)
            .filter(site_keys::revoked_at.is_null()),
    )
    .set(site_keys::revoked_at.eq(Some(at)))
    .execute(conn)?)
}

pub fn insert_link(conn: &mut DbConn, l: &PreferenceLinkRow) -> Result<(), DbError> {
    diesel::insert_into(preference_links::table)
        .values(l)
        .execute(conn)?;
    Ok(())
}

/// Marks an unused, unexpired link used and returns it; `None` if it was used, expired or
/// never existed. The conditional update makes a link good exactly once under any race.
pub fn take_link(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<PreferenceLinkRow>, DbError> {
    let taken = diesel::update(
        preference_links::table
            .find(token_hash)
            .filter(preference_links::used_at.is_null())
            .filter(preference_links::expires_at.gt(now)),
    )
    .set(preference_links::used_at.eq(Some(now)))
    .execute(conn)?;
    if taken == 0 {
        return Ok(None);
    }
    Ok(preference_links::table
        .find(token_hash)
        .select(PreferenceLinkRow::as_select())
        .first(conn)
        .optional()?)
}

/// A link as stored, used or not (to tell "already used" from "no such link").
pub fn link(conn: &mut DbConn, token_hash: &str) -> Result<Option<PreferenceLinkRow>, DbError> {
    Ok(preference_links::table
        .find(token_hash)
        .select(PreferenceLinkRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert_session(conn: &mut DbConn, s: &PreferenceSessionRow) -> Result<(), DbError> {
    diesel::insert_into(preference_sessions::table)
        .values(s)
        .execute(conn)?;
    Ok(())
}

pub fn live_session(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<PreferenceSessionRow>, DbError> {
    Ok(preference_sessions::table
        .find(token_hash)
        .filter(preference_sessions::expires_at.gt(now))
        .select(PreferenceSessionRow::as_select())
        .first(conn)
        .optional()?)
}

/// Links and sessions past their time, kept no longer than needed.
pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::delete(preference_links::table.filter(preference_links::expires_at.le(now)))
        .execute(conn)?;
    diesel::delete(preference_sessions::table.filter(preference_sessions::expires_at.le(now)))
        .execute(conn)?;
    Ok(())
}
