//! The vault: one SQLite file (WAL, `synchronous=FULL`) holding sealed signatures and their
//! outbox entries, plus the device key beside it.
//!
//! `sign` validates, seals to the organiser's recipient, and commits the sealed row and its
//! outbox row in one transaction before it returns: a caller that shows "thank you" after `sign`
//! returned `Ok` can never thank someone whose signature a power cut then loses.
//!
//! Split by concern: this file (the vault's files, opening, the device key, idle-time work),
//! `schema.rs` (the migrations), `sign.rs` (sealing and committing a signature) and `read.rs`
//! (counts, sealed rows, opening them with the organiser's key, `verify`).

mod purge;
mod read;
mod schema;
mod sign;

use schema::migrate;

use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair as _};
use rusqlite::{Connection, OptionalExtension as _, params};
use uuid::Uuid;

use crate::error::VaultError;
use crate::keys::{create_private, parse_recipient};
use crate::record::Event;

pub use read::{
    HourCount, PetitionCount, RowProblem, SealedRow, Stats, VerifyReport, open_sealed, readable,
};
pub use sign::PAPER_SOURCE;

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

    /// The collector's public key this device pinned when it enrolled (base64, as the
    /// collector announced it), if it has enrolled since collectors sign their answers.
    pub fn collector_key(&self) -> Result<Option<String>, VaultError> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'collector_key'",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Pins the collector's public key (at enrolment), replacing an earlier one.
    pub fn pin_collector_key(&mut self, key: &str) -> Result<(), VaultError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('collector_key', ?1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key.trim()],
        )?;
        Ok(())
    }

    /// The device's Ed25519 key (PKCS#8), for signing sync batches.
    pub fn device_key(&self) -> Result<Ed25519KeyPair, VaultError> {
        let path = self.dir.join(DEVICE_KEY_FILE);
        let pkcs8 = std::fs::read(&path).map_err(|_| VaultError::BadDeviceKey(path.clone()))?;
        Ed25519KeyPair::from_pkcs8(&pkcs8).map_err(|_| VaultError::BadDeviceKey(path))
    }

    /// The device key for signing many records' provenance (ed25519-dalek signs about 1.4
    /// times as fast as ring: see [`crate::provenance::sign_many`]); the same key as
    /// [`Vault::device_key`].
    pub fn device_signing_key(&self) -> Result<ed25519_dalek::SigningKey, VaultError> {
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        let pkcs8 = self.device_key_pkcs8()?;
        ed25519_dalek::SigningKey::from_pkcs8_der(&pkcs8)
            .map_err(|_| VaultError::BadDeviceKey(self.dir.join(DEVICE_KEY_FILE)))
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

    /// The raw connection, for the tests of this crate's users that must damage a vault.
    #[doc(hidden)]
    pub fn connection_for_tests(&self) -> &Connection {
        &self.conn
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
    // What is deleted (a purged signature) is overwritten with zeros, and so are freed pages.
    conn.pragma_update(None, "secure_delete", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}
