//! The operator panel: the PIN, the settings, the counts and chart, leaving the kiosk.

use placard_kiosk_core::packs::PackSource;
use placard_kiosk_core::{HourTotal, OperatorSettings, Panel, PetitionTally as Tally};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::command::commands;
use crate::count;
use crate::showing::KioskStatus;
use crate::uplink::SyncView;

commands! {
    /// Opens the operator panel if the PIN is right (`wrong_pin`, `pin_locked_out` otherwise).
    /// A PIN shorter than six digits opens a session that only allows `operator_set_pin`.
    fn operator_unlock[window, kiosk](pin: String) -> Unlocked {
        Ok(kiosk.operator_unlock(pin).await?.into())
    }

    /// Sets a new operator PIN, 6 to 12 digits (`weak_pin` otherwise); needs the PIN first.
    fn operator_set_pin[window, kiosk](pin: String) -> () {
        Ok(kiosk.operator_set_pin(pin).await?)
    }

    /// Closes the operator session (and stops a send run, which holds opened records).
    fn operator_lock[window, kiosk]() -> () {
        Ok(kiosk.operator_lock()?)
    }

    /// The operator panel's settings, counts and chart (`operator_only` without the PIN).
    fn operator_view[window, kiosk]() -> OperatorView {
        Ok(kiosk.operator_panel()?.into())
    }

    /// Saves the operator panel's settings: loads the chosen pack (the active petitions are
    /// checked against it), swaps it in, and applies the kiosk lock to the window.
    fn operator_configure[window, kiosk](config: OperatorConfig) -> KioskStatus {
        let status = kiosk.configure(config.into())?;
        crate::apply_kiosk_lock(&window.as_ref().window(), status.settings.locked);
        Ok(status.into())
    }

    /// Saves every sealed signature, still sealed, to a new file in `folder` (a USB stick), for
    /// the collector to import or to keep before the kiosk is wiped.
    fn operator_save_sealed[window, kiosk](folder: String) -> SavedCopy {
        let saved = kiosk.save_sealed_copy(std::path::Path::new(&folder))?;
        Ok(SavedCopy {
            file: saved.file.display().to_string(),
            records: count(saved.records),
        })
    }

    /// "Wipe this kiosk" at the end of an event: every sealed signature goes, then the app
    /// quits (the webview's data goes once its window is gone). Refused (`unsent_records`)
    /// while signatures wait unsent, unless the sealed copy saved since the app started holds
    /// them all, or `lost` is how many there are (the operator accepts losing them).
    fn operator_wipe[window, kiosk](lost: Option<u32>) -> WipeDone {
        let wiped = kiosk.wipe(lost.map(u64::from)).await?;
        // A moment for the panel to say so before the window goes.
        let app = tauri::Manager::app_handle(&window).clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            app.exit(0);
        });
        Ok(WipeDone {
            records: count(wiped.records),
            unsent: count(wiped.unsent),
        })
    }

    /// Quits the app; only an operator may.
    fn operator_exit[window, kiosk]() -> () {
        kiosk.require_operator()?;
        tauri::Manager::app_handle(&window).exit(0);
        Ok(())
    }
}

/// A sealed copy written to a USB stick.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SavedCopy {
    pub file: String,
    pub records: u32,
}

/// What "Wipe this kiosk" removed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct WipeDone {
    pub records: u32,
    /// Unsent ones among them (in the saved copy, or lost as confirmed).
    pub unsent: u32,
}

/// What a right PIN opened.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Unlocked {
    /// The PIN is shorter than six digits: the keypad asks for a new one before the panel.
    pub change_pin: bool,
}

impl From<placard_kiosk_core::Unlocked> for Unlocked {
    fn from(u: placard_kiosk_core::Unlocked) -> Self {
        Self {
            change_pin: u.change_pin,
        }
    }
}

