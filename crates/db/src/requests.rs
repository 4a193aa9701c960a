//! Queries on requests and their timelines.

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::Date;

use super::models::{RequestEvent, RequestRow};
use super::schema::{request_events, request_name_words, requests};
use super::types::W;
use crate::conn::{DbConn, DbError};
pub use steward_domain::filters::{Filter, Lookup, Sort};
use steward_domain::{Jurisdiction, PublicId, RequestId, RequestKind, Status};

pub fn insert(conn: &mut DbConn, row: &RequestRow) -> Result<(), DbError> {
    diesel::insert_into(requests::table)
        .values(row.clone())
        .execute(conn)?;
    Ok(())
}

/// Sets every request's language: once, for the requests filed before requests had one
/// (migration 19 gave them English), to the shop's default language.
pub fn set_language_of_all(
    conn: &mut DbConn,
    language: steward_domain::Language,
) -> Result<usize, DbError> {
    Ok(diesel::update(requests::table)
        .set(requests::language.eq(W(language)))
        .execute(conn)?)
}

pub fn save(conn: &mut DbConn, row: &RequestRow) -> Result<(), DbError> {
    diesel::update(requests::table.find(W(&row.id)))
        .set(row.clone())
        .execute(conn)?;
    Ok(())
}

/// Saves a changed row only if nobody else changed it since it was read (the same status and
/// `updated_at` as `read`): the compare-and-set every transition goes through. On PostgreSQL
/// a concurrent writer waits for the first to commit, then finds the row changed; false then.
pub fn save_if_unchanged(
    conn: &mut DbConn,
    row: &RequestRow,
    read: &RequestRow,
) -> Result<bool, DbError> {
    let n = diesel::update(
        requests::table
            .filter(requests::id.eq(W(&read.id)))
            .filter(requests::status.eq(W(read.status)))
            .filter(requests::updated_at.eq(read.updated_at)),
    )
    .set(row.clone())
    .execute(conn)?;
    Ok(n == 1)
}

