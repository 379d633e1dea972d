//! The sync loop against in-memory collectors that fail in scripted ways, on tokio's paused
//! clock (no test waits for real time).
#![allow(clippy::unwrap_used)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use placard_sync::engine::{self, Config, Transport, TransportError};
use placard_sync::wire::{Ack, Batch};
use placard_vault::{OrganiserKey, SignRules, SignerInput, Vault};
use uuid::Uuid;

/// What the stand-in does with the next request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Unreachable (connection refused, no route).
    Down,
    /// Answers 503 to the upload, stores nothing.
    Busy,
    /// Stores the batch, then the acknowledgement is lost on the way back.
    LoseAck,
}

#[derive(Default)]
struct Collector {
    records: HashSet<Uuid>,
    /// Every record arrival, to count duplicates.
    arrivals: Vec<Uuid>,
    acks: HashMap<Uuid, Ack>,
    uploads: usize,
    probes: usize,
    script: VecDeque<Step>,
    /// Batches with more records than this get 413 and nothing is stored.
    max_records: Option<usize>,
    /// Sizes of the batches refused with 413.
    too_large: Vec<usize>,
    /// The waiting counts the kiosk reported, in order.
    reports: Vec<u64>,
}

#[derive(Clone, Default)]
struct Stub(Arc<Mutex<Collector>>);

impl Stub {
    fn scripted(steps: &[Step]) -> Self {
        let s = Self::default();
        s.0.lock().unwrap().script = steps.iter().copied().collect();
        s
    }
}

impl Transport for Stub {
    async fn report(&self, report: &placard_sync::wire::Report) -> Result<(), TransportError> {
        self.0.lock().unwrap().reports.push(report.pending);
        Ok(())
    }

    async fn health(&self) -> Result<(), TransportError> {
        let mut c = self.0.lock().unwrap();
        c.probes += 1;
        if c.script.front() == Some(&Step::Down) {
            c.script.pop_front();
            return Err(TransportError::Unreachable("connection refused".into()));
        }
        Ok(())
    }

    async fn upload(&self, batch: &Batch) -> Result<Ack, TransportError> {
        let mut c = self.0.lock().unwrap();
        c.uploads += 1;
        let step = c.script.pop_front();
        if step == Some(Step::Busy) {
            return Err(TransportError::Refused {
                status: 503,
                reason: "busy".into(),
            });
        }
        if c.max_records.is_some_and(|max| batch.records.len() > max) {
            c.too_large.push(batch.records.len());
            return Err(TransportError::Refused {
                status: 413,
                reason: "too large".into(),
            });
        }
        // Idempotent, as the real collector: a repeated batch gets the same acknowledgement.
        let ack = match c.acks.get(&batch.batch_id) {
            Some(ack) => ack.clone(),
            None => {
                for r in &batch.records {
                    c.arrivals.push(r.id);
                    c.records.insert(r.id);
                }
                let ack = Ack {
                    batch_id: batch.batch_id,
                    device_id: batch.device_id,
                    stored: batch.records.iter().map(|r| r.id).collect(),
                    time: 0,
                };
                c.acks.insert(batch.batch_id, ack.clone());
                ack
            }
        };
        if step == Some(Step::LoseAck) {
            return Err(TransportError::Unreachable("connection reset".into()));
        }
        Ok(ack)
    }
}

fn vault_with(n: usize) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let key = OrganiserKey::generate();
    let mut vault = Vault::init(dir.path(), &key.recipient()).unwrap();
    let rules = SignRules::basic("p", "US");
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    (dir, vault)
}

fn config() -> Config {
    Config {
        max_records: 10,
        min_wait: Duration::from_secs(1),
        max_wait: Duration::from_secs(60),
        idle_poll: Duration::from_secs(3600),
        jitter_seed: Some(42),
        ..Config::default()
    }
}

/// The loop on a task of its own, until [`Running::stop`].
struct Running {
    sync: engine::Sync,
    stop: tokio::sync::oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<Result<(), engine::SyncError>>,
}

impl Running {
    fn start(vault: Vault, stub: &Stub, config: Config) -> Self {
        let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (task, sync) = engine::spawnable(vault, stub.clone(), config, async {
            let _ = stop_rx.await;
        })
        .unwrap();
        Self {
            sync,
            stop,
            handle: tokio::spawn(task),
        }
    }

