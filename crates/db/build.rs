//! The migrations are embedded at compile time (`embed_migrations!`), which tracks the files it
//! read but not the folders: without this, a new migration folder is not built in until some
//! other file of this crate changes.
fn main() {
    println!("cargo:rerun-if-changed=migrations/sqlite");
    println!("cargo:rerun-if-changed=migrations/postgres");
}
