//! What the app holds while it runs. Read-only after start-up, so no lock: commands borrow it.

use std::path::{Path, PathBuf};

use std::sync::Mutex;

use placard_kiosk_core::Kiosk;
use placard_petition::{Pack, PackEntry, Renderer};

use crate::error::{ErrorCode, IpcError};

/// Where the kiosk reads its petitions and writes its state.
#[derive(Debug, Clone)]
pub struct KioskConfig {
    /// `PLACARD_PACK`, or `None` for the built-in demo pack.
    pub pack_dir: Option<PathBuf>,
    /// `PLACARD_DATA_DIR`, else the platform's app data folder. Everything the app writes
    /// (webview data included) goes under it.
    pub data_dir: PathBuf,
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
        }
    }

    /// The pack folder to load: `PLACARD_PACK`, or the demo pack unpacked under the data dir.
    pub fn resolve_pack_dir(&self) -> std::io::Result<PathBuf> {
        match &self.pack_dir {
            Some(dir) => Ok(dir.clone()),
            None => placard_petition::demo::extract(&self.data_dir.join("demo-pack"))
                .map(Path::to_owned),
        }
    }
}

/// The loaded pack, or why there is none (the window still opens and says so).
#[derive(Debug)]
pub struct KioskState {
    pack_dir: PathBuf,
    pack: Result<Pack, IpcError>,
}

impl KioskState {
    pub fn load(pack_dir: PathBuf) -> Self {
        let pack = Pack::load(&pack_dir, &Renderer::default())
            .map_err(|e| IpcError::new(ErrorCode::PackUnavailable, e.to_string()));
        Self { pack_dir, pack }
    }

    /// A state whose pack could not even be located.
    pub fn unavailable(pack_dir: PathBuf, why: String) -> Self {
        Self {
            pack_dir,
            pack: Err(IpcError::new(ErrorCode::PackUnavailable, why)),
        }
    }

    pub fn pack_dir(&self) -> &Path {
        &self.pack_dir
    }

    pub fn pack(&self) -> Result<&Pack, IpcError> {
        self.pack.as_ref().map_err(Clone::clone)
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

    /// One petition of the pack, or `petition_not_found`.
    pub fn entry(&self, id: &str) -> Result<&PackEntry, IpcError> {
        self.pack()?.get(id).ok_or_else(|| {
            IpcError::new(
                ErrorCode::PetitionNotFound,
                format!("no petition `{id}` in this pack"),
            )
        })
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