    /// Shuts the loop down; it must end without an error.
    async fn stop(self) {
        self.stop.send(()).unwrap();
        self.handle.await.unwrap().unwrap();
    }
}

/// Runs the loop until `done` holds for the stub, then shuts it down; returns the vault dir's
/// pending count and the virtual time it took.
async fn run_until(
    vault: Vault,
    stub: Stub,
    config: Config,
    done: impl Fn(&Collector) -> bool,
) -> (engine::SyncState, Duration) {
    let start = tokio::time::Instant::now();
    let running = Running::start(vault, &stub, config);
    let mut state = running.sync.state();
    loop {
        if done(&stub.0.lock().unwrap()) && state.borrow().pending == 0 {
            break;
        }
        tokio::select! {
            _ = state.changed() => {}
            () = tokio::time::sleep(Duration::from_millis(100)) => {}
        }
    }
    let elapsed = start.elapsed();
    running.stop().await;
    let last = state.borrow().clone();
    (last, elapsed)
}

#[tokio::test(start_paused = true)]
async fn everything_pending_arrives_once_in_batches() {
    let (_dir, vault) = vault_with(25);
    let stub = Stub::default();
    let (state, _) = run_until(vault, stub.clone(), config(), |c| c.records.len() == 25).await;
    let c = stub.0.lock().unwrap();
    assert_eq!(c.uploads, 3, "25 records in batches of 10");
    assert_eq!(c.probes, 1, "one probe at start; none between good batches");
    assert_eq!(c.arrivals.len(), 25, "nothing twice");
    assert_eq!((state.pending, state.sent), (0, 25));
    assert!(state.last_success.is_some() && state.last_error.is_none());
}

#[tokio::test(start_paused = true)]
async fn a_batch_refused_as_too_large_is_split_until_the_collector_takes_it() {
    let (_dir, vault) = vault_with(25);
    let stub = Stub::default();
    stub.0.lock().unwrap().max_records = Some(3);
    let start = tokio::time::Instant::now();
    let (state, _) = run_until(vault, stub.clone(), config(), |c| c.records.len() == 25).await;
    let c = stub.0.lock().unwrap();
    // Halved (by count and by bytes, so 4 or 5 records next: sealed sizes vary) until it
    // fits, then kept small.
    assert_eq!(c.too_large.first(), Some(&10), "{:?}", c.too_large);
    assert!(
        c.too_large.windows(2).all(|w| w[1] <= w[0] / 2) && c.too_large.len() <= 3,
        "{:?}",
        c.too_large
    );
    assert_eq!(c.arrivals.len(), 25, "nothing twice");
    assert!(c.acks.values().all(|a| a.stored.len() <= 3));
    assert_eq!((state.pending, state.sent), (0, 25));
    assert!(state.last_error.is_none(), "{state:?}");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "splitting is progress, not a failure to back off from"
    );
}

#[tokio::test(start_paused = true)]
async fn a_single_record_too_large_for_the_collector_waits_and_says_so() {
    let (_dir, vault) = vault_with(2);
    let stub = Stub::default();
    stub.0.lock().unwrap().max_records = Some(0);
    let running = Running::start(vault, &stub, config());
    tokio::time::sleep(Duration::from_secs(600)).await;
    let state = running.sync.state().borrow().clone();
    assert_eq!(state.pending, 2, "never dropped");
    assert!(
        state
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("413")),
        "{state:?}"
    );
    let refused = stub.0.lock().unwrap().too_large.clone();
    assert_eq!(&refused[..2], &[2, 1]);
    assert!(
        refused.len() < 40,
        "backs off rather than spinning: {} tries in 10 minutes",
        refused.len()
    );
    running.stop().await;
}

#[tokio::test(start_paused = true)]
async fn a_lost_acknowledgement_resends_the_same_batch_and_nothing_is_stored_twice() {
    let (dir, vault) = vault_with(12);
    let stub = Stub::scripted(&[Step::LoseAck, Step::Busy, Step::LoseAck]);
    let (state, _) = run_until(vault, stub.clone(), config(), |c| c.records.len() == 12).await;
    let c = stub.0.lock().unwrap();
    assert_eq!(c.arrivals.len(), 12, "stored once although acks were lost");
    assert_eq!(
        c.acks.len(),
        2,
        "two batches, each under one id however often sent"
    );
    assert!(c.uploads >= 5, "{} uploads", c.uploads);
    assert_eq!(state.pending, 0);
    let stats = Vault::open(dir.path()).unwrap().stats().unwrap();
    assert_eq!((stats.pending, stats.sent), (0, 12));
}

