//! SQLite: one file, WAL, `synchronous=FULL` (an acknowledgement promises the records are kept).

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use placard_sync::wire::{Ack, Batch, Report};
use placard_vault::SealedRow;
use rusqlite::{Connection, OptionalExtension as _, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use uuid::Uuid;

use super::{
    Adopted, AuditEntry, Device, DeviceKey, NewPairing, Outcome, RelayRow, RelayedKiosk, RequestId,
    Stats, StoreError, Stored, check_pairing, count, parse_ack, unix_now,
};

/// The schema, in order; never edit a step once released, add one. `postgres.rs` keeps the
/// same tables.
const MIGRATIONS: &[M<'static>] = &[
    M::up(
        "CREATE TABLE devices (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL,
         public_key BLOB NOT NULL,
         enrolled_at TEXT NOT NULL,
         revoked_at TEXT
     );
     CREATE TABLE enrol_codes (
         code_hash BLOB PRIMARY KEY,   -- SHA-256 of the code; the code itself is never stored
         name TEXT NOT NULL,
         created_at TEXT NOT NULL,
         used_by TEXT
     );
     CREATE TABLE nonces (
         device_id TEXT NOT NULL,
         nonce TEXT NOT NULL,
         created INTEGER NOT NULL,
         PRIMARY KEY (device_id, nonce)
     );
     CREATE TABLE batches (
         id TEXT PRIMARY KEY,
         device_id TEXT NOT NULL,
         ack TEXT NOT NULL,            -- the acknowledgement, answered again on a repeat
         received_at TEXT NOT NULL
     );
     CREATE TABLE records (
         id TEXT PRIMARY KEY,
         device_id TEXT NOT NULL,
         batch_id TEXT NOT NULL,
         petition_id TEXT NOT NULL,
         captured_at TEXT NOT NULL,
         sealed BLOB NOT NULL,
         received_at TEXT NOT NULL
     );",
    ),
    // Nonces are pruned once the signature window has closed on them.
    M::up("CREATE INDEX nonces_created ON nonces (created);"),
    // The fan-out's outcome per record and destination (as in a kiosk's vault).
    M::up(
        "CREATE TABLE deliveries (
             record_id TEXT NOT NULL,
             destination TEXT NOT NULL,
             sent INTEGER NOT NULL,
             detail TEXT NOT NULL,
             at TEXT NOT NULL,
             PRIMARY KEY (destination, record_id)
         );",
    ),
    // A record whose first request to a destination is about to leave (as in a kiosk's vault).
    M::up(
        "CREATE TABLE delivery_attempts (
             record_id TEXT NOT NULL,
             destination TEXT NOT NULL,
             at TEXT NOT NULL,
             PRIMARY KEY (destination, record_id)
         );",
    ),
    // Retention (`purge`) and erasure (`forget`): which records an export took, the counts of
    // those purged (nothing per signer), the ids of records gone, so a kiosk or a bundle
    // delivering one again does not bring it back, and for each erasure a salted hash of the
    // address and its time (the salt in `meta`), the proof it was done.
    M::up(
        "CREATE TABLE exports (record_id TEXT PRIMARY KEY, at TEXT NOT NULL);
         CREATE TABLE purged_counts (
             device_id TEXT NOT NULL,
             petition_id TEXT NOT NULL,
             n INTEGER NOT NULL,
             PRIMARY KEY (device_id, petition_id)
         );
         CREATE TABLE gone (record_id TEXT PRIMARY KEY, at TEXT NOT NULL);
         CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
         CREATE TABLE forgotten (email_hash BLOB NOT NULL, records INTEGER NOT NULL, at TEXT NOT NULL);",
    ),
    // Each record's provenance: the sending device's signature of it, checked on arrival and
    // kept, so its origin can be checked again at any later hop.
    M::up("ALTER TABLE records ADD COLUMN provenance BLOB;"),
    // Pairing by a short code (`placard_sync::pairing`) replaces codes sent in the clear: an
    // old code can no longer be used, so the table goes. A waiting pairing keeps its secret
    // and the key its last exchange agreed sealed under a key derived from the collector's
    // own (`CollectorKey::derive`), so a copy of this file enrols nobody; `expires` and
    // `session_until` are Unix seconds.
    M::up(
        "DROP TABLE enrol_codes;
         CREATE TABLE pairings (
             nameplate INTEGER PRIMARY KEY,
             name TEXT NOT NULL,
             secret BLOB NOT NULL,
             expires INTEGER NOT NULL,
             tries INTEGER NOT NULL DEFAULT 0,
             session BLOB,
             session_until INTEGER
         );",
    ),
    // The console's audit log (`crate::console`): what an organiser did there and how it
    // ended — signing in, unlocking, sending, exporting, revoking, erasing. Never a signer's
    // data: an action, its result, and a detail such as a device's name or a count.
    M::up(
        "CREATE TABLE audit (
             id INTEGER PRIMARY KEY,
             at TEXT NOT NULL,
             action TEXT NOT NULL,
             result TEXT NOT NULL,
             detail TEXT NOT NULL
         );",
    ),
    // The console's overview from running totals, not a scan of the records (a collector may
    // hold millions): held records per device, petition and clear hour, kept by the one place
    // that inserts records (`store_batch`) and the one that deletes them (`remove_records`),
    // in their transactions. Purged records still count through `purged_counts`.
    M::up(
        "CREATE TABLE tallies (
             device_id TEXT NOT NULL,
             petition_id TEXT NOT NULL,
             hour TEXT NOT NULL,
             n INTEGER NOT NULL,
             PRIMARY KEY (device_id, petition_id, hour)
         ) WITHOUT ROWID;
         INSERT INTO tallies (device_id, petition_id, hour, n)
             SELECT device_id, petition_id, captured_at, COUNT(*) FROM records
             GROUP BY device_id, petition_id, captured_at;",
    ),
    // What each kiosk last reported of itself (`POST /v1/report`), for the console's list:
    // its app version, how many records wait on it, how far its clock is from ours.
    // `report_created` is the report's signed time (seconds): an older one never overwrites a
    // newer. Two in the same second (caught up right after starting) both count, the later
    // last; a replay could at most bring back what was said in that same second.
    M::up(
        "ALTER TABLE devices ADD COLUMN reported_at TEXT;
         ALTER TABLE devices ADD COLUMN report_created INTEGER;
         ALTER TABLE devices ADD COLUMN app_version TEXT;
         ALTER TABLE devices ADD COLUMN pending INTEGER;
         ALTER TABLE devices ADD COLUMN clock_offset INTEGER;",
    ),
    // Relaying (an on-site collector forwarding to the organisation's main one, `relay`):
    // on the main collector, a pairing code made with `enroll --relay` enrols a device that
    // may forward other kiosks' records (`devices.relay`), and a kiosk first heard of through
    // a relay names it (`devices.via`). On the on-site collector, `relayed` holds the records
    // the main one acknowledged, so each goes up once.
    M::up(
        "ALTER TABLE pairings ADD COLUMN relay INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE devices ADD COLUMN relay INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE devices ADD COLUMN via TEXT;
         CREATE TABLE relayed (record_id TEXT PRIMARY KEY, at TEXT NOT NULL);",
    ),
];

