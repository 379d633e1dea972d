//! PostgreSQL: the same tables as `sqlite.rs`, for collectors that share one database behind
//! a load balancer. Every write that matters is one transaction (PostgreSQL's default
//! `synchronous_commit=on` makes a commit durable), and the statements are written so that
//! two collectors handling the same batch or the same enrolment code at once still store it
//! once: `ON CONFLICT DO NOTHING` waits for the other's commit and then sees its row.
//!
//! Connections come from a pool (deadpool). No TLS: the database is expected on the same host
//! or a private network (a `sslmode=require` URL is refused at connect, not downgraded).

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use placard_sync::wire::{Ack, Batch, Report};
use placard_vault::SealedRow;
use tokio_postgres::NoTls;
use uuid::Uuid;

use super::{
    Adopted, AuditEntry, Device, DeviceKey, NewPairing, Outcome, RelayRow, RelayedKiosk, RequestId,
    Stats, StoreError, Stored, check_pairing, count, parse_ack, unix_now,
};

/// The schema, in order, as in `sqlite.rs`; never edit a step once released, add one.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE devices (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL,
         public_key BYTEA NOT NULL,
         enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
         revoked_at TIMESTAMPTZ
     );
     CREATE TABLE enrol_codes (
         code_hash BYTEA PRIMARY KEY,  -- SHA-256 of the code; the code itself is never stored
         name TEXT NOT NULL,
         created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
         used_by TEXT
     );
     CREATE TABLE nonces (
         device_id TEXT NOT NULL,
         nonce TEXT NOT NULL,
         created BIGINT NOT NULL,
         PRIMARY KEY (device_id, nonce)
     );
     CREATE TABLE batches (
         id TEXT PRIMARY KEY,
         device_id TEXT NOT NULL,
         ack TEXT NOT NULL,            -- the acknowledgement, answered again on a repeat
         received_at TIMESTAMPTZ NOT NULL DEFAULT now()
     );
     CREATE TABLE records (
         id TEXT PRIMARY KEY,
         device_id TEXT NOT NULL,
         batch_id TEXT NOT NULL,
         petition_id TEXT NOT NULL,
         captured_at TEXT NOT NULL,
         sealed BYTEA NOT NULL,
         received_at TIMESTAMPTZ NOT NULL DEFAULT now()
     );",
    "CREATE INDEX nonces_created ON nonces (created);",
    "CREATE TABLE deliveries (
         record_id TEXT NOT NULL,
         destination TEXT NOT NULL,
         sent BOOLEAN NOT NULL,
         detail TEXT NOT NULL,
         at TIMESTAMPTZ NOT NULL DEFAULT now(),
         PRIMARY KEY (destination, record_id)
     );",
    "CREATE TABLE delivery_attempts (
         record_id TEXT NOT NULL,
         destination TEXT NOT NULL,
         at TIMESTAMPTZ NOT NULL DEFAULT now(),
         PRIMARY KEY (destination, record_id)
     );",
    "CREATE TABLE exports (record_id TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now());
     CREATE TABLE purged_counts (
         device_id TEXT NOT NULL,
         petition_id TEXT NOT NULL,
         n BIGINT NOT NULL,
         PRIMARY KEY (device_id, petition_id)
     );
     CREATE TABLE gone (record_id TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now());
     CREATE TABLE meta (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
     CREATE TABLE forgotten (
         email_hash BYTEA NOT NULL,
         records BIGINT NOT NULL,
         at TIMESTAMPTZ NOT NULL DEFAULT now()
     );",
    // Each record's provenance (see `sqlite.rs`).
    "ALTER TABLE records ADD COLUMN provenance BYTEA;",
    // Pairing by a short code replaces codes sent in the clear (see `sqlite.rs`).
    "DROP TABLE enrol_codes;
     CREATE TABLE pairings (
         nameplate BIGINT PRIMARY KEY,
         name TEXT NOT NULL,
         secret BYTEA NOT NULL,
         expires BIGINT NOT NULL,
         tries BIGINT NOT NULL DEFAULT 0,
         session BYTEA,
         session_until BIGINT
     );",
    // The console's audit log (see `sqlite.rs`).
    "CREATE TABLE audit (
         id BIGSERIAL PRIMARY KEY,
         at TIMESTAMPTZ NOT NULL DEFAULT now(),
         action TEXT NOT NULL,
         result TEXT NOT NULL,
         detail TEXT NOT NULL
     );",
    // Running totals for the console's overview (see `sqlite.rs`).
    "CREATE TABLE tallies (
         device_id TEXT NOT NULL,
         petition_id TEXT NOT NULL,
         hour TEXT NOT NULL,
         n BIGINT NOT NULL,
         PRIMARY KEY (device_id, petition_id, hour)
     );
     INSERT INTO tallies (device_id, petition_id, hour, n)
         SELECT device_id, petition_id, captured_at, COUNT(*) FROM records
         GROUP BY device_id, petition_id, captured_at;",
    // What each kiosk last reported of itself (see the SQLite backend's migration).
    "ALTER TABLE devices ADD COLUMN reported_at TIMESTAMPTZ;
     ALTER TABLE devices ADD COLUMN report_created BIGINT;
     ALTER TABLE devices ADD COLUMN app_version TEXT;
     ALTER TABLE devices ADD COLUMN pending BIGINT;
     ALTER TABLE devices ADD COLUMN clock_offset BIGINT;",
    // Relaying (see the SQLite backend's migration).
    "ALTER TABLE pairings ADD COLUMN relay BOOLEAN NOT NULL DEFAULT false;
     ALTER TABLE devices ADD COLUMN relay BOOLEAN NOT NULL DEFAULT false;
     ALTER TABLE devices ADD COLUMN via TEXT;
     CREATE TABLE relayed (record_id TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now());",
];

