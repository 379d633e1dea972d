//! A petition pack: a folder of petition files (found recursively) and their images.
//!
//! Loading never stops at a bad file: each file either loads (perhaps with warnings) or fails
//! with its own located error, so one broken petition cannot take a whole rally's kiosk down.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use percent_encoding::percent_decode_str;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::error::{AssetError, PackError, PetitionError};
use crate::frontmatter::{self, ParseFailure, Position};
use crate::jekyll::{self, SiteConfig, WidgetKind};
use crate::model::{Petition, Warning};
use crate::notice::{Notice, PackNotices};
use crate::render::{Location, Renderer};

/// One petition file, parsed and rendered.
#[derive(Debug, Clone, Serialize)]
pub struct LoadedPetition {
    pub path: PathBuf,
    /// BCP 47 tag of a `NAME.LANG.md` translation; `None` for the original.
    pub lang: Option<String>,
    pub petition: Petition,
    /// Sanitised HTML of the body, exactly as the kiosk shows it.
    pub body_html: String,
    /// Sanitised HTML of the disclosure text, if any.
    pub disclosure_html: Option<String>,
    /// The privacy notice shown with the form: the file's own `privacy_notice`, else the
    /// pack's `privacy.md` in this file's language (see [`crate::notice`]).
    pub privacy: Option<Notice>,
    /// The hero image as the kiosk addresses it (`pack://localhost/…`), when the petition
    /// names one and it is a raster image inside the pack.
    pub hero_image: Option<String>,
    pub warnings: Vec<Warning>,
}

/// A petition and its translations.
#[derive(Debug, Clone)]
pub struct PackEntry {
    pub original: LoadedPetition,
    pub translations: BTreeMap<String, LoadedPetition>,
}

impl PackEntry {
    pub fn id(&self) -> &str {
        &self.original.petition.id
    }

    /// The translation for `lang` when the pack has one (exact tag first, then the language
    /// alone: `pt` serves `pt-BR`), else the original.
    pub fn localized(&self, lang: Option<&str>) -> &LoadedPetition {
        let Some(lang) = lang else {
            return &self.original;
        };
        if let Some(t) = self.translations.get(lang) {
            return t;
        }
        let primary = lang.split('-').next().unwrap_or(lang);
        self.translations
            .iter()
            .find(|(tag, _)| tag.split('-').next() == Some(primary))
            .map_or(&self.original, |(_, t)| t)
    }

    /// Languages with a translation file, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.translations.keys().map(String::as_str)
    }
}

/// How one file of a pack fared, in path order; what `placard petitions check` prints.
#[derive(Debug, Clone)]
pub enum FileReport {
    Loaded {
        path: PathBuf,
        title: String,
        warnings: Vec<Warning>,
    },
    Failed(PetitionError),
    /// Not a page (a file with no front matter, which Jekyll copies as it is, or one in
    /// Jekyll's own folders): not a failure.
    Skipped {
        path: PathBuf,
        reason: String,
    },
}

/// A loaded pack.
#[derive(Debug)]
pub struct Pack {
    root: PathBuf,
    entries: BTreeMap<String, PackEntry>,
    report: Vec<FileReport>,
    site: SiteConfig,
}

