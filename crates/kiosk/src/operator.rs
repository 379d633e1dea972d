//! The operator session: the PIN pad, the lockout after wrong PINs, the session that lapses
//! when left alone, and what only an operator may see or change (counts, settings). Every
//! operator call checks the session here, in Rust, so the UI cannot skip the PIN. Time is passed
//! in, so the tests need no sleeping.

use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, Utc};
use placard_vault::Stats;

use std::sync::Arc;

use crate::packs;
use crate::settings::{self, OperatorSettings};
use crate::shown::LoadedPack;
use crate::{Kiosk, KioskApp, KioskError, PinHash, Status, pin};

/// An operator session ends after this long without an operator action, so a panel left open
/// does not stay open for the next passer-by.
pub const OPERATOR_IDLE: Duration = Duration::from_secs(300);

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

/// What a right PIN opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unlocked {
    /// The PIN is shorter than [`pin::MIN_DIGITS`] (set up before the minimum rose): the
    /// session allows nothing but [`KioskApp::operator_set_pin`] until a new one is chosen.
    pub change_pin: bool,
}

impl Kiosk {
    /// Opens an operator session if `pin` is right. After [`pin::ATTEMPTS`] wrong PINs in a
    /// row the keypad is refused (right PINs included) for a wait that doubles with each
    /// lockout, up to an hour; the count is saved, so a restart does not reset it. `now` times
    /// the session, `wall` the lockout (which must outlive the process).
    pub fn operator_unlock(
        &mut self,
        pin: &str,
        now: Instant,
        wall: SystemTime,
    ) -> Result<Unlocked, KioskError> {
        let hash = self.pin_gate(wall)?;
        let right = hash.verify(pin);
        self.pin_tried(right, pin.len() < pin::MIN_DIGITS, now, wall)
    }

    /// The first half of an unlock: refused while locked out; else the try is counted (and
    /// saved) before the PIN is checked, and the PIN's hash returned to check (which takes a
    /// while: the app checks it outside the kiosk's lock).
    pub(crate) fn pin_gate(&mut self, wall: SystemTime) -> Result<PinHash, KioskError> {
        let hash = self
            .settings
            .as_ref()
            .ok_or(KioskError::NotSetUp)?
            .pin
            .clone();
        if let Some(wait) = self.tries.wait(wall) {
            return Err(KioskError::PinLockedOut {
                seconds: wait.as_secs().max(1),
            });
        }
        self.tries.start(wall);
        self.tries.save(&self.data_dir)?;
        Ok(hash)
    }

    /// The second half: the session opens on a right PIN (and the count is cleared); a wrong
    /// one may start the next lockout.
    pub(crate) fn pin_tried(
        &mut self,
        right: bool,
        short: bool,
        now: Instant,
        wall: SystemTime,
    ) -> Result<Unlocked, KioskError> {
        self.tries.settle(right, wall);
        self.tries.save(&self.data_dir)?;
        if !right {
            // The try that shut the keypad says so at once, with the wait.
            return Err(match self.tries.wait(wall) {
                Some(wait) => KioskError::PinLockedOut {
                    seconds: wait.as_secs(),
                },
                None => KioskError::WrongPin,
            });
        }
        self.operator_seen = Some(now);
        self.pin_change_due = short;
        Ok(Unlocked { change_pin: short })
    }

    /// Replaces the operator PIN; needs an open session (one opened by a too-short PIN will do:
    /// this is what it is for).
    pub(crate) fn set_pin_hashed(&mut self, hash: PinHash, now: Instant) -> Result<(), KioskError> {
        if !self.session_open(now) {
            return Err(KioskError::OperatorOnly);
        }
        let settings = self.settings.as_mut().ok_or(KioskError::NotSetUp)?;
        let mut updated = settings.clone();
        updated.pin = hash;
        updated.save(&self.data_dir.join(settings::FILE))?;
        *settings = updated;
        self.pin_change_due = false;
        self.operator_seen = Some(now);
        Ok(())
    }

    /// Ends the operator session (the panel's "Lock" and closing the panel).
    pub fn operator_lock(&mut self) {
        self.operator_seen = None;
        self.pin_change_due = false;
    }

