//! The organiser's console: a listener of its own, signing in by a one-time link, sessions,
//! protection against cross-site requests, an audit log, and the JSON its pages call — the
//! overview (live), kiosks, the key, export, erasure, retention; "Petitions and packs" in
//! `console/packs.rs`, "Send on" in `console/send.rs`. The pages themselves are embedded by `crate::pages`.
//!
//! **Why a link, not a password.** Whoever can run `placard-collector console-link` (or read
//! the line `serve` prints at start) is already the collector's own user, who can read its
//! database and key files; a password would only be one more secret to leak. A link works once,
//! for [`LINK_LIFETIME`], and only its SHA-256 is kept, so a copy of memory or of a log read
//! after it was used signs nobody in.
//!
//! **Sessions** live in this process's memory only (a restart signs everyone out), in an
//! `HttpOnly; SameSite=Strict` cookie (`Secure` under TLS), and lapse after an idle time. A
//! request that changes anything must carry the session's CSRF token in `X-CSRF-Token`, and
//! is refused if the browser says it comes from another site (`Sec-Fetch-Site`, `Origin`).
//! Failed links are rate-limited: a flood of guesses gets 429, not an answer per guess.
//!
//! Every answer carries a strict Content-Security-Policy (no inline script, no other origin).

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use ring::rand::SecureRandom as _;
use serde::Serialize;

use crate::store::{Store, StoreError};

mod packs;
mod send;

/// Where the console listens unless `serve --console` says otherwise.
pub const DEFAULT_ADDRESS: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 8441);

/// How long a sign-in link works.
pub const LINK_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// How long a session lasts without a request, unless `serve --console-idle-seconds` says.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(15 * 60);
/// Failed sign-in links allowed per minute; more get 429.
pub const FAILURES_PER_MINUTE: usize = 10;
/// How long a pairing code made in the console may be used (as `enroll`'s default).
pub const CODE_HOURS: u32 = 24;
/// The longest kiosk name.
pub const MAX_NAME: usize = 80;
const COOKIE: &str = "placard_console";
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'";

type Digest = [u8; 32];

struct Session {
    csrf: String,
    last: Instant,
}

#[derive(Default)]
struct Inner {
    /// SHA-256 of each unused link → when it stops working.
    links: HashMap<Digest, Instant>,
    /// SHA-256 of each session's cookie → the session.
    sessions: HashMap<Digest, Session>,
    /// When recent sign-ins with a bad link failed (the last minute's).
    failures: VecDeque<Instant>,
}

/// The console's state: the links and sessions, and where it is served.
pub struct Console {
    store: Store,
    /// The collector's own key: pairing codes made here are sealed under it, as `enroll`'s.
    key: Arc<placard_sync::answer::CollectorKey>,
    /// The organiser's key, unlocked here or over the admin socket (the same one).
    keyring: Arc<crate::keyring::Keyring>,
    inner: Mutex<Inner>,
    idle: Duration,
    /// `https://…` or `http://…`: where organisers open it (the links' prefix, and the only
    /// origin changes are taken from).
    base: String,
    /// Whether it is served over HTTPS (its cookie is then `Secure`).
    tls: bool,
    /// Told when kiosks' batches store records here (see `server::Options::changes`).
    changes: tokio::sync::watch::Receiver<()>,
    /// Where "Send on" may send: fixed by `serve`'s arguments, as for the admin socket.
    destinations: crate::admin::Destinations,
    /// `serve --retain-days` (the purge waits for every destination in `destinations`).
    retain_days: Option<u32>,
    /// The packs kiosks can take (`serve --packs`), shared with the kiosks' routes.
    packs: crate::packs::Shelf,
    /// The current (or last) run of "Send on".
    sending: Mutex<send::Sending>,
}

/// What a console works with, besides where it listens.
#[allow(missing_debug_implementations)] // it holds keys: nothing of it should be printed
pub struct Parts {
    pub store: Store,
    /// The collector's own key: pairing codes made in the console are sealed under it.
    pub key: Arc<placard_sync::answer::CollectorKey>,
    /// The organiser's key, unlocked in the console or over the admin socket (the same one).
    pub keyring: Arc<crate::keyring::Keyring>,
    /// Told when kiosks' batches store records (see `server::Options::changes`).
    pub changes: tokio::sync::watch::Receiver<()>,
    pub destinations: crate::admin::Destinations,
    /// `serve --retain-days`.
    pub retain_days: Option<u32>,
    /// The packs kiosks can take (`serve --packs`).
    pub packs: crate::packs::Shelf,
}

