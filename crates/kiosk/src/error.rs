//! The kiosk's errors. Each answers [`KioskError::code`] from the one table of stable codes
//! (`placard_codes`), which is what crosses IPC and what the UI translates; the `Display` text
//! is English, for an operator's eyes, and names no signer. Errors keep their source.

use std::sync::Arc;

use placard_codes::ErrorCode;
use placard_fanout::action_network::ApiError;
use placard_fanout::run::RunError;
use placard_sync::engine::TransportError;
use placard_vault::VaultError;

/// Anything that failed to start the sync loop.
pub type SyncFailure = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    /// The pack on show could not be loaded (kept as loaded, so every command says the same).
    #[error("{0}")]
    PackUnavailable(Arc<dyn std::error::Error + Send + Sync>),
    #[error("no petition `{0}` in this pack")]
    PetitionNotFound(String),
    /// The kiosk's state failed to open at start; every call that needs it says why.
    #[error("{0}")]
    NotOpened(Arc<KioskError>),
    #[error("this kiosk is not set up yet")]
    NotSetUp,
    #[error("this kiosk is set up already")]
    AlreadySetUp,
    #[error("the operator PIN must be 6 to 12 digits")]
    WeakPin,
    #[error("wrong PIN")]
    WrongPin,
    #[error("too many wrong PINs; try again in {seconds} s")]
    PinLockedOut { seconds: u64 },
    #[error("this kiosk's PIN is shorter than 6 digits: choose a new one first")]
    PinChangeRequired,
    #[error(
        "the vault seals to another organiser key than this kiosk was set up with; signing is stopped until an organiser mends it"
    )]
    RecipientMismatch,
    #[error("an answer in the collector's place was refused: {0}")]
    ForgedAnswer(String),
    #[error("not wiped: {0}")]
    WipeRefused(String),
    #[error("the operator panel is locked: enter the PIN")]
    OperatorOnly,
    #[error("{0}")]
    BadSetting(String),
    #[error(
        "the passphrase must be at least {} characters",
        crate::keys::MIN_PASSPHRASE
    )]
    WeakPassphrase,
    #[error("the organiser key must be saved off this kiosk (a USB stick), not in its data folder")]
    KeyOnKiosk,
    #[error("that folder already holds an organiser key; choose another")]
    KeyExists,
    #[error("not a collector address: {0}")]
    BadCollectorUrl(String),
    #[error("the collector cannot be reached: {0}")]
    CollectorUnreachable(String),
    #[error("pairing with the collector was refused: {0}")]
    EnrolRefused(String),
    #[error("this kiosk is not enrolled with a collector")]
    NotEnrolled,
    #[error("sync: {0}")]
    Sync(#[source] SyncFailure),
    #[error("the petition pack was not taken in: {0}")]
    BadPack(#[from] crate::packs::InstallError),
    #[error("the collector refused the pack request ({status}): {reason}")]
    PackRefused { status: u16, reason: String },
    #[error("Action Network refused the API key")]
    BadToken,
    #[error("Action Network cannot be reached: {0}")]
    ActionNetworkUnreachable(String),
    #[error("a send is running already")]
    SendRunning,
    #[error("sending failed: {0}")]
    Api(#[source] ApiError),
    #[error("sending failed: {0}")]
    Run(#[source] RunError),
    #[error("sending failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("cannot save the kiosk settings: {0}")]
    Settings(#[from] std::io::Error),
}

impl KioskError {
    /// The stable code (see `placard_codes`); a vault error keeps the vault's own.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::PackUnavailable(_) => ErrorCode::PackUnavailable,
            Self::PetitionNotFound(_) => ErrorCode::PetitionNotFound,
            Self::NotOpened(e) => e.code(),
            Self::NotSetUp => ErrorCode::NotSetUp,
            Self::AlreadySetUp => ErrorCode::AlreadySetUp,
            Self::WeakPin => ErrorCode::WeakPin,
            Self::WrongPin => ErrorCode::WrongPin,
            Self::PinLockedOut { .. } => ErrorCode::PinLockedOut,
            Self::PinChangeRequired => ErrorCode::PinChangeRequired,
            Self::RecipientMismatch => ErrorCode::RecipientMismatch,
            Self::WipeRefused(_) => ErrorCode::UnsentRecords,
            Self::ForgedAnswer(_) => ErrorCode::ForgedAnswer,
            Self::OperatorOnly => ErrorCode::OperatorOnly,
            Self::BadSetting(_) => ErrorCode::BadSetting,
            Self::WeakPassphrase => ErrorCode::WeakPassphrase,
            Self::KeyOnKiosk => ErrorCode::KeyOnKiosk,
            Self::KeyExists => ErrorCode::KeyExists,
            Self::BadCollectorUrl(_) => ErrorCode::BadCollectorUrl,
            Self::CollectorUnreachable(_) => ErrorCode::CollectorUnreachable,
            Self::EnrolRefused(_) => ErrorCode::EnrolRefused,
            Self::NotEnrolled => ErrorCode::NotEnrolled,
            Self::Sync(_) => ErrorCode::SyncError,
            Self::BadPack(_) | Self::PackRefused { .. } => ErrorCode::BadPack,
            Self::BadToken => ErrorCode::BadToken,
            Self::ActionNetworkUnreachable(_) => ErrorCode::ActionNetworkUnreachable,
            Self::SendRunning | Self::Api(_) | Self::Run(_) | Self::Task(_) => {
                ErrorCode::SendFailed
            }
            Self::Vault(e) => e.code(),
            Self::Settings(_) => ErrorCode::StorageError,
        }
    }

    /// For `pin_locked_out`: how long until the keypad takes a PIN again, so it can count down.
    pub fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            Self::PinLockedOut { seconds } => Some(*seconds),
            Self::NotOpened(e) => e.retry_after_seconds(),
            _ => None,
        }
    }

    /// Per-field problems of an `invalid_input`, else empty.
    pub fn fields(&self) -> &[placard_vault::FieldError] {
        match self {
            Self::Vault(v) => v.fields(),
            Self::NotOpened(e) => e.fields(),
            _ => &[],
        }
    }

    pub(crate) fn sync(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Sync(Box::new(e))
    }
}

/// Action Network's refusals, in the kiosk's terms.
impl From<ApiError> for KioskError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::Unauthorized => Self::BadToken,
            ApiError::Unreachable(why) => Self::ActionNetworkUnreachable(why),
            other => Self::Api(other),
        }
    }
}

impl From<RunError> for KioskError {
    fn from(e: RunError) -> Self {
        match e {
            RunError::Api(e) => e.into(),
            other => Self::Run(other),
        }
    }
}

/// A collector's answer to a pack request, in the kiosk's terms.
pub(crate) fn pack_transport(e: TransportError) -> KioskError {
    match e {
        TransportError::Unreachable(why) => KioskError::CollectorUnreachable(why),
        TransportError::Refused { status, reason } => KioskError::PackRefused { status, reason },
        TransportError::Forged(why) => KioskError::ForgedAnswer(why.to_string()),
    }
}
