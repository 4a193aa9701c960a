//! Integration tests: the real server over HTTP. One test binary (links once); each module
//! is a suite, and every suite that touches the database runs on each backend.

mod support;

mod access;
mod agents;
mod api;
mod architecture;
mod audit;
mod backup;
mod bad_input;
mod banner;
mod brand;
mod breaches;
mod browser;
mod calendars;
mod cli;
mod composite_keys;
mod consent;
mod console;
mod corrections;
mod exports;
mod hardening;
mod journey;
mod keys;
mod languages;
mod mfa;
mod module_cycles;
mod openapi_examples;
mod overview;
mod pages;
mod pools;
mod queues;
mod races;
mod reach;
mod real_schemas;
mod reminders;
mod schema;
mod sealing;
mod sessions;
mod stores;
mod tokens;
mod users;
mod webhooks;
