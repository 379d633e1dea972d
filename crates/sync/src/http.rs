//! The HTTP transport: `reqwest` (rustls) to the collector, every batch signed with the
//! device key (RFC 9421 over method, path and Content-Digest, with `created` and a nonce).

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SecureRandom as _;

use crate::engine::{Transport, TransportError};
use crate::signing::RequestSigner;
use crate::wire::{Ack, Batch};

/// A collector at `base` (e.g. `https://collect.example.org/`), as one device.
#[derive(Debug)]
pub struct HttpTransport {
    client: reqwest::Client,
    base: url::Url,
    signer: RequestSigner,
}

impl HttpTransport {
    pub fn new(base: url::Url, signer: RequestSigner) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| TransportError::Unreachable(e.to_string()))?;
        Ok(Self {
            client,
            base,
            signer,
        })
    }

    fn url(&self, path: &str) -> Result<url::Url, TransportError> {
        self.base
            .join(path)
            .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))
    }
}

fn unreachable(e: &reqwest::Error) -> TransportError {
    TransportError::Unreachable(e.to_string())
}

/// The most the kiosk reads of each kind of answer. A collector (or whoever answers in its
/// place) could otherwise send without end and fill the kiosk's memory; past its cap an answer
/// is refused, whatever it says.
pub mod caps {
    /// An acknowledgement lists the ids of one batch (at most a few thousand records).
    pub const ACK: usize = 1 << 20;
    /// The list of packs on offer.
    pub const LISTING: usize = 256 << 10;
    /// One petition pack, images included.
    pub const PACK: usize = 64 << 20;
    /// A refusal, a health answer, an enrolment's answer: a line of JSON.
    pub const SMALL: usize = 16 << 10;
}

/// Reads `r`'s body, refusing it as soon as it passes `cap` bytes (before reading it at all
/// when its `Content-Length` says it would): what a hostile answer can make the kiosk hold is
/// bounded by the cap, not by the answer.
async fn read_capped(mut r: reqwest::Response, cap: usize) -> Result<Vec<u8>, TransportError> {
    let status = r.status().as_u16();
    let too_long = || TransportError::Refused {
        status,
        reason: format!("the answer is longer than the {cap} bytes the kiosk reads"),
    };
    if r.content_length().is_some_and(|n| n > cap as u64) {
        return Err(too_long());
    }
    // The chunks are kept as they come and joined once at the end, so a growing buffer's
    // copies never hold twice the answer.
    let (mut chunks, mut len) = (Vec::new(), 0usize);
    while let Some(chunk) = r.chunk().await.map_err(|e| unreachable(&e))? {
        len += chunk.len();
        if len > cap {
            return Err(too_long());
        }
        chunks.push(chunk);
    }
    let mut body = Vec::with_capacity(len);
    for chunk in chunks {
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `Ok` for a 2xx answer; otherwise `Refused` with the status and (the start of) the body.
async fn refused_unless_ok(r: reqwest::Response) -> Result<(), TransportError> {
    let status = r.status();
    if status.is_success() {
        return Ok(());
    }
    let body = read_capped(r, caps::SMALL).await?;
    Err(TransportError::Refused {
        status: status.as_u16(),
        reason: refusal_reason(&body),
    })
}

/// The collector's refusal (`{"code", "reason"}`) as "reason (code)"; any other body, as text,
/// cut short.
fn refusal_reason(body: &[u8]) -> String {
    #[derive(serde::Deserialize)]
    struct Refusal {
        code: String,
        reason: String,
    }
    match serde_json::from_slice::<Refusal>(body) {
        Ok(r) => format!("{} ({})", r.reason, r.code),
        Err(_) => String::from_utf8_lossy(body).chars().take(300).collect(),
    }
}

fn nonce() -> Result<String, TransportError> {
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| TransportError::Unreachable("no random numbers for a nonce".into()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

impl Transport for HttpTransport {
    async fn health(&self) -> Result<(), TransportError> {
        let r = self
            .client
            .get(self.url("v1/health")?)
            .send()
            .await
            .map_err(|e| unreachable(&e))?;
        refused_unless_ok(r).await
    }

    async fn upload(&self, batch: &Batch) -> Result<Ack, TransportError> {
        let body = serde_json::to_vec(batch).map_err(|e| TransportError::Refused {
            status: 0,
            reason: e.to_string(),
        })?;
        let url = self.url("v1/batches")?;
        let created = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
        let signed = self
            .signer
            .sign("POST", url.path(), &body, created, &nonce()?)
            .map_err(|e| TransportError::Refused {
                status: 0,
                reason: e.to_string(),
            })?;
        let r = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("content-digest", signed.content_digest)
            .header("signature-input", signed.signature_input)
            .header("signature", signed.signature)
            .body(body)
            .send()
            .await
            .map_err(|e| unreachable(&e))?;
        let status = r.status();
        let cap = if status.is_success() {
            caps::ACK
        } else {
            caps::SMALL
        };
        let bytes = read_capped(r, cap).await?;
        if !status.is_success() {
            return Err(TransportError::Refused {
                status: status.as_u16(),
                reason: refusal_reason(&bytes),
            });
        }
        serde_json::from_slice(&bytes).map_err(|e| TransportError::Refused {
            status: status.as_u16(),
            reason: format!("unreadable acknowledgement: {e}"),
        })
    }
}

/// Registers this device's public key with the collector, using a one-time code from
/// `placard-collector enroll`.
pub async fn enroll(
    base: &url::Url,
    code: &str,
    device_id: uuid::Uuid,
    public_key: &[u8],
) -> Result<(), TransportError> {
    let url = base
        .join("v1/enroll")
        .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
    let body = serde_json::json!({
        "code": code,
        "device_id": device_id,
        "public_key": STANDARD.encode(public_key),
    });
    let r = short_client()?
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| unreachable(&e))?;
    refused_unless_ok(r).await
}

/// A client for a short exchange (enrolment, the pack list): a minute at most.
fn short_client() -> Result<reqwest::Client, TransportError> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| unreachable(&e))
}

/// One petition pack the collector offers (`GET /v1/packs`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct PackListing {
    pub name: String,
    pub bytes: u64,
    pub digest: String,
}

