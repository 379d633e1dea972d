//! [`Kiosk`]: the kiosk's writable state — its settings file, its vault, the counts shown on
//! the attract screen and the operator session — with no UI and no network. The app holds one
//! behind a lock in [`crate::KioskApp`]; the CLI opens one directly.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use placard_petition::Petition;
use placard_vault::{SignRules, SignerInput, Vault, VaultError};

use crate::pin::Tries;
use crate::settings::{self, OperatorSettings, Settings};
use crate::{KioskError, PinHash, keys};

/// How often [`Kiosk::purge_due`] looks for signatures to delete.
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// The saved count of wrong PINs. One that cannot be read (which the atomic writes should make
/// impossible) is not taken as "no wrong PINs": the keypad starts shut for the first wait.
fn load_tries(data_dir: &Path) -> Tries {
    Tries::load(data_dir).unwrap_or_else(|e| {
        eprintln!("placard: the count of wrong PINs cannot be read ({e}); the keypad waits");
        Tries::shut_for_first_wait(std::time::SystemTime::now())
    })
}

/// A kiosk: settings in `DATA_DIR/kiosk.json`, the vault in `DATA_DIR/vault/`.
#[derive(Debug)]
pub struct Kiosk {
    pub(crate) data_dir: PathBuf,
    pub(crate) settings: Option<Settings>,
    pub(crate) vault: Option<Vault>,
    /// Per-petition counts, read once from the vault and then kept up by `sign`, so thanking a
    /// signer never waits on a count over the whole index. (Only `sign` adds signatures; the
    /// sync loop and a send run write through their own handles, but only mark records sent.)
    pub(crate) counts: HashMap<String, u64>,
    /// When the operator last acted, while a session is open.
    pub(crate) operator_seen: Option<Instant>,
    /// Wrong PINs and lockouts, as saved in `pin-tries.json`.
    pub(crate) tries: Tries,
    /// The session was opened with a PIN shorter than [`crate::pin::MIN_DIGITS`]: nothing but
    /// choosing a new one is allowed until it is.
    pub(crate) pin_change_due: bool,
    /// When confirmed signatures were last purged (see [`Kiosk::purge_due`]).
    pub(crate) last_purge: Option<Instant>,
    /// The vault seals to another key than the one `kiosk.json` was set up with: whoever could
    /// write the vault file would read every later signer. Signing stops until it is mended.
    pub(crate) recipient_mismatch: bool,
}

impl Kiosk {
    /// Opens the kiosk's state under `data_dir` (set up or not).
    pub fn open(data_dir: &Path) -> Result<Self, KioskError> {
        if data_dir.exists() {
            crate::private::mend(data_dir)?;
        }
        let settings = Settings::load(&data_dir.join(settings::FILE))?;
        let settings_recipient = settings.as_ref().map(|s| s.recipient.clone());
        let vault = match &settings {
            Some(s) => {
                let mut v = Vault::open(&data_dir.join("vault"))?;
                v.set_event(s.operator.event.clone());
                v.prepare()?;
                Some(v)
            }
            None => None,
        };
        let vault_recipient = vault.as_ref().map(|v| v.recipient().to_owned());
        if let (Some(a), Some(b)) = (&settings_recipient, &vault_recipient)
            && a != b
        {
            eprintln!(
                "placard: the vault seals to {b}, but this kiosk was set up for {a}: signing is stopped"
            );
        }
        Ok(Self {
            data_dir: data_dir.to_owned(),
            settings,
            vault,
            counts: HashMap::new(),
            operator_seen: None,
            tries: load_tries(data_dir),
            pin_change_due: false,
            last_purge: None,
            recipient_mismatch: match (&settings_recipient, &vault_recipient) {
                (Some(set_up), Some(sealing)) => set_up != sealing,
                _ => false,
            },
        })
    }

    pub fn is_set_up(&self) -> bool {
        self.settings.is_some()
    }

    /// The operator's settings (defaults before set-up).
    pub fn operator_settings(&self) -> OperatorSettings {
        self.settings
            .as_ref()
            .map(|s| s.operator.clone())
            .unwrap_or_default()
    }

