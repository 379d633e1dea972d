//! The kiosk's sync loop: sends the vault's outbox to the collector in batches, and marks
//! records sent only when the collector's acknowledgement names them.
//!
//! - Connectivity is probed first (`health`), and again after any failure; while the collector
//!   cannot be reached the loop
//!   waits with capped exponential backoff and *full* jitter: each wait is drawn uniformly from
//!   zero to the current cap, so many kiosks coming back online at once spread out instead of
//!   arriving together. The caps come from `backon`; the draw is ours.
//! - It never gives up while records are pending, and never spins: every failure waits.
//! - "Sync now" ([`Sync::wake`]) cuts a wait short. Shutdown is injected (a future), as in
//!   mini-redis, so the app decides when the task ends and tests can end it too.
//! - State (pending, progress, last success, last error) is published on a `watch` channel for
//!   the operator panel.
//!
//! Vault calls are short (a read, or one commit) and run inline on the task.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use backon::{BackoffBuilder as _, ExponentialBuilder};
use placard_vault::{PendingTally, Vault, VaultError};
use rand::rngs::SmallRng;
use rand::{Rng as _, SeedableRng as _};
use tokio::sync::{Notify, watch};
use uuid::Uuid;

use crate::wire::{Ack, Batch, Report};

/// How the kiosk reaches the collector. The HTTP implementation signs every request; tests
/// use in-memory stand-ins.
pub trait Transport {
    /// Whether the collector answers at all.
    fn health(&self) -> impl Future<Output = Result<(), TransportError>> + Send;
    /// Sends one batch; `Ok` only with the collector's acknowledgement.
    fn upload(&self, batch: &Batch) -> impl Future<Output = Result<Ack, TransportError>> + Send;
    /// How far the collector's clock is ahead of this one (seconds; negative: behind), as its
    /// signed answers last said; `None` before any said.
    fn clock_offset(&self) -> Option<i64> {
        None
    }
    /// Tells the collector how this kiosk is (for the organiser's console). Best effort: a
    /// collector that does not take reports, or a failure, changes nothing here.
    fn report(&self, report: &Report) -> impl Future<Output = Result<(), TransportError>> + Send {
        let _ = report;
        std::future::ready(Ok(()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("the collector cannot be reached: {0}")]
    Unreachable(String),
    #[error("the collector answered {status}: {reason}")]
    Refused { status: u16, reason: String },
    /// An answer that does not verify against the collector's pinned key: taken as no answer
    /// (nothing is marked sent), and the batch goes again later.
    #[error("an answer in the collector's place was refused: {0}")]
    Forged(#[from] crate::answer::Forged),
}

/// The least time between two reports made while records wait (see [`Transport::report`]).
const REPORT_EVERY: Duration = Duration::from_secs(60);

/// Batch sizes and waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub max_records: usize,
    pub max_bytes: usize,
    /// The first wait's cap after a failure; it doubles up to `max_wait`.
    pub min_wait: Duration,
    pub max_wait: Duration,
    /// With nothing pending, look again this often (a "Sync now" or a new signature's wake
    /// comes sooner).
    pub idle_poll: Duration,
    /// Seed for the jitter, for reproducible tests; `None` seeds from the OS.
    pub jitter_seed: Option<u64>,
    /// The app's version, as the kiosk reports it to the collector.
    pub app_version: &'static str,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_records: 500,
            max_bytes: 4 << 20,
            min_wait: Duration::from_secs(1),
            max_wait: Duration::from_secs(300),
            idle_poll: Duration::from_secs(60),
            jitter_seed: None,
            app_version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// What the operator panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    /// Records sealed here and not yet acknowledged.
    pub pending: u64,
    /// Acknowledged by the collector since the loop started.
    pub sent: u64,
    /// A batch is on its way.
    pub sending: bool,
    /// RFC 3339 time of the last acknowledgement.
    pub last_success: Option<String>,
    /// The last failure, until a success clears it.
    pub last_error: Option<String>,
    /// How far the collector's clock is ahead of this kiosk's (seconds; negative: behind), as
    /// its signed answers say. Requests are signed with it applied, so a kiosk whose clock
    /// drifted still syncs; the panel says when it is off.
    pub clock_offset: Option<i64>,
}

/// A running sync loop's controls.
#[derive(Debug, Clone)]
pub struct Sync {
    wake: Arc<Notify>,
    state: watch::Receiver<SyncState>,
}

impl Sync {
    /// "Sync now": ends the current wait at once.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub fn state(&self) -> watch::Receiver<SyncState> {
        self.state.clone()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("the vault holds a record whose id is not a UUID: {0}")]
    BadRecordId(#[from] uuid::Error),
}

/// The loop, ready to run: `(loop, controls)`. Run the loop's future on a task; it returns when
/// `shutdown` completes, or with an error only if the vault itself fails. The state starts with
/// the vault's pending count, so nobody mistakes "not started" for "nothing to send".
pub fn spawnable<T: Transport>(
    vault: Vault,
    transport: T,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> Result<(impl Future<Output = Result<(), SyncError>>, Sync), SyncError> {
    let wake = Arc::new(Notify::new());
    // Counting the outbox reads every row of it; during a long sync that count, once per
    // batch, cost as much as building the batch. So it is counted once, here, and then kept:
    // new rows added as they come, acknowledged ones taken off.
    let tally = vault.pending_tally()?;
    let (tx, rx) = watch::channel(SyncState {
        pending: tally.pending(),
        ..SyncState::default()
    });
    let controls = Sync {
        wake: wake.clone(),
        state: rx,
    };
    let task = run(vault, tally, transport, config, wake, tx, shutdown);
    Ok((task, controls))
}

async fn run<T: Transport>(
    mut vault: Vault,
    mut tally: PendingTally,
    transport: T,
    config: Config,
    wake: Arc<Notify>,
    state: watch::Sender<SyncState>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), SyncError> {
    tokio::pin!(shutdown);
    let device_id = vault.device_id();
    // Every record leaves signed by this device (its provenance); the key is read once.
    let device_key = vault.device_signing_key()?;
    let mut waits = Waits::new(&config);
    // Probe only when the collector's reachability is in doubt (at start, after a failure):
    // a probe before every batch would double the round trips of a long sync.
    let mut reachable = false;
    // Batch caps: halved when the collector answers 413, then kept for the rest of the run.
    let mut max_records = config.max_records.max(1);
    let mut max_bytes = config.max_bytes.max(1);
    // Whether the collector has heard how this kiosk is since that last changed, and when a
    // report last went with records still waiting.
    let mut reported = false;
    let mut last_report: Option<tokio::time::Instant> = None;
    let report = |pending: u64| Report {
        device_id,
        app_version: config.app_version.to_owned(),
        pending,
        clock_offset: transport.clock_offset(),
    };
    loop {
        let pending = vault.refresh_tally(&mut tally)?;
        state.send_modify(|s| s.pending = pending);
        if pending == 0 {
            // Caught up (or idle and looking again): the collector's console hears it, when
            // the collector answers. Failures are not this loop's concern.
            if reachable && !reported {
                reported = transport.report(&report(0)).await.is_ok();
            }
            waits.reset();
            tokio::select! {
                () = &mut shutdown => return Ok(()),
                () = wake.notified() => {}
                () = tokio::time::sleep(config.idle_poll) => {
                    // Each idle look is also a sign of life, if the collector answers.
                    if transport.health().await.is_ok() {
                        reachable = true;
                        reported = transport.report(&report(0)).await.is_ok();
                    }
                }
            }
            continue;
        }
        reported = false;
        let probe = if reachable {
            Ok(())
        } else {
            let probe = transport.health().await;
            let offset = transport.clock_offset();
            state.send_if_modified(|s| std::mem::replace(&mut s.clock_offset, offset) != offset);
            // Back in touch: the console hears what waits here before the first batch goes —
            // at most once a minute, so that a collector slowing this kiosk down (429) is not
            // asked to take reports in place of batches.
            if probe.is_ok() && last_report.is_none_or(|at| at.elapsed() >= REPORT_EVERY) {
                last_report = Some(tokio::time::Instant::now());
                let _ = transport.report(&report(pending)).await;
            }
            probe
        };
        let outcome = match probe {
            Err(e) => Err(e),
            Ok(()) => {
                let Some(batch) = vault.next_batch(max_records, max_bytes)? else {
                    // Sent by someone else on the same vault (e.g. `placard sync` beside
                    // the app): count again.
                    tally = vault.pending_tally()?;
                    continue;
                };
                let wire = Batch::from_outbox(device_id, &batch)?
                    .sealed_to(vault.recipient())
                    .signed_by(&device_key);
                state.send_modify(|s| s.sending = true);
                let sent = transport.upload(&wire).await;
                let offset = transport.clock_offset();
                state.send_modify(|s| {
                    s.sending = false;
                    s.clock_offset = offset;
                });
                match sent {
                    Ok(ack) if ack.batch_id == batch.batch_id => {
                        let stored: Vec<String> = ack.stored.iter().map(Uuid::to_string).collect();
                        let done =
                            vault.acknowledge_counted(batch.batch_id, &stored, &mut tally)?;
                        let now =
                            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                        state.send_modify(|s| {
                            s.sent += done.sent;
                            s.last_success = Some(now);
                            s.last_error = None;
                        });
                        Ok(())
                    }
                    // Too large for the collector, and nothing of it was stored: put the records
                    // back and send them in smaller batches. (Were an earlier attempt of this
                    // batch stored and its ack lost, the records' ids still make them arrive
                    // once.) A lone record that is too large waits and says so.
                    Err(TransportError::Refused { status: 413, .. }) if batch.rows.len() > 1 => {
                        vault.acknowledge(batch.batch_id, &[])?;
                        let bytes: usize = batch.rows.iter().map(|r| r.sealed.len()).sum();
                        max_records = (batch.rows.len() / 2).max(1);
                        max_bytes = (bytes / 2).max(1);
                        continue;
                    }
                    Ok(ack) => Err(TransportError::Refused {
                        status: 200,
                        reason: format!(
                            "acknowledged batch {} instead of {}",
                            ack.batch_id, batch.batch_id
                        ),
                    }),
                    Err(e) => Err(e),
                }
            }
        };
        match outcome {
            Ok(()) => {
                reachable = true;
                waits.reset();
            }
            Err(e) => {
                reachable = false;
                state.send_modify(|s| s.last_error = Some(e.to_string()));
                let wait = waits.next();
                tokio::select! {
                    () = &mut shutdown => return Ok(()),
                    () = wake.notified() => waits.reset(),
                    () = tokio::time::sleep(wait) => {}
                }
            }
        }
    }
}

/// Capped exponential caps (`backon`), each wait drawn uniformly below its cap (full jitter).
struct Waits {
    builder: ExponentialBuilder,
    caps: backon::ExponentialBackoff,
    max: Duration,
    rng: SmallRng,
}

impl Waits {
    fn new(config: &Config) -> Self {
        let builder = ExponentialBuilder::default()
            .with_min_delay(config.min_wait)
            .with_max_delay(config.max_wait)
            .with_factor(2.0)
            .without_max_times();
        Self {
            caps: builder.build(),
            builder,
            max: config.max_wait,
            rng: match config.jitter_seed {
                Some(seed) => SmallRng::seed_from_u64(seed),
                None => SmallRng::from_os_rng(),
            },
        }
    }

    fn next(&mut self) -> Duration {
        let cap = self.caps.next().unwrap_or(self.max);
        let millis = u64::try_from(cap.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(self.rng.random_range(0..=millis))
    }

    fn reset(&mut self) {
        self.caps = self.builder.build();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_to_their_cap_and_are_drawn_below_it() {
        let config = Config {
            min_wait: Duration::from_secs(1),
            max_wait: Duration::from_secs(8),
            jitter_seed: Some(7),
            ..Config::default()
        };
        let mut waits = Waits::new(&config);
        let drawn: Vec<Duration> = (0..40).map(|_| waits.next()).collect();
        let caps = [1u64, 2, 4, 8, 8, 8];
        for (i, d) in drawn.iter().enumerate() {
            let cap = Duration::from_secs(*caps.get(i).unwrap_or(&8));
            assert!(*d <= cap, "wait {i}: {d:?} over its cap {cap:?}");
        }
        // Full jitter: the waits spread over the whole range, not just its top half.
        let late: Vec<&Duration> = drawn[4..].iter().collect();
        assert!(
            late.iter().any(|d| **d < Duration::from_secs(2)),
            "{late:?}"
        );
        assert!(
            late.iter().any(|d| **d > Duration::from_secs(6)),
            "{late:?}"
        );
        waits.reset();
        assert!(waits.next() <= Duration::from_secs(1));
    }
}
