//! Measurements for `placard bench capture` (what a capture is compared with). Nothing here
//! runs in the kiosk, so it lives with the command, not in the vault.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// The floor for a durable write on this disk: write a 600-byte record to a file and fsync
/// it. A signature cannot be durable faster than this. One step at a time, so a benchmark can
/// interleave it with what it measures and both see the same disk conditions.
#[derive(Debug)]
pub struct RawFsync {
    file: std::fs::File,
    path: std::path::PathBuf,
}

impl RawFsync {
    pub fn new(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join("raw-fsync.bin");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        Ok(Self { file, path })
    }

    pub fn once(&mut self) -> anyhow::Result<Duration> {
        let t = Instant::now();
        self.file.write_all(&[0x5A; 600])?;
        self.file.sync_all()?;
        Ok(t.elapsed())
    }
}

impl Drop for RawFsync {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What a user might pick instead of sealing: the same signer row, in plain columns, inserted
/// durably (WAL, `synchronous=FULL`, one transaction per row) into a SQLCipher database.
/// One row per call, so a benchmark can interleave it with what it compares.
#[cfg(feature = "sqlcipher-bench")]
#[derive(Debug)]
pub struct SqlCipherInsert {
    conn: rusqlite::Connection,
    n: u64,
}

#[cfg(feature = "sqlcipher-bench")]
impl SqlCipherInsert {
    pub fn new(dir: &Path) -> anyhow::Result<Self> {
        let conn = rusqlite::Connection::open(dir.join("sqlcipher-bench.db"))?;
        conn.pragma_update(None, "key", "benchmark passphrase")?;
        let _: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(
            "CREATE TABLE signers (id TEXT PRIMARY KEY, petition_id TEXT, captured_at TEXT,
             given_name TEXT, family_name TEXT, email TEXT, postal_code TEXT, country TEXT,
             comment TEXT, subscribe INTEGER)",
        )?;
        Ok(Self { conn, n: 0 })
    }

    pub fn once(&mut self) -> anyhow::Result<Duration> {
        self.n += 1;
        let t = Instant::now();
        let tx = self.conn.unchecked_transaction()?;
        tx.prepare_cached(
            "INSERT INTO signers VALUES (?1, 'bench', ?2, 'Ada', 'Lovelace', ?3, '02139', 'US',
             'Encryption keeps us all safe.', 1)",
        )?
        .execute(rusqlite::params![
            uuid::Uuid::now_v7().to_string(),
            chrono::Utc::now().to_rfc3339(),
            format!("ada{}@example.org", self.n)
        ])?;
        tx.commit()?;
        Ok(t.elapsed())
    }
}

/// Sealing alone (JSON of a typical record, then age to an X25519 recipient), no I/O: the CPU
/// part of a capture.
pub fn seal_only(recipient: &str, n: usize) -> anyhow::Result<Vec<Duration>> {
    let recipient = placard_vault::parse_recipient(recipient)?;
    let record = serde_json::json!({
        "record_id": uuid::Uuid::now_v7(), "petition_id": "bench", "locale": "en",
        "captured_at": chrono::Utc::now().to_rfc3339(), "device_id": uuid::Uuid::now_v7(),
        "given_name": "Ada", "family_name": "Lovelace", "email": "ada@example.org",
        "postal_code": "02139", "street_address": "", "city": "", "country": "US", "phone": "",
        "comment": "Encryption keeps us all safe.", "subscribe": true, "extra": {}
    });
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let plain = serde_json::to_vec(&record)?;
        let sealed = age::encrypt(&recipient, &plain)?;
        std::hint::black_box(sealed);
        out.push(t.elapsed());
    }
    Ok(out)
}

/// Whether this build can measure SQLCipher (`--features sqlcipher-bench`).
pub const HAS_SQLCIPHER: bool = cfg!(feature = "sqlcipher-bench");

/// p50, p99 and max of a set of latencies.
pub fn percentiles(samples: &[Duration]) -> (Duration, Duration, Duration) {
    let mut s = samples.to_vec();
    s.sort_unstable();
    let at = |q: f64| s[((s.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.99), s[s.len() - 1])
}