impl Pack {
    /// Loads every petition file under `root`, rendering bodies with `renderer`.
    pub fn load(root: &Path, renderer: &Renderer) -> Result<Self, PackError> {
        let canonical = root
            .canonicalize()
            .map_err(|source| PackError::Unreadable {
                path: root.to_owned(),
                source,
            })?;
        if !canonical.is_dir() {
            return Err(PackError::NotADirectory(root.to_owned()));
        }
        let files = petition_files(root)?;
        let site = SiteConfig::read(&canonical);
        let mut report = Vec::with_capacity(files.len());
        let mut entries: BTreeMap<String, PackEntry> = BTreeMap::new();
        // An original's id by the id its file name gives (a permalink can change it), so its
        // translations (`NAME.LANG.md`) find it.
        let mut by_file_id: BTreeMap<String, String> = BTreeMap::new();
        let mut translations = Vec::new();
        for path in &files {
            let rel = path.strip_prefix(root).unwrap_or(path);
            if let Some(reason) = jekyll::not_a_page(rel) {
                report.push(FileReport::Skipped {
                    path: path.clone(),
                    reason,
                });
                continue;
            }
            let (file_id, lang) = file_id(path, &files);
            let id = jekyll::layout_id(rel, &file_id);
            match load_file(path, &id, lang.clone(), &canonical, renderer) {
                Err(e) if e.is_not_a_page() => report.push(FileReport::Skipped {
                    path: path.clone(),
                    reason: "no front matter: a static file to Jekyll, not a page".into(),
                }),
                Err(e) => report.push(FileReport::Failed(e)),
                Ok(loaded) if lang.is_some() => translations.push((id, loaded)),
                Ok(mut loaded) => {
                    let id = place_on_site(&mut loaded, rel, &file_id, &site);
                    if let Some(first) = entries.get(&id) {
                        report.push(FileReport::Failed(PetitionError::whole_file(
                            path,
                            format!(
                                "duplicate petition id `{id}`: {} has the same id",
                                first.original.path.display()
                            ),
                        )));
                        continue;
                    }
                    report.push(FileReport::Loaded {
                        path: path.clone(),
                        title: loaded.petition.title.clone(),
                        warnings: loaded.warnings.clone(),
                    });
                    by_file_id.insert(loaded_file_key(rel, &file_id), id.clone());
                    entries.insert(
                        id,
                        PackEntry {
                            original: loaded,
                            translations: BTreeMap::new(),
                        },
                    );
                }
            }
        }
        for (layout_id, mut t) in translations {
            let lang = t.lang.clone().unwrap_or_default();
            let rel = t.path.strip_prefix(root).unwrap_or(&t.path).to_owned();
            let stem = file_id(&t.path, &files).0;
            let key = loaded_file_key(&rel, &stem);
            match by_file_id.get(&key).and_then(|id| entries.get_mut(id)) {
                Some(entry) => {
                    // A translation is the same petition: the original's id and address.
                    t.petition.id = entry.id().to_owned();
                    if t.petition.page_url.is_none() {
                        t.petition.page_url = entry.original.petition.page_url.clone();
                    }
                    // What signers must agree to does not change with the language.
                    if t.petition.consent_required.is_none() {
                        t.petition.consent_required = entry.original.petition.consent_required;
                    }
                    report.push(FileReport::Loaded {
                        path: t.path.clone(),
                        title: t.petition.title.clone(),
                        warnings: t.warnings.clone(),
                    });
                    entry.translations.insert(lang, t);
                }
                None => report.push(FileReport::Failed(PetitionError::whole_file(
                    &t.path,
                    format!("translation `{lang}` of `{layout_id}`, whose original failed to load"),
                ))),
            }
        }
        let (notices, notes) = PackNotices::read(&canonical, renderer);
        for entry in entries.values_mut() {
            let own = entry.original.privacy.clone();
            for t in entry.translations.values_mut() {
                if t.privacy.is_none() {
                    t.privacy = notices
                        .translated(t.lang.as_deref())
                        .or(own.as_ref())
                        .or(notices.original())
                        .cloned();
                }
            }
            if entry.original.privacy.is_none() {
                entry.original.privacy = notices.original().cloned();
            }
            for p in std::iter::once(&mut entry.original).chain(entry.translations.values_mut()) {
                if p.petition.consent_required.is_none() {
                    p.petition.consent_required = site.consent_required;
                }
            }
        }
        // The pack's notice files are not pages: say what they are.
        for r in &mut report {
            if let FileReport::Skipped { path, reason } = r
                && let Some(note) = notes.get(path.file_name().unwrap_or_default())
                && path.parent().and_then(|d| d.canonicalize().ok()).as_deref() == Some(&canonical)
            {
                note.clone_into(reason);
            }
        }
        report.sort_by(|a, b| a.path().cmp(b.path()));
        Ok(Self {
            root: canonical,
            entries,
            report,
            site,
        })
    }

