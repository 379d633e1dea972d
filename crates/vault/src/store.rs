//! The vault: one SQLite file (WAL, `synchronous=FULL`) holding sealed signatures and their
//! outbox entries, plus the device key beside it.
//!
//! `sign` validates, seals to the organiser's recipient, and commits the sealed row and its
//! outbox row in one transaction before it returns: a caller that shows "thank you" after `sign`
//! returned `Ok` can never thank someone whose signature a power cut then loses.

use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair as _};
use rusqlite::{Connection, OptionalExtension as _, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use serde::Serialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::keys::{OrganiserKey, create_private, parse_recipient};
use crate::record::{Event, Record, RecordRef, SignerInput};
use crate::validate::{SignRules, normalise_and_validate};

pub const DB_FILE: &str = "vault.sqlite3";
/// Small pages: a signature's commit writes 4 KiB of WAL instead of 12 (the fsync dominates,
/// but bytes still count). A sealed row (~800 B) still fits its leaf page.
const PAGE_SIZE: u32 = 1024;
/// The WAL is checkpointed while idle (`prepare`); this is the safety net, the same 4 MiB of
/// WAL that SQLite's default allows at 4 KiB pages.
const WAL_AUTOCHECKPOINT_PAGES: u32 = 4096;
/// `prepare` checkpoints after this many signatures (~4 WAL pages each), long before the
/// safety net would fire inside a signer's commit.
const IDLE_CHECKPOINT_EVERY: u32 = 256;
pub const DEVICE_KEY_FILE: &str = "device.key";

/// The schema, in order. Never edit a released step; append a new one.
const MIGRATIONS: &[M<'static>] = &[
    M::up(
        // WITHOUT ROWID: the UUIDv7 key *is* the table's B-tree, so a commit appends to one tree per
        // table instead of a table and its key index. The outbox holds only what still waits to go
        // out (sync deletes a row when the collector acknowledges it and stamps `sent_at`); its one
        // index (below) holds only rows already in a batch. A signature costs three page writes
        // before its fsync.
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
     CREATE TABLE signatures (
         id TEXT NOT NULL,             -- UUIDv7, also inside the sealed record
         petition_id TEXT NOT NULL,    -- routing metadata, checked against the sealed copy
         captured_at TEXT NOT NULL,    -- RFC 3339 UTC, likewise
         sealed BLOB NOT NULL,         -- age file to the organiser's recipient
         sent_at TEXT,                 -- when the collector acknowledged it (NULL: pending)
         batch_id TEXT                 -- the batch that carried it
     ) STRICT;
     CREATE INDEX signatures_by_petition_time ON signatures (petition_id, captured_at);
     CREATE TABLE outbox (
         signature_rowid INTEGER PRIMARY KEY,   -- signatures.rowid
         signature_id TEXT NOT NULL,
         batch_id TEXT,                -- set before the first attempt, reused on every retry
         attempts INTEGER NOT NULL DEFAULT 0
     ) STRICT;",
    ),
    // The batch on its way, found without scanning the outbox. After a long day offline the
    // outbox holds thousands of rows, and finding a batch's rows (to resend them, or to mark
    // each acknowledged one) was a scan per record. Partial: rows waiting for a batch (all of
    // them, at capture) are not in it, so signing writes nothing more.
    M::up(
        "CREATE INDEX outbox_by_batch ON outbox (batch_id, signature_id)
         WHERE batch_id IS NOT NULL;",
    ),
    // The fan-out's outcome per record and destination (after an organiser unlocked the key on
    // this kiosk): a resumed run skips what is settled. No signer data: ids, a state, and the
    // destination's id or reason.
    M::up(
        "CREATE TABLE deliveries (
             record_id TEXT NOT NULL,
             destination TEXT NOT NULL,
             sent INTEGER NOT NULL,        -- 1 recorded there, 0 refused for good
             detail TEXT NOT NULL,         -- the destination's id, or why it refused
             at TEXT NOT NULL,
             PRIMARY KEY (destination, record_id)
         ) STRICT;",
    ),
    // A record whose first request to a destination is about to leave. One here and not in
    // `deliveries` was on the wire when a run was cut: the next run asks the destination
    // whether it arrived before posting it again.
    M::up(
        "CREATE TABLE delivery_attempts (
             record_id TEXT NOT NULL,
             destination TEXT NOT NULL,
             at TEXT NOT NULL,
             PRIMARY KEY (destination, record_id)
         ) STRICT;",
    ),
];

