//! `STEWARD_TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` names the client.
//! Rate limits, sign-in back-off (per account and client) and consent proofs key on the
//! client worked out here; from anyone else the header is ignored, so it cannot be forged.

use std::net::IpAddr;

use ipnet::IpNet;

/// The parsed `STEWARD_TRUSTED_PROXIES`: addresses and CIDRs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("'{item}' is not an address or a CIDR"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(&ip))
    }

    /// Who is asking, given the connecting peer and its `X-Forwarded-For` headers: the peer
    /// itself unless it is a trusted proxy; behind one, the client it forwarded.
    pub fn client<'a>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'a str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        self.forwarded_client(forwarded).unwrap_or(peer)
    }

    /// The client behind a trusted peer: the right-most address of the forwarded chain that
    /// is not itself a trusted proxy (the left part is whatever the client claimed). `None`
    /// when the chain is missing or unreadable.
    pub fn forwarded_client<'a>(&self, headers: impl Iterator<Item = &'a str>) -> Option<IpAddr> {
        let chain: Vec<&str> = headers.flat_map(|h| h.split(',')).map(str::trim).collect();
        let mut last = None;
        for item in chain.iter().rev() {
            let ip = parse_hop(item)?;
            if !self.trusts(ip) {
                return Some(ip);
            }
            last = Some(ip);
        }
        last
    }
}

/// One hop: an address, an IPv6 address in brackets, either with a port.
fn parse_hop(s: &str) -> Option<IpAddr> {
    if let Ok(ip) = s.parse() {
        return Some(ip);
    }
    if let Ok(sock) = s.parse::<std::net::SocketAddr>() {
        return Some(sock.ip());
    }
    s.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let t = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        assert_eq!(
            t.forwarded_client(["198.51.100.9, 203.0.113.7, 10.1.2.3"].into_iter()),
            Some(ip("203.0.113.7")),
            "what the client claimed (198.51.100.9) is not believed"
        );
        assert_eq!(
            t.forwarded_client(["203.0.113.7", "10.1.2.3"].into_iter()),
            Some(ip("203.0.113.7")),
            "several headers are one chain"
        );
        assert_eq!(
            t.forwarded_client(["[2001:db8::1]:443"].into_iter()),
            Some(ip("2001:db8::1"))
        );
        assert_eq!(t.forwarded_client(["not-an-ip"].into_iter()), None);
        assert_eq!(t.forwarded_client(std::iter::empty()), None);
    }

    #[test]
    fn settings_are_addresses_or_cidrs() {
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
        assert!(TrustedProxies::parse("proxy.internal").is_err());
        let t = TrustedProxies::parse("::1, 192.168.0.0/16").unwrap();
        assert!(t.trusts(ip("::1")) && t.trusts(ip("192.168.4.5")) && !t.trusts(ip("8.8.8.8")));
    }
}
