//! What can go wrong with a backup, a restore or a check.

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Db(#[from] steward_db::DbError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Checkpoint(#[from] crate::audit::checkpoint::CheckpointError),
    /// What the operator asked cannot be done as asked; the message says what to do.
    #[error("{0}")]
    Refused(String),
    /// The archive is not one Steward wrote, or was changed since.
    #[error("the backup cannot be used: {0}")]
    Damaged(String),
    /// The restored data did not pass its checks; nothing was put in place.
    #[error("the restored data failed its checks, and nothing was put in place:\n  {}", .0.join("\n  "))]
    Failed(Vec<String>),
}
