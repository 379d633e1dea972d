//! "Send to Action Network" from a kiosk that never had a collector: the organiser brings the
//! key file (on the USB stick it was saved to) and types its passphrase for one run. The key
//! opens the vault's records, is dropped before anything goes out, and the opened records are
//! dropped when the run ends or is cancelled. Each outcome is kept in the vault, so a second
//! run sends only what the first did not settle.

use std::future::Future;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use placard_fanout::action_network::{ApiError, Client, PetitionMeta, resolve};
use placard_fanout::run::{self, RunError, Step, Summary};
use placard_vault::{OrganiserKey, SecretString, Vault};

use crate::{Kiosk, KioskError, keys};

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

fn api_error(e: ApiError) -> KioskError {
    match e {
        ApiError::Unauthorized => KioskError::BadToken,
        ApiError::Unreachable(why) => KioskError::ActionNetworkUnreachable(why),
        other => KioskError::SendFailed(other.to_string()),
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
    } = request;
    let key = unlock(&key_file, passphrase).await?;
    let (records, unreadable) = placard_vault::readable(ledger.open_records(&key)?);
    // Nothing more to open: the key goes before the network is touched.
    drop(key);
    let client = Client::new(&base_url, &token, rate).map_err(api_error)?;
    drop(token);
    let (targets, unmatched) = resolve(&client, &records, &Default::default(), meta)
        .await
        .map_err(api_error)?;
    let run = run::push_each(&client, &records, &targets, &mut ledger, each);
    tokio::pin!(cancel);
    let outcome = tokio::select! {
        done = run => Some(done),
        () = &mut cancel => None,
    };
    let cancelled = outcome.is_none();
    let summary = match outcome {
        None => Summary::default(),
        Some(Ok(s)) => s,
        Some(Err(RunError::Api(e))) => return Err(api_error(e)),
        Some(Err(e)) => return Err(KioskError::SendFailed(e.to_string())),
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
    tokio::task::spawn_blocking(move || OrganiserKey::unlock(&file, &passphrase))
        .await
        .map_err(|e| KioskError::SendFailed(e.to_string()))?
        .map_err(KioskError::from)
}
