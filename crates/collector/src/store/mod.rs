//! The collector's database: devices, waiting pairings, seen nonces, batches and
//! sealed records.
//!
//! Two backends with one schema and one behaviour: SQLite (`sqlite://FILE`, the default: a
//! file, nothing to install) and PostgreSQL (`postgres://…`, so several collectors behind a
//! load balancer can share one database; the service keeps no other state). An enum rather
//! than a trait object: there are exactly two, and async methods stay plain.

mod postgres;
mod sqlite;

use placard_sync::wire::{Ack, Batch};
use placard_vault::SealedRow;
use ring::rand::SecureRandom as _;
use uuid::Uuid;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("database: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("database connection: {0}")]
    Pool(String),
    #[error("unsupported database URL `{0}`: use sqlite://FILE or postgres://…")]
    BadUrl(String),
    #[error("no pairing code like that is waiting: it was used, or never made")]
    BadCode,
    #[error("that pairing code has expired: make a new one with `placard-collector enroll`")]
    CodeExpired,
    #[error(
        "that pairing code was tried too often and is burned: make a new one with \
         `placard-collector enroll`"
    )]
    CodeBurned,
    #[error("that device is enrolled already")]
    AlreadyEnrolled,
    #[error("no device {0}")]
    NoDevice(String),
    #[error("random numbers unavailable")]
    Random,
    #[error("database task failed: {0}")]
    Task(String),
}

/// What storing a batch changed: nothing for a repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stored {
    pub new_batch: bool,
    pub new_records: u64,
    /// Records of the batch whose id another device's record holds: not stored, and not
    /// acknowledged (the kiosk keeps them), only counted.
    pub conflicts: u64,
}

/// How a signed batch request ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored (or a repeat of a stored batch): the acknowledgement to answer.
    Acknowledged(Ack, Stored),
    /// The request's nonce was used before: a replay. Nothing was stored.
    Replayed,
}

/// The signature parameters that make a request unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId {
    pub device_id: String,
    pub nonce: String,
    /// The signature's `created`, seconds since the epoch.
    pub created: u64,
}

/// An enrolled device's key and whether it was revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceKey {
    pub public_key: Vec<u8>,
    pub revoked: bool,
    /// Enrolled with `enroll --relay`: it may forward other kiosks' records.
    pub relay: bool,
}

/// A kiosk a relay forwards records of: its id, name and public key, as the on-site
/// collector enrolled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayedKiosk {
    pub id: String,
    pub name: String,
    pub public_key: Vec<u8>,
}

/// What the main collector made of a kiosk a relay named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adopted {
    /// First heard of: enrolled here with the key the relay vouched for.
    New,
    /// Known here with the same key.
    Known,
    /// Known here with another key: the relay's word does not replace it.
    OtherKey,
    /// Revoked here.
    Revoked,
}

/// A record held here and not yet acknowledged by the main collector, with what relaying it
/// needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayRow {
    pub device_id: String,
    pub id: String,
    pub petition_id: String,
    pub captured_at: String,
    pub sealed: Vec<u8>,
    pub provenance: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Stats {
    /// Every record received, purged ones included.
    pub records: u64,
    /// Records held now (not yet purged).
    pub held: u64,
    pub batches: u64,
    pub by_device: Vec<(String, u64)>,
    pub by_petition: Vec<(String, u64)>,
}

/// One line of the console's audit log: what was done, how it ended, when (RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub action: String,
    pub result: String,
    pub detail: String,
}

/// An enrolled device, for the console's list of kiosks (times RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Device {
    pub id: String,
    pub name: String,
    pub enrolled_at: String,
    pub revoked_at: Option<String>,
    /// When it was last heard from (its last batch or report); `None` before either.
    pub last_seen: Option<String>,
    /// When it last reported how it is (`POST /v1/report`), and what it said: its app
    /// version, the records waiting on it, and how far the collector's clock is ahead of its
    /// own (seconds; negative: behind).
    pub reported_at: Option<String>,
    pub app_version: Option<String>,
    pub pending: Option<u64>,
    pub clock_offset: Option<i64>,
}

/// The collector's storage.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

