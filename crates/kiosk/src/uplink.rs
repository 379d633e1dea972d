//! The kiosk's link to the organisation's collector: pairing this kiosk's device key with it by
//! a short code (`placard_sync::pairing`), and the sync loop that sends the sealed outbox
//! (`placard_sync::engine`).
//!
//! The loop gets its own handle on the vault: it only reads sealed rows and marks them sent,
//! so signing never waits on the network (SQLite serialises the two writers; both commits are
//! short). The app owns the loop's task and decides when it ends (shutdown is injected).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use placard_sync::answer::{self, PublicKey};
use placard_sync::engine::{self, Config, Sync, SyncError, SyncState, TransportError};
use placard_sync::http::{EnrolError, HttpTransport};
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_vault::Vault;
use uuid::Uuid;

use crate::error::pack_transport;
use crate::packs::{self, PackSource};
use crate::shown::LoadedPack;
use crate::{Events, Kiosk, KioskApp, KioskError};

pub use placard_sync::http::PackListing;

/// What the collector needs to know this kiosk: its device id and Ed25519 public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub device_id: Uuid,
    pub public_key: Vec<u8>,
    /// The organiser's key this kiosk seals to: a collector told its organisation's key
    /// refuses a kiosk that seals to another, in words.
    pub recipient: String,
}

/// A sync loop ready to run: spawn `task`; `controls` wake it ("Sync now") and watch its state.
pub struct SyncLoop {
    pub task: Pin<Box<dyn Future<Output = Result<(), SyncError>> + Send>>,
    pub controls: Sync,
}

impl std::fmt::Debug for SyncLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncLoop").finish_non_exhaustive()
    }
}