    /// A right PIN was typed and the session has not lapsed (it may still be waiting for a new
    /// PIN).
    fn session_open(&self, now: Instant) -> bool {
        self.operator_seen
            .is_some_and(|seen| now.saturating_duration_since(seen) < OPERATOR_IDLE)
    }

    /// Whether an operator session is open at `now`, with a PIN that is long enough.
    pub fn is_operator(&self, now: Instant) -> bool {
        self.session_open(now) && !self.pin_change_due
    }

    /// `Ok` (and the session kept open) when an operator is in; `pin_change_required` when the
    /// session waits for a new PIN; else `operator_only`.
    pub fn require_operator(&mut self, now: Instant) -> Result<(), KioskError> {
        if !self.session_open(now) {
            self.operator_seen = None;
            return Err(KioskError::OperatorOnly);
        }
        if self.pin_change_due {
            return Err(KioskError::PinChangeRequired);
        }
        self.operator_seen = Some(now);
        Ok(())
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
}

/// The operator panel: settings, counts, the hourly chart, the pack on show and the packs to
/// choose from, and the sync loop's state.
#[derive(Debug, Clone)]
pub struct Panel {
    /// The settings, with the pack on show as the pack chosen.
    pub settings: OperatorSettings,
    pub overview: Overview,
    /// Each petition of the pack on show with its count here.
    pub petitions: Vec<PetitionTally>,
    pub packs: Vec<packs::PackSource>,
    pub sync: crate::uplink::SyncStatus,
    /// The organiser's key the vault seals to, short (see [`Kiosk::recipient_fingerprint`]).
    pub recipient: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionTally {
    pub id: String,
    pub title: String,
    pub published: bool,
    pub count: u64,
}

impl KioskApp {
    /// Opens the operator panel if the PIN is right (`wrong_pin`, `pin_locked_out` otherwise).
    /// The PIN's hash (PBKDF2, some tens of milliseconds) is checked on a blocking thread,
    /// outside the kiosk's lock; attempts are taken one at a time, so none slips past the
    /// lockout while another is being checked.
    pub async fn operator_unlock(&self, pin: String) -> Result<Unlocked, KioskError> {
        let _one_at_a_time = self.pin_attempts().lock().await;
        let hash = self.with(|k| k.pin_gate(SystemTime::now()))?;
        let short = pin.len() < pin::MIN_DIGITS;
        let right = tokio::task::spawn_blocking(move || hash.verify(&pin)).await?;
        self.with(|k| k.pin_tried(right, short, Instant::now(), SystemTime::now()))
    }

    /// Sets a new operator PIN ([`pin::MIN_DIGITS`] to [`pin::MAX_DIGITS`] digits; `weak_pin`
    /// otherwise). Needs an open session, and is the only thing a session opened by a
    /// too-short PIN allows. Hashed on a blocking thread, outside the kiosk's lock.
    pub async fn operator_set_pin(&self, pin: String) -> Result<(), KioskError> {
        self.with(|k| {
            if k.session_open(Instant::now()) {
                Ok(())
            } else {
                Err(KioskError::OperatorOnly)
            }
        })?;
        let hash = tokio::task::spawn_blocking(move || PinHash::new(&pin)).await?;
        let hash = hash.ok_or(KioskError::WeakPin)?;
        self.with(|k| k.set_pin_hashed(hash, Instant::now()))
    }

    /// Closes the operator session. A send run holds opened records: it stops with it.
    pub fn operator_lock(&self) -> Result<(), KioskError> {
        self.sending().cancel();
        self.with(|k| {
            k.operator_lock();
            Ok(())
        })
    }

    /// `Ok` while an operator is in (the session kept open); else `operator_only`. For actions
    /// the shell itself carries out (quitting the app).
    pub fn require_operator(&self) -> Result<(), KioskError> {
        self.with(|k| k.require_operator(Instant::now()))
    }

