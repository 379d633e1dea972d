//! The HTTP service (axum): `GET /v1/health`, `GET /metrics`, `POST /v1/pair/start` and
//! `/v1/pair/finish` (pairing by a short code), `POST /v1/batches`, `GET /v1/packs` and `GET /v1/packs/NAME`.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderName, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use placard_sync::answer::{self, CollectorKey, Kind};
use placard_sync::signing;
use placard_sync::wire::Batch;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use serde::Serialize;

use crate::packs::{self, Shelf};
use crate::pairing::PairingRefused;
use crate::store::{Outcome, RequestId, Store, StoreError};
use placard_sync::pairing::{Enrolled, FinishRequest, Offer, PairingError, StartRequest};

/// Limits the service enforces, so a few bad clients cannot starve the kiosks.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body; bigger batches get 413 and nothing is stored.
    pub max_body: usize,
    /// How far a signature's `created` may be from the collector's clock, in seconds.
    pub window_secs: u64,
    /// The longest a request may take, its body included; a client that sends slowly (on
    /// purpose or not) is cut off with 408 and frees its place. A kiosk sends the same batch
    /// again, and a batch stored before the cut is answered with its first acknowledgement.
    pub request_timeout: Duration,
    /// Requests handled at once; more wait their turn (within the timeout).
    pub concurrency: usize,
    /// Batches a second one device may send (after its signature is checked), with a burst
    /// of as many: far above what a syncing kiosk needs, so a stolen device key cannot flood
    /// the store.
    pub device_rate: NonZeroU32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body: 16 << 20,
            window_secs: 300,
            request_timeout: Duration::from_secs(60),
            concurrency: 64,
            device_rate: NonZeroU32::new(50).unwrap_or(NonZeroU32::MIN),
        }
    }
}

/// One rate per device, keyed by its id (`governor`, as the fan-out uses for Action Network).
type DeviceRates = governor::DefaultKeyedRateLimiter<String>;

#[derive(Clone)]
struct AppState {
    store: Store,
    limits: Limits,
    metrics: Arc<Metrics>,
    packs: Shelf,
    rates: Arc<DeviceRates>,
    key: Arc<CollectorKey>,
    /// The organisation's public key (`age1…`), when `serve` was told it.
    recipient: Option<String>,
    changes: Option<tokio::sync::watch::Sender<()>>,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Reason {
    reason: &'static str,
}

/// What `GET /metrics` reports (Prometheus text format, names prefixed `placard_`).
struct Metrics {
    registry: Registry,
    records: Counter,
    batches: Counter,
    repeated: Counter,
    conflicts: Counter,
    rejected: Family<Reason, Counter>,
}

impl Metrics {
    fn new() -> Self {
        let mut registry = Registry::with_prefix("placard");
        let records = Counter::default();
        let batches = Counter::default();
        let repeated = Counter::default();
        let conflicts = Counter::default();
        let rejected = Family::<Reason, Counter>::default();
        registry.register(
            "records_stored",
            "Sealed records stored (each once)",
            records.clone(),
        );
        registry.register("batches_stored", "Batches stored", batches.clone());
        registry.register(
            "batches_repeated",
            "Batches sent again and answered with their first acknowledgement",
            repeated.clone(),
        );
        registry.register(
            "records_conflicting",
            "Records whose id another device's record holds: not stored, not acknowledged",
            conflicts.clone(),
        );
        registry.register(
            "requests_rejected",
            "Requests refused, by reason",
            rejected.clone(),
        );
        // Whether the organiser's key is in memory is not the network's business: it is
        // told on the admin socket only (`placard-collector status`).
        Self {
            registry,
            records,
            batches,
            repeated,
            conflicts,
            rejected,
        }
    }
}

/// What a collector serves besides its store. (Not the organiser's key: the public side
/// neither uses it nor says whether it is in memory; the admin socket holds it.)
#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    /// Petition packs for kiosks to pull.
    pub packs: Shelf,
    /// The collector's own key, which signs every answer a kiosk acts on (see
    /// `placard_sync::answer`); kiosks pin its public half when they enrol.
    pub key: Arc<CollectorKey>,
    /// The organisation's public key (`age1…`). When set, a kiosk sealing to another key is
    /// refused at enrolment, and a batch whose records are sealed to another is refused.
    pub recipient: Option<String>,
    /// Told whenever a batch stores new records (the console's live overview watches it).
    pub changes: Option<tokio::sync::watch::Sender<()>>,
}