/// A collector address an operator typed: `https://host[:port][/path]` (or `http://` to this
/// very computer), with the trailing slash the API paths are joined to. Plain `http://` to
/// anything else is refused before any connection: on the event's Wi-Fi, anyone could answer
/// in the collector's place and acknowledge records it never stored.
pub fn collector_url(text: &str) -> Result<url::Url, KioskError> {
    let text = text.trim();
    let mut url =
        url::Url::parse(text).map_err(|e| KioskError::BadCollectorUrl(format!("`{text}`: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(KioskError::BadCollectorUrl(format!(
            "`{text}`: an https:// address is needed"
        )));
    }
    if url.scheme() == "http" && !is_loopback(&url) {
        return Err(KioskError::BadCollectorUrl(format!(
            "`{text}`: plain http:// is only for a collector on this computer; anyone on the \
             network could answer in its place, so use https://"
        )));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Whether `url` names this computer: `localhost` or a loopback address (127.0.0.0/8, ::1).
fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Pairs `enrolment` with the collector at `url` by the short `code` from
/// `placard-collector enroll` (SPAKE2: the code never travels); returns the collector's key,
/// to pin. The one network call outside the sync loop, made only when an operator asks for it.
/// A code that is not one (empty, mistyped) is refused before any request.
pub async fn enroll(
    url: &url::Url,
    code: &str,
    enrolment: &Enrolment,
) -> Result<PublicKey, KioskError> {
    placard_sync::http::enroll(
        url,
        code,
        enrolment.device_id,
        &enrolment.public_key,
        &enrolment.recipient,
    )
    .await
    .map_err(|e| match e {
        EnrolError::Transport(TransportError::Unreachable(why)) => {
            KioskError::CollectorUnreachable(why)
        }
        EnrolError::Transport(TransportError::Refused { reason, .. }) => {
            KioskError::EnrolRefused(reason)
        }
        EnrolError::Transport(TransportError::Forged(why)) => {
            KioskError::ForgedAnswer(why.to_string())
        }
        e @ (EnrolError::Pairing(_) | EnrolError::RecipientMismatch { .. }) => {
            KioskError::EnrolRefused(e.to_string())
        }
    })
}

/// The petition packs the collector offers (an operator's request, never the signing path),
/// as the collector with the pinned key `collector` signed the list.
pub async fn collector_packs(
    url: &url::Url,
    collector: &PublicKey,
) -> Result<Vec<PackListing>, KioskError> {
    placard_sync::http::list_packs(url, collector)
        .await
        .map_err(pack_transport)
}

/// Downloads the pack `name` from the collector and takes it in as `local:NAME` (see
/// [`packs::install`]); an older copy is replaced only by a good one.
pub async fn pull_pack(
    url: &url::Url,
    collector: &PublicKey,
    name: &str,
    data_dir: &std::path::Path,
) -> Result<PackSource, KioskError> {
    let tar = placard_sync::http::fetch_pack(url, name, collector)
        .await
        .map_err(pack_transport)?;
    Ok(packs::install(data_dir, name, &tar)?)
}

impl Kiosk {
    /// This kiosk's device id and public key, for enrolment.
    pub fn enrolment(&self) -> Result<Enrolment, KioskError> {
        let vault = self.vault.as_ref().ok_or(KioskError::NotSetUp)?;
        Ok(Enrolment {
            device_id: vault.device_id(),
            public_key: public_key_of_pkcs8(&vault.device_key_pkcs8()?)
                .map_err(KioskError::sync)?,
            recipient: vault.recipient().to_owned(),
        })
    }

    /// The collector this kiosk is enrolled with, if any: its address, and the key pinned at
    /// enrolment that its answers must verify against. A kiosk enrolled before collectors
    /// signed their answers has no pin: it counts as not enrolled until an operator enrols it
    /// again (with a new code), so it never acts on an answer it cannot check.
    pub fn collector(&self) -> Option<(url::Url, PublicKey)> {
        let url = self
            .settings
            .as_ref()?
            .collector
            .as_deref()
            .and_then(|u| collector_url(u).ok())?;
        let pinned = self.vault.as_ref()?.collector_key().ok()??;
        Some((url, answer::decode_key(&pinned)?))
    }

    /// Remembers the collector and pins its key (after a successful enrolment), or forgets
    /// the collector (`None`).
    pub fn set_collector(
        &mut self,
        collector: Option<(&url::Url, &PublicKey)>,
    ) -> Result<(), KioskError> {
        if let Some((_, key)) = collector {
            let vault = self.vault.as_mut().ok_or(KioskError::NotSetUp)?;
            vault.pin_collector_key(&answer::encode_key(key))?;
        }
        let settings = self.settings.as_mut().ok_or(KioskError::NotSetUp)?;
        let mut next = settings.clone();
        next.collector = collector.map(|(url, _)| url.to_string());
        next.save(&self.data_dir.join(crate::settings::FILE))?;
        *settings = next;
        Ok(())
    }

    /// The sync loop to the enrolled collector, ready to spawn; `None` when no collector is
    /// enrolled. It ends when `shutdown` completes.
    pub fn sync_loop(
        &self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<Option<SyncLoop>, KioskError> {
        let Some((url, pinned)) = self.collector() else {
            return Ok(None);
        };
        if self.vault.is_none() {
            return Err(KioskError::NotSetUp);
        }
        let vault = Vault::open(&self.data_dir.join("vault"))?;
        let signer =
            RequestSigner::from_pkcs8(&vault.device_key_pkcs8()?, vault.device_id().to_string())
                .map_err(KioskError::sync)?;
        let transport = HttpTransport::new(url, signer, pinned).map_err(KioskError::sync)?;
        let (task, sync) = engine::spawnable(vault, transport, Config::default(), shutdown)
            .map_err(KioskError::sync)?;
        Ok(Some(SyncLoop {
            task: Box::pin(task),
            controls: sync,
        }))
    }
}

/// The sync loop as the panel shows it: the collector, and the loop's state while it runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncStatus {
    /// The collector's address; `None` until the kiosk is enrolled (records wait, sealed).
    pub collector: Option<String>,
    pub state: Option<SyncState>,
}

/// The sync loop the app owns: at most one, started when the kiosk is enrolled (at start, or
/// right after an operator enrols it), its state reported to [`Events`] on every change, and
/// stopped on the way out.
pub(crate) struct Uplink {
    runtime: tokio::runtime::Handle,
    events: Arc<dyn Events>,
    running: Mutex<Option<RunningSync>>,
}

struct RunningSync {
    collector: String,
    controls: Sync,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Uplink {
    pub(crate) fn new(runtime: tokio::runtime::Handle, events: Arc<dyn Events>) -> Self {
        Self {
            runtime,
            events,
            running: Mutex::new(None),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<RunningSync>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// (Re)starts the loop for `kiosk`'s collector; does nothing when it has none.
    pub(crate) fn start(&self, kiosk: &Kiosk) -> Result<(), KioskError> {
        // The old loop (another collector) is told to stop; it ends at its next await.
        let _ = self.stop();
        let Some(collector) = kiosk.collector().map(|(u, _)| u.to_string()) else {
            return Ok(());
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let Some(sync) = kiosk.sync_loop(async {
            let _ = stopped.await;
        })?
        else {
            return Ok(());
        };
        let task = self.runtime.spawn(async move {
            // Only a failing vault ends the loop early; its errors name no signer.
            if let Err(e) = sync.task.await {
                eprintln!("placard: the sync loop stopped: {e}");
            }
        });
        let mut state = sync.controls.state();
        let (events, url) = (self.events.clone(), collector.clone());
        self.runtime.spawn(async move {
            loop {
                let status = SyncStatus {
                    collector: Some(url.clone()),
                    state: Some(state.borrow_and_update().clone()),
                };
                events.sync_state(&status);
                // Ends when the loop does (its sender is dropped).
                if state.changed().await.is_err() {
                    break;
                }
            }
        });
        *self.lock() = Some(RunningSync {
            collector,
            controls: sync.controls,
            stop,
            task,
        });
        Ok(())
    }

    /// "Sync now": ends the loop's wait. `false` when there is no loop.
    pub(crate) fn wake(&self) -> bool {
        self.lock().as_ref().map(|r| r.controls.wake()).is_some()
    }

    pub(crate) fn status(&self) -> SyncStatus {
        self.lock()
            .as_ref()
            .map_or_else(SyncStatus::default, |r| SyncStatus {
                collector: Some(r.collector.clone()),
                state: Some(r.controls.state().borrow().clone()),
            })
    }

    /// Tells the loop to stop; the returned task ends once it has (a batch in flight is
    /// dropped, and its records stay pending until the next start).
    pub(crate) fn stop(&self) -> Option<tokio::task::JoinHandle<()>> {
        let running = self.lock().take()?;
        let _ = running.stop.send(());
        Some(running.task)
    }
}

impl KioskApp {
    /// Pairs this kiosk with the organisation's collector (its address and the short pairing
    /// code from `placard-collector enroll`, which never travels: SPAKE2), pins its key,
    /// remembers it, and starts syncing to it. The only network request outside the sync loop,
    /// and only when an operator asks.
    pub async fn enroll(&self, collector: &str, code: &str) -> Result<SyncStatus, KioskError> {
        let enrolment = self.with(|k| {
            k.require_operator(std::time::Instant::now())?;
            k.enrolment()
        })?;
        let url = collector_url(collector)?;
        let pinned = enroll(&url, code, &enrolment).await?;
        self.with(|k| {
            k.set_collector(Some((&url, &pinned)))?;
            self.uplink().start(k)
        })?;
        Ok(self.uplink().status())
    }

    /// The collector this kiosk is enrolled with, for an operator; `not_enrolled` without one.
    fn enrolled_collector(&self) -> Result<(url::Url, PublicKey), KioskError> {
        self.with(|k| {
            k.require_operator(std::time::Instant::now())?;
            Ok(k.collector())
        })?
        .ok_or(KioskError::NotEnrolled)
    }

    /// "Sync now": the sync loop stops waiting and tries at once (`not_enrolled` without a
    /// collector).
    pub fn sync_now(&self) -> Result<(), KioskError> {
        self.require_operator()?;
        if self.uplink().wake() {
            Ok(())
        } else {
            Err(KioskError::NotEnrolled)
        }
    }

    /// The petition packs the enrolled collector offers.
    pub async fn collector_packs(&self) -> Result<Vec<PackListing>, KioskError> {
        let (url, pinned) = self.enrolled_collector()?;
        collector_packs(&url, &pinned).await
    }

    /// Pulls a pack from the collector into `DATA_DIR/packs/NAME` (a bad download changes
    /// nothing). When that pack is on show, the new version shows at once. Returns the packs
    /// the operator can now choose.
    pub async fn pull_pack(&self, name: &str) -> Result<Vec<PackSource>, KioskError> {
        let (url, pinned) = self.enrolled_collector()?;
        let source = pull_pack(&url, &pinned, name, &self.places().data_dir).await?;
        if self.shown().source == source.id {
            self.replace_shown(Arc::new(LoadedPack::from_source(&source)));
        }
        Ok(self.places().available_packs())
    }

    /// Stops the sync loop on the way out; the returned task ends once it has.
    pub fn stop_sync(&self) -> Option<tokio::task::JoinHandle<()>> {
        self.uplink().stop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collector_addresses_are_http_with_a_trailing_slash() {
        assert_eq!(
            collector_url(" https://collect.example.org ")
                .unwrap()
                .as_str(),
            "https://collect.example.org/"
        );
        assert_eq!(
            collector_url("https://collect.example.org:8440/placard?x=1#y")
                .unwrap()
                .as_str(),
            "https://collect.example.org:8440/placard/"
        );
        for here in [
            "http://127.0.0.1:8440/",
            "http://localhost/",
            "http://[::1]:1/",
        ] {
            assert!(collector_url(here).is_ok(), "{here}");
        }
        for bad in [
            "",
            "collect.example.org",
            "ftp://example.org/",
            "file:///etc",
            // Plain http to another machine: whoever is on the Wi-Fi could answer.
            "http://collector.invalid:8440/",
            "http://collect.example.org/",
            "http://localhost.example.org/",
        ] {
            assert!(
                matches!(collector_url(bad), Err(KioskError::BadCollectorUrl(_))),
                "{bad}"
            );
        }
    }
}
