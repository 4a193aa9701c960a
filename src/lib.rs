//! Steward: a self-hosted GDPR/CCPA privacy-operations portal.

pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod connectors;
pub mod crypto;
pub mod db;
pub mod demo;
pub mod demo_consent;
pub mod domain;
pub mod export;
pub mod mail;
pub mod metrics;
pub mod web;
pub mod workflow;
