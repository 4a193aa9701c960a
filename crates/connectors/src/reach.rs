//! Where stores may be reached. Public addresses are allowed; loopback and private addresses
//! only when an administrator lists them (`STEWARD_STORE_ALLOW`: host names and CIDRs);
//! link-local, cloud metadata, unspecified and multicast addresses never, listed or not. Names
//! are resolved and every address checked, and a webhook is then called at the address that
//! was checked, so a name cannot be re-pointed between check and call.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use ipnet::IpNet;

use crate::connector::ConnectorError;

/// The parsed `STEWARD_STORE_ALLOW`, the folder SQLite stores may live in
/// (`STEWARD_SQLITE_STORES_DIR`), and Steward's own files, which no store may be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    hosts: Vec<String>,
    nets: Vec<IpNet>,
    sqlite_dir: Option<PathBuf>,
    own_files: Vec<PathBuf>,
    /// The instance id in Steward's own database, which no store's connection may lead to.
    own_instance: Option<String>,
}

impl Reach {
    /// A comma-separated list of host names, addresses and CIDRs.
    pub fn parse(list: &str) -> Result<Reach, String> {
        let mut r = Reach::default();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if let Ok(net) = item.parse::<IpNet>() {
                r.nets.push(net);
            } else if let Ok(ip) = item.parse::<IpAddr>() {
                r.nets.push(IpNet::from(ip));
            } else if item
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            {
                r.hosts.push(item.to_ascii_lowercase());
            } else {
                return Err(format!("'{item}' is not a host name, an address or a CIDR"));
            }
        }
        Ok(r)
    }

    /// SQLite stores only inside `dir`; never one of `own` (Steward's database, its key, its
    /// data folder). Paths are compared after resolving links.
    pub fn with_sqlite(mut self, dir: Option<PathBuf>, own: Vec<PathBuf>) -> Reach {
        self.sqlite_dir = dir.map(|d| d.canonicalize().unwrap_or(d));
        self.own_files = own
            .into_iter()
            .map(|p| p.canonicalize().unwrap_or(p))
            .collect();
        self
    }

    /// Steward's own database, known by the instance id stored in it: every connection to a
    /// store is refused if it leads to a database that holds it.
    pub fn with_own_instance(mut self, id: String) -> Reach {
        self.own_instance = Some(id);
        self
    }

    pub fn own_instance(&self) -> Option<&str> {
        self.own_instance.as_deref()
    }

    /// Checks a SQLite store's file; the resolved path, or an error that tells nothing about
    /// other files (whether they exist, what they hold).
    pub fn sqlite_path(&self, path: &str) -> Result<PathBuf, ConnectorError> {
        let Some(dir) = &self.sqlite_dir else {
            return Err(ConnectorError::Config(
                "SQLite stores are off: an administrator allows a folder for them with STEWARD_SQLITE_STORES_DIR"
                    .into(),
            ));
        };
        // One answer whether the file is missing, elsewhere, or not a file: nothing is learnt
        // about other paths.
        let cannot = || {
            ConnectorError::Config(format!(
                "cannot open this database (SQLite stores must be files inside {})",
                dir.display()
            ))
        };
        let resolved = Path::new(path).canonicalize().map_err(|_| cannot())?;
        if !resolved.starts_with(dir) || !resolved.is_file() {
            return Err(cannot());
        }
        let own = self.own_files.iter().any(|f| {
            same_file(&resolved, f)
                || resolved == *f
                || (f.is_dir() && resolved.parent() == Some(f.as_path()))
                || resolved
                    .to_string_lossy()
                    .starts_with(&format!("{}-", f.display()))
        });
        if own {
            return Err(ConnectorError::Config(
                "Steward's own database and files can never be a store".into(),
            ));
        }
        Ok(resolved)
    }

    /// Whether an address (reached under `host`) may be contacted.
    pub fn allows(&self, host: &str, ip: IpAddr) -> bool {
        if never(ip) {
            return false;
        }
        if !restricted(ip) {
            return true;
        }
        self.nets.iter().any(|n| n.contains(&ip))
            || self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// Resolves `host:port` and checks every address; the addresses, or an error that says
    /// only that the store cannot be reached there.
    pub async fn resolve(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, ConnectorError> {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((host, port))
                .await
                .map_err(|_| ConnectorError::Unreachable(format!("cannot resolve {host}")))?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(ConnectorError::Unreachable(format!(
                "cannot resolve {host}"
            )));
        }
        if let Some(bad) = addrs.iter().find(|a| !self.allows(host, a.ip())) {
            return Err(ConnectorError::Config(format!(
                "{host} ({}) is not an address stores may reach; an administrator can allow it with STEWARD_STORE_ALLOW",
                bad.ip()
            )));
        }
        Ok(addrs)
    }
}

