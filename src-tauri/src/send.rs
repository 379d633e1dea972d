//! "Send to Action Network" from a kiosk with no collector: key files, the run, stopping it.

use placard_kiosk_core::domain::{Outcome, Step};
use placard_kiosk_core::send::SendReport;
use serde::{Deserialize, Serialize};
use tauri::Emitter as _;
use ts_rs::TS;

use crate::command::commands;
use crate::count;
use crate::events::SEND_PROGRESS;

commands! {
    /// Organiser key files on removable media, to send from.
    fn operator_key_files[window, kiosk]() -> Vec<String> {
        Ok(kiosk
            .key_files()?
            .iter()
            .map(|p| p.display().to_string())
            .collect())
    }

    /// Unlocks `request.key_file` for this run only and sends every record not sent yet,
    /// emitting each record's outcome as a `send-progress` event. The key and the opened
    /// records are dropped when it ends, or when the operator cancels or locks the panel.
    fn operator_send_action_network[window, kiosk](request: SendInput) -> SendReportView {
        let report = kiosk
            .send_to_action_network(request.into(), |step| {
                let _ = window.emit_to("main", SEND_PROGRESS, SendProgress::from(step));
            })
            .await?;
        Ok(report.into())
    }

    /// Stops a running send.
    fn operator_send_cancel[window, kiosk]() -> () {
        kiosk.send_cancel();
        Ok(())
    }
}

/// What the operator gives for a "Send to Action Network" run. Never printed.
#[derive(Deserialize, TS)]
pub struct SendInput {
    /// The organiser's key file (on the USB stick it was saved to).
    pub key_file: String,
    pub passphrase: String,
    /// The Action Network API key.
    pub token: String,
    /// "Retry failed": send again what an earlier run failed.
    #[serde(default)]
    pub retry_failed: bool,
}

impl std::fmt::Debug for SendInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendInput")
            .field("key_file", &self.key_file)
            .finish_non_exhaustive()
    }
}

impl From<SendInput> for placard_kiosk_core::send::SendInput {
    fn from(i: SendInput) -> Self {
        Self {
            key_file: i.key_file.into(),
            passphrase: placard_kiosk_core::domain::SecretString::from(i.passphrase),
            token: i.token,
            retry_failed: i.retry_failed,
        }
    }
}

/// How a "Send to Action Network" run ended.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendReportView {
    pub sent: u32,
    pub failed: u32,
    /// Sent by an earlier run.
    pub skipped: u32,
    /// Not sent, to try again later (Action Network unreachable, petition not found).
    pub deferred: u32,
    /// Of the skipped, failed by an earlier run: "Retry failed" sends them again.
    pub failed_before: u32,
    pub cancelled: bool,
    /// Each failed record and Action Network's reason.
    pub failures: Vec<SendFailure>,
    /// Petitions no Action Network petition was found for.
    pub unmatched: Vec<String>,
    /// Records the key did not open.
    pub unreadable: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SendFailure {
    pub record_id: String,
    pub reason: String,
}

impl From<SendReport> for SendReportView {
    fn from(r: SendReport) -> Self {
        Self {
            sent: count(r.summary.sent),
            failed: count(r.summary.failed),
            skipped: count(r.summary.skipped),
            deferred: count(r.summary.deferred),
            failed_before: count(r.summary.failed_before),
            cancelled: r.cancelled,
            failures: r
                .summary
                .failures
                .into_iter()
                .map(|(id, reason)| SendFailure {
                    record_id: id.to_string(),
                    reason,
                })
                .collect(),
            unmatched: r.unmatched,
            unreadable: count(r.unreadable),
        }
    }
}

/// A send run's progress, emitted as `send-progress` after each record, with that record's
/// outcome.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendProgress {
    pub done: u32,
    pub total: u32,
    pub record: SendOutcome,
}

/// What became of one record: its ids, when it was signed, the outcome and the reason —
/// never the signer's own data (events must not carry it; reasons are scrubbed of it).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendOutcome {
    pub record_id: String,
    pub petition_id: String,
    /// RFC 3339.
    pub captured_at: String,
    pub outcome: SendOutcomeKind,
    /// Why it failed or waits.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SendOutcomeKind {
    Sent,
    Failed,
    /// Sent by an earlier run.
    Skipped,
    /// Left for a later run.
    Deferred,
}

impl From<&Step<'_>> for SendProgress {
    fn from(step: &Step<'_>) -> Self {
        let (outcome, reason) = match step.outcome {
            Outcome::Sent => (SendOutcomeKind::Sent, None),
            Outcome::Skipped => (SendOutcomeKind::Skipped, None),
            Outcome::Failed(why) => (SendOutcomeKind::Failed, Some(why.clone())),
            Outcome::Deferred(why) => (SendOutcomeKind::Deferred, Some(why.clone())),
        };
        Self {
            done: count(step.done),
            total: count(step.total),
            record: SendOutcome {
                record_id: step.record.record_id.to_string(),
                petition_id: step.record.petition_id.clone(),
                captured_at: step.record.captured_at.clone(),
                outcome,
                reason,
            },
        }
    }
}
