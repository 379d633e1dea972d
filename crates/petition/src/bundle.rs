//! A pack as one tar file: how the collector serves a pack (`GET /v1/packs/NAME`) and how a
//! kiosk takes it in. Writing is deterministic (sorted paths, no times or owners), so the same
//! folder always gives the same bytes and the same digest. Reading refuses anything but plain
//! files and folders inside the destination: no links, no devices, no `..`, no absolute paths.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

/// The largest pack taken in, unpacked: a pack is text and a few images.
pub const MAX_UNPACKED: u64 = 256 << 20;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the pack holds `{0}`, which is not a plain file or folder inside the pack")]
    Unsafe(String),
    #[error("the pack unpacks to more than {} MiB", MAX_UNPACKED >> 20)]
    TooLarge,
}

/// The files of the pack in `dir` (hidden files and folders left out), as a tar.
pub fn write(dir: &Path) -> std::io::Result<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() {
            files.push(
                entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_owned(),
            );
        }
    }
    files.sort();
    let mut tar = tar::Builder::new(Vec::new());
    tar.mode(tar::HeaderMode::Deterministic);
    for rel in files {
        let mut header = tar::Header::new_gnu();
        let data = std::fs::read(dir.join(&rel))?;
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, &rel, &data[..])?;
    }
    tar.into_inner()
}

/// Unpacks `bytes` into `dest` (which must exist and be empty); returns how many files.
/// Refuses the whole pack at the first unsafe entry (what was unpacked until then stays in
/// `dest`, for the caller to remove).
pub fn unpack(bytes: &[u8], dest: &Path) -> Result<u64, BundleError> {
    let mut archive = tar::Archive::new(bytes);
    let mut total = 0u64;
    let mut files = 0u64;
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let shown = path.display().to_string();
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        let kind = entry.header().entry_type();
        if !plain || !(kind.is_file() || kind.is_dir()) {
            return Err(BundleError::Unsafe(shown));
        }
        total = total.saturating_add(entry.size());
        if total > MAX_UNPACKED {
            return Err(BundleError::TooLarge);
        }
        let target = dest.join(&path);
        if kind.is_dir() {
            std::fs::create_dir_all(&target)?;
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Read through `take`: a header that lies about its size cannot write more.
        let size = entry.size();
        let mut data = Vec::new();
        (&mut entry).take(size).read_to_end(&mut data)?;
        std::fs::write(&target, &data)?;
        files += 1;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pack_round_trips_byte_for_byte_and_deterministically() {
        let src = tempfile::tempdir().unwrap();
        crate::demo::extract(src.path()).unwrap();
        std::fs::write(src.path().join(".hidden"), "left out").unwrap();
        let once = write(src.path()).unwrap();
        assert_eq!(once, write(src.path()).unwrap(), "same folder, same bytes");
        let dest = tempfile::tempdir().unwrap();
        let n = unpack(&once, dest.path()).unwrap();
        assert!(n >= 3, "{n}");
        assert!(!dest.path().join(".hidden").exists());
        for entry in WalkDir::new(dest.path()) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dest.path()).unwrap();
                assert_eq!(
                    std::fs::read(entry.path()).unwrap(),
                    std::fs::read(src.path().join(rel)).unwrap()
                );
            }
        }
    }

    fn tar_with(path: &str, kind: tar::EntryType) -> Vec<u8> {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(kind);
        header.set_size(2);
        header.set_mode(0o644);
        // Bypass `append_data`'s own path checks: a hostile tar is written by hand.
        let name = &mut header.as_old_mut().name;
        name[..path.len()].copy_from_slice(path.as_bytes());
        header.set_cksum();
        let mut tar = tar::Builder::new(Vec::new());
        tar.append(&header, &b"hi"[..]).unwrap();
        tar.into_inner().unwrap()
    }

    #[test]
    fn escapes_links_and_absolute_paths_are_refused() {
        for (path, kind) in [
            ("../evil.md", tar::EntryType::Regular),
            ("/etc/evil.md", tar::EntryType::Regular),
            ("a/../../evil.md", tar::EntryType::Regular),
            ("link.md", tar::EntryType::Symlink),
            ("hard.md", tar::EntryType::Link),
            ("dev", tar::EntryType::Char),
        ] {
            let dest = tempfile::tempdir().unwrap();
            let inner = dest.path().join("inner");
            std::fs::create_dir(&inner).unwrap();
            let err = unpack(&tar_with(path, kind), &inner).unwrap_err();
            assert!(matches!(err, BundleError::Unsafe(_)), "{path}: {err}");
            assert!(!dest.path().join("evil.md").exists());
            assert_eq!(std::fs::read_dir(&inner).unwrap().count(), 0, "{path}");
        }
    }
}
