//! Petition packs the collector hands to kiosks: each folder under `serve --packs DIR` is a
//! pack, served as one tar (`placard_petition::bundle`) with its `Content-Digest`, so a kiosk
//! that comes online can take the organisation's current petitions. Packs are public text and
//! images, so they are served to anyone who asks, like the petitions' own web pages.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// One pack on offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing {
    pub name: String,
    /// Size of its tar, in bytes.
    pub bytes: u64,
    /// `sha-256=:…:` of its tar, as the download's `Content-Digest` will say.
    pub digest: String,
}

/// A pack name: letters, digits, `.`, `_` and `-`, not starting with `.`; nothing that could
/// name a path outside the packs folder.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The packs folder, if the collector serves any.
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    dir: Option<PathBuf>,
}

impl Shelf {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir }
    }

    fn names(dir: &Path) -> std::io::Result<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| valid_name(n))
            .collect();
        names.sort();
        Ok(names)
    }

    /// Every pack, with its size and digest (built fresh: packs are small, and a folder edited
    /// since shows its new digest at once).
    pub fn list(&self) -> std::io::Result<Vec<Listing>> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        Self::names(dir)?
            .into_iter()
            .map(|name| {
                let tar = placard_petition::bundle::write(&dir.join(&name))?;
                Ok(Listing {
                    name,
                    bytes: tar.len() as u64,
                    digest: placard_sync::digest::content_digest(&tar),
                })
            })
            .collect()
    }

    /// The pack called `name` as a tar; `None` when there is no such pack.
    pub fn get(&self, name: &str) -> std::io::Result<Option<Vec<u8>>> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        if !valid_name(name) || !dir.join(name).is_dir() {
            return Ok(None);
        }
        placard_petition::bundle::write(&dir.join(name)).map(Some)
    }
}
