//! The one error type that crosses IPC: `{code, message}`. The UI branches on `code` (stable,
//! snake_case) and may show `message` (English, for the operator's eyes).

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. Renaming one breaks the UI: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No petition pack could be loaded (missing folder, unreadable).
    PackUnavailable,
    /// No petition with that id in the pack.
    PetitionNotFound,
    /// The kiosk needs its first-run set-up (organiser key, PIN).
    NotSetUp,
    AlreadySetUp,
    /// The operator PIN must be 4 to 12 digits.
    WeakPin,
    /// The organiser key pasted at set-up is not an `age1…` public key.
    BadRecipient,
    /// The signature was not saved; `fields` says which fields and why.
    InvalidInput,
    /// The vault's disk is full; the signature was not saved, earlier ones are safe.
    StorageFull,
    /// Anything else went wrong saving; the signature was not saved.
    StorageError,
    /// The operator PIN was wrong.
    WrongPin,
    /// Too many wrong PINs: the keypad is refused for a minute.
    PinLockedOut,
    /// An operator action without an open operator session (PIN first).
    OperatorOnly,
    /// An operator setting out of bounds; `message` says which.
    BadSetting,
    /// A new organiser key's passphrase is too short.
    WeakPassphrase,
    /// A new organiser key was to be saved on the kiosk itself.
    KeyOnKiosk,
    /// The chosen folder already holds an organiser key (never overwritten).
    KeyExists,
    /// The collector address is not an http(s) URL.
    BadCollectorUrl,
    /// The collector did not answer (offline, wrong address, firewall).
    CollectorUnreachable,
    /// The collector refused the enrolment (wrong or used code, device enrolled already).
    EnrolRefused,
    /// The sync loop could not start; `message` says why.
    SyncError,
    /// "Sync now" (or a pack from the collector) on a kiosk not enrolled with a collector.
    NotEnrolled,
    /// A pack pulled from the collector was not taken in (damaged, unsafe, no petitions); the
    /// kiosk's packs are as they were.
    BadPack,
    /// The organiser key's passphrase was wrong.
    WrongPassphrase,
    /// The file is not an organiser key (or is damaged).
    BadIdentity,
    /// Action Network refused the API key.
    BadToken,
    /// Action Network did not answer.
    ActionNetworkUnreachable,
    /// A send run failed otherwise, or one is running already; `message` says why.
    SendFailed,
}

/// One form field the signer must fix, with a stable code the UI translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldIssue {
    pub field: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    /// Per-field problems of an `invalid_input`; empty otherwise.
    pub fields: Vec<FieldIssue>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

impl From<placard_kiosk_core::KioskError> for IpcError {
    fn from(e: placard_kiosk_core::KioskError) -> Self {
        use placard_kiosk_core::KioskError as K;
        use placard_vault::VaultError as V;
        let code = match &e {
            K::NotSetUp => ErrorCode::NotSetUp,
            K::AlreadySetUp => ErrorCode::AlreadySetUp,
            K::WeakPin => ErrorCode::WeakPin,
            K::WrongPin => ErrorCode::WrongPin,
            K::PinLockedOut { .. } => ErrorCode::PinLockedOut,
            K::OperatorOnly => ErrorCode::OperatorOnly,
            K::BadSetting(_) => ErrorCode::BadSetting,
            K::WeakPassphrase => ErrorCode::WeakPassphrase,
            K::KeyOnKiosk => ErrorCode::KeyOnKiosk,
            K::KeyExists | K::Vault(V::KeyExists(_)) => ErrorCode::KeyExists,
            K::BadCollectorUrl(_) => ErrorCode::BadCollectorUrl,
            K::CollectorUnreachable(_) => ErrorCode::CollectorUnreachable,
            K::EnrolRefused(_) => ErrorCode::EnrolRefused,
            K::Sync(_) => ErrorCode::SyncError,
            K::BadPack(_) => ErrorCode::BadPack,
            K::BadToken => ErrorCode::BadToken,
            K::ActionNetworkUnreachable(_) => ErrorCode::ActionNetworkUnreachable,
            K::SendFailed(_) => ErrorCode::SendFailed,
            K::Vault(V::WrongPassphrase) => ErrorCode::WrongPassphrase,
            K::Vault(V::BadIdentity(_)) => ErrorCode::BadIdentity,
            K::Vault(V::InvalidInput(_) | V::MalformedInput(_)) => ErrorCode::InvalidInput,
            K::Vault(V::BadRecipient(_)) => ErrorCode::BadRecipient,
            K::Vault(V::StorageFull) => ErrorCode::StorageFull,
            K::Vault(_) | K::Settings(_) => ErrorCode::StorageError,
        };
        let fields = match &e {
            K::Vault(v) => v
                .fields()
                .iter()
                .map(|f| FieldIssue {
                    field: f.field.clone(),
                    code: f.code.as_str().to_owned(),
                })
                .collect(),
            _ => Vec::new(),
        };
        Self {
            code,
            message: e.to_string(),
            fields,
        }
    }
}