const IN_DOUBT_SQLITE: &str = "SELECT a.record_id FROM delivery_attempts a
     WHERE a.destination = ?1 AND NOT EXISTS (
         SELECT 1 FROM deliveries d
         WHERE d.destination = a.destination AND d.record_id = a.record_id)";

/// One connection behind a lock: SQLite has one writer anyway, and every call is short.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Purged records are overwritten with zeros, not left in free pages.
        conn.pragma_update(None, "secure_delete", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Migrations::from_slice(MIGRATIONS).to_latest(&mut conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done transaction (it rolls back on
        // drop), so the connection is still good.
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn add_pairing(&self, p: &NewPairing) -> Result<bool, StoreError> {
        let conn = self.conn();
        conn.execute("DELETE FROM pairings WHERE expires < ?1", [unix_now()])?;
        let added = conn.execute(
            "INSERT INTO pairings (nameplate, name, secret, expires, relay)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (nameplate) DO NOTHING",
            params![p.nameplate, p.name, p.secret, p.expires, p.relay],
        )?;
        Ok(added == 1)
    }

    pub(super) fn begin_pairing(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (secret, expires, tries): (Vec<u8>, i64, i64) = tx
            .query_row(
                "SELECT secret, expires, tries FROM pairings WHERE nameplate = ?1",
                [nameplate],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(StoreError::BadCode)?;
        check_pairing(expires, tries)?;
        tx.execute(
            "UPDATE pairings SET tries = tries + 1 WHERE nameplate = ?1",
            [nameplate],
        )?;
        tx.commit()?;
        Ok(secret)
    }

    pub(super) fn keep_session(
        &self,
        nameplate: i64,
        session: &[u8],
        until: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE pairings SET session = ?2, session_until = ?3 WHERE nameplate = ?1",
            params![nameplate, session, until],
        )?;
        Ok(())
    }

    pub(super) fn pairing_session(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        self.conn()
            .query_row(
                "SELECT session FROM pairings
                 WHERE nameplate = ?1 AND session IS NOT NULL AND session_until >= ?2",
                params![nameplate, unix_now()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::BadCode)
    }

    pub(super) fn complete_pairing(
        &self,
        nameplate: i64,
        device_id: Uuid,
        public_key: &[u8],
    ) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (name, relay): (String, bool) = tx
            .query_row(
                "SELECT name, relay FROM pairings WHERE nameplate = ?1",
                [nameplate],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::BadCode)?;
        let existing: Option<(Vec<u8>, bool)> = tx
            .query_row(
                "SELECT public_key, revoked_at IS NOT NULL FROM devices WHERE id = ?1",
                [device_id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match existing {
            None => {
                tx.execute(
                    "INSERT INTO devices (id, name, public_key, enrolled_at) VALUES (?1, ?2, ?3, ?4)",
                    params![device_id.to_string(), name, public_key, now()],
                )?;
            }
            // The same device with the same key and a fresh code: pairing again pins the
            // collector's key (see `Store::complete_pairing`).
            Some((key, false)) if key == public_key => {}
            Some(_) => return Err(StoreError::AlreadyEnrolled),
        }
        if relay {
            tx.execute(
                "UPDATE devices SET relay = 1 WHERE id = ?1",
                [device_id.to_string()],
            )?;
        }
        // A code pairs once.
        tx.execute("DELETE FROM pairings WHERE nameplate = ?1", [nameplate])?;
        tx.commit()?;
        Ok(())
    }

    pub(super) fn device_key(&self, device_id: &str) -> Result<Option<DeviceKey>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT public_key, revoked_at IS NOT NULL, relay FROM devices WHERE id = ?1",
                [device_id],
                |r| {
                    Ok(DeviceKey {
                        public_key: r.get(0)?,
                        revoked: r.get(1)?,
                        relay: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    pub(super) fn adopt(&self, k: &RelayedKiosk, via: &str) -> Result<Adopted, StoreError> {
        let conn = self.conn();
        let existing: Option<(Vec<u8>, bool)> = conn
            .query_row(
                "SELECT public_key, revoked_at IS NOT NULL FROM devices WHERE id = ?1",
                [&k.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match existing {
            None => {
                conn.execute(
                    "INSERT INTO devices (id, name, public_key, enrolled_at, via)
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
                    params![k.id, k.name, k.public_key, now(), via],
                )?;
                Adopted::New
            }
            Some((_, true)) => Adopted::Revoked,
            Some((key, false)) if key == k.public_key => Adopted::Known,
            Some(_) => Adopted::OtherKey,
        })
    }

    pub(super) fn unrelayed(&self, limit: u32) -> Result<Vec<RelayRow>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT r.device_id, r.id, r.petition_id, r.captured_at, r.sealed, r.provenance
             FROM records r WHERE NOT EXISTS (SELECT 1 FROM relayed x WHERE x.record_id = r.id)
             ORDER BY r.rowid LIMIT ?1",
        )?;
        let rows = q.query_map([limit], |r| {
            Ok(RelayRow {
                device_id: r.get(0)?,
                id: r.get(1)?,
                petition_id: r.get(2)?,
                captured_at: r.get(3)?,
                sealed: r.get(4)?,
                provenance: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn mark_relayed(&self, ids: &[String]) -> Result<(), StoreError> {
        let ids = serde_json::to_string(ids).map_err(|e| StoreError::Task(e.to_string()))?;
        self.conn().execute(
            "INSERT OR IGNORE INTO relayed (record_id, at) SELECT value, ?2 FROM json_each(?1)",
            params![ids, now()],
        )?;
        Ok(())
    }

    pub(super) fn relay_waiting(&self) -> Result<u64, StoreError> {
        let n: i64 = self.conn().query_row(
            "SELECT COUNT(*) FROM records r
             WHERE NOT EXISTS (SELECT 1 FROM relayed x WHERE x.record_id = r.id)",
            [],
            |r| r.get(0),
        )?;
        Ok(count(n))
    }

    pub(super) fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub(super) fn set_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub(super) fn revoke(&self, device_id: &str) -> Result<(), StoreError> {
        let conn = self.conn();
        let known: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM devices WHERE id = ?1)",
            [device_id],
            |r| r.get(0),
        )?;
        if !known {
            return Err(StoreError::NoDevice(device_id.to_owned()));
        }
        conn.execute(
            "UPDATE devices SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
            params![now(), device_id],
        )?;
        Ok(())
    }

    pub(super) fn store_batch(
        &self,
        request: &RequestId,
        batch: &Batch,
        ack: Ack,
        ack_json: &str,
        forget_before: u64,
    ) -> Result<Outcome, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM nonces WHERE created < ?1",
            [i64::try_from(forget_before).unwrap_or(i64::MAX)],
        )?;
        let fresh = tx.execute(
            "INSERT OR IGNORE INTO nonces (device_id, nonce, created) VALUES (?1, ?2, ?3)",
            params![
                request.device_id,
                request.nonce,
                i64::try_from(request.created).unwrap_or(i64::MAX)
            ],
        )?;
        if fresh == 0 {
            return Ok(Outcome::Replayed);
        }
        let batch_id = batch.batch_id.to_string();
        let earlier: Option<String> = tx
            .query_row("SELECT ack FROM batches WHERE id = ?1", [&batch_id], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(earlier) = earlier {
            // The nonce is kept: a repeat is a new request, and its nonce is now used.
            tx.commit()?;
            return Ok(Outcome::Acknowledged(
                parse_ack(&earlier)?,
                Stored::default(),
            ));
        }
        let received = now();
        let device_id = batch.device_id.to_string();
        tx.execute(
            "INSERT INTO batches (id, device_id, ack, received_at) VALUES (?1, ?2, ?3, ?4)",
            params![batch_id, device_id, ack_json, received],
        )?;
        let mut new_records = 0u64;
        let mut added: std::collections::BTreeMap<(&str, &str), i64> = Default::default();
        {
            // A record purged or forgotten here is not taken back.
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO records
                     (id, device_id, batch_id, petition_id, captured_at, sealed, received_at,
                      provenance)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
                 WHERE NOT EXISTS (SELECT 1 FROM gone WHERE record_id = ?1)",
            )?;
            for r in &batch.records {
                let inserted = insert.execute(params![
                    r.id.to_string(),
                    device_id,
                    batch_id,
                    r.petition_id,
                    r.captured_at,
                    r.sealed,
                    received,
                    r.provenance
                ])?;
                if inserted > 0 {
                    new_records += 1;
                    *added
                        .entry((r.petition_id.as_str(), r.captured_at.as_str()))
                        .or_default() += 1;
                }
            }
        }
        for ((petition, hour), n) in added {
            tally(&tx, &device_id, petition, hour, n)?;
        }
        // Acknowledged: only what is held for this device now (or is gone on purpose: purged or
        // forgotten, which the kiosk must stop sending). An id another device's record holds is
        // a conflict: answering it as stored would lose the record.
        let (ack, conflicts) = held_for_device(&tx, ack, &device_id)?;
        let ack_json = serde_json::to_string(&ack).map_err(|e| StoreError::Task(e.to_string()))?;
        tx.execute(
            "UPDATE batches SET ack = ?1 WHERE id = ?2",
            params![ack_json, batch_id],
        )?;
        tx.commit()?;
        Ok(Outcome::Acknowledged(
            ack,
            Stored {
                new_batch: true,
                new_records,
                conflicts,
            },
        ))
    }

    pub(super) fn sample(&self, n: u32) -> Result<Vec<(String, SealedRow)>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT r.device_id, r.id, r.petition_id, r.captured_at, r.sealed FROM records r
             JOIN devices d ON d.id = r.device_id AND d.revoked_at IS NULL
             ORDER BY r.rowid DESC LIMIT ?1",
        )?;
        let rows = q.query_map([n], device_and_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn all_records(&self) -> Result<Vec<(String, SealedRow)>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT device_id, id, petition_id, captured_at, sealed FROM records ORDER BY rowid",
        )?;
        let rows = q.query_map([], device_and_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn settled(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare("SELECT record_id FROM deliveries WHERE destination = ?1")?;
        let ids = q.query_map([destination], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    pub(super) fn failed(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut q =
            conn.prepare("SELECT record_id FROM deliveries WHERE destination = ?1 AND NOT sent")?;
        let ids = q.query_map([destination], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    pub(super) fn begin_delivery(
        &self,
        destination: &str,
        record_id: &str,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO delivery_attempts (record_id, destination, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (destination, record_id) DO NOTHING",
            params![record_id, destination, now()],
        )?;
        Ok(())
    }

    pub(super) fn in_doubt(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(IN_DOUBT_SQLITE)?;
        let ids = q.query_map([destination], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    pub(super) fn settle(
        &self,
        destination: &str,
        record_id: &str,
        sent: bool,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO deliveries (record_id, destination, sent, detail, at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (destination, record_id) DO UPDATE
             SET sent = excluded.sent, detail = excluded.detail, at = excluded.at",
            params![record_id, destination, sent, detail, now()],
        )?;
        Ok(())
    }

    pub(super) fn mark_exported(&self, ids: &[String]) -> Result<(), StoreError> {
        let ids = serde_json::to_string(ids).map_err(|e| StoreError::Task(e.to_string()))?;
        self.conn().execute(
            "INSERT OR IGNORE INTO exports (record_id, at)
             SELECT value, ?2 FROM json_each(?1)",
            params![ids, now()],
        )?;
        Ok(())
    }

    pub(super) fn purge(&self, destinations: &[String], cutoff: &str) -> Result<u64, StoreError> {
        let dests =
            serde_json::to_string(destinations).map_err(|e| StoreError::Task(e.to_string()))?;
        let wanted = i64::try_from(destinations.len()).unwrap_or(i64::MAX);
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ids: Vec<String> = {
            let mut q = tx.prepare(
                "SELECT r.id FROM records r WHERE
                     (?2 > 0 AND (SELECT COUNT(*) FROM deliveries d
                         WHERE d.record_id = r.id AND d.sent = 1 AND d.at <= ?1
                           AND d.destination IN (SELECT value FROM json_each(?3))) = ?2)
                     OR EXISTS (SELECT 1 FROM exports e WHERE e.record_id = r.id AND e.at <= ?1)",
            )?;
            q.query_map(params![cutoff, wanted, dests], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Task(e.to_string()))?;
        tx.execute(
            "INSERT INTO purged_counts (device_id, petition_id, n)
             SELECT device_id, petition_id, COUNT(*) FROM records
             WHERE id IN (SELECT value FROM json_each(?1)) GROUP BY device_id, petition_id
             ON CONFLICT (device_id, petition_id) DO UPDATE SET n = n + excluded.n",
            [&ids],
        )?;
        let purged = remove_records(&tx, &ids)?;
        tx.commit()?;
        Ok(purged)
    }

    pub(super) fn salt(&self, fresh: &[u8]) -> Result<Vec<u8>, StoreError> {
        let conn = self.conn();
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('erasure_salt', ?1)",
            [fresh],
        )?;
        Ok(conn.query_row(
            "SELECT value FROM meta WHERE key = 'erasure_salt'",
            [],
            |r| r.get(0),
        )?)
    }

    pub(super) fn forget(&self, ids: &[String], email_hash: &[u8]) -> Result<u64, StoreError> {
        let ids = serde_json::to_string(ids).map_err(|e| StoreError::Task(e.to_string()))?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let forgotten = remove_records(&tx, &ids)?;
        tx.execute(
            "INSERT INTO forgotten (email_hash, records, at) VALUES (?1, ?2, ?3)",
            params![
                email_hash,
                i64::try_from(forgotten).unwrap_or(i64::MAX),
                now()
            ],
        )?;
        tx.commit()?;
        Ok(forgotten)
    }

    pub(super) fn per_hour(&self, since: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT hour, SUM(n) FROM tallies WHERE hour >= ?1
             GROUP BY hour HAVING SUM(n) > 0 ORDER BY hour",
        )?;
        let rows = q.query_map([since], |r| {
            Ok((r.get::<_, String>(0)?, count(r.get::<_, i64>(1)?)))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn due_by_day(
        &self,
        destinations: &[String],
    ) -> Result<Vec<(String, u64)>, StoreError> {
        let dests =
            serde_json::to_string(destinations).map_err(|e| StoreError::Task(e.to_string()))?;
        let wanted = i64::try_from(destinations.len()).unwrap_or(i64::MAX);
        let conn = self.conn();
        // The same rule as `purge`: every named destination sent it, or an export took it.
        let mut q = conn.prepare(
            "WITH dest AS (
                 SELECT d.record_id AS id, MAX(d.at) AS at FROM deliveries d
                 WHERE ?1 > 0 AND d.sent = 1 AND d.destination IN (SELECT value FROM json_each(?2))
                 GROUP BY d.record_id HAVING COUNT(*) = ?1),
             due AS (
                 SELECT CASE WHEN dest.at IS NULL THEN e.at WHEN e.at IS NULL THEN dest.at
                             ELSE MIN(dest.at, e.at) END AS at
                 FROM records r
                 LEFT JOIN dest ON dest.id = r.id
                 LEFT JOIN exports e ON e.record_id = r.id
                 WHERE dest.at IS NOT NULL OR e.at IS NOT NULL)
             SELECT substr(at, 1, 10), COUNT(*) FROM due GROUP BY 1 ORDER BY 1",
        )?;
        let rows = q.query_map(params![wanted, dests], |r| {
            Ok((r.get::<_, String>(0)?, count(r.get::<_, i64>(1)?)))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn devices(&self) -> Result<Vec<Device>, StoreError> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT d.id, d.name, d.enrolled_at, d.revoked_at,
                    (SELECT MAX(received_at) FROM batches b WHERE b.device_id = d.id),
                    d.reported_at, d.app_version, d.pending, d.clock_offset
             FROM devices d ORDER BY d.enrolled_at, d.id",
        )?;
        let rows = q.query_map([], |r| {
            let batch: Option<String> = r.get(4)?;
            let reported: Option<String> = r.get(5)?;
            Ok(Device {
                id: r.get(0)?,
                name: r.get(1)?,
                enrolled_at: r.get(2)?,
                revoked_at: r.get(3)?,
                last_seen: batch.into_iter().chain(reported.clone()).max(),
                reported_at: reported,
                app_version: r.get(6)?,
                pending: r.get::<_, Option<i64>>(7)?.map(count),
                clock_offset: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn record_report(&self, r: &Report, created: u64) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE devices SET reported_at = ?2, report_created = ?3, app_version = ?4,
                 pending = ?5, clock_offset = ?6
             WHERE id = ?1 AND (report_created IS NULL OR report_created <= ?3)",
            params![
                r.device_id.to_string(),
                now(),
                i64::try_from(created).unwrap_or(i64::MAX),
                r.app_version,
                i64::try_from(r.pending).unwrap_or(i64::MAX),
                r.clock_offset
            ],
        )?;
        Ok(())
    }

    pub(super) fn audit(&self, action: &str, result: &str, detail: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO audit (at, action, result, detail) VALUES (?1, ?2, ?3, ?4)",
            params![now(), action, result, detail],
        )?;
        Ok(())
    }

    pub(super) fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let conn = self.conn();
        let mut q =
            conn.prepare("SELECT at, action, result, detail FROM audit ORDER BY id DESC LIMIT ?1")?;
        let rows = q.query_map([limit], |r| {
            Ok(AuditEntry {
                at: r.get(0)?,
                action: r.get(1)?,
                result: r.get(2)?,
                detail: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(super) fn stats(&self) -> Result<Stats, StoreError> {
        let conn = self.conn();
        let total = |sql: &str| -> Result<u64, StoreError> {
            Ok(count(conn.query_row(sql, [], |r| r.get::<_, i64>(0))?))
        };
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>, StoreError> {
            let mut q = conn.prepare(sql)?;
            let rows = q.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, count(r.get::<_, i64>(1)?)))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        // From the running totals (see `tallies`); records purged after they went on still
        // count (see `purged_counts`).
        Ok(Stats {
            records: total(
                "SELECT (SELECT COALESCE(SUM(n), 0) FROM tallies)
                      + (SELECT COALESCE(SUM(n), 0) FROM purged_counts)",
            )?,
            held: total("SELECT COALESCE(SUM(n), 0) FROM tallies")?,
            batches: total("SELECT COUNT(*) FROM batches")?,
            by_device: grouped(
                "SELECT device_id, SUM(n) FROM (
                     SELECT device_id, n FROM tallies
                     UNION ALL SELECT device_id, n FROM purged_counts)
                 GROUP BY device_id HAVING SUM(n) > 0 ORDER BY device_id",
            )?,
            by_petition: grouped(
                "SELECT petition_id, SUM(n) FROM (
                     SELECT petition_id, n FROM tallies
                     UNION ALL SELECT petition_id, n FROM purged_counts)
                 GROUP BY petition_id HAVING SUM(n) > 0 ORDER BY petition_id",
            )?,
        })
    }
}

/// Deletes the records whose ids are in the JSON array `ids`, with their outcomes and export
/// marks, keeping the ids in `gone` so they are not taken back; returns how many records went.
/// (`postgres.rs` has the same.)
/// Adds `n` (negative: takes) to the held records of one device, petition and hour.
fn tally(
    tx: &rusqlite::Transaction<'_>,
    device: &str,
    petition: &str,
    hour: &str,
    n: i64,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO tallies (device_id, petition_id, hour, n) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (device_id, petition_id, hour) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![device, petition, hour, n])?;
    Ok(())
}

fn remove_records(tx: &rusqlite::Transaction<'_>, ids: &str) -> Result<u64, StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO gone (record_id, at) SELECT value, ?2 FROM json_each(?1)",
        params![ids, now()],
    )?;
    // The running totals lose what goes (see the `tallies` migration).
    tx.execute(
        "INSERT INTO tallies (device_id, petition_id, hour, n)
         SELECT device_id, petition_id, captured_at, -COUNT(*) FROM records
         WHERE id IN (SELECT value FROM json_each(?1))
         GROUP BY device_id, petition_id, captured_at
         ON CONFLICT (device_id, petition_id, hour) DO UPDATE SET n = n + excluded.n",
        [ids],
    )?;
    for forget in [
        "DELETE FROM deliveries WHERE record_id IN (SELECT value FROM json_each(?1))",
        "DELETE FROM delivery_attempts WHERE record_id IN (SELECT value FROM json_each(?1))",
        "DELETE FROM exports WHERE record_id IN (SELECT value FROM json_each(?1))",
    ] {
        tx.execute(forget, [ids])?;
    }
    let gone = tx.execute(
        "DELETE FROM records WHERE id IN (SELECT value FROM json_each(?1))",
        [ids],
    )?;
    Ok(gone as u64)
}

/// `ack` narrowed to the ids held for `device_id` (or gone on purpose), and how many were not.
fn held_for_device(
    tx: &rusqlite::Transaction<'_>,
    ack: Ack,
    device_id: &str,
) -> Result<(Ack, u64), StoreError> {
    let mut mine = tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM records WHERE id = ?1 AND device_id = ?2)
             OR EXISTS (SELECT 1 FROM gone WHERE record_id = ?1)",
    )?;
    let mut stored = Vec::with_capacity(ack.stored.len());
    let mut conflicts = 0;
    for id in ack.stored {
        if mine.query_row(params![id.to_string(), device_id], |r| r.get::<_, bool>(0))? {
            stored.push(id);
        } else {
            conflicts += 1;
        }
    }
    Ok((
        Ack {
            batch_id: ack.batch_id,
            stored,
            ..ack
        },
        conflicts,
    ))
}

/// A `SELECT device_id, id, petition_id, captured_at, sealed` row.
fn device_and_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, SealedRow)> {
    Ok((
        r.get(0)?,
        SealedRow {
            id: r.get(1)?,
            petition_id: r.get(2)?,
            captured_at: r.get(3)?,
            sealed: r.get(4)?,
        },
    ))
}
