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
    let mut records = 0;
    let mut unsent_count = 0;
    if let Some(vault) = kiosk.vault.as_mut() {
        let unsent = vault.unsent_ids()?;
        unsent_count = unsent.len() as u64;
        if !unsent.is_empty() {
            match consent {
                Consent::None => {
                    return Err(KioskError::WipeRefused(format!(
                        "{} signatures have not been sent yet: save them with a sealed export \
                         first, or confirm with the words `{}`",
                        unsent.len(),
                        loss_words(unsent.len())
                    )));
                }
                Consent::LossAccepted(words) if words.trim() != loss_words(unsent.len()) => {
                    return Err(KioskError::WipeRefused(format!(
                        "to confirm losing them, the words are `{}`",
                        loss_words(unsent.len())
                    )));
                }
                Consent::LossAccepted(_) => {}
                Consent::Exported(bundle) => {
                    let bytes = std::fs::read(bundle)?;
                    let held = placard_vault::read_sealed_tar(&bytes)?;
                    let missing = unsent
                        .iter()
                        .filter(|id| !held.rows.iter().any(|r| &r.id == *id))
                        .count();
                    if missing > 0 || held.device_id != vault.device_id() {
                        return Err(KioskError::WipeRefused(format!(
                            "{} {missing} of the {} unsent signatures; export again, then wipe",
                            if held.device_id == vault.device_id() {
                                "that bundle lacks"
                            } else {
                                "that bundle is another kiosk's: it lacks"
                            },
                            unsent.len()
                        )));
                    }
                }
            }
        }
        records = vault.wipe_records()?;
    }
    drop(kiosk);
    // The webview's data (caches, storage) goes whatever the UI kept in it.
    remove(&data_dir.join("webview"))?;
    if all {
        for entry in std::fs::read_dir(data_dir)? {
            remove(&entry?.path())?;
        }
    }
    Ok(Wiped {
        records,
        unsent: unsent_count,
    })
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
            Ok(SavedCopy {
                file,
                records: summary.written,
            })
        })
    }
}
