//! Where a kiosk finds petition packs, and which one it shows.
//!
//! Three kinds of source, listed in this order: the built-in demo pack; the folder named by
//! `PLACARD_PACK` (how a deployment configures its pack); and each folder under
//! `DATA_DIR/packs/` (where packs copied from a USB stick, or later pulled from the collector,
//! go). The operator picks one in the panel; the choice is saved with the settings.

use std::path::{Path, PathBuf};

/// The built-in demo pack's id.
pub const DEMO: &str = "demo";
/// The id of the pack named by `PLACARD_PACK`.
pub const CONFIGURED: &str = "configured";

/// One pack the operator can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    /// Stable id saved in the settings: `demo`, `configured`, or `local:NAME`.
    pub id: String,
    /// Where its files are (for the demo pack, where it is unpacked).
    pub dir: PathBuf,
}

impl PackSource {
    /// The folder to load, unpacking the demo pack first when it is the one.
    pub fn prepare(&self) -> std::io::Result<PathBuf> {
        if self.id == DEMO {
            placard_petition::demo::extract(&self.dir)?;
        }
        Ok(self.dir.clone())
    }
}

/// Every pack this kiosk can show, demo first.
pub fn available(data_dir: &Path, configured: Option<&Path>) -> Vec<PackSource> {
    let mut out = vec![PackSource {
        id: DEMO.to_owned(),
        dir: data_dir.join("demo-pack"),
    }];
    if let Some(dir) = configured {
        out.push(PackSource {
            id: CONFIGURED.to_owned(),
            dir: dir.to_owned(),
        });
    }
    let mut local: Vec<PackSource> = std::fs::read_dir(data_dir.join("packs"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            (!name.starts_with('.')).then(|| PackSource {
                id: format!("local:{name}"),
                dir: e.path(),
            })
        })
        .collect();
    local.sort_by(|a, b| a.id.cmp(&b.id));
    out.extend(local);
    out
}

/// The pack to show: the operator's choice while it is still there, else the configured one,
/// else the demo pack.
pub fn choose<'a>(available: &'a [PackSource], chosen: Option<&str>) -> &'a PackSource {
    let by_id = |id: &str| available.iter().find(|s| s.id == id);
    chosen
        .and_then(by_id)
        .or_else(|| by_id(CONFIGURED))
        .or_else(|| available.first())
        .expect("the demo pack is always available")
}