/// Brings the schema up to date; a vault from a newer Placard is left as it is.
fn migrate(conn: &mut Connection) -> Result<(), VaultError> {
    use rusqlite_migration::{Error, MigrationDefinitionError};
    Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(|e| match e {
            Error::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
                VaultError::NewerVault
            }
            e => VaultError::Migration(e),
        })
}

/// An open vault.
pub struct Vault {
    dir: PathBuf,
    pub(crate) conn: Connection,
    recipient: age::x25519::Recipient,
    recipient_text: String,
    device_id: Uuid,
    /// The next record's age encryptor, made ahead (see [`Vault::prepare`]).
    prepared: Option<age::Encryptor>,
    /// Signatures committed since the last idle checkpoint.
    since_checkpoint: u32,
    /// Stamped into each record sealed while set.
    event: Event,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("dir", &self.dir)
            .field("device_id", &self.device_id)
            .finish_non_exhaustive()
    }
}

/// Counts by petition and state, and by hour — all without decrypting anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub total: u64,
    pub pending: u64,
    pub sent: u64,
    pub by_petition: Vec<PetitionCount>,
    /// UTC hours (`2026-11-22T16`) with at least one signature, in order.
    pub by_hour: Vec<HourCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PetitionCount {
    pub petition_id: String,
    pub pending: u64,
    pub sent: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HourCount {
    pub hour: String,
    pub petition_id: String,
    pub count: u64,
}

/// A sealed row as stored: what the USB-stick export and sync carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedRow {
    pub id: String,
    pub petition_id: String,
    pub captured_at: String,
    pub sealed: Vec<u8>,
}

/// One row that failed a check, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub id: String,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// `PRAGMA integrity_check` lines; `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    pub rows: u64,
    /// Rows opened and found consistent (only when a key was given).
    pub opened: u64,
    pub problems: Vec<RowProblem>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"] && self.problems.is_empty()
    }
}

