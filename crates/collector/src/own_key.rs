//! The collector's own Ed25519 key, which signs every answer a kiosk acts on
//! (`placard_sync::answer`). Made at first start (PKCS#8, mode 0600, never replaced); several
//! collector processes behind one load balancer share the file, so a kiosk's pin holds
//! whichever of them answers.

use std::io::Write as _;
use std::path::Path;

use placard_sync::answer::CollectorKey;

/// Reads the key at `path`, or makes it there when there is none (another process starting at
/// the same moment may make it first: then its key is read).
pub fn load_or_create(path: &Path) -> std::io::Result<CollectorKey> {
    let bad = |why: String| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
    if !path.exists() {
        let der = CollectorKey::generate_pkcs8()
            .map_err(|_| bad("no random numbers for the collector's key".into()))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut file) => {
                file.write_all(&der)?;
                file.sync_all()?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("cannot create the collector's key {}: {e}", path.display()),
                ));
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(bad(format!(
                "the collector's key {} may be read by other users (mode {:o}): \
                 `chmod 600` it, since whoever holds it can answer kiosks in the collector's place",
                path.display(),
                mode & 0o777
            )));
        }
    }
    let der = std::fs::read(path)?;
    CollectorKey::from_pkcs8(&der).map_err(|e| {
        bad(format!(
            "{} is not a collector key (an Ed25519 PKCS#8 file): {e}",
            path.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_private_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("collector.key");
        let first = load_or_create(&path).unwrap();
        let again = load_or_create(&path).unwrap();
        assert_eq!(first.public(), again.public());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let err = load_or_create(&path).unwrap_err();
            assert!(err.to_string().contains("chmod 600"), "{err}");
        }
        std::fs::write(dir.path().join("junk"), b"not a key").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(
                dir.path().join("junk"),
                std::fs::Permissions::from_mode(0o600),
            )
            .unwrap();
        }
        assert!(load_or_create(&dir.path().join("junk")).is_err());
    }
}