/// Where it is served, never its links or sessions.
impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("base", &self.base)
            .field("idle", &self.idle)
            .finish_non_exhaustive()
    }
}

impl Console {
    /// A console for `parts`, opened at `origin` (`http://127.0.0.1:8441`, or the name it is
    /// reached by), served over HTTPS when `tls`, whose sessions lapse after `idle` without a
    /// request.
    pub fn new(parts: Parts, origin: String, tls: bool, idle: Duration) -> Arc<Self> {
        Arc::new(Self {
            store: parts.store,
            key: parts.key,
            keyring: parts.keyring,
            inner: Mutex::new(Inner::default()),
            idle,
            base: origin,
            tls,
            changes: parts.changes,
            destinations: parts.destinations,
            retain_days: parts.retain_days,
            packs: parts.packs,
            sending: Mutex::new(send::Sending::default()),
        })
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn secure(&self) -> bool {
        self.tls || self.base.starts_with("https:")
    }

    /// A new one-time sign-in link.
    pub fn new_link(&self) -> Result<String, ring::error::Unspecified> {
        let token = random_token()?;
        let now = Instant::now();
        let mut inner = self.inner();
        inner.links.retain(|_, until| *until > now);
        inner.links.insert(digest(&token), now + LINK_LIFETIME);
        Ok(format!("{}/signin?token={token}", self.base))
    }

    /// The console's routes.
    pub fn router(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/", get(crate::pages::index))
            .route("/assets/{*path}", get(crate::pages::asset))
            .route("/signin", get(sign_in))
            .route("/api/session", get(session))
            .route("/api/overview", get(overview))
            .route("/api/events", get(events))
            .route("/api/audit", get(audit))
            .route("/api/signout", post(sign_out))
            .route("/api/kiosks", get(kiosks).post(add_kiosk))
            .route("/api/kiosks/{id}/revoke", post(revoke))
            .route("/api/key", get(key_state))
            .route("/api/unlock", post(unlock))
            .route("/api/lock", post(lock))
            .route("/api/forget", post(forget))
            .route("/api/export", post(export))
            .route("/api/send", get(send::send_state).post(send::start_send))
            .route("/api/send/stop", post(send::stop_send))
            .route("/api/retention", get(retention))
            .route("/api/packs", get(packs::list))
            .route(
                "/api/packs/{name}",
                post(packs::upload).layer(axum::extract::DefaultBodyLimit::max(packs::MAX_UPLOAD)),
            )
            .route("/api/packs/{name}/petitions/{id}", get(packs::preview))
            .route("/api/packs/{name}/files/{*path}", get(packs::file))
            .layer(axum::middleware::map_response(headers))
            .with_state(self.clone())
    }

    /// The session the request's cookie names, kept alive; `None` when there is none or it
    /// lapsed (a lapsed one is forgotten).
    fn session(&self, headers: &HeaderMap) -> Result<String, Refusal> {
        let id = cookie(headers).ok_or(Refusal::NoSession)?;
        let key = digest(&id);
        let now = Instant::now();
        let mut inner = self.inner();
        let Some(s) = inner.sessions.get_mut(&key) else {
            return Err(Refusal::NoSession);
        };
        if now.saturating_duration_since(s.last) > self.idle {
            inner.sessions.remove(&key);
            return Err(Refusal::Expired);
        }
        s.last = now;
        Ok(s.csrf.clone())
    }

    /// As [`Console::session`], for a request that changes something: it must come from this
    /// console's own pages (not another site) and carry the session's CSRF token.
    fn changing(&self, headers: &HeaderMap) -> Result<(), Refusal> {
        if let Some(site) = headers.get("sec-fetch-site")
            && !matches!(site.as_bytes(), b"same-origin" | b"none")
        {
            return Err(Refusal::CrossSite);
        }
        if let Some(origin) = headers.get(header::ORIGIN)
            && origin.as_bytes() != self.base.as_bytes()
        {
            return Err(Refusal::CrossSite);
        }
        let csrf = self.session(headers)?;
        let sent = headers
            .get("x-csrf-token")
            .map(HeaderValue::as_bytes)
            .unwrap_or_default();
        if sent.is_empty() || !same(sent, csrf.as_bytes()) {
            return Err(Refusal::CrossSite);
        }
        Ok(())
    }

    async fn log(&self, action: &str, result: &str, detail: &str) {
        if let Err(e) = self.store.audit(action, result, detail).await {
            eprintln!("placard-collector: the audit log could not be written: {e}");
        }
    }
}

/// Why a console request was refused; the code is what the pages act on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    NoSession,
    Expired,
    CrossSite,
    BadLink,
    TooMany,
    Store,
    BadName,
    NoDevice,
    /// The organiser's key is locked; what was asked needs it.
    Locked,
    BadEmail,
    /// "Send on" to a destination `serve` was not given.
    NoDestination,
    AlreadyRunning,
    NotRunning,
    /// The collector serves no packs (`serve --packs`).
    NoPacks,
    NoPack,
    NoPetition,
    BadPackName,
    /// An uploaded pack was not taken: its stable code and its words.
    Pack(&'static str, String),
    /// The unlock failed: its stable code and its words.
    Unlock(&'static str, String),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, code, message): (StatusCode, &str, String) = match self {
            Self::NoSession => (
                StatusCode::UNAUTHORIZED,
                "no_session",
                "sign in with a link from `placard-collector console-link`".into(),
            ),
            Self::Expired => (
                StatusCode::UNAUTHORIZED,
                "session_expired",
                "the session ended after a while unused: sign in again with a new link".into(),
            ),
            Self::CrossSite => (
                StatusCode::FORBIDDEN,
                "cross_site",
                "refused: this request did not come from the console's own page".into(),
            ),
            Self::BadLink => (
                StatusCode::FORBIDDEN,
                "bad_link",
                "this sign-in link was used already, has expired or was never made: print a \
                 new one with `placard-collector console-link`"
                    .into(),
            ),
            Self::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "too many sign-ins with a bad link: wait a minute".into(),
            ),
            Self::Store => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "storage_error",
                "the collector's database did not answer".into(),
            ),
            Self::BadName => (
                StatusCode::BAD_REQUEST,
                "bad_name",
                "a kiosk's name is 1 to 80 characters, with no control characters".into(),
            ),
            Self::NoDevice => (
                StatusCode::NOT_FOUND,
                "no_device",
                "no kiosk is enrolled with that id".into(),
            ),
            Self::Locked => (
                StatusCode::CONFLICT,
                "locked",
                "unlock the organiser's key first: the records must be opened for this".into(),
            ),
            Self::BadEmail => (
                StatusCode::BAD_REQUEST,
                "bad_email",
                "an email address like name@example.org".into(),
            ),
            Self::NoDestination => (
                StatusCode::CONFLICT,
                "no_destination",
                "the collector was started with no such destination (serve \
                 --action-network-token-file or --webhook-url)"
                    .into(),
            ),
            Self::AlreadyRunning => (
                StatusCode::CONFLICT,
                "already_running",
                "sending is already under way".into(),
            ),
            Self::NotRunning => (
                StatusCode::CONFLICT,
                "not_running",
                "nothing is being sent".into(),
            ),
            Self::NoPacks => (
                StatusCode::CONFLICT,
                "no_packs_folder",
                "the collector was started without a packs folder (serve --packs DIR)".into(),
            ),
            Self::NoPack => (
                StatusCode::NOT_FOUND,
                "no_pack",
                "no pack of that name".into(),
            ),
            Self::NoPetition => (
                StatusCode::NOT_FOUND,
                "no_petition",
                "no petition of that id in the pack".into(),
            ),
            Self::BadPackName => (
                StatusCode::BAD_REQUEST,
                "bad_pack_name",
                "a pack's name is letters, digits, '.', '_' and '-', not starting with '.'".into(),
            ),
            Self::Pack(code, message) => (
                if code == "storage_error" {
                    StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                },
                code,
                message,
            ),
            Self::Unlock(code, message) => (
                match code {
                    "wrong_passphrase" | "wrong_key" => StatusCode::FORBIDDEN,
                    "internal" => StatusCode::INTERNAL_SERVER_ERROR,
                    _ => StatusCode::CONFLICT,
                },
                code,
                message,
            ),
        };
        (status, axum::Json(Problem { code, message })).into_response()
    }
}