/// What the operator panel edits; saved as a whole.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OperatorConfig {
    /// The pack on show (an id from `OperatorView.packs`).
    pub pack: Option<String>,
    /// Empty: every published petition.
    pub active: Vec<String>,
    pub rotate_seconds: u32,
    pub event_name: String,
    pub event_tags: Vec<String>,
    /// Where the signatures came from, as the organisation's list records it (Action
    /// Network's `source`); empty: the event's name.
    pub event_source: String,
    pub locked: bool,
    pub thanks_seconds: u32,
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
    /// Hours a signature stays on the kiosk after the organisation confirmed it; 0: at once.
    pub retention_hours: u32,
    /// "Touchscreen kiosk": the on-screen keyboard opens on every field, not only a touched
    /// one. `null`: the window decides (a coarse pointer means a touchscreen).
    pub touchscreen: Option<bool>,
}

impl From<OperatorSettings> for OperatorConfig {
    fn from(s: OperatorSettings) -> Self {
        Self {
            pack: s.pack,
            active: s.active,
            rotate_seconds: s.rotate_seconds,
            event_name: s.event.name,
            event_tags: s.event.tags,
            event_source: s.event.source,
            locked: s.locked,
            thanks_seconds: s.thanks_seconds,
            idle_seconds: s.idle_seconds,
            countdown_seconds: s.countdown_seconds,
            retention_hours: s.retention_hours,
            touchscreen: s.touchscreen,
        }
    }
}

impl From<OperatorConfig> for OperatorSettings {
    fn from(c: OperatorConfig) -> Self {
        Self {
            pack: c.pack,
            active: c.active,
            rotate_seconds: c.rotate_seconds,
            event: placard_kiosk_core::Event {
                name: c.event_name,
                tags: c.event_tags,
                source: c.event_source,
            },
            locked: c.locked,
            thanks_seconds: c.thanks_seconds,
            idle_seconds: c.idle_seconds,
            countdown_seconds: c.countdown_seconds,
            retention_hours: c.retention_hours,
            touchscreen: c.touchscreen,
        }
    }
}

/// The operator panel: settings, counts, the hourly chart and sync state.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OperatorView {
    pub config: OperatorConfig,
    pub total: u32,
    /// Sealed and waiting to be sent upstream.
    pub pending: u32,
    pub sent: u32,
    pub petitions: Vec<PetitionTally>,
    /// Oldest first; the last is the current hour.
    pub last_hours: Vec<HourBar>,
    pub sync: SyncView,
    /// The packs this kiosk can show.
    pub packs: Vec<PackChoice>,
    /// The organiser's key signatures are sealed to, short (`age1abcdef…uvwxyz`).
    pub recipient: Option<String>,
}

impl From<Panel> for OperatorView {
    fn from(p: Panel) -> Self {
        Self {
            config: p.settings.into(),
            total: count(p.overview.stats.total),
            pending: count(p.overview.stats.pending),
            sent: count(p.overview.stats.sent),
            petitions: p.petitions.into_iter().map(PetitionTally::from).collect(),
            last_hours: p
                .overview
                .last_hours
                .into_iter()
                .map(HourBar::from)
                .collect(),
            sync: p.sync.into(),
            packs: p.packs.iter().map(PackChoice::from).collect(),
            recipient: p.recipient,
        }
    }
}

/// A pack the operator can choose.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackChoice {
    /// `demo`, `configured` or `local:NAME`.
    pub id: String,
    pub path: String,
}

impl From<&PackSource> for PackChoice {
    fn from(s: &PackSource) -> Self {
        Self {
            id: s.id.clone(),
            path: s.dir.display().to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PetitionTally {
    pub id: String,
    pub title: String,
    pub published: bool,
    pub count: u32,
}

impl From<Tally> for PetitionTally {
    fn from(t: Tally) -> Self {
        Self {
            id: t.id,
            title: t.title,
            published: t.published,
            count: count(t.count),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct HourBar {
    /// The hour's start, UTC, RFC 3339.
    pub start: String,
    pub count: u32,
}

impl From<HourTotal> for HourBar {
    fn from(h: HourTotal) -> Self {
        Self {
            start: h.start,
            count: count(h.count),
        }
    }
}
