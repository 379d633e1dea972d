//! The kiosk's own state, with no UI: its settings file, the operator PIN and session, and
//! signing a petition through the vault. The Tauri shell holds one [`Kiosk`] and calls it.

pub mod keys;
pub mod packs;
mod pin;
pub mod qr;
pub mod send;
mod settings;
pub mod uplink;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use placard_petition::Petition;
use placard_vault::{SignRules, SignerInput, Stats, Vault, VaultError};

pub use pin::PinHash;
pub use placard_vault::Event;
pub use settings::{OperatorSettings, SECONDS_RANGE, Settings};

/// Wrong PINs allowed in a row before the keypad is refused for [`LOCKOUT`].
pub const PIN_ATTEMPTS: u32 = 5;
/// How long the keypad is refused after [`PIN_ATTEMPTS`] wrong PINs: long enough to make
/// guessing a 4-digit PIN take weeks, short enough that a volunteer who fumbled can retry.
pub const LOCKOUT: Duration = Duration::from_secs(60);
/// An operator session ends after this long without an operator action, so a panel left open
/// does not stay open for the next passer-by.
pub const OPERATOR_IDLE: Duration = Duration::from_secs(300);

#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    #[error("this kiosk is not set up yet")]
    NotSetUp,
    #[error("this kiosk is set up already")]
    AlreadySetUp,
    #[error("the operator PIN must be 4 to 12 digits")]
    WeakPin,
    #[error("wrong PIN")]
    WrongPin,
    #[error("too many wrong PINs; try again in {seconds} s")]
    PinLockedOut { seconds: u64 },
    #[error("the operator panel is locked: enter the PIN")]
    OperatorOnly,
    #[error("{0}")]
    BadSetting(String),
    #[error("the passphrase must be at least {} characters", keys::MIN_PASSPHRASE)]
    WeakPassphrase,
    #[error("the organiser key must be saved off this kiosk (a USB stick), not in its data folder")]
    KeyOnKiosk,
    #[error("that folder already holds an organiser key; choose another")]
    KeyExists,
    #[error("not a collector address: {0}")]
    BadCollectorUrl(String),
    #[error("the collector cannot be reached: {0}")]
    CollectorUnreachable(String),
    #[error("the collector refused the enrolment: {0}")]
    EnrolRefused(String),
    #[error("sync: {0}")]
    Sync(String),
    #[error("the petition pack was not taken in: {0}")]
    BadPack(String),
    #[error("Action Network refused the API key")]
    BadToken,
    #[error("Action Network cannot be reached: {0}")]
    ActionNetworkUnreachable(String),
    #[error("sending failed: {0}")]
    SendFailed(String),
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
            Self::WrongPin => "wrong_pin",
            Self::PinLockedOut { .. } => "pin_locked_out",
            Self::OperatorOnly => "operator_only",
            Self::BadSetting(_) => "bad_setting",
            Self::WeakPassphrase => "weak_passphrase",
            Self::KeyOnKiosk => "key_on_kiosk",
            Self::KeyExists => "key_exists",
            Self::BadCollectorUrl(_) => "bad_collector_url",
            Self::CollectorUnreachable(_) => "collector_unreachable",
            Self::EnrolRefused(_) => "enrol_refused",
            Self::Sync(_) => "sync_error",
            Self::BadPack(_) => "bad_pack",
            Self::BadToken => "bad_token",
            Self::ActionNetworkUnreachable(_) => "action_network_unreachable",
            Self::SendFailed(_) => "send_failed",
            Self::Vault(e) => e.code(),
            Self::Settings(_) => "storage_error",
        }
    }
}

/// Hours the operator panel's chart covers: a long day at an event.
pub const CHART_HOURS: u32 = 12;

/// What the operator panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub stats: Stats,
    /// Oldest first; the last entry is the current hour.
    pub last_hours: Vec<HourTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourTotal {
    /// The hour's start, UTC, RFC 3339 (`2026-11-22T16:00:00Z`); the UI shows it in local time.
    pub start: String,
    pub count: u64,
}

