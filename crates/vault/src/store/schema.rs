//! The vault's schema: its migrations, in order, and bringing a vault up to date.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::VaultError;

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
    // Counts of signatures purged from the kiosk once the organisation confirmed them (see
    // `purge.rs`): per petition and UTC hour, nothing per signer, so the counter and the chart
    // survive the rows.
    M::up(
        "CREATE TABLE purged_counts (
             petition_id TEXT NOT NULL,
             hour TEXT NOT NULL,           -- 2026-11-29T19
             count INTEGER NOT NULL,
             PRIMARY KEY (petition_id, hour)
         ) STRICT;",
    ),
    // "Sent" in a narrow table of its own. Stamping `sent_at` on the signature rewrote each
    // acknowledged row whole — the sealed record with it, which spills onto overflow pages —
    // so marking a batch of 500 sent wrote about 1.5 MiB of WAL; a row here is under 100
    // bytes, appended in rowid order. It holds the signature's id beside its rowid: a rowid
    // that SQLite reuses after a purge never reads as sent (and purges delete these rows with
    // their signatures). The old columns go, so nothing reads a stale copy.
    M::up(
        "CREATE TABLE sent (
             signature_rowid INTEGER PRIMARY KEY,   -- signatures.rowid
             signature_id TEXT NOT NULL,            -- signatures.id
             sent_at TEXT NOT NULL,                 -- when the collector acknowledged it
             batch_id TEXT NOT NULL                 -- the batch that carried it
         ) STRICT;
         INSERT INTO sent (signature_rowid, signature_id, sent_at, batch_id)
             SELECT rowid, id, sent_at, COALESCE(batch_id, '') FROM signatures
             WHERE sent_at IS NOT NULL;
         ALTER TABLE signatures DROP COLUMN sent_at;
         ALTER TABLE signatures DROP COLUMN batch_id;",
    ),
];

/// Brings the schema up to date; a vault from a newer Placard is left as it is.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), VaultError> {
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