impl Default for Options {
    /// No packs, default limits, and a key of this process's own (in-process tests).
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            packs: Shelf::default(),
            key: Arc::new(CollectorKey::ephemeral()),
            recipient: None,
            changes: None,
        }
    }
}

/// The collector's routes over `store`, with no organiser key and no packs.
pub fn router(store: Store, limits: Limits) -> Router {
    router_with(
        store,
        Options {
            limits,
            ..Options::default()
        },
    )
}

/// The collector's routes over `store`.
pub fn router_with(store: Store, options: Options) -> Router {
    let limits = options.limits;
    let state = AppState {
        store,
        limits,
        metrics: Arc::new(Metrics::new()),
        packs: options.packs,
        rates: Arc::new(governor::RateLimiter::keyed(governor::Quota::per_second(
            limits.device_rate,
        ))),
        key: options.key,
        recipient: options.recipient.map(|r| r.trim().to_owned()),
        changes: options.changes,
    };
    // Outermost first: the timeout also covers the wait for a place, so a request queued
    // behind slow ones is answered 408 rather than held without end.
    let guard = tower::ServiceBuilder::new()
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            limits.concurrency.max(1),
        ));
    Router::new()
        .route("/v1/health", get(health))
        .route("/metrics", get(metrics))
        .route("/v1/pair/start", post(pair_start))
        .route("/v1/pair/finish", post(pair_finish))
        .route("/v1/batches", post(batches))
        .route("/v1/report", post(report))
        .route("/v1/relay", post(relay))
        .route("/v1/packs", get(list_packs))
        .route("/v1/packs/{name}", get(get_pack))
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(guard)
        .with_state(state)
}

/// A refusal: the status and a stable code with a reason a person can read.
#[derive(Debug, Serialize)]
struct Refusal {
    code: &'static str,
    reason: String,
}

fn refuse(status: StatusCode, code: &'static str, reason: impl Into<String>) -> Response {
    (
        status,
        Json(Refusal {
            code,
            reason: reason.into(),
        }),
    )
        .into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    refuse(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string())
}

async fn metrics(State(state): State<AppState>) -> Response {
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &state.metrics.registry) {
        return internal(e);
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// A refused batch request: counted by reason, then answered.
fn reject(
    state: &AppState,
    status: StatusCode,
    code: &'static str,
    reason: impl Into<String>,
) -> Response {
    state
        .metrics
        .rejected
        .get_or_create(&Reason { reason: code })
        .inc();
    refuse(status, code, reason)
}

/// A JSON answer signed with the collector's key, as `kind`.
fn signed_json(state: &AppState, kind: Kind, value: &impl Serialize) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(b) => b,
        Err(e) => return internal(e),
    };
    (
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                HeaderName::from_static(answer::HEADER),
                state.key.sign(kind, &body),
            ),
        ],
        body,
    )
        .into_response()
}

/// Up or not, and the collector's time, signed (a look-alike must not pass for it); nothing
/// more: in particular not whether the key is in memory (an attacker on the network would
/// learn when an unlocked collector is worth attacking).
async fn health(State(state): State<AppState>) -> Response {
    signed_json(
        &state,
        Kind::Health,
        &serde_json::json!({"status": "ok", "time": chrono::Utc::now().timestamp()}),
    )
}

