//! The sealed signature vault.
//!
//! Every signature is validated, then sealed at capture to the organiser's age X25519
//! recipient, then committed (sealed row + outbox row, one transaction, `synchronous=FULL`)
//! before [`Vault::sign`] returns. The kiosk stores only the recipient: it cannot read what it
//! sealed. Counts come from clear routing metadata (petition, time), never from decryption.

mod error;
mod export;
mod keys;
mod outbox;
/// Passphrases typed on a terminal, for the command-line tools only (feature `prompt`).
#[cfg(feature = "prompt")]
pub mod passphrase;
pub mod postal;
mod postal_data;
pub mod provenance;
mod record;
mod store;
mod validate;

/// Passphrases are handled as age's `SecretString` (zeroised on drop).
pub use age::secrecy::{ExposeSecret, SecretString};
pub use error::{ErrorCode, FieldCode, FieldError, VaultError};
pub use export::{
    BUNDLE_SIGNATURE_CONTEXT, BUNDLE_SIGNATURE_FILE, CSV_HEADER, ExportSummary, SealedBundle,
    create_private, is_sealed_to_one_recipient, neutralise_cell, read_sealed_tar, write_csv,
    write_csv_records, write_jsonl, write_jsonl_records, write_sealed_tar,
};
pub use keys::{MIN_PASSPHRASE, OrganiserKey, parse_recipient};
pub use outbox::{Acknowledged, OutboxBatch, PendingTally};
pub use record::{ConsentReceipt, Event, Extra, ExtraField, Record, SignerInput};
pub use store::{
    DB_FILE, DEVICE_KEY_FILE, HourCount, PAPER_SOURCE, PetitionCount, RowProblem, SealedRow, Stats,
    Vault, VerifyReport, open_sealed, readable,
};
pub use validate::{
    NoticeShown, Requirement, SignRules, countries, is_country, normalise_and_validate,
};
