//! The collector's database: devices, one-time enrolment codes, seen nonces, batches and
//! sealed records. SQLite (one file, nothing to install); PostgreSQL is to come behind the
//! same methods.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use placard_sync::wire::{Ack, Batch};
use ring::rand::SecureRandom as _;
use rusqlite::{Connection, OptionalExtension as _, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use uuid::Uuid;

const MIGRATIONS: &[M<'static>] = &[M::up(
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
)];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("no unused enrolment code like that")]
    BadCode,
    #[error("that device is enrolled already")]
    AlreadyEnrolled,
    #[error("no device {0}")]
    NoDevice(String),
    #[error("random numbers unavailable")]
    Random,
}

/// What storing a batch changed: nothing for a repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stored {
    pub new_batch: bool,
    pub new_records: u64,
}

/// An enrolled device's key and whether it was revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceKey {
    pub public_key: Vec<u8>,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Stats {
    pub records: u64,
    pub batches: u64,
    pub by_device: Vec<(String, u64)>,
    pub by_petition: Vec<(String, u64)>,
}

#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn code_hash(code: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, code.trim().as_bytes())
        .as_ref()
        .to_vec()
}

impl Store {
    /// Opens (creating if needed) the SQLite database at `path`.
    pub fn open_sqlite(path: &Path) -> Result<Self, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // An acknowledgement promises the records are kept: commits are durable.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Migrations::from_slice(MIGRATIONS).to_latest(&mut conn)?;
        Ok(Self { conn })
    }

    /// A one-time enrolment code for a device called `name` (printed by
    /// `placard-collector enroll`). Only its hash is stored.
    pub fn new_enrol_code(&mut self, name: &str) -> Result<String, StoreError> {
        let mut bytes = [0u8; 15];
        ring::rand::SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| StoreError::Random)?;
        let code = URL_SAFE_NO_PAD.encode(bytes);
        self.conn.execute(
            "INSERT INTO enrol_codes (code_hash, name, created_at) VALUES (?1, ?2, ?3)",
            params![code_hash(&code), name, now()],
        )?;
        Ok(code)
    }

    /// Registers `device_id`'s public key with an unused code (used up by it).
    pub fn enroll(
        &mut self,
        code: &str,
        device_id: Uuid,
        public_key: &[u8],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let name: String = tx
            .query_row(
                "SELECT name FROM enrol_codes WHERE code_hash = ?1 AND used_by IS NULL",
                [code_hash(code)],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::BadCode)?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM devices WHERE id = ?1)",
            [device_id.to_string()],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::AlreadyEnrolled);
        }
        tx.execute(
            "INSERT INTO devices (id, name, public_key, enrolled_at) VALUES (?1, ?2, ?3, ?4)",
            params![device_id.to_string(), name, public_key, now()],
        )?;
        tx.execute(
            "UPDATE enrol_codes SET used_by = ?1 WHERE code_hash = ?2",
            params![device_id.to_string(), code_hash(code)],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn device_key(&self, device_id: &str) -> Result<Option<DeviceKey>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT public_key, revoked_at IS NOT NULL FROM devices WHERE id = ?1",
                [device_id],
                |r| {
                    Ok(DeviceKey {
                        public_key: r.get(0)?,
                        revoked: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn revoke(&mut self, device_id: &str) -> Result<(), StoreError> {
        let n = self.conn.execute(
            "UPDATE devices SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
            params![now(), device_id],
        )?;
        if n == 0 && self.device_key(device_id)?.is_none() {
            return Err(StoreError::NoDevice(device_id.to_owned()));
        }
        Ok(())
    }

    /// Records a request's nonce; `false` when the device used it before (a replay).
    pub fn first_use_of_nonce(
        &mut self,
        device_id: &str,
        nonce: &str,
        created: u64,
    ) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO nonces (device_id, nonce, created) VALUES (?1, ?2, ?3)",
            params![device_id, nonce, i64::try_from(created).unwrap_or(i64::MAX)],
        )?;
        Ok(n == 1)
    }

    /// Stores a batch, all or nothing, and returns its acknowledgement: every record of the
    /// batch is held once this returns. A batch seen before gets its first acknowledgement
    /// again; a record already held (sent again in another batch) is not stored twice.
    pub fn store_batch(&mut self, batch: &Batch) -> Result<(Ack, Stored), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let earlier: Option<String> = tx
            .query_row(
                "SELECT ack FROM batches WHERE id = ?1",
                [batch.batch_id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(ack) = earlier.and_then(|a| serde_json::from_str::<Ack>(&a).ok()) {
            return Ok((ack, Stored::default()));
        }
        let mut new_records = 0u64;
        let received = now();
        let batch_id = batch.batch_id.to_string();
        let device_id = batch.device_id.to_string();
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO records
                     (id, device_id, batch_id, petition_id, captured_at, sealed, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for r in &batch.records {
                new_records += insert.execute(params![
                    r.id.to_string(),
                    device_id,
                    batch_id,
                    r.petition_id,
                    r.captured_at,
                    r.sealed,
                    received
                ])? as u64;
            }
        }
        let ack = Ack {
            batch_id: batch.batch_id,
            stored: batch.records.iter().map(|r| r.id).collect(),
        };
        tx.execute(
            "INSERT INTO batches (id, device_id, ack, received_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                batch_id,
                device_id,
                serde_json::to_string(&ack).unwrap_or_default(),
                received
            ],
        )?;
        tx.commit()?;
        Ok((
            ack,
            Stored {
                new_batch: true,
                new_records,
            },
        ))
    }

    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(u64::try_from(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))?).unwrap_or(0))
        };
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>, StoreError> {
            let mut q = self.conn.prepare(sql)?;
            let rows = q.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                ))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Stats {
            records: count("SELECT COUNT(*) FROM records")?,
            batches: count("SELECT COUNT(*) FROM batches")?,
            by_device: grouped(
                "SELECT device_id, COUNT(*) FROM records GROUP BY device_id ORDER BY device_id",
            )?,
            by_petition: grouped(
                "SELECT petition_id, COUNT(*) FROM records GROUP BY petition_id ORDER BY petition_id",
            )?,
        })
    }
}
