//! The data folder is the kiosk's alone: it holds the operator PIN's hash (`kiosk.json`), the
//! sealed vault and the device key. Another local user who can read the PIN hash can guess it
//! offline, with no lockout; so the folder is 0700 and everything in it 0600 (0700 for
//! folders), checked and mended every time the kiosk opens. (The app also sets its umask to
//! 077, so what it and its webview create later is born private.)

use std::path::Path;

/// Takes group and other access off `dir` and everything under it (links are not followed:
/// they are not ours to change). Returns how many entries had to be mended. Only the folder
/// itself must succeed: an entry that cannot be read or changed (a file another user left in
/// the webview's cache) is reported and passed over, never a reason for the kiosk not to open.
#[cfg(unix)]
pub fn mend(dir: &Path) -> std::io::Result<usize> {
    use std::os::unix::fs::PermissionsExt as _;
    let private = |path: &Path| -> std::io::Result<bool> {
        let mode = std::fs::symlink_metadata(path)?.permissions().mode();
        if mode & 0o077 == 0 {
            return Ok(false);
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o7700))?;
        Ok(true)
    };
    let mut mended = usize::from(private(dir)?);
    for entry in walkdir::WalkDir::new(dir).min_depth(1).follow_links(false) {
        let done = entry.map_err(std::io::Error::other).and_then(|e| {
            if e.path_is_symlink() {
                Ok(false)
            } else {
                private(e.path())
            }
        });
        match done {
            Ok(changed) => mended += usize::from(changed),
            Err(e) => eprintln!(
                "placard: cannot make an entry of {} private: {e}",
                dir.display()
            ),
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
            .setup(RECIPIENT, "246813")
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
