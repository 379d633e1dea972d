//! "Send to Action Network" from a kiosk that never had a collector: the organiser brings the
//! key file (on the USB stick it was saved to) and types its passphrase for one run. The key
//! opens the vault's records, is dropped before anything goes out, and the opened records are
//! dropped when the run ends or is cancelled. Each outcome is kept in the vault, so a second
//! run sends only what the first did not settle.

use std::future::Future;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use placard_fanout::action_network::{Client, PetitionMeta, resolve};
use placard_fanout::run::{self, Step, Summary};
use placard_vault::{OrganiserKey, SecretString, Vault};

use std::sync::{Mutex, PoisonError};

use crate::{Kiosk, KioskApp, KioskError, keys};

impl std::fmt::Debug for SendRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the passphrase or the token.
        f.debug_struct("SendRequest")
            .field("key_file", &self.key_file)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// Action Network's API root.
pub const DEFAULT_ACTION_NETWORK: &str = placard_fanout::action_network::DEFAULT_BASE;

/// What an operator gives for a run.
pub struct SendRequest {
    pub key_file: PathBuf,
    pub passphrase: SecretString,
    /// The Action Network API key (not kept: typed for the run).
    pub token: String,
    pub base_url: String,
    pub rate: NonZeroU32,
    /// Send again the records an earlier run failed.
    pub retry_failed: bool,
}

/// How a run ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendReport {
    pub summary: Summary,
    /// Petitions with no Action Network petition found: their records wait.
    pub unmatched: Vec<String>,
    /// Records the key did not open.
    pub unreadable: usize,
    /// The operator stopped it (what was settled stays settled).
    pub cancelled: bool,
}

/// Organiser key files on removable media (`placard-organiser-key.age`), to pick from.
pub fn key_files() -> Vec<PathBuf> {
    keys::removable_media()
        .into_iter()
        .map(|dir| dir.join(keys::KEY_FILE))
        .filter(|f| f.is_file())
        .collect()
}

impl Kiosk {
    /// A second handle on the vault for a send run to keep its outcomes in, so the kiosk's
    /// own lock is not held while the run talks to the network.
    pub fn delivery_ledger(&self) -> Result<Vault, KioskError> {
        if self.vault.is_none() {
            return Err(KioskError::NotSetUp);
        }
        Ok(Vault::open(&self.data_dir.join("vault"))?)
    }
}

/// Unlocks the key, opens the records, sends them; `meta` tells what the pack knows of each
/// petition, `each` hears every record's outcome as it is settled (with the run's progress),
/// and the run stops early when `cancel` completes.
pub async fn send_to_action_network(
    mut ledger: Vault,
    request: SendRequest,
    meta: impl Fn(&str) -> PetitionMeta,
    each: impl FnMut(&Step<'_>),
    cancel: impl Future<Output = ()>,
) -> Result<SendReport, KioskError> {
    let SendRequest {
        key_file,
        passphrase,
        token,
        base_url,
        rate,
        retry_failed,
    } = request;
    let key = unlock(&key_file, passphrase).await?;
    // Only what is not settled is opened: a record sent before stays sealed, in memory too.
    let mut settled = ledger.settled_deliveries(run::ACTION_NETWORK)?;
    let failed = ledger.failed_deliveries(run::ACTION_NETWORK)?;
    if retry_failed {
        settled.retain(|id| !failed.contains(id));
    }
    let failed_before = if retry_failed { 0 } else { failed.len() as u64 };
    let (records, unreadable) =
        placard_vault::readable(ledger.open_records_except(&key, &settled)?);
    // Nothing more to open: the key goes before the network is touched.
    drop(key);
    let client = Client::new(&base_url, &token, rate)?;
    drop(token);
    let (targets, unmatched) = resolve(&client, &records, &Default::default(), meta).await?;
    let options = run::RunOptions { retry_failed };
    let run = run::push_with(&client, &records, &targets, &mut ledger, options, each);
    tokio::pin!(cancel);
    let outcome = tokio::select! {
        done = run => Some(done),
        () = &mut cancel => None,
    };
    let cancelled = outcome.is_none();
    let summary = match outcome {
        None => Summary::default(),
        Some(Ok(mut s)) => {
            // The settled records were not opened: they count as skipped all the same.
            s.skipped += settled.len() as u64;
            s.failed_before += failed_before;
            s
        }
        Some(Err(e)) => return Err(e.into()),
    };
    Ok(SendReport {
        summary,
        unmatched,
        unreadable,
        cancelled,
    })
}

/// scrypt takes a second or so: off the async workers.
async fn unlock(key_file: &Path, passphrase: SecretString) -> Result<OrganiserKey, KioskError> {
    let file = key_file.to_owned();
    Ok(tokio::task::spawn_blocking(move || OrganiserKey::unlock(&file, &passphrase)).await??)
}

/// What an operator types for a run: the key file, its passphrase, the Action Network API key.
pub struct SendInput {
    pub key_file: PathBuf,
    pub passphrase: SecretString,
    pub token: String,
    /// "Retry failed": send again what an earlier run failed.
    pub retry_failed: bool,
}

impl std::fmt::Debug for SendInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendInput")
            .field("key_file", &self.key_file)
            .finish_non_exhaustive()
    }
}

/// The operator's "Send to Action Network" run, while one runs: its cancel signal. Locking the
/// panel cancels the run, which drops the key and the opened records.
#[derive(Debug, Default)]
pub(crate) struct SendSlot(Mutex<Option<tokio::sync::oneshot::Sender<()>>>);

impl SendSlot {
    /// Registers a new run; `None` when one runs already.
    fn begin(&self) -> Option<tokio::sync::oneshot::Receiver<()>> {
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.as_ref().is_some_and(|tx| !tx.is_closed()) {
            return None;
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        *slot = Some(tx);
        Some(rx)
    }

    /// Stops the run, if one runs.
    pub(crate) fn cancel(&self) {
        if let Some(tx) = self.0.lock().unwrap_or_else(PoisonError::into_inner).take() {
            let _ = tx.send(());
        }
    }
}

impl KioskApp {
    /// Organiser key files on removable media, to send from (operators only).
    pub fn key_files(&self) -> Result<Vec<PathBuf>, KioskError> {
        self.require_operator()?;
        Ok(key_files())
    }

    /// "Send to Action Network" (a kiosk without a collector): unlocks the key for this run
    /// only and sends every record not sent yet; `each` hears every record's outcome as it is
    /// settled. The key and the opened records are dropped when it ends, or when the operator
    /// cancels or locks the panel.
    pub async fn send_to_action_network(
        &self,
        input: SendInput,
        each: impl FnMut(&Step<'_>),
    ) -> Result<SendReport, KioskError> {
        let ledger = self.with(|k| {
            k.require_operator(std::time::Instant::now())?;
            k.delivery_ledger()
        })?;
        let cancel = self.sending().begin().ok_or(KioskError::SendRunning)?;
        let shown = self.shown();
        let request = SendRequest {
            key_file: input.key_file,
            passphrase: input.passphrase,
            token: input.token,
            base_url: self.places().action_network.clone(),
            rate: placard_fanout::action_network::DEFAULT_RATE,
            retry_failed: input.retry_failed,
        };
        let report = send_to_action_network(
            ledger,
            request,
            |id| shown.action_network_meta(id),
            each,
            async {
                let _ = cancel.await;
            },
        )
        .await;
        self.sending().cancel();
        report
    }

    /// Stops a running send.
    pub fn send_cancel(&self) {
        self.sending().cancel();
    }
}
