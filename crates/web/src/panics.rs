//! A panic in a handler answers 500 with a reference instead of dropping the connection, and
//! is logged by its place in the code and that reference only: the panic's message can quote
//! what the request carried (a value that failed to parse, a row), so it is never printed.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware;
use futures_util::FutureExt;

use crate::error::{ApiError, PageError};
use steward_core::secrets::new_token;

thread_local! {
    /// Set while a request's handler is being polled on this thread.
    static IN_REQUEST: Cell<bool> = const { Cell::new(false) };
    /// The reference of the last panic on this thread, for the middleware that catches it
    /// (unwinding stays on the thread that panicked).
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the panic message (which prints the payload) with one log line naming the file
/// and line and a reference that the 500 answer repeats: for every panic of the process
/// (`everywhere`, the binary's choice), or only for those inside a request (a test process,
/// whose own assertions must still print). The first call of a process decides.
pub fn install_hook(everywhere: bool) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !everywhere && !IN_REQUEST.with(Cell::get) {
                return previous(info);
            }
            let reference = new_token()[..12].to_string();
            let at = info.location().map_or_else(
                || "an unknown place".to_string(),
                |l| format!("{}:{}", l.file(), l.line()),
            );
            tracing::error!(
                reference = %reference,
                "panic at {at}; its message is not logged, it may quote a request"
            );
            LAST.with(|last| *last.borrow_mut() = Some(reference));
        }));
    });
}

/// Marks the thread as serving a request while the inner future is polled (and not while
/// other requests' futures run on the same thread between polls).
struct InRequest<F>(Pin<Box<F>>);

impl<F: Future> Future for InRequest<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        struct Reset(bool);
        impl Drop for Reset {
            // Also on unwinding, so a panic does not leave the mark behind.
            fn drop(&mut self) {
                IN_REQUEST.with(|f| f.set(self.0));
            }
        }
        let _reset = Reset(IN_REQUEST.with(|f| f.replace(true)));
        self.0.as_mut().poll(cx)
    }
}

/// Catches a panic of everything inside it and answers 500 with the reference logged.
pub async fn catch(
    req: ServiceRequest,
    next: middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let http = req.request().clone();
    let call = InRequest(Box::pin(next.call(req)));
    match AssertUnwindSafe(call).catch_unwind().await {
        Ok(res) => res.map(ServiceResponse::map_into_boxed_body),
        Err(_) => {
            let reference = LAST
                .with(|last| last.borrow_mut().take())
                .unwrap_or_else(|| "unknown".to_string());
            let error: actix_web::Error = if http.path().starts_with("/api/") {
                ApiError::status(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("internal error; reference {reference}"),
                )
                .into()
            } else {
                PageError::PublicWith(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error-server-reference",
                    ("reference", reference),
                )
                .into()
            };
            Ok(ServiceResponse::from_err(error, http))
        }
    }
}
