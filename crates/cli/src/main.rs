//! `placard`: the command line of the Placard kiosk.

mod bench;
mod measure;
mod petitions;
mod push_cmds;
mod sync_cmds;
mod vault_cmds;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Every heap block is wiped when freed: after an unlock (`export`, `push`), opened records
/// and the organiser's key leave no copies in freed memory.
#[global_allocator]
static ALLOC: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

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
enum Push {
    /// To Action Network (API v2, the record-signature helper); each record once, at the rate
    /// Action Network allows. Ends with `sent N, failed M, skipped K`.
    ActionNetwork {
        #[arg(long)]
        vault: PathBuf,
        /// The organiser key file (`placard keys new`).
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        #[command(flatten)]
        to: placard_fanout::args::ActionNetworkArgs,
        /// The petition pack, for each petition's Action Network slug and autoresponder.
        #[arg(long)]
        pack: Option<PathBuf>,
    },
    /// To the organisation's own HTTPS endpoint: JSON batches signed with HMAC-SHA256 (header
    /// `Placard-Signature: t=UNIX,v1=HEX` over `UNIX.BODY`).
    Webhook {
        #[arg(long)]
        vault: PathBuf,
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        #[command(flatten)]
        to: placard_fanout::args::WebhookArgs,
    },
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with petition files and packs.
    #[command(subcommand)]
    Petitions(Petitions),
    /// The organiser's key.
    #[command(subcommand)]
    Keys(Keys),
    /// The sealed signature vault.
    #[command(subcommand)]
    Vault(VaultCmd),
    /// A kiosk's own state (what its first-run screen sets).
    #[command(subcommand)]
    Kiosk(KioskCmd),
    /// Seal and store one signature read as a JSON object on stdin; prints its record id.
    Sign(SignTarget),
    /// Export signatures: plaintext after unlock (--identity), or sealed (--sealed) with no key.
    Export {
        #[arg(long)]
        vault: PathBuf,
        /// The organiser key file (`placard keys new`).
        #[arg(long, conflicts_with = "sealed", required_unless_present = "sealed")]
        identity: Option<PathBuf>,
        #[arg(long, requires = "identity")]
        passphrase_file: Option<PathBuf>,
        #[arg(long, value_enum, requires = "identity")]
        format: Option<Format>,
        /// Where to write the plaintext export (default: stdout).
        #[arg(long, requires = "identity")]
        out: Option<PathBuf>,
        /// Write every sealed record and a manifest into this tar file (no unlock needed).
        #[arg(long)]
        sealed: Option<PathBuf>,
    },
    /// Send signatures on to where the organisation keeps its list, after unlock.
    #[command(subcommand)]
    Push(Push),
    /// Pair this vault with a collector by the short code from `placard-collector enroll`
    /// (SPAKE2: the code never travels): registers the device key, pins the collector's.
    Enroll {
        #[arg(long)]
        vault: PathBuf,
        /// `https://…`, or `http://` to this computer only.
        #[arg(long, value_parser = collector_address)]
        to: url::Url,
        /// Like 417-K7MQ-P2XD.
        #[arg(long)]
        code: String,
    },
    /// Send the vault's sealed records to a collector (the kiosk's sync engine). Keeps going,
    /// retrying with backoff, until stopped; with --once, until nothing is pending.
    Sync {
        #[arg(long)]
        vault: PathBuf,
        /// `https://…`, or `http://` to this computer only.
        #[arg(long, value_parser = collector_address)]
        to: url::Url,
        #[arg(long)]
        once: bool,
    },
    /// Benchmarks (figures in BENCHMARKS.md).
    #[command(subcommand)]
    Bench(Bench),
    /// Tools for tests and benchmarks.
    #[command(subcommand, hide = true)]
    Debug(Debug),
}

