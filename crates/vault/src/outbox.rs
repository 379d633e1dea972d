//! The outbox, as sync sees it: batches of sealed records to send, and the collector's
//! acknowledgements.
//!
//! A batch id is written to its outbox rows *before* the first attempt, and the same rows go
//! again under the same id on every retry, so the collector can answer a repeated batch with
//! the same acknowledgement. A record leaves the outbox (and gets a `sent` row) only when an
//! acknowledgement names it.

use chrono::{SecondsFormat, Utc};
use rusqlite::{OptionalExtension as _, TransactionBehavior, params};
use uuid::Uuid;

use crate::error::VaultError;
use crate::store::{SealedRow, Vault};

/// Records to send together, under one id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxBatch {
    pub batch_id: Uuid,
    pub rows: Vec<SealedRow>,
}

/// What an acknowledgement changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Acknowledged {
    /// Records now marked sent.
    pub sent: u64,
    /// Records of the batch the acknowledgement did not name: back in the queue.
    pub requeued: u64,
}

/// The number of records waiting, kept up to date cheaply by the one who sends them: rows join
/// the outbox at capture ([`Vault::refresh_tally`] adds them) and leave it only through an
/// acknowledgement ([`Vault::acknowledge_counted`] takes them off). Rows acknowledged through
/// another handle on the same vault are not seen: count again ([`Vault::pending_tally`]) when
/// it matters, e.g. when the outbox turns out empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingTally {
    pending: u64,
    /// The highest outbox row counted so far.
    seen_up_to: i64,
}

impl PendingTally {
    /// Records waiting, as last counted.
    pub fn pending(&self) -> u64 {
        self.pending
    }
}

