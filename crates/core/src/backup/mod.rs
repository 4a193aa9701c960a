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
mod error;
mod files;
mod manifest;
mod restore;
mod verify;

pub use create::{Created, create};
pub use error::BackupError;
pub use files::{MIN_PASSPHRASE, Passphrase};
pub use manifest::Manifest;
pub use restore::{Restored, restore, restore_checkpoints};
pub use verify::{Verified, verify};
