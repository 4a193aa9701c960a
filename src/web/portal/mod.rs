//! The public side: the rights explained, the request form, verification and the status page.

mod intake;
mod status;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::routes::{Verb::*, add};
    add(cfg, Get, "/", || async { super::redirect("/privacy") });
    add(cfg, Get, "/privacy", intake::rights);
    add(cfg, Get, "/privacy/requests/new", intake::form);
    add(cfg, Post, "/privacy/requests/new", intake::submit);
    add(cfg, Get, "/privacy/requests/sent", intake::sent);
    add(
        cfg,
        Get,
        "/privacy/requests/{public_id}/package.csv",
        status::package,
    );
    add(cfg, Get, "/privacy/requests/{public_id}", status::page);
    add(
        cfg,
        Post,
        "/privacy/requests/{public_id}/proof",
        status::proof,
    );
    add(cfg, Get, "/privacy/verify/{token}", status::confirm_page);
    add(cfg, Post, "/privacy/verify/{token}", status::confirm);
}
