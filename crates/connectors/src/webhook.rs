//! The webhook connector: a signed JSON POST to the store's endpoint; the store answers later
//! through the task's result API. Signature: `X-Steward-Signature: v1=<hex>` with HMAC-SHA256
//! over `"{timestamp}.{body}"` and the store's secret; the timestamp header lets the receiver
//! refuse replays.

use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::connector::{Connector, ConnectorError, Job, Outcome, Subject, TaskInfo};

/// How far a signed timestamp may be from now, either way.
pub const MAX_SKEW_SECONDS: i64 = 300;

pub struct WebhookConnector {
    pub url: String,
    pub secret: String,
    pub client: reqwest::Client,
}

/// A client for one webhook URL whose host was checked against `reach`, pinned to the
/// checked address so the name cannot point elsewhere by the time of the call.
pub async fn client_for(
    url: &str,
    reach: &super::reach::Reach,
) -> Result<reqwest::Client, ConnectorError> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ConnectorError::Config(
            "the webhook URL must be http(s)".into(),
        ));
    }
    let default_port = if url.starts_with("https://") { 443 } else { 80 };
    let (host, port) = super::reach::host_port(url, default_port)
        .filter(|(h, _)| !h.is_empty())
        .ok_or_else(|| ConnectorError::Config("the webhook URL names no host".into()))?;
    let addrs = reach.resolve(&host, port).await?;
    Ok(reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .connect_timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .resolve_to_addrs(&host, &addrs)
        .user_agent(concat!("Steward/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("a client with rustls and no proxies builds"))
}

pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// A store's signed answer for one task: `v2=` HMAC-SHA256 over
/// `"{timestamp}.{task_id}.{nonce}.{body}"`, sent with `X-Steward-Timestamp` and
/// `X-Steward-Nonce` (16 to 128 letters, digits, `-` or `_`, never used twice). Binding the
/// task and a single-use nonce means a captured answer cannot be replayed, to its task or
/// another.
pub fn sign_callback(
    secret: &str,
    timestamp: i64,
    task_id: &str,
    nonce: &str,
    body: &[u8],
) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{timestamp}.{task_id}.{nonce}.").as_bytes());
    mac.update(body);
    format!("v2={}", hex::encode(mac.finalize().into_bytes()))
}

/// Whether a nonce has the shape [`sign_callback`] asks for.
pub fn nonce_ok(nonce: &str) -> bool {
    (16..=128).contains(&nonce.len())
        && nonce
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Checks a callback signature made by [`sign_callback`], in constant time, within the
/// allowed clock skew. (Whether the nonce is new is the caller's to check.)
pub fn verify_callback(
    secret: &str,
    timestamp: &str,
    task_id: &str,
    nonce: &str,
    signature: &str,
    body: &[u8],
    now: i64,
) -> bool {
    let Ok(ts) = timestamp.parse::<i64>() else {
        return false;
    };
    if now
        .checked_sub(ts)
        .is_none_or(|d| d.abs() > MAX_SKEW_SECONDS)
        || !nonce_ok(nonce)
    {
        return false;
    }
    let Some(given) = signature
        .strip_prefix("v2=")
        .and_then(|h| hex::decode(h).ok())
    else {
        return false;
    };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{ts}.{task_id}.{nonce}.").as_bytes());
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

/// Checks a signature made by [`sign`], in constant time, within the allowed clock skew.
pub fn verify(secret: &str, timestamp: &str, signature: &str, body: &[u8], now: i64) -> bool {
    let Ok(ts) = timestamp.parse::<i64>() else {
        return false;
    };
    if now
        .checked_sub(ts)
        .is_none_or(|d| d.abs() > MAX_SKEW_SECONDS)
    {
        return false;
    }
    let Some(given) = signature
        .strip_prefix("v1=")
        .and_then(|h| hex::decode(h).ok())
    else {
        return false;
    };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(ts.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

impl Connector for WebhookConnector {
    async fn run(
        &self,
        job: Job,
        subject: &Subject,
        task: &TaskInfo,
    ) -> Result<Outcome, ConnectorError> {
        let action = match job {
            Job::Access => "access",
            Job::Erase => "erase",
            Job::Correct => "correct",
            Job::Confirm => "confirm",
        };
        let mut payload = serde_json::json!({
            "task": task,
            "action": action,
            "subject": {"email": subject.email},
        });
        // A correction names each category and its new value: the store applies them.
        if job == Job::Correct {
            payload["corrections"] = serde_json::json!(subject.corrections);
        }
        let body = serde_json::to_vec(&payload).expect("plain JSON");
        let ts = chrono::Utc::now().timestamp();
        let res = self
            .client
            .post(&self.url)
            .header("Content-Type", "application/json")
            .header("X-Steward-Timestamp", ts.to_string())
            .header("X-Steward-Signature", sign(&self.secret, ts, &body))
            .header("X-Steward-Task", task.task_id.as_str())
            .body(body)
            .send()
            .await
            .map_err(|_| ConnectorError::Unreachable("the webhook did not answer".into()))?;
        let status = res.status();
        if status.is_success() {
            return Ok(Outcome::Sent);
        }
        // The body is not kept: it would let staff read whatever the URL points at.
        Err(ConnectorError::Rejected {
            status: status.as_u16(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_untampered_and_fresh() {
        let body = br#"{"a":1}"#;
        let sig = sign("s3cret", 1_700_000_000, body);
        assert!(verify("s3cret", "1700000000", &sig, body, 1_700_000_100));
        assert!(
            !verify("s3cret", "1700000000", &sig, br#"{"a":2}"#, 1_700_000_100),
            "body changed"
        );
        assert!(
            !verify("other", "1700000000", &sig, body, 1_700_000_100),
            "wrong secret"
        );
        assert!(
            !verify("s3cret", "1700000001", &sig, body, 1_700_000_100),
            "timestamp changed"
        );
        assert!(
            !verify(
                "s3cret",
                "1700000000",
                &sig,
                body,
                1_700_000_000 + MAX_SKEW_SECONDS + 1
            ),
            "replayed too late"
        );
        assert!(!verify(
            "s3cret",
            "1700000000",
            "v1=zz",
            body,
            1_700_000_000
        ));
        assert!(!verify("s3cret", "soon", &sig, body, 1_700_000_000));
    }
}
