//! Privacy notices: what a signer is told about their data before they sign (who holds it,
//! why, for how long, how to ask for erasure). A petition's own `privacy_notice`, else its
//! pack's `privacy.md` (plain Markdown at the pack's root, no front matter; `privacy.LANG.md`
//! for each translation). Each notice carries the SHA-256 of its text, which every record
//! signed under it keeps as its consent receipt, so an organisation can show later exactly
//! what a signer was shown (`placard-collector notice`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::model::Warning;
use crate::render::{Location, Renderer};

/// The pack's default notice file, at its root.
pub const PACK_NOTICE: &str = "privacy";

/// One privacy notice, as the kiosk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The text exactly as written (Markdown): what the digest is of.
    pub markdown: String,
    /// Sanitised HTML of it, exactly as the kiosk shows it.
    pub html: String,
    /// SHA-256 of `markdown`'s UTF-8 bytes, lowercase hex.
    pub sha256: String,
}

impl Notice {
    pub(crate) fn new(
        markdown: String,
        renderer: &Renderer,
        at: Location<'_>,
    ) -> (Self, Vec<Warning>) {
        let rendered = renderer.render(&markdown, at);
        let sha256 = digest(&markdown);
        (
            Self {
                markdown,
                html: rendered.html,
                sha256,
            },
            rendered.warnings,
        )
    }
}

/// SHA-256 of a notice's text, lowercase hex.
pub fn digest(markdown: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, markdown.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The pack's default notices: `privacy.md` and its translations.
#[derive(Debug, Default)]
pub(crate) struct PackNotices {
    original: Option<Notice>,
    translations: BTreeMap<String, Notice>,
}

impl PackNotices {
    /// Reads `privacy.md` and `privacy.LANG.md` at `root` (canonical); also returns, by file
    /// name, what `petitions check` says of each (they are not pages).
    pub(crate) fn read(
        root: &Path,
        renderer: &Renderer,
    ) -> (Self, BTreeMap<std::ffi::OsString, String>) {
        let mut notices = Self::default();
        let mut notes = BTreeMap::new();
        let Ok(dir) = std::fs::read_dir(root) else {
            return (notices, notes);
        };
        let at = Location {
            file_dir: root,
            pack_root: root,
        };
        for entry in dir.flatten() {
            let file_name = entry.file_name();
            let Some(name) = file_name.to_str() else {
                continue;
            };
            let Some(stem) = name.strip_suffix(".md") else {
                continue;
            };
            let lang = match stem.strip_prefix(PACK_NOTICE) {
                Some("") => None,
                Some(tag) => match tag.strip_prefix('.').and_then(crate::pack::language_tag) {
                    Some(lang) => Some(lang),
                    None => continue,
                },
                None => continue,
            };
            let Ok(Ok(text)) = std::fs::read(entry.path()).map(String::from_utf8) else {
                notes.insert(
                    file_name.clone(),
                    "the pack's privacy notice, but not UTF-8 text: not shown".to_owned(),
                );
                continue;
            };
            if text.starts_with("---") {
                // Front matter makes it a page (a petition), not the notice.
                continue;
            }
            let (notice, warnings) = Notice::new(text, renderer, at);
            let mut note = format!(
                "the pack's privacy notice{} (sha256 {})",
                lang.as_deref()
                    .map(|l| format!(" in `{l}`"))
                    .unwrap_or_default(),
                &notice.sha256[..16]
            );
            for w in warnings {
                note.push_str("; ");
                note.push_str(&w.message);
            }
            notes.insert(file_name.clone(), note);
            match lang {
                None => notices.original = Some(notice),
                Some(lang) => {
                    notices.translations.insert(lang, notice);
                }
            }
        }
        (notices, notes)
    }

    /// `privacy.md`.
    pub(crate) fn original(&self) -> Option<&Notice> {
        self.original.as_ref()
    }

    /// The `privacy.LANG.md` for `lang` (exact tag, then the language alone), if any.
    pub(crate) fn translated(&self, lang: Option<&str>) -> Option<&Notice> {
        let lang = lang?;
        let primary = lang.split('-').next().unwrap_or(lang);
        self.translations.get(lang).or_else(|| {
            self.translations
                .iter()
                .find(|(tag, _)| tag.split('-').next() == Some(primary))
                .map(|(_, n)| n)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{FileReport, Pack, Renderer};

    fn pack(files: &[(&str, &str)]) -> (tempfile::TempDir, Pack) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let pack = Pack::load(dir.path(), &Renderer::default()).unwrap();
        (dir, pack)
    }

    /// A petition's own notice first; else the pack's `privacy.md`, in the translation's
    /// language when there is one; `consent_required` from the petition, else the original,
    /// else `_config.yml`.
    #[test]
    fn notices_come_from_the_petition_else_the_pack_in_its_language() {
        let (_dir, pack) = pack(&[
            ("_config.yml", "consent_required: true\n"),
            ("privacy.md", "## Your data\n\nWe keep it 24 hours.\n"),
            ("privacy.sw.md", "## Data yako\n"),
            ("a.md", "---\ntitle: A\n---\nbody"),
            ("a.sw.md", "---\ntitle: A sw\n---\nbody"),
            ("a.fr.md", "---\ntitle: A fr\n---\nbody"),
            (
                "b.md",
                "---\ntitle: B\nconsent_required: false\nprivacy_notice: \"Our *own* notice.\"\n---\n",
            ),
            ("b.sw.md", "---\ntitle: B sw\n---\n"),
        ]);
        let a = pack.get("a").unwrap();
        let original = a.original.privacy.as_ref().unwrap();
        assert_eq!(original.markdown, "## Your data\n\nWe keep it 24 hours.\n");
        assert_eq!(original.sha256, super::digest(&original.markdown));
        assert_eq!(
            super::digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(
            original.html.contains("<h2>Your data</h2>"),
            "{}",
            original.html
        );
        assert_eq!(
            a.localized(Some("sw")).privacy.as_ref().unwrap().markdown,
            "## Data yako\n"
        );
        // No French notice: the original one.
        assert_eq!(a.localized(Some("fr")).privacy.as_ref(), Some(original));
        assert_eq!(
            a.original.petition.consent_required,
            Some(true),
            "the pack's default"
        );

        let b = pack.get("b").unwrap();
        assert_eq!(
            b.original.privacy.as_ref().unwrap().markdown,
            "Our *own* notice."
        );
        // Its translation has no notice of its own and the pack's Swahili one is the pack's
        // default, which the petition's own notice overrides.
        assert_eq!(
            b.localized(Some("sw")).privacy.as_ref().unwrap().markdown,
            "## Data yako\n"
        );
        assert_eq!(b.original.petition.consent_required, Some(false));
        assert_eq!(
            b.localized(Some("sw")).petition.consent_required,
            Some(false)
        );

        // The notice files are reported as what they are, not as failed pages.
        let notes: Vec<_> = pack
            .report()
            .iter()
            .filter_map(|r| match r {
                FileReport::Skipped { path, reason } if reason.contains("privacy notice") => {
                    Some(path.file_name().unwrap().to_string_lossy().into_owned())
                }
                _ => None,
            })
            .collect();
        assert_eq!(notes, ["privacy.md", "privacy.sw.md"]);
        assert_eq!(pack.failures().count(), 0);
    }

    #[test]
    fn a_pack_without_a_notice_shows_none() {
        let (_dir, pack) = pack(&[("a.md", "---\ntitle: A\n---\nbody")]);
        let a = pack.get("a").unwrap();
        assert!(a.original.privacy.is_none());
        assert_eq!(a.original.petition.consent_required, None);
    }
}