async fn list_packs(State(state): State<AppState>) -> Response {
    let shelf = state.packs.clone();
    match tokio::task::spawn_blocking(move || shelf.list()).await {
        Ok(Ok(packs)) => signed_json(
            &state,
            Kind::PackList,
            &serde_json::json!({ "packs": packs }),
        ),
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

async fn get_pack(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    if !packs::valid_name(&name) {
        return refuse(StatusCode::BAD_REQUEST, "bad_name", "not a pack name");
    }
    let shelf = state.packs.clone();
    let looked_up = {
        let name = name.clone();
        tokio::task::spawn_blocking(move || shelf.get(&name)).await
    };
    match looked_up {
        Ok(Ok(Some((tar, digest)))) => (
            [
                (header::CONTENT_TYPE, "application/x-tar".to_owned()),
                (
                    HeaderName::from_static(answer::HEADER),
                    state
                        .key
                        .sign(Kind::Pack, &answer::pack_message(&name, &digest)),
                ),
                (HeaderName::from_static("content-digest"), digest),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.tar\""),
                ),
            ],
            tar,
        )
            .into_response(),
        Ok(Ok(None)) => refuse(
            StatusCode::NOT_FOUND,
            "no_pack",
            format!("no pack `{name}`"),
        ),
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

/// A pairing refused, in words a volunteer or organiser can act on.
fn refuse_pairing(nameplate: u32, e: PairingRefused) -> Response {
    match e {
        PairingRefused::Store(StoreError::BadCode) => refuse(
            StatusCode::FORBIDDEN,
            "bad_code",
            format!(
                "no pairing code {nameplate}-… is waiting: it was used already, or never made \
                 (check the number before the first dash)"
            ),
        ),
        PairingRefused::Store(StoreError::CodeExpired) => refuse(
            StatusCode::FORBIDDEN,
            "code_expired",
            StoreError::CodeExpired.to_string(),
        ),
        PairingRefused::Store(StoreError::CodeBurned) => refuse(
            StatusCode::FORBIDDEN,
            "code_burned",
            StoreError::CodeBurned.to_string(),
        ),
        PairingRefused::Store(StoreError::AlreadyEnrolled) => refuse(
            StatusCode::CONFLICT,
            "already_enrolled",
            "this device is enrolled already, with another key",
        ),
        PairingRefused::Pairing(PairingError::WrongCode) => refuse(
            StatusCode::FORBIDDEN,
            "bad_code",
            "the kiosk did not prove it knows the code: nothing was enrolled",
        ),
        PairingRefused::Pairing(e) => refuse(StatusCode::BAD_REQUEST, "bad_request", e.to_string()),
        e => internal(e),
    }
}

/// A kiosk's first pairing request: the exchange on the code, and this collector's key and
/// recipient offered under the key it agrees (only a kiosk that knows the code can read them).
async fn pair_start(State(state): State<AppState>, Json(req): Json<StartRequest>) -> Response {
    let offer = Offer {
        collector_key: answer::encode_key(&state.key.public()),
        recipient: state.recipient.clone(),
    };
    match crate::pairing::begin(&state.store, &state.key, &req, &offer).await {
        Ok(answer) => Json(answer).into_response(),
        Err(e) => refuse_pairing(req.nameplate, e),
    }
}

/// A kiosk's second pairing request: its device, sealed under the agreed key. Registered
/// only when it opens and seals to the organisation's key; the answer is signed, by the key
/// the kiosk was offered.
async fn pair_finish(State(state): State<AppState>, Json(req): Json<FinishRequest>) -> Response {
    let device = match crate::pairing::open_device(&state.store, &state.key, &req).await {
        Ok(device) => device,
        Err(e) => return refuse_pairing(req.nameplate, e),
    };
    let Some(key) = STANDARD
        .decode(device.public_key.trim())
        .ok()
        .filter(|k| k.len() == 32)
    else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "bad_key",
            "a device key is 32 bytes of Ed25519 public key, base64",
        );
    };
    if let Some(ours) = &state.recipient
        && device.recipient.trim() != ours.as_str()
    {
        return refuse(
            StatusCode::CONFLICT,
            "recipient_mismatch",
            format!(
                "this kiosk seals signatures to {}, not to this organisation's key {ours}: \
                 set the kiosk up again with the organisation's key",
                device.recipient.trim()
            ),
        );
    }
    let nameplate = i64::from(req.nameplate);
    match state
        .store
        .complete_pairing(nameplate, device.device_id, &key)
        .await
    {
        // The kiosk pins this key: from now on it acts only on answers it signed.
        Ok(()) => signed_json(
            &state,
            Kind::Enrolled,
            &Enrolled {
                device_id: device.device_id,
                collector_key: answer::encode_key(&state.key.public()),
            },
        ),
        Err(e) => refuse_pairing(req.nameplate, e.into()),
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// A request signed by an enrolled device that is not revoked, within its rate: its verified
/// signature, its body and the time it was checked at (Unix seconds). Otherwise the answer to
/// send back (counted as a rejection). Asked in that order: an anonymous or unknown sender is
/// refused on its headers alone, before a byte of its body is read.
async fn authenticated(
    state: &AppState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Body,
) -> Result<Authenticated, Box<Response>> {
    let refuse = |status, code, message: &str| {
        Err(Box::new(reject(state, status, code, message.to_owned())))
    };
    let (Some(digest), Some(sig), Some(input)) = (
        header(headers, "content-digest"),
        header(headers, "signature"),
        header(headers, "signature-input"),
    ) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "unsigned",
            "the request is not signed",
        );
    };
    let Ok(keyid) = signing::claimed_keyid(sig, input) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "bad_signature",
            "no usable signature",
        );
    };
    let device = match state.store.device_key(&keyid).await {
        Ok(d) => d,
        Err(e) => return Err(Box::new(internal(e))),
    };
    let Some(device) = device else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "unknown_device",
            "this device is not enrolled",
        );
    };
    if device.revoked {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "revoked_device",
            "this device was revoked",
        );
    }
    // Over the size limit: 413, counted; a body announced too large is not read at all, and
    // one that turns out too large is read no further than the limit.
    let max = state.limits.max_body;
    let too_large = format!("a batch may be at most {max} bytes");
    let announced = header(headers, "content-length").and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max as u64) {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "too_large", &too_large);
    }
    let body = match axum::body::to_bytes(body, max).await {
        Ok(b) => b,
        Err(e) => {
            use std::error::Error as _;
            let mut source = e.source();
            while let Some(s) = source {
                if s.is::<http_body_util::LengthLimitError>() {
                    return refuse(StatusCode::PAYLOAD_TOO_LARGE, "too_large", &too_large);
                }
                source = s.source();
            }
            return refuse(StatusCode::BAD_REQUEST, "unreadable", &e.to_string());
        }
    };
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    let verified = match signing::verify(
        method.as_str(),
        uri.path(),
        digest,
        sig,
        input,
        &body,
        &device.public_key,
        now,
        state.limits.window_secs,
    ) {
        Ok(v) => v,
        Err(e) => return refuse(StatusCode::UNAUTHORIZED, "bad_signature", &e.to_string()),
    };
    // The body is authentic. One device may send only so fast.
    if state.rates.check_key(&verified.keyid).is_err() {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "too_fast",
            "this device sends faster than the collector takes batches; it will be sent again",
        );
    }
    Ok(Authenticated {
        verified,
        body,
        now,
        public_key: device.public_key,
        relay: device.relay,
    })
}

