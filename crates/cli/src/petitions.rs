//! `placard petitions check|render`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use placard_petition::{FileReport, Pack, Renderer, file_id, load_file, pack_root_for};

pub fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let pack = Pack::load(dir, &Renderer::default())?;
    let mut out = std::io::stdout().lock();
    let (mut loaded, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    for file in pack.report() {
        match file {
            FileReport::Loaded {
                path,
                title,
                warnings,
            } => {
                loaded += 1;
                writeln!(out, "ok {}: {title}", path.display())?;
                for w in warnings {
                    writeln!(out, "  warning: {w}")?;
                }
            }
            FileReport::Failed(e) => {
                failed += 1;
                writeln!(out, "error {e}")?;
            }
            // Not a page (no front matter, or Jekyll's own folders): a note, not a failure.
            FileReport::Skipped { path, reason } => {
                skipped += 1;
                writeln!(out, "skip {}: {reason}", path.display())?;
            }
        }
    }
    writeln!(out, "{loaded} loaded, {failed} failed, {skipped} skipped")?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn render(file: &Path, lang: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut path = file.to_owned();
    if let Some(lang) = lang {
        let stem = file
            .file_stem()
            .context("FILE has no file name")?
            .to_string_lossy();
        let ext = file
            .extension()
            .map_or("md".into(), |e| e.to_string_lossy());
        let translated = file.with_file_name(format!("{stem}.{lang}.{ext}"));
        if translated.is_file() {
            path = translated;
        } else {
            eprintln!(
                "warning: no `{lang}` translation beside {}; showing the original",
                file.display()
            );
        }
    }
    let siblings = [file.to_owned(), path.clone()];
    let (id, lang) = file_id(&path, &siblings);
    let root = pack_root_for(&path);
    let loaded = load_file(&path, &id, lang, &root, &Renderer::default())?;
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    std::io::stdout()
        .lock()
        .write_all(loaded.body_html.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
