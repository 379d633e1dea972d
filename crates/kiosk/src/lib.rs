//! The kiosk's own state, with no UI: its settings file, the operator PIN, and signing a
//! petition through the vault. The Tauri shell holds one [`Kiosk`] and calls it.

mod pin;
mod settings;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use placard_petition::Petition;
use placard_vault::{SignRules, SignerInput, Vault, VaultError};

pub use pin::PinHash;
pub use settings::Settings;

#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    #[error("this kiosk is not set up yet")]
    NotSetUp,
    #[error("this kiosk is set up already")]
    AlreadySetUp,
    #[error("the operator PIN must be 4 to 12 digits")]
    WeakPin,
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("cannot save the kiosk settings: {0}")]
    Settings(#[from] std::io::Error),
}

impl KioskError {
    /// Stable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotSetUp => "not_set_up",
            Self::AlreadySetUp => "already_set_up",
            Self::WeakPin => "weak_pin",
            Self::Vault(e) => e.code(),
            Self::Settings(_) => "storage_error",
        }
    }
}

/// A kiosk: settings in `DATA_DIR/kiosk.json`, the vault in `DATA_DIR/vault/`.
#[derive(Debug)]
pub struct Kiosk {
    data_dir: PathBuf,
    settings: Option<Settings>,
    vault: Option<Vault>,
    /// Per-petition counts, read once from the vault and then kept up by `sign`, so thanking a
    /// signer never waits on a count over the whole index. (This process is the vault's only
    /// writer while the kiosk runs.)
    counts: HashMap<String, u64>,
}

impl Kiosk {
    /// Opens the kiosk's state under `data_dir` (set up or not).
    pub fn open(data_dir: &Path) -> Result<Self, KioskError> {
        let settings = Settings::load(&data_dir.join(settings::FILE))?;
        let vault = match &settings {
            Some(_) => {
                let mut v = Vault::open(&data_dir.join("vault"))?;
                v.prepare()?;
                Some(v)
            }
            None => None,
        };
        Ok(Self {
            data_dir: data_dir.to_owned(),
            settings,
            vault,
            counts: HashMap::new(),
        })
    }

    pub fn is_set_up(&self) -> bool {
        self.settings.is_some()
    }

    /// First run: the organiser's public key (`age1…`) and the operator PIN. Creates the
    /// vault, then saves the settings. A crash in between leaves a vault and no settings; the
    /// next `setup` reuses that vault if it seals to the same key, and refuses a different key
    /// rather than mix two organisers' records in one vault.
    pub fn setup(&mut self, recipient: &str, pin: &str) -> Result<(), KioskError> {
        if self.settings.is_some() {
            return Err(KioskError::AlreadySetUp);
        }
        let pin = PinHash::new(pin).ok_or(KioskError::WeakPin)?;
        let vault_dir = self.data_dir.join("vault");
        let mut vault = match Vault::init(&vault_dir, recipient) {
            Err(VaultError::AlreadyAVault(_)) => {
                // A crash after init and before the settings were saved: reuse it if it seals to
                // the same key, else refuse rather than mix keys.
                let v = Vault::open(&vault_dir)?;
                if v.recipient() != recipient.trim() {
                    return Err(VaultError::AlreadyAVault(vault_dir).into());
                }
                v
            }
            other => other?,
        };
        vault.prepare()?;
        let settings = Settings {
            recipient: recipient.trim().to_owned(),
            pin,
        };
        settings.save(&self.data_dir.join(settings::FILE))?;
        self.settings = Some(settings);
        self.vault = Some(vault);
        Ok(())
    }

    pub fn check_pin(&self, pin: &str) -> bool {
        self.settings.as_ref().is_some_and(|s| s.pin.verify(pin))
    }

    /// Seals and stores one signature for `petition`; returns the petition's new count. When
    /// this returns `Ok`, the signature is durable and the signer may be thanked. Nothing else
    /// happens on this path: the next signature's preparation is [`Kiosk::prepare`]'s job.
    pub fn sign(&mut self, petition: &Petition, input: SignerInput) -> Result<u64, KioskError> {
        let before = self.count(&petition.id)?;
        let vault = self.vault.as_mut().ok_or(KioskError::NotSetUp)?;
        vault.sign(&SignRules::for_petition(petition), input)?;
        self.counts.insert(petition.id.clone(), before + 1);
        Ok(before + 1)
    }

    /// While a signer is busy with the form: the next record's sealing key, and WAL upkeep
    /// (see `Vault::prepare`). Does nothing before set-up.
    pub fn prepare(&mut self) -> Result<(), KioskError> {
        if let Some(vault) = &mut self.vault {
            vault.prepare()?;
        }
        Ok(())
    }

    /// Signatures collected here for `petition_id` (0 before set-up).
    pub fn count(&mut self, petition_id: &str) -> Result<u64, KioskError> {
        let Some(vault) = &self.vault else {
            return Ok(0);
        };
        if let Some(n) = self.counts.get(petition_id) {
            return Ok(*n);
        }
        let n = vault.count(petition_id)?;
        self.counts.insert(petition_id.to_owned(), n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn petition(dir: &Path) -> Petition {
        std::fs::write(dir.join("p.md"), "---\ntitle: T\ntarget_country: US\n---\n").unwrap();
        let pack =
            placard_petition::Pack::load(dir, &placard_petition::Renderer::default()).unwrap();
        pack.get("p").unwrap().original.petition.clone()
    }

    fn signer(email: &str) -> SignerInput {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = email.into();
        s
    }

    const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    #[test]
    fn first_run_then_signing_counts_up_and_survives_reopening() {
        let data = tempfile::tempdir().unwrap();
        let p = petition(data.path());
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        assert!(!kiosk.is_set_up());
        assert_eq!(
            kiosk.sign(&p, signer("a@b.org")).unwrap_err().code(),
            "not_set_up"
        );
        assert_eq!(kiosk.setup(RECIPIENT, "12").unwrap_err().code(), "weak_pin");
        kiosk.setup(RECIPIENT, "2468").unwrap();
        assert_eq!(
            kiosk.setup(RECIPIENT, "2468").unwrap_err().code(),
            "already_set_up"
        );
        assert_eq!(kiosk.sign(&p, signer("a@b.org")).unwrap(), 1);
        assert_eq!(kiosk.sign(&p, signer("b@b.org")).unwrap(), 2);
        let err = kiosk.sign(&p, signer("not-an-email")).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        kiosk.prepare().unwrap();
        drop(kiosk);
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        assert!(kiosk.is_set_up());
        assert_eq!(kiosk.count("p").unwrap(), 2);
        assert!(kiosk.check_pin("2468"));
        assert!(!kiosk.check_pin("2469"));
    }

    #[test]
    fn settings_hold_no_pin_in_clear() {
        let data = tempfile::tempdir().unwrap();
        Kiosk::open(data.path())
            .unwrap()
            .setup(RECIPIENT, "975310")
            .unwrap();
        let text = std::fs::read_to_string(data.path().join(settings::FILE)).unwrap();
        assert!(text.contains(RECIPIENT));
        assert!(!text.contains("975310"), "{text}");
    }
}