/// Why a pack from the collector was not taken in. The kiosk's packs are as they were.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("`{0}` is not a pack name")]
    BadName(String),
    #[error("it cannot be unpacked safely: {0}")]
    Unpack(#[source] placard_petition::bundle::BundleError),
    #[error("it does not load: {0}")]
    Load(#[source] placard_petition::PackError),
    #[error("the pack holds no petition that loads")]
    NoPetitions,
    #[error("it cannot be saved: {0}")]
    Io(#[from] std::io::Error),
}

/// Takes in a pack pulled from the collector (a tar, `placard_petition::bundle`) as
/// `DATA_DIR/packs/NAME`, replacing an older copy of it. The pack is unpacked beside it and
/// checked first — it must be safe to unpack and hold at least one petition — so a bad
/// download leaves the old copy as it was. Returns the pack's source (`local:NAME`).
pub fn install(data_dir: &Path, name: &str, tar: &[u8]) -> Result<PackSource, InstallError> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !plain {
        return Err(InstallError::BadName(name.to_owned()));
    }
    let packs = data_dir.join("packs");
    std::fs::create_dir_all(&packs)?;
    let nonce = std::process::id();
    let incoming = packs.join(format!(".incoming-{name}-{nonce}"));
    let _ = std::fs::remove_dir_all(&incoming);
    std::fs::create_dir(&incoming)?;
    let checked = placard_petition::bundle::unpack(tar, &incoming)
        .map_err(InstallError::Unpack)
        .and_then(|_| {
            let pack =
                placard_petition::Pack::load(&incoming, &placard_petition::Renderer::default())
                    .map_err(InstallError::Load)?;
            if pack.petitions().next().is_none() {
                return Err(InstallError::NoPetitions);
            }
            Ok(())
        });
    if let Err(e) = checked {
        let _ = std::fs::remove_dir_all(&incoming);
        return Err(e);
    }
    // Swap: the old copy steps aside, the new one takes its name, the old one goes.
    let dest = packs.join(name);
    let old = packs.join(format!(".old-{name}-{nonce}"));
    let had_old = dest.exists();
    if had_old {
        std::fs::rename(&dest, &old)?;
    }
    if let Err(e) = std::fs::rename(&incoming, &dest) {
        if had_old {
            let _ = std::fs::rename(&old, &dest);
        }
        return Err(e.into());
    }
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(PackSource {
        id: format!("local:{name}"),
        dir: dest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_demo_configured_and_local_packs_and_falls_back() {
        let data = tempfile::tempdir().unwrap();
        let configured = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(data.path().join("packs/rally-2026")).unwrap();
        std::fs::create_dir_all(data.path().join("packs/.hidden")).unwrap();
        std::fs::write(data.path().join("packs/not-a-folder.md"), "x").unwrap();

        let all = available(data.path(), Some(configured.path()));
        let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["demo", "configured", "local:rally-2026"]);

        assert_eq!(
            choose(&all, Some("local:rally-2026")).id,
            "local:rally-2026"
        );
        assert_eq!(choose(&all, Some("local:gone")).id, "configured");
        assert_eq!(choose(&all, None).id, "configured");
        let no_env = available(data.path(), None);
        assert_eq!(choose(&no_env, None).id, "demo");

        // The demo pack is unpacked where it is listed.
        let dir = choose(&no_env, None).prepare().unwrap();
        assert!(dir.join("encryption-is-not-a-crime.md").is_file());
    }

    #[test]
    fn a_pulled_pack_replaces_its_old_copy_only_when_it_is_good() {
        let data = tempfile::tempdir().unwrap();
        let demo = tempfile::tempdir().unwrap();
        placard_petition::demo::extract(demo.path()).unwrap();
        let good = placard_petition::bundle::write(demo.path()).unwrap();
        let source = install(data.path(), "rally", &good).unwrap();
        assert_eq!(source.id, "local:rally");
        assert!(source.dir.join("encryption-is-not-a-crime.md").is_file());
        assert!(available(data.path(), None).contains(&source));

        // A pack without petitions, a broken tar, a bad name: refused; the old copy stays.
        let empty = tempfile::tempdir().unwrap();
        std::fs::write(empty.path().join("README.txt"), "no petitions").unwrap();
        let no_petitions = placard_petition::bundle::write(empty.path()).unwrap();
        let err = install(data.path(), "rally", &no_petitions).unwrap_err();
        assert!(matches!(err, InstallError::NoPetitions), "{err}");
        let err = install(data.path(), "rally", &good[..good.len() / 3]).unwrap_err();
        assert!(matches!(err, InstallError::Unpack(_)), "{err}");
        assert!(matches!(
            install(data.path(), "../rally", &good),
            Err(InstallError::BadName(_))
        ));
        assert!(source.dir.join("encryption-is-not-a-crime.md").is_file());
        let hidden: Vec<_> = std::fs::read_dir(data.path().join("packs"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(hidden, ["rally"], "no half-unpacked leftovers");

        // A newer version replaces it.
        std::fs::remove_file(demo.path().join("defend-encryption-worldwide.md")).unwrap();
        let newer = placard_petition::bundle::write(demo.path()).unwrap();
        install(data.path(), "rally", &newer).unwrap();
        assert!(!source.dir.join("defend-encryption-worldwide.md").exists());
        assert!(source.dir.join("encryption-is-not-a-crime.md").is_file());
    }
}
