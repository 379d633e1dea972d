//! `kiosk.json`: what the organiser set at first run and the operator changed since. Written
//! atomically (temp file, fsync, rename), so a power cut leaves the old settings or the new
//! ones, never half of either.

use std::io::Write as _;
use std::path::Path;

use placard_vault::Event;
use serde::{Deserialize, Serialize};

use crate::pin::PinHash;

pub const FILE: &str = "kiosk.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The organiser's public key (`age1…`) the vault seals to.
    pub recipient: String,
    pub pin: PinHash,
    /// Everything the operator panel changes. Defaults when absent, so settings written by an
    /// older version still load.
    #[serde(default)]
    pub operator: OperatorSettings,
    /// The collector this kiosk enrolled with (`https://…/`); `None` until an operator enrols
    /// it. Sealed records wait in the vault until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
}

/// What the operator panel sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OperatorSettings {
    /// The pack on show (see `packs`): `None` for the default (configured, else demo).
    pub pack: Option<String>,
    /// Petitions the attract screen shows, in order; it rotates when there are several. Empty
    /// means every published petition of the pack.
    pub active: Vec<String>,
    /// Seconds each active petition stays on the attract screen before the next.
    pub rotate_seconds: u32,
    /// The event, stamped into every record sealed from now on.
    pub event: Event,
    /// Kiosk lock: fullscreen, no window decorations, closing ignored until unlocked.
    pub locked: bool,
    /// Seconds the thank-you screen stays before the attract screen returns.
    pub thanks_seconds: u32,
    /// Seconds of inactivity after which "Still there?" appears.
    pub idle_seconds: u32,
    /// Seconds the "Still there?" countdown runs before everything is cleared.
    pub countdown_seconds: u32,
    /// Hours a signature stays on the kiosk after the organisation confirmed it (the
    /// collector's acknowledgement, or Action Network's record); 0: it goes at once.
    pub retention_hours: u32,
    /// "Touchscreen kiosk": the on-screen keyboard opens whenever a field is focused, not only
    /// when it was touched. `None`: the window decides (a coarse pointer means a touchscreen).
    pub touchscreen: Option<bool>,
}

impl Default for OperatorSettings {
    fn default() -> Self {
        Self {
            pack: None,
            active: Vec::new(),
            rotate_seconds: 20,
            event: Event::default(),
            locked: true,
            thanks_seconds: 8,
            idle_seconds: 60,
            countdown_seconds: 15,
            retention_hours: DEFAULT_RETENTION_HOURS,
            touchscreen: None,
        }
    }
}

/// Bounds the panel enforces: a timer too short to read or so long it keeps a signer's
/// answers on screen for an hour is an operator's typo, not a choice.
pub const SECONDS_RANGE: std::ops::RangeInclusive<u32> = 3..=600;
pub const MAX_EVENT_NAME: usize = 120;
/// A day by default: long enough to check the day's numbers at the collector, short enough
/// that a kiosk lost on the way home holds little.
pub const DEFAULT_RETENTION_HOURS: u32 = 24;
/// A month at most: a kiosk is not an archive.
pub const MAX_RETENTION_HOURS: u32 = 30 * 24;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG: usize = 60;

impl OperatorSettings {
    /// Trims what the operator typed and says what is out of bounds, if anything.
    pub fn normalised(mut self) -> Result<Self, String> {
        for (name, v) in [
            ("rotate_seconds", self.rotate_seconds),
            ("thanks_seconds", self.thanks_seconds),
            ("idle_seconds", self.idle_seconds),
            ("countdown_seconds", self.countdown_seconds),
        ] {
            if !SECONDS_RANGE.contains(&v) {
                return Err(format!(
                    "{name} must be {} to {} seconds",
                    SECONDS_RANGE.start(),
                    SECONDS_RANGE.end()
                ));
            }
        }
        if self.retention_hours > MAX_RETENTION_HOURS {
            return Err(format!(
                "signatures may stay at most {MAX_RETENTION_HOURS} hours after they were confirmed"
            ));
        }
        self.event.name = self.event.name.trim().to_owned();
        if self.event.name.chars().count() > MAX_EVENT_NAME {
            return Err(format!(
                "the event name is longer than {MAX_EVENT_NAME} characters"
            ));
        }
        self.event.source = self.event.source.trim().to_owned();
        if self.event.source.chars().count() > MAX_TAG
            || self.event.source.chars().any(char::is_control)
        {
            return Err(format!(
                "the source code is longer than {MAX_TAG} characters or has control characters"
            ));
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.event.tags {
            let tag = tag.trim();
            if tag.is_empty() || tags.iter().any(|t| t == tag) {
                continue;
            }
            if tag.chars().count() > MAX_TAG || tag.chars().any(char::is_control) {
                return Err(format!(
                    "the tag `{tag}` is too long or has control characters"
                ));
            }
            tags.push(tag.to_owned());
        }
        if tags.len() > MAX_TAGS {
            return Err(format!("at most {MAX_TAGS} tags"));
        }
        self.event.tags = tags;
        self.active.dedup();
        Ok(self)
    }
}

impl Settings {
    pub fn load(path: &Path) -> std::io::Result<Option<Self>> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(std::io::Error::other),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        // Owner-only from the start: it holds the PIN's hash (see `private.rs`).
        write_private(
            path,
            &serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?,
        )
    }
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename, fsync of the folder), the
/// file owner-only (0600) from its first byte.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}