    /// The operator panel's figures (`operator_only` without the PIN).
    pub fn operator_panel(&self) -> Result<Panel, KioskError> {
        let shown = self.shown();
        let (mut settings, overview, recipient) = self.with(|k| {
            Ok((
                k.operator_settings(),
                k.overview(Instant::now())?,
                k.recipient_fingerprint(),
            ))
        })?;
        settings.pack = Some(shown.source.clone());
        let by_id = |id: &str| {
            overview
                .stats
                .by_petition
                .iter()
                .find(|p| p.petition_id == id)
                .map_or(0, |p| p.pending + p.sent)
        };
        let petitions = shown
            .pack()
            .into_iter()
            .flat_map(|p| p.petitions())
            .map(|e| PetitionTally {
                id: e.id().to_owned(),
                title: e.original.petition.title.clone(),
                published: e.original.petition.published,
                count: by_id(e.id()),
            })
            .collect();
        Ok(Panel {
            settings,
            petitions,
            overview,
            packs: self.places().available_packs(),
            sync: self.uplink().status(),
            recipient,
        })
    }

    /// Saves the operator panel's settings: loads the chosen pack (the active petitions are
    /// checked against it) and swaps it in. Returns the new status; the window applies its
    /// kiosk lock.
    pub fn configure(&self, new: OperatorSettings) -> Result<Status, KioskError> {
        let sources = self.places().available_packs();
        let current = self.shown();
        // Loading a pack reads files: done before taking the kiosk's lock, and only on a change.
        let next = match new.pack.as_deref() {
            Some(id) if id != current.source => sources
                .iter()
                .find(|s| s.id == id)
                .map(|s| Arc::new(LoadedPack::from_source(s))),
            _ => None,
        };
        let shown = next.as_ref().unwrap_or(&current);
        let saved = self
            .with(|k| k.configure(new, &sources, |id| shown.entry(id).is_ok(), Instant::now()))?;
        let status = Status::new(true, saved, shown);
        if let Some(next) = next {
            self.replace_shown(next);
        }
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Event;
    use crate::kiosk::tests::{RECIPIENT, petition, signer};

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

    const PIN: &str = "246813";

    #[test]
    fn the_operator_panel_needs_the_pin_and_guessing_is_slowed_more_each_time() {
        let data = tempfile::tempdir().unwrap();
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        let t0 = Instant::now();
        let w0 = SystemTime::now();
        assert_eq!(
            kiosk.operator_unlock(PIN, t0, w0).unwrap_err().code(),
            "not_set_up"
        );
        kiosk.setup(RECIPIENT, PIN).unwrap();
        kiosk.operator_lock();
        assert!(!kiosk.may_close(t0), "locked by default");
        assert_eq!(kiosk.stats(t0).unwrap_err().code(), "operator_only");

        // Each round of wrong PINs shuts the keypad for twice as long, even to the right PIN.
        let mut wall = w0;
        for round in 1..=3u32 {
            let wait = pin::wait_after(round);
            for n in 1..=pin::ATTEMPTS {
                let e = kiosk.operator_unlock("111111", t0, wall).unwrap_err();
                if n < pin::ATTEMPTS {
                    assert_eq!(e.code(), "wrong_pin");
                } else {
                    // The try that shuts the keypad says so, with the whole wait.
                    assert_eq!(e.code(), "pin_locked_out");
                    assert_eq!(e.retry_after_seconds(), Some(wait.as_secs()));
                }
            }
            assert_eq!(wait.as_secs(), 60 << (round - 1));
            let e = kiosk
                .operator_unlock(PIN, t0, wall + Duration::from_secs(1))
                .unwrap_err();
            assert_eq!(e.code(), "pin_locked_out");
            assert_eq!(e.retry_after_seconds(), Some(wait.as_secs() - 1), "{e:?}");
            // A restart does not reset the count (the app's test does the same over IPC).
            kiosk = Kiosk::open(data.path()).unwrap();
            let e = kiosk
                .operator_unlock(PIN, t0, wall + wait - Duration::from_secs(1))
                .unwrap_err();
            assert_eq!(e.code(), "pin_locked_out", "round {round} after a restart");
            wall += wait;
        }
        let later = t0 + Duration::from_secs(1);
        let unlocked = kiosk.operator_unlock(PIN, later, wall).unwrap();
        assert!(!unlocked.change_pin);
        assert!(kiosk.is_operator(later) && kiosk.may_close(later));
        assert_eq!(kiosk.stats(later).unwrap().total, 0);
        // The right PIN cleared the count: the next wrong one starts from the first wait.
        assert_eq!(kiosk.tries, pin::Tries::default());

        // The session lapses when left alone, and "Lock" ends it at once.
        let idle = later + OPERATOR_IDLE + Duration::from_secs(1);
        assert_eq!(kiosk.stats(idle).unwrap_err().code(), "operator_only");
        kiosk.operator_unlock(PIN, idle, wall).unwrap();
        kiosk.operator_lock();
        assert!(!kiosk.is_operator(idle));
    }

    #[test]
    fn a_kiosk_set_up_with_four_digits_must_choose_a_new_pin_before_anything_else() {
        let data = tempfile::tempdir().unwrap();
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        kiosk.setup(RECIPIENT, PIN).unwrap();
        // As an older version saved it: a four-digit PIN's hash.
        let old = PinHash::new("123456").unwrap();
        let json = serde_json::to_value(&old).unwrap();
        let short: PinHash = serde_json::from_value(serde_json::json!({
            "salt": json["salt"],
            "iterations": 1000,
            "hash": derive_for_test(&json["salt"], "2468"),
        }))
        .unwrap();
        kiosk.set_pin_hashed(short, Instant::now()).unwrap();
        kiosk.operator_lock();
        drop(kiosk);

        let mut kiosk = Kiosk::open(data.path()).unwrap();
        let now = Instant::now();
        let unlocked = kiosk
            .operator_unlock("2468", now, SystemTime::now())
            .unwrap();
        assert!(unlocked.change_pin);
        assert_eq!(kiosk.stats(now).unwrap_err().code(), "pin_change_required");
        assert!(!kiosk.may_close(now), "nothing but a new PIN");
        kiosk
            .set_pin_hashed(PinHash::new("97531864").unwrap(), now)
            .unwrap();
        assert_eq!(kiosk.stats(now).unwrap().total, 0);
        drop(kiosk);
        let kiosk = Kiosk::open(data.path()).unwrap();
        assert!(kiosk.check_pin("97531864") && !kiosk.check_pin("2468"));
    }

    fn derive_for_test(salt: &serde_json::Value, pin: &str) -> Vec<u8> {
        let salt: Vec<u8> = serde_json::from_value(salt.clone()).unwrap();
        let mut h = vec![0u8; 32];
        ring::pbkdf2::derive(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            std::num::NonZeroU32::new(1000).unwrap(),
            &salt,
            pin.as_bytes(),
            &mut h,
        );
        h
    }

    #[test]
    fn operator_settings_are_checked_saved_and_stamp_the_event() {
        let data = tempfile::tempdir().unwrap();
        let p = petition(data.path());
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        kiosk.setup(RECIPIENT, PIN).unwrap();
        kiosk.operator_lock();
        let now = Instant::now();
        let known = |id: &str| id == "p";
        let s = OperatorSettings {
            active: vec!["p".into()],
            event: Event {
                name: "  Rally  ".into(),
                tags: vec!["rally".into(), " rally ".into(), "".into(), "dc".into()],
                source: "  ".into(),
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
        kiosk.operator_unlock(PIN, now, SystemTime::now()).unwrap();
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
        // Clipboard mode is the operator's: without the session, no paper entry is taken.
        let rules = placard_vault::SignRules::for_petition(&p);
        kiosk
            .sign_paper_under(&rules, signer("c@d.org"), now)
            .unwrap();
        kiosk.operator_lock();
        assert_eq!(
            kiosk
                .sign_paper_under(&rules, signer("e@f.org"), now)
                .unwrap_err()
                .code(),
            "operator_only"
        );
        assert_eq!(kiosk.overview(now).unwrap_err().code(), "operator_only");
        kiosk.operator_unlock(PIN, now, SystemTime::now()).unwrap();
        assert_eq!(kiosk.overview(now).unwrap().stats.total, 2);
        drop(kiosk);
        let kiosk = Kiosk::open(data.path()).unwrap();
        assert_eq!(kiosk.operator_settings(), saved, "saved across restarts");
        assert!(kiosk.may_close(Instant::now()), "unlocked by the operator");
    }
}