    /// First run: the organiser's public key (`age1…`) and the operator PIN. Creates the
    /// vault, then saves the settings. A crash in between leaves a vault and no settings; the
    /// next `setup` reuses that vault if it seals to the same key, and refuses a different key
    /// rather than mix two organisers' records in one vault.
    pub fn setup(&mut self, recipient: &str, pin: &str) -> Result<(), KioskError> {
        if self.settings.is_some() {
            return Err(KioskError::AlreadySetUp);
        }
        self.setup_hashed(recipient, PinHash::new(pin).ok_or(KioskError::WeakPin)?)
    }

    /// [`Kiosk::setup`] with the PIN already hashed (the app hashes it outside the lock).
    pub(crate) fn setup_hashed(&mut self, recipient: &str, pin: PinHash) -> Result<(), KioskError> {
        if self.settings.is_some() {
            return Err(KioskError::AlreadySetUp);
        }
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
            operator: OperatorSettings::default(),
            collector: None,
        };
        settings.save(&self.data_dir.join(settings::FILE))?;
        // The vault and its key were just created under the process's umask.
        crate::private::mend(&self.data_dir)?;
        self.settings = Some(settings);
        self.vault = Some(vault);
        // The organiser who just chose the PIN is at the kiosk: the set-up continues in the
        // operator panel (pick the pack) without asking for it again.
        self.operator_seen = Some(Instant::now());
        Ok(())
    }

    /// First run, for an organiser without a key: creates one in `dir` (off the kiosk; see
    /// [`keys::create`]) and returns its public half for [`Kiosk::setup`]. Refused once set up.
    pub fn create_organiser_key(
        &self,
        dir: &Path,
        passphrase: &placard_vault::SecretString,
    ) -> Result<keys::CreatedKey, KioskError> {
        if self.is_set_up() {
            return Err(KioskError::AlreadySetUp);
        }
        keys::create(&self.data_dir, dir, passphrase)
    }

    pub fn check_pin(&self, pin: &str) -> bool {
        self.settings.as_ref().is_some_and(|s| s.pin.verify(pin))
    }

    /// Seals and stores one signature for `petition`; returns the petition's new count. When
    /// this returns `Ok`, the signature is durable and the signer may be thanked. Nothing else
    /// happens on this path: the next signature's preparation is [`Kiosk::prepare`]'s job.
    pub fn sign(&mut self, petition: &Petition, input: SignerInput) -> Result<u64, KioskError> {
        self.sign_under(&SignRules::for_petition(petition), input)
    }

    /// As [`Kiosk::sign`], under `rules` (the petition's, with the privacy notice the signer
    /// was shown: see `KioskApp::sign`).
    pub fn sign_under(&mut self, rules: &SignRules, input: SignerInput) -> Result<u64, KioskError> {
        self.seal_and_count(rules, input, Vault::sign)
    }

    /// As [`Kiosk::sign_under`], for a paper sheet an operator types in (clipboard mode): needs
    /// an open operator session at `now`, and the record's source is `paper`.
    pub fn sign_paper_under(
        &mut self,
        rules: &SignRules,
        input: SignerInput,
        now: Instant,
    ) -> Result<u64, KioskError> {
        self.require_operator(now)?;
        self.seal_and_count(rules, input, Vault::sign_paper)
    }

    /// Seals with `seal` (a signer's or a paper sheet's) unless the vault seals to another key
    /// than the kiosk was set up with; returns the petition's new count.
    fn seal_and_count(
        &mut self,
        rules: &SignRules,
        input: SignerInput,
        seal: fn(&mut Vault, &SignRules, SignerInput) -> Result<uuid::Uuid, VaultError>,
    ) -> Result<u64, KioskError> {
        if self.recipient_mismatch {
            return Err(KioskError::RecipientMismatch);
        }
        let before = self.count(&rules.petition_id)?;
        let vault = self.vault.as_mut().ok_or(KioskError::NotSetUp)?;
        seal(vault, rules, input)?;
        self.counts.insert(rules.petition_id.clone(), before + 1);
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

    /// Deletes the signatures the organisation confirmed more than the operator's retention
    /// time ago (`retention_hours`), at most once every [`PURGE_EVERY`]; returns how many went.
    /// Called between signers (the attract screen, the form opening), never on the signing
    /// path. `wall` is the time now (passed in, so tests need no waiting).
    pub fn purge_due(
        &mut self,
        now: Instant,
        wall: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, KioskError> {
        if self
            .last_purge
            .is_some_and(|last| now.saturating_duration_since(last) < PURGE_EVERY)
        {
            return Ok(0);
        }
        let hours = i64::from(self.operator_settings().retention_hours);
        let Some(vault) = &mut self.vault else {
            return Ok(0);
        };
        self.last_purge = Some(now);
        Ok(vault.purge_confirmed(wall - chrono::Duration::hours(hours))?)
    }

    /// The organiser's key this kiosk seals to, short (`age1abcdef…uvwxyz`), for the panel: an
    /// organiser recognises their own key, and a swapped one shows.
    pub fn recipient_fingerprint(&self) -> Option<String> {
        let r = self.vault.as_ref()?.recipient();
        let n = r.chars().count();
        Some(if n > 16 {
            let head: String = r.chars().take(10).collect();
            let tail: String = r.chars().skip(n - 6).collect();
            format!("{head}…{tail}")
        } else {
            r.to_owned()
        })
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
pub(crate) mod tests {
    use super::*;

    pub(crate) fn petition(dir: &Path) -> Petition {
        std::fs::write(dir.join("p.md"), "---\ntitle: T\ntarget_country: US\n---\n").unwrap();
        let pack =
            placard_petition::Pack::load(dir, &placard_petition::Renderer::default()).unwrap();
        pack.get("p").unwrap().original.petition.clone()
    }

    pub(crate) fn signer(email: &str) -> SignerInput {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = email.into();
        s
    }

    pub(crate) const RECIPIENT: &str =
        "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    /// The attack: whoever can write the vault file puts their own key in its `meta`, and every
    /// later signer is sealed to them. Before, nothing compared it with `kiosk.json`.
    #[test]
    fn a_vault_that_seals_to_another_key_stops_signing() {
        let data = tempfile::tempdir().unwrap();
        let p = petition(data.path());
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        kiosk.setup(RECIPIENT, "246813").unwrap();
        assert_eq!(kiosk.sign(&p, signer("a@b.org")).unwrap(), 1);
        let ours = kiosk.recipient_fingerprint().unwrap();
        assert!(
            ours.starts_with("age1ql3z7h") && ours.ends_with("mcac8p"),
            "{ours}"
        );
        drop(kiosk);

        let theirs = placard_vault::OrganiserKey::generate().recipient();
        let vault = Vault::open(&data.path().join("vault")).unwrap();
        vault
            .connection_for_tests()
            .execute(
                "UPDATE meta SET value = ?1 WHERE key = 'recipient'",
                [&theirs],
            )
            .unwrap();
        drop(vault);

        let mut kiosk = Kiosk::open(data.path()).unwrap();
        let e = kiosk.sign(&p, signer("b@b.org")).unwrap_err();
        assert_eq!(e.code(), "recipient_mismatch");
        assert_eq!(kiosk.count("p").unwrap(), 1, "nothing sealed to their key");
        // The panel shows the key the vault now seals to: not the organiser's.
        assert!(
            kiosk
                .recipient_fingerprint()
                .unwrap()
                .starts_with(&theirs[..10])
        );
    }

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
        for weak in ["12", "2468", "24681", "24681a"] {
            assert_eq!(kiosk.setup(RECIPIENT, weak).unwrap_err().code(), "weak_pin");
        }
        kiosk.setup(RECIPIENT, "246813").unwrap();
        assert_eq!(
            kiosk.setup(RECIPIENT, "246813").unwrap_err().code(),
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
        assert!(kiosk.check_pin("246813"));
        assert!(!kiosk.check_pin("246814"));
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