/// Addresses no store may be at: link-local (cloud metadata lives there), unspecified,
/// multicast and broadcast.
fn never(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_link_local() || v4.is_unspecified() || v4.is_multicast() || v4.is_broadcast()
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = embedded_v4(v6) {
                return never(IpAddr::V4(v4));
            }
            v6.is_unspecified()
                || v6.is_multicast()
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                // AWS's IPv6 metadata endpoint.
                || v6 == "fd00:ec2::254".parse::<std::net::Ipv6Addr>().expect("literal")
        }
    }
}

/// The IPv4 address an IPv6 address carries, in the forms that reach it: mapped
/// (`::ffff:a.b.c.d`), translated (`::ffff:0:a.b.c.d`), compatible (`::a.b.c.d`), NAT64
/// (`64:ff9b::/96`) and 6to4 (`2002::/16`).
fn embedded_v4(v6: std::net::Ipv6Addr) -> Option<std::net::Ipv4Addr> {
    let s = v6.segments();
    let o = v6.octets();
    if let Some(v4) = v6.to_ipv4_mapped() {
        return Some(v4);
    }
    if s[..6] == [0, 0, 0, 0, 0, 0] && !(s[6] == 0 && s[7] <= 1) {
        return Some(std::net::Ipv4Addr::new(o[12], o[13], o[14], o[15]));
    }
    // SIIT's IPv4-translated form (`::ffff:0:a.b.c.d`) and NAT64's well-known prefix.
    if s[..6] == [0, 0, 0, 0, 0xffff, 0] || s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(std::net::Ipv4Addr::new(o[12], o[13], o[14], o[15]));
    }
    if s[0] == 0x2002 {
        return Some(std::net::Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    None
}

/// Addresses only an administrator may open: loopback (Steward itself), private networks.
fn restricted(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                // Carrier-grade NAT (100.64.0.0/10) and benchmarking networks (198.18.0.0/15).
                || o[0] == 100 && (o[1] & 0xc0) == 64
                || o[0] == 198 && (o[1] & 0xfe) == 18
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = embedded_v4(v6) {
                return restricted(IpAddr::V4(v4));
            }
            let s = v6.segments();
            // Unique local addresses, and NAT64's local-use prefix (`64:ff9b:1::/48`, RFC
            // 8215), which translates into a network of the operator's.
            v6.is_loopback() || (s[0] & 0xfe00) == 0xfc00 || s[..3] == [0x64, 0xff9b, 1]
        }
    }
}

/// The same file under another name (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.is_file() && x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let _ = (a, b);
    false
}

/// Host and port of a URL (with the scheme's default port).
pub fn host_port(url: &str, default_port: u16) -> Option<(String, u16)> {
    let u = url::Url::parse(url).ok()?;
    let host = u.host_str()?.to_string();
    Some((host, u.port().unwrap_or(default_port)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn private_only_when_listed_metadata_never() {
        let none = Reach::default();
        assert!(none.allows("shop.example", ip("93.184.216.34")));
        assert!(none.allows("x", ip("198.17.255.255")) && none.allows("x", ip("198.20.0.1")));
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.1",
            "172.16.0.9",
            "::1",
            "fd12::1",
            "100.64.0.1",
            "198.18.0.1",
            "198.19.255.254",
        ] {
            assert!(!none.allows("x", ip(a)), "{a}");
        }
        for a in [
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:c0a8:101::1",
            "64:ff9b::a9fe:a9fe",
            "::ffff:0:7f00:1",
            "64:ff9b:1::a00:1",
        ] {
            assert!(
                !none.allows("x", ip(a)),
                "{a}: an IPv4 address in IPv6 form"
            );
        }
        for a in [
            "169.254.169.254",
            "0.0.0.0",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "224.0.0.1",
            "::ffff:169.254.169.254",
        ] {
            assert!(!none.allows("x", ip(a)), "{a}");
        }
        let listed = Reach::parse("127.0.0.1, 10.0.0.0/8, db.internal, 169.254.0.0/16").unwrap();
        assert!(listed.allows("x", ip("127.0.0.1")) && listed.allows("x", ip("10.9.9.9")));
        assert!(listed.allows("db.internal", ip("192.168.5.5")), "by name");
        assert!(!listed.allows("x", ip("192.168.5.5")));
        assert!(
            !listed.allows("x", ip("169.254.169.254")),
            "never, even when listed"
        );
        assert!(Reach::parse("http://x").is_err());
    }

    #[test]
    fn urls_give_host_and_port() {
        assert_eq!(
            host_port("postgres://u:p@db.example:6543/x", 5432),
            Some(("db.example".into(), 6543))
        );
        assert_eq!(
            host_port("mysql://root@127.0.0.1/test", 3306),
            Some(("127.0.0.1".into(), 3306))
        );
        assert_eq!(
            host_port("https://hooks.example/a", 443),
            Some(("hooks.example".into(), 443))
        );
        assert_eq!(host_port("postgres:///db?host=/run/pg", 5432), None);
    }
}
