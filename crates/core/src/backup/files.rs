//! The files of a backup under way: the names inside the archive, private files, and the
//! scratch folder beside the target.

/// The names inside the archive.
pub const DB_ENTRY: &str = "steward.db";
pub const KEY_ENTRY: &str = "steward.key";
pub const MANIFEST_ENTRY: &str = "manifest.json";

/// A backup's passphrase, wiped from memory when dropped.
pub type Passphrase = age::secrecy::SecretString;

/// A passphrase must be at least this long: it is all that guards the key.
pub const MIN_PASSPHRASE: usize = 12;

/// Creates a file readable by Steward's user only (it holds personal data, maybe the key).
pub fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A folder for work under way beside `near` (same file system, so moving out of it is a
/// rename), removed on drop unless kept.
pub struct Scratch {
    dir: std::path::PathBuf,
}

impl Scratch {
    pub fn beside(near: &std::path::Path) -> std::io::Result<Scratch> {
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

    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
