//! Steward's own database: SQLite (bundled) or PostgreSQL behind one diesel
//! `MultiConnection`, so every query in this module tree is written once.

pub mod attachments;
pub mod backup;
pub mod breaches;
pub mod calendar;
pub mod checkpoints;
pub mod conn;
pub mod consent;
pub mod consent_services;
pub mod crypto;
pub mod models;
pub mod overview;
pub mod pool;
pub mod rebind;
pub mod reports;
pub mod requests;
pub mod schema;
pub mod settings;
pub mod slots;
pub mod stores;
pub mod tasks;
pub mod types;
pub mod users;
pub mod visitors;

pub use conn::*;
pub use pool::*;