/// A timestamp as RFC 3339 in UTC with milliseconds (as the SQLite backend writes them).
const UTC_TEXT: &str = "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"";

/// Any fixed number: collectors starting together take this advisory lock so that only one
/// of them migrates.
const MIGRATION_LOCK: i64 = 0x0070_6c61_6361_7264;

#[derive(Debug, Clone)]
pub struct PgStore {
    pool: Pool,
}

/// Deletes the records `ids` with their outcomes and export marks, keeping the ids in `gone`
/// so they are not taken back; returns how many records went.
async fn remove_records(
    tx: &deadpool_postgres::Transaction<'_>,
    ids: &[String],
) -> Result<u64, StoreError> {
    tx.execute(
        "INSERT INTO gone (record_id) SELECT UNNEST($1::text[]) ON CONFLICT DO NOTHING",
        &[&ids],
    )
    .await?;
    // The running totals lose what goes (see `tallies`).
    tx.execute(
        "INSERT INTO tallies (device_id, petition_id, hour, n)
         SELECT device_id, petition_id, captured_at, -COUNT(*) FROM records
         WHERE id = ANY($1) GROUP BY device_id, petition_id, captured_at
         ON CONFLICT (device_id, petition_id, hour) DO UPDATE SET n = tallies.n + excluded.n",
        &[&ids],
    )
    .await?;
    for forget in [
        "DELETE FROM deliveries WHERE record_id = ANY($1)",
        "DELETE FROM delivery_attempts WHERE record_id = ANY($1)",
        "DELETE FROM exports WHERE record_id = ANY($1)",
    ] {
        tx.execute(forget, &[&ids]).await?;
    }
    Ok(tx
        .execute("DELETE FROM records WHERE id = ANY($1)", &[&ids])
        .await?)
}

fn pool_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Pool(e.to_string())
}

fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl PgStore {
    /// Connects to `url` and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StoreError::BadUrl(format!("{url}: {e}")))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .map_err(pool_error)?;
        let store = Self { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        self.pool.get().await.map_err(pool_error)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS placard_migrations (version INTEGER PRIMARY KEY)",
        )
        .await?;
        let done: i32 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM placard_migrations",
                &[],
            )
            .await?
            .get(0);
        for (i, step) in MIGRATIONS.iter().enumerate() {
            let version = i32::try_from(i + 1).unwrap_or(i32::MAX);
            if version <= done {
                continue;
            }
            tx.batch_execute(step).await?;
            tx.execute(
                "INSERT INTO placard_migrations (version) VALUES ($1)",
                &[&version],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn add_pairing(&self, p: &NewPairing) -> Result<bool, StoreError> {
        let client = self.client().await?;
        client
            .execute("DELETE FROM pairings WHERE expires < $1", &[&unix_now()])
            .await?;
        let added = client
            .execute(
                "INSERT INTO pairings (nameplate, name, secret, expires, relay)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (nameplate) DO NOTHING",
                &[&p.nameplate, &p.name, &p.secret, &p.expires, &p.relay],
            )
            .await?;
        Ok(added == 1)
    }

    pub(super) async fn begin_pairing(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // FOR UPDATE: two instances answering the same nameplate at once count both tries.
        let row = tx
            .query_opt(
                "SELECT secret, expires, tries FROM pairings WHERE nameplate = $1 FOR UPDATE",
                &[&nameplate],
            )
            .await?
            .ok_or(StoreError::BadCode)?;
        check_pairing(row.get(1), row.get(2))?;
        tx.execute(
            "UPDATE pairings SET tries = tries + 1 WHERE nameplate = $1",
            &[&nameplate],
        )
        .await?;
        tx.commit().await?;
        Ok(row.get(0))
    }

    pub(super) async fn keep_session(
        &self,
        nameplate: i64,
        session: &[u8],
        until: i64,
    ) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "UPDATE pairings SET session = $2, session_until = $3 WHERE nameplate = $1",
                &[&nameplate, &session, &until],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn pairing_session(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        Ok(self
            .client()
            .await?
            .query_opt(
                "SELECT session FROM pairings
                 WHERE nameplate = $1 AND session IS NOT NULL AND session_until >= $2",
                &[&nameplate, &unix_now()],
            )
            .await?
            .ok_or(StoreError::BadCode)?
            .get(0))
    }

    pub(super) async fn complete_pairing(
        &self,
        nameplate: i64,
        device_id: Uuid,
        public_key: &[u8],
    ) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // FOR UPDATE: a second instance finishing the same pairing waits, then finds it gone.
        let row = tx
            .query_opt(
                "SELECT name, relay FROM pairings WHERE nameplate = $1 FOR UPDATE",
                &[&nameplate],
            )
            .await?
            .ok_or(StoreError::BadCode)?;
        let (name, relay): (String, bool) = (row.get(0), row.get(1));
        let id = device_id.to_string();
        let added = tx
            .execute(
                "INSERT INTO devices (id, name, public_key) VALUES ($1, $2, $3)
                 ON CONFLICT (id) DO NOTHING",
                &[&id, &name, &public_key],
            )
            .await?;
        if added == 0 {
            // The same device with the same key: pairing again pins the collector's key.
            let same = tx
                .query_opt(
                    "SELECT 1 FROM devices WHERE id = $1 AND public_key = $2 AND revoked_at IS NULL",
                    &[&id, &public_key],
                )
                .await?
                .is_some();
            if !same {
                return Err(StoreError::AlreadyEnrolled);
            }
        }
        if relay {
            tx.execute("UPDATE devices SET relay = true WHERE id = $1", &[&id])
                .await?;
        }
        tx.execute("DELETE FROM pairings WHERE nameplate = $1", &[&nameplate])
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn adopt(&self, k: &RelayedKiosk, via: &str) -> Result<Adopted, StoreError> {
        let client = self.client().await?;
        let added = client
            .execute(
                "INSERT INTO devices (id, name, public_key, via) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO NOTHING",
                &[&k.id, &k.name, &k.public_key, &via],
            )
            .await?;
        if added == 1 {
            return Ok(Adopted::New);
        }
        let row = client
            .query_one(
                "SELECT public_key, revoked_at IS NOT NULL FROM devices WHERE id = $1",
                &[&k.id],
            )
            .await?;
        let (key, revoked): (Vec<u8>, bool) = (row.get(0), row.get(1));
        Ok(if revoked {
            Adopted::Revoked
        } else if key == k.public_key {
            Adopted::Known
        } else {
            Adopted::OtherKey
        })
    }

    pub(super) async fn unrelayed(&self, limit: u32) -> Result<Vec<RelayRow>, StoreError> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT r.device_id, r.id, r.petition_id, r.captured_at, r.sealed, r.provenance
                 FROM records r
                 WHERE NOT EXISTS (SELECT 1 FROM relayed x WHERE x.record_id = r.id)
                 ORDER BY r.received_at, r.id LIMIT $1",
                &[&i64::from(limit)],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| RelayRow {
                device_id: r.get(0),
                id: r.get(1),
                petition_id: r.get(2),
                captured_at: r.get(3),
                sealed: r.get(4),
                provenance: r.get(5),
            })
            .collect())
    }

    pub(super) async fn mark_relayed(&self, ids: &[String]) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO relayed (record_id) SELECT unnest($1::TEXT[])
                 ON CONFLICT (record_id) DO NOTHING",
                &[&ids],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn relay_waiting(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .client()
            .await?
            .query_one(
                "SELECT COUNT(*) FROM records r
                 WHERE NOT EXISTS (SELECT 1 FROM relayed x WHERE x.record_id = r.id)",
                &[],
            )
            .await?
            .get(0);
        Ok(count(n))
    }

    pub(super) async fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .client()
            .await?
            .query_opt("SELECT value FROM meta WHERE key = $1", &[&key])
            .await?
            .map(|r| r.get(0)))
    }

    pub(super) async fn set_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO meta (key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&key, &value],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn device_key(
        &self,
        device_id: &str,
    ) -> Result<Option<DeviceKey>, StoreError> {
        Ok(self
            .client()
            .await?
            .query_opt(
                "SELECT public_key, revoked_at IS NOT NULL, relay FROM devices WHERE id = $1",
                &[&device_id],
            )
            .await?
            .map(|r| DeviceKey {
                public_key: r.get(0),
                revoked: r.get(1),
                relay: r.get(2),
            }))
    }

    pub(super) async fn revoke(&self, device_id: &str) -> Result<(), StoreError> {
        let client = self.client().await?;
        let known = client
            .query_opt("SELECT 1 FROM devices WHERE id = $1", &[&device_id])
            .await?
            .is_some();
        if !known {
            return Err(StoreError::NoDevice(device_id.to_owned()));
        }
        client
            .execute(
                "UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
                &[&device_id],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn store_batch(
        &self,
        request: &RequestId,
        batch: &Batch,
        ack: Ack,
        ack_json: &str,
        forget_before: u64,
    ) -> Result<Outcome, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let fresh = tx
            .execute(
                "INSERT INTO nonces (device_id, nonce, created) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&request.device_id, &request.nonce, &int(request.created)],
            )
            .await?;
        if fresh == 0 {
            return Ok(Outcome::Replayed);
        }
        let batch_id = batch.batch_id.to_string();
        let device_id = batch.device_id.to_string();
        let new_batch = tx
            .execute(
                "INSERT INTO batches (id, device_id, ack) VALUES ($1, $2, $3)
                 ON CONFLICT (id) DO NOTHING",
                &[&batch_id, &device_id, &ack_json],
            )
            .await?;
        if new_batch == 0 {
            // Stored before (perhaps by another collector a moment ago): its first answer.
            let earlier: String = tx
                .query_one("SELECT ack FROM batches WHERE id = $1", &[&batch_id])
                .await?
                .get(0);
            tx.commit().await?;
            return Ok(Outcome::Acknowledged(
                parse_ack(&earlier)?,
                Stored::default(),
            ));
        }
        // The whole batch in one statement: one round trip, whatever its size.
        let ids: Vec<String> = batch.records.iter().map(|r| r.id.to_string()).collect();
        let petitions: Vec<&str> = batch
            .records
            .iter()
            .map(|r| r.petition_id.as_str())
            .collect();
        let captured: Vec<&str> = batch
            .records
            .iter()
            .map(|r| r.captured_at.as_str())
            .collect();
        let sealed: Vec<&[u8]> = batch.records.iter().map(|r| r.sealed.as_slice()).collect();
        let provenance: Vec<Option<&[u8]>> = batch
            .records
            .iter()
            .map(|r| r.provenance.as_deref())
            .collect();
        // The records, and the running totals of what was new (see `tallies`), in one
        // statement; it answers how many records were new.
        let new_records: i64 = tx
            .query_one(
                "WITH new AS (
                     INSERT INTO records
                         (id, device_id, batch_id, petition_id, captured_at, sealed, provenance)
                     SELECT u.id, $2, $3, u.petition_id, u.captured_at, u.sealed, u.provenance
                     FROM UNNEST($1::text[], $4::text[], $5::text[], $6::bytea[], $7::bytea[])
                          AS u(id, petition_id, captured_at, sealed, provenance)
                     WHERE NOT EXISTS (SELECT 1 FROM gone g WHERE g.record_id = u.id)
                     ON CONFLICT (id) DO NOTHING
                     RETURNING petition_id, captured_at),
                 tallied AS (
                     INSERT INTO tallies (device_id, petition_id, hour, n)
                     SELECT $2, petition_id, captured_at, COUNT(*) FROM new
                     GROUP BY petition_id, captured_at
                     ON CONFLICT (device_id, petition_id, hour)
                     DO UPDATE SET n = tallies.n + excluded.n)
                 SELECT COUNT(*) FROM new",
                &[
                    &ids,
                    &device_id,
                    &batch_id,
                    &petitions,
                    &captured,
                    &sealed,
                    &provenance,
                ],
            )
            .await?
            .get(0);
        let new_records = count(new_records);
        // Acknowledged: only what is held for this device now (or is gone on purpose); an id
        // another device's record holds is a conflict, never answered as stored.
        let held: std::collections::HashSet<String> = tx
            .query(
                "SELECT u.id FROM UNNEST($1::text[]) AS u(id)
                 WHERE EXISTS (SELECT 1 FROM records r WHERE r.id = u.id AND r.device_id = $2)
                    OR EXISTS (SELECT 1 FROM gone g WHERE g.record_id = u.id)",
                &[&ids, &device_id],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let total = ack.stored.len();
        let ack = Ack {
            batch_id: ack.batch_id,
            stored: ack
                .stored
                .into_iter()
                .filter(|id| held.contains(&id.to_string()))
                .collect(),
            ..ack
        };
        let conflicts = (total - ack.stored.len()) as u64;
        let ack_json = serde_json::to_string(&ack).map_err(|e| StoreError::Task(e.to_string()))?;
        tx.execute(
            "UPDATE batches SET ack = $1 WHERE id = $2",
            &[&ack_json, &batch_id],
        )
        .await?;
        tx.commit().await?;
        // Outside the batch's transaction: collectors pruning at once could otherwise
        // deadlock each other's uploads. A failed prune is retried with the next batch.
        let _ = client
            .execute(
                "DELETE FROM nonces WHERE created < $1",
                &[&int(forget_before)],
            )
            .await;
        Ok(Outcome::Acknowledged(
            ack,
            Stored {
                new_batch: true,
                new_records,
                conflicts,
            },
        ))
    }

    pub(super) async fn sample(&self, n: u32) -> Result<Vec<(String, SealedRow)>, StoreError> {
        Ok(self
            .client()
            .await?
            .query(
                "SELECT r.device_id, r.id, r.petition_id, r.captured_at, r.sealed FROM records r
                 JOIN devices d ON d.id = r.device_id AND d.revoked_at IS NULL
                 ORDER BY r.received_at DESC LIMIT $1",
                &[&i64::from(n)],
            )
            .await?
            .iter()
            .map(device_and_row)
            .collect())
    }

    pub(super) async fn all_records(&self) -> Result<Vec<(String, SealedRow)>, StoreError> {
        Ok(self
            .client()
            .await?
            .query(
                "SELECT device_id, id, petition_id, captured_at, sealed FROM records
                 ORDER BY received_at, id",
                &[],
            )
            .await?
            .iter()
            .map(device_and_row)
            .collect())
    }

    pub(super) async fn settled(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .client()
            .await?
            .query(
                "SELECT record_id FROM deliveries WHERE destination = $1",
                &[&destination],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    pub(super) async fn failed(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .client()
            .await?
            .query(
                "SELECT record_id FROM deliveries WHERE destination = $1 AND NOT sent",
                &[&destination],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    pub(super) async fn begin_delivery(
        &self,
        destination: &str,
        record_id: &str,
    ) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO delivery_attempts (record_id, destination) VALUES ($1, $2)
                 ON CONFLICT (destination, record_id) DO NOTHING",
                &[&record_id, &destination],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn in_doubt(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .client()
            .await?
            .query(
                "SELECT a.record_id FROM delivery_attempts a
                 WHERE a.destination = $1 AND NOT EXISTS (
                     SELECT 1 FROM deliveries d
                     WHERE d.destination = a.destination AND d.record_id = a.record_id)",
                &[&destination],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    pub(super) async fn settle(
        &self,
        destination: &str,
        record_id: &str,
        sent: bool,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO deliveries (record_id, destination, sent, detail)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (destination, record_id) DO UPDATE
                 SET sent = excluded.sent, detail = excluded.detail, at = now()",
                &[&record_id, &destination, &sent, &detail],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn mark_exported(&self, ids: &[String]) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO exports (record_id) SELECT UNNEST($1::text[])
                 ON CONFLICT (record_id) DO NOTHING",
                &[&ids],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn purge(
        &self,
        destinations: &[String],
        cutoff: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, StoreError> {
        let wanted = i64::try_from(destinations.len()).unwrap_or(i64::MAX);
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let ids: Vec<String> = tx
            .query(
                "SELECT r.id FROM records r WHERE
                     ($2::BIGINT > 0 AND (SELECT COUNT(*) FROM deliveries d
                         WHERE d.record_id = r.id AND d.sent AND d.at <= $1
                           AND d.destination = ANY($3)) = $2::BIGINT)
                     OR EXISTS (SELECT 1 FROM exports e WHERE e.record_id = r.id AND e.at <= $1)
                 FOR UPDATE",
                &[&cutoff, &wanted, &destinations],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        tx.execute(
            "INSERT INTO purged_counts (device_id, petition_id, n)
             SELECT device_id, petition_id, COUNT(*) FROM records WHERE id = ANY($1)
             GROUP BY device_id, petition_id
             ON CONFLICT (device_id, petition_id)
             DO UPDATE SET n = purged_counts.n + excluded.n",
            &[&ids],
        )
        .await?;
        let purged = remove_records(&tx, &ids).await?;
        tx.commit().await?;
        Ok(purged)
    }

    pub(super) async fn salt(&self, fresh: &[u8]) -> Result<Vec<u8>, StoreError> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO meta (key, value) VALUES ('erasure_salt', $1)
                 ON CONFLICT (key) DO NOTHING",
                &[&fresh],
            )
            .await?;
        Ok(client
            .query_one("SELECT value FROM meta WHERE key = 'erasure_salt'", &[])
            .await?
            .get(0))
    }

    pub(super) async fn forget(
        &self,
        ids: &[String],
        email_hash: &[u8],
    ) -> Result<u64, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let forgotten = remove_records(&tx, ids).await?;
        let n = i64::try_from(forgotten).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO forgotten (email_hash, records) VALUES ($1, $2)",
            &[&email_hash, &n],
        )
        .await?;
        tx.commit().await?;
        Ok(forgotten)
    }

    pub(super) async fn per_hour(&self, since: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT hour, SUM(n)::BIGINT FROM tallies WHERE hour >= $1
                 GROUP BY hour HAVING SUM(n) > 0 ORDER BY hour",
                &[&since],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<_, String>(0), count(r.get::<_, i64>(1))))
            .collect())
    }

    pub(super) async fn due_by_day(
        &self,
        destinations: &[String],
    ) -> Result<Vec<(String, u64)>, StoreError> {
        let wanted = i64::try_from(destinations.len()).unwrap_or(i64::MAX);
        let rows = self
            .client()
            .await?
            .query(
                "WITH dest AS (
                     SELECT d.record_id AS id, MAX(d.at) AS at FROM deliveries d
                     WHERE $1::BIGINT > 0 AND d.sent AND d.destination = ANY($2)
                     GROUP BY d.record_id HAVING COUNT(*) = $1::BIGINT),
                 due AS (
                     SELECT LEAST(dest.at, e.at) AS at FROM records r
                     LEFT JOIN dest ON dest.id = r.id
                     LEFT JOIN exports e ON e.record_id = r.id
                     WHERE dest.at IS NOT NULL OR e.at IS NOT NULL)
                 SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), COUNT(*)::BIGINT
                 FROM due GROUP BY 1 ORDER BY 1",
                &[&wanted, &destinations],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<_, String>(0), count(r.get::<_, i64>(1))))
            .collect())
    }

    pub(super) async fn devices(&self) -> Result<Vec<Device>, StoreError> {
        let utc = |col: &str| format!("to_char({col} AT TIME ZONE 'UTC', '{UTC_TEXT}')");
        let sql = format!(
            "SELECT d.id, d.name, {}, {},
                    (SELECT {} FROM batches b WHERE b.device_id = d.id),
                    {}, d.app_version, d.pending, d.clock_offset
             FROM devices d ORDER BY d.enrolled_at, d.id",
            utc("d.enrolled_at"),
            utc("d.revoked_at"),
            utc("MAX(b.received_at)"),
            utc("d.reported_at"),
        );
        let rows = self.client().await?.query(&sql, &[]).await?;
        Ok(rows
            .iter()
            .map(|r| {
                let batch: Option<String> = r.get(4);
                let reported: Option<String> = r.get(5);
                Device {
                    id: r.get(0),
                    name: r.get(1),
                    enrolled_at: r.get(2),
                    revoked_at: r.get(3),
                    last_seen: batch.into_iter().chain(reported.clone()).max(),
                    reported_at: reported,
                    app_version: r.get(6),
                    pending: r.get::<_, Option<i64>>(7).map(count),
                    clock_offset: r.get(8),
                }
            })
            .collect())
    }

    pub(super) async fn record_report(&self, r: &Report, created: u64) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "UPDATE devices SET reported_at = now(), report_created = $2, app_version = $3,
                     pending = $4, clock_offset = $5
                 WHERE id = $1 AND (report_created IS NULL OR report_created <= $2)",
                &[
                    &r.device_id.to_string(),
                    &i64::try_from(created).unwrap_or(i64::MAX),
                    &r.app_version,
                    &i64::try_from(r.pending).unwrap_or(i64::MAX),
                    &r.clock_offset,
                ],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn audit(
        &self,
        action: &str,
        result: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.client()
            .await?
            .execute(
                "INSERT INTO audit (action, result, detail) VALUES ($1, $2, $3)",
                &[&action, &result, &detail],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT to_char(at AT TIME ZONE 'UTC', '{UTC_TEXT}'), action, result, detail
                     FROM audit ORDER BY id DESC LIMIT $1"
                ),
                &[&i64::from(limit)],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| AuditEntry {
                at: r.get(0),
                action: r.get(1),
                result: r.get(2),
                detail: r.get(3),
            })
            .collect())
    }

    pub(super) async fn stats(&self) -> Result<Stats, StoreError> {
        let client = self.client().await?;
        let total = |sql: &'static str| {
            let client = &client;
            async move { Ok::<_, StoreError>(count(client.query_one(sql, &[]).await?.get::<_, i64>(0))) }
        };
        let grouped = |sql: &'static str| {
            let client = &client;
            async move {
                Ok::<_, StoreError>(
                    client
                        .query(sql, &[])
                        .await?
                        .iter()
                        .map(|r| (r.get::<_, String>(0), count(r.get::<_, i64>(1))))
                        .collect::<Vec<_>>(),
                )
            }
        };
        // From the running totals (see `tallies`); records purged after they went on still
        // count (see `purged_counts`).
        Ok(Stats {
            records: total(
                "SELECT ((SELECT COALESCE(SUM(n), 0) FROM tallies)
                      + (SELECT COALESCE(SUM(n), 0) FROM purged_counts))::BIGINT",
            )
            .await?,
            held: total("SELECT COALESCE(SUM(n), 0)::BIGINT FROM tallies").await?,
            batches: total("SELECT COUNT(*) FROM batches").await?,
            by_device: grouped(
                "SELECT device_id, SUM(n)::BIGINT FROM (
                     SELECT device_id, n FROM tallies
                     UNION ALL SELECT device_id, n FROM purged_counts) AS c
                 GROUP BY device_id HAVING SUM(n) > 0 ORDER BY device_id",
            )
            .await?,
            by_petition: grouped(
                "SELECT petition_id, SUM(n)::BIGINT FROM (
                     SELECT petition_id, n FROM tallies
                     UNION ALL SELECT petition_id, n FROM purged_counts) AS c
                 GROUP BY petition_id HAVING SUM(n) > 0 ORDER BY petition_id",
            )
            .await?,
        })
    }
}

/// A `SELECT device_id, id, petition_id, captured_at, sealed` row.
fn device_and_row(r: &tokio_postgres::Row) -> (String, SealedRow) {
    (
        r.get(0),
        SealedRow {
            id: r.get(1),
            petition_id: r.get(2),
            captured_at: r.get(3),
            sealed: r.get(4),
        },
    )
}