/// What [`authenticated`] found.
struct Authenticated {
    verified: signing::Verified,
    body: bytes::Bytes,
    /// When it was checked (Unix seconds).
    now: u64,
    /// The device's key (each record's provenance is checked against it).
    public_key: Vec<u8>,
    /// Enrolled as a relay (`enroll --relay`).
    relay: bool,
}

/// `POST /v1/report`: how a kiosk is (version, what waits on it, its clock), for the console.
/// Signed by the device as batches are; an older report than the one kept changes nothing (a
/// replay cannot turn the picture back).
async fn report(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Authenticated { verified, body, .. } =
        match authenticated(&state, &method, &uri, &headers, body).await {
            Ok(ok) => ok,
            Err(refused) => return *refused,
        };
    let report: placard_sync::wire::Report = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return reject(&state, StatusCode::BAD_REQUEST, "malformed", e.to_string()),
    };
    if report.device_id.to_string() != verified.keyid {
        return reject(
            &state,
            StatusCode::BAD_REQUEST,
            "wrong_device",
            "the report names another device than the one that signed it",
        );
    }
    let version = &report.app_version;
    if version.len() > placard_sync::wire::MAX_VERSION
        || !version.chars().all(|c| c.is_ascii_graphic())
    {
        return reject(
            &state,
            StatusCode::BAD_REQUEST,
            "malformed",
            "an app version is up to 40 printable characters",
        );
    }
    match state.store.record_report(&report, verified.created).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => internal(e),
    }
}

async fn batches(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Authenticated {
        verified,
        body,
        now,
        public_key,
        ..
    } = match authenticated(&state, &method, &uri, &headers, body).await {
        Ok(ok) => ok,
        Err(refused) => return *refused,
    };
    // Is it a batch from this very device?
    let batch = match Batch::from_body(&body) {
        Ok(b) => b,
        Err(e) => return reject(&state, StatusCode::BAD_REQUEST, "malformed", e.to_string()),
    };
    if batch.device_id.to_string() != verified.keyid {
        return reject(
            &state,
            StatusCode::BAD_REQUEST,
            "wrong_device",
            "the batch names another device than the one that signed it",
        );
    }
    take_batch(&state, verified, now, batch, public_key, None).await
}

