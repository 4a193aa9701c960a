//! A small in-memory rate limiter per client IP and purpose (public intake, verification
//! links, sign-in): a token bucket that holds `count` requests and refills at `count` per
//! `period`. In memory and per process: behind a load balancer each process counts alone, and
//! behind a reverse proxy every client shares the proxy's address (see README).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use steward_core::config::rates::{Rate, Rates};

/// What a limit protects; each has its own budget per IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// POST /privacy/requests/new.
    Intake,
    /// /privacy/verify/{token}: guessing links.
    Verify,
    /// Passwords, second factors, setup links: guessing secrets.
    Login,
    /// The public consent API and the preference centre's link requests.
    Consent,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Most buckets tracked at once; beyond it, full (idle) buckets are dropped first.
const MAX_BUCKETS: usize = 100_000;

pub struct RateLimiter {
    rates: Rates,
    buckets: Mutex<HashMap<(Limit, IpAddr), Bucket>>,
}

impl RateLimiter {
    pub fn new(rates: Rates) -> Self {
        RateLimiter {
            rates,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn rate(&self, limit: Limit) -> Option<Rate> {
        match limit {
            Limit::Intake => self.rates.intake,
            Limit::Verify => self.rates.verify,
            Limit::Login => self.rates.login,
            Limit::Consent => self.rates.consent,
        }
    }

    /// Takes one request from the bucket, or says in how many seconds to try again.
    pub fn check(&self, limit: Limit, ip: IpAddr) -> Result<(), u64> {
        self.check_at(limit, ip, Instant::now())
    }

    fn check_at(&self, limit: Limit, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let Some(rate) = self.rate(limit) else {
            return Ok(());
        };
        let capacity = f64::from(rate.count);
        let per_sec = capacity / rate.period.as_secs_f64();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS && !buckets.contains_key(&(limit, ip)) {
            buckets.retain(|(l, _), b| {
                let full_after = self.rate(*l).map_or(Duration::ZERO, |r| r.period);
                now.duration_since(b.at) < full_after
            });
            if buckets.len() >= MAX_BUCKETS {
                // Still full of active clients: forget half rather than grow without bound.
                let drop: Vec<_> = buckets.keys().take(MAX_BUCKETS / 2).copied().collect();
                for k in drop {
                    buckets.remove(&k);
                }
            }
        }
        let b = buckets.entry((limit, ip)).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let elapsed = now.duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * per_sec).min(capacity);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - b.tokens) / per_sec).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, n])
    }

    #[test]
    fn a_burst_then_refill() {
        let l = RateLimiter::new(Rates {
            login: Some(Rate::per_minute(3)),
            ..Rates::default()
        });
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check_at(Limit::Login, ip(1), t0).is_ok());
        }
        let wait = l.check_at(Limit::Login, ip(1), t0).unwrap_err();
        assert_eq!(wait, 20, "one token every 20 s");
        assert!(l.check_at(Limit::Login, ip(2), t0).is_ok(), "per IP");
        assert!(l.check_at(Limit::Intake, ip(1), t0).is_ok(), "per purpose");
        assert!(
            l.check_at(Limit::Login, ip(1), t0 + Duration::from_secs(21))
                .is_ok()
        );
        assert!(
            l.check_at(Limit::Login, ip(1), t0 + Duration::from_secs(21))
                .is_err()
        );
    }

    #[test]
    fn off_means_unlimited() {
        let l = RateLimiter::new(Rates {
            intake: None,
            ..Rates::default()
        });
        for _ in 0..1000 {
            assert!(l.check(Limit::Intake, ip(1)).is_ok());
        }
    }
}
