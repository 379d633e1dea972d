//! The console's "Send on": a run inside the collector that the page follows — its progress
//! and each record's outcome (time, petition, outcome: nothing of the signer) — stoppable, on
//! the same ledger as `placard-collector push`, so runs resume and nothing goes twice.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, MutexGuard, PoisonError};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{Console, Refusal};

/// How many records' outcomes a run keeps for the page (the latest).
pub const OUTCOMES_SHOWN: usize = 500;

#[derive(Default)]
pub(super) struct Sending {
    run: Option<SendRun>,
    /// Stops the run under way (dropping its future between records; see [`start_send`]).
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

/// A run of "Send on", as the page shows it: counts and each record's outcome — its time,
/// petition and outcome, nothing of the signer.
#[derive(Clone, Default, Serialize)]
struct SendRun {
    destination: String,
    running: bool,
    stopped: bool,
    done: u64,
    total: u64,
    sent: u64,
    failed: u64,
    skipped: u64,
    deferred: u64,
    outcomes: VecDeque<OutcomeLine>,
    error: Option<RunProblem>,
}

#[derive(Clone, Serialize)]
struct OutcomeLine {
    at: String,
    petition: String,
    outcome: &'static str,
    /// Why it failed or waits (the run's words, which carry none of the signer's).
    reason: String,
}

#[derive(Clone, Serialize)]
struct RunProblem {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct SendView {
    /// The destinations `serve` was given, in the order of the buttons.
    destinations: Vec<&'static str>,
    run: Option<SendRun>,
}

impl Console {
    pub(super) fn sending(&self) -> MutexGuard<'_, Sending> {
        self.sending.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(super) async fn send_state(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let run = c.sending().run.clone();
    Ok(axum::Json(SendView {
        destinations: c.destinations.names(),
        run,
    })
    .into_response())
}

#[derive(serde::Deserialize)]
pub(super) struct SendRequest {
    destination: String,
    /// Send again what an earlier run failed (after the organiser fixed the cause).
    #[serde(default)]
    retry_failed: bool,
}

/// "Send on": starts a run to a destination fixed at `serve`, with the key unlocked here. The
/// run goes on in the collector (the page may close); the page follows it on `GET /api/send`.
/// It settles each record in the same ledger as `placard-collector push`, so a stopped or cut
/// run resumes where it was, and a record sent by either is never sent again.
pub(super) async fn start_send(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Json(req): axum::Json<SendRequest>,
) -> Result<Response, Refusal> {
    use placard_fanout::run::{ACTION_NETWORK, WEBHOOK};
    c.changing(&headers)?;
    let destination = match req.destination.as_str() {
        ACTION_NETWORK if c.destinations.action_network.is_some() => ACTION_NETWORK,
        WEBHOOK if c.destinations.webhook.is_some() => WEBHOOK,
        _ => return Err(Refusal::NoDestination),
    };
    let Some(key) = c.keyring.key() else {
        c.log("send", "refused", "locked").await;
        return Err(Refusal::Locked);
    };
    let stopped = {
        let mut sending = c.sending();
        if sending.run.as_ref().is_some_and(|r| r.running) {
            return Err(Refusal::AlreadyRunning);
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        sending.stop = Some(tx);
        sending.run = Some(SendRun {
            destination: destination.to_owned(),
            running: true,
            ..SendRun::default()
        });
        rx
    };
    let options = placard_fanout::run::RunOptions {
        retry_failed: req.retry_failed,
    };
    tokio::spawn(run_send(c.clone(), destination, key, options, stopped));
    Ok(StatusCode::ACCEPTED.into_response())
}

/// Stops the run under way: it ends between two records' requests; a record whose request was
/// on the wire is found by the next run's check, as after a cut connection.
pub(super) async fn stop_send(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let stop = c.sending().stop.take();
    match stop.map(|tx| tx.send(())) {
        Some(Ok(())) => Ok(StatusCode::NO_CONTENT.into_response()),
        _ => Err(Refusal::NotRunning),
    }
}

async fn run_send(
    c: Arc<Console>,
    destination: &'static str,
    key: Arc<placard_vault::OrganiserKey>,
    options: placard_fanout::run::RunOptions,
    stop: tokio::sync::oneshot::Receiver<()>,
) {
    use placard_fanout::run::Outcome;
    let follow = c.clone();
    let each = move |step: &placard_fanout::run::Step<'_>| {
        let (outcome, reason) = match step.outcome {
            Outcome::Sent => ("sent", String::new()),
            Outcome::Failed(why) => ("failed", why.clone()),
            Outcome::Skipped => ("skipped", String::new()),
            Outcome::Deferred(why) => ("deferred", why.clone()),
        };
        let mut s = follow.sending();
        if let Some(run) = s.run.as_mut() {
            run.done = step.done;
            run.total = step.total;
            if run.outcomes.len() == OUTCOMES_SHOWN {
                run.outcomes.pop_front();
            }
            run.outcomes.push_back(OutcomeLine {
                at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                petition: step.record.petition_id.clone(),
                outcome,
                reason,
            });
        }
    };
    let work = async {
        match (destination, &c.destinations) {
            (
                placard_fanout::run::ACTION_NETWORK,
                crate::admin::Destinations {
                    action_network: Some((base, token)),
                    ..
                },
            ) => {
                let client = placard_fanout::action_network::Client::new(
                    base,
                    token,
                    c.destinations
                        .action_network_rate
                        .unwrap_or(placard_fanout::action_network::DEFAULT_RATE),
                )
                .map_err(|e| ("bad_destination", e.to_string()))?;
                crate::fanout::push_action_network_each(
                    &c.store,
                    &key,
                    &client,
                    &HashMap::new(),
                    |_| placard_fanout::action_network::PetitionMeta::default(),
                    options,
                    each,
                )
                .await
                .map_err(|e| ("push_failed", e.to_string()))
            }
            (
                _,
                crate::admin::Destinations {
                    webhook: Some(hook),
                    ..
                },
            ) => crate::fanout::push_webhook_each(&c.store, &key, hook, 100, each)
                .await
                .map_err(|e| ("push_failed", e.to_string())),
            _ => Err(("no_destination", "no such destination".to_owned())),
        }
    };
    let ended = tokio::select! {
        pushed = work => Some(pushed),
        _ = stop => None,
    };
    drop(key);
    let detail;
    let result;
    {
        let mut s = c.sending();
        s.stop = None;
        let Some(run) = s.run.as_mut() else { return };
        run.running = false;
        match ended {
            None => {
                run.stopped = true;
                result = "stopped";
                detail = format!("{destination}: after {} of {}", run.done, run.total);
            }
            Some(Ok(pushed)) => {
                let sum = &pushed.summary;
                (run.sent, run.failed, run.skipped, run.deferred) =
                    (sum.sent, sum.failed, sum.skipped, sum.deferred);
                run.done = run.total.max(run.done);
                result = "ok";
                detail = format!(
                    "{destination}: sent {}, failed {}, skipped {}, deferred {}",
                    sum.sent, sum.failed, sum.skipped, sum.deferred
                );
            }
            Some(Err((code, message))) => {
                result = "failed";
                detail = format!("{destination}: {code}");
                run.error = Some(RunProblem { code, message });
            }
        }
    }
    c.log("send", result, &detail).await;
}
