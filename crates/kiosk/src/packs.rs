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
}
