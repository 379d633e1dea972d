//! The kiosk's link to the organisation's collector: enrolling this kiosk's device key with a
//! one-time code, and the sync loop that sends the sealed outbox (`placard_sync::engine`).
//!
//! The loop gets its own handle on the vault: it only reads sealed rows and marks them sent,
//! so signing never waits on the network (SQLite serialises the two writers; both commits are
//! short). The app owns the loop's task and decides when it ends (shutdown is injected).

use std::future::Future;
use std::pin::Pin;

use placard_sync::engine::{self, Config, Sync, SyncError, TransportError};
use placard_sync::http::HttpTransport;
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_vault::Vault;
use uuid::Uuid;

use crate::packs::{self, PackSource};
use crate::{Kiosk, KioskError};

pub use placard_sync::http::PackListing;

/// What the collector needs to know this kiosk: its device id and Ed25519 public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub device_id: Uuid,
    pub public_key: Vec<u8>,
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

/// A collector address an operator typed: `http(s)://host[:port][/path]`, with the trailing
/// slash the API paths are joined to.
pub fn collector_url(text: &str) -> Result<url::Url, KioskError> {
    let text = text.trim();
    let mut url =
        url::Url::parse(text).map_err(|e| KioskError::BadCollectorUrl(format!("`{text}`: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(KioskError::BadCollectorUrl(format!(
            "`{text}`: an http:// or https:// address is needed"
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

/// Registers `enrolment` with the collector at `url` using a one-time `code` from
/// `placard-collector enroll`. The one network call outside the sync loop, made only when an
/// operator asks for it.
pub async fn enroll(url: &url::Url, code: &str, enrolment: &Enrolment) -> Result<(), KioskError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(KioskError::EnrolRefused("no enrolment code".into()));
    }
    placard_sync::http::enroll(url, code, enrolment.device_id, &enrolment.public_key)
        .await
        .map_err(|e| match e {
            TransportError::Unreachable(why) => KioskError::CollectorUnreachable(why),
            TransportError::Refused { reason, .. } => KioskError::EnrolRefused(reason),
        })
}

fn transport_error(e: TransportError) -> KioskError {
    match e {
        TransportError::Unreachable(why) => KioskError::CollectorUnreachable(why),
        TransportError::Refused { status, reason } => {
            KioskError::BadPack(format!("the collector answered {status}: {reason}"))
        }
    }
}

/// The petition packs the collector offers (an operator's request, never the signing path).
pub async fn collector_packs(url: &url::Url) -> Result<Vec<PackListing>, KioskError> {
    placard_sync::http::list_packs(url)
        .await
        .map_err(transport_error)
}

/// Downloads the pack `name` from the collector and takes it in as `local:NAME` (see
/// [`packs::install`]); an older copy is replaced only by a good one.
pub async fn pull_pack(
    url: &url::Url,
    name: &str,
    data_dir: &std::path::Path,
) -> Result<PackSource, KioskError> {
    let tar = placard_sync::http::fetch_pack(url, name)
        .await
        .map_err(transport_error)?;
    packs::install(data_dir, name, &tar).map_err(KioskError::BadPack)
}

impl Kiosk {
    /// This kiosk's device id and public key, for enrolment.
    pub fn enrolment(&self) -> Result<Enrolment, KioskError> {
        let vault = self.vault.as_ref().ok_or(KioskError::NotSetUp)?;
        Ok(Enrolment {
            device_id: vault.device_id(),
            public_key: public_key_of_pkcs8(&vault.device_key_pkcs8()?)
                .map_err(|e| KioskError::Sync(e.to_string()))?,
        })
    }

    /// The collector this kiosk is enrolled with, if any.
    pub fn collector(&self) -> Option<url::Url> {
        self.settings
            .as_ref()?
            .collector
            .as_deref()
            .and_then(|u| collector_url(u).ok())
    }

    /// Remembers the collector (after a successful enrolment), or forgets it (`None`).
    pub fn set_collector(&mut self, url: Option<&url::Url>) -> Result<(), KioskError> {
        let settings = self.settings.as_mut().ok_or(KioskError::NotSetUp)?;
        let mut next = settings.clone();
        next.collector = url.map(ToString::to_string);
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
        let Some(url) = self.collector() else {
            return Ok(None);
        };
        if self.vault.is_none() {
            return Err(KioskError::NotSetUp);
        }
        let vault = Vault::open(&self.data_dir.join("vault"))?;
        let signer =
            RequestSigner::from_pkcs8(&vault.device_key_pkcs8()?, vault.device_id().to_string())
                .map_err(|e| KioskError::Sync(e.to_string()))?;
        let transport =
            HttpTransport::new(url, signer).map_err(|e| KioskError::Sync(e.to_string()))?;
        let (task, sync) = engine::spawnable(vault, transport, Config::default(), shutdown)
            .map_err(|e| KioskError::Sync(e.to_string()))?;
        Ok(Some(SyncLoop {
            task: Box::pin(task),
            controls: sync,
        }))
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
            collector_url("http://10.0.0.2:8440/placard?x=1#y")
                .unwrap()
                .as_str(),
            "http://10.0.0.2:8440/placard/"
        );
        for bad in [
            "",
            "collect.example.org",
            "ftp://example.org/",
            "file:///etc",
        ] {
            assert!(
                matches!(collector_url(bad), Err(KioskError::BadCollectorUrl(_))),
                "{bad}"
            );
        }
    }
}
