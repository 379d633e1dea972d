//! [`KioskApp`]: the kiosk's only facade. The app's shell holds one and each of its commands
//! makes one call here; everything the kiosk does between two screens — which pack is on show,
//! the attract rotation, signing, the operator session, the link to the collector, sending —
//! is decided in this crate, where the CLI and the tests reach it too.
//!
//! Split by concern: this file (where things are, opening, showing, signing, first run),
//! `operator.rs` (the PIN and the panel), `uplink.rs` (collector, sync loop, packs from it),
//! `send.rs` ("Send to Action Network").
//!
//! **Opening happens beside the window.** [`KioskApp::open`] returns at once and opens the
//! vault and loads the pack on a thread of its own, so the webview starts while they load; the
//! first command that needs them waits for them (and only the first). Start-up waits for
//! nothing the first screen does not need.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use placard_vault::{SecretString, SignerInput};

use crate::packs::{self, PackSource};
use crate::send::SendSlot;
use crate::shown::{LoadedPack, PetitionPage, Shown};
use crate::uplink::{SyncStatus, Uplink};
use crate::{Kiosk, KioskError, OperatorSettings, PinHash, keys, settings};

/// Where the kiosk reads its petitions and writes its state.
#[derive(Debug, Clone)]
pub struct Places {
    /// `PLACARD_PACK`, or `None` for the built-in demo pack.
    pub pack_dir: Option<PathBuf>,
    /// `PLACARD_DATA_DIR`, else the platform's app data folder. Everything the app writes
    /// (webview data included) goes under it.
    pub data_dir: PathBuf,
    /// Action Network's API root: `PLACARD_ACTION_NETWORK_URL`, else the real one (the
    /// variable is for tests and for organisations that proxy the API).
    pub action_network: String,
}

impl Places {
    /// Reads `PLACARD_PACK`, `PLACARD_DATA_DIR` and `PLACARD_ACTION_NETWORK_URL`;
    /// `default_data_dir` when the data folder is not given.
    pub fn from_env(default_data_dir: PathBuf) -> Self {
        let var = |name| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Self {
            pack_dir: var("PLACARD_PACK"),
            data_dir: var("PLACARD_DATA_DIR").unwrap_or(default_data_dir),
            action_network: std::env::var("PLACARD_ACTION_NETWORK_URL")
                .ok()
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| crate::send::DEFAULT_ACTION_NETWORK.to_owned()),
        }
    }

    /// Every pack this kiosk can show (see [`packs::available`]).
    pub fn available_packs(&self) -> Vec<PackSource> {
        packs::available(&self.data_dir, self.pack_dir.as_deref())
    }

    /// Whether the window opens locked (fullscreen, closing refused): the kiosk is set up and
    /// its lock is on. Reads only the small settings file, so the window need not wait for the
    /// vault.
    pub fn opens_locked(&self) -> bool {
        settings::Settings::load(&self.data_dir.join(settings::FILE))
            .ok()
            .flatten()
            .is_some_and(|s| s.operator.locked)
    }
}

/// What the app's events carry to the window; the shell forwards them.
pub trait Events: Send + Sync + 'static {
    /// The sync loop's state changed (counts and times only: nothing of a signer).
    fn sync_state(&self, status: &SyncStatus);
}

/// The kiosk, as the app's commands see it. Cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct KioskApp(Arc<Inner>);

struct Inner {
    places: Places,
    /// The vault and the pack, once opened (see the module's note).
    loaded: OnceLock<Loaded>,
    uplink: Uplink,
    sending: SendSlot,
    /// PIN attempts, one at a time (see `operator_unlock`).
    pin_attempts: tokio::sync::Mutex<()>,
    /// The sealed copy last saved from the panel since the app started (see `wipe`).
    saved_copy: Mutex<Option<PathBuf>>,
}

