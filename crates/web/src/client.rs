//! Who is asking: the connecting address, or, when it is a reverse proxy an administrator
//! trusts (`STEWARD_TRUSTED_PROXIES`), the address that proxy forwarded in `X-Forwarded-For`.

use std::net::IpAddr;

use actix_web::HttpRequest;
use steward_core::workflow::Services;

/// The client's address as rate limits, back-off and proofs see it.
pub fn client_ip(req: &HttpRequest) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let trusted = &req
        .app_data::<actix_web::web::Data<Services>>()?
        .config
        .trusted_proxies;
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok());
    Some(trusted.client(peer, forwarded))
}
