//! The one table of Placard's stable error codes.
//!
//! Every domain error enum (`VaultError`, `KioskError`, …) answers `code()` with one of these,
//! and every way out of the program reports that same code: the app's IPC errors
//! (`{code, message}`), the `placard` CLI's JSON errors, and the UI, which branches on the code
//! and translates it (`error-CODE` in every `ui/src/locales/*.ftl`). So `placard sign` and the
//! kiosk window name the same failure the same way.
//!
//! Codes are part of the UI's and scripts' contract: add, never rename or reuse.

use serde::Serialize;
use ts_rs::TS;

/// A stable, snake_case error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No petition pack could be loaded (missing folder, unreadable).
    PackUnavailable,
    /// No petition with that id in the pack.
    PetitionNotFound,
    /// The kiosk needs its first-run set-up (organiser key, PIN).
    NotSetUp,
    AlreadySetUp,
    /// The operator PIN is too short or not digits.
    WeakPin,
    /// The organiser key given is not an `age1…` public key.
    BadRecipient,
    /// The signature was not saved: the input is not a signer object of text fields, or
    /// `fields` says which fields to fix and why.
    InvalidInput,
    /// The vault's disk is full; the signature was not saved, earlier ones are safe.
    StorageFull,
    /// Anything else went wrong reading or saving; the signature was not saved.
    StorageError,
    /// The folder given is not a Placard vault.
    NotAVault,
    /// The folder given holds a vault already.
    AlreadyAVault,
    /// The vault's device key is unreadable or damaged.
    BadDeviceKey,
    /// Sealing a record to the organiser's key failed.
    SealFailed,
    /// The vault is damaged (integrity check, tampered or duplicate rows).
    VaultCorrupt,
    /// The vault seals to another key than the kiosk was set up with: signing is stopped.
    RecipientMismatch,
    /// A wipe would lose records not sent yet: save them first, or confirm the loss.
    UnsentRecords,
    /// An answer in the collector's place was not signed by the key pinned at enrolment:
    /// ignored (nothing marked sent, no pack taken).
    ForgedAnswer,
    /// The operator PIN was wrong.
    WrongPin,
    /// Too many wrong PINs: the keypad is refused for a while.
    PinLockedOut,
    /// The PIN is shorter than 6 digits (set up before the minimum rose): choose a new one.
    PinChangeRequired,
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
    /// Pairing was refused: a wrong, mistyped, burned or expired code, another organisation's
    /// key, or a device enrolled already with another key.
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

impl ErrorCode {
    /// Every code, for tests that check each has a message in every UI language.
    pub const ALL: [Self; 36] = [
        Self::PackUnavailable,
        Self::PetitionNotFound,
        Self::NotSetUp,
        Self::AlreadySetUp,
        Self::WeakPin,
        Self::BadRecipient,
        Self::InvalidInput,
        Self::StorageFull,
        Self::StorageError,
        Self::NotAVault,
        Self::AlreadyAVault,
        Self::BadDeviceKey,
        Self::SealFailed,
        Self::VaultCorrupt,
        Self::RecipientMismatch,
        Self::UnsentRecords,
        Self::ForgedAnswer,
        Self::WrongPin,
        Self::PinLockedOut,
        Self::PinChangeRequired,
        Self::OperatorOnly,
        Self::BadSetting,
        Self::WeakPassphrase,
        Self::KeyOnKiosk,
        Self::KeyExists,
        Self::BadCollectorUrl,
        Self::CollectorUnreachable,
        Self::EnrolRefused,
        Self::SyncError,
        Self::NotEnrolled,
        Self::BadPack,
        Self::WrongPassphrase,
        Self::BadIdentity,
        Self::BadToken,
        Self::ActionNetworkUnreachable,
        Self::SendFailed,
    ];

    /// The code as it appears on the wire (`"invalid_input"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PackUnavailable => "pack_unavailable",
            Self::PetitionNotFound => "petition_not_found",
            Self::NotSetUp => "not_set_up",
            Self::AlreadySetUp => "already_set_up",
            Self::WeakPin => "weak_pin",
            Self::BadRecipient => "bad_recipient",
            Self::InvalidInput => "invalid_input",
            Self::StorageFull => "storage_full",
            Self::StorageError => "storage_error",
            Self::NotAVault => "not_a_vault",
            Self::AlreadyAVault => "already_a_vault",
            Self::BadDeviceKey => "bad_device_key",
            Self::SealFailed => "seal_failed",
            Self::VaultCorrupt => "vault_corrupt",
            Self::RecipientMismatch => "recipient_mismatch",
            Self::UnsentRecords => "unsent_records",
            Self::ForgedAnswer => "forged_answer",
            Self::WrongPin => "wrong_pin",
            Self::PinLockedOut => "pin_locked_out",
            Self::PinChangeRequired => "pin_change_required",
            Self::OperatorOnly => "operator_only",
            Self::BadSetting => "bad_setting",
            Self::WeakPassphrase => "weak_passphrase",
            Self::KeyOnKiosk => "key_on_kiosk",
            Self::KeyExists => "key_exists",
            Self::BadCollectorUrl => "bad_collector_url",
            Self::CollectorUnreachable => "collector_unreachable",
            Self::EnrolRefused => "enrol_refused",
            Self::SyncError => "sync_error",
            Self::NotEnrolled => "not_enrolled",
            Self::BadPack => "bad_pack",
            Self::WrongPassphrase => "wrong_passphrase",
            Self::BadIdentity => "bad_identity",
            Self::BadToken => "bad_token",
            Self::ActionNetworkUnreachable => "action_network_unreachable",
            Self::SendFailed => "send_failed",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and scripts compare with plain strings: `assert_eq!(e.code(), "wrong_pin")`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_form_is_serde_s_and_every_code_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let wire = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(wire, code.as_str());
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
    }
}