/// A request's current state, read fresh.
pub fn status_of(conn: &mut DbConn, id: &str) -> Result<Option<Status>, DbError> {
    Ok(requests::table
        .find(W(id))
        .select(requests::status)
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<RequestRow>, DbError> {
    Ok(requests::table
        .find(W(id))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

/// Staff refer to a request by either id; both are unique.
pub fn find_by_any_id(conn: &mut DbConn, id: &str) -> Result<Option<RequestRow>, DbError> {
    Ok(requests::table
        .filter(requests::id.eq(W(id)).or(requests::public_id.eq(W(id))))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_public_id(
    conn: &mut DbConn,
    public_id: &str,
) -> Result<Option<RequestRow>, DbError> {
    Ok(requests::table
        .filter(requests::public_id.eq(W(public_id)))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_verify_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> Result<Option<RequestRow>, DbError> {
    Ok(requests::table
        .filter(requests::verify_token_hash.eq(token_hash))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

/// The oldest open request of the same person and kind: a new one is linked to it.
pub fn find_open_duplicate(
    conn: &mut DbConn,
    email_index: &str,
    kind: RequestKind,
) -> Result<Option<(RequestId, PublicId)>, DbError> {
    Ok(requests::table
        .filter(requests::email_index.eq(email_index))
        .filter(requests::kind.eq(W(kind)))
        .filter(requests::status.ne_all(Status::CLOSED.iter().map(W)))
        .order(requests::created_at.asc())
        .select((requests::id, requests::public_id))
        .first(conn)
        .optional()?)
}

pub fn public_id_of(conn: &mut DbConn, id: &str) -> Result<Option<PublicId>, DbError> {
    Ok(requests::table
        .find(W(id))
        .select(requests::public_id)
        .first(conn)
        .optional()?)
}

/// Every open request of these jurisdictions (a calendar change may move their deadlines).
pub fn open_in(
    conn: &mut DbConn,
    jurisdictions: &[Jurisdiction],
) -> Result<Vec<RequestRow>, DbError> {
    Ok(requests::table
        .filter(requests::jurisdiction.eq_any(jurisdictions.iter().map(W)))
        .filter(requests::status.ne_all(Status::CLOSED.iter().map(W)))
        .order(requests::received_at.asc())
        .select(RequestRow::as_select())
        .load(conn)?)
}

/// Requests in progress of these kinds whose every store task (at least one) is settled:
/// the ones a per-kind policy may complete without staff.
pub fn ready_to_close_of_kinds(
    conn: &mut DbConn,
    kinds: &[RequestKind],
    limit: i64,
    offset: i64,
) -> Result<Vec<RequestId>, DbError> {
    use super::schema::tasks;
    use steward_domain::stores::TaskStatus;
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let unsettled = tasks::table
        .filter(tasks::request_id.eq(requests::id))
        .filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W)));
    // A request with no task at all had no store to act on it: staff judge that one.
    let any_task = tasks::table.filter(tasks::request_id.eq(requests::id));
    Ok(requests::table
        .filter(requests::kind.eq_any(kinds.iter().map(W)))
        .filter(requests::status.eq(W(Status::InProgress)))
        .filter(diesel::dsl::exists(any_task))
        .filter(diesel::dsl::not(diesel::dsl::exists(unsettled)))
        .order((requests::received_at.asc(), requests::id.asc()))
        .select(requests::id)
        .limit(limit)
        .offset(offset)
        .load(conn)?)
}

/// Replaces a request's identity (its encrypted email and blind index) after the subject
/// corrected their address.
pub fn set_identity(
    conn: &mut DbConn,
    id: &str,
    email_enc: &str,
    email_index: &str,
) -> Result<(), DbError> {
    diesel::update(requests::table.find(W(id)))
        .set((
            requests::email_enc.eq(email_enc),
            requests::email_index.eq(email_index),
        ))
        .execute(conn)?;
    Ok(())
}

/// The references of these requests, in one query.
pub fn public_ids_of(
    conn: &mut DbConn,
    ids: &[RequestId],
) -> Result<std::collections::HashMap<RequestId, PublicId>, DbError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(requests::table
        .filter(requests::id.eq_any(ids.iter().map(W)))
        .select((requests::id, requests::public_id))
        .load::<(RequestId, PublicId)>(conn)?
        .into_iter()
        .collect())
}

/// The requests a filter lets through, in no order. "Open" is written as the open states
/// (`IN`), not as "not closed", so the (status, due date) index serves it.
fn filtered(f: &Filter) -> requests::BoxedQuery<'static, crate::conn::MultiBackend> {
    {
        let mut q = requests::table.into_boxed();
        if let Some(s) = f.status {
            q = q.filter(requests::status.eq(W(s)));
        }
        if let Some(k) = f.kind {
            q = q.filter(requests::kind.eq(W(k)));
        }
        if let Some(j) = f.jurisdiction {
            q = q.filter(requests::jurisdiction.eq(W(j)));
        }
        if f.open_only || f.overdue_before.is_some() {
            q = q.filter(requests::status.eq_any(Status::OPEN.iter().map(W)));
        }
        if let Some(day) = f.overdue_before {
            q = q.filter(effective_due().lt(day));
        }
        if let Some((from, to)) = f.due_between {
            q = q
                .filter(requests::status.eq_any(Status::OPEN.iter().map(W)))
                .filter(effective_due().ge(from))
                .filter(effective_due().le(to));
        }
        if f.ready_only {
            use super::schema::tasks;
            use steward_domain::stores::TaskStatus;
            // The requests still waiting on a store, read once through the tasks' status
            // index (few, as most tasks are settled), rather than asked of every working
            // request in turn (200,000 look-ups at 1,000,000 requests).
            let waiting = tasks::table
                .filter(tasks::status.eq_any(TaskStatus::UNSETTLED.map(W)))
                .select(tasks::request_id);
            q = q
                .filter(requests::status.eq_any([Status::Verified, Status::InProgress].map(W)))
                .filter(requests::id.ne_all(waiting));
        }
        match &f.lookup {
            None => {}
            Some(Lookup::Reference(r)) => {
                q = q.filter(
                    requests::public_id
                        .eq(W(r.clone()))
                        .or(requests::id.eq(W(r.clone()))),
                );
            }
            Some(Lookup::EmailIndex(i)) => q = q.filter(requests::email_index.eq(i.clone())),
            Some(Lookup::NameWords(words)) => {
                // One indexed look-up per word; a request must have them all.
                for w in words {
                    q = q.filter(
                        requests::id.eq_any(
                            request_name_words::table
                                .filter(request_name_words::word_index.eq(w.clone()))
                                .select(request_name_words::request_id),
                        ),
                    );
                }
            }
        }
        q
    }
}

/// How many requests a filter lets through (its limit and offset aside).
pub fn count(conn: &mut DbConn, f: &Filter) -> Result<i64, DbError> {
    Ok(filtered(f).count().get_result(conn)?)
}

/// The queue, in the filter's order, with the total the filter lets through.
pub fn list(conn: &mut DbConn, f: &Filter) -> Result<(Vec<RequestRow>, i64), DbError> {
    let build = || filtered(f);
    let total: i64 = build().count().get_result(conn)?;
    let ordered = match f.sort {
        Sort::Due => build().order((effective_due().asc(), requests::created_at.asc())),
        Sort::Newest => build().order((requests::received_at.desc(), requests::id.desc())),
        Sort::Oldest => build().order((requests::received_at.asc(), requests::id.asc())),
    };
    let rows = ordered
        .limit(f.limit)
        .offset(f.offset)
        .select(RequestRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The date staff must meet: the extended one once granted (`domain::clock::effective_due`
/// in SQL, so the queue sorts and filters in the database).
fn effective_due() -> SqlLiteral<Date> {
    sql::<Date>("COALESCE(extended_due_date, due_date)")
}

pub fn insert_event(conn: &mut DbConn, e: &RequestEvent) -> Result<(), DbError> {
    diesel::insert_into(request_events::table)
        .values(e.clone())
        .execute(conn)?;
    Ok(())
}

pub fn events(conn: &mut DbConn, request_id: &str) -> Result<Vec<RequestEvent>, DbError> {
    Ok(request_events::table
        .filter(request_events::request_id.eq(W(request_id)))
        .order((request_events::at.asc(), request_events::id.asc()))
        .select(RequestEvent::as_select())
        .load(conn)?)
}

/// Every request of one person (by the blind index of their email), oldest first.
pub fn of_person(conn: &mut DbConn, email_index: &str) -> Result<Vec<RequestRow>, DbError> {
    Ok(requests::table
        .filter(requests::email_index.eq(email_index))
        .order(requests::created_at.asc())
        .select(RequestRow::as_select())
        .load(conn)?)
}

/// Indexes the words of a requester's name (their blind indexes, each once), for search by
/// name.
pub fn insert_name_words(
    conn: &mut DbConn,
    request_id: &str,
    word_indexes: &[String],
) -> Result<(), DbError> {
    // A savepoint: a process starting at the same time may have indexed this request
    // already (the start-up pass), and its key violation is as good as our insert.
    let inserted = conn.transaction(|c| {
        for w in word_indexes {
            diesel::insert_into(request_name_words::table)
                .values((
                    request_name_words::word_index.eq(w),
                    request_name_words::request_id.eq(W(request_id)),
                ))
                .execute(c)?;
        }
        Ok::<_, diesel::result::Error>(())
    });
    match inserted {
        Ok(())
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Requests after `after` (by id) with a name but no indexed words: filed before search by
/// name existed.
pub fn names_not_indexed(
    conn: &mut DbConn,
    after: &str,
    limit: i64,
) -> Result<Vec<(RequestId, String)>, DbError> {
    let indexed = request_name_words::table
        .filter(request_name_words::request_id.eq(requests::id))
        .select(request_name_words::request_id);
    Ok(requests::table
        .filter(requests::name_enc.is_not_null())
        .filter(diesel::dsl::not(diesel::dsl::exists(indexed)))
        .filter(requests::id.gt(W(after)))
        .order(requests::id.asc())
        .limit(limit)
        .select((requests::id, requests::name_enc.assume_not_null()))
        .load(conn)?)
}

/// Moves a request's timeline to other times (the demo's requests happened over weeks, not
/// in the second they were loaded): the events, oldest first, get `times` in order; the
/// request's verified, closed and paused dates follow its events.
pub fn restamp(
    conn: &mut DbConn,
    request_id: &str,
    times: &[chrono::NaiveDateTime],
    local_date: impl Fn(chrono::NaiveDateTime) -> NaiveDate,
) -> Result<(), DbError> {
    let evs = events(conn, request_id)?;
    let mut verified = None;
    let mut paused = None;
    let mut last = None;
    for (e, at) in evs.iter().zip(times) {
        diesel::update(request_events::table.find(&e.id))
            .set(request_events::at.eq(at))
            .execute(conn)?;
        match e.to_status {
            Some(Status::Verified) => verified = Some(*at),
            Some(Status::Paused) => paused = Some(local_date(*at)),
            _ => {}
        }
        last = Some(*at);
    }
    let Some(row) = find(conn, request_id)? else {
        return Ok(());
    };
    let closed = row.closed_at.and(last);
    diesel::update(requests::table.find(W(request_id)))
        .set((
            requests::verified_at.eq(verified.or(row.verified_at.and(last))),
            requests::closed_at.eq(closed),
            requests::paused_on.eq(row.paused_on.and(paused)),
            requests::updated_at.eq(last.unwrap_or(row.updated_at)),
        ))
        .execute(conn)?;
    Ok(())
}
