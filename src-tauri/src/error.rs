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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}
