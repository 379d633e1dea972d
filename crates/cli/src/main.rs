//! `placard`: the command line of the Placard kiosk.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use placard_petition::{FileReport, Pack, Renderer, file_id, load_file, pack_root_for};

#[derive(Debug, Parser)]
#[command(
    name = "placard",
    version,
    about = "Placard: an offline petition kiosk"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with petition files and packs.
    #[command(subcommand)]
    Petitions(Petitions),
}

#[derive(Debug, Subcommand)]
enum Petitions {
    /// Load every petition file under DIR and say, file by file, whether the kiosk can show it.
    /// Exits 0 only if every file loaded.
    Check { dir: PathBuf },
    /// Print the sanitised HTML of a petition's body exactly as the kiosk shows it (warnings go
    /// to stderr).
    Render {
        file: PathBuf,
        /// Show the `NAME.LANG.md` translation beside FILE, if there is one.
        #[arg(long)]
        lang: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Petitions(Petitions::Check { dir }) => check(&dir),
        Command::Petitions(Petitions::Render { file, lang }) => render(&file, lang.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let pack = Pack::load(dir, &Renderer::default())?;
    let mut out = std::io::stdout().lock();
    let (mut loaded, mut failed) = (0usize, 0usize);
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
        }
    }
    writeln!(out, "{loaded} loaded, {failed} failed")?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn render(file: &Path, lang: Option<&str>) -> anyhow::Result<ExitCode> {
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
