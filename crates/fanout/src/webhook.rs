//! A signed webhook: opened records POSTed as JSON batches to the organisation's HTTPS
//! endpoint, for organisations whose list lives elsewhere than Action Network.
//!
//! Each request carries:
//! - `Placard-Signature: t=UNIX_SECONDS,v1=HEX` — HMAC-SHA256, keyed with the shared secret,
//!   over `UNIX_SECONDS` `.` and the exact body bytes. A receiver recomputes it, compares in
//!   constant time and refuses a `t` too far from its clock ([`verify`] does all three);
//! - `Idempotency-Key: BATCH_ID` — the batch id is derived from the batch's record ids, so a
//!   batch sent again (a retry, a resumed run) carries the same id and a receiver can drop it.
//!
//! Body: `{"batch_id": "…", "records": [ … ]}`, each record as `placard export --format jsonl`
//! writes it. 2xx settles the batch's records; 5xx and network errors are retried with jittered
//! backoff, then left for the next run; 401 and 403 stop the run (a wrong secret must not
//! fail every record for good); another 4xx fails them with the receiver's reason.

use std::time::Duration;

use placard_vault::Record;
use rand::rngs::SmallRng;
use rand::{Rng as _, SeedableRng as _};
use ring::hmac;
use uuid::Uuid;

/// The header the signature travels in.
pub const SIGNATURE_HEADER: &str = "placard-signature";
/// Tries for one batch through 5xx answers and network errors.
pub const MAX_ATTEMPTS: u32 = 6;

#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("the webhook URL must be https:// (http:// only to this machine): {0}")]
    NotHttps(String),
    #[error("the webhook secret must be at least 16 characters")]
    WeakSecret,
}

/// What became of one batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    Accepted,
    /// Refused for good (a 4xx), with the receiver's reason.
    Refused(String),
    /// Still failing after [`MAX_ATTEMPTS`]; left for the next run.
    Deferred(String),
    /// 401 or 403: the receiver does not accept our signature (a wrong secret). Nothing is
    /// settled, so the records go once the secret is fixed.
    Unauthorized(u16),
}

pub struct Webhook {
    http: reqwest::Client,
    url: url::Url,
    key: hmac::Key,
    pub min_wait: Duration,
    pub max_wait: Duration,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret.
        f.debug_struct("Webhook")
            .field("url", &self.url.as_str())
            .finish_non_exhaustive()
    }
}

impl Webhook {
    /// Where it sends.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    /// Whether `url` names this endpoint (compared as URLs: `https://x.org` is `https://x.org/`).
    pub fn is_at(&self, url: &str) -> bool {
        url::Url::parse(url).is_ok_and(|u| u == self.url)
    }

    pub fn new(url: &str, secret: &str) -> Result<Self, WebhookError> {
        let url =
            url::Url::parse(url).map_err(|e| WebhookError::NotHttps(format!("{url}: {e}")))?;
        let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if url.scheme() != "https" && !(url.scheme() == "http" && local) {
            return Err(WebhookError::NotHttps(url.to_string()));
        }
        if secret.chars().count() < 16 {
            return Err(WebhookError::WeakSecret);
        }
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| WebhookError::NotHttps(e.to_string()))?;
        Ok(Self {
            http,
            url,
            key: hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes()),
            min_wait: Duration::from_secs(1),
            max_wait: Duration::from_secs(60),
        })
    }

    /// Sends one batch, retrying what may pass.
    pub async fn deliver(&self, records: &[Record]) -> Delivered {
        let batch_id = batch_id(records);
        let body = serde_json::json!({ "batch_id": batch_id, "records": records }).to_string();
        let mut rng = SmallRng::from_os_rng();
        let mut attempt = 0u32;
        loop {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs();
            let answer = self
                .http
                .post(self.url.clone())
                .header("content-type", "application/json")
                .header("idempotency-key", batch_id.to_string())
                .header(SIGNATURE_HEADER, signature(&self.key, now, body.as_bytes()))
                .body(body.clone())
                .send()
                .await;
            let transient = match answer {
                Ok(r) if r.status().is_success() => return Delivered::Accepted,
                Ok(r) if matches!(r.status().as_u16(), 401 | 403) => {
                    return Delivered::Unauthorized(r.status().as_u16());
                }
                Ok(r) if r.status().is_server_error() => {
                    format!(
                        "the receiver: {}",
                        crate::action_network::refusal(r.status().as_u16())
                    )
                }
                // Its status and a fixed category, never the receiver's own words.
                Ok(r) => {
                    return Delivered::Refused(format!(
                        "the receiver: {}",
                        crate::action_network::refusal(r.status().as_u16())
                    ));
                }
                Err(e) => format!("no answer: {e}"),
            };
            attempt += 1;
            if attempt >= MAX_ATTEMPTS {
                return Delivered::Deferred(transient);
            }
            let cap = self
                .min_wait
                .saturating_mul(1 << (attempt - 1).min(16))
                .min(self.max_wait);
            let millis = u64::try_from(cap.as_millis()).unwrap_or(u64::MAX);
            tokio::time::sleep(Duration::from_millis(rng.random_range(0..=millis))).await;
        }
    }
}