impl Vault {
    /// The batch to send next: the one already started (same id, same rows) if there is one,
    /// else up to `max_records` of the oldest pending records, and no more than `max_bytes` of
    /// sealed data (but always at least one record), under a new id written before it is
    /// returned. `None` when nothing is pending.
    pub fn next_batch(
        &mut self,
        max_records: usize,
        max_bytes: usize,
    ) -> Result<Option<OutboxBatch>, VaultError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        // Through the partial index, which holds only rows already in a batch: ordering by
        // the rows' own order would walk the whole outbox whenever no batch is started (every
        // batch, during a long sync). Batch ids are UUID v7, so the least is the oldest.
        let started: Option<String> = tx
            .query_row(
                "SELECT batch_id FROM outbox WHERE batch_id IS NOT NULL
                 ORDER BY batch_id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let batch_id = match started {
            Some(id) => {
                Uuid::parse_str(&id).map_err(|_| VaultError::Corrupt(format!("batch id {id}")))?
            }
            None => {
                let id = Uuid::now_v7();
                // The oldest waiting rows up to the caps: the first `taken` of them, the last
                // being `last`.
                let (mut taken, mut last) = (0usize, None::<i64>);
                let mut bytes = 0usize;
                {
                    let mut q = tx.prepare(
                        "SELECT o.signature_rowid, length(s.sealed) FROM outbox o
                         JOIN signatures s ON s.rowid = o.signature_rowid
                         WHERE o.batch_id IS NULL ORDER BY o.signature_rowid LIMIT ?1",
                    )?;
                    let limit = i64::try_from(max_records.max(1)).unwrap_or(i64::MAX);
                    let mut rows = q.query([limit])?;
                    while let Some(r) = rows.next()? {
                        let len = usize::try_from(r.get::<_, i64>(1)?).unwrap_or(usize::MAX);
                        if taken > 0 && bytes.saturating_add(len) > max_bytes {
                            break;
                        }
                        bytes = bytes.saturating_add(len);
                        taken += 1;
                        last = Some(r.get::<_, i64>(0)?);
                    }
                }
                let Some(last) = last else {
                    return Ok(None);
                };
                // One statement: the waiting rows up to `last` are exactly the ones read.
                tx.execute(
                    "UPDATE outbox SET batch_id = ?1
                     WHERE batch_id IS NULL AND signature_rowid <= ?2",
                    params![id.to_string(), last],
                )?;
                id
            }
        };
        let id_text = batch_id.to_string();
        tx.execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE batch_id = ?1",
            [&id_text],
        )?;
        let rows = {
            let mut q = tx.prepare(
                "SELECT s.id, s.petition_id, s.captured_at, s.sealed FROM outbox o
                 JOIN signatures s ON s.rowid = o.signature_rowid
                 WHERE o.batch_id = ?1 ORDER BY o.signature_rowid",
            )?;
            q.query_map([&id_text], |r| {
                Ok(SealedRow {
                    id: r.get(0)?,
                    petition_id: r.get(1)?,
                    captured_at: r.get(2)?,
                    sealed: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?
        };
        tx.commit().map_err(VaultError::from_sqlite)?;
        Ok(Some(OutboxBatch { batch_id, rows }))
    }

    /// Applies the collector's acknowledgement of `batch_id`: the records it names leave the
    /// outbox and get a `sent` row; the batch's other records go back to the queue. Ids that are
    /// not in the batch are ignored (a stale or foreign acknowledgement changes nothing).
    pub fn acknowledge(
        &mut self,
        batch_id: Uuid,
        stored: &[String],
    ) -> Result<Acknowledged, VaultError> {
        self.apply_acknowledgement(batch_id, stored, None)
    }

    /// As [`Vault::acknowledge`], and takes the records sent off `tally`. In the same
    /// transaction, it first counts the rows that joined the outbox since `tally` last looked:
    /// a batch may hold a signature given after the last count, which must not be taken off
    /// before it was ever added.
    pub fn acknowledge_counted(
        &mut self,
        batch_id: Uuid,
        stored: &[String],
        tally: &mut PendingTally,
    ) -> Result<Acknowledged, VaultError> {
        self.apply_acknowledgement(batch_id, stored, Some(tally))
    }

    fn apply_acknowledgement(
        &mut self,
        batch_id: Uuid,
        stored: &[String],
        tally: Option<&mut PendingTally>,
    ) -> Result<Acknowledged, VaultError> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let id_text = batch_id.to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        let mut done = Acknowledged::default();
        // Counted while this transaction keeps other writers out; kept only if it commits.
        let mut counted = tally.as_deref().copied();
        if let Some(t) = counted.as_mut() {
            count_new_rows(&tx, t)?;
        }
        // Set-based: three statements per batch, not per record (the ids go in as one JSON
        // array). Only rows of this batch are touched.
        let ids = serde_json::to_string(stored)
            .map_err(|e| VaultError::Corrupt(format!("acknowledged ids: {e}")))?;
        // Into the narrow `sent` table, not onto the (wide) signature rows: see the schema.
        tx.execute(
            "INSERT OR REPLACE INTO sent (signature_rowid, signature_id, sent_at, batch_id)
             SELECT signature_rowid, signature_id, ?1, ?2 FROM outbox
             WHERE batch_id = ?2 AND signature_id IN (SELECT value FROM json_each(?3))",
            params![now, id_text, ids],
        )?;
        done.sent = u64::try_from(tx.execute(
            "DELETE FROM outbox
             WHERE batch_id = ?1 AND signature_id IN (SELECT value FROM json_each(?2))",
            params![id_text, ids],
        )?)
        .unwrap_or(0);
        done.requeued = u64::try_from(tx.execute(
            "UPDATE outbox SET batch_id = NULL WHERE batch_id = ?1",
            [&id_text],
        )?)
        .unwrap_or(0);
        tx.commit().map_err(VaultError::from_sqlite)?;
        if let (Some(tally), Some(counted)) = (tally, counted) {
            *tally = PendingTally {
                pending: counted.pending.saturating_sub(done.sent),
                ..counted
            };
        }
        Ok(done)
    }

    /// The outbox's size, counted once; keep it with [`Vault::refresh_tally`] and
    /// [`PendingTally::acknowledged`] instead of counting again (a count reads every row).
    pub fn pending_tally(&self) -> Result<PendingTally, VaultError> {
        let mut tally = PendingTally {
            pending: 0,
            seen_up_to: 0,
        };
        self.refresh_tally(&mut tally)?;
        Ok(tally)
    }

    /// Adds the rows that joined the outbox since `tally` last looked (reading only those:
    /// a new row's id is higher than any before, as signatures are never deleted); returns
    /// the number pending.
    pub fn refresh_tally(&self, tally: &mut PendingTally) -> Result<u64, VaultError> {
        count_new_rows(&self.conn, tally)?;
        Ok(tally.pending)
    }

    /// Records waiting to be sent.
    pub fn pending(&self) -> Result<u64, VaultError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get::<_, i64>(0))
            .map(|n| u64::try_from(n).unwrap_or(0))?)
    }
}

