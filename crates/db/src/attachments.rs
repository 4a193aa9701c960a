//! Queries on files attached to requests.

use diesel::prelude::*;

use super::models::Attachment;
use super::schema::attachments;
use super::types::W;
use crate::conn::{DbConn, DbError};

pub fn insert(conn: &mut DbConn, a: &Attachment) -> Result<(), DbError> {
    diesel::insert_into(attachments::table)
        .values(a.clone())
        .execute(conn)?;
    Ok(())
}

/// The files of a request, without their contents.
pub fn of_request(
    conn: &mut DbConn,
    request_id: &str,
) -> Result<Vec<(String, String, i64)>, DbError> {
    Ok(attachments::table
        .filter(attachments::request_id.eq(W(request_id)))
        .order(attachments::created_at.asc())
        .select((attachments::id, attachments::filename, attachments::size))
        .load(conn)?)
}

pub fn find(conn: &mut DbConn, request_id: &str, id: &str) -> Result<Option<Attachment>, DbError> {
    Ok(attachments::table
        .filter(attachments::request_id.eq(W(request_id)))
        .filter(attachments::id.eq(id))
        .select(Attachment::as_select())
        .first(conn)
        .optional()?)
}
