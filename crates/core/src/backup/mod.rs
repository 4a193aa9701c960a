//! Backups an operator can trust: `steward backup` takes a consistent copy of a running SQLite
//! installation (database, audit checkpoint file and a manifest of what they hold), `steward
//! restore` puts one back into an empty folder only after checking it, and `steward verify`
//! checks any database as it stands (a PostgreSQL database restored with `pg_restore`, too).
//!
//! A backup is a tar archive: `manifest.json` first, then `steward.db`, the checkpoint file
//! and, only when asked, `steward.key`. An archive holding the key is encrypted as a whole with
//! a passphrase in the age format (`age -d` opens it too), since the key opens every sealed
//! value in the database.

mod archive;
mod create;
mod manifest;
mod restore;
mod verify;

pub use create::{Created, create};
pub use manifest::Manifest;
pub use restore::{Restored, restore, restore_checkpoints};
pub use verify::{Verified, verify};

/// The names inside the archive.
const DB_ENTRY: &str = "steward.db";
const KEY_ENTRY: &str = "steward.key";
const MANIFEST_ENTRY: &str = "manifest.json";

/// A backup's passphrase, wiped from memory when dropped.
pub type Passphrase = age::secrecy::SecretString;

/// A passphrase must be at least this long: it is all that guards the key.
pub const MIN_PASSPHRASE: usize = 12;

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

/// Creates a file readable by Steward's user only (it holds personal data, maybe the key).
fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A folder for work under way beside `near` (same file system, so moving out of it is a
/// rename), removed on drop unless kept.
struct Scratch {
    dir: std::path::PathBuf,
}

impl Scratch {
    fn beside(near: &std::path::Path) -> std::io::Result<Scratch> {
        let parent = near
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let dir = parent.join(format!(".steward-backup-{}", uuid::Uuid::new_v4().simple()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir)?;
        Ok(Scratch { dir })
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