/// Which vault, and which petition of which pack, a signature is for.
#[derive(Debug, Args)]
struct SignTarget {
    #[arg(long)]
    vault: PathBuf,
    #[arg(long)]
    pack: PathBuf,
    #[arg(long)]
    petition: String,
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

#[derive(Debug, Subcommand)]
enum Keys {
    /// Make a new organiser key, encrypted with a passphrase; prints its public key (age1…).
    New {
        #[arg(long)]
        out: PathBuf,
        /// Read the passphrase from this file's first line instead of asking twice.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// Also write a printable recovery copy here.
        #[arg(long)]
        recovery_sheet: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum VaultCmd {
    /// Create a vault that seals to the organiser's public key.
    Init {
        #[arg(long)]
        vault: PathBuf,
        #[arg(long)]
        recipient: String,
    },
    /// Counts by petition, state and hour (no key needed).
    Stats {
        #[arg(long)]
        vault: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Erasure on request: delete every record of the signer with this email address, sent
    /// or not (the organiser's key opens them to find which); no byte of them stays.
    Forget {
        #[arg(long)]
        vault: PathBuf,
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        #[arg(long)]
        email: String,
    },
    /// Integrity check and metadata consistency; with --identity, opens every record too.
    Verify {
        #[arg(long)]
        vault: PathBuf,
        #[arg(long)]
        identity: Option<PathBuf>,
        #[arg(long, requires = "identity")]
        passphrase_file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum KioskCmd {
    /// Set a kiosk up without its first-run screen, for scripted deployments: the organiser's
    /// public key and the operator PIN (read from --pin-file, or typed on a terminal).
    Setup {
        /// The kiosk's PLACARD_DATA_DIR.
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long)]
        recipient: String,
        #[arg(long)]
        pin_file: Option<PathBuf>,
    },
    /// "Wipe this kiosk" at the end of an event: no sealed signature, no webview data and
    /// nothing of a signer stays in the data folder (settings and the device key stay, unless
    /// --all). Refused while signatures wait to be sent, unless --exported names a sealed
    /// bundle holding all of them, or --accept-loss gives the words `lose N signatures`.
    Wipe {
        /// The kiosk's PLACARD_DATA_DIR.
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long)]
        all: bool,
        #[arg(long, conflicts_with = "accept_loss")]
        exported: Option<PathBuf>,
        #[arg(long, value_name = "WORDS")]
        accept_loss: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum Debug {
    /// Sign made-up signatures in a loop, printing each id after it is durable.
    SignLoop {
        #[command(flatten)]
        target: SignTarget,
        #[arg(long)]
        count: Option<u64>,
    },
}

#[derive(Debug, Subcommand)]
enum Bench {
    /// Latency of a sealed, durable signature (p50/p99) beside the disk's raw fsync.
    Capture {
        /// Where to create the throw-away vaults (default: current folder, so the disk under test).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 2000)]
        signatures: usize,
        /// Also measure in a vault pre-filled with this many sealed records (0: skip).
        #[arg(long, default_value_t = 1_000_000)]
        prefill: u64,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Petitions(Petitions::Check { dir }) => petitions::check(&dir),
        Command::Petitions(Petitions::Render { file, lang }) => {
            petitions::render(&file, lang.as_deref())
        }
        Command::Keys(Keys::New {
            out,
            passphrase_file,
            recovery_sheet,
        }) => vault_cmds::keys_new(&out, passphrase_file.as_deref(), recovery_sheet.as_deref()),
        Command::Vault(VaultCmd::Init { vault, recipient }) => {
            vault_cmds::vault_init(&vault, &recipient)
        }
        Command::Vault(VaultCmd::Stats { vault, json }) => vault_cmds::vault_stats(&vault, json),
        Command::Push(Push::ActionNetwork {
            vault,
            identity,
            passphrase_file,
            to,
            pack,
        }) => push_cmds::action_network(&push_cmds::ActionNetworkArgs {
            vault,
            identity,
            passphrase_file,
            to,
            pack,
        }),
        Command::Push(Push::Webhook {
            vault,
            identity,
            passphrase_file,
            to,
        }) => push_cmds::webhook(&vault, &identity, passphrase_file.as_deref(), &to),
        Command::Enroll { vault, to, code } => sync_cmds::enroll(&vault, &to, &code),
        Command::Sync { vault, to, once } => sync_cmds::sync(&vault, &to, once),
        Command::Vault(VaultCmd::Forget {
            vault,
            identity,
            passphrase_file,
            email,
        }) => vault_cmds::vault_forget(&vault, &identity, passphrase_file.as_deref(), &email),
        Command::Vault(VaultCmd::Verify {
            vault,
            identity,
            passphrase_file,
        }) => vault_cmds::vault_verify(&vault, identity.as_deref(), passphrase_file.as_deref()),
        Command::Sign(t) => return vault_cmds::sign(&t.vault, &t.pack, &t.petition),
        Command::Export {
            vault,
            identity,
            passphrase_file,
            format,
            out,
            sealed,
        } => match (identity, sealed) {
            (_, Some(tar)) => vault_cmds::export_sealed(&vault, &tar),
            (Some(identity), None) => {
                let format = match format.unwrap_or(Format::Csv) {
                    Format::Csv => vault_cmds::ExportFormat::Csv,
                    Format::Jsonl => vault_cmds::ExportFormat::Jsonl,
                };
                vault_cmds::export_plain(
                    &vault,
                    &identity,
                    passphrase_file.as_deref(),
                    format,
                    out.as_deref(),
                )
            }
            (None, None) => unreachable!("clap requires --identity or --sealed"),
        },
        Command::Kiosk(KioskCmd::Wipe {
            data_dir,
            all,
            exported,
            accept_loss,
        }) => vault_cmds::kiosk_wipe(&data_dir, all, exported, accept_loss),
        Command::Kiosk(KioskCmd::Setup {
            data_dir,
            recipient,
            pin_file,
        }) => vault_cmds::kiosk_setup(&data_dir, &recipient, pin_file.as_deref()),
        Command::Bench(Bench::Capture {
            dir,
            signatures,
            prefill,
        }) => bench::capture(dir.as_deref(), signatures, prefill),
        Command::Debug(Debug::SignLoop { target: t, count }) => {
            vault_cmds::sign_loop(&t.vault, &t.pack, &t.petition, count)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `--to`: a collector address as the kiosk takes it (plain http only to this computer).
fn collector_address(text: &str) -> Result<url::Url, String> {
    placard_kiosk_core::uplink::collector_url(text).map_err(|e| e.to_string())
}