impl Store {
    /// Opens the database a URL names, creating the schema if needed: `sqlite://FILE` or
    /// `postgres://USER@HOST/DB` (`postgresql://` too).
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(StoreError::BadUrl(url.to_owned()));
            }
            return Ok(Self::Sqlite(SqliteStore::open(path.as_ref())?));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(PgStore::open(url).await?));
        }
        Err(StoreError::BadUrl(url.to_owned()))
    }

    /// Which backend, for logs and benchmarks.
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "SQLite",
            Self::Postgres(_) => "PostgreSQL",
        }
    }

    /// Keeps a pairing waiting; `false` when its nameplate is taken by a live one. Expired
    /// pairings are deleted first.
    pub async fn add_pairing(&self, p: NewPairing) -> Result<bool, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.add_pairing(&p)).await
            }
            Self::Postgres(pg) => pg.add_pairing(&p).await,
        }
    }

    /// Counts a try on the pairing waiting on `nameplate` and gives its sealed secret; refused
    /// when there is none, it has expired, or it has been tried too often.
    pub async fn begin_pairing(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.begin_pairing(nameplate)).await
            }
            Self::Postgres(p) => p.begin_pairing(nameplate).await,
        }
    }

    /// Keeps the (sealed) key an exchange agreed until `until` (Unix seconds).
    pub async fn keep_session(
        &self,
        nameplate: i64,
        session: Vec<u8>,
        until: i64,
    ) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.keep_session(nameplate, &session, until)).await
            }
            Self::Postgres(p) => p.keep_session(nameplate, &session, until).await,
        }
    }

    /// The (sealed) key the last exchange on `nameplate` agreed, while it is fresh.
    pub async fn pairing_session(&self, nameplate: i64) -> Result<Vec<u8>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.pairing_session(nameplate)).await
            }
            Self::Postgres(p) => p.pairing_session(nameplate).await,
        }
    }

    /// Registers `device_id`'s public key under the pairing's name and uses the pairing up, in
    /// one transaction. A device already enrolled with the same key (and not revoked) may
    /// pair again: that is how a kiosk re-pins the collector's key. Another key for an
    /// enrolled device is refused.
    pub async fn complete_pairing(
        &self,
        nameplate: i64,
        device_id: Uuid,
        public_key: &[u8],
    ) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, key) = (s.clone(), public_key.to_vec());
                blocking(move || s.complete_pairing(nameplate, device_id, &key)).await
            }
            Self::Postgres(p) => p.complete_pairing(nameplate, device_id, public_key).await,
        }
    }

    pub async fn device_key(&self, device_id: &str) -> Result<Option<DeviceKey>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, id) = (s.clone(), device_id.to_owned());
                blocking(move || s.device_key(&id)).await
            }
            Self::Postgres(p) => p.device_key(device_id).await,
        }
    }

    /// Refuses the device's requests from now on.
    pub async fn revoke(&self, device_id: &str) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, id) = (s.clone(), device_id.to_owned());
                blocking(move || s.revoke(&id)).await
            }
            Self::Postgres(p) => p.revoke(device_id).await,
        }
    }

    /// Stores a verified batch request, all or nothing, in one durable transaction with its
    /// nonce: a replayed nonce stores nothing. Every record of the batch is held once this
    /// answers `Acknowledged`. A batch seen before gets its first acknowledgement again; a
    /// record already held (sent again in another batch) is not stored twice. Nonces older
    /// than `forget_before` (seconds since the epoch; the signature window has closed on
    /// them) are pruned in the same transaction.
    pub async fn store_batch(
        &self,
        request: RequestId,
        batch: Batch,
        forget_before: u64,
    ) -> Result<Outcome, StoreError> {
        let ack = Ack {
            batch_id: batch.batch_id,
            device_id: batch.device_id,
            stored: batch.records.iter().map(|r| r.id).collect(),
            time: 0,
        };
        let ack_json = serde_json::to_string(&ack).map_err(|e| StoreError::Task(e.to_string()))?;
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.store_batch(&request, &batch, ack, &ack_json, forget_before))
                    .await
            }
            Self::Postgres(p) => {
                p.store_batch(&request, &batch, ack, &ack_json, forget_before)
                    .await
            }
        }
    }

    /// Up to `n` of the most recently received records from enrolled, unrevoked devices, with
    /// the device each came from: what an unlock checks the organiser's key against. Only a
    /// device the organisation enrolled (and still trusts) can have put a record here, so rows
    /// of junk — from a kiosk since revoked, say — cannot make the right key look wrong.
    pub async fn sample(&self, n: u32) -> Result<Vec<(Uuid, SealedRow)>, StoreError> {
        let rows = match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.sample(n)).await?
            }
            Self::Postgres(p) => p.sample(n).await?,
        };
        with_device_ids(rows)
    }

    /// Every record held, oldest first, with the device it came from (for a fan-out run after
    /// an unlock).
    pub async fn all_records(&self) -> Result<Vec<(Uuid, SealedRow)>, StoreError> {
        let rows = match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.all_records()).await?
            }
            Self::Postgres(p) => p.all_records().await?,
        };
        with_device_ids(rows)
    }

    /// Ids of the records settled (sent, or refused for good) for a fan-out `destination`.
    pub async fn settled(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, d) = (s.clone(), destination.to_owned());
                blocking(move || s.settled(&d)).await
            }
            Self::Postgres(p) => p.settled(destination).await,
        }
    }

    /// Remembers that an export took these records (they may then be purged).
    pub async fn mark_exported(&self, ids: Vec<String>) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.mark_exported(&ids)).await
            }
            Self::Postgres(p) => p.mark_exported(&ids).await,
        }
    }

    /// Deletes the records that every one of `destinations` confirmed (sent) at or before
    /// `cutoff`, or that an export took by then; their counts stay (`stats`), and their ids are
    /// kept so that delivering one again does not bring it back. Returns how many went. With
    /// no destinations, only exported records go.
    pub async fn purge(
        &self,
        destinations: &[String],
        cutoff: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                let destinations = destinations.to_vec();
                let cutoff = cutoff.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                blocking(move || s.purge(&destinations, &cutoff)).await
            }
            Self::Postgres(p) => p.purge(destinations, cutoff).await,
        }
    }

    /// Erasure on request: deletes the records `ids` (found by opening them: the caller holds
    /// the key), keeps their ids so they are refused if delivered again, and records the
    /// erasure as a salted SHA-256 of the normalised `email` and the time. Returns how many
    /// went.
    pub async fn forget(&self, ids: Vec<String>, email: &str) -> Result<u64, StoreError> {
        let mut fresh = [0u8; 16];
        ring::rand::SystemRandom::new()
            .fill(&mut fresh)
            .map_err(|_| StoreError::Random)?;
        let salt = match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.salt(&fresh)).await?
            }
            Self::Postgres(p) => p.salt(&fresh).await?,
        };
        let hash = email_hash(&salt, email);
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.forget(&ids, &hash)).await
            }
            Self::Postgres(p) => p.forget(&ids, &hash).await,
        }
    }

    /// Ids of the records `destination` refused for good.
    pub async fn failed(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, d) = (s.clone(), destination.to_owned());
                blocking(move || s.failed(&d)).await
            }
            Self::Postgres(p) => p.failed(destination).await,
        }
    }

    /// Remembers, durably, that a record's first request to `destination` is about to leave.
    pub async fn begin_delivery(
        &self,
        destination: &str,
        record_id: &str,
    ) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                let (d, r) = (destination.to_owned(), record_id.to_owned());
                blocking(move || s.begin_delivery(&d, &r)).await
            }
            Self::Postgres(p) => p.begin_delivery(destination, record_id).await,
        }
    }

    /// Ids of the records begun for `destination` and never settled: a run was cut while
    /// their request was on the wire.
    pub async fn deliveries_in_doubt(&self, destination: &str) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, d) = (s.clone(), destination.to_owned());
                blocking(move || s.in_doubt(&d)).await
            }
            Self::Postgres(p) => p.in_doubt(destination).await,
        }
    }

    /// Remembers, durably, what became of a record at `destination`.
    pub async fn settle(
        &self,
        destination: &str,
        record_id: &str,
        sent: bool,
        detail: &str,
    ) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                let (d, r, t) = (
                    destination.to_owned(),
                    record_id.to_owned(),
                    detail.to_owned(),
                );
                blocking(move || s.settle(&d, &r, sent, &t)).await
            }
            Self::Postgres(p) => p.settle(destination, record_id, sent, detail).await,
        }
    }

    /// Records held per hour they were signed in (the clear hour, `2026-11-30T14:00:00Z`),
    /// from the hour `since` on, oldest first; hours with none are left out.
    pub async fn per_hour(&self, since: &str) -> Result<Vec<(String, u64)>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, since) = (s.clone(), since.to_owned());
                blocking(move || s.per_hour(&since)).await
            }
            Self::Postgres(p) => p.per_hour(since).await,
        }
    }

    /// For the console's retention view: how many held records became due for deletion on
    /// each day (UTC, `2026-11-30`), oldest first — the day the last of `destinations`
    /// confirmed a record (none named: never by sending), or an export took it, whichever came
    /// first. The purge deletes them the retention time after that day (see [`Store::purge`]).
    pub async fn due_by_day(
        &self,
        destinations: &[String],
    ) -> Result<Vec<(String, u64)>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, destinations) = (s.clone(), destinations.to_vec());
                blocking(move || s.due_by_day(&destinations)).await
            }
            Self::Postgres(p) => p.due_by_day(destinations).await,
        }
    }

    /// Keeps what a device reported of itself, unless a report signed later is kept already.
    pub async fn record_report(
        &self,
        report: &placard_sync::wire::Report,
        created: u64,
    ) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, report) = (s.clone(), report.clone());
                blocking(move || s.record_report(&report, created)).await
            }
            Self::Postgres(p) => p.record_report(report, created).await,
        }
    }

    /// Takes in a kiosk a relay forwards records of (see [`Adopted`]); `via` names the relay.
    pub async fn adopt(&self, kiosk: &RelayedKiosk, via: &str) -> Result<Adopted, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, kiosk, via) = (s.clone(), kiosk.clone(), via.to_owned());
                blocking(move || s.adopt(&kiosk, &via)).await
            }
            Self::Postgres(p) => p.adopt(kiosk, via).await,
        }
    }

    /// Up to `limit` records the main collector has not acknowledged yet, oldest first.
    pub async fn unrelayed(&self, limit: u32) -> Result<Vec<RelayRow>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.unrelayed(limit)).await
            }
            Self::Postgres(p) => p.unrelayed(limit).await,
        }
    }

    /// Remembers that the main collector holds these records.
    pub async fn mark_relayed(&self, ids: Vec<String>) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.mark_relayed(&ids)).await
            }
            Self::Postgres(p) => p.mark_relayed(&ids).await,
        }
    }

    /// How many records wait to be relayed.
    pub async fn relay_waiting(&self) -> Result<u64, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.relay_waiting()).await
            }
            Self::Postgres(p) => p.relay_waiting().await,
        }
    }

    /// A value this collector keeps about itself (its relay's key and pin, …).
    pub async fn meta(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, key) = (s.clone(), key.to_owned());
                blocking(move || s.meta(&key)).await
            }
            Self::Postgres(p) => p.meta(key).await,
        }
    }

    pub async fn set_meta(&self, key: &str, value: &[u8]) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, key, value) = (s.clone(), key.to_owned(), value.to_vec());
                blocking(move || s.set_meta(&key, &value)).await
            }
            Self::Postgres(p) => p.set_meta(key, value).await,
        }
    }

    /// Every enrolled device, oldest first.
    pub async fn devices(&self) -> Result<Vec<Device>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.devices()).await
            }
            Self::Postgres(p) => p.devices().await,
        }
    }

    /// Adds a line to the audit log (see [`AuditEntry`]).
    pub async fn audit(&self, action: &str, result: &str, detail: &str) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(s) => {
                let (s, a, r, d) = (
                    s.clone(),
                    action.to_owned(),
                    result.to_owned(),
                    detail.to_owned(),
                );
                blocking(move || s.audit(&a, &r, &d)).await
            }
            Self::Postgres(p) => p.audit(action, result, detail).await,
        }
    }

    /// The audit log's last `limit` lines, newest first.
    pub async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.audit_log(limit)).await
            }
            Self::Postgres(p) => p.audit_log(limit).await,
        }
    }

    /// Records held, in total, by device and by petition.
    pub async fn stats(&self) -> Result<Stats, StoreError> {
        match self {
            Self::Sqlite(s) => {
                let s = s.clone();
                blocking(move || s.stats()).await
            }
            Self::Postgres(p) => p.stats().await,
        }
    }
}