/// Signatures per hour (all petitions) for the `n` hours ending with the one `now` is in.
pub fn last_hours(stats: &Stats, now: DateTime<Utc>, n: u32) -> Vec<HourTotal> {
    let this_hour = now.format("%Y-%m-%dT%H").to_string();
    let Ok(this_hour) =
        chrono::NaiveDateTime::parse_from_str(&format!("{this_hour}:00"), "%Y-%m-%dT%H:%M")
    else {
        return Vec::new();
    };
    (0..n)
        .rev()
        .map(|back| {
            let start = this_hour - chrono::Duration::hours(i64::from(back));
            let key = start.format("%Y-%m-%dT%H").to_string();
            HourTotal {
                start: start.format("%Y-%m-%dT%H:00:00Z").to_string(),
                count: stats
                    .by_hour
                    .iter()
                    .filter(|h| h.hour == key)
                    .map(|h| h.count)
                    .sum(),
            }
        })
        .collect()
}

/// A kiosk: settings in `DATA_DIR/kiosk.json`, the vault in `DATA_DIR/vault/`.
#[derive(Debug)]
pub struct Kiosk {
    data_dir: PathBuf,
    settings: Option<Settings>,
    vault: Option<Vault>,
    /// Per-petition counts, read once from the vault and then kept up by `sign`, so thanking a
    /// signer never waits on a count over the whole index. (Only `sign` adds signatures; the
    /// sync loop and a send run write through their own handles, but only mark records sent.)
    counts: HashMap<String, u64>,
    /// When the operator last acted, while a session is open.
    operator_seen: Option<Instant>,
    wrong_pins: u32,
    locked_out_until: Option<Instant>,
}