#[derive(Serialize)]
struct Problem<'a> {
    code: &'a str,
    message: String,
}

async fn sign_in(State(c): State<Arc<Console>>, uri: Uri) -> Result<Response, Refusal> {
    let now = Instant::now();
    let limited = {
        let mut inner = c.inner();
        while inner
            .failures
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) > Duration::from_secs(60))
        {
            inner.failures.pop_front();
        }
        inner.failures.len() >= FAILURES_PER_MINUTE
    };
    if limited {
        c.log("sign-in", "refused", "too many bad links").await;
        return Err(Refusal::TooMany);
    }
    let token = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .find_map(|kv| kv.strip_prefix("token="))
        .unwrap_or_default();
    // Used up whatever happens next: a link never signs in twice.
    let valid = c
        .inner()
        .links
        .remove(&digest(token))
        .is_some_and(|until| until > now);
    if !valid {
        c.inner().failures.push_back(now);
        c.log("sign-in", "refused", "a used, expired or unknown link")
            .await;
        return Err(Refusal::BadLink);
    }
    let (id, csrf) = match (random_token(), random_token()) {
        (Ok(id), Ok(csrf)) => (id, csrf),
        _ => return Err(Refusal::Store),
    };
    c.inner()
        .sessions
        .insert(digest(&id), Session { csrf, last: now });
    c.log("sign-in", "ok", "").await;
    let secure = if c.secure() { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/{secure}");
    Ok((
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, cookie),
            (header::LOCATION, "/".to_owned()),
        ],
    )
        .into_response())
}

