//! Creating the organiser's key at first run, for organisers who arrive without one.
//!
//! The private key never stays on the kiosk: it is written, encrypted with the organiser's
//! passphrase, to a folder off the kiosk (a USB stick), with a recovery sheet beside it, and
//! dropped from memory. The kiosk keeps only the public `age1…` half, as when one is pasted.

use std::path::{Path, PathBuf};

use placard_vault::{OrganiserKey, SecretString};

use crate::KioskError;

/// The shortest passphrase accepted (the vault's rule, shared with `placard keys new`).
pub use placard_vault::MIN_PASSPHRASE;
pub const KEY_FILE: &str = "placard-organiser-key.age";
pub const RECOVERY_FILE: &str = "placard-organiser-recovery.txt";

/// What was written, for the organiser to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedKey {
    pub recipient: String,
    pub key_file: PathBuf,
    pub recovery_file: PathBuf,
}

/// Generates a key and writes it (encrypted) and its recovery sheet into `dir`, which must not
/// be inside `data_dir`. Never overwrites an existing key.
pub fn create(
    data_dir: &Path,
    dir: &Path,
    passphrase: &SecretString,
) -> Result<CreatedKey, KioskError> {
    use placard_vault::ExposeSecret as _;
    if passphrase.expose_secret().chars().count() < MIN_PASSPHRASE {
        return Err(KioskError::WeakPassphrase);
    }
    let dir = std::fs::canonicalize(dir)?;
    if !dir.is_dir() {
        return Err(KioskError::Settings(std::io::Error::other(format!(
            "{} is not a folder",
            dir.display()
        ))));
    }
    // The key file must leave with the organiser: refuse the kiosk's own data folder.
    let data = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    if dir.starts_with(&data) {
        return Err(KioskError::KeyOnKiosk);
    }
    let key_file = dir.join(KEY_FILE);
    let recovery_file = dir.join(RECOVERY_FILE);
    if key_file.exists() || recovery_file.exists() {
        return Err(KioskError::KeyExists);
    }
    let key = OrganiserKey::generate();
    key.write_encrypted(&key_file, passphrase)?;
    let sheet = key.recovery_sheet(&key_file)?;
    std::fs::write(&recovery_file, sheet)?;
    std::fs::File::open(&recovery_file)?.sync_all()?;
    std::fs::File::open(&dir)?.sync_all()?;
    Ok(CreatedKey {
        recipient: key.recipient(),
        key_file,
        recovery_file,
    })
}

/// Folders where removable media are mounted (`/media/USER/*`, `/run/media/USER/*`,
/// `/media/*`), for the organiser to pick from.
pub fn removable_media() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let user = std::env::var("USER").unwrap_or_default();
    for base in [
        PathBuf::from("/media").join(&user),
        PathBuf::from("/run/media").join(&user),
        PathBuf::from("/media"),
    ] {
        let Ok(entries) = std::fs::read_dir(&base) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && !out.contains(&p) && (user.is_empty() || p != base.join(&user)) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_an_encrypted_key_off_the_kiosk_and_refuses_the_rest() {
        let data = tempfile::tempdir().unwrap();
        let stick = tempfile::tempdir().unwrap();
        let pass = SecretString::from("correct horse battery staple".to_owned());

        let weak = SecretString::from("short".to_owned());
        assert_eq!(
            create(data.path(), stick.path(), &weak).unwrap_err().code(),
            "weak_passphrase"
        );
        std::fs::create_dir_all(data.path().join("inside")).unwrap();
        assert_eq!(
            create(data.path(), &data.path().join("inside"), &pass)
                .unwrap_err()
                .code(),
            "key_on_kiosk"
        );

        let made = create(data.path(), stick.path(), &pass).unwrap();
        assert!(made.recipient.starts_with("age1"));
        // The file opens with the passphrase and holds the same key; the sheet names it.
        let key = OrganiserKey::unlock(&made.key_file, &pass).unwrap();
        assert_eq!(key.recipient(), made.recipient);
        let sheet = std::fs::read_to_string(&made.recovery_file).unwrap();
        assert!(sheet.contains(&made.recipient));
        assert!(
            !sheet.contains("AGE-SECRET-KEY"),
            "the sheet holds only the encrypted key"
        );
        // Nothing of it is on the kiosk, and a second key never overwrites the first.
        assert_eq!(
            std::fs::read_dir(data.path()).unwrap().count(),
            1,
            "only `inside`"
        );
        assert_eq!(
            create(data.path(), stick.path(), &pass).unwrap_err().code(),
            "key_exists"
        );
    }
}
