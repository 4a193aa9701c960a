//! Configuration from `STEWARD_*` environment variables. Every value is parsed here, once;
//! a bad one stops start-up with a line naming the variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono_tz::Tz;

use lettre::message::Mailbox;
use steward_connectors::reach::Reach;
use steward_domain::Jurisdiction;
use steward_domain::holidays::{Calendar, CalendarChoice};

use steward_db::DatabaseUrl;
pub mod consent;
pub mod languages;
pub mod proxies;
pub mod rates;

use self::rates::{Rate, Rates};

#[derive(Debug, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: Mailbox,
    pub mail_dir: PathBuf,
    pub secret_key: Option<[u8; 32]>,
    pub timezone: Tz,
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Store tasks are due this many days before the statutory date.
    pub task_lead_days: i64,
    /// How often the scheduler looks for connector jobs and reminders.
    pub scheduler_interval: std::time::Duration,
    /// Per-IP limits on public intake, verification links and sign-in (`STEWARD_RATE_*`).
    pub rates: Rates,
    /// The calendars GDPR and UK GDPR deadlines follow by default: the member state or region
    /// (`STEWARD_GDPR_COUNTRY`; unset, weekends only) and the part of the United Kingdom
    /// (`STEWARD_UK_REGION`; unset, England and Wales). The console's settings win over them.
    pub calendars: CalendarChoice,
    /// Private and loopback hosts stores may reach (`STEWARD_STORE_ALLOW`).
    pub store_allow: Reach,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`STEWARD_TRUSTED_PROXIES`).
    pub trusted_proxies: proxies::TrustedProxies,
    /// The only folder SQLite stores may be in (`STEWARD_SQLITE_STORES_DIR`); none: off.
    pub sqlite_stores_dir: Option<PathBuf>,
    /// Where signed audit checkpoints are appended (`STEWARD_CHECKPOINT_FILE`).
    pub checkpoint_file: Option<PathBuf>,
    /// Closed requests' personal data are erased this many months after closing
    /// (`STEWARD_RETENTION_MONTHS`; 11 CCR 7101(a) keeps request records 24 months).
    pub retention_months: u32,
    /// Kinds of request completed without staff once every store task is settled
    /// (`STEWARD_AUTO_COMPLETE=opt_out,limit_use`); none by default.
    pub auto_complete: Vec<steward_domain::RequestKind>,
    /// When set, `GET /metrics` needs `Authorization: Bearer <this>` (`STEWARD_METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// The consent banner's region, expiry and policy link (`STEWARD_CONSENT_*`).
    pub consent: consent::ConsentSettings,
    /// The shop's default language for customers (`STEWARD_DEFAULT_LANGUAGE`).
    pub languages: languages::LanguageSettings,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Parses from any source of variables, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let fail = |var: &'static str, message: String| ConfigError { var, message };

        let database_url =
            get("STEWARD_DATABASE_URL").unwrap_or_else(|| "sqlite://steward.db".into());
        let database_url =
            DatabaseUrl::parse(&database_url).map_err(|m| fail("STEWARD_DATABASE_URL", m))?;

        let bind = get("STEWARD_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind.parse().map_err(|_| {
            fail(
                "STEWARD_BIND",
                format!("'{bind}' is not an address:port such as 127.0.0.1:8080"),
            )
        })?;

        let tls = match (get("STEWARD_TLS_CERT"), get("STEWARD_TLS_KEY")) {
            (Some(c), Some(k)) => Some((PathBuf::from(c), PathBuf::from(k))),
            (None, None) => None,
            (Some(_), None) => {
                return Err(fail(
                    "STEWARD_TLS_KEY",
                    "must be set with STEWARD_TLS_CERT".into(),
                ));
            }
            (None, Some(_)) => {
                return Err(fail(
                    "STEWARD_TLS_CERT",
                    "must be set with STEWARD_TLS_KEY".into(),
                ));
            }
        };

        let scheme = if tls.is_some() { "https" } else { "http" };
        let base_url = get("STEWARD_BASE_URL").unwrap_or_else(|| format!("{scheme}://{bind}"));
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(fail(
                "STEWARD_BASE_URL",
                "must start with http:// or https://".into(),
            ));
        }
        let base_url = base_url.trim_end_matches('/').to_string();

        let smtp_url = get("STEWARD_SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(fail(
                "STEWARD_SMTP_URL",
                "must start with smtp:// or smtps://".into(),
            ));
        }

        let mail_from =
            get("STEWARD_MAIL_FROM").unwrap_or_else(|| "Steward <privacy@localhost>".into());
        let mail_from: Mailbox = mail_from.parse().map_err(|_| {
            fail(
                "STEWARD_MAIL_FROM",
                "is not an email address such as Privacy <privacy@shop.example>".into(),
            )
        })?;

        let secret_key = get("STEWARD_SECRET_KEY")
            .map(|k| steward_db::crypto::Keys::parse_master(&k))
            .transpose()
            .map_err(|e| fail("STEWARD_SECRET_KEY", e.to_string()))?;

        let tz = get("STEWARD_TIMEZONE").unwrap_or_else(|| "UTC".into());
        let timezone: Tz = tz.parse().map_err(|_| {
            fail(
                "STEWARD_TIMEZONE",
                format!("'{tz}' is not an IANA time zone such as Europe/Berlin"),
            )
        })?;

        let mail_dir = get("STEWARD_MAIL_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("mail"));

        let number = |var: &'static str, default: u64, max: u64| -> Result<u64, ConfigError> {
            match get(var) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n <= max)
                    .ok_or_else(|| {
                        fail(var, format!("'{v}' is not a whole number from 0 to {max}"))
                    }),
            }
        };
        let task_lead_days = number("STEWARD_TASK_LEAD_DAYS", 7, 60)? as i64;
        let retention_months = number("STEWARD_RETENTION_MONTHS", 24, 1200)? as u32;
        if retention_months == 0 {
            return Err(fail(
                "STEWARD_RETENTION_MONTHS",
                "must be at least 1 (request records are evidence of compliance)".into(),
            ));
        }
        let auto_complete = match get("STEWARD_AUTO_COMPLETE") {
            None => Vec::new(),
            Some(v) => v
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(|w| {
                    w.parse::<steward_domain::RequestKind>().map_err(|_| {
                        fail(
                            "STEWARD_AUTO_COMPLETE",
                            format!(
                                "'{w}' is not a request kind; use a comma-separated list of: {}",
                                steward_domain::RequestKind::ALL
                                    .iter()
                                    .map(|k| k.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        let scheduler_interval = std::time::Duration::from_millis(
            number("STEWARD_SCHEDULER_INTERVAL_MS", 5000, 3_600_000)?.max(50),
        );
        let mut rates = Rates::default();
        for (var, slot) in [
            ("STEWARD_RATE_INTAKE", &mut rates.intake),
            ("STEWARD_RATE_VERIFY", &mut rates.verify),
            ("STEWARD_RATE_LOGIN", &mut rates.login),
            ("STEWARD_RATE_CONSENT", &mut rates.consent),
        ] {
            if let Some(v) = get(var) {
                *slot = Rate::parse(&v).map_err(|m| fail(var, m))?;
            }
        }

        let mut calendars = CalendarChoice::default();
        for (var, j) in [
            ("STEWARD_GDPR_COUNTRY", Jurisdiction::Gdpr),
            ("STEWARD_UK_REGION", Jurisdiction::UkGdpr),
        ] {
            let Some(v) = get(var) else { continue };
            let mut key = v.trim().to_ascii_lowercase();
            if j == Jurisdiction::UkGdpr && !key.starts_with("gb-") {
                // The specification's short spelling: `eng`, `sct`, `nir`.
                key = format!("gb-{key}");
            }
            let chosen = key
                .parse::<Calendar>()
                .ok()
                .and_then(|c| calendars.with(j, Some(c)).ok());
            calendars = chosen.ok_or_else(|| {
                let allowed: Vec<&str> = Calendar::ALL
                    .iter()
                    .filter(|c| calendars.with(j, Some(**c)).is_ok())
                    .map(|c| c.key())
                    .collect();
                fail(var, format!("'{v}' is not one of: {}", allowed.join(", ")))
            })?;
        }

        let store_allow = Reach::parse(&get("STEWARD_STORE_ALLOW").unwrap_or_default())
            .map_err(|m| fail("STEWARD_STORE_ALLOW", m))?;
        let sqlite_stores_dir =
            match get("STEWARD_SQLITE_STORES_DIR").filter(|d| !d.trim().is_empty()) {
                None => None,
                Some(d) => {
                    let p = PathBuf::from(d.trim());
                    if !p.is_absolute() || !p.is_dir() {
                        return Err(fail(
                            "STEWARD_SQLITE_STORES_DIR",
                            format!(
                                "'{}' is not an existing folder given by its absolute path",
                                p.display()
                            ),
                        ));
                    }
                    Some(p)
                }
            };

        let trusted_proxies =
            proxies::TrustedProxies::parse(&get("STEWARD_TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|m| fail("STEWARD_TRUSTED_PROXIES", m))?;

        let checkpoint_file = get("STEWARD_CHECKPOINT_FILE")
            .filter(|f| !f.trim().is_empty())
            .map(PathBuf::from);

        let consent = consent::ConsentSettings::from_lookup(&get)
            .map_err(|(var, message)| fail(var, message))?;

        let languages = languages::LanguageSettings::from_lookup(&get)
            .map_err(|(var, message)| fail(var, message))?;

        Ok(Config {
            languages,
            consent,
            checkpoint_file,
            store_allow,
            trusted_proxies,
            sqlite_stores_dir,
            calendars,
            rates,
            database_url,
            bind,
            base_url,
            smtp_url,
            mail_from,
            mail_dir,
            secret_key,
            timezone,
            tls,
            task_lead_days,
            retention_months,
            auto_complete,
            metrics_token: get("STEWARD_METRICS_TOKEN"),
            scheduler_interval,
        })
    }

    /// The append-only file of signed audit checkpoints: `STEWARD_CHECKPOINT_FILE`, or beside
    /// the key.
    pub fn checkpoint_file(&self) -> PathBuf {
        if let Some(f) = &self.checkpoint_file {
            return f.clone();
        }
        self.key_file()
            .parent()
            .map(|d| d.join(crate::audit::checkpoint::FILE_NAME))
            .unwrap_or_else(|| PathBuf::from(crate::audit::checkpoint::FILE_NAME))
    }

    /// Where stores may be reached, with Steward's own files fenced off.
    pub fn reach(&self) -> Reach {
        let mut own = vec![self.key_file(), self.mail_dir.clone()];
        if let DatabaseUrl::Sqlite(db) = &self.database_url {
            own.push(db.clone());
            if let Some(dir) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
                own.push(dir.to_path_buf());
            } else {
                own.push(PathBuf::from("."));
            }
        }
        self.store_allow
            .clone()
            .with_sqlite(self.sqlite_stores_dir.clone(), own)
    }

    /// The key file sits beside the SQLite database (never inside it); for PostgreSQL, in the
    /// working directory.
    pub fn key_file(&self) -> PathBuf {
        match &self.database_url {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| p.join("steward.key"))
                .unwrap_or_else(|| PathBuf::from("steward.key")),
            DatabaseUrl::Postgres(_) => PathBuf::from("steward.key"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_need_nothing() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.database_url, DatabaseUrl::Sqlite("steward.db".into()));
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert_eq!(c.timezone, chrono_tz::UTC);
        assert!(c.smtp_url.is_none());
        assert_eq!(c.key_file(), PathBuf::from("steward.key"));
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (var, value) in [
            ("STEWARD_DATABASE_URL", "mysql://x"),
            ("STEWARD_BIND", "localhost"),
            ("STEWARD_TIMEZONE", "Mars/Olympus"),
            ("STEWARD_SECRET_KEY", "tooshort"),
            ("STEWARD_SMTP_URL", "http://x"),
            ("STEWARD_MAIL_FROM", "not an address"),
            ("STEWARD_BASE_URL", "ftp://x"),
            ("STEWARD_TLS_CERT", "/tmp/cert.pem"),
            ("STEWARD_TASK_LEAD_DAYS", "a week"),
            ("STEWARD_SCHEDULER_INTERVAL_MS", "-1"),
            ("STEWARD_RATE_LOGIN", "lots"),
            ("STEWARD_RATE_INTAKE", "5/fortnight"),
        ] {
            let err = parse(&[(var, value)]).unwrap_err();
            let expect = if var == "STEWARD_TLS_CERT" {
                "STEWARD_TLS_KEY"
            } else {
                var
            };
            assert_eq!(err.var, expect, "{var}={value}");
            assert!(err.to_string().starts_with(expect));
        }
    }

    #[test]
    fn key_file_sits_beside_the_database() {
        let c = parse(&[("STEWARD_DATABASE_URL", "sqlite:///var/lib/steward/data.db")]).unwrap();
        assert_eq!(c.key_file(), PathBuf::from("/var/lib/steward/steward.key"));
    }
}