#[derive(Serialize)]
struct SessionView {
    /// Sent back in `X-CSRF-Token` with every request that changes something.
    csrf: String,
    idle_seconds: u64,
}

async fn session(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    let csrf = c.session(&headers)?;
    Ok(axum::Json(SessionView {
        csrf,
        idle_seconds: c.idle.as_secs(),
    })
    .into_response())
}

/// Hours the overview's chart covers, the current one last.
pub const CHART_HOURS: i64 = 24;

#[derive(Serialize)]
struct Overview {
    #[serde(flatten)]
    stats: crate::store::Stats,
    /// One entry per hour of the last [`CHART_HOURS`], oldest first, zeros included.
    per_hour: Vec<HourCount>,
    /// Each device's name, for the per-kiosk figures.
    names: HashMap<String, String>,
    /// When this collector relays to a main one (`placard-collector relay`): where, and how
    /// many records wait to go.
    relay: Option<RelayView>,
}

#[derive(Serialize)]
struct RelayView {
    to: String,
    waiting: u64,
}

#[derive(Serialize)]
struct HourCount {
    hour: String,
    count: u64,
}

/// The overview's figures: totals, per kiosk, per petition, per hour — all from the records'
/// clear metadata, so they show while the key is locked.
async fn overview(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.session(&headers)?;
    Ok(axum::Json(c.overview().await?).into_response())
}

/// How often the live overview looks again without being told (records another instance
/// behind the same balancer stored do not reach this one's `changes`).
const LIVE_EVERY: Duration = Duration::from_secs(5);