/// What opening produced.
struct Loaded {
    shown: Shown,
    /// The kiosk's writable state behind its own lock: only set-up, signing, counting and
    /// operator actions take it, so showing a petition never waits on a commit. A kiosk that
    /// failed to open keeps its reason; every command that needs it answers with it.
    kiosk: Mutex<Result<Kiosk, Arc<KioskError>>>,
}

impl std::fmt::Debug for KioskApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KioskApp")
            .field("places", &self.0.places)
            .field("opened", &self.0.loaded.get().is_some())
            .finish_non_exhaustive()
    }
}

impl KioskApp {
    /// The kiosk at `places`, opening on a thread of its own (see the module's note). Its
    /// sync loop, when it is enrolled, runs on `runtime` and reports to `events`.
    pub fn open(places: Places, runtime: tokio::runtime::Handle, events: Arc<dyn Events>) -> Self {
        let app = Self::new(places, runtime, events);
        let opener = app.clone();
        // If no thread can be had, the first command opens it instead.
        let _ = std::thread::Builder::new()
            .name("placard-open".into())
            .spawn(move || {
                opener.loaded();
            });
        app
    }

    /// As [`KioskApp::open`], but showing the pack in `pack_dir` whatever the settings say,
    /// and opened before it returns (tests).
    pub fn open_with_pack(
        places: Places,
        pack_dir: PathBuf,
        runtime: tokio::runtime::Handle,
        events: Arc<dyn Events>,
    ) -> Self {
        let app = Self::new(places, runtime, events);
        app.load(Some(pack_dir));
        app
    }

    fn new(places: Places, runtime: tokio::runtime::Handle, events: Arc<dyn Events>) -> Self {
        Self(Arc::new(Inner {
            places,
            loaded: OnceLock::new(),
            uplink: Uplink::new(runtime, events),
            sending: SendSlot::default(),
            pin_attempts: tokio::sync::Mutex::new(()),
            saved_copy: Mutex::new(None),
        }))
    }

    pub fn places(&self) -> &Places {
        &self.0.places
    }

    /// The vault and the pack: opened by the first caller, waited for by the others.
    fn loaded(&self) -> &Loaded {
        self.load(None)
    }

    /// Opens the vault and the pack on show (`pack`, when given, whatever the settings say),
    /// unless they are open already.
    fn load(&self, pack: Option<PathBuf>) -> &Loaded {
        self.0.loaded.get_or_init(|| {
            let places = &self.0.places;
            let kiosk = std::fs::create_dir_all(&places.data_dir)
                .map_err(KioskError::from)
                .and_then(|()| Kiosk::open(&places.data_dir));
            let loaded = match pack {
                Some(dir) => LoadedPack::load(packs::CONFIGURED, dir),
                None => {
                    let chosen = kiosk.as_ref().ok().and_then(|k| k.operator_settings().pack);
                    let sources = places.available_packs();
                    LoadedPack::from_source(packs::choose(&sources, chosen.as_deref()))
                }
            };
            // Syncing starts with the app when the kiosk is enrolled. A loop that cannot start
            // leaves the kiosk signing: records wait, sealed, in the vault.
            if let Ok(k) = &kiosk
                && let Err(e) = self.0.uplink.start(k)
            {
                eprintln!("placard: sync not started: {e}");
            }
            Loaded {
                shown: Shown::new(loaded),
                kiosk: Mutex::new(kiosk.map_err(Arc::new)),
            }
        })
    }

    pub(crate) fn shown(&self) -> Arc<LoadedPack> {
        self.loaded().shown.current()
    }

    pub(crate) fn replace_shown(&self, loaded: Arc<LoadedPack>) {
        self.loaded().shown.replace(loaded);
    }

