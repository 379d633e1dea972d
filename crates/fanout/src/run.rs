//! A fan-out run: opened records to their destination, each outcome remembered per record
//! (the [`Ledger`]) as soon as it is known, so an interrupted run resumes without posting
//! again what was recorded.
//!
//! A run can be cut at any point (a closed lid, a pulled plug, Stop), including while a
//! request is on the wire. So the ledger also keeps which records were *begun*: a record begun
//! and never settled may have arrived, and the next run asks Action Network before posting it
//! again (see `action_network`'s module docs). Webhook batches need no such question: every
//! batch before the cut one was settled or left whole, so a resumed run (with the same batch
//! size) forms the cut batch from the same records, hence the same `Idempotency-Key`, and the receiver drops it; each
//! record also carries its own `record_id` for receivers that keep rows, not batches.

use std::collections::{HashMap, HashSet};

use placard_vault::Record;
use uuid::Uuid;

use crate::action_network::{ApiError, Client, Posted, Target};
use crate::webhook::{Delivered, Webhook};

/// Where a run keeps each record's outcome: the kiosk's vault, or the collector's database
/// (async, for the collector's).
/// Why a ledger could not read or keep an outcome (the store's own error, kept as the source).
pub type LedgerError = Box<dyn std::error::Error + Send + Sync>;

pub trait Ledger {
    /// Records settled (sent, or failed for good) for `destination`.
    fn settled(
        &self,
        destination: &str,
    ) -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>>;
    /// Records settled as refused for good by `destination` (a subset of
    /// [`Ledger::settled`]).
    fn failed(&self, destination: &str)
    -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>>;
    /// Records begun for `destination` (see [`Ledger::begin`]) and never settled.
    fn in_doubt(
        &self,
        destination: &str,
    ) -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>>;
    /// Remembers, durably, that `record`'s first request to `destination` is about to leave.
    fn begin(
        &mut self,
        destination: &str,
        record: Uuid,
    ) -> impl Future<Output = Result<(), LedgerError>>;
    /// Remembers a settled record, durably, before the run goes on.
    fn settle(
        &mut self,
        destination: &str,
        record: Uuid,
        sent: bool,
        detail: &str,
    ) -> impl Future<Output = Result<(), LedgerError>>;
}

/// How a run ended; `failures` name each failed record and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub sent: u64,
    pub failed: u64,
    /// Settled by an earlier run, or found already recorded (a run cut while it was on the
    /// wire).
    pub skipped: u64,
    /// Not settled: left for the next run (Action Network unreachable, no petition found).
    pub deferred: u64,
    /// Of the skipped, those an earlier run failed: they wait for a run that retries them.
    pub failed_before: u64,
    pub failures: Vec<(Uuid, String)>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "sent {}, failed {}, skipped {}",
            self.sent, self.failed, self.skipped
        )?;
        if self.deferred > 0 {
            write!(f, "; {} left for the next run", self.deferred)?;
        }
        if self.failed_before > 0 {
            write!(
                f,
                "; {} failed in an earlier run (retry failed sends them again)",
                self.failed_before
            )?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("cannot keep the run's progress: {0}")]
    Ledger(#[source] LedgerError),
    #[error(
        "the webhook refused our signature ({0}): check the shared secret; nothing was settled"
    )]
    WebhookRefused(u16),
    /// The first records of a run were all refused for the same reason: a refusal of the
    /// petition or the account, not of these signers. None of them is marked failed.
    #[error(
        "Action Network refused the first {count} signatures for the same reason, so the run stopped and marked none failed: {reason}"
    )]
    SameRefusal { count: usize, reason: String },
}

/// How many refusals in a row, for the same reason, at the start of a run stop it: a mistyped
/// petition id or an account that may not post fails every record the same way, and those
/// signers must not be marked failed for it.
pub const SAME_REFUSAL: usize = 3;

/// What a run does beyond sending what waits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// Send again the records an earlier run failed (after the organiser fixed the cause).
    pub retry_failed: bool,
}

/// The destination names records are settled under.
pub const ACTION_NETWORK: &str = "action_network";
pub const WEBHOOK: &str = "webhook";

/// What became of one record in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Refused for good; why (with none of the signer's own words, see [`scrub`]).
    Failed(String),
    /// Settled by an earlier run, or found already there.
    Skipped,
    /// Left for the next run; why.
    Deferred(String),
}

/// One record done: the run's progress and that record's outcome. The record is there for
/// its ids and times; whoever hears a step must not pass its signer data on.
#[derive(Debug)]
pub struct Step<'a> {
    pub done: u64,
    pub total: u64,
    pub record: &'a Record,
    pub outcome: &'a Outcome,
}

