//! The collector's fan-out: after the organiser unlocks, every record it holds goes on to
//! Action Network, each once, with each outcome kept in the collector's database (so a
//! resumed run, or another collector on the same PostgreSQL, skips what is settled).

use std::collections::{HashMap, HashSet};

use placard_fanout::action_network::{self, Client, PetitionMeta};
use placard_fanout::run::{self, Ledger, LedgerError, RunError, Summary};
use placard_fanout::webhook::Webhook;
use placard_vault::{OrganiserKey, Record, open_sealed, readable};
use uuid::Uuid;

use crate::store::Store;

impl Ledger for Store {
    async fn settled(&self, destination: &str) -> Result<HashSet<Uuid>, LedgerError> {
        Store::settled(self, destination)
            .await
            .map(run::record_ids)
            .map_err(LedgerError::from)
    }

    async fn failed(&self, destination: &str) -> Result<HashSet<Uuid>, LedgerError> {
        Store::failed(self, destination)
            .await
            .map(run::record_ids)
            .map_err(LedgerError::from)
    }

    async fn in_doubt(&self, destination: &str) -> Result<HashSet<Uuid>, LedgerError> {
        Store::deliveries_in_doubt(self, destination)
            .await
            .map(run::record_ids)
            .map_err(LedgerError::from)
    }

    async fn begin(&mut self, destination: &str, record: Uuid) -> Result<(), LedgerError> {
        Store::begin_delivery(self, destination, &record.to_string())
            .await
            .map_err(LedgerError::from)
    }

    async fn settle(
        &mut self,
        destination: &str,
        record: Uuid,
        sent: bool,
        detail: &str,
    ) -> Result<(), LedgerError> {
        Store::settle(self, destination, &record.to_string(), sent, detail)
            .await
            .map_err(LedgerError::from)
    }
}

/// What a run did, and what it could not start on.
#[derive(Debug)]
pub struct Pushed {
    pub summary: Summary,
    /// Petitions no Action Network petition was found for (their records wait).
    pub unmatched: Vec<String>,
    /// Records the key did not open (damaged, or sealed to another key): left out.
    pub unreadable: usize,
}

/// Every record held, opened with `key`, and how many it did not open.
async fn open_all(store: &Store, key: &OrganiserKey) -> Result<(Vec<Record>, usize), RunError> {
    let rows = store
        .all_records()
        .await
        .map_err(|e| RunError::Ledger(e.into()))?;
    Ok(readable(
        rows.iter()
            .map(|(device, row)| open_sealed(row, *device, key)),
    ))
}

/// Opens every record with `key` and sends it to the webhook in batches of `batch`.
pub async fn push_webhook(
    store: &Store,
    key: &OrganiserKey,
    webhook: &Webhook,
    batch: usize,
    mut progress: impl FnMut(u64, u64),
) -> Result<Pushed, RunError> {
    push_webhook_each(store, key, webhook, batch, |step| {
        progress(step.done, step.total);
    })
    .await
}

/// As [`push_webhook`], telling `each` of every record's outcome (see
/// [`push_action_network_each`]).
pub async fn push_webhook_each(
    store: &Store,
    key: &OrganiserKey,
    webhook: &Webhook,
    batch: usize,
    each: impl FnMut(&run::Step<'_>),
) -> Result<Pushed, RunError> {
    let (records, unreadable) = open_all(store, key).await?;
    let mut ledger = store.clone();
    let summary = run::push_webhook_each(webhook, &records, batch, &mut ledger, each).await?;
    Ok(Pushed {
        summary,
        unmatched: Vec::new(),
        unreadable,
    })
}

/// Opens every record with `key` and pushes it to Action Network through `client`; `given`
/// maps petitions to Action Network ids, `meta` says what the pack knows of each.
pub async fn push_action_network(
    store: &Store,
    key: &OrganiserKey,
    client: &Client,
    given: &HashMap<String, String>,
    meta: impl Fn(&str) -> PetitionMeta,
    options: run::RunOptions,
    mut progress: impl FnMut(u64, u64),
) -> Result<Pushed, RunError> {
    push_action_network_each(store, key, client, given, meta, options, |step| {
        progress(step.done, step.total);
    })
    .await
}

/// As [`push_action_network`], telling `each` of every record's outcome as it comes (the
/// console's list: whoever hears a step must pass on none of the signer's data).
pub async fn push_action_network_each(
    store: &Store,
    key: &OrganiserKey,
    client: &Client,
    given: &HashMap<String, String>,
    meta: impl Fn(&str) -> PetitionMeta,
    options: run::RunOptions,
    each: impl FnMut(&run::Step<'_>),
) -> Result<Pushed, RunError> {
    let (records, unreadable) = open_all(store, key).await?;
    let (targets, unmatched) = action_network::resolve(client, &records, given, meta).await?;
    let mut ledger = store.clone();
    let summary = run::push_with(client, &records, &targets, &mut ledger, options, each).await?;
    Ok(Pushed {
        summary,
        unmatched,
        unreadable,
    })
}
