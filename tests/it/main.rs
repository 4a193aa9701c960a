//! Integration tests: the real server over HTTP. One test binary (links once); each module
//! is a suite, and every suite that touches the database runs on each backend.

mod support;

mod api;
mod audit;
mod bad_input;
mod cli;
mod console;
mod journey;
mod reminders;
mod stores;
mod webhooks;
