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

/// Where the visitor is, as a trusted proxy or CDN says in `STEWARD_REGION_HEADER` (and
/// `STEWARD_SUBREGION_HEADER`); from anyone else the header is ignored. A value that is not
/// a region (a CDN's `XX` for unknown is one, and finds no rule) counts as none.
pub fn proxy_region(req: &HttpRequest) -> Option<steward_domain::region::Region> {
    let svc = req.app_data::<actix_web::web::Data<Services>>()?;
    let settings = &svc.config.consent;
    let name = settings.region_header.as_deref()?;
    if !svc.config.trusted_proxies.trusts(req.peer_addr()?.ip()) {
        return None;
    }
    let read = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok());
    let sub = settings.subregion_header.as_deref().and_then(read);
    steward_domain::region::Region::of_parts(read(name)?.trim(), sub).ok()
}
