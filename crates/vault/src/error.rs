//! Vault errors, each with a stable code that the CLI prints and the UI translates.

use serde::Serialize;

pub use placard_codes::ErrorCode;

/// Why one field of a signer's input was refused. Codes are stable; add, never rename.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: FieldCode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// Missing or blank, and the petition requires it (email always).
    Required,
    InvalidEmail,
    TooLong,
    /// Control characters or bidirectional overrides, which can disguise what a record says.
    ForbiddenCharacters,
    /// Not a postal code of the signer's country (its libaddressinput pattern: `postal`).
    InvalidPostalCode,
    /// Not an assigned ISO 3166-1 alpha-2 code, such as `US` or `KE`.
    InvalidCountry,
    /// A key the petition does not ask for.
    UnknownField,
    /// Signature-pad data that is not a drawing of moves and lines.
    InvalidSignature,
    /// The petition asks signers to confirm they read its privacy notice, and the box was not
    /// ticked.
    ConsentMissing,
}

impl FieldCode {
    /// Every code, for tests that check each has a message in every UI language.
    pub const ALL: [Self; 9] = [
        Self::Required,
        Self::InvalidEmail,
        Self::TooLong,
        Self::ForbiddenCharacters,
        Self::InvalidPostalCode,
        Self::InvalidCountry,
        Self::UnknownField,
        Self::InvalidSignature,
        Self::ConsentMissing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::InvalidEmail => "invalid_email",
            Self::TooLong => "too_long",
            Self::ForbiddenCharacters => "forbidden_characters",
            Self::InvalidPostalCode => "invalid_postal_code",
            Self::InvalidCountry => "invalid_country",
            Self::UnknownField => "unknown_field",
            Self::InvalidSignature => "invalid_signature",
            Self::ConsentMissing => "consent_missing",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("the signature was not saved: {}", describe(.0))]
    InvalidInput(Vec<FieldError>),
    #[error("the signer's input is not a JSON object of text fields: {0}")]
    MalformedInput(String),
    #[error("the vault's disk is full: the signature was not saved (earlier ones are safe)")]
    StorageFull,
    #[error("the vault could not save: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("the vault's schema could not be brought up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(
        "this vault was written by a newer version of Placard: open it with that version (nothing was changed)"
    )]
    NewerVault,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{} is not a Placard vault (run `placard vault init` first)", .0.display())]
    NotAVault(std::path::PathBuf),
    #[error("{} already holds a vault", .0.display())]
    AlreadyAVault(std::path::PathBuf),
    #[error("`{0}` is not an age X25519 recipient (it starts with age1)")]
    BadRecipient(String),
    #[error("the device key {} is unreadable or damaged", .0.display())]
    BadDeviceKey(std::path::PathBuf),
    #[error("sealing failed: {0}")]
    Seal(String),
    #[error("wrong passphrase for the organiser key")]
    WrongPassphrase,
    #[error("the organiser key file is damaged or not an age identity: {0}")]
    BadIdentity(String),
    #[error("{} exists already; refusing to overwrite a key", .0.display())]
    KeyExists(std::path::PathBuf),
    #[error("the vault is damaged: {0}")]
    Corrupt(String),
}

fn describe(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.code.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl VaultError {
    /// The stable code for scripts and the UI (the one table: `placard_codes`).
    pub fn code(&self) -> ErrorCode {
        match self {
            // Input that is not even a signer object is invalid input too: the signer (or the
            // script) must change what it sent, and nothing was saved.
            Self::InvalidInput(_) | Self::MalformedInput(_) => ErrorCode::InvalidInput,
            Self::StorageFull => ErrorCode::StorageFull,
            Self::Storage(_) | Self::Io(_) | Self::Migration(_) | Self::NewerVault => {
                ErrorCode::StorageError
            }
            Self::NotAVault(_) => ErrorCode::NotAVault,
            Self::AlreadyAVault(_) => ErrorCode::AlreadyAVault,
            Self::BadRecipient(_) => ErrorCode::BadRecipient,
            Self::BadDeviceKey(_) => ErrorCode::BadDeviceKey,
            Self::Seal(_) => ErrorCode::SealFailed,
            Self::WrongPassphrase => ErrorCode::WrongPassphrase,
            Self::BadIdentity(_) => ErrorCode::BadIdentity,
            Self::KeyExists(_) => ErrorCode::KeyExists,
            Self::Corrupt(_) => ErrorCode::VaultCorrupt,
        }
    }

    /// Field errors of an `invalid_input`, else empty.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Self::InvalidInput(f) => f,
            _ => &[],
        }
    }

    /// SQLite's "disk full" (including a `max_page_count` cap) becomes `StorageFull`.
    pub(crate) fn from_sqlite(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Self::StorageFull,
            _ => Self::Storage(e),
        }
    }
}
