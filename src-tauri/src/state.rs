//! What the app holds while it runs: where it reads and writes, the pack on show (swapped
//! whole when the operator picks another), and the kiosk's writable state behind its own lock.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use placard_kiosk_core::Kiosk;
use placard_kiosk_core::packs::{self, PackSource};
use placard_petition::{Pack, PackEntry, Renderer};

use tauri::{AppHandle, Emitter as _, Runtime};

use crate::error::{ErrorCode, IpcError};
use crate::models::{SYNC_EVENT, SyncView};

/// Where the kiosk reads its petitions and writes its state.
#[derive(Debug, Clone)]
pub struct KioskConfig {
    /// `PLACARD_PACK`, or `None` for the built-in demo pack.
    pub pack_dir: Option<PathBuf>,
    /// `PLACARD_DATA_DIR`, else the platform's app data folder. Everything the app writes
    /// (webview data included) goes under it.
    pub data_dir: PathBuf,
    /// Action Network's API root: `PLACARD_ACTION_NETWORK_URL`, else the real one (the
    /// variable is for tests and for organisations that proxy the API).
    pub action_network: String,
}

impl KioskConfig {
    /// Reads `PLACARD_PACK` and `PLACARD_DATA_DIR`; `default_data_dir` when the latter is unset.
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
                .unwrap_or_else(|| placard_kiosk_core::send::DEFAULT_ACTION_NETWORK.to_owned()),
        }
    }

    /// Every pack this kiosk can show (see `placard_kiosk_core::packs`).
    pub fn available_packs(&self) -> Vec<PackSource> {
        packs::available(&self.data_dir, self.pack_dir.as_deref())
    }
}

/// A loaded pack, or why there is none (the window still opens and says so).
#[derive(Debug)]
pub struct LoadedPack {
    /// Which source it came from (`demo`, `configured`, `local:NAME`).
    pub source: String,
    dir: PathBuf,
    pack: Result<Pack, IpcError>,
}

impl LoadedPack {
    pub fn load(source: impl Into<String>, dir: PathBuf) -> Self {
        let pack = Pack::load(&dir, &Renderer::default())
            .map_err(|e| IpcError::new(ErrorCode::PackUnavailable, e.to_string()));
        Self {
            source: source.into(),
            dir,
            pack,
        }
    }

    /// Loads `source`, unpacking the demo pack first when it is the one.
    pub fn from_source(source: &PackSource) -> Self {
        match source.prepare() {
            Ok(dir) => Self::load(&source.id, dir),
            Err(e) => Self::unavailable(
                &source.id,
                source.dir.clone(),
                format!("cannot unpack the demo petitions: {e}"),
            ),
        }
    }