/// The overview, live: an `overview` event now, then again whenever it changed — at once when
/// a kiosk's batch stored records here, else every [`LIVE_EVERY`]. The session is checked
/// when the stream opens; it ends when the page goes.
async fn events(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    c.session(&headers)?;
    let first = c.overview().await?;
    let changes = c.changes.clone();
    let state = (c, changes, None::<String>, Some(first));
    let stream = futures_util::stream::unfold(state, |(c, mut changes, last, ready)| async move {
        let mut next = ready;
        loop {
            if let Some(o) = next.take() {
                let json = serde_json::to_string(&o).unwrap_or_default();
                if last.as_deref() != Some(json.as_str()) {
                    let event = Event::default().event("overview").data(json.clone());
                    return Some((
                        Ok::<_, std::convert::Infallible>(event),
                        (c, changes, Some(json), None),
                    ));
                }
            }
            tokio::select! {
                changed = changes.changed() => {
                    if changed.is_err() {
                        return None;
                    }
                    // A burst of batches (a kiosk catching up) is one update, not dozens.
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                () = tokio::time::sleep(LIVE_EVERY) => {}
            }
            next = c.overview().await.ok();
        }
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

impl Console {
    async fn overview(&self) -> Result<Overview, Refusal> {
        let c = self;
        let stats = c.store.stats().await.map_err(|_| Refusal::Store)?;
        let now = chrono::Utc::now();
        let hour = |h: i64| {
            (now - chrono::Duration::hours(h))
                .format("%Y-%m-%dT%H:00:00Z")
                .to_string()
        };
        let since = hour(CHART_HOURS - 1);
        let counted: HashMap<String, u64> = c
            .store
            .per_hour(&since)
            .await
            .map_err(|_| Refusal::Store)?
            .into_iter()
            .collect();
        let per_hour = (0..CHART_HOURS)
            .rev()
            .map(|h| {
                let hour = hour(h);
                let count = counted.get(&hour).copied().unwrap_or(0);
                HourCount { hour, count }
            })
            .collect();
        let names = c
            .store
            .devices()
            .await
            .map_err(|_| Refusal::Store)?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        let relay = match crate::relay::target(&c.store).await {
            Ok(Some(to)) => Some(RelayView {
                to,
                waiting: c.store.relay_waiting().await.map_err(|_| Refusal::Store)?,
            }),
            Ok(None) => None,
            Err(_) => return Err(Refusal::Store),
        };
        Ok(Overview {
            stats,
            per_hour,
            names,
            relay,
        })
    }
}

async fn audit(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let log = c.store.audit_log(500).await.map_err(|_| Refusal::Store)?;
    Ok(axum::Json(log).into_response())
}

async fn sign_out(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    if let Err(refused) = c.changing(&headers) {
        if refused == Refusal::CrossSite {
            c.log("sign-out", "refused", "cross-site request").await;
        }
        return Err(refused);
    }
    if let Some(id) = cookie(&headers) {
        c.inner().sessions.remove(&digest(&id));
    }
    c.log("sign-out", "ok", "").await;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn kiosks(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let devices = c.store.devices().await.map_err(|_| Refusal::Store)?;
    Ok(axum::Json(devices).into_response())
}

#[derive(serde::Deserialize)]
struct NewKiosk {
    name: String,
}

#[derive(Serialize)]
struct Pairing {
    /// Typed at the kiosk (Operator → Collector); works once.
    code: String,
    valid_hours: u32,
}

/// "Add a kiosk": a pairing code, as `placard-collector enroll --name` makes one.
async fn add_kiosk(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Json(new): axum::Json<NewKiosk>,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(Refusal::BadName);
    }
    let valid = Duration::from_secs(u64::from(CODE_HOURS) * 3600);
    let code = crate::pairing::new_code(&c.store, &c.key, name, valid)
        .await
        .map_err(|_| Refusal::Store)?;
    c.log("add-kiosk", "ok", name).await;
    Ok(axum::Json(Pairing {
        code: code.to_string(),
        valid_hours: CODE_HOURS,
    })
    .into_response())
}

/// Revokes a kiosk (the page asks to confirm first): its requests are refused from now on.
async fn revoke(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    match c.store.revoke(&id).await {
        Ok(()) => {
            c.log("revoke", "ok", &id).await;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        Err(StoreError::NoDevice(_)) => {
            c.log("revoke", "refused", "no such kiosk").await;
            Err(Refusal::NoDevice)
        }
        Err(_) => Err(Refusal::Store),
    }
}

#[derive(Serialize)]
struct KeyState {
    unlocked: bool,
    /// Seconds until it locks itself unused (the countdown); `None` while locked.
    locks_in_seconds: Option<u64>,
    /// Whether `serve` was given the organiser's key file (else it can never unlock).
    has_key_file: bool,
}

async fn key_state(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.session(&headers)?;
    Ok(axum::Json(KeyState {
        unlocked: c.keyring.is_unlocked(),
        locks_in_seconds: c.keyring.locks_in().map(|d| d.as_secs()),
        has_key_file: c.keyring.identity().is_some(),
    })
    .into_response())
}

#[derive(serde::Deserialize)]
struct Passphrase {
    passphrase: String,
}

/// Unlocks the organiser's key in this collector's memory (as `placard-collector unlock`):
/// checked against the records held, locked again when idle. The passphrase is in this
/// request only; the binary's allocator wipes what it frees.
async fn unlock(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Json(p): axum::Json<Passphrase>,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let passphrase = placard_vault::SecretString::from(p.passphrase);
    match c.keyring.unlock(passphrase, &c.store).await {
        Ok(unlocked) => {
            c.log("unlock", "ok", "").await;
            Ok(axum::Json(unlocked).into_response())
        }
        Err(e) => {
            c.log("unlock", "refused", e.code()).await;
            Err(Refusal::Unlock(e.code(), e.to_string()))
        }
    }
}

/// "Lock now".
async fn lock(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    c.keyring.lock();
    c.log("lock", "ok", "").await;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(serde::Deserialize)]
struct Email {
    email: String,
}

#[derive(Serialize)]
struct Forgotten {
    records: u64,
}

/// "Forget a signer by email" (after an unlock): as `placard-collector forget`, without the
/// address on any command line. The audit log says how many records went, never whose.
async fn forget(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Json(e): axum::Json<Email>,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let email = e.email.trim();
    if email.is_empty() || email.len() > 254 || !email.contains('@') {
        return Err(Refusal::BadEmail);
    }
    let Some(key) = c.keyring.key() else {
        c.log("forget", "refused", "locked").await;
        return Err(Refusal::Locked);
    };
    let records = crate::erasure::forget_signer(&c.store, key, email)
        .await
        .map_err(|_| Refusal::Store)?;
    c.log("forget", "ok", &format!("records: {records}")).await;
    Ok(axum::Json(Forgotten { records }).into_response())
}

#[derive(serde::Deserialize)]
struct ExportRequest {
    format: crate::export::Format,
}

/// "Export" (after an unlock): every record this collector holds, opened, as a CSV or JSON
/// Lines download — as `placard-collector export`, and marked exported the same way (so the
/// retention time applies to them). The page warns first what the file holds.
async fn export(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Json(req): axum::Json<ExportRequest>,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let Some(key) = c.keyring.key() else {
        c.log("export", "refused", "locked").await;
        return Err(Refusal::Locked);
    };
    let rows = c.store.all_records().await.map_err(|_| Refusal::Store)?;
    let format = req.format;
    // Opening and writing every record is CPU work: off the async workers.
    let written = tokio::task::spawn_blocking(move || {
        let mut file = Vec::new();
        crate::export::write_opened(&rows, &key, format, &mut file)
            .map(|(summary, taken)| (file, taken, summary.written))
    })
    .await;
    let Ok(Ok((file, taken, n))) = written else {
        c.log("export", "failed", "").await;
        return Err(Refusal::Store);
    };
    c.store
        .mark_exported(taken)
        .await
        .map_err(|_| Refusal::Store)?;
    let (ext, kind) = format.extension_and_type();
    c.log("export", "ok", &format!("{ext}, records: {n}")).await;
    let name = chrono::Utc::now().format("signatures-%Y%m%d-%H%M");
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{ext}\""),
            ),
        ],
        file,
    )
        .into_response())
}

