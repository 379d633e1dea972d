//! The one error type that crosses IPC: `{code, message, fields}`. The code comes from the one
//! table (`placard_codes::ErrorCode`, via each domain error's `code()`), so the app and the
//! `placard` CLI name a failure the same way; the UI branches on it and translates it. The
//! message is English, for an operator's eyes, and names no signer.

use placard_kiosk_core::{ErrorCode, KioskError};
use serde::Serialize;
use ts_rs::TS;

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
    /// For `pin_locked_out`: seconds until the keypad takes a PIN again.
    #[ts(type = "number | null")]
    pub retry_after_seconds: Option<u64>,
}

impl From<KioskError> for IpcError {
    fn from(e: KioskError) -> Self {
        Self {
            code: e.code(),
            fields: e
                .fields()
                .iter()
                .map(|f| FieldIssue {
                    field: f.field.clone(),
                    code: f.code.as_str().to_owned(),
                })
                .collect(),
            retry_after_seconds: e.retry_after_seconds(),
            message: e.to_string(),
        }
    }
}