    /// A pack that could not even be located.
    pub fn unavailable(source: impl Into<String>, dir: PathBuf, why: String) -> Self {
        Self {
            source: source.into(),
            dir,
            pack: Err(IpcError::new(ErrorCode::PackUnavailable, why)),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn pack(&self) -> Result<&Pack, IpcError> {
        self.pack.as_ref().map_err(Clone::clone)
    }

    /// One petition of the pack, or `petition_not_found`.
    pub fn entry(&self, id: &str) -> Result<&PackEntry, IpcError> {
        self.pack()?.get(id).ok_or_else(|| {
            IpcError::new(
                ErrorCode::PetitionNotFound,
                format!("no petition `{id}` in this pack"),
            )
        })
    }

    /// What the pack says of a petition's place on Action Network (nothing when it is not in
    /// this pack).
    pub fn action_network_meta(&self, id: &str) -> placard_fanout::action_network::PetitionMeta {
        placard_fanout::action_network::PetitionMeta::from_pack(self.pack.as_ref().ok(), id)
    }

    /// Ids of the published petitions, in pack order (none when the pack failed to load).
    pub fn published_ids(&self) -> Vec<String> {
        self.pack
            .as_ref()
            .map(|p| {
                p.petitions()
                    .filter(|e| e.original.petition.published)
                    .map(|e| e.id().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The pack on show. Commands take a snapshot (`current`) and keep it for their whole call,
/// so an operator switching packs never changes a pack under a command's feet; the switch
/// itself is one pointer swap.
#[derive(Debug)]
pub struct KioskState(RwLock<Arc<LoadedPack>>);

impl KioskState {
    pub fn new(loaded: LoadedPack) -> Self {
        Self(RwLock::new(Arc::new(loaded)))
    }

    /// The pack in `dir` (tests, and kiosks configured with `PLACARD_PACK`).
    pub fn load(dir: PathBuf) -> Self {
        Self::new(LoadedPack::load(packs::CONFIGURED, dir))
    }

    pub fn current(&self) -> Arc<LoadedPack> {
        self.0
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn replace(&self, loaded: Arc<LoadedPack>) {
        *self
            .0
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = loaded;
    }
}

/// The kiosk's writable state (settings, vault) behind its own lock: only signing and set-up
/// take it, so showing petitions never waits on a commit.
#[derive(Debug)]
pub struct KioskCell(Mutex<Result<Kiosk, IpcError>>);

impl KioskCell {
    pub fn open(data_dir: &Path) -> Self {
        Self(Mutex::new(Kiosk::open(data_dir).map_err(IpcError::from)))
    }

    /// Whether the window may close now (kiosk lock off, or an operator in). A kiosk whose
    /// state failed to open has nothing to protect, so it may.
    pub fn may_close(&self) -> bool {
        self.with(|k| Ok(k.may_close(std::time::Instant::now())))
            .unwrap_or(true)
    }

    /// Runs `f` on the kiosk, holding its lock only for that call.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Kiosk) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &mut *guard {
            Ok(kiosk) => f(kiosk),
            Err(e) => Err(e.clone()),
        }
    }
}

/// The sync loop the app owns: at most one, started when the kiosk is enrolled with a
/// collector (at launch, or right after an operator enrols it) and stopped when the app exits.
/// Its state goes to the window as [`SYNC_EVENT`] on every change, for the operator panel.
#[derive(Debug, Default)]
pub struct SyncCell(Mutex<Option<RunningSync>>);

#[derive(Debug)]
struct RunningSync {
    collector: String,
    controls: placard_sync::engine::Sync,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tauri::async_runtime::JoinHandle<()>,
}

impl SyncCell {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<RunningSync>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// (Re)starts the loop for the kiosk's collector; does nothing when it has none.
    pub fn start<R: Runtime>(&self, app: &AppHandle<R>, kiosk: &KioskCell) -> Result<(), IpcError> {
        // The old loop (another collector) is told to stop; it ends at its next await.
        let _ = self.stop();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let collector = kiosk.with(|k| Ok(k.collector()))?;
        let Some(collector) = collector.map(|u| u.to_string()) else {
            return Ok(());
        };
        let Some(sync) = kiosk.with(|k| {
            Ok(k.sync_loop(async {
                let _ = stopped.await;
            })?)
        })?
        else {
            return Ok(());
        };
        let task = tauri::async_runtime::spawn(async move {
            // Only a failing vault ends the loop early; its errors name no signer.
            if let Err(e) = sync.task.await {
                eprintln!("placard-kiosk: the sync loop stopped: {e}");
            }
        });
        let mut state = sync.controls.state();
        let (app, url) = (app.clone(), collector.clone());
        tauri::async_runtime::spawn(async move {
            loop {
                let view = SyncView::running(&url, &state.borrow_and_update());
                let _ = app.emit_to("main", SYNC_EVENT, view);
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
    pub fn wake(&self) -> bool {
        self.lock().as_ref().map(|r| r.controls.wake()).is_some()
    }

    /// What the operator panel shows.
    pub fn view(&self) -> SyncView {
        self.lock()
            .as_ref()
            .map_or_else(SyncView::not_configured, |r| {
                SyncView::running(&r.collector, &r.controls.state().borrow())
            })
    }

    /// Tells the loop to stop; the returned task ends once it has (a batch in flight is
    /// dropped, and its records stay pending until the next start).
    pub fn stop(&self) -> Option<tauri::async_runtime::JoinHandle<()>> {
        let running = self.lock().take()?;
        let _ = running.stop.send(());
        Some(running.task)
    }
}

/// The operator's "Send to Action Network" run, while one runs: its cancel signal. Locking
/// the panel or closing it cancels the run, which drops the key and the opened records.
#[derive(Debug, Default)]
pub struct SendCell(Mutex<Option<tokio::sync::oneshot::Sender<()>>>);

impl SendCell {
    /// Registers a new run; `None` when one runs already.
    pub fn begin(&self) -> Option<tokio::sync::oneshot::Receiver<()>> {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if slot.as_ref().is_some_and(|tx| !tx.is_closed()) {
            return None;
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        *slot = Some(tx);
        Some(rx)
    }

    /// Stops the run, if one runs.
    pub fn cancel(&self) {
        if let Some(tx) = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
        {
            let _ = tx.send(());
        }
    }
}