    /// The pack's folder (canonical).
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn petitions(&self) -> impl Iterator<Item = &PackEntry> {
        self.entries.values()
    }

    pub fn get(&self, id: &str) -> Option<&PackEntry> {
        self.entries.get(id)
    }

    /// Every file's outcome, in path order.
    pub fn report(&self) -> &[FileReport] {
        &self.report
    }

    pub fn failures(&self) -> impl Iterator<Item = &PetitionError> {
        self.report.iter().filter_map(|r| match r {
            FileReport::Failed(e) => Some(e),
            FileReport::Loaded { .. } | FileReport::Skipped { .. } => None,
        })
    }

    /// The site's `_config.yml`, when the pack has one.
    pub fn site(&self) -> &SiteConfig {
        &self.site
    }

    /// Reads an image of the pack for the kiosk's asset scheme. `url_path` is the URL path
    /// (percent-encoded, relative to the pack root). Only image files inside the pack are served.
    pub fn asset(&self, url_path: &str) -> Result<Asset, AssetError> {
        asset_in(&self.root, url_path)
    }
}

/// A raster image inside the pack whose canonical root is `root`, by the path the kiosk
/// addresses it by, without loading the pack's petitions (see [`Pack::asset`]).
pub fn asset_in(root: &Path, url_path: &str) -> Result<Asset, AssetError> {
    let decoded = percent_decode_str(url_path.trim_start_matches('/'))
        .decode_utf8()
        .map_err(|_| AssetError::NotFound(url_path.to_owned()))?;
    let rel = Path::new(decoded.as_ref());
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(AssetError::Forbidden(url_path.to_owned()));
    }
    let mime = image_mime(rel).ok_or_else(|| AssetError::Forbidden(url_path.to_owned()))?;
    let real = root
        .join(rel)
        .canonicalize()
        .map_err(|_| AssetError::NotFound(url_path.to_owned()))?;
    if !real.starts_with(root) || !real.is_file() {
        return Err(AssetError::Forbidden(url_path.to_owned()));
    }
    let bytes = std::fs::read(&real).map_err(|_| AssetError::NotFound(url_path.to_owned()))?;
    Ok(Asset { bytes, mime })
}

impl FileReport {
    pub fn path(&self) -> &Path {
        match self {
            Self::Loaded { path, .. } | Self::Skipped { path, .. } => path,
            Self::Failed(e) => &e.path,
        }
    }
}

/// An image of a pack, ready to serve.
#[derive(Debug, Clone)]
pub struct Asset {
    pub bytes: Vec<u8>,
    pub mime: &'static str,
}

/// Raster images only: an SVG can carry script, and nothing else in a pack is the webview's
/// business.
fn image_mime(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        _ => return None,
    })
}

/// Petition files under `root`, sorted; hidden folders and files are skipped.
pub fn petition_files(root: &Path) -> Result<Vec<PathBuf>, PackError> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| PackError::Walk {
            path: e.path().unwrap_or(root).to_owned(),
            source: e.into(),
        })?;
        if entry.file_type().is_file() && is_petition_file(entry.path()) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

fn is_petition_file(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// A file's petition id and translation language. `NAME.LANG.md` is a translation only when LANG
/// is a language tag *and* `NAME.md` sits beside it: the corpus has `…TPP.bak.md`, and `bak` is
/// a real language code.
pub fn file_id(path: &Path, all: &[PathBuf]) -> (String, Option<String>) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some((name, lang)) = stem.rsplit_once('.')
        && let Some(tag) = language_tag(lang)
        && ["md", "markdown"]
            .iter()
            .any(|ext| all.contains(&path.with_file_name(format!("{name}.{ext}"))))
    {
        return (name.to_owned(), Some(tag));
    }
    (stem, None)
}

/// Where an original file sits, as its translations name it: its folder and file id.
fn loaded_file_key(rel: &Path, file_id: &str) -> String {
    let dir = rel.parent().unwrap_or(Path::new(""));
    format!("{}/{file_id}", dir.display())
}

