//! "Wipe this kiosk" at the end of an event: no sealed byte, no webview data and nothing of a
//! signer stays in the data folder. Settings and the device key stay (so the kiosk can serve
//! the next event), or go too with `all`. It refuses while records wait to be sent, unless a
//! sealed export of every one of them was written (and is shown), or the operator confirms the
//! loss in words that name how many.

use std::path::{Path, PathBuf};

use crate::{Kiosk, KioskError};

/// What makes a wipe with unsent records acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consent {
    /// Nothing: refused if anything is unsent.
    None,
    /// A sealed bundle (`placard export --sealed`) holding every unsent record.
    Exported(PathBuf),
    /// The operator's words: exactly `lose N signatures`, N being how many are unsent.
    LossAccepted(String),
    /// The operator panel's confirmation, in any language: how many unsent signatures the
    /// operator accepts to lose (it must be how many there are).
    LossCounted(u64),
}

/// What a wipe did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wiped {
    pub records: u64,
    /// Unsent ones among them (saved in the bundle, or lost as confirmed).
    pub unsent: u64,
}

/// The words that confirm losing `n` unsent signatures.
pub fn loss_words(n: usize) -> String {
    format!("lose {n} signatures")
}

/// Wipes the kiosk whose data folder is `data_dir` (see the module docs).
pub fn wipe(data_dir: &Path, consent: &Consent, all: bool) -> Result<Wiped, KioskError> {
    let mut kiosk = Kiosk::open(data_dir)?;
    let wiped = wipe_records(&mut kiosk, consent)?;
    drop(kiosk);
    // The webview's data (caches, storage) goes whatever the UI kept in it.
    remove(&data_dir.join(WEBVIEW_DIR))?;
    if all {
        for entry in std::fs::read_dir(data_dir)? {
            remove(&entry?.path())?;
        }
    }
    Ok(wiped)
}

/// The sealed records of `kiosk`, if `consent` allows it (see the module docs).
fn wipe_records(kiosk: &mut Kiosk, consent: &Consent) -> Result<Wiped, KioskError> {
    let Some(vault) = kiosk.vault.as_mut() else {
        return Ok(Wiped {
            records: 0,
            unsent: 0,
        });
    };
    let unsent = vault.unsent_ids()?;
    let n = unsent.len();
    if n > 0 {
        match consent {
            Consent::None => {
                return Err(KioskError::WipeRefused(format!(
                    "{n} signatures have not been sent yet: save them with a sealed export \
                     first, or confirm with the words `{}`",
                    loss_words(n)
                )));
            }
            Consent::LossAccepted(words) if words.trim() != loss_words(n) => {
                return Err(KioskError::WipeRefused(format!(
                    "to confirm losing them, the words are `{}`",
                    loss_words(n)
                )));
            }
            Consent::LossCounted(count) if *count != n as u64 => {
                return Err(KioskError::WipeRefused(format!(
                    "{n} signatures have not been sent yet, not {count}: confirm with {n}"
                )));
            }
            Consent::LossAccepted(_) | Consent::LossCounted(_) => {}
            Consent::Exported(bundle) => {
                let bytes = std::fs::read(bundle)?;
                let held = placard_vault::read_sealed_tar(&bytes)?;
                let missing = unsent
                    .iter()
                    .filter(|id| !held.rows.iter().any(|r| &r.id == *id))
                    .count();
                if missing > 0 || held.device_id != vault.device_id() {
                    return Err(KioskError::WipeRefused(format!(
                        "{} {missing} of the {n} unsent signatures; export again, then wipe",
                        if held.device_id == vault.device_id() {
                            "that bundle lacks"
                        } else {
                            "that bundle is another kiosk's: it lacks"
                        },
                    )));
                }
            }
        }
    }
    Ok(Wiped {
        records: vault.wipe_records()?,
        unsent: n as u64,
    })
}

/// The webview's data folder, under the kiosk's data folder (the window is given it, see
/// [`crate::Places::webview_dir`]).
const WEBVIEW_DIR: &str = "webview";

/// Left in the data folder by a wipe from the panel: the webview's data is still in use then,
/// so it goes once the window is gone (at exit), and again before the next window opens, in
/// case the webview wrote some on its way out. Empty; it holds nothing of a signer.
const WEBVIEW_WIPED: &str = "webview.wiped";

impl crate::Places {
    /// Where the webview keeps its data: under the data folder, so a wipe can remove it.
    pub fn webview_dir(&self) -> PathBuf {
        self.data_dir.join(WEBVIEW_DIR)
    }