/// The batch id for these records: the same records give the same id.
pub fn batch_id(records: &[Record]) -> Uuid {
    let mut ids: Vec<Uuid> = records.iter().map(|r| r.record_id).collect();
    ids.sort_unstable();
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for id in ids {
        ctx.update(id.as_bytes());
    }
    let digest = ctx.finish();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest.as_ref()[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// `t=…,v1=…` for `body` sent at `t`.
fn signature(key: &hmac::Key, t: u64, body: &[u8]) -> String {
    let mut ctx = hmac::Context::with_key(key);
    ctx.update(t.to_string().as_bytes());
    ctx.update(b".");
    ctx.update(body);
    let tag = ctx.sign();
    let hex: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={t},v1={hex}")
}

/// For receivers: whether `header` is a valid signature of `body` under `secret`, made within
/// `window_secs` of `now` (seconds since the epoch).
pub fn verify(secret: &str, header: &str, body: &[u8], now: u64, window_secs: u64) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<u64>().ok(),
            Some(("v1", value)) => v1 = Some(value),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    if t.abs_diff(now) > window_secs || v1.len() % 2 != 0 {
        return false;
    }
    let Some(tag) = (0..v1.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(v1.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let mut message = t.to_string().into_bytes();
    message.push(b'.');
    message.extend_from_slice(body);
    // Constant time, by ring.
    hmac::verify(&key, &message, &tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_and_any_change_breaks_it() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"a shared secret of some length");
        let body = br#"{"batch_id":"x","records":[]}"#;
        let header = signature(&key, 1_800_000_000, body);
        let secret = "a shared secret of some length";
        assert!(verify(secret, &header, body, 1_800_000_010, 300));
        assert!(
            !verify(secret, &header, b"{\"batch_id\":\"y\"}", 1_800_000_010, 300),
            "tampered body"
        );
        assert!(!verify(
            "another secret, also long",
            &header,
            body,
            1_800_000_010,
            300
        ));
        assert!(
            !verify(secret, &header, body, 1_800_001_000, 300),
            "too old"
        );
        assert!(!verify(secret, "t=1,v1=zz", body, 1, 300));
        assert!(!verify(secret, "", body, 1, 300));
    }

    #[test]
    fn only_https_or_this_machine_and_a_real_secret() {
        let secret = "0123456789abcdef";
        assert!(Webhook::new("https://crm.example.org/hook", secret).is_ok());
        assert!(Webhook::new("http://127.0.0.1:9000/hook", secret).is_ok());
        assert!(matches!(
            Webhook::new("http://crm.example.org/hook", secret),
            Err(WebhookError::NotHttps(_))
        ));
        assert!(matches!(
            Webhook::new("https://crm.example.org/hook", "short"),
            Err(WebhookError::WeakSecret)
        ));
    }
}