impl Vault {
    /// Creates a vault in `dir` sealing to `recipient` (`age1…`), with a new device identity.
    pub fn init(dir: &Path, recipient: &str) -> Result<Self, VaultError> {
        let parsed = parse_recipient(recipient)?;
        std::fs::create_dir_all(dir)?;
        let db = dir.join(DB_FILE);
        if db.exists() {
            return Err(VaultError::AlreadyAVault(dir.to_owned()));
        }
        let rng = SystemRandom::new();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng)
            .map_err(|_| VaultError::BadDeviceKey(dir.join(DEVICE_KEY_FILE)))?;
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref())
            .map_err(|_| VaultError::BadDeviceKey(dir.join(DEVICE_KEY_FILE)))?;
        let mut key_file = create_private(&dir.join(DEVICE_KEY_FILE))?;
        std::io::Write::write_all(&mut key_file, pkcs8.as_ref())?;
        key_file.sync_all()?;

        let mut conn = open_connection(&db)?;
        migrate(&mut conn)?;
        let device_id = Uuid::now_v7();
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let public_hex: String = pair
            .public_key()
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let tx = conn.transaction()?;
        for (k, v) in [
            ("device_id", device_id.to_string()),
            ("recipient", recipient.trim().to_owned()),
            ("created_at", now),
            ("device_public_key", public_hex),
        ] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                params![k, v],
            )?;
        }
        tx.commit()?;
        Ok(Self {
            dir: dir.to_owned(),
            conn,
            recipient: parsed,
            recipient_text: recipient.trim().to_owned(),
            device_id,
            prepared: None,
            since_checkpoint: 0,
            event: Event::default(),
        })
    }

    /// Opens an existing vault, bringing its schema up to date.
    pub fn open(dir: &Path) -> Result<Self, VaultError> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(VaultError::NotAVault(dir.to_owned()));
        }
        let key_path = dir.join(DEVICE_KEY_FILE);
        let pkcs8 =
            std::fs::read(&key_path).map_err(|_| VaultError::BadDeviceKey(key_path.clone()))?;
        Ed25519KeyPair::from_pkcs8(&pkcs8)
            .map_err(|_| VaultError::BadDeviceKey(key_path.clone()))?;
        let mut conn = open_connection(&db)?;
        migrate(&mut conn)?;
        let meta = |k: &str| -> Result<String, VaultError> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
                .optional()?
                .ok_or_else(|| VaultError::NotAVault(dir.to_owned()))
        };
        let recipient_text = meta("recipient")?;
        let device_id = Uuid::parse_str(&meta("device_id")?)
            .map_err(|_| VaultError::NotAVault(dir.to_owned()))?;
        Ok(Self {
            dir: dir.to_owned(),
            recipient: parse_recipient(&recipient_text)?,
            recipient_text,
            device_id,
            conn,
            prepared: None,
            since_checkpoint: 0,
            event: Event::default(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn device_id(&self) -> Uuid {
        self.device_id
    }

    /// The organiser's recipient this vault seals to.
    pub fn recipient(&self) -> &str {
        &self.recipient_text
    }

    /// The device's Ed25519 key (PKCS#8), for signing sync batches.
    pub fn device_key(&self) -> Result<Ed25519KeyPair, VaultError> {
        let path = self.dir.join(DEVICE_KEY_FILE);
        let pkcs8 = std::fs::read(&path).map_err(|_| VaultError::BadDeviceKey(path.clone()))?;
        Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| VaultError::BadDeviceKey(path))
    }

    /// The device key's PKCS#8 document, for the sync signer.
    pub fn device_key_pkcs8(&self) -> Result<Vec<u8>, VaultError> {
        let path = self.dir.join(DEVICE_KEY_FILE);
        let pkcs8 = std::fs::read(&path).map_err(|_| VaultError::BadDeviceKey(path.clone()))?;
        Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| VaultError::BadDeviceKey(path))?;
        Ok(pkcs8)
    }

    /// Caps the database at `pages` pages (4 KiB each): a hard ceiling on the vault's size, and
    /// how the tests fill a disk.
    pub fn limit_pages(&self, pages: u32) -> Result<(), VaultError> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// Does the public-key half of sealing the next record ahead of time: a fresh age file key,
    /// wrapped to the organiser's recipient with a fresh ephemeral X25519 share (most of the CPU
    /// cost of sealing). The kiosk calls it while idle, so "Sign" only pays for the symmetric
    /// part. It involves no signer data; each record still gets its own file key and share, so
    /// every record remains an ordinary age file. Idempotent.
    ///
    /// It also checkpoints the WAL into the database once it has grown, so that work happens
    /// between signers rather than inside one's commit.
    pub fn prepare(&mut self) -> Result<(), VaultError> {
        if self.since_checkpoint >= IDLE_CHECKPOINT_EVERY {
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            self.since_checkpoint = 0;
        }
        if self.prepared.is_none() {
            self.prepared = Some(age::Encryptor::with_recipients(std::iter::once(
                &self.recipient as &dyn age::Recipient,
            ))?);
        }
        Ok(())
    }

    /// The event stamped into records sealed from now on (none by default).
    pub fn set_event(&mut self, event: Event) {
        self.event = event;
    }

    /// Validates, seals and durably stores one signature; returns its record id.
    ///
    /// The plaintext exists only in `input` (zeroised when dropped, at the end of this call)
    /// and in the sealing buffer (zeroised too). On `Err`, nothing was stored.
    pub fn sign(&mut self, rules: &SignRules, mut input: SignerInput) -> Result<Uuid, VaultError> {
        normalise_and_validate(rules, &mut input).map_err(VaultError::InvalidInput)?;
        let id = Uuid::now_v7();
        let captured_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let record = RecordRef {
            record_id: id,
            petition_id: &rules.petition_id,
            locale: &input.locale,
            captured_at: &captured_at,
            device_id: self.device_id,
            given_name: &input.given_name,
            family_name: &input.family_name,
            email: &input.email,
            postal_code: &input.postal_code,
            street_address: &input.street_address,
            city: &input.city,
            country: &input.country,
            phone: &input.phone,
            comment: &input.comment,
            subscribe: rules.forced_opt_in || input.subscribe.unwrap_or(false),
            signature: &input.signature,
            extra: input
                .extra
                .0
                .iter()
                .map(|f| (f.key.as_str(), f.value.as_str()))
                .collect(),
            event: &self.event,
        };
        // Sized up front so serialising never reallocates and leaves a stray plaintext copy.
        let mut plain = Zeroizing::new(Vec::with_capacity(
            1024 + input.comment.len() + input.signature.len(),
        ));
        serde_json::to_writer(&mut *plain, &record).map_err(|e| VaultError::Seal(e.to_string()))?;
        drop(record);
        let sealed = self.seal(&plain)?;
        drop(plain);
        drop(input);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        insert_signature(&tx, &id, &rules.petition_id, &captured_at, &sealed)
            .map_err(VaultError::from_sqlite)?;
        tx.commit().map_err(VaultError::from_sqlite)?;
        self.since_checkpoint += 1;
        Ok(id)
    }

    /// Seals with the prepared encryptor (or a new one), consuming it: one per record.
    fn seal(&mut self, plain: &[u8]) -> Result<Vec<u8>, VaultError> {
        let encryptor = match self.prepared.take() {
            Some(e) => e,
            None => age::Encryptor::with_recipients(std::iter::once(
                &self.recipient as &dyn age::Recipient,
            ))?,
        };
        let mut sealed = Vec::with_capacity(plain.len() + 256);
        let mut w = encryptor.wrap_output(&mut sealed)?;
        std::io::Write::write_all(&mut w, plain)?;
        w.finish()?;
        Ok(sealed)
    }

    pub fn stats(&self) -> Result<Stats, VaultError> {
        let mut stats = Stats::default();
        let mut q = self.conn.prepare(
            "SELECT s.petition_id, COUNT(o.signature_id), COUNT(*) - COUNT(o.signature_id)
             FROM signatures s LEFT JOIN outbox o ON o.signature_rowid = s.rowid
             GROUP BY s.petition_id ORDER BY s.petition_id",
        )?;
        for row in q.query_map([], |r| {
            Ok(PetitionCount {
                petition_id: r.get(0)?,
                pending: count_at(r, 1)?,
                sent: count_at(r, 2)?,
            })
        })? {
            let c = row?;
            stats.pending += c.pending;
            stats.sent += c.sent;
            stats.by_petition.push(c);
        }
        stats.total = stats.pending + stats.sent;
        let mut q = self.conn.prepare(
            "SELECT substr(captured_at, 1, 13) AS hour, petition_id, COUNT(*)
             FROM signatures GROUP BY hour, petition_id ORDER BY hour, petition_id",
        )?;
        for row in q.query_map([], |r| {
            Ok(HourCount {
                hour: r.get(0)?,
                petition_id: r.get(1)?,
                count: count_at(r, 2)?,
            })
        })? {
            stats.by_hour.push(row?);
        }
        Ok(stats)
    }

    /// Number of signatures for one petition (the kiosk's counter).
    pub fn count(&self, petition_id: &str) -> Result<u64, VaultError> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM signatures WHERE petition_id = ?1",
            [petition_id],
            |r| count_at(r, 0),
        )?)
    }

    /// Every sealed row, oldest first.
    pub fn sealed_rows(&self) -> Result<Vec<SealedRow>, VaultError> {
        let mut q = self.conn.prepare(
            "SELECT id, petition_id, captured_at, sealed FROM signatures ORDER BY captured_at, id",
        )?;
        let rows = q.query_map([], |r| {
            Ok(SealedRow {
                id: r.get(0)?,
                petition_id: r.get(1)?,
                captured_at: r.get(2)?,
                sealed: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Opens every record with the organiser's key, oldest first. A row that cannot be opened,
    /// or whose clear metadata disagrees with its sealed copy, is a `RowProblem`; the others
    /// still open.
    pub fn open_records(
        &self,
        key: &OrganiserKey,
    ) -> Result<Vec<Result<Record, RowProblem>>, VaultError> {
        Ok(self
            .sealed_rows()?
            .into_iter()
            .map(|row| open_sealed(&row, self.device_id, key))
            .collect())
    }

    /// Integrity check, metadata consistency and (with a key) opening every record.
    pub fn verify(&self, key: Option<&OrganiserKey>) -> Result<VerifyReport, VaultError> {
        let mut q = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = q
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut problems = Vec::new();
        // A signature is either waiting in the outbox or was sent; never neither.
        let mut q = self.conn.prepare(
            "SELECT s.id, s.captured_at, o.signature_id IS NULL AND s.sent_at IS NULL
             FROM signatures s LEFT JOIN outbox o ON o.signature_rowid = s.rowid",
        )?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        for (id, captured_at, no_outbox) in &rows {
            if Uuid::parse_str(id).is_err() {
                problems.push(problem(id, "the record id is not a UUID"));
            }
            if chrono::DateTime::parse_from_rfc3339(captured_at).is_err() {
                problems.push(problem(id, "the capture time is not an RFC 3339 time"));
            }
            if *no_outbox {
                problems.push(problem(
                    id,
                    "neither sent nor in the outbox: it would never be sent",
                ));
            }
        }
        let orphans: Vec<String> = self
            .conn
            .prepare(
                "SELECT o.signature_id FROM outbox o LEFT JOIN signatures s ON s.rowid = o.signature_rowid
                 WHERE s.rowid IS NULL OR s.id != o.signature_id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in orphans {
            problems.push(problem(&id, "outbox entry without a signature"));
        }
        // Ids are UUIDv7, unique by construction (no index is paid for on every commit).
        let duplicates: Vec<String> = self
            .conn
            .prepare("SELECT id FROM signatures GROUP BY id HAVING COUNT(*) > 1")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in duplicates {
            problems.push(problem(&id, "the record id appears more than once"));
        }
        let mut opened = 0;
        if let Some(key) = key {
            for result in self.open_records(key)? {
                match result {
                    Ok(_) => opened += 1,
                    Err(p) => problems.push(p),
                }
            }
        }
        Ok(VerifyReport {
            integrity,
            rows: rows.len() as u64,
            opened,
            problems,
        })
    }

    /// Benchmark only: seals `n` made-up signatures for `rules` into the vault quickly (10,000
    /// per transaction instead of one), to measure capture in a well-used vault.
    pub fn prefill_for_benchmark(&mut self, rules: &SignRules, n: u64) -> Result<(), VaultError> {
        let mut done = 0;
        while done < n {
            let tx = self.conn.transaction()?;
            for _ in 0..(n - done).min(10_000) {
                let id = Uuid::now_v7();
                let captured_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
                let email = format!("prefill{done}@example.org");
                let record = RecordRef {
                    record_id: id,
                    petition_id: &rules.petition_id,
                    locale: "en",
                    captured_at: &captured_at,
                    device_id: self.device_id,
                    given_name: "Prefill",
                    family_name: "Record",
                    email: &email,
                    postal_code: "02139",
                    street_address: "",
                    city: "",
                    country: "US",
                    phone: "",
                    comment: "",
                    subscribe: true,
                    signature: "",
                    extra: Default::default(),
                    event: &self.event,
                };
                let plain =
                    serde_json::to_vec(&record).map_err(|e| VaultError::Seal(e.to_string()))?;
                let sealed = age::encrypt(&self.recipient, &plain)?;
                insert_signature(&tx, &id, &rules.petition_id, &captured_at, &sealed)?;
                done += 1;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// The raw connection, for the tests of this crate's users that must damage a vault.
    #[doc(hidden)]
    pub fn connection_for_tests(&self) -> &Connection {
        &self.conn
    }
}

/// Writes a sealed signature and its outbox row (the caller owns the transaction and commits
/// both at once): the one place that knows how the two rows are linked.
fn insert_signature(
    tx: &rusqlite::Transaction<'_>,
    id: &Uuid,
    petition_id: &str,
    captured_at: &str,
    sealed: &[u8],
) -> rusqlite::Result<()> {
    let id = id.to_string();
    tx.prepare_cached(
        "INSERT INTO signatures (id, petition_id, captured_at, sealed) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, petition_id, captured_at, sealed])?;
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO outbox (signature_rowid, signature_id) VALUES (?1, ?2)")?
        .execute(params![rowid, id])?;
    Ok(())
}

/// SQLite counts are `i64`; they are never negative.
fn count_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(row.get::<_, Option<i64>>(i)?.unwrap_or(0)).unwrap_or(0))
}

fn problem(id: &str, why: &str) -> RowProblem {
    RowProblem {
        id: id.to_owned(),
        problem: why.to_owned(),
    }
}

/// The records that opened, and how many did not (damaged, or sealed to another key): what a
/// fan-out or an export works on.
pub fn readable<E>(opened: impl IntoIterator<Item = Result<Record, E>>) -> (Vec<Record>, usize) {
    let mut records = Vec::new();
    let mut unreadable = 0;
    for r in opened {
        match r {
            Ok(record) => records.push(record),
            Err(_) => unreadable += 1,
        }
    }
    (records, unreadable)
}

/// Opens one sealed row from `device_id` with the organiser's key, checking that its clear
/// metadata (id, petition, capture time, device) agrees with the sealed record. Kiosks and the
/// collector both open records with it.
pub fn open_sealed(
    row: &SealedRow,
    device_id: Uuid,
    key: &OrganiserKey,
) -> Result<Record, RowProblem> {
    let plain = Zeroizing::new(age::decrypt(key.identity(), &row.sealed).map_err(|_| {
        problem(
            &row.id,
            "cannot be opened: damaged, or not sealed to this key",
        )
    })?);
    let record: Record = serde_json::from_slice(&plain).map_err(|_| {
        problem(
            &row.id,
            "opened, but the sealed record is not a Placard record",
        )
    })?;
    let mismatch = if record.record_id.to_string() != row.id {
        Some("record id")
    } else if record.petition_id != row.petition_id {
        Some("petition")
    } else if record.captured_at != row.captured_at {
        Some("capture time")
    } else if record.device_id != device_id {
        Some("device")
    } else {
        None
    };
    match mismatch {
        Some(what) => Err(problem(
            &row.id,
            &format!("tampered: the stored {what} does not match the sealed record"),
        )),
        None => Ok(record),
    }
}

fn open_connection(path: &Path) -> Result<Connection, VaultError> {
    let conn = Connection::open(path)?;
    // Takes effect only when the file is new (before the first table).
    conn.pragma_update(None, "page_size", PAGE_SIZE)?;
    // WAL: a commit is one append and one fsync. FULL: that fsync happens at every commit, so a
    // committed signature survives power loss, not only a crash of the process.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::Storage(rusqlite::Error::InvalidQuery));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}
