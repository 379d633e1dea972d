//! `placard-collector`: serve, enrol devices, revoke them, count what arrived.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use placard_collector::server::{Limits, router};
use placard_collector::store::Store;

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

fn open(db: &str) -> anyhow::Result<Store> {
    let Some(path) = db.strip_prefix("sqlite://") else {
        anyhow::bail!("unsupported database URL `{db}`: use sqlite://FILE (PostgreSQL is to come)");
    };
    Ok(Store::open_sqlite(&PathBuf::from(path))?)
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
    match cli.command {
        Command::Serve { db, listen } => {
            let store = open(&db)?;
            let rt = tokio::runtime::Runtime::new()?;
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                // The bound address on stdout, so scripts and tests can use port 0.
                println!("listening on http://{}", listener.local_addr()?);
                axum::serve(listener, router(store, Limits::default()))
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
                Ok(())
            })
        }
        Command::Enroll { db, name } => {
            println!("{}", open(&db)?.new_enrol_code(&name)?);
            Ok(())
        }
        Command::Revoke { db, device } => {
            open(&db)?.revoke(&device)?;
            println!("revoked {device}");
            Ok(())
        }
        Command::Stats { db, json } => {
            let stats = open(&db)?.stats()?;
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
            Ok(())
        }
    }
}
