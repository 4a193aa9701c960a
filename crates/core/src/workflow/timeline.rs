//! The one builder of a request's timeline entries: every action that writes one starts here.

use crate::audit::Actor;
use steward_db as db;
use steward_db::models::RequestEvent;
use steward_domain::RequestId;
use steward_domain::timeline::TimelineAction;

/// An internal entry (no status change, not shown to the subject); callers set the rest.
pub fn event(request_id: &RequestId, actor: &Actor, action: TimelineAction) -> RequestEvent {
    RequestEvent {
        id: db::event_id(),
        request_id: request_id.clone(),
        at: db::now(),
        actor: actor.as_text(),
        action,
        from_status: None,
        to_status: None,
        note: None,
        public: false,
    }
}

/// An internal entry with a note.
pub fn noted(
    request_id: &RequestId,
    actor: &Actor,
    action: TimelineAction,
    note: String,
) -> RequestEvent {
    RequestEvent {
        note: Some(note),
        ..event(request_id, actor, action)
    }
}
