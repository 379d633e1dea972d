//! The console's "Petitions and packs": the packs kiosks can take (`serve --packs DIR`), each
//! checked as `placard petitions check` and a kiosk check it, each petition previewed with the
//! kiosk's own renderer (the same sanitised HTML, images from the pack); and adding a pack by
//! uploading a zip (the page zips a chosen folder itself), taken in only if it loads with at
//! least one petition — as a kiosk takes a pack — so a bad upload leaves the shelf as it was.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use placard_petition::{FileReport, Pack, Renderer};
use serde::Serialize;

use super::{Console, Refusal};

/// The largest zip the console takes (the pack unpacked may be larger, up to the bundle's own
/// limit, as kiosks take it).
pub const MAX_UPLOAD: usize = 64 << 20;

/// How a pack checked, and what is in it.
#[derive(Serialize)]
pub(super) struct PackView {
    name: String,
    petitions: Vec<PetitionLine>,
    /// Files that did not load: where and why.
    failures: Vec<Failure>,
    /// Files that are not pages (Jekyll copies them as they are).
    skipped: usize,
}

#[derive(Serialize)]
struct PetitionLine {
    id: String,
    title: String,
    published: bool,
    /// Translations, by language tag.
    languages: Vec<String>,
    /// What `placard petitions check` warns of, for the original and each translation.
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct Failure {
    path: String,
    line: usize,
    reason: String,
}

/// The renderer for previews: images addressed under this console's pack files route.
fn renderer(c: &Console, name: &str) -> Renderer {
    Renderer::new(&format!("{}/api/packs/{name}/files/", c.base))
}

fn view(name: &str, pack: &Pack) -> PackView {
    let root = pack.root().to_owned();
    let rel = |p: &Path| p.strip_prefix(&root).unwrap_or(p).display().to_string();
    let petitions = pack
        .petitions()
        .map(|e| PetitionLine {
            id: e.id().to_owned(),
            title: e.original.petition.title.clone(),
            published: e.original.petition.published,
            languages: e.languages().map(str::to_owned).collect(),
            warnings: std::iter::once(&e.original)
                .chain(e.translations.values())
                .flat_map(|p| {
                    let file = rel(&p.path);
                    p.warnings.iter().map(move |w| format!("{file}: {w}"))
                })
                .collect(),
        })
        .collect();
    let mut failures = Vec::new();
    let mut skipped = 0;
    for r in pack.report() {
        match r {
            FileReport::Failed(e) => failures.push(Failure {
                path: rel(&e.path),
                line: e.line,
                reason: e.reason.clone(),
            }),
            FileReport::Skipped { .. } => skipped += 1,
            FileReport::Loaded { .. } => {}
        }
    }
    PackView {
        name: name.to_owned(),
        petitions,
        failures,
        skipped,
    }
}

/// The packs folder, or why there is none.
fn shelf(c: &Console) -> Result<PathBuf, Refusal> {
    c.packs.dir().map(Path::to_owned).ok_or(Refusal::NoPacks)
}

/// `GET /api/packs`: every pack on the shelf, checked.
pub(super) async fn list(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let Some(dir) = c.packs.dir().map(Path::to_owned) else {
        return Ok(axum::Json(serde_json::json!({"folder": null, "packs": []})).into_response());
    };
    let listed = c.packs.list().map_err(|_| Refusal::Store)?;
    let console = c.clone();
    let packs = tokio::task::spawn_blocking(move || {
        listed
            .into_iter()
            .filter_map(|l| {
                let pack = Pack::load(&dir.join(&l.name), &renderer(&console, &l.name)).ok()?;
                Some(view(&l.name, &pack))
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|_| Refusal::Store)?;
    Ok(axum::Json(serde_json::json!({"folder": true, "packs": packs})).into_response())
}

#[derive(serde::Deserialize)]
pub(super) struct Lang {
    lang: Option<String>,
}

#[derive(Serialize)]
struct Preview {
    id: String,
    lang: Option<String>,
    title: String,
    petition_title: Option<String>,
    petition_copy: Option<String>,
    action_text: Option<String>,
    /// Sanitised HTML, exactly as the kiosk shows it.
    body_html: String,
    disclosure_html: Option<String>,
    privacy_markdown: Option<String>,
    hero_image: Option<String>,
    warnings: Vec<String>,
}

/// `GET /api/packs/{name}/petitions/{id}?lang=`: one petition as the kiosk renders it.
pub(super) async fn preview(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    UrlPath((name, id)): UrlPath<(String, String)>,
    Query(lang): Query<Lang>,
) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let dir = shelf(&c)?;
    if !crate::packs::valid_name(&name) || !dir.join(&name).is_dir() {
        return Err(Refusal::NoPack);
    }
    let console = c.clone();
    let shown = tokio::task::spawn_blocking(move || {
        let renderer = renderer(&console, &name);
        let pack = Pack::load(&dir.join(&name), &renderer).ok()?;
        let entry = pack.get(&id)?;
        let p = entry.localized(lang.lang.as_deref());
        // The hero image as the kiosk addresses it, readdressed to this console.
        let hero = p.hero_image.as_ref().map(|url| {
            url.replacen(
                placard_petition::kiosk_asset_base(),
                renderer.asset_base(),
                1,
            )
        });
        Some(Preview {
            id: p.petition.id.clone(),
            lang: p.lang.clone(),
            title: p.petition.title.clone(),
            petition_title: p.petition.petition_title.clone(),
            petition_copy: p.petition.petition_copy.clone(),
            action_text: p.petition.action_text.clone(),
            body_html: p.body_html.clone(),
            disclosure_html: p.disclosure_html.clone(),
            privacy_markdown: p.privacy.as_ref().map(|n| n.markdown.clone()),
            hero_image: hero,
            warnings: p.warnings.iter().map(ToString::to_string).collect(),
        })
    })
    .await
    .map_err(|_| Refusal::Store)?;
    shown
        .map(|p| axum::Json(p).into_response())
        .ok_or(Refusal::NoPetition)
}

/// `GET /api/packs/{name}/files/{*path}`: a pack's image, for previews (raster images only,
/// inside the pack, as the kiosk serves them).
pub(super) async fn file(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    UrlPath((name, path)): UrlPath<(String, String)>,
) -> Result<Response, Refusal> {
    c.session(&headers)?;
    let dir = shelf(&c)?;
    if !crate::packs::valid_name(&name) {
        return Err(Refusal::NoPack);
    }
    // The image alone: found and checked inside the pack's folder, its petitions not loaded.
    let found = tokio::task::spawn_blocking(move || {
        let root = dir.join(&name).canonicalize().ok()?;
        placard_petition::asset_in(&root, &path).ok()
    })
    .await
    .map_err(|_| Refusal::Store)?;
    match found {
        Some(a) => Ok(([(header::CONTENT_TYPE, a.mime)], a.bytes).into_response()),
        None => Ok(StatusCode::NOT_FOUND.into_response()),
    }
}

/// Why an upload was not taken: the stable code and what to do.
#[derive(Debug)]
enum Bad {
    NotZip(String),
    Unsafe(String),
    TooLarge,
    Load(String),
    NoPetitions,
    Io(std::io::Error),
}

impl From<std::io::Error> for Bad {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// `POST /api/packs/{name}` with a zip: checked beside the shelf, then put in place of any
/// pack of that name; the check's result is the answer.
pub(super) async fn upload(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    UrlPath(name): UrlPath<String>,
    body: axum::body::Bytes,
) -> Result<Response, Refusal> {
    c.changing(&headers)?;
    let dir = shelf(&c)?;
    if !crate::packs::valid_name(&name) {
        return Err(Refusal::BadPackName);
    }
    let console = c.clone();
    let pack_name = name.clone();
    let taken = tokio::task::spawn_blocking(move || take_in(&console, &dir, &pack_name, &body))
        .await
        .map_err(|_| Refusal::Store)?;
    match taken {
        Ok(view) => {
            let detail = format!(
                "{name}: petitions {}, warnings {}, failed {}",
                view.petitions.len(),
                view.petitions
                    .iter()
                    .map(|p| p.warnings.len())
                    .sum::<usize>(),
                view.failures.len()
            );
            c.log("add-pack", "ok", &detail).await;
            Ok(axum::Json(view).into_response())
        }
        Err(bad) => {
            let (code, message) = match bad {
                Bad::NotZip(e) => ("not_a_zip", format!("not a zip file: {e}")),
                Bad::Unsafe(p) => (
                    "unsafe_pack",
                    format!("an entry that could be written outside the pack: {p}"),
                ),
                Bad::TooLarge => (
                    "pack_too_large",
                    format!(
                        "the pack unpacks to more than {} MiB",
                        placard_petition::bundle::MAX_UNPACKED >> 20
                    ),
                ),
                Bad::Load(e) => ("pack_does_not_load", e),
                Bad::NoPetitions => (
                    "no_petitions",
                    "the pack holds no petition that loads".to_owned(),
                ),
                Bad::Io(e) => ("storage_error", e.to_string()),
            };
            c.log("add-pack", "refused", &format!("{name}: {code}"))
                .await;
            Err(Refusal::Pack(code, message))
        }
    }
}

/// Unzips into a folder beside the shelf's packs, checks it loads with a petition, then swaps
/// it in (the old copy steps aside first and is removed after). Zips made by "compress this
/// folder" hold one top folder: it is the pack.
fn take_in(c: &Console, shelf: &Path, name: &str, zip: &[u8]) -> Result<PackView, Bad> {
    let incoming = shelf.join(format!(".upload-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&incoming);
    std::fs::create_dir(&incoming)?;
    let checked = unzip(zip, &incoming).and_then(|()| {
        let root = single_folder(&incoming)?.unwrap_or_else(|| incoming.clone());
        let pack = Pack::load(&root, &renderer(c, name)).map_err(|e| Bad::Load(e.to_string()))?;
        if pack.petitions().next().is_none() {
            return Err(Bad::NoPetitions);
        }
        Ok(root)
    });
    let root = match checked {
        Ok(root) => root,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&incoming);
            return Err(e);
        }
    };
    let dest = shelf.join(name);
    let old = shelf.join(format!(".old-{name}-{}", std::process::id()));
    let had_old = dest.exists();
    if had_old {
        std::fs::rename(&dest, &old)?;
    }
    if let Err(e) = std::fs::rename(&root, &dest) {
        if had_old {
            let _ = std::fs::rename(&old, &dest);
        }
        let _ = std::fs::remove_dir_all(&incoming);
        return Err(e.into());
    }
    let _ = std::fs::remove_dir_all(&incoming);
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    let pack = Pack::load(&dest, &renderer(c, name)).map_err(|e| Bad::Load(e.to_string()))?;
    Ok(view(name, &pack))
}

/// The one folder `dir` holds, when it holds nothing else.
fn single_folder(dir: &Path) -> Result<Option<PathBuf>, Bad> {
    let entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    match entries.as_slice() {
        [one] if one.file_type()?.is_dir() => Ok(Some(one.path())),
        _ => Ok(None),
    }
}

/// Unpacks a zip with the rules a kiosk unpacks a pack by: plain relative paths only (no
/// `..`, no absolute path, no link), files and folders only, at most the bundle's size.
fn unzip(bytes: &[u8], dest: &Path) -> Result<(), Bad> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Bad::NotZip(e.to_string()))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| Bad::NotZip(e.to_string()))?;
        let shown = entry
            .name()
            .map_err(|e| Bad::NotZip(e.to_string()))?
            .into_owned();
        let path = PathBuf::from(&shown);
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || entry.is_symlink() {
            return Err(Bad::Unsafe(shown));
        }
        // Folders' own metadata (macOS's `__MACOSX`) is not the pack's.
        if path.starts_with("__MACOSX") {
            continue;
        }
        let target = dest.join(&path);
        if entry.is_dir() {
            std::fs::create_dir_all(&target)?;
            continue;
        }
        let size = entry.size();
        let room = placard_petition::bundle::MAX_UNPACKED.saturating_sub(total);
        total = total.saturating_add(size);
        if total > placard_petition::bundle::MAX_UNPACKED {
            return Err(Bad::TooLarge);
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Read through `take`: an entry that lies about its size cannot write more.
        let mut data = Vec::new();
        (&mut entry).take(room).read_to_end(&mut data)?;
        if data.len() as u64 != size {
            return Err(Bad::TooLarge);
        }
        std::fs::write(&target, &data)?;
    }
    Ok(())
}