fn with_device_ids(rows: Vec<(String, SealedRow)>) -> Result<Vec<(Uuid, SealedRow)>, StoreError> {
    rows.into_iter()
        .map(|(device, row)| {
            Uuid::parse_str(&device)
                .map(|d| (d, row))
                .map_err(|e| StoreError::Task(format!("stored device id {device}: {e}")))
        })
        .collect()
}

/// A pairing to keep waiting: its secret already sealed (`crate::pairing`).
#[derive(Debug, Clone)]
pub struct NewPairing {
    pub nameplate: i64,
    pub name: String,
    pub secret: Vec<u8>,
    /// Unix seconds.
    pub expires: i64,
    /// `enroll --relay`: the device it enrols may forward other kiosks' records.
    pub relay: bool,
}

pub(crate) fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Whether a waiting pairing may be tried once more.
fn check_pairing(expires: i64, tries: i64) -> Result<(), StoreError> {
    if expires <= unix_now() {
        return Err(StoreError::CodeExpired);
    }
    if tries >= i64::from(placard_sync::pairing::MAX_TRIES) {
        return Err(StoreError::CodeBurned);
    }
    Ok(())
}

/// A stored acknowledgement read back for a repeated batch.
fn parse_ack(json: &str) -> Result<Ack, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Task(format!("stored ack: {e}")))
}

/// Runs SQLite work off the async workers: its calls block (and fsync).
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The normalised address (trimmed, lower case) hashed with the collector's salt.
pub fn email_hash(salt: &[u8], email: &str) -> Vec<u8> {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(salt);
    ctx.update(email.trim().to_lowercase().as_bytes());
    ctx.finish().as_ref().to_vec()
}