/// The page's place on the site: its `permalink` (which, when it names a page, is its id), and
/// its address when the site's `_config.yml` says where the site is. Returns the id.
fn place_on_site(
    loaded: &mut LoadedPetition,
    rel: &Path,
    file_id: &str,
    site: &SiteConfig,
) -> String {
    let p = &mut loaded.petition;
    match p.permalink.as_deref().and_then(jekyll::permalink_id) {
        Some(Ok(id)) => p.id = id,
        Some(Err(why)) => loaded.warnings.push(Warning::new(why)),
        None => {}
    }
    p.page_url = jekyll::page_path(rel, file_id, p.permalink.as_deref())
        .and_then(|path| site.page_url(&path));
    p.id.clone()
}

/// The canonical form of a BCP 47 tag (`pt-br` → `pt-BR`), if `s` is one.
pub(crate) fn language_tag(s: &str) -> Option<String> {
    let primary = s.split('-').next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    s.parse::<LanguageIdentifier>().ok().map(|l| l.to_string())
}

/// Loads one file. `pack_root` must be canonical.
pub fn load_file(
    path: &Path,
    id: &str,
    lang: Option<String>,
    pack_root: &Path,
    renderer: &Renderer,
) -> Result<LoadedPetition, PetitionError> {
    let bytes = std::fs::read(path)
        .map_err(|e| PetitionError::whole_file(path, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or("");
        PetitionError::at(
            path,
            Position {
                line: valid.matches('\n').count() + 1,
                column: valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            },
            "the file is not UTF-8 text",
        )
    })?;
    let located = |f: ParseFailure| PetitionError::at(path, f.position, f.reason);
    let split = frontmatter::split(&text).map_err(located)?;
    let (petition, mut warnings) = frontmatter::parse(id, &split).map_err(located)?;
    let file_dir = path
        .parent()
        .and_then(|d| d.canonicalize().ok())
        .unwrap_or_else(|| pack_root.to_owned());
    let at = Location {
        file_dir: &file_dir,
        pack_root,
    };
    let mut petition = petition;
    let mut not_a_petition = None;
    for widget in jekyll::widgets(split.body) {
        match widget.kind {
            WidgetKind::Petition => match &petition.action_network.slug {
                None => petition.action_network.slug = Some(widget.slug),
                Some(own) if *own == widget.slug => {}
                Some(own) => warnings.push(Warning::new(format!(
                    "the embedded Action Network petition `{}` is not this file's `{own}`; `{own}` is used",
                    widget.slug
                ))),
            },
            WidgetKind::Event | WidgetKind::Letter => {
                not_a_petition.get_or_insert(widget);
            }
        }
    }
    // An event or a letter is not a petition: with no petition widget beside it, the page is
    // kept off the start screen (an operator may still choose it).
    if let Some(widget) = not_a_petition {
        let kind = if widget.kind == WidgetKind::Event {
            "event"
        } else {
            "letter"
        };
        let shown = if petition.action_network.slug.is_none() {
            petition.published = false;
            "; not on the start screen unless an operator picks it"
        } else {
            ""
        };
        warnings.push(Warning::new(format!(
            "an embedded Action Network {kind} (`{}`) is not a petition: the kiosk offers no form for it{shown}",
            widget.slug
        )));
    }
    let hero_image = petition.hero_image.as_deref().and_then(|dest| {
        match renderer.image_url(dest, at).and_then(|(rel, url)| {
            if image_mime(Path::new(&rel)).is_some() {
                Ok(url)
            } else {
                Err(format!(
                    "hero image `{dest}` is not a raster image; not shown"
                ))
            }
        }) {
            Ok(url) => Some(url),
            Err(why) => {
                warnings.push(Warning::new(why));
                None
            }
        }
    });
    let body = renderer.render(split.body, at);
    warnings.extend(body.warnings);
    let disclosure_html = petition.disclosure_text.as_deref().map(|d| {
        let r = renderer.render(d, at);
        warnings.extend(r.warnings);
        r.html
    });
    let privacy = petition.privacy_notice.clone().map(|text| {
        let (notice, w) = Notice::new(text, renderer, at);
        warnings.extend(w);
        notice
    });
    Ok(LoadedPetition {
        path: path.to_owned(),
        lang,
        petition,
        body_html: body.html,
        disclosure_html,
        privacy,
        hero_image,
        warnings,
    })
}