#[derive(Serialize)]
struct RetentionView {
    retain_days: Option<u32>,
    destinations: Vec<String>,
    held: u64,
    /// Held records whose time has not started (not yet sent everywhere, nor exported).
    waiting: u64,
    /// The day each group will be deleted on (UTC), and how many.
    schedule: Vec<DueDay>,
}

#[derive(Serialize)]
struct DueDay {
    day: String,
    count: u64,
}

/// The retention view: the setting, and what will be deleted when.
async fn retention(State(c): State<Arc<Console>>, headers: HeaderMap) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let held = c.store.stats().await.map_err(|_| Refusal::Store)?.held;
    let destinations: Vec<String> = c
        .destinations
        .names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let due = c
        .store
        .due_by_day(&destinations)
        .await
        .map_err(|_| Refusal::Store)?;
    let ready: u64 = due.iter().map(|(_, n)| n).sum();
    let schedule = match c.retain_days {
        None => Vec::new(),
        Some(days) => due
            .into_iter()
            .filter_map(|(day, count)| {
                let from = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
                let on = from + chrono::Days::new(u64::from(days));
                Some(DueDay {
                    day: on.format("%Y-%m-%d").to_string(),
                    count,
                })
            })
            .collect(),
    };
    Ok(axum::Json(RetentionView {
        retain_days: c.retain_days,
        destinations,
        held,
        waiting: held.saturating_sub(ready),
        schedule,
    })
    .into_response())
}