/// Stores a batch whose request verified (`batches`, or `relay` for a kiosk it vouches for):
/// sealed to the organisation's key, each record signed by its kiosk (`kiosk_key`), not a
/// replay; answered with the signed acknowledgement. A relayed kiosk is taken in (`adopt`)
/// only once its records' signatures hold.
async fn take_batch(
    state: &AppState,
    verified: signing::Verified,
    now: u64,
    batch: Batch,
    kiosk_key: Vec<u8>,
    adopt: Option<crate::store::RelayedKiosk>,
) -> Response {
    if let Some(ours) = &state.recipient
        && batch.recipient.as_deref()
            != Some(placard_sync::wire::recipient_fingerprint(ours).as_str())
    {
        return reject(
            state,
            StatusCode::CONFLICT,
            "recipient_mismatch",
            "these records are sealed to another key than this organisation's: the kiosk must \
             be set up again with the organisation's key; they wait on it meanwhile",
        );
    }
    // Each record signed by the device (its provenance, kept with it). Hundreds of signature
    // checks are milliseconds of work: off the async workers.
    let key = kiosk_key;
    let (batch, unsigned) = match tokio::task::spawn_blocking(move || {
        let unsigned = batch.first_unsigned(&key);
        (batch, unsigned)
    })
    .await
    {
        Ok(checked) => checked,
        Err(e) => return internal(e),
    };
    if let Some(id) = unsigned {
        return reject(
            state,
            StatusCode::BAD_REQUEST,
            "bad_provenance",
            format!("record {id} is not signed by the device that sent it"),
        );
    }
    if let Some(kiosk) = adopt {
        use crate::store::Adopted;
        match state.store.adopt(&kiosk, &verified.keyid).await {
            Ok(Adopted::New | Adopted::Known) => {}
            Ok(Adopted::OtherKey) => {
                return reject(
                    state,
                    StatusCode::CONFLICT,
                    "kiosk_key_mismatch",
                    "this collector knows that kiosk with another key: the relay's word does not \
                     replace it",
                );
            }
            Ok(Adopted::Revoked) => {
                return reject(
                    state,
                    StatusCode::UNAUTHORIZED,
                    "revoked_device",
                    "that kiosk was revoked here",
                );
            }
            Err(e) => return internal(e),
        }
    }
    let device_id = batch.device_id;
    // A replayed request (same nonce) is refused and stores nothing; the nonce and the batch
    // are committed together.
    let request = RequestId {
        device_id: verified.keyid,
        nonce: verified.nonce,
        created: verified.created,
    };
    let forget_before = now.saturating_sub(2 * state.limits.window_secs);
    match state.store.store_batch(request, batch, forget_before).await {
        Ok(Outcome::Replayed) => reject(
            state,
            StatusCode::UNAUTHORIZED,
            "replayed",
            "this request was seen before",
        ),
        Ok(Outcome::Acknowledged(mut ack, stored)) => {
            if stored.new_batch {
                state.metrics.batches.inc();
                state.metrics.records.inc_by(stored.new_records);
                state.metrics.conflicts.inc_by(stored.conflicts);
                if stored.new_records > 0
                    && let Some(changes) = &state.changes
                {
                    changes.send_replace(());
                }
            } else {
                state.metrics.repeated.inc();
            }
            // Bound to this device and signed: no one else can make an acknowledgement, and
            // one made for another batch or kiosk marks nothing sent.
            ack.device_id = device_id;
            ack.time = chrono::Utc::now().timestamp();
            signed_json(state, Kind::Ack, &ack)
        }
        Err(e) => internal(e),
    }
}

/// `POST /v1/relay`: an on-site collector (enrolled with `enroll --relay`) forwards one
/// kiosk's records with that kiosk's key. Each record must carry the kiosk's own signature; a
/// kiosk known here with another key, or revoked here, is refused. Stored and acknowledged as
/// the kiosk's own batch would be, so a record arrives once however it comes.
async fn relay(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Authenticated {
        verified,
        body,
        now,
        relay,
        ..
    } = match authenticated(&state, &method, &uri, &headers, body).await {
        Ok(ok) => ok,
        Err(refused) => return *refused,
    };
    if !relay {
        return reject(
            &state,
            StatusCode::FORBIDDEN,
            "not_a_relay",
            "this device was not enrolled as a relay (placard-collector enroll --relay)",
        );
    }
    let relayed: placard_sync::wire::RelayBatch = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return reject(&state, StatusCode::BAD_REQUEST, "malformed", e.to_string()),
    };
    let name = relayed.kiosk_name.trim();
    if relayed.kiosk_key.len() != 32
        || name.is_empty()
        || name.chars().count() > 80
        || name.chars().any(char::is_control)
    {
        return reject(
            &state,
            StatusCode::BAD_REQUEST,
            "malformed",
            "a relayed kiosk needs a name (1 to 80 characters) and a 32-byte public key",
        );
    }
    let kiosk = crate::store::RelayedKiosk {
        id: relayed.batch.device_id.to_string(),
        name: name.to_owned(),
        public_key: relayed.kiosk_key.clone(),
    };
    take_batch(
        &state,
        verified,
        now,
        relayed.batch,
        relayed.kiosk_key,
        Some(kiosk),
    )
    .await
}
