//! The link to the collector: enrolling, "Sync now", the sync loop's state, packs from it.

use placard_kiosk_core::SyncStatus;
use placard_kiosk_core::uplink::PackListing;
use serde::Serialize;
use ts_rs::TS;

use crate::command::commands;
use crate::count;
use crate::operator::PackChoice;

commands! {
    /// Pairs this kiosk with the organisation's collector (its address and the short pairing
    /// code from `placard-collector enroll`, which never travels: SPAKE2), pins its key,
    /// remembers it, and starts syncing to it. The only network request outside the sync loop,
    /// and only when an operator asks.
    fn operator_enroll[window, kiosk](collector: String, code: String) -> SyncView {
        Ok(kiosk.enroll(&collector, &code).await?.into())
    }

    /// "Sync now": the sync loop stops waiting and tries at once (`not_enrolled` without a
    /// collector).
    fn operator_sync_now[window, kiosk]() -> () {
        Ok(kiosk.sync_now()?)
    }

    /// The petition packs the enrolled collector offers.
    fn operator_collector_packs[window, kiosk]() -> Vec<CollectorPack> {
        Ok(kiosk
            .collector_packs()
            .await?
            .into_iter()
            .map(CollectorPack::from)
            .collect())
    }

    /// Pulls a pack from the collector into `DATA_DIR/packs/NAME` (a bad download changes
    /// nothing). When that pack is on show, the new version shows at once. Returns the packs
    /// the operator can now choose.
    fn operator_pull_pack[window, kiosk](name: String) -> Vec<PackChoice> {
        Ok(kiosk
            .pull_pack(&name)
            .await?
            .iter()
            .map(PackChoice::from)
            .collect())
    }
}

/// Sync to the organisation's collector, as the operator panel shows it (also the payload of
/// the `sync-state` event the sync loop emits on every change). Until a collector is enrolled
/// there is nothing to sync to: records wait, sealed, in the vault. Counts only: no signer
/// data ever travels in it.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
pub struct SyncView {
    /// Enrolled with a collector (and the loop runs).
    pub configured: bool,
    /// The collector's address.
    pub collector: Option<String>,
    /// Sealed here and not yet acknowledged by the collector.
    pub pending: u32,
    /// Acknowledged since the kiosk started.
    pub sent: u32,
    /// A batch is on its way.
    pub sending: bool,
    /// When the collector last acknowledged a batch (UTC, RFC 3339).
    pub last_success: Option<String>,
    /// Why the last attempt failed, until one succeeds.
    pub last_error: Option<String>,
    /// How far the collector's clock is ahead of this kiosk's (seconds; negative: behind), as
    /// its signed answers said; `null` before any did.
    pub clock_offset_seconds: Option<i32>,
}

impl From<SyncStatus> for SyncView {
    fn from(s: SyncStatus) -> Self {
        let state = s.state.unwrap_or_default();
        Self {
            configured: s.collector.is_some(),
            collector: s.collector,
            pending: count(state.pending),
            sent: count(state.sent),
            sending: state.sending,
            last_success: state.last_success,
            last_error: state.last_error,
            clock_offset_seconds: state
                .clock_offset
                .map(|o| i32::try_from(o).unwrap_or(if o < 0 { i32::MIN } else { i32::MAX })),
        }
    }
}

/// A petition pack the enrolled collector offers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CollectorPack {
    pub name: String,
    /// Download size, bytes.
    pub bytes: u32,
}

impl From<PackListing> for CollectorPack {
    fn from(p: PackListing) -> Self {
        Self {
            name: p.name,
            bytes: count(p.bytes),
        }
    }
}