/// The packs the collector at `base` offers.
pub async fn list_packs(base: &url::Url) -> Result<Vec<PackListing>, TransportError> {
    #[derive(serde::Deserialize)]
    struct Listed {
        packs: Vec<PackListing>,
    }
    let url = base
        .join("v1/packs")
        .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
    let r = short_client()?
        .get(url)
        .send()
        .await
        .map_err(|e| unreachable(&e))?;
    let status = r.status().as_u16();
    let body = read_capped(r, caps::LISTING).await?;
    if !(200..300).contains(&status) {
        return Err(TransportError::Refused {
            status,
            reason: refusal_reason(&body),
        });
    }
    serde_json::from_slice::<Listed>(&body)
        .map(|l| l.packs)
        .map_err(|e| TransportError::Refused {
            status,
            reason: format!("unreadable pack list: {e}"),
        })
}

/// Downloads the pack `name` (a tar) from the collector at `base`. Its `Content-Digest` must
/// match the bytes: a pack cut short or changed on the way is refused, not installed.
pub async fn fetch_pack(base: &url::Url, name: &str) -> Result<Vec<u8>, TransportError> {
    let mut url = base
        .join("v1/packs/")
        .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
    url.path_segments_mut()
        .map_err(|()| TransportError::Unreachable("bad collector URL".into()))?
        .pop_if_empty()
        .push(name);
    let r = reqwest::Client::builder()
        .timeout(Duration::from_secs(300))
        .build()
        .map_err(|e| unreachable(&e))?
        .get(url)
        .send()
        .await
        .map_err(|e| unreachable(&e))?;
    let status = r.status().as_u16();
    let digest = r
        .headers()
        .get("content-digest")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = read_capped(r, caps::PACK).await?;
    if !(200..300).contains(&status) {
        return Err(TransportError::Refused {
            status,
            reason: refusal_reason(&body),
        });
    }
    match digest {
        Some(d) if crate::digest::matches(&d, &body) => Ok(body),
        _ => Err(TransportError::Refused {
            status,
            reason: "the pack's Content-Digest is missing or does not match its bytes".into(),
        }),
    }
}
