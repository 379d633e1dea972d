//! `placard-collector`: serve, enrol devices, revoke them, count what arrived.

use std::net::SocketAddr;
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
            Command::Serve { db, listen } => {
                let store = Store::open(&db).await?;
                let listener = tokio::net::TcpListener::bind(listen).await?;
                // The bound address on stdout, so scripts and tests can use port 0.
                println!("listening on http://{}", listener.local_addr()?);
                axum::serve(listener, router(store, Limits::default()))
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
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
