//! Steward: a self-hosted GDPR/CCPA privacy-operations portal. This crate is the binary's
//! wiring (command line, demo data); the layers are the workspace's crates, named here under
//! their layer's name for the command line, the tests and the benchmarks.

pub mod cli;
pub mod demo;
pub mod demo_consent;

pub use steward_connectors as connectors;
pub use steward_core::{audit, auth, config, export, mail, metrics, workflow};
pub use steward_db as db;
pub use steward_db::crypto;
pub use steward_domain as domain;
pub use steward_l10n as l10n;
pub use steward_web as web;