    /// Removes the webview's data if a wipe from the panel asked for it (see
    /// [`WEBVIEW_WIPED`]); `before_window` also forgets the request, the window being about to
    /// start afresh.
    pub fn clear_wiped_webview(&self, before_window: bool) -> std::io::Result<()> {
        let marker = self.data_dir.join(WEBVIEW_WIPED);
        if !marker.exists() {
            return Ok(());
        }
        remove(&self.webview_dir())?;
        if before_window {
            remove(&marker)?;
        }
        Ok(())
    }
}

fn remove(path: &Path) -> std::io::Result<()> {
    let result = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// A sealed copy written for a USB stick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCopy {
    pub file: PathBuf,
    pub records: u64,
}

impl crate::KioskApp {
    /// "Wipe this kiosk" from the operator panel, at the end of an event (see the module
    /// docs). What is unsent must be in the sealed copy saved from the panel since the app
    /// started (`save_sealed_copy`), or its loss confirmed by `lost`, the number of unsent
    /// signatures. Settings and the device key stay. The sync loop is stopped first, so nothing
    /// is acknowledged between the check and the wipe; it starts again if the wipe is refused.
    /// The app is meant to quit afterwards: the webview's data goes when its window is gone
    /// (see [`crate::Places::clear_wiped_webview`]).
    pub async fn wipe(&self, lost: Option<u64>) -> Result<Wiped, KioskError> {
        self.require_operator()?;
        self.sending().cancel();
        if let Some(task) = self.stop_sync() {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(5), task).await;
        }
        let saved = self
            .saved_copy()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let consent = match (lost, saved) {
            (Some(n), _) => Consent::LossCounted(n),
            (None, Some(file)) => Consent::Exported(file),
            (None, None) => Consent::None,
        };
        let marker = self.places().data_dir.join(WEBVIEW_WIPED);
        self.with(|k| {
            k.require_operator(std::time::Instant::now())?;
            match wipe_records(k, &consent) {
                Ok(wiped) => {
                    std::fs::write(&marker, b"")?;
                    Ok(wiped)
                }
                Err(refused) => {
                    if let Err(e) = self.uplink().start(k) {
                        eprintln!("placard: sync not restarted: {e}");
                    }
                    Err(refused)
                }
            }
        })
    }

    /// Writes every sealed signature, still sealed, with a manifest, into a new file in
    /// `folder` (a USB stick): what a collector imports (`placard-collector import`), and what
    /// lets a kiosk be wiped without losing what it never sent. Operator only; never replaces
    /// a file.
    pub fn save_sealed_copy(&self, folder: &Path) -> Result<SavedCopy, KioskError> {
        self.with(|k| {
            k.require_operator(std::time::Instant::now())?;
            let vault = k.vault.as_ref().ok_or(KioskError::NotSetUp)?;
            let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
            let device = vault.device_id().simple().to_string();
            let name = format!("placard-signatures-{}-{stamp}", &device[..8]);
            let mut file = folder.join(format!("{name}.tar"));
            let mut n = 1;
            while file.exists() {
                n += 1;
                file = folder.join(format!("{name}-{n}.tar"));
            }
            let summary = placard_vault::write_sealed_tar(vault, &file)?;
            // What lets the panel's wipe go ahead (see `wipe`).
            *self
                .saved_copy()
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(file.clone());
            Ok(SavedCopy {
                file,
                records: summary.written,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panel's confirmation is the number of unsent signatures: any other number is
    /// refused and loses nothing.
    #[test]
    fn the_loss_is_confirmed_by_how_many_are_unsent() {
        let data = tempfile::tempdir().unwrap();
        let pack = tempfile::tempdir().unwrap();
        std::fs::write(
            pack.path().join("p.md"),
            "---\ntitle: T\ntarget_country: US\n---\n",
        )
        .unwrap();
        let pack = placard_petition::Pack::load(pack.path(), &Default::default()).unwrap();
        let petition = &pack.get("p").unwrap().original.petition;
        let mut kiosk = Kiosk::open(data.path()).unwrap();
        kiosk
            .setup(
                "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
                "246813",
            )
            .unwrap();
        for i in 0..3 {
            let mut s = placard_vault::SignerInput::default();
            s.given_name = "Ada".into();
            s.email = format!("ada{i}@example.org");
            kiosk.sign(petition, s).unwrap();
        }
        for wrong in [
            Consent::None,
            Consent::LossCounted(2),
            Consent::LossCounted(0),
        ] {
            let err = wipe_records(&mut kiosk, &wrong).unwrap_err();
            assert_eq!(err.code(), "unsent_records", "{wrong:?}");
        }
        assert_eq!(kiosk.vault.as_ref().unwrap().stats().unwrap().total, 3);
        let wiped = wipe_records(&mut kiosk, &Consent::LossCounted(3)).unwrap();
        assert_eq!(
            wiped,
            Wiped {
                records: 3,
                unsent: 3
            }
        );
        assert_eq!(kiosk.vault.as_ref().unwrap().stats().unwrap().total, 0);
    }
}