/// The headers every console answer carries.
async fn headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // Everything but the pages' hashed assets (which say so themselves) is never stored.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// The console's cookie, if the request has one.
fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .map(str::to_owned)
}

/// 32 random bytes, base64url.
fn random_token() -> Result<String, ring::error::Unspecified> {
    let mut bytes = [0u8; 32];
    ring::rand::SystemRandom::new().fill(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

fn digest(token: &str) -> Digest {
    let d = ring::digest::digest(&ring::digest::SHA256, token.as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(d.as_ref());
    out
}

/// Compares in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `--console-origin`: a scheme and a host (and port), nothing else — what a browser sends as
/// `Origin`.
pub fn parse_origin(origin: &str) -> Result<String, String> {
    let o = origin.trim().trim_end_matches('/');
    let rest = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("--console-origin {origin}: it starts with https:// (or http://)")
        })?;
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', ' ']) {
        return Err(format!(
            "--console-origin {origin}: only the scheme and the host, like https://console.example.org"
        ));
    }
    Ok(o.to_owned())
}

/// Whether the console may listen at `addr`: loopback always; any other address only over
/// TLS with the organisation's own certificate (`tls`: `--tls-cert`; a browser cannot pin the
/// collector's key as a kiosk does) and when the organiser said so (`--console-public`), since
/// the console unlocks the key and exports signers.
pub fn check_address(addr: SocketAddr, tls: bool, public: bool) -> Result<(), String> {
    if addr.ip().is_loopback() || (tls && public) {
        return Ok(());
    }
    Err(format!(
        "refusing to serve the console on {addr}: other computers could reach it. It listens on \
         loopback (127.0.0.1) unless it has the organisation's certificate (--tls-cert, \
         --tls-key) and --console-public"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pure check, nothing bound: "every interface" (what an organiser types to open the
    /// console to the network) needs TLS and the flag; loopback needs neither.
    #[test]
    fn a_public_address_needs_tls_and_the_flag() {
        use std::net::{Ipv4Addr, Ipv6Addr};
        for local in [
            SocketAddr::from((Ipv4Addr::LOCALHOST, 8441)),
            SocketAddr::from((Ipv6Addr::LOCALHOST, 8441)),
        ] {
            assert!(check_address(local, false, false).is_ok());
        }
        for public in [
            SocketAddr::from((Ipv4Addr::UNSPECIFIED, 8441)),
            SocketAddr::from((Ipv6Addr::UNSPECIFIED, 8441)),
        ] {
            assert!(check_address(public, false, false).is_err());
            assert!(check_address(public, true, false).is_err());
            assert!(check_address(public, false, true).is_err());
            assert!(check_address(public, true, true).is_ok());
        }
    }

    #[test]
    fn an_origin_is_a_scheme_and_a_host() {
        assert_eq!(
            parse_origin("https://console.example.org/").as_deref(),
            Ok("https://console.example.org")
        );
        assert!(parse_origin("http://127.0.0.1:8441").is_ok());
        for bad in [
            "console.example.org",
            "https://x.org/path",
            "ftp://x.org",
            "https://",
            "https://a@b",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; placard_console=abc; b=2"),
        );
        assert_eq!(cookie(&h).as_deref(), Some("abc"));
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("placard_consolex=abc"),
        );
        assert_eq!(cookie(&h), None);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
