//! First run: the organiser's key (pasted, or made and saved off the kiosk) and the PIN.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::command::commands;

commands! {
    /// Mounted removable media, where a new organiser key can be saved.
    fn key_destinations[window, kiosk]() -> Vec<String> {
        Ok(kiosk
            .key_destinations()
            .iter()
            .map(|p| p.display().to_string())
            .collect())
    }

    /// First run, for an organiser without a key: writes a new one, encrypted with
    /// `passphrase`, to `folder` (off the kiosk) with a recovery sheet, and returns only its
    /// public half.
    fn create_organiser_key[window, kiosk](folder: String, passphrase: String) -> CreatedKey {
        let passphrase = placard_kiosk_core::domain::SecretString::from(passphrase);
        Ok(kiosk
            .create_organiser_key(Path::new(&folder), passphrase)
            .await?
            .into())
    }

    /// First run: the organiser's public key (`age1…`, never the private key) and the
    /// operator PIN. From then on the kiosk lock is on.
    fn setup_kiosk[window, kiosk](recipient: String, pin: String) -> () {
        let locked = kiosk.setup(&recipient, pin).await?;
        crate::apply_kiosk_lock(&window.as_ref().window(), locked);
        Ok(())
    }
}

/// A new organiser key, as written at first run (the private half is only in the file).
#[derive(Debug, Clone, Serialize, TS)]
pub struct CreatedKey {
    pub recipient: String,
    pub key_file: String,
    pub recovery_file: String,
}

impl From<placard_kiosk_core::keys::CreatedKey> for CreatedKey {
    fn from(k: placard_kiosk_core::keys::CreatedKey) -> Self {
        Self {
            recipient: k.recipient,
            key_file: k.key_file.display().to_string(),
            recovery_file: k.recovery_file.display().to_string(),
        }
    }
}
