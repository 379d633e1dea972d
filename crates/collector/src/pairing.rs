//! The collector's side of pairing by a short code (the exchange is in
//! `placard_sync::pairing`): making a code, answering a kiosk's two requests.
//!
//! What a waiting pairing keeps — its secret, and the key its last exchange agreed — is sealed
//! under a key derived from the collector's own (`CollectorKey::derive`), never stored as it
//! is: whoever copies the database (a backup, a shared PostgreSQL) still cannot pair a device
//! of their own. Every instance sharing the key file derives the same key, so a kiosk's two
//! requests may reach different instances behind a load balancer.

use std::time::Duration;

use placard_sync::answer::CollectorKey;
use placard_sync::pairing::{
    self, Code, Device, FinishRequest, Offer, SessionKey, StartAnswer, StartRequest,
};
use ring::rand::SecureRandom as _;

use crate::store::{NewPairing, Store, StoreError};

/// How long a code waits by default.
pub const DEFAULT_VALID: Duration = Duration::from_secs(24 * 3600);

const AT_REST: &str = "pairings at rest";
const SECRET: &[u8] = b"pairing secret";
const SESSION: &[u8] = b"pairing session";

/// Why a kiosk's pairing request was refused.
#[derive(Debug, thiserror::Error)]
pub enum PairingRefused {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The kiosk did not prove it knows the code (its second request does not open).
    #[error("the kiosk does not know the code: {0}")]
    Pairing(#[from] pairing::PairingError),
    #[error("what this collector keeps of a waiting pairing does not open with its key")]
    AtRest,
}

/// A new code for a device to be called `name`, valid for `valid`. Its nameplate has three
/// digits while few codes wait, more when those are taken.
pub async fn new_code(
    store: &Store,
    key: &CollectorKey,
    name: &str,
    valid: Duration,
) -> Result<Code, StoreError> {
    new_code_with(store, key, name, valid, false).await
}

/// As [`new_code`]; with `relay`, the device it enrols may forward other kiosks' records
/// (an on-site collector's `relay`, see `crate::relay`).
pub async fn new_code_with(
    store: &Store,
    key: &CollectorKey,
    name: &str,
    valid: Duration,
    relay: bool,
) -> Result<Code, StoreError> {
    let at_rest = key.derive(AT_REST);
    let rng = ring::rand::SystemRandom::new();
    let expires = crate::store::unix_now()
        .saturating_add(i64::try_from(valid.as_secs()).unwrap_or(i64::MAX / 2));
    for attempt in 0..64u32 {
        let (low, span) = if attempt < 32 {
            (100, 900)
        } else {
            (1000, 99_000)
        };
        let mut bytes = [0u8; 4];
        rng.fill(&mut bytes).map_err(|_| StoreError::Random)?;
        let nameplate = low + u32::from_le_bytes(bytes) % span;
        let code = Code::fresh(nameplate).map_err(|_| StoreError::Random)?;
        let secret = pairing::seal(&at_rest, SECRET, code.secret().as_bytes())
            .map_err(|_| StoreError::Random)?;
        let added = store
            .add_pairing(NewPairing {
                nameplate: i64::from(nameplate),
                name: name.to_owned(),
                secret,
                expires,
                relay,
            })
            .await?;
        if added {
            return Ok(code);
        }
    }
    Err(StoreError::Task(
        "no free nameplate for a pairing code: too many codes are waiting".into(),
    ))
}

/// Answers a kiosk's first request: counts a try on the code, runs the exchange, offers
/// `offer` under the agreed key, and keeps that key (sealed) for the second request.
pub async fn begin(
    store: &Store,
    key: &CollectorKey,
    request: &StartRequest,
    offer: &Offer,
) -> Result<StartAnswer, PairingRefused> {
    let nameplate = i64::from(request.nameplate);
    let at_rest = key.derive(AT_REST);
    let sealed = store.begin_pairing(nameplate).await?;
    let secret = pairing::open(&at_rest, SECRET, &sealed).ok_or(PairingRefused::AtRest)?;
    let secret = String::from_utf8(secret).map_err(|_| PairingRefused::AtRest)?;
    let code = Code::from_parts(request.nameplate, &secret).map_err(|_| PairingRefused::AtRest)?;
    let (answer, session) = pairing::collector_answer(&code, request, offer)?;
    let session =
        pairing::seal(&at_rest, SESSION, &session.to_bytes()).map_err(|_| StoreError::Random)?;
    store
        .keep_session(
            nameplate,
            session,
            crate::store::unix_now() + pairing::SESSION_SECONDS,
        )
        .await?;
    Ok(answer)
}

/// Opens a kiosk's second request: the device it sent, if it was sealed under the key the
/// first request agreed (else the kiosk did not know the code). The caller checks the device
/// and then completes the pairing (`Store::complete_pairing`).
pub async fn open_device(
    store: &Store,
    key: &CollectorKey,
    request: &FinishRequest,
) -> Result<Device, PairingRefused> {
    let at_rest = key.derive(AT_REST);
    let sealed = store.pairing_session(i64::from(request.nameplate)).await?;
    let session = pairing::open(&at_rest, SESSION, &sealed)
        .and_then(|bytes| SessionKey::from_bytes(&bytes))
        .ok_or(PairingRefused::AtRest)?;
    Ok(pairing::open_device(&session, request)?)
}