impl Kiosk {
    /// Opens the kiosk's state under `data_dir` (set up or not).
    pub fn open(data_dir: &Path) -> Result<Self, KioskError> {
        let settings = Settings::load(&data_dir.join(settings::FILE))?;
        let vault = match &settings {
            Some(s) => {
                let mut v = Vault::open(&data_dir.join("vault"))?;
                v.set_event(s.operator.event.clone());
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
            operator_seen: None,
            wrong_pins: 0,
            locked_out_until: None,
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
            operator: OperatorSettings::default(),
            collector: None,
        };
        settings.save(&self.data_dir.join(settings::FILE))?;
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

    /// Opens an operator session if `pin` is right. After [`PIN_ATTEMPTS`] wrong PINs in a row
    /// the keypad is refused for [`LOCKOUT`] (right PINs included), so it cannot be guessed
    /// between two signers.
    pub fn operator_unlock(&mut self, pin: &str, now: Instant) -> Result<(), KioskError> {
        let settings = self.settings.as_ref().ok_or(KioskError::NotSetUp)?;
        if let Some(until) = self.locked_out_until {
            if now < until {
                let left = until.saturating_duration_since(now).as_secs_f64().ceil();
                return Err(KioskError::PinLockedOut {
                    seconds: left as u64,
                });
            }
            self.locked_out_until = None;
        }
        if settings.pin.verify(pin) {
            self.wrong_pins = 0;
            self.operator_seen = Some(now);
            Ok(())
        } else {
            self.wrong_pins += 1;
            if self.wrong_pins >= PIN_ATTEMPTS {
                self.wrong_pins = 0;
                self.locked_out_until = Some(now + LOCKOUT);
            }
            Err(KioskError::WrongPin)
        }
    }

    /// Ends the operator session (the panel's "Lock" and closing the panel).
    pub fn operator_lock(&mut self) {
        self.operator_seen = None;
    }

    /// Whether an operator session is open at `now`; an action keeps it open.
    pub fn is_operator(&self, now: Instant) -> bool {
        self.operator_seen
            .is_some_and(|seen| now.saturating_duration_since(seen) < OPERATOR_IDLE)
    }

    /// `Ok` (and the session kept open) when an operator is in; else `operator_only`.
    pub fn require_operator(&mut self, now: Instant) -> Result<(), KioskError> {
        if self.is_operator(now) {
            self.operator_seen = Some(now);
            Ok(())
        } else {
            self.operator_seen = None;
            Err(KioskError::OperatorOnly)
        }
    }

    /// Whether the window may close: before set-up (there is no PIN to unlock with yet), when
    /// the kiosk lock is off, or while an operator is in.
    pub fn may_close(&self, now: Instant) -> bool {
        !self.is_set_up() || !self.operator_settings().locked || self.is_operator(now)
    }

    /// Counts by petition and hour, for the operator panel (no key needed: nothing is opened).
    pub fn stats(&mut self, now: Instant) -> Result<Stats, KioskError> {
        self.require_operator(now)?;
        let vault = self.vault.as_ref().ok_or(KioskError::NotSetUp)?;
        Ok(vault.stats()?)
    }

    /// The operator panel's figures: the counts, and signatures in each of the last
    /// [`CHART_HOURS`] hours (empty hours included, so the chart has no gaps).
    pub fn overview(&mut self, now: Instant) -> Result<Overview, KioskError> {
        let stats = self.stats(now)?;
        let last_hours = last_hours(&stats, Utc::now(), CHART_HOURS);
        Ok(Overview { stats, last_hours })
    }

    /// Saves what the operator panel set. `packs` are the packs there are; `known` says which
    /// petition ids exist in the chosen one, so a typo cannot leave the attract screen with
    /// nothing to show.
    pub fn configure(
        &mut self,
        new: OperatorSettings,
        packs: &[packs::PackSource],
        known: impl Fn(&str) -> bool,
        now: Instant,
    ) -> Result<OperatorSettings, KioskError> {
        self.require_operator(now)?;
        let new = new.normalised().map_err(KioskError::BadSetting)?;
        if let Some(p) = &new.pack
            && !packs.iter().any(|s| &s.id == p)
        {
            return Err(KioskError::BadSetting(format!(
                "no pack `{p}` on this kiosk"
            )));
        }
        if let Some(bad) = new.active.iter().find(|id| !known(id)) {
            return Err(KioskError::BadSetting(format!(
                "no petition `{bad}` in this pack"
            )));
        }
        let settings = self.settings.as_mut().ok_or(KioskError::NotSetUp)?;
        let mut updated = settings.clone();
        updated.operator = new.clone();
        updated.save(&self.data_dir.join(settings::FILE))?;
        *settings = updated;
        if let Some(vault) = &mut self.vault {
            vault.set_event(new.event.clone());
        }
        Ok(new)
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

    #[test]
    fn the_chart_covers_every_hour_and_counts_across_petitions() {
        let hour = |h: &str, p: &str, count| placard_vault::HourCount {
            hour: h.into(),
            petition_id: p.into(),
            count,
        };
        let stats = Stats {
            by_hour: vec![
                hour("2026-11-22T06", "a", 4), // before the window
                hour("2026-11-22T07", "a", 9), // its first hour
                hour("2026-11-22T14", "a", 2),
                hour("2026-11-22T14", "b", 3),
                hour("2026-11-22T18", "a", 1),
            ],
            ..Stats::default()
        };
        let now = DateTime::parse_from_rfc3339("2026-11-22T18:40:00Z")
            .unwrap()
            .to_utc();
        let hours = last_hours(&stats, now, 12);
        assert_eq!(hours.len(), 12);
        assert_eq!(hours[0].start, "2026-11-22T07:00:00Z");
        assert_eq!(hours[11].start, "2026-11-22T18:00:00Z");
        let counts: Vec<u64> = hours.iter().map(|h| h.count).collect();
        assert_eq!(counts, [9, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1]);
        // Across midnight.
        let now = DateTime::parse_from_rfc3339("2026-11-23T01:05:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(last_hours(&stats, now, 3)[0].start, "2026-11-22T23:00:00Z");
    }

    #[test]
    fn the_operator_panel_needs_the_pin_and_guessing_is_slowed() {
        let data = tempfile::tempdir().unwrap();
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        let t0 = Instant::now();
        assert_eq!(
            kiosk.operator_unlock("2468", t0).unwrap_err().code(),
            "not_set_up"
        );
        kiosk.setup(RECIPIENT, "2468").unwrap();
        kiosk.operator_lock();
        assert!(!kiosk.may_close(t0), "locked by default");
        assert_eq!(kiosk.stats(t0).unwrap_err().code(), "operator_only");

        for _ in 0..PIN_ATTEMPTS {
            assert_eq!(
                kiosk.operator_unlock("1111", t0).unwrap_err().code(),
                "wrong_pin"
            );
        }
        // Locked out now, even with the right PIN.
        let e = kiosk
            .operator_unlock("2468", t0 + Duration::from_secs(1))
            .unwrap_err();
        assert_eq!(e.code(), "pin_locked_out");
        assert!(
            matches!(e, KioskError::PinLockedOut { seconds: 59 }),
            "{e:?}"
        );
        let later = t0 + LOCKOUT + Duration::from_secs(1);
        kiosk.operator_unlock("2468", later).unwrap();
        assert!(kiosk.is_operator(later) && kiosk.may_close(later));
        assert_eq!(kiosk.stats(later).unwrap().total, 0);

        // The session lapses when left alone, and "Lock" ends it at once.
        let idle = later + OPERATOR_IDLE + Duration::from_secs(1);
        assert_eq!(kiosk.stats(idle).unwrap_err().code(), "operator_only");
        kiosk.operator_unlock("2468", idle).unwrap();
        kiosk.operator_lock();
        assert!(!kiosk.is_operator(idle));
    }

    #[test]
    fn operator_settings_are_checked_saved_and_stamp_the_event() {
        let data = tempfile::tempdir().unwrap();
        let p = petition(data.path());
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        kiosk.setup(RECIPIENT, "2468").unwrap();
        kiosk.operator_lock();
        let now = Instant::now();
        let known = |id: &str| id == "p";
        let s = OperatorSettings {
            active: vec!["p".into()],
            event: Event {
                name: "  Rally  ".into(),
                tags: vec!["rally".into(), " rally ".into(), "".into(), "dc".into()],
            },
            locked: false,
            ..OperatorSettings::default()
        };
        assert_eq!(
            kiosk
                .configure(s.clone(), &[], known, now)
                .unwrap_err()
                .code(),
            "operator_only"
        );
        kiosk.operator_unlock("2468", now).unwrap();
        let saved = kiosk.configure(s.clone(), &[], known, now).unwrap();
        assert_eq!(saved.event.name, "Rally");
        assert_eq!(saved.event.tags, ["rally", "dc"]);

        let mut typo = s.clone();
        typo.active = vec!["nope".into()];
        assert_eq!(
            kiosk.configure(typo, &[], known, now).unwrap_err().code(),
            "bad_setting"
        );
        let mut short = s.clone();
        short.idle_seconds = 1;
        assert_eq!(
            kiosk.configure(short, &[], known, now).unwrap_err().code(),
            "bad_setting"
        );

        kiosk.sign(&p, signer("a@b.org")).unwrap();
        let overview = kiosk.overview(now).unwrap();
        assert_eq!(overview.stats.total, 1);
        assert_eq!(overview.last_hours.len(), CHART_HOURS as usize);
        assert_eq!(overview.last_hours.last().unwrap().count, 1);
        assert_eq!(overview.last_hours.iter().map(|h| h.count).sum::<u64>(), 1);
        drop(kiosk);
        let kiosk = Kiosk::open(data.path()).unwrap();
        assert_eq!(kiosk.operator_settings(), saved, "saved across restarts");
        assert!(kiosk.may_close(Instant::now()), "unlocked by the operator");
    }
}
