//! `placard push action-network`: a kiosk with no collector sends its signatures to Action
//! Network itself, after the organiser unlocks the key here.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use indicatif::{ProgressBar, ProgressStyle};
use placard_fanout::action_network::{PetitionMeta, resolve};
use placard_fanout::run;
use placard_petition::{Pack, Renderer};
use placard_vault::{OrganiserKey, Vault, passphrase};

/// What `push action-network` was given.
pub struct ActionNetworkArgs {
    pub vault: PathBuf,
    pub identity: PathBuf,
    pub passphrase_file: Option<PathBuf>,
    /// Where, how fast, and which petition is which there.
    pub to: placard_fanout::args::ActionNetworkArgs,
    /// The pack the petitions came from, for their Action Network slug and autoresponder.
    pub pack: Option<PathBuf>,
}

/// Opens every record of the vault at `dir` with the key file `identity`; the vault comes
/// back too, to keep each record's outcome in.
fn open_all(
    dir: &Path,
    identity: &Path,
    passphrase_file: Option<&Path>,
) -> anyhow::Result<(Vault, Vec<placard_vault::Record>)> {
    let pass = passphrase::read(passphrase_file, "Passphrase for the organiser key: ")?;
    let key = OrganiserKey::unlock(identity, &pass)?;
    drop(pass);
    let vault = Vault::open(dir)?;
    let (records, unreadable) = placard_vault::readable(vault.open_records(&key)?);
    if unreadable > 0 {
        eprintln!(
            "{unreadable} records could not be opened and are left out (see `placard vault verify`)"
        );
    }
    Ok((vault, records))
}

fn bar(len: usize) -> anyhow::Result<ProgressBar> {
    Ok(ProgressBar::new(len as u64).with_style(
        ProgressStyle::with_template("[{bar:40}] {pos}/{len} records  {eta}")?
            .progress_chars("=> "),
    ))
}

/// Prints each failure, then the summary line.
fn report(summary: &run::Summary) {
    for (id, why) in &summary.failures {
        println!("failed {id}: {why}");
    }
    println!("{summary}");
}

/// `placard push webhook`.
pub fn webhook(
    dir: &Path,
    identity: &Path,
    passphrase_file: Option<&Path>,
    to: &placard_fanout::args::WebhookArgs,
) -> anyhow::Result<ExitCode> {
    let hook = to.webhook()?;
    let (mut vault, records) = open_all(dir, identity, passphrase_file)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let progress = bar(records.len())?;
    let summary = rt.block_on(run::push_webhook(
        &hook,
        &records,
        to.batch,
        &mut vault,
        |done, _| {
            progress.set_position(done);
        },
    ))?;
    progress.finish_and_clear();
    report(&summary);
    Ok(ExitCode::SUCCESS)
}

pub fn action_network(args: &ActionNetworkArgs) -> anyhow::Result<ExitCode> {
    let given = args.to.given();
    let client = args.to.client()?;
    let pack = args
        .pack
        .as_deref()
        .map(|dir| Pack::load(dir, &Renderer::default()))
        .transpose()
        .context("cannot load the pack")?;
    let (mut vault, records) =
        open_all(&args.vault, &args.identity, args.passphrase_file.as_deref())?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let (targets, unmatched) = resolve(&client, &records, &given, |id| {
            PetitionMeta::from_pack(pack.as_ref(), id)
        })
        .await?;
        for id in &unmatched {
            eprintln!(
                "no Action Network petition found for `{id}`: its signatures wait (give --petition {id}=AN_ID)"
            );
        }
        if targets.is_empty() && !records.is_empty() {
            bail!("no petition could be matched on Action Network; give --petition SLUG=AN_ID");
        }
        let bar = bar(records.len())?;
        let options = run::RunOptions {
            retry_failed: args.to.retry_failed,
        };
        let summary = run::push_with(&client, &records, &targets, &mut vault, options, |step| {
            bar.set_position(step.done);
        })
        .await?;
        bar.finish_and_clear();
        report(&summary);
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
