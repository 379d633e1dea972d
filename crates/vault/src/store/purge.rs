//! Keeping as little as possible for as short as possible: a sealed signature is deleted from
//! the kiosk a set time after the organisation confirmed it — the collector acknowledged it,
//! or a "Send to Action Network" run recorded it there — and its bytes do not linger. Counts
//! per petition and hour survive in `purged_counts`; nothing per signer does.
//!
//! Deleted bytes: the connection runs with `secure_delete` (SQLite overwrites deleted content
//! and freed pages with zeros), and after a purge the WAL is checkpointed into the database and
//! truncated, so neither file keeps an old copy. A purge is one transaction: cut short (a
//! SIGKILL, a power cut), it deleted all of its rows or none, and it never touches a row the
//! organisation has not confirmed. It runs between signers, never on the signing path.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{TransactionBehavior, params};

use super::Vault;
use crate::error::VaultError;

/// Rows confirmed at or before the cut-off (RFC 3339, as `sent.sent_at` and `deliveries.at`
/// are written): acknowledged by the collector, or recorded by a fan-out destination.
const CONFIRMED: &str = "
    SELECT s.rowid FROM signatures s
    JOIN sent t ON t.signature_rowid = s.rowid AND t.signature_id = s.id
    WHERE t.sent_at <= ?1
    UNION
    SELECT s.rowid FROM signatures s JOIN deliveries d ON d.record_id = s.id
    WHERE d.sent = 1 AND d.at <= ?1";

impl Vault {
    /// Deletes the signatures the organisation confirmed at or before `confirmed_before`,
    /// keeping their counts; returns how many went. Then checkpoints and truncates the WAL so
    /// no copy of their bytes stays in it (best effort: another connection reading at that
    /// moment delays it to the next purge).
    pub fn purge_confirmed(&mut self, confirmed_before: DateTime<Utc>) -> Result<u64, VaultError> {
        let cutoff = confirmed_before.to_rfc3339_opts(SecondsFormat::Millis, true);
        let ids: Vec<String> = {
            let mut q = self.conn.prepare(&format!(
                "SELECT id FROM signatures WHERE rowid IN ({CONFIRMED})"
            ))?;
            q.query_map(params![cutoff], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        self.remove(&ids, true)
    }

    /// Deletes the records `ids` with their outbox and delivery rows in one transaction —
    /// adding them to `purged_counts` first when `counted` — and then truncates the WAL, so
    /// (with `secure_delete`) no byte of them stays. Returns how many records went.
    fn remove(&mut self, ids: &[String], counted: bool) -> Result<u64, VaultError> {
        if ids.is_empty() {
            return Ok(0);
        }
        let ids = serde_json::to_string(ids)
            .map_err(|e| VaultError::Corrupt(format!("record ids: {e}")))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        if counted {
            tx.execute(
                "INSERT INTO purged_counts (petition_id, hour, count)
                 SELECT petition_id, substr(captured_at, 1, 13), COUNT(*) FROM signatures
                 WHERE id IN (SELECT value FROM json_each(?1))
                 GROUP BY petition_id, substr(captured_at, 1, 13)
                 ON CONFLICT (petition_id, hour) DO UPDATE SET count = count + excluded.count",
                [&ids],
            )?;
        }
        for forget in [
            "DELETE FROM deliveries WHERE record_id IN (SELECT value FROM json_each(?1))",
            "DELETE FROM delivery_attempts WHERE record_id IN (SELECT value FROM json_each(?1))",
            "DELETE FROM outbox WHERE signature_id IN (SELECT value FROM json_each(?1))",
            "DELETE FROM sent WHERE signature_id IN (SELECT value FROM json_each(?1))",
        ] {
            tx.execute(forget, [&ids])?;
        }
        let gone = tx.execute(
            "DELETE FROM signatures WHERE id IN (SELECT value FROM json_each(?1))",
            [&ids],
        )?;
        tx.commit().map_err(VaultError::from_sqlite)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(u64::try_from(gone).unwrap_or(0))
    }
}

impl Vault {
    /// Erasure on request: deletes the records `ids` (found by the caller, who opened them
    /// with the key), sent or not, with their outbox and delivery rows, and leaves no byte of
    /// them (as a purge does). Their counts go too: a withdrawn signature is not counted.
    /// Returns how many went.
    pub fn forget_records(&mut self, ids: &[String]) -> Result<u64, VaultError> {
        self.remove(ids, false)
    }
}

impl Vault {
    /// Ids of the records not yet sent anywhere (still in the outbox).
    pub fn unsent_ids(&self) -> Result<std::collections::HashSet<String>, VaultError> {
        let mut q = self.conn.prepare("SELECT signature_id FROM outbox")?;
        let ids = q
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// "Wipe this kiosk": every sealed record, outbox row, delivery outcome and count goes, the
    /// deleted bytes overwritten (`secure_delete`), the file compacted and the WAL truncated.
    /// The caller checks first that nothing unsent is lost unawares. Returns how many records
    /// went.
    pub fn wipe_records(&mut self) -> Result<u64, VaultError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        for table in [
            "DELETE FROM outbox",
            "DELETE FROM sent",
            "DELETE FROM deliveries",
            "DELETE FROM delivery_attempts",
            "DELETE FROM purged_counts",
        ] {
            tx.execute(table, [])?;
        }
        let gone = tx.execute("DELETE FROM signatures", [])?;
        tx.commit().map_err(VaultError::from_sqlite)?;
        self.conn.execute_batch("VACUUM")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(u64::try_from(gone).unwrap_or(0))
    }
}