/// The pack root to use for a single file (`placard petitions render FILE`): the nearest
/// ancestor folder that has an `img` folder, else the file's own folder.
pub fn pack_root_for(file: &Path) -> PathBuf {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    dir.ancestors()
        .find(|d| d.join("img").is_dir())
        .map_or_else(|| dir.clone(), Path::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn loads_recursively_with_translations_and_reports_failures() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a/save-x.md", "---\nheadline: Save X\n---\nBody");
        write(root, "a/save-x.sw.md", "---\nheadline: Okoa X\n---\nMwili");
        write(
            root,
            "a/save-x.pt-br.md",
            "---\nheadline: Salve X\n---\nCorpo",
        );
        write(root, "b/old.bak.md", "---\nheadline: Old\n---\n");
        write(root, "b/broken.markdown", "---\nheadline: [unclosed\n---\n");
        write(root, ".git/ignored.md", "not a petition");
        write(root, "notes.txt", "not a petition");
        let pack = Pack::load(root, &Renderer::default()).unwrap();
        let ids: Vec<_> = pack.petitions().map(PackEntry::id).collect();
        assert_eq!(ids, ["old.bak", "save-x"]);
        let x = pack.get("save-x").unwrap();
        assert_eq!(x.languages().collect::<Vec<_>>(), ["pt-BR", "sw"]);
        assert_eq!(x.localized(Some("sw")).petition.title, "Okoa X");
        assert_eq!(x.localized(Some("pt")).petition.title, "Salve X");
        assert_eq!(x.localized(Some("de")).petition.title, "Save X");
        assert_eq!(x.localized(None).body_html.trim(), "<p>Body</p>");
        let failures: Vec<_> = pack.failures().collect();
        assert_eq!(failures.len(), 1);
        assert!(failures[0].path.ends_with("b/broken.markdown"));
        // The unclosed `[` is only known to be unclosed at the closing fence.
        assert_eq!(failures[0].line, 3);
        assert_eq!(pack.report().len(), 5);
    }

    #[test]
    fn duplicate_ids_fail_the_second_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a/p.md", "---\ntitle: one\n---\n");
        write(dir.path(), "b/p.md", "---\ntitle: two\n---\n");
        let pack = Pack::load(dir.path(), &Renderer::default()).unwrap();
        assert_eq!(pack.get("p").unwrap().original.petition.title, "one");
        let e = pack.failures().next().unwrap();
        assert!(e.reason.contains("duplicate petition id"), "{e}");
    }

    #[test]
    fn assets_are_images_inside_the_pack_only() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "img/a b.png", "PNG");
        write(dir.path(), "img/x.svg", "<svg/>");
        write(dir.path(), "p.md", "---\ntitle: t\n---\n");
        let pack = Pack::load(dir.path(), &Renderer::default()).unwrap();
        let a = pack.asset("/img/a%20b.png").unwrap();
        assert_eq!((a.bytes.as_slice(), a.mime), (&b"PNG"[..], "image/png"));
        assert!(matches!(
            pack.asset("img/x.svg"),
            Err(AssetError::Forbidden(_))
        ));
        assert!(matches!(pack.asset("p.md"), Err(AssetError::Forbidden(_))));
        assert!(matches!(
            pack.asset("img/../../etc/passwd.png"),
            Err(AssetError::Forbidden(_))
        ));
        assert!(matches!(
            pack.asset("img/none.png"),
            Err(AssetError::NotFound(_))
        ));
    }

    #[test]
    fn non_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.md"), b"---\ntitle: caf\xe9\n---\n").unwrap();
        let pack = Pack::load(dir.path(), &Renderer::default()).unwrap();
        let e = pack.failures().next().unwrap();
        assert_eq!((e.line, e.column), (2, 11), "{e}");
        assert!(e.reason.contains("UTF-8"));
    }
}
