//! Where each encrypted column's values are sealed (`crypto::Slot`): table, column and the
//! row's key as text. Every read and write of an encrypted column names its slot here, and
//! the start-up pass that seals older values ([`super::rebind`]) walks the same list.

use crate::crypto::Slot;

pub fn request_email(id: &str) -> Slot<'_> {
    Slot::new("requests", "email_enc", id)
}
pub fn request_name(id: &str) -> Slot<'_> {
    Slot::new("requests", "name_enc", id)
}
pub fn request_details(id: &str) -> Slot<'_> {
    Slot::new("requests", "details_enc", id)
}
pub fn request_agent(id: &str) -> Slot<'_> {
    Slot::new("requests", "agent_enc", id)
}
pub fn attachment(id: &str) -> Slot<'_> {
    Slot::new("attachments", "data_enc", id)
}
pub fn store_connection(id: &str) -> Slot<'_> {
    Slot::new("stores", "connection_enc", id)
}
pub fn store_secret(id: &str) -> Slot<'_> {
    Slot::new("stores", "secret_enc", id)
}
pub fn store_hash_key(id: &str) -> Slot<'_> {
    Slot::new("stores", "hash_key_enc", id)
}
pub fn task_correction(id: &str) -> Slot<'_> {
    Slot::new("tasks", "correction_enc", id)
}
/// A task record's key is (task, seq): `row` is [`task_record_row`].
pub fn task_record(row: &str) -> Slot<'_> {
    Slot::new("task_records", "value_enc", row)
}
pub fn task_record_row(task_id: &str, seq: i64) -> String {
    format!("{task_id}/{seq}")
}
pub fn pending_upload(task_id: &str) -> Slot<'_> {
    Slot::new("pending_uploads", "values_enc", task_id)
}
pub fn consent_subject(id: &str) -> Slot<'_> {
    Slot::new("consent_records", "subject_enc", id)
}
pub fn preference_link(token_hash: &str) -> Slot<'_> {
    Slot::new("preference_links", "subject_enc", token_hash)
}
pub fn preference_session(token_hash: &str) -> Slot<'_> {
    Slot::new("preference_sessions", "subject_enc", token_hash)
}