#[tokio::test(start_paused = true)]
async fn while_unreachable_it_backs_off_and_never_gives_up() {
    let (_dir, vault) = vault_with(3);
    let down = vec![Step::Down; 8];
    let stub = Stub::scripted(&down);
    let (state, elapsed) = run_until(vault, stub.clone(), config(), |c| c.records.len() == 3).await;
    let c = stub.0.lock().unwrap();
    assert_eq!(c.probes, 9, "eight failed probes, then one that worked");
    // Waits drawn below caps of 1, 2, 4, … 60 s: some time passed, and no more than the caps.
    assert!(elapsed > Duration::from_secs(1), "{elapsed:?}: it spun");
    assert!(
        elapsed <= Duration::from_secs(1 + 2 + 4 + 8 + 16 + 32 + 60 + 60 + 1),
        "{elapsed:?}"
    );
    assert_eq!(state.pending, 0);
}

#[tokio::test(start_paused = true)]
async fn sync_now_ends_a_long_wait() {
    let (_dir, vault) = vault_with(2);
    let stub = Stub::scripted(&[Step::Down]);
    let long = Config {
        min_wait: Duration::from_secs(3600),
        max_wait: Duration::from_secs(3600),
        jitter_seed: Some(1),
        ..config()
    };
    let start = tokio::time::Instant::now();
    let running = Running::start(vault, &stub, long);
    let sync = &running.sync;
    let mut state = sync.state();
    // The first probe fails; the loop now waits (up to an hour).
    while state.borrow().last_error.is_none() {
        state.changed().await.unwrap();
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(stub.0.lock().unwrap().records.len(), 0);
    sync.wake();
    while state.borrow().pending > 0 {
        state.changed().await.unwrap();
    }
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(stub.0.lock().unwrap().records.len(), 2);
    running.stop().await;
}

#[tokio::test(start_paused = true)]
async fn shutdown_ends_the_loop_even_mid_wait() {
    let (_dir, vault) = vault_with(1);
    let stub = Stub::scripted(&[Step::Down; 100]);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let (task, sync) = engine::spawnable(vault, stub, config(), async {
        let _ = stop_rx.await;
    })
    .unwrap();
    let handle = tokio::spawn(task);
    let mut state = sync.state();
    while state.borrow().last_error.is_none() {
        state.changed().await.unwrap();
    }
    stop_tx.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(1), handle)
        .await
        .expect("stopped at once")
        .unwrap()
        .unwrap();
    assert_eq!(
        sync.state().borrow().pending,
        1,
        "still pending, still sealed, still there"
    );
}

/// Waits (on the paused clock) until `done` holds for the stub and the loop's state.
async fn wait_for(
    stub: &Stub,
    state: &mut tokio::sync::watch::Receiver<engine::SyncState>,
    done: impl Fn(&Collector, &engine::SyncState) -> bool,
) {
    tokio::time::timeout(Duration::from_secs(3600), async {
        while !done(&stub.0.lock().unwrap(), &state.borrow()) {
            tokio::select! {
                _ = state.changed() => {}
                () = tokio::time::sleep(Duration::from_millis(100)) => {}
            }
        }
    })
    .await
    .expect("reached within an hour of virtual time");
}

#[tokio::test(start_paused = true)]
async fn signatures_given_during_a_sync_are_counted_and_sent() {
    let (dir, vault) = vault_with(25);
    // The kiosk's capture has its own handle on the vault, as in the app.
    let mut capture = Vault::open(dir.path()).unwrap();
    let stub = Stub::default();
    let running = Running::start(vault, &stub, config());
    let sync = &running.sync;
    let mut state = sync.state();
    wait_for(&stub, &mut state, |c, _| c.uploads >= 1).await;
    let rules = SignRules::basic("p", "US");
    for i in 0..7 {
        let mut s = SignerInput::default();
        s.given_name = "Bo".into();
        s.email = format!("bo{i}@example.org");
        capture.sign(&rules, s).unwrap();
    }
    sync.wake();
    wait_for(&stub, &mut state, |c, s| {
        c.records.len() == 32 && s.pending == 0 && !s.sending
    })
    .await;
    assert_eq!(state.borrow().sent, 32);
    assert_eq!(stub.0.lock().unwrap().arrivals.len(), 32, "nothing twice");
    assert_eq!(capture.pending().unwrap(), 0);
    running.stop().await;
}

