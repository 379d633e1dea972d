//! The kiosk, with no UI: [`KioskApp`], the one facade the app's shell calls (one call per
//! command), and beneath it [`Kiosk`] — the settings file, the vault, the operator PIN and
//! session — which the CLI also opens directly.
//!
//! - `app.rs`: [`KioskApp`] — where things are ([`Places`]), opening beside the window,
//!   showing a petition, the attract rotation, signing, first run.
//! - `shown.rs`: the pack on show ([`LoadedPack`]), swapped whole.
//! - `kiosk.rs`: [`Kiosk`] — settings and vault; signing and counting.
//! - `operator.rs`: the PIN, its lockout, the operator session and panel.
//! - `uplink.rs`: the collector — enrolment, the sync loop, packs from it.
//! - `send.rs`: "Send to Action Network" from a kiosk with no collector.
//! - `private.rs`: the data folder is the kiosk's alone (0700, files 0600, mended at open).
//! - `packs.rs`, `keys.rs`, `qr.rs`, `settings.rs`, `pin.rs`: what those name.
//! - `error.rs`: [`KioskError`], each with its stable code from `placard_codes`.

mod app;
mod error;
pub mod keys;
mod kiosk;
mod operator;
pub mod packs;
pub mod pin;
pub mod private;
pub mod qr;
pub mod send;
mod settings;
mod shown;
pub mod uplink;
pub mod wipe;

pub use app::{Attract, AttractPetition, Events, KioskApp, Places, Status};
pub use error::KioskError;
pub use kiosk::{Kiosk, PURGE_EVERY};
pub use operator::{
    CHART_HOURS, HourTotal, OPERATOR_IDLE, Overview, Panel, PetitionTally, Unlocked, last_hours,
};
pub use pin::PinHash;
pub use placard_codes::ErrorCode;
pub use placard_vault::Event;
pub use settings::{OperatorSettings, SECONDS_RANGE, Settings};
pub use shown::{LoadedPack, PetitionPage, sign_rules};
pub use uplink::SyncStatus;

/// The domain types the app's shell converts into DTOs, so that it depends on this crate alone.
pub mod domain {
    pub use placard_fanout::run::{Outcome, Step};
    pub use placard_petition::{ASSET_SCHEME, Asset, AssetError, LoadedPetition, PetitionError};
    pub use placard_vault::{
        FieldCode, FieldError, Requirement, SecretString, SignerInput, countries,
    };
}