impl Vault {
    /// Ids of the records settled (sent or refused for good) for a fan-out `destination`.
    pub fn settled_deliveries(
        &self,
        destination: &str,
    ) -> Result<std::collections::HashSet<String>, VaultError> {
        let mut q = self
            .conn
            .prepare("SELECT record_id FROM deliveries WHERE destination = ?1")?;
        let ids = q
            .query_map([destination], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Ids of the records refused for good by `destination` (a run with "retry failed" sends
    /// them again).
    pub fn failed_deliveries(
        &self,
        destination: &str,
    ) -> Result<std::collections::HashSet<String>, VaultError> {
        let mut q = self
            .conn
            .prepare("SELECT record_id FROM deliveries WHERE destination = ?1 AND NOT sent")?;
        let ids = q
            .query_map([destination], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Remembers, durably, that `record_id` is about to be sent to `destination` for the first
    /// time (before its request leaves; see [`Vault::deliveries_in_doubt`]).
    pub fn begin_delivery(&mut self, destination: &str, record_id: &str) -> Result<(), VaultError> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        self.conn.execute(
            "INSERT INTO delivery_attempts (record_id, destination, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (destination, record_id) DO NOTHING",
            params![record_id, destination, now],
        )?;
        Ok(())
    }

    /// Ids of the records sent to `destination` by a run that ended before their outcome was
    /// known: begun, never settled.
    pub fn deliveries_in_doubt(
        &self,
        destination: &str,
    ) -> Result<std::collections::HashSet<String>, VaultError> {
        let mut q = self.conn.prepare(
            "SELECT a.record_id FROM delivery_attempts a
             WHERE a.destination = ?1 AND NOT EXISTS (
                 SELECT 1 FROM deliveries d
                 WHERE d.destination = a.destination AND d.record_id = a.record_id)",
        )?;
        let ids = q
            .query_map([destination], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Remembers, durably, what became of `record_id` at `destination`.
    pub fn settle_delivery(
        &mut self,
        destination: &str,
        record_id: &str,
        sent: bool,
        detail: &str,
    ) -> Result<(), VaultError> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        self.conn.execute(
            "INSERT INTO deliveries (record_id, destination, sent, detail, at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (destination, record_id) DO UPDATE
             SET sent = excluded.sent, detail = excluded.detail, at = excluded.at",
            params![record_id, destination, sent, detail, now],
        )?;
        Ok(())
    }
}

/// Adds to `tally` the outbox rows above the highest it has seen (reading only those).
fn count_new_rows(conn: &rusqlite::Connection, tally: &mut PendingTally) -> rusqlite::Result<()> {
    let (new, last): (i64, Option<i64>) = conn.query_row(
        "SELECT COUNT(*), MAX(signature_rowid) FROM outbox WHERE signature_rowid > ?1",
        [tally.seen_up_to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    tally.pending = tally
        .pending
        .saturating_add(u64::try_from(new).unwrap_or(0));
    if let Some(last) = last {
        tally.seen_up_to = last;
    }
    Ok(())
}
