//! The organiser's key, held only while the organiser has unlocked the collector.
//!
//! Records stay sealed at rest. The collector opens them only after an unlock: at start
//! (`serve --identity FILE --passphrase-file F`) or later (`placard-collector unlock`, over
//! the admin socket). The key lives in memory only, and goes on `lock` or when the process
//! ends. (Opening records for the fan-out to Action Network, webhooks and exports is the next
//! step; an unlock already proves the key opens what is stored here.)

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::time::Instant;

use placard_vault::{OrganiserKey, SecretString, VaultError, open_sealed};
use serde::Serialize;

use crate::store::{Store, StoreError};

/// Stored records an unlock tries to open before it accepts a key.
const SAMPLE: u32 = 8;

#[derive(Debug, thiserror::Error)]
pub enum UnlockError {
    #[error("no organiser key file: start the collector with --identity FILE")]
    NoIdentity,
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("the organiser key file {0}: {1}")]
    BadIdentity(PathBuf, String),
    #[error(
        "this key opens none of the {0} records stored here: it is not the organiser key they were sealed to"
    )]
    WrongKey(usize),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UnlockError {
    /// Stable code for the admin socket's answers.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoIdentity => "no_identity",
            Self::WrongPassphrase => "wrong_passphrase",
            Self::BadIdentity(..) => "bad_identity",
            Self::WrongKey(_) => "wrong_key",
            Self::Store(_) => "internal",
        }
    }
}

/// What an unlock found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unlocked {
    /// The key's public half (`age1…`).
    pub recipient: String,
    /// Stored records tried, and how many opened.
    pub checked: usize,
    pub opened: usize,
}

/// How long an unlocked key stays in memory with nothing using it, unless `serve
/// --unlock-minutes` says otherwise: long enough for an organiser's push or export session,
/// short enough that a collector unlocked and forgotten does not stay open all night.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(15 * 60);

#[derive(Debug)]
pub struct Keyring {
    identity: Option<PathBuf>,
    key: RwLock<Option<Arc<OrganiserKey>>>,
    /// The key is dropped after this long unused (see [`Keyring::lock_if_idle`]).
    idle: Duration,
    /// When the key was unlocked or last used (tokio's clock, so tests can pause it).
    last_used: std::sync::Mutex<Instant>,
}

impl Default for Keyring {
    fn default() -> Self {
        Self::new(None)
    }
}

impl Keyring {
    /// A locked keyring for the encrypted key at `identity` (none: it can never unlock), that
    /// locks itself after [`DEFAULT_IDLE`] unused.
    pub fn new(identity: Option<PathBuf>) -> Self {
        Self::with_idle(identity, DEFAULT_IDLE)
    }

    /// As [`Keyring::new`], locking itself after `idle` unused.
    pub fn with_idle(identity: Option<PathBuf>, idle: Duration) -> Self {
        Self {
            identity,
            key: RwLock::new(None),
            idle,
            last_used: std::sync::Mutex::new(Instant::now()),
        }
    }

    fn touch(&self) {
        *self
            .last_used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Instant::now();
    }

    /// How long until the key locks itself if nothing uses it; `None` while locked (the
    /// console's countdown).
    pub fn locks_in(&self) -> Option<Duration> {
        if !self.is_unlocked() {
            return None;
        }
        let last = *self
            .last_used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Some(self.idle.saturating_sub(last.elapsed()))
    }

    /// Drops the key if it has not been used for the idle time; says whether it did.
    pub fn lock_if_idle(&self) -> bool {
        let last = *self
            .last_used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.is_unlocked() && last.elapsed() >= self.idle {
            self.lock();
            return true;
        }
        false
    }

    /// Locks the key once it has been idle for the idle time, checking as often as needed;
    /// runs until the collector stops. (Spawned by `serve`.)
    pub async fn auto_lock(self: Arc<Self>) {
        loop {
            let last = *self
                .last_used
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            tokio::time::sleep_until(last + self.idle).await;
            if self.lock_if_idle() {
                eprintln!(
                    "locked: the organiser's key was unused for {} minutes",
                    self.idle.as_secs() / 60
                );
            }
            if !self.is_unlocked() {
                // Nothing to lock until the next unlock, which touches the clock again.
                tokio::time::sleep(self.idle.min(Duration::from_secs(60))).await;
            }
        }
    }

    pub fn identity(&self) -> Option<&Path> {
        self.identity.as_deref()
    }

    pub fn is_unlocked(&self) -> bool {
        self.key
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .is_some()
    }

    /// The unlocked key, for whatever opens records (a use: the idle time starts again).
    pub fn key(&self) -> Option<Arc<OrganiserKey>> {
        let key = self
            .key
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        if key.is_some() {
            self.touch();
        }
        key
    }

    /// Unlocks the key file with `passphrase`, and keeps the key only if it opens the records
    /// stored here (when there are any): a wrong key would otherwise pass for "unlocked" and
    /// fail later, record by record.
    pub async fn unlock(
        &self,
        passphrase: SecretString,
        store: &Store,
    ) -> Result<Unlocked, UnlockError> {
        let path = self.identity.clone().ok_or(UnlockError::NoIdentity)?;
        let key = {
            let path = path.clone();
            tokio::task::spawn_blocking(move || OrganiserKey::unlock(&path, &passphrase))
                .await
                .map_err(|e| StoreError::Task(e.to_string()))?
        }
        .map_err(|e| match e {
            VaultError::WrongPassphrase => UnlockError::WrongPassphrase,
            other => UnlockError::BadIdentity(path, other.to_string()),
        })?;
        let sample = store.sample(SAMPLE).await?;
        let opened = sample
            .iter()
            .filter(|(device, row)| open_sealed(row, *device, &key).is_ok())
            .count();
        if !sample.is_empty() && opened == 0 {
            return Err(UnlockError::WrongKey(sample.len()));
        }
        let unlocked = Unlocked {
            recipient: key.recipient(),
            checked: sample.len(),
            opened,
        };
        *self
            .key
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Arc::new(key));
        self.touch();
        Ok(unlocked)
    }

    /// Drops the key (the last user of it drops the secret, which age wipes).
    pub fn lock(&self) {
        *self
            .key
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}