    /// Runs `f` on the kiosk, holding its lock only for that call.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&mut Kiosk) -> Result<T, KioskError>,
    ) -> Result<T, KioskError> {
        let mut guard: MutexGuard<'_, _> = self
            .loaded()
            .kiosk
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match &mut *guard {
            Ok(kiosk) => f(kiosk),
            Err(e) => Err(KioskError::NotOpened(e.clone())),
        }
    }

    pub(crate) fn uplink(&self) -> &Uplink {
        &self.0.uplink
    }

    pub(crate) fn sending(&self) -> &SendSlot {
        &self.0.sending
    }

    pub(crate) fn pin_attempts(&self) -> &tokio::sync::Mutex<()> {
        &self.0.pin_attempts
    }

    pub(crate) fn saved_copy(&self) -> &Mutex<Option<PathBuf>> {
        &self.0.saved_copy
    }

    // ---- Showing -------------------------------------------------------------------------

    /// One petition's page, in `lang` when the pack has that translation.
    pub fn petition(&self, id: &str, lang: Option<&str>) -> Result<PetitionPage, KioskError> {
        let shown = self.shown();
        Ok(PetitionPage::new(shown.entry(id)?, lang))
    }

    /// The pack on show, for the operator (its folder and the files that failed to load);
    /// `pack_unavailable` when it did not load.
    pub fn pack_on_show(&self) -> Result<Arc<LoadedPack>, KioskError> {
        let shown = self.shown();
        shown.pack()?;
        Ok(shown)
    }

    /// An image of the pack on show, for the `pack:` scheme: raster images inside the pack and
    /// nothing else (see `Pack::asset`).
    pub fn asset(
        &self,
        url_path: &str,
    ) -> Result<placard_petition::Asset, placard_petition::AssetError> {
        let shown = self.shown();
        match shown.pack() {
            Ok(pack) => pack.asset(url_path),
            Err(_) => Err(placard_petition::AssetError::NotFound(url_path.to_owned())),
        }
    }

    /// Whether the kiosk is set up, its settings and the petitions the attract screen rotates
    /// through.
    pub fn status(&self) -> Result<Status, KioskError> {
        let shown = self.shown();
        self.with(|k| Ok(Status::new(k.is_set_up(), k.operator_settings(), &shown)))
    }

    /// Everything the attract screen shows, in one call (it is the first screen, so it is what
    /// start-up waits for): the status, and the active petition at `index` (wrapping) in
    /// `lang`, with its count here.
    pub fn attract(&self, index: u32, lang: Option<&str>) -> Result<Attract, KioskError> {
        let shown = self.shown();
        // A pack that failed to load says so, rather than passing for "nothing on show".
        shown.pack()?;
        self.with(|k| {
            // Between signers: confirmed signatures past their time go (a failure here must
            // not keep the petition off the screen; the next turn tries again).
            if let Err(e) = k.purge_due(std::time::Instant::now(), chrono::Utc::now()) {
                eprintln!("placard: confirmed signatures could not be purged: {e}");
            }
            let status = Status::new(k.is_set_up(), k.operator_settings(), &shown);
            let on_show = match status.active.len() {
                0 => None,
                of => {
                    let position = index as usize % of;
                    let entry = shown.entry(&status.active[position])?;
                    Some(AttractPetition {
                        count: k.count(entry.id())?,
                        petition: entry.localized(lang).clone(),
                        position,
                        of,
                    })
                }
            };
            Ok(Attract { status, on_show })
        })
    }

    // ---- Signing -------------------------------------------------------------------------

    /// Seals and stores one signature for the petition `petition_id` of the pack on show;
    /// returns the petition's new count. `Ok` only once the signature is durable: the signer
    /// may be thanked after this and never before.
    /// The consent receipt names the privacy notice the form showed (see
    /// [`crate::sign_rules`]).
    pub fn sign(&self, petition_id: &str, signer: SignerInput) -> Result<u64, KioskError> {
        let shown = self.shown();
        let rules = crate::sign_rules(shown.entry(petition_id)?, &signer.locale);
        self.with(|k| k.sign_under(&rules, signer))
    }

    /// Clipboard mode: seals and stores one signature typed in from a paper sheet by an
    /// operator (`operator_only` without an open session; the record's source is `paper`).
    /// As with [`KioskApp::sign`], `Ok` only once it is durable, so the form clears after.
    pub fn sign_paper(&self, petition_id: &str, signer: SignerInput) -> Result<u64, KioskError> {
        let shown = self.shown();
        let rules = crate::sign_rules(shown.entry(petition_id)?, &signer.locale);
        self.with(|k| k.sign_paper_under(&rules, signer, std::time::Instant::now()))
    }

    /// Idle-time work for the next signature (its sealing key, WAL upkeep); the form asks for
    /// it when it opens, while the signer reads and types.
    pub fn prepare_signing(&self) -> Result<(), KioskError> {
        self.with(|k| {
            k.prepare()?;
            k.purge_due(std::time::Instant::now(), chrono::Utc::now())
                .map(drop)
        })
    }

    // ---- First run -----------------------------------------------------------------------

    /// Mounted removable media, where a new organiser key can be saved.
    pub fn key_destinations(&self) -> Vec<PathBuf> {
        keys::removable_media()
    }

    /// First run, for an organiser without a key: writes a new one, encrypted with
    /// `passphrase`, to `folder` (off the kiosk) with a recovery sheet; returns its public half.
    /// scrypt takes about a second: it runs on a blocking thread, outside the kiosk's lock.
    pub async fn create_organiser_key(
        &self,
        folder: &Path,
        passphrase: SecretString,
    ) -> Result<keys::CreatedKey, KioskError> {
        if self.with(|k| Ok(k.is_set_up()))? {
            return Err(KioskError::AlreadySetUp);
        }
        let data_dir = self.0.places.data_dir.clone();
        let folder = folder.to_owned();
        tokio::task::spawn_blocking(move || keys::create(&data_dir, &folder, &passphrase)).await?
    }

    /// First run: the organiser's public key (`age1…`) and the operator PIN. Returns whether
    /// the kiosk lock is now on (the window applies it). The PIN is hashed on a blocking
    /// thread, outside the kiosk's lock.
    pub async fn setup(&self, recipient: &str, pin: String) -> Result<bool, KioskError> {
        let hash = tokio::task::spawn_blocking(move || PinHash::new(&pin)).await?;
        let hash = hash.ok_or(KioskError::WeakPin)?;
        self.with(|k| {
            k.setup_hashed(recipient, hash)?;
            Ok(k.operator_settings().locked)
        })
    }

    /// Whether the window may close now (kiosk lock off, or an operator in). A kiosk whose
    /// state failed to open has nothing to protect, so it may.
    pub fn may_close(&self) -> bool {
        self.with(|k| Ok(k.may_close(std::time::Instant::now())))
            .unwrap_or(true)
    }
}

/// What every screen needs to know about the kiosk (no PIN needed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub set_up: bool,
    pub settings: OperatorSettings,
    /// The petitions the attract screen rotates through (the operator's choice, else every
    /// published petition of the pack).
    pub active: Vec<String>,
}

impl Status {
    pub(crate) fn new(set_up: bool, settings: OperatorSettings, shown: &LoadedPack) -> Self {
        Self {
            set_up,
            active: shown.active(&settings),
            settings,
        }
    }
}

/// The attract screen: the status and the petition on show.
#[derive(Debug, Clone)]
pub struct Attract {
    pub status: Status,
    /// `None` when no petition is active.
    pub on_show: Option<AttractPetition>,
}

/// One active petition as the attract screen shows it.
#[derive(Debug, Clone)]
pub struct AttractPetition {
    pub petition: placard_petition::LoadedPetition,
    /// Signatures collected here.
    pub count: u64,
    /// Its place in the rotation (0-based) and how many take turns.
    pub position: usize,
    pub of: usize,
}
