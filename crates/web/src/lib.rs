//! HTTP: routes for the public portal, the staff console and the JSON API, plus the pieces
//! they share (errors, forms, security headers, who is asking).

pub mod access;
pub mod api;
pub mod assets;
pub mod breach_input;
pub mod calendar_input;
pub mod client;
pub mod console;
pub mod error;
pub mod forms;
pub mod intake;
pub mod language;
pub mod multipart;
pub mod panics;
pub mod portal;
pub mod query;
pub mod ratelimit;
pub mod render;
pub mod reports;
pub mod routes;
pub mod security;
pub mod staff;
pub mod store_input;

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::http::StatusCode;
use actix_web::{App, HttpResponse, HttpServer, middleware, web};

use self::error::{ApiError, PageError};
use steward_core::workflow::Services;

/// How long requests under way may take to finish once a shutdown begins (and, in the
/// binary, the scheduler's running jobs after them): within what a service manager waits
/// before it kills (Docker: 10 s after SIGTERM in all).
pub const SHUTDOWN: std::time::Duration = std::time::Duration::from_secs(4);

/// Bodies larger than this are refused before they are read.
const FORM_LIMIT: usize = 64 * 1024;
const JSON_LIMIT: usize = 256 * 1024;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(FORM_LIMIT)
            .error_handler(|e, _| {
                PageError::bad_request(&format!(
                    "The form could not be read ({e}). Please go back and try again."
                ))
                .into()
            }),
    )
    .app_data(web::QueryConfig::default().error_handler(|e, req| {
        // The API answers in JSON whatever went wrong, a malformed query string included.
        if req.path().starts_with("/api/") {
            ApiError::status(
                StatusCode::BAD_REQUEST,
                format!("the query string is not valid: {e}"),
            )
            .into()
        } else {
            PageError::bad_request(&format!("The address is not valid: {e}")).into()
        }
    }))
    .app_data(web::PayloadConfig::default().limit(JSON_LIMIT))
    .app_data(
        web::JsonConfig::default()
            .limit(JSON_LIMIT)
            .error_handler(|e, _| ApiError::status(StatusCode::BAD_REQUEST, e.to_string()).into()),
    )
    .configure(routes::register)
    .service(
        web::resource("/static/{path:.*}")
            .route(web::get().to(assets::file))
            .route(web::head().to(assets::file)),
    );
}

async fn not_found(req: actix_web::HttpRequest) -> actix_web::Error {
    if req.path().starts_with("/api/") {
        ApiError::status(StatusCode::NOT_FOUND, "no such endpoint").into()
    } else {
        PageError::not_found().into()
    }
}

/// Error pages under `/console` wear the staff layout, all others the customer's, in their
/// language: the error itself does not know which part of the site it came from or who is
/// reading, so the page is rendered again here from the same error.
async fn error_pages(
    req: actix_web::dev::ServiceRequest,
    next: middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse, actix_web::Error> {
    if req.path().starts_with("/api/") || req.path().starts_with("/static/") {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let staff = req.path() == "/console" || req.path().starts_with("/console/");
    let layout = if staff {
        error::Layout::Staff
    } else {
        error::Layout::Public(language::Reader::of(req.request()))
    };
    // Handlers' and the access guard's errors arrive as responses that still carry the
    // error (an `Err` here would be a middleware's own failure, passed on as it is).
    let res = next.call(req).await?;
    let page = res
        .response()
        .error()
        .and_then(|e| e.as_error::<PageError>())
        .map(|e| e.page(layout));
    Ok(match page {
        Some(mut page) => {
            // Headers the error's response set (Retry-After on 429) stay; the body is new.
            for (name, value) in res.response().headers() {
                if name != actix_web::http::header::CONTENT_TYPE
                    && name != actix_web::http::header::CONTENT_LENGTH
                {
                    page.headers_mut().insert(name.clone(), value.clone());
                }
            }
            res.into_response(page)
        }
        None => res.map_into_boxed_body(),
    })
}

/// Counts every request and its latency by route pattern for `/metrics` (outermost, so the
/// time includes every other layer).
async fn observe(
    req: actix_web::dev::ServiceRequest,
    next: middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let started = std::time::Instant::now();
    // Any word is a method to actix: only the standard ones become a label.
    let method = match req.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m,
        _ => "OTHER",
    }
    .to_string();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    let metrics = req
        .app_data::<web::Data<Services>>()
        .map(|s| s.metrics.clone());
    let res = next.call(req).await;
    if let Some(m) = metrics {
        let status = match &res {
            Ok(r) => r.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        m.observe_http(&method, &route, status, started.elapsed().as_secs_f64());
    }
    res
}

/// Starts the HTTP server on an already bound listener (tests bind port 0).
pub fn start(
    svc: Services,
    listener: TcpListener,
    tls: Option<rustls::ServerConfig>,
) -> std::io::Result<Server> {
    let https = tls.is_some();
    panics::install_hook(false);
    // One limiter for all workers, so a client cannot multiply its budget by the worker count.
    let limiter = web::Data::new(ratelimit::RateLimiter::new(svc.config.rates));
    // Built once from the route table, not once per worker.
    let description = web::Data::new(api::openapi::Description(api::openapi::document(
        routes::RULES,
    )));
    let data = web::Data::new(svc);
    let server = HttpServer::new(move || {
        // Innermost first: the access guard runs after paths are normalised, and its refusals
        // still get the security headers.
        App::new()
            .app_data(data.clone())
            .app_data(limiter.clone())
            .app_data(description.clone())
            .wrap(middleware::from_fn(routes::guard))
            .wrap(middleware::from_fn(error_pages))
            .wrap(security::headers(https))
            .wrap(middleware::Compress::default())
            .wrap(middleware::NormalizePath::trim())
            .wrap(middleware::from_fn(observe))
            .configure(configure)
            .default_service(web::to(|req: actix_web::HttpRequest| async move {
                Err::<HttpResponse, _>(not_found(req).await)
            }))
    })
    .shutdown_timeout(SHUTDOWN.as_secs())
    .workers(
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .min(8),
    );
    let server = match tls {
        Some(cfg) => server.listen_rustls_0_23(listener, cfg)?,
        None => server.listen(listener)?,
    };
    Ok(server.run())
}