/// Posts every record not settled yet to its petition's `targets` entry (keyed by the
/// record's `petition_id`), settling each outcome in `ledger` as it comes. `progress` hears
/// `(done, total)` after every record. A record whose petition has no target is deferred.
/// A refused token stops the run (every later record would fail the same way).
pub async fn push(
    client: &Client,
    records: &[Record],
    targets: &HashMap<String, Target>,
    ledger: &mut impl Ledger,
    mut progress: impl FnMut(u64, u64),
) -> Result<Summary, RunError> {
    push_each(client, records, targets, ledger, |step| {
        progress(step.done, step.total);
    })
    .await
}

/// [`push`], telling `each` every record's outcome as it is settled.
pub async fn push_each(
    client: &Client,
    records: &[Record],
    targets: &HashMap<String, Target>,
    ledger: &mut impl Ledger,
    each: impl FnMut(&Step<'_>),
) -> Result<Summary, RunError> {
    push_with(
        client,
        records,
        targets,
        ledger,
        RunOptions::default(),
        each,
    )
    .await
}

/// [`push_each`] with `options`. Before the first record, the tags the run adds are made on
/// Action Network (it drops tags it does not have).
pub async fn push_with(
    client: &Client,
    records: &[Record],
    targets: &HashMap<String, Target>,
    ledger: &mut impl Ledger,
    options: RunOptions,
    mut each: impl FnMut(&Step<'_>),
) -> Result<Summary, RunError> {
    let mut settled = ledger
        .settled(ACTION_NETWORK)
        .await
        .map_err(RunError::Ledger)?;
    let failed = ledger
        .failed(ACTION_NETWORK)
        .await
        .map_err(RunError::Ledger)?;
    if options.retry_failed {
        settled.retain(|id| !failed.contains(id));
    }
    let in_doubt = ledger
        .in_doubt(ACTION_NETWORK)
        .await
        .map_err(RunError::Ledger)?;
    let total = records.len() as u64;
    let mut summary = Summary::default();
    let waiting: Vec<Record> = records
        .iter()
        .filter(|r| !settled.contains(&r.record_id) && targets.contains_key(&r.petition_id))
        .cloned()
        .collect();
    if !waiting.is_empty() {
        client
            .ensure_tags(&crate::action_network::run_tags(&waiting))
            .await?;
    }
    drop(waiting);
    // Refusals at the start of the run, held back until it is clear they are about the
    // signers (a success, or a different reason) and not the petition or the account.
    let mut leading: Vec<(usize, &Record, String)> = Vec::new();
    let mut past_start = false;
    for (i, record) in records.iter().enumerate() {
        let outcome = if settled.contains(&record.record_id) {
            if failed.contains(&record.record_id) {
                summary.failed_before += 1;
            }
            Outcome::Skipped
        } else if let Some(target) = targets.get(&record.petition_id) {
            post(
                client,
                target,
                record,
                in_doubt.contains(&record.record_id),
                ledger,
            )
            .await?
        } else {
            Outcome::Deferred(format!(
                "no Action Network petition for `{}`",
                record.petition_id
            ))
        };
        if !past_start {
            match &outcome {
                Outcome::Failed(why) => {
                    leading.push((i, record, why.clone()));
                    if leading.iter().all(|(_, _, w)| w == why) {
                        if leading.len() >= SAME_REFUSAL {
                            return Err(RunError::SameRefusal {
                                count: leading.len(),
                                reason: why.clone(),
                            });
                        }
                        continue;
                    }
                    // Different reasons: these refusals are about the signers.
                    past_start = true;
                    let held = std::mem::take(&mut leading);
                    flush(ledger, &mut summary, &mut each, held, total).await?;
                    continue;
                }
                // A signature recorded: the petition and the account are fine.
                Outcome::Sent => {
                    past_start = true;
                    let held = std::mem::take(&mut leading);
                    flush(ledger, &mut summary, &mut each, held, total).await?;
                }
                Outcome::Skipped | Outcome::Deferred(_) => {}
            }
        } else if let Outcome::Failed(why) = &outcome {
            settle_failed(ledger, record, why).await?;
        }
        tally(&mut summary, record, &outcome);
        each(&Step {
            done: i as u64 + 1,
            total,
            record,
            outcome: &outcome,
        });
    }
    // A short run whose few refusals never reached the stopping count: they are the signers'.
    flush(ledger, &mut summary, &mut each, leading, total).await?;
    Ok(summary)
}

/// Settles refusals held back at the start of a run as failed, and tells of them.
async fn flush(
    ledger: &mut impl Ledger,
    summary: &mut Summary,
    each: &mut impl FnMut(&Step<'_>),
    held: Vec<(usize, &Record, String)>,
    total: u64,
) -> Result<(), RunError> {
    for (i, record, why) in held {
        settle_failed(ledger, record, &why).await?;
        let failed = Outcome::Failed(why);
        tally(summary, record, &failed);
        each(&Step {
            done: i as u64 + 1,
            total,
            record,
            outcome: &failed,
        });
    }
    Ok(())
}

fn tally(summary: &mut Summary, record: &Record, outcome: &Outcome) {
    match outcome {
        Outcome::Sent => summary.sent += 1,
        Outcome::Skipped => summary.skipped += 1,
        Outcome::Deferred(_) => summary.deferred += 1,
        Outcome::Failed(why) => {
            summary.failed += 1;
            summary.failures.push((record.record_id, why.clone()));
        }
    }
}

async fn settle_failed(
    ledger: &mut impl Ledger,
    record: &Record,
    why: &str,
) -> Result<(), RunError> {
    ledger
        .settle(ACTION_NETWORK, record.record_id, false, why)
        .await
        .map_err(RunError::Ledger)
}

/// One record not settled yet: looked up first when an earlier run was cut while it was on
/// the wire, else begun in the ledger and posted; its outcome settled.
async fn post(
    client: &Client,
    target: &Target,
    record: &Record,
    in_doubt: bool,
    ledger: &mut impl Ledger,
) -> Result<Outcome, RunError> {
    let posted = if in_doubt {
        match client.find_signature(target, record).await {
            Ok(Some(id)) => {
                ledger
                    .settle(ACTION_NETWORK, record.record_id, true, &id)
                    .await
                    .map_err(RunError::Ledger)?;
                return Ok(Outcome::Skipped);
            }
            // Not there, or the lookup itself was refused: post (Action Network keeps one
            // signature per person and petition).
            Ok(None) | Err(ApiError::Refused { .. } | ApiError::BadUrl(_)) => {
                client.post_signature(target, record).await?
            }
            Err(e @ ApiError::Unreachable(_)) => Posted::Deferred(e.to_string()),
            Err(e) => return Err(e.into()),
        }
    } else {
        ledger
            .begin(ACTION_NETWORK, record.record_id)
            .await
            .map_err(RunError::Ledger)?;
        client.post_signature(target, record).await?
    };
    Ok(match posted {
        Posted::Sent(id) => {
            ledger
                .settle(
                    ACTION_NETWORK,
                    record.record_id,
                    true,
                    id.as_deref().unwrap_or(""),
                )
                .await
                .map_err(RunError::Ledger)?;
            Outcome::Sent
        }
        // Settled by the caller, which holds back the first refusals of a run.
        Posted::Failed(why) => Outcome::Failed(scrub(&why, record)),
        Posted::Deferred(why) => Outcome::Deferred(scrub(&why, record)),
    })
}

/// `text` (a destination's reason) with the record's own signer data blotted out. Reasons
/// are kept on disk and shown to the organiser, and a server may echo what it was sent ("x@y
/// is not a valid email"); the vault must hold no plaintext signer data.
pub fn scrub(text: &str, record: &Record) -> String {
    let mut out = text.to_owned();
    let mut fields = [
        &record.email,
        &record.given_name,
        &record.family_name,
        &record.phone,
        &record.street_address,
        &record.postal_code,
        &record.city,
        &record.comment,
    ]
    .map(|f| f.trim())
    .into_iter()
    // Short values ("Al", a two-letter city code) would blot out ordinary words.
    .filter(|f| f.chars().count() >= 3)
    .collect::<Vec<_>>();
    // Longest first, so a name inside an email address goes with the address.
    fields.sort_by_key(|f| std::cmp::Reverse(f.len()));
    for f in fields {
        out = out.replace(f, "…");
    }
    out
}

/// Sends every record not settled yet to the webhook in batches of `batch_size`, settling
/// each batch's records as its answer comes. `progress` hears `(done, total)`.
pub async fn push_webhook(
    webhook: &Webhook,
    records: &[Record],
    batch_size: usize,
    ledger: &mut impl Ledger,
    mut progress: impl FnMut(u64, u64),
) -> Result<Summary, RunError> {
    push_webhook_each(webhook, records, batch_size, ledger, |step| {
        progress(step.done, step.total);
    })
    .await
}

/// As [`push_webhook`], telling `each` of every record's outcome as its batch is answered
/// (skipped ones first): the organiser's console lists them.
pub async fn push_webhook_each(
    webhook: &Webhook,
    records: &[Record],
    batch_size: usize,
    ledger: &mut impl Ledger,
    mut each: impl FnMut(&Step<'_>),
) -> Result<Summary, RunError> {
    let settled = ledger.settled(WEBHOOK).await.map_err(RunError::Ledger)?;
    let total = records.len() as u64;
    let mut summary = Summary::default();
    let (done, waiting): (Vec<&Record>, Vec<&Record>) =
        records.iter().partition(|r| settled.contains(&r.record_id));
    let mut count = 0u64;
    let mut tell = |record: &Record, outcome: &Outcome, count: &mut u64| {
        *count += 1;
        each(&Step {
            done: *count,
            total,
            record,
            outcome,
        });
    };
    for r in &done {
        summary.skipped += 1;
        tell(r, &Outcome::Skipped, &mut count);
    }
    for chunk in waiting.chunks(batch_size.max(1)) {
        let batch: Vec<Record> = chunk.iter().map(|r| (*r).clone()).collect();
        match webhook.deliver(&batch).await {
            Delivered::Accepted => {
                for r in &batch {
                    ledger
                        .settle(WEBHOOK, r.record_id, true, "")
                        .await
                        .map_err(RunError::Ledger)?;
                    summary.sent += 1;
                    tell(r, &Outcome::Sent, &mut count);
                }
            }
            Delivered::Refused(why) => {
                let why = batch.iter().fold(why, |why, r| scrub(&why, r));
                for r in &batch {
                    ledger
                        .settle(WEBHOOK, r.record_id, false, &why)
                        .await
                        .map_err(RunError::Ledger)?;
                    summary.failures.push((r.record_id, why.clone()));
                    summary.failed += 1;
                    tell(r, &Outcome::Failed(why.clone()), &mut count);
                }
            }
            Delivered::Deferred(why) => {
                let why = batch.iter().fold(why, |why, r| scrub(&why, r));
                for r in &batch {
                    summary.deferred += 1;
                    tell(r, &Outcome::Deferred(why.clone()), &mut count);
                }
            }
            Delivered::Unauthorized(status) => return Err(RunError::WebhookRefused(status)),
        }
    }
    Ok(summary)
}

/// Record ids as a ledger keeps them (text), for a run; a row that is not an id names no
/// record the run could hold, so it is passed over.
pub fn record_ids<S: AsRef<str>>(ids: impl IntoIterator<Item = S>) -> HashSet<Uuid> {
    ids.into_iter()
        .filter_map(|id| Uuid::parse_str(id.as_ref()).ok())
        .collect()
}

/// A kiosk's vault keeps its own fan-out outcomes (a kiosk without a collector). Each call is
/// a short SQLite read or commit, done at once: the futures hold no borrow of the vault, so a
/// run over a vault can be sent between threads (the vault is `Send`, not `Sync`).
impl Ledger for placard_vault::Vault {
    fn settled(
        &self,
        destination: &str,
    ) -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>> {
        std::future::ready(
            self.settled_deliveries(destination)
                .map(record_ids)
                .map_err(LedgerError::from),
        )
    }

    fn failed(
        &self,
        destination: &str,
    ) -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>> {
        std::future::ready(
            self.failed_deliveries(destination)
                .map(record_ids)
                .map_err(LedgerError::from),
        )
    }

    fn in_doubt(
        &self,
        destination: &str,
    ) -> impl Future<Output = Result<HashSet<Uuid>, LedgerError>> {
        std::future::ready(
            self.deliveries_in_doubt(destination)
                .map(record_ids)
                .map_err(LedgerError::from),
        )
    }

    fn begin(
        &mut self,
        destination: &str,
        record: Uuid,
    ) -> impl Future<Output = Result<(), LedgerError>> {
        std::future::ready(
            self.begin_delivery(destination, &record.to_string())
                .map_err(LedgerError::from),
        )
    }

    fn settle(
        &mut self,
        destination: &str,
        record: Uuid,
        sent: bool,
        detail: &str,
    ) -> impl Future<Output = Result<(), LedgerError>> {
        std::future::ready(
            self.settle_delivery(destination, &record.to_string(), sent, detail)
                .map_err(LedgerError::from),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_lose_the_signers_own_words() {
        let record: Record = serde_json::from_value(serde_json::json!({
            "record_id": Uuid::nil(), "petition_id": "p", "locale": "en",
            "captured_at": "2026-11-22T10:00:00Z", "device_id": Uuid::nil(),
            "given_name": "Ada", "family_name": "Lovelace",
            "email": "ada.lovelace@example.org", "postal_code": "02139",
            "street_address": "", "city": "NY", "country": "US", "phone": "",
            "comment": "", "subscribe": false,
        }))
        .unwrap();
        assert_eq!(
            scrub(
                r#"{"error":"ada.lovelace@example.org is not valid for Ada Lovelace in NY 02139"}"#,
                &record
            ),
            r#"{"error":"… is not valid for … … in NY …"}"#
        );
        assert_eq!(scrub("(no reason given)", &record), "(no reason given)");
    }
}
