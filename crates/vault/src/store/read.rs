//! Reading a vault: counts from clear metadata, the sealed rows, opening them with the
//! organiser's key, and `verify`.

use serde::Serialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::Vault;
use crate::error::VaultError;
use crate::keys::OrganiserKey;
use crate::record::Record;

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
    pub fn stats(&self) -> Result<Stats, VaultError> {
        let mut stats = Stats::default();
        // Signatures purged after the organisation confirmed them count as sent.
        let mut q = self.conn.prepare(
            "SELECT petition_id, SUM(pending), SUM(sent) FROM (
                 SELECT s.petition_id, COUNT(o.signature_id) AS pending,
                        COUNT(*) - COUNT(o.signature_id) AS sent
                 FROM signatures s LEFT JOIN outbox o ON o.signature_rowid = s.rowid
                 GROUP BY s.petition_id
                 UNION ALL
                 SELECT petition_id, 0, count FROM purged_counts)
             GROUP BY petition_id ORDER BY petition_id",
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
            "SELECT hour, petition_id, SUM(n) FROM (
                 SELECT substr(captured_at, 1, 13) AS hour, petition_id, COUNT(*) AS n
                 FROM signatures GROUP BY hour, petition_id
                 UNION ALL
                 SELECT hour, petition_id, count AS n FROM purged_counts)
             GROUP BY hour, petition_id ORDER BY hour, petition_id",
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
            "SELECT (SELECT COUNT(*) FROM signatures WHERE petition_id = ?1)
                  + (SELECT COALESCE(SUM(count), 0) FROM purged_counts WHERE petition_id = ?1)",
            [petition_id],
            |r| count_at(r, 0),
        )?)
    }

    /// Every sealed row, oldest first.
    pub fn sealed_rows(&self) -> Result<Vec<SealedRow>, VaultError> {
        let mut q = self.conn.prepare(
            "SELECT id, petition_id, captured_at, sealed FROM signatures ORDER BY rowid",
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

    /// Opens the records whose ids are not in `skip` (those already settled, say): what needs
    /// no opening stays sealed, even in memory.
    pub fn open_records_except(
        &self,
        key: &OrganiserKey,
        skip: &std::collections::HashSet<String>,
    ) -> Result<Vec<Result<Record, RowProblem>>, VaultError> {
        Ok(self
            .sealed_rows()?
            .into_iter()
            .filter(|row| !skip.contains(&row.id))
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
            "SELECT s.id, s.captured_at, o.signature_id IS NULL AND t.signature_rowid IS NULL
             FROM signatures s LEFT JOIN outbox o ON o.signature_rowid = s.rowid
             LEFT JOIN sent t ON t.signature_rowid = s.rowid AND t.signature_id = s.id",
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
    } else if record.captured_at != row.captured_at
        && super::sign::clear_time(&record.captured_at) != row.captured_at
    {
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
