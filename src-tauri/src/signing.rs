//! Signing: the form's idle-time preparation, and the signature itself.

use placard_kiosk_core::domain::SignerInput;
use serde::Serialize;
use ts_rs::TS;

use crate::command::commands;
use crate::count;

commands! {
    /// Seals and stores one signature. Returns only once it is durable: the UI shows "thank
    /// you" after this and never before.
    fn sign_petition[window, kiosk](petition_id: String, signer: SignerInput) -> SignReceipt {
        Ok(SignReceipt {
            count: count(kiosk.sign(&petition_id, signer)?),
        })
    }

    /// Clipboard mode: one signature typed in from a paper sheet by an operator (needs the
    /// PIN: `operator_only` otherwise). Its source is `paper`; durable when this returns.
    fn operator_sign_paper[window, kiosk](petition_id: String, signer: SignerInput) -> SignReceipt {
        Ok(SignReceipt {
            count: count(kiosk.sign_paper(&petition_id, signer)?),
        })
    }

    /// Idle-time work for the next signature (its sealing key, WAL upkeep). The form calls it
    /// when it opens, while the signer reads and types, so "Sign" pays only for sealing and the
    /// commit.
    fn prepare_signing[window, kiosk]() -> () {
        Ok(kiosk.prepare_signing()?)
    }
}

/// What the thank-you screen shows once a signature is durable.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SignReceipt {
    /// Signatures for this petition collected on this kiosk, this one included.
    pub count: u32,
}