#[tokio::test(start_paused = true)]
async fn records_sent_through_another_handle_are_not_waited_for() {
    // The loop keeps its count of waiting records instead of counting the outbox each time;
    // here someone else (say `placard sync` beside the app) sends them all while the loop
    // waits for an unreachable collector. It must notice, show 0 waiting and go idle — not
    // look for a batch forever.
    let (dir, vault) = vault_with(20);
    let stub = Stub::scripted(&[Step::Down]);
    let running = Running::start(vault, &stub, config());
    let sync = &running.sync;
    let mut state = sync.state();
    wait_for(&stub, &mut state, |c, s| {
        c.probes == 1 && s.last_error.is_some()
    })
    .await;
    assert_eq!(state.borrow().pending, 20);

    let mut other = Vault::open(dir.path()).unwrap();
    let batch = other.next_batch(100, 1 << 20).unwrap().unwrap();
    let ids: Vec<String> = batch.rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(other.acknowledge(batch.batch_id, &ids).unwrap().sent, 20);

    sync.wake();
    wait_for(&stub, &mut state, |c, s| c.probes == 2 && s.pending == 0).await;
    // Idle now: time passes and it sends nothing, probes nothing.
    tokio::time::sleep(Duration::from_secs(600)).await;
    let calls = {
        let c = stub.0.lock().unwrap();
        (c.uploads, c.probes)
    };
    assert_eq!(calls, (0, 2));
    assert_eq!(state.borrow().pending, 0);
    running.stop().await;
}

/// Reports (for the organiser's console): what waits when back in touch, 0 when caught up,
/// and a sign of life on each idle look — none while a kiosk idles unreachable.
#[tokio::test(start_paused = true)]
async fn the_kiosk_reports_when_back_in_touch_caught_up_and_idle() {
    let (_dir, vault) = vault_with(25);
    let stub = Stub::default();
    let running = Running::start(vault, &stub, config());
    let mut state = running.sync.state();
    while state.borrow().pending > 0 || stub.0.lock().unwrap().reports.len() < 2 {
        tokio::select! {
            _ = state.changed() => {}
            () = tokio::time::sleep(Duration::from_millis(100)) => {}
        }
    }
    assert_eq!(stub.0.lock().unwrap().reports, [25, 0]);
    // An idle hour (the idle look): one more report, a sign of life.
    tokio::time::sleep(Duration::from_secs(3600 + 1)).await;
    assert_eq!(stub.0.lock().unwrap().reports, [25, 0, 0]);
    // The collector gone: the idle look fails, nothing is reported.
    stub.0.lock().unwrap().script.push_back(Step::Down);
    tokio::time::sleep(Duration::from_secs(3600)).await;
    assert_eq!(stub.0.lock().unwrap().reports, [25, 0, 0]);
    running.stop().await;
}

/// A collector refusing batches for a while (each retry probes again): reports go at most once
/// a minute, so they never take a slowed kiosk's turn from its batches.
#[tokio::test(start_paused = true)]
async fn reports_while_records_wait_go_at_most_once_a_minute() {
    let (_dir, vault) = vault_with(5);
    let stub = Stub::scripted(&[Step::Busy; 12]);
    let (state, elapsed) = run_until(vault, stub.clone(), config(), |c| c.records.len() == 5).await;
    assert_eq!(state.pending, 0);
    let c = stub.0.lock().unwrap();
    assert!(c.probes > 10, "{} probes", c.probes);
    let waiting = c.reports.iter().filter(|n| **n > 0).count() as u64;
    assert!(
        waiting <= 1 + elapsed.as_secs() / 60,
        "{waiting} reports in {elapsed:?}: {:?}",
        c.reports
    );
}
