//! Petition packs the collector hands to kiosks: each folder under `serve --packs DIR` is a
//! pack, served as one tar (`placard_petition::bundle`) with its `Content-Digest`, so a kiosk
//! that comes online can take the organisation's current petitions. Packs are public text and
//! images, so they are served to anyone who asks, like the petitions' own web pages.
//!
//! Because anyone may ask, a tar is built once and kept until its folder changes (a file
//! added, removed, resized or touched): asking again costs a walk of the folder's entries, not
//! a read of every file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

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

/// The packs folder, if the collector serves any, and the tars built from it.
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    dir: Option<PathBuf>,
    built: Arc<Mutex<HashMap<String, Built>>>,
    builds: Arc<AtomicU64>,
}

/// One pack's tar, and the state of its folder it was built from.
#[derive(Debug)]
struct Built {
    stamp: Stamp,
    tar: bytes::Bytes,
    digest: String,
}

/// Every entry under a pack folder with its size and modification time: if none of these
/// changed, neither did the tar.
type Stamp = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn stamp(dir: &Path) -> std::io::Result<Stamp> {
    let mut entries = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        let meta = entry.metadata().map_err(std::io::Error::other)?;
        entries.push((entry.path().to_owned(), meta.len(), meta.modified().ok()));
    }
    entries.sort();
    Ok(entries)
}

impl Shelf {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            ..Self::default()
        }
    }

    /// The packs folder, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// How many tars were built so far (for the tests: asking twice builds once).
    pub fn builds(&self) -> u64 {
        self.builds.load(Ordering::Relaxed)
    }

    /// The tar of the pack folder `dir/name` and its digest: the one kept, unless the folder
    /// changed since it was built.
    fn tar(&self, dir: &Path, name: &str) -> std::io::Result<(bytes::Bytes, String)> {
        let folder = dir.join(name);
        let now = stamp(&folder)?;
        let mut built = self
            .built
            .lock()
            .map_err(|_| std::io::Error::other("the pack cache was poisoned"))?;
        if let Some(b) = built.get(name)
            && b.stamp == now
        {
            return Ok((b.tar.clone(), b.digest.clone()));
        }
        let tar = bytes::Bytes::from(placard_petition::bundle::write(&folder)?);
        self.builds.fetch_add(1, Ordering::Relaxed);
        let digest = placard_sync::digest::content_digest(&tar);
        built.insert(
            name.to_owned(),
            Built {
                stamp: now,
                tar: tar.clone(),
                digest: digest.clone(),
            },
        );
        Ok((tar, digest))
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

    /// Every pack, with its size and digest (a folder edited since shows its new digest at
    /// once).
    pub fn list(&self) -> std::io::Result<Vec<Listing>> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        Self::names(dir)?
            .into_iter()
            .map(|name| {
                let (tar, digest) = self.tar(dir, &name)?;
                Ok(Listing {
                    name,
                    bytes: tar.len() as u64,
                    digest,
                })
            })
            .collect()
    }

    /// The pack called `name` as a tar, with its digest; `None` when there is no such pack.
    pub fn get(&self, name: &str) -> std::io::Result<Option<(bytes::Bytes, String)>> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        if !valid_name(name) || !dir.join(name).is_dir() {
            return Ok(None);
        }
        self.tar(dir, name).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tar_is_built_once_and_again_only_when_its_folder_changes() {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("rally");
        std::fs::create_dir_all(pack.join("img")).unwrap();
        std::fs::write(pack.join("a.md"), "---\ntitle: A\n---\nText").unwrap();
        std::fs::write(pack.join("img/x.png"), [1u8; 10]).unwrap();
        let shelf = Shelf::new(Some(dir.path().to_owned()));

        let first = shelf.list().unwrap();
        for _ in 0..5 {
            assert_eq!(shelf.list().unwrap(), first);
            let (tar, digest) = shelf.get("rally").unwrap().unwrap();
            assert_eq!(digest, first[0].digest);
            assert_eq!(tar.len() as u64, first[0].bytes);
        }
        assert_eq!(shelf.builds(), 1, "asked eleven times, built once");

        // A file edited, one added, one removed: each shows at once.
        std::fs::write(pack.join("a.md"), "---\ntitle: A, edited\n---\nText").unwrap();
        let edited = shelf.list().unwrap();
        assert_ne!(edited[0].digest, first[0].digest);
        std::fs::write(pack.join("img/y.png"), [2u8; 10]).unwrap();
        let added = shelf.get("rally").unwrap().unwrap();
        assert_ne!(added.1, edited[0].digest);
        std::fs::remove_file(pack.join("img/y.png")).unwrap();
        assert_eq!(shelf.get("rally").unwrap().unwrap().1, edited[0].digest);
        assert_eq!(shelf.builds(), 4);
    }
}

/// A privacy notice found by its SHA-256 (`placard-collector notice`).
#[derive(Debug, Clone)]
pub struct FoundNotice {
    /// Where it is shown: `PACK/PETITION` and the language (`original` or a tag).
    pub place: String,
    pub notice: placard_petition::Notice,
}

/// The privacy notices under `packs` (each subfolder a pack, as `serve --packs` serves them)
/// and in the built-in demo pack whose SHA-256 starts with `sha256` (at least 8 hex digits):
/// what a consent receipt's `notice_sha256` names, so an organisation can show what a signer
/// was shown.
pub fn find_notice(packs: Option<&Path>, sha256: &str) -> Result<Vec<FoundNotice>, std::io::Error> {
    let wanted = sha256.trim().to_ascii_lowercase();
    if wanted.len() < 8 || !wanted.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "a notice's SHA-256 is hex digits (at least 8 of them)",
        ));
    }
    let demo = tempfile::tempdir()?;
    let mut folders = vec![(
        "demo".to_owned(),
        placard_petition::demo::extract(demo.path())?.to_owned(),
    )];
    if let Some(packs) = packs {
        for entry in std::fs::read_dir(packs)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if valid_name(&name) && entry.path().is_dir() {
                folders.push((name, entry.path()));
            }
        }
    }
    let renderer = placard_petition::Renderer::default();
    let mut found: Vec<FoundNotice> = Vec::new();
    for (name, dir) in folders {
        let Ok(pack) = placard_petition::Pack::load(&dir, &renderer) else {
            continue;
        };
        for entry in pack.petitions() {
            for shown in std::iter::once(&entry.original).chain(entry.translations.values()) {
                let Some(notice) = &shown.privacy else {
                    continue;
                };
                if notice.sha256.starts_with(&wanted) {
                    found.push(FoundNotice {
                        place: format!(
                            "{name}/{} ({})",
                            entry.id(),
                            shown.lang.as_deref().unwrap_or("original")
                        ),
                        notice: notice.clone(),
                    });
                }
            }
        }
    }
    Ok(found)
}
