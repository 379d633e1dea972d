//! `placard-collector`: serve, enrol devices, revoke them, count what arrived.

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::sync::Arc;

use placard_collector::admin;
use placard_collector::keyring::Keyring;
use placard_collector::packs::Shelf;
use placard_collector::server::{Limits, Options, router_with};
use placard_collector::store::Store;
use placard_vault::passphrase;

/// Every heap block is wiped when freed: the organiser's passphrase and key, and records
/// opened after an unlock, leave no copies behind in freed memory.
#[global_allocator]
static ALLOC: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

#[derive(Debug, Parser)]
#[command(
    name = "placard-collector",
    about = "The organisation's collector for Placard kiosks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve kiosks over HTTP.
    Serve {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long, default_value = "127.0.0.1:8440")]
        listen: SocketAddr,
        /// The organiser's encrypted key file (`placard keys new`). The collector starts
        /// locked unless --passphrase-file is given too; `placard-collector unlock` unlocks it.
        #[arg(long)]
        identity: Option<PathBuf>,
        /// Unlock the key at start with the passphrase in this file's first line.
        #[arg(long, requires = "identity")]
        passphrase_file: Option<PathBuf>,
        /// The admin socket `unlock` and `lock` talk to (mode 0600).
        #[arg(long, default_value = "placard-collector.sock")]
        admin_socket: PathBuf,
        /// A folder whose subfolders are petition packs, for kiosks to pull
        /// (`GET /v1/packs/NAME`).
        #[arg(long)]
        packs: Option<PathBuf>,
    },
    /// Unlock a running collector with the organiser's passphrase (typed, or from a file), so
    /// it can open the records it holds.
    Unlock {
        #[arg(long, default_value = "placard-collector.sock")]
        admin_socket: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Lock a running collector again: it forgets the organiser's key.
    Lock {
        #[arg(long, default_value = "placard-collector.sock")]
        admin_socket: PathBuf,
    },
    /// Print a one-time code a kiosk enrols its device key with.
    Enroll {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        name: String,
    },
    /// Refuse a device's requests from now on.
    Revoke {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        device: String,
    },
    /// Records held, in total, by device and by petition.
    Stats {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("placard-collector: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async move {
        match cli.command {
            Command::Serve {
                db,
                listen,
                identity,
                passphrase_file,
                admin_socket,
                packs,
            } => {
                let store = Store::open(&db).await?;
                let keyring = Arc::new(Keyring::new(identity));
                if let Some(file) = passphrase_file {
                    let passphrase = passphrase::read(Some(&file), "")?;
                    let unlocked = keyring.unlock(passphrase, &store).await?;
                    eprintln!("{}", admin::unlocked_message(&unlocked));
                }
                let admin_listener = admin::bind(&admin_socket).await?;
                tokio::spawn(admin::serve(admin_listener, keyring.clone(), store.clone()));
                let listener = tokio::net::TcpListener::bind(listen).await?;
                // The bound address on stdout, so scripts and tests can use port 0.
                println!("listening on http://{}", listener.local_addr()?);
                let options = Options {
                    limits: Limits::default(),
                    keyring,
                    packs: Shelf::new(packs),
                };
                axum::serve(listener, router_with(store, options))
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
            }
            Command::Unlock {
                admin_socket,
                passphrase_file,
            } => {
                let passphrase = passphrase::read(
                    passphrase_file.as_deref(),
                    "Passphrase for the organiser key: ",
                )?;
                say(admin::request(&admin_socket, &admin::unlock_request(&passphrase)).await?)?;
            }
            Command::Lock { admin_socket } => {
                say(admin::request(&admin_socket, &admin::Request::Lock).await?)?;
            }
            Command::Enroll { db, name } => {
                println!("{}", Store::open(&db).await?.new_enrol_code(&name).await?);
            }
            Command::Revoke { db, device } => {
                Store::open(&db).await?.revoke(&device).await?;
                println!("revoked {device}");
            }
            Command::Stats { db, json } => {
                let stats = Store::open(&db).await?.stats().await?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&stats)?);
                } else {
                    println!("records {}, batches {}", stats.records, stats.batches);
                    for (d, n) in &stats.by_device {
                        println!("device {d}: {n}");
                    }
                    for (p, n) in &stats.by_petition {
                        println!("petition {p}: {n}");
                    }
                }
            }
        }
        Ok(())
    })
}

/// Prints an admin answer; a refusal becomes the command's error (exit status 1).
fn say(answer: admin::Answer) -> anyhow::Result<()> {
    if answer.ok {
        println!("{}", answer.message);
        Ok(())
    } else {
        anyhow::bail!(
            "{} ({})",
            answer.message,
            answer.code.unwrap_or_else(|| "refused".into())
        )
    }
}
