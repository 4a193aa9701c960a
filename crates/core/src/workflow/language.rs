//! The language a request's emails go out in: the one it was filed in, until staff choose
//! another (a requester who wrote in one language and asked to be answered in another).

use super::error::WorkflowError;
use super::requests::target;
use super::services::Services;
use crate::audit::{self, Actor};
use steward_db as db;
use steward_db::requests;
use steward_domain::{Language, RequestId};

/// Sets the request's language; audited in the same transaction. Choosing the language it
/// already has changes nothing and records nothing.
pub async fn set(
    svc: &Services,
    actor: Actor,
    id: &RequestId,
    language: Language,
) -> Result<(), WorkflowError> {
    let id = id.clone();
    svc.db
        .run(move |conn| {
            db::write_tx(conn, |c| {
                let mut row = requests::find(c, id.as_str())?.ok_or(WorkflowError::NotFound)?;
                if row.language == language {
                    return Ok(());
                }
                let detail = serde_json::json!({ "from": row.language, "to": language });
                row.language = language;
                row.updated_at = db::now();
                requests::save(c, &row)?;
                audit::record(c, &actor, "request.language", &target(&row), detail)?;
                Ok::<_, WorkflowError>(())
            })
        })
        .await
}
