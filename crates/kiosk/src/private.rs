//! The data folder is the kiosk's alone: it holds the operator PIN's hash (`kiosk.json`), the
//! sealed vault and the device key. Another local user who can read the PIN hash can guess it
//! offline, with no lockout; so the folder is 0700 and everything in it 0600 (0700 for
//! folders), checked and mended every time the kiosk opens. (The app also sets its umask to
//! 077, so what it and its webview create later is born private.)

use std::path::Path;

/// Takes group and other access off `dir` and everything under it (links are not followed:
/// they are not ours to change). Returns how many entries had to be mended.
#[cfg(unix)]
pub fn mend(dir: &Path) -> std::io::Result<usize> {
    use std::os::unix::fs::PermissionsExt as _;
    let mut mended = 0;
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.path_is_symlink() {
            continue;
        }
        let mode = entry
            .metadata()
            .map_err(std::io::Error::other)?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode & 0o7700))?;
            mended += 1;
        }
    }
    Ok(mended)
}

#[cfg(not(unix))]
pub fn mend(_dir: &Path) -> std::io::Result<usize> {
    Ok(0)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;
    use crate::Kiosk;
    use crate::kiosk::tests::RECIPIENT;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    /// The attack: a kiosk left at a stall with another local account (a shared laptop). With
    /// the folder 0755 and `kiosk.json` 0644, that account reads the PIN's hash and guesses the
    /// PIN offline, where no lockout applies. After set-up, and after a reopen that finds the
    /// folder opened up again, nothing in it is readable by anyone but the kiosk.
    #[test]
    fn no_one_else_can_read_the_pin_hash_or_the_vault() {
        let parent = tempfile::tempdir().unwrap();
        let data = parent.path().join("data");
        std::fs::create_dir(&data).unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        Kiosk::open(&data)
            .unwrap()
            .setup(RECIPIENT, "2468")
            .unwrap();
        let files = [
            data.join("kiosk.json"),
            data.join("vault/vault.sqlite3"),
            data.join("vault/device.key"),
        ];
        let private = |what: &str| {
            for dir in [data.clone(), data.join("vault")] {
                assert_eq!(mode(&dir), 0o700, "{what}: {}", dir.display());
            }
            for f in &files {
                assert_eq!(mode(f), 0o600, "{what}: {}", f.display());
            }
        };
        private("after set-up");

        // Opened up again (a copy, a careless chmod, an older version's files): mended at open.
        for f in &files {
            std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::write(data.join("stray.txt"), "x").unwrap();
        std::fs::set_permissions(
            data.join("stray.txt"),
            std::fs::Permissions::from_mode(0o666),
        )
        .unwrap();
        drop(Kiosk::open(&data).unwrap());
        private("after reopening");
        assert_eq!(mode(&data.join("stray.txt")), 0o600);
    }
}
