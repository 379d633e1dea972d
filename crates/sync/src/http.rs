//! The HTTP transport: `reqwest` (rustls) to the collector, every batch signed with the
//! device key (RFC 9421 over method, path and Content-Digest, with `created` and a nonce), and
//! every answer the kiosk acts on checked against the collector's key pinned at enrolment
//! ([`crate::answer`]).

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SecureRandom as _;

use crate::answer::{self, Kind, PublicKey};
use crate::engine::{Transport, TransportError};
use crate::signing::RequestSigner;
use crate::wire::{Ack, Batch};

/// A collector at `base` (e.g. `https://collect.example.org/`), as one device.
#[derive(Debug)]
pub struct HttpTransport {
    client: reqwest::Client,
    base: url::Url,
    signer: RequestSigner,
    /// The collector's key, pinned at enrolment.
    collector: PublicKey,
    /// The collector's clock minus this one's, in seconds, as its last signed answer said
    /// (`i64::MIN`: not known yet). Requests are signed at this kiosk's time plus it, so a
    /// kiosk whose clock drifted past the collector's window still gets in.
    offset: std::sync::atomic::AtomicI64,
}

impl HttpTransport {
    /// A collector at `base` whose answers must verify against `collector` (its key pinned at
    /// enrolment).
    pub fn new(
        base: url::Url,
        signer: RequestSigner,
        collector: PublicKey,
    ) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .use_preconfigured_tls(tls_for(Some(collector))?)
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| TransportError::Unreachable(e.to_string()))?;
        Ok(Self {
            client,
            base,
            signer,
            collector,
            offset: std::sync::atomic::AtomicI64::new(i64::MIN),
        })
    }

    /// Notes the collector's time (Unix seconds) from an answer that verified.
    fn heard_time(&self, collector_time: i64) {
        if collector_time > 0 {
            let offset = collector_time - chrono::Utc::now().timestamp();
            self.offset
                .store(offset, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn url(&self, path: &str) -> Result<url::Url, TransportError> {
        self.base
            .join(path)
            .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))
    }
}

fn unreachable(e: &reqwest::Error) -> TransportError {
    // reqwest's own words ("error sending request for url …") say little; what went wrong is
    // in its sources (refused, reset, timed out, a certificate).
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    TransportError::Unreachable(text)
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

/// A 2xx answer's signature header and body (at most `cap` bytes); otherwise `Refused` with
/// the status and (the start of) the body.
async fn answer_of(
    r: reqwest::Response,
    cap: usize,
) -> Result<(Option<String>, Vec<u8>), TransportError> {
    let status = r.status();
    let signature = answer_signature(&r);
    let cap = if status.is_success() {
        cap
    } else {
        caps::SMALL
    };
    let body = read_capped(r, cap).await?;
    if !status.is_success() {
        return Err(TransportError::Refused {
            status: status.as_u16(),
            reason: refusal_reason(&body),
        });
    }
    Ok((signature, body))
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

impl HttpTransport {
    /// POSTs `body` to `path`, signed with this device's key at the collector's time (see
    /// `offset`), as every request that carries records or reports is.
    async fn post_signed(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<reqwest::Response, TransportError> {
        let url = self.url(path)?;
        let now = chrono::Utc::now().timestamp() + self.clock_offset().unwrap_or(0);
        let created = u64::try_from(now).unwrap_or(0);
        let signed = self
            .signer
            .sign("POST", url.path(), &body, created, &nonce()?)
            .map_err(|e| TransportError::Refused {
                status: 0,
                reason: e.to_string(),
            })?;
        self.client
            .post(url)
            .header("content-type", content_type)
            .header("content-digest", signed.content_digest)
            .header("signature-input", signed.signature_input)
            .header("signature", signed.signature)
            .body(body)
            .send()
            .await
            .map_err(|e| unreachable(&e))
    }

    /// The acknowledgement `r` carries, with its status: only one the pinned collector signed
    /// marks anything sent.
    async fn acknowledgement(&self, r: reqwest::Response) -> Result<(Ack, u16), TransportError> {
        let status = r.status().as_u16();
        let (signature, bytes) = answer_of(r, caps::ACK).await?;
        answer::verify(&self.collector, Kind::Ack, &bytes, signature.as_deref())?;
        let ack: Ack = serde_json::from_slice(&bytes).map_err(|e| TransportError::Refused {
            status,
            reason: format!("unreadable acknowledgement: {e}"),
        })?;
        self.heard_time(ack.time);
        Ok((ack, status))
    }

    /// Forwards one kiosk's records to the main collector (`POST /v1/relay`, signed with this
    /// relay's key); `Ok` only with that collector's signed acknowledgement for this batch and
    /// kiosk, as for a kiosk's own upload.
    pub async fn relay(&self, relayed: &crate::wire::RelayBatch) -> Result<Ack, TransportError> {
        let body = serde_json::to_vec(relayed).map_err(|e| TransportError::Refused {
            status: 0,
            reason: e.to_string(),
        })?;
        let r = self
            .post_signed("v1/relay", "application/json", body)
            .await?;
        let (ack, status) = self.acknowledgement(r).await?;
        if ack.device_id != relayed.batch.device_id || ack.batch_id != relayed.batch.batch_id {
            return Err(TransportError::Refused {
                status,
                reason: "an acknowledgement for another batch or kiosk".into(),
            });
        }
        Ok(ack)
    }
}

impl Transport for HttpTransport {
    async fn health(&self) -> Result<(), TransportError> {
        let r = self
            .client
            .get(self.url("v1/health")?)
            .send()
            .await
            .map_err(|e| unreachable(&e))?;
        let (signature, body) = answer_of(r, caps::SMALL).await?;
        // Whoever answers must be the collector: a look-alike that answers "ok" would have the
        // kiosk send it every batch.
        answer::verify(&self.collector, Kind::Health, &body, signature.as_deref())?;
        #[derive(serde::Deserialize)]
        struct Health {
            #[serde(default)]
            time: i64,
        }
        if let Ok(h) = serde_json::from_slice::<Health>(&body) {
            self.heard_time(h.time);
        }
        Ok(())
    }

    fn clock_offset(&self) -> Option<i64> {
        let offset = self.offset.load(std::sync::atomic::Ordering::Relaxed);
        (offset != i64::MIN).then_some(offset)
    }

    async fn report(&self, report: &crate::wire::Report) -> Result<(), TransportError> {
        let body = serde_json::to_vec(report).map_err(|e| TransportError::Refused {
            status: 0,
            reason: e.to_string(),
        })?;
        let r = self
            .post_signed("v1/report", "application/json", body)
            .await?;
        // Nothing in the answer is acted on: only whether it was taken.
        let status = r.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(TransportError::Refused {
                status: status.as_u16(),
                reason: "report not taken".into(),
            })
        }
    }

    async fn upload(&self, batch: &Batch) -> Result<Ack, TransportError> {
        let r = self
            .post_signed(
                "v1/batches",
                crate::wire::BINARY_CONTENT_TYPE,
                batch.to_binary(),
            )
            .await?;
        let (ack, status) = self.acknowledgement(r).await?;
        if ack.device_id != batch.device_id {
            return Err(TransportError::Refused {
                status,
                reason: format!(
                    "an acknowledgement for device {} instead of this one",
                    ack.device_id
                ),
            });
        }
        Ok(ack)
    }
}

/// The answer's signature header, if any.
fn answer_signature(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get(answer::HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Why pairing with a collector did not go through.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error(transparent)]
    Pairing(#[from] crate::pairing::PairingError),
    #[error(
        "this collector's organisation seals to {theirs}, but this kiosk seals to {ours}: set \
         the kiosk up again with the organisation's key (nothing was enrolled)"
    )]
    RecipientMismatch { ours: String, theirs: String },
}

/// Pairs this device with the collector at `base` by the short `code` from
/// `placard-collector enroll` (see [`crate::pairing`]: the code itself never travels); returns
/// the collector's public key, which the kiosk pins: every answer it acts on from then on must
/// verify against it. A collector whose organisation seals to another key than `recipient` is
/// refused before the device is sent.
pub async fn enroll(
    base: &url::Url,
    code: &str,
    device_id: uuid::Uuid,
    public_key: &[u8],
    recipient: &str,
) -> Result<PublicKey, EnrolError> {
    use crate::pairing::{Device, KioskPairing, PairingError, StartAnswer};
    let code = crate::pairing::Code::parse(code)?;
    let client = short_client(None)?;
    let post = |path: &str, body: String| {
        let client = client.clone();
        let url = base.join(path);
        async move {
            let url =
                url.map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
            client
                .post(url)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .map_err(|e| unreachable(&e))
        }
    };
    let (kiosk, start) = KioskPairing::start(&code);
    let start = serde_json::to_string(&start).map_err(|_| PairingError::BadMessage)?;
    let (_, body) = answer_of(post("v1/pair/start", start).await?, caps::SMALL).await?;
    let answer: StartAnswer =
        serde_json::from_slice(&body).map_err(|_| PairingError::BadMessage)?;
    let device = Device {
        device_id,
        public_key: STANDARD.encode(public_key),
        recipient: recipient.trim().to_owned(),
    };
    let (offer, finish) = kiosk.finish(&answer, &device)?;
    let offered = answer::decode_key(&offer.collector_key).ok_or(PairingError::BadMessage)?;
    if let Some(theirs) = offer.recipient.filter(|r| r.trim() != recipient.trim()) {
        return Err(EnrolError::RecipientMismatch {
            ours: recipient.trim().to_owned(),
            theirs,
        });
    }
    let finish = serde_json::to_string(&finish).map_err(|_| PairingError::BadMessage)?;
    let (signature, body) = answer_of(post("v1/pair/finish", finish).await?, caps::SMALL).await?;
    // Signed by the key the offer named: what pins is what the collector that knows the code
    // holds, not what a relay says.
    answer::verify(&offered, Kind::Enrolled, &body, signature.as_deref())
        .map_err(TransportError::from)?;
    let enrolled: crate::pairing::Enrolled =
        serde_json::from_slice(&body).map_err(|_| PairingError::BadMessage)?;
    if enrolled.device_id != device_id || enrolled.collector_key != offer.collector_key {
        return Err(PairingError::BadMessage.into());
    }
    Ok(offered)
}

/// TLS held to `pinned` (see [`crate::tls`]).
fn tls_for(pinned: Option<PublicKey>) -> Result<rustls::ClientConfig, TransportError> {
    crate::tls::client_config(pinned)
        .map_err(|e| TransportError::Unreachable(format!("TLS set-up: {e}")))
}

/// A client for a short exchange (pairing, the pack list): a minute at most; TLS held to
/// `pinned` (`None` while pairing).
fn short_client(pinned: Option<PublicKey>) -> Result<reqwest::Client, TransportError> {
    reqwest::Client::builder()
        .use_preconfigured_tls(tls_for(pinned)?)
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

/// The packs the collector at `base` offers (a list signed by its pinned key `collector`).
pub async fn list_packs(
    base: &url::Url,
    collector: &PublicKey,
) -> Result<Vec<PackListing>, TransportError> {
    #[derive(serde::Deserialize)]
    struct Listed {
        packs: Vec<PackListing>,
    }
    let url = base
        .join("v1/packs")
        .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
    let r = short_client(Some(*collector))?
        .get(url)
        .send()
        .await
        .map_err(|e| unreachable(&e))?;
    let status = r.status().as_u16();
    let (signature, body) = answer_of(r, caps::LISTING).await?;
    answer::verify(collector, Kind::PackList, &body, signature.as_deref())?;
    serde_json::from_slice::<Listed>(&body)
        .map(|l| l.packs)
        .map_err(|e| TransportError::Refused {
            status,
            reason: format!("unreadable pack list: {e}"),
        })
}

/// Downloads the pack `name` (a tar) from the collector at `base`. Its `Content-Digest` must
/// match the bytes, and the collector's pinned key `collector` must have signed the name and
/// the digest: a pack cut short, changed or swapped on the way is refused, not installed.
pub async fn fetch_pack(
    base: &url::Url,
    name: &str,
    collector: &PublicKey,
) -> Result<Vec<u8>, TransportError> {
    let mut url = base
        .join("v1/packs/")
        .map_err(|e| TransportError::Unreachable(format!("bad collector URL: {e}")))?;
    url.path_segments_mut()
        .map_err(|()| TransportError::Unreachable("bad collector URL".into()))?
        .pop_if_empty()
        .push(name);
    let r = reqwest::Client::builder()
        .use_preconfigured_tls(tls_for(Some(*collector))?)
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
    let signature = answer_signature(&r);
    let body = read_capped(r, caps::PACK).await?;
    if !(200..300).contains(&status) {
        return Err(TransportError::Refused {
            status,
            reason: refusal_reason(&body),
        });
    }
    match digest {
        Some(d) if crate::digest::matches(&d, &body) => {
            answer::verify(
                collector,
                Kind::Pack,
                &answer::pack_message(name, &d),
                signature.as_deref(),
            )?;
            Ok(body)
        }
        _ => Err(TransportError::Refused {
            status,
            reason: "the pack's Content-Digest is missing or does not match its bytes".into(),
        }),
    }
}
