//! `placard-collector`: serve, enrol devices, revoke them, count what arrived.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::process::ExitCode;
use std::time::Duration;

use axum::serve::Listener as _;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressStyle};
use placard_collector::fanout::push_action_network;
use placard_fanout::action_network::PetitionMeta;
use placard_petition::{Pack, Renderer};
use placard_vault::OrganiserKey;

use placard_collector::admin;
use placard_collector::keyring::Keyring;
use placard_collector::packs::Shelf;
use placard_collector::server::{Limits, Options, router_with};
use placard_collector::store::Store;
use placard_fanout::run;
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
enum Push {
    /// To Action Network, each record once, at the rate Action Network allows; ends with
    /// `sent N, failed M, skipped K`. With --identity, unlocks the organiser's key for this run
    /// only; without, asks the running collector (unlocked with `placard-collector unlock`)
    /// to push, over its admin socket.
    ActionNetwork {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[command(flatten)]
        to: placard_fanout::args::ActionNetworkArgs,
        /// The organiser's encrypted key file (else: the running collector's unlocked key).
        #[arg(long)]
        identity: Option<PathBuf>,
        #[arg(long, requires = "identity")]
        passphrase_file: Option<PathBuf>,
        /// The petition pack, for each petition's Action Network slug and autoresponder.
        #[arg(long, requires = "identity")]
        pack: Option<PathBuf>,
        /// The running collector's admin socket (without --identity).
        #[arg(
            long,
            default_value = admin::DEFAULT_SOCKET,
            conflicts_with = "identity"
        )]
        admin_socket: PathBuf,
    },
    /// To the organisation's own HTTPS endpoint: JSON batches signed with HMAC-SHA256. With
    /// --identity, unlocks the organiser's key for this run only; without, asks the running
    /// collector to push to the webhook fixed when it started, over its admin socket.
    Webhook {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[command(flatten)]
        to: placard_fanout::args::WebhookArgs,
        #[arg(long)]
        identity: Option<PathBuf>,
        #[arg(long, requires = "identity")]
        passphrase_file: Option<PathBuf>,
        /// The running collector's admin socket (without --identity).
        #[arg(long, default_value = admin::DEFAULT_SOCKET, conflicts_with = "identity")]
        admin_socket: PathBuf,
    },
}

// `serve` has many options; the command line is parsed once, so its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Serve kiosks over HTTPS (a certificate for the collector's own key unless --tls-cert).
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
        /// The admin socket `unlock`, `lock`, `status` and `push` talk to (mode 0600, in a
        /// folder only this user may enter; a missing one is created 0700).
        #[arg(long, default_value = admin::DEFAULT_SOCKET)]
        admin_socket: PathBuf,
        /// Lock the organiser's key again after this many minutes unused (it is also locked
        /// when a push over the admin socket ends).
        #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=1440))]
        unlock_minutes: u64,
        /// The Action Network API key a push over the admin socket uses (first line of the
        /// file). Without it, the running collector pushes nowhere: destinations are fixed
        /// here, not by whoever reaches the socket.
        #[arg(long, value_name = "FILE")]
        action_network_token_file: Option<PathBuf>,
        /// Action Network's API base URL for those pushes.
        #[arg(long, default_value = placard_fanout::action_network::DEFAULT_BASE)]
        action_network_url: String,
        /// Requests a second to Action Network for a push started in the console.
        #[arg(long, default_value_t = placard_fanout::action_network::DEFAULT_RATE)]
        action_network_rate: NonZeroU32,
        /// The organisation's webhook a push over the admin socket may go to…
        #[arg(long, requires = "webhook_secret_file")]
        webhook_url: Option<String>,
        /// …and its shared secret (first line of the file).
        #[arg(long, value_name = "FILE", requires = "webhook_url")]
        webhook_secret_file: Option<PathBuf>,
        /// The collector's own signing key (made here, 0600, at first start): kiosks pin it
        /// when they enrol and act only on answers it signed. Instances behind one load
        /// balancer share the file.
        #[arg(long, default_value = "collector.key")]
        collector_key: PathBuf,
        /// The organisation's own certificate chain (PEM) for its domain; without it, HTTPS
        /// uses a certificate for the collector's own key, which kiosks accept by their pin.
        #[arg(long, requires = "tls_key", conflicts_with = "plain_http")]
        tls_cert: Option<PathBuf>,
        /// The key of --tls-cert (PEM).
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Plain HTTP, only for an instance behind a proxy that ends TLS for it.
        #[arg(long)]
        plain_http: bool,
        /// The organisation's public key (`age1…`): kiosks sealing to another are refused at
        /// enrolment, and so are batches sealed to another.
        #[arg(long)]
        recipient: Option<String>,
        /// A folder whose subfolders are petition packs, for kiosks to pull
        /// (`GET /v1/packs/NAME`).
        #[arg(long)]
        packs: Option<PathBuf>,
        /// The longest a request may take, its body included (seconds); slower clients are
        /// cut off with 408.
        #[arg(long, default_value_t = 60)]
        request_timeout: u64,
        /// Delete records this many days after every destination fixed here (and below)
        /// confirmed them, or an export took them; checked every hour. Unset: kept.
        #[arg(long)]
        retain_days: Option<u32>,
        /// Requests handled at once; more wait their turn within the timeout.
        #[arg(long, default_value_t = 64)]
        max_concurrent: usize,
        /// Batches per second one device may send (and as many in a burst).
        #[arg(long, default_value_t = NonZeroU32::new(50).unwrap_or(NonZeroU32::MIN))]
        device_rate: NonZeroU32,
        /// Serve the organiser's console on this address (default 127.0.0.1:8441, loopback;
        /// `off` for none). Sign in with the link printed at start or by
        /// `placard-collector console-link`.
        #[arg(long, value_name = "ADDRESS|off")]
        console: Option<String>,
        /// The address organisers open the console at, when it is not the one it listens on
        /// (behind a proxy or under a name: `https://console.example.org`). Its links use it,
        /// and changes from any other origin are refused.
        #[arg(long, value_name = "URL")]
        console_origin: Option<String>,
        /// Let the console listen on an address other computers can reach (needs the
        /// organisation's certificate, --tls-cert and --tls-key).
        #[arg(long, requires = "console")]
        console_public: bool,
        /// Seconds a console session lasts unused.
        #[arg(long, default_value_t = placard_collector::console::DEFAULT_IDLE.as_secs())]
        console_idle_seconds: u64,
    },
    /// Unlock a running collector with the organiser's passphrase (typed, or from a file), so
    /// it can open the records it holds.
    Unlock {
        #[arg(long, default_value = admin::DEFAULT_SOCKET)]
        admin_socket: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Send the records held here on to where the organisation keeps its list.
    #[command(subcommand)]
    Push(Push),
    /// Take in a sealed bundle from a kiosk that never got online (`placard export --sealed`);
    /// the same bundle twice stores nothing twice.
    Import {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        /// The organisation's public key (`age1…`): a bundle sealed to another is refused.
        #[arg(long)]
        recipient: Option<String>,
        bundle: PathBuf,
    },
    /// Export the records held here, opened with the organiser's key: CSV in the shape Action
    /// Network's importer takes, or JSON Lines.
    Export {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "csv")]
        format: placard_collector::export::Format,
        /// Where to write (default: stdout).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Erasure on request: delete every record of the signer with this email address (the
    /// key opens them to find which), keep a salted hash of the address and the time as the
    /// proof, and refuse those records if a kiosk or a bundle delivers them again.
    Forget {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        identity: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        /// The signer's address; `-` reads it from the first line of stdin, which keeps it
        /// out of the process list and the shell's history.
        #[arg(long)]
        email: String,
    },
    /// Lock a running collector again: it forgets the organiser's key.
    Lock {
        #[arg(long, default_value = admin::DEFAULT_SOCKET)]
        admin_socket: PathBuf,
    },
    /// Print a one-time link that signs in to the running collector's console (it works once,
    /// for 15 minutes; asked on the admin socket).
    ConsoleLink {
        #[arg(long, default_value = admin::DEFAULT_SOCKET)]
        admin_socket: PathBuf,
    },
    /// Whether a running collector holds the organiser's key (asked on its admin socket: the
    /// network is never told).
    Status {
        #[arg(long, default_value = admin::DEFAULT_SOCKET)]
        admin_socket: PathBuf,
    },
    /// Print a short one-time code (like 417-K7MQ-P2XD) a kiosk pairs with: typed at the
    /// kiosk, it enrols the kiosk's device key and pins this collector's key, and never travels
    /// itself (SPAKE2). Burned after three tries.
    Enroll {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        name: String,
        /// The key `serve` uses (what a waiting code keeps is sealed under it).
        #[arg(long, default_value = "collector.key")]
        collector_key: PathBuf,
        /// How long the code may be used.
        #[arg(long, default_value_t = 24)]
        valid_hours: u32,
        /// A code for an on-site collector's `relay`: the device it enrols may forward other
        /// kiosks' records (each still signed by its kiosk).
        #[arg(long)]
        relay: bool,
    },
    /// Forward every record held here to the organisation's main collector, each exactly
    /// once, with its kiosk's signature and key (for an on-site collector at an event with no
    /// internet). Pairs first with `--code` from `placard-collector enroll --relay` there.
    Relay {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        /// The main collector (`https://…`).
        #[arg(long)]
        to: String,
        /// The pairing code, on the first run.
        #[arg(long)]
        code: Option<String>,
        /// The organisation's public key (`age1…`), on the first run.
        #[arg(long)]
        recipient: Option<String>,
        /// Stop when nothing waits (else keep relaying what arrives).
        #[arg(long)]
        once: bool,
        /// Pair with the main collector (--code) and stop; relay later.
        #[arg(long, requires = "code")]
        pair_only: bool,
        /// Records per request.
        #[arg(long, default_value_t = 500)]
        batch: u32,
    },
    /// Refuse a device's requests from now on.
    Revoke {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        device: String,
    },
    /// Delete the records that went on — to every destination named, or by an export — more
    /// than --retain-days ago; their counts stay, and a kiosk or bundle delivering one again
    /// does not bring it back.
    Purge {
        #[arg(long, default_value = "sqlite://collector.db")]
        db: String,
        #[arg(long)]
        retain_days: u32,
        /// A destination that must have the record (repeat for several); none: only what an
        /// export took is purged.
        #[arg(long = "destination", value_parser = [run::ACTION_NETWORK, run::WEBHOOK])]
        destinations: Vec<String>,
    },
    /// Print the privacy notice a consent receipt names (its `notice_sha256`, or the first 8
    /// or more hex digits of it), found in the packs served to kiosks and the built-in demo
    /// pack: what that signer was shown, word for word.
    Notice {
        /// The folder `serve --packs` serves.
        #[arg(long)]
        packs: Option<PathBuf>,
        sha256: String,
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
                collector_key,
                tls_cert,
                tls_key,
                plain_http,
                recipient,
                packs,
                request_timeout,
                retain_days,
                max_concurrent,
                device_rate,
                unlock_minutes,
                action_network_token_file,
                action_network_url,
                action_network_rate,
                webhook_url,
                webhook_secret_file,
                console,
                console_origin,
                console_public,
                console_idle_seconds,
            } => {
                // The console is on unless turned off; the default address may be taken (a
                // second collector on this computer), which only leaves this one without it.
                let (console, chosen) = match console.as_deref() {
                    None => (Some(placard_collector::console::DEFAULT_ADDRESS), false),
                    Some("off") => (None, false),
                    Some(a) => (
                        Some(a.parse::<SocketAddr>().map_err(|e| {
                            anyhow::anyhow!("--console {a}: not an address like 127.0.0.1:8441 ({e})")
                        })?),
                        true,
                    ),
                };
                let console_origin = console_origin
                    .map(|o| placard_collector::console::parse_origin(&o))
                    .transpose()
                    .map_err(anyhow::Error::msg)?;
                // Before anything is opened or bound: a console other computers could reach
                // is refused unless it has the organisation's own certificate (a browser cannot
                // pin the collector's key as kiosks do) and the organiser asked for it.
                let organisation_tls = !plain_http && tls_cert.is_some();
                if let Some(addr) = console {
                    placard_collector::console::check_address(
                        addr,
                        organisation_tls,
                        console_public,
                    )
                    .map_err(anyhow::Error::msg)?;
                }
                let store = Store::open(&db).await?;
                let destinations = admin::Destinations {
                    action_network: match action_network_token_file {
                        Some(file) => {
                            let to = placard_fanout::args::ActionNetworkArgs {
                                base_url: action_network_url,
                                token: None,
                                token_file: Some(file),
                                petitions: Vec::new(),
                                rate: placard_fanout::action_network::DEFAULT_RATE,
                                retry_failed: false,
                            };
                            Some((to.base_url.clone(), to.token()?))
                        }
                        None => None,
                    },
                    action_network_rate: Some(action_network_rate),
                    webhook: match webhook_url {
                        Some(url) => Some(Arc::new(
                            placard_fanout::args::WebhookArgs {
                                url: Some(url),
                                secret_file: webhook_secret_file,
                                batch: 100,
                            }
                            .webhook()?,
                        )),
                        None => None,
                    },
                };
                if let Some(days) = retain_days {
                    // Every destination given must have a record before its time starts.
                    let named = destinations.names().into_iter().map(str::to_owned).collect();
                    tokio::spawn(keep_for(store.clone(), named, days));
                }
                let keyring = Arc::new(Keyring::with_idle(
                    identity,
                    Duration::from_secs(unlock_minutes * 60),
                ));
                tokio::spawn(keyring.clone().auto_lock());
                if let Some(file) = passphrase_file {
                    let passphrase = passphrase::read(Some(&file), "")?;
                    let unlocked = keyring.unlock(passphrase, &store).await?;
                    eprintln!("{}", admin::unlocked_message(&unlocked));
                }
                // The admin socket first: a second collector on the same socket stops here,
                // before it makes or reads any key file. It answers once the console exists.
                let admin_listener = admin::bind(&admin_socket).await?;
                let key = Arc::new(placard_collector::own_key::load_or_create(&collector_key)?);
                if let Some(r) = &recipient {
                    placard_vault::parse_recipient(r)?;
                }
                let tls = match (plain_http, tls_cert, tls_key) {
                    (true, _, _) => None,
                    (false, Some(cert), Some(key)) => {
                        Some(placard_collector::tls::organisation_certificate(&cert, &key)?)
                    }
                    (false, _, _) => Some(placard_collector::tls::own_certificate(
                        &std::fs::read(&collector_key)?,
                    )?),
                };
                let (changes, watched) = tokio::sync::watch::channel(());
                // One shelf for the kiosks' routes and the console (their tars are built once).
                let shelf = Shelf::new(packs);
                // The console: its own listener — plain HTTP on loopback (nothing on the network
                // to read it; a browser would refuse the certificate made for the collector's
                // own key, which only kiosks pin), the organisation's certificate when public;
                // its first sign-in link on stderr, not in the logs scripts read from stdout.
                let listener = match console {
                    Some(addr) => match tokio::net::TcpListener::bind(addr).await {
                        Ok(l) => Some(l),
                        Err(e) if !chosen => {
                            eprintln!(
                                "console: {addr} is not free ({e}): running without a console \
                                 (give --console ADDRESS for another)"
                            );
                            None
                        }
                        Err(e) => return Err(e.into()),
                    },
                    None => None,
                };
                let console = match listener {
                    Some(listener) => {
                        let bound = listener.local_addr()?;
                        let tls = if bound.ip().is_loopback() {
                            None
                        } else {
                            tls.clone()
                        };
                        let parts = placard_collector::console::Parts {
                            store: store.clone(),
                            key: key.clone(),
                            keyring: keyring.clone(),
                            changes: watched,
                            destinations: destinations.clone(),
                            retain_days,
                            packs: shelf.clone(),
                        };
                        let origin = console_origin.clone().unwrap_or_else(|| {
                            let scheme = if tls.is_some() { "https" } else { "http" };
                            format!("{scheme}://{bound}")
                        });
                        let console = placard_collector::console::Console::new(
                            parts,
                            origin,
                            tls.is_some(),
                            Duration::from_secs(console_idle_seconds.max(1)),
                        );
                        let app = console.router();
                        match &tls {
                            Some(config) => {
                                let listener = placard_collector::tls::TlsListener::new(
                                    listener,
                                    config.clone(),
                                )?;
                                tokio::spawn(async move { axum::serve(listener, app).await });
                            }
                            None => {
                                tokio::spawn(async move { axum::serve(listener, app).await });
                            }
                        }
                        let link = console.new_link().map_err(|_| {
                            anyhow::anyhow!("random numbers unavailable for the console's link")
                        })?;
                        eprintln!("console: sign in at {link} (once, within 15 minutes)");
                        Some(console)
                    }
                    None => None,
                };
                tokio::spawn(admin::serve(
                    admin_listener,
                    keyring,
                    store.clone(),
                    destinations,
                    console,
                ));
                let listener = tokio::net::TcpListener::bind(listen).await?;
                let options = Options {
                    limits: Limits {
                        request_timeout: Duration::from_secs(request_timeout.max(1)),
                        concurrency: max_concurrent.max(1),
                        device_rate,
                        ..Limits::default()
                    },
                    packs: shelf,
                    key,
                    recipient,
                    changes: Some(changes),
                };
                let app = router_with(store, options);
                let stop = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                // The bound address on stdout, so scripts and tests can use port 0.
                match tls {
                    Some(config) => {
                        let listener = placard_collector::tls::TlsListener::new(listener, config)?;
                        println!("listening on https://{}", listener.local_addr()?);
                        axum::serve(listener, app)
                            .with_graceful_shutdown(stop)
                            .await?;
                    }
                    None => {
                        eprintln!(
                            "plain HTTP (--plain-http): only for an instance behind a proxy that \
                             ends TLS for it. Kiosks refuse plain http:// to any other computer."
                        );
                        println!("listening on http://{}", listener.local_addr()?);
                        axum::serve(listener, app)
                            .with_graceful_shutdown(stop)
                            .await?;
                    }
                }
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
            Command::ConsoleLink { admin_socket } => {
                say(admin::request(&admin_socket, &admin::Request::ConsoleLink).await?)?;
            }
            Command::Status { admin_socket } => {
                say(admin::request(&admin_socket, &admin::Request::Status).await?)?;
            }
            Command::Push(Push::ActionNetwork {
                db,
                to,
                identity,
                passphrase_file,
                pack,
                admin_socket,
            }) => {
                let given = to.given();
                let Some(identity) = identity else {
                    if to.token.is_some() || to.token_file.is_some() {
                        anyhow::bail!(
                            "a running collector pushes with the API key fixed when it started \
                             (serve --action-network-token-file); leave out --token and --token-file, \
                             or push with --identity"
                        );
                    }
                    // The default URL means "wherever the collector was told"; another one is
                    // sent so the collector can refuse it if it is not the one fixed at start.
                    let base_url = (to.base_url != placard_fanout::action_network::DEFAULT_BASE)
                        .then_some(to.base_url);
                    let request = admin::Request::PushActionNetwork {
                        base_url,
                        rate: to.rate.get(),
                        petitions: given,
                        retry_failed: to.retry_failed,
                    };
                    return push_through(&admin_socket, &request).await;
                };
                let pack = pack
                    .map(|dir| Pack::load(&dir, &Renderer::default()))
                    .transpose()?;
                let key = unlock(&identity, passphrase_file.as_deref())?;
                let client = to.client()?;
                let store = Store::open(&db).await?;
                let bar = progress_bar()?;
                let pushed = push_action_network(
                    &store,
                    &key,
                    &client,
                    &given,
                    |id| PetitionMeta::from_pack(pack.as_ref(), id),
                    run::RunOptions {
                        retry_failed: to.retry_failed,
                    },
                    follow(&bar),
                )
                .await?;
                bar.finish_and_clear();
                drop(key);
                report(&pushed);
            }
            Command::Push(Push::Webhook {
                db,
                to,
                identity,
                passphrase_file,
                admin_socket,
            }) => {
                let Some(identity) = identity else {
                    if to.secret_file.is_some() {
                        anyhow::bail!(
                            "a running collector pushes with the webhook secret fixed when it \
                             started (serve --webhook-secret-file); leave out --secret-file, or \
                             push with --identity"
                        );
                    }
                    let request = admin::Request::PushWebhook {
                        url: to.url,
                        batch: to.batch,
                    };
                    return push_through(&admin_socket, &request).await;
                };
                let hook = to.webhook()?;
                let key = unlock(&identity, passphrase_file.as_deref())?;
                let store = Store::open(&db).await?;
                let bar = progress_bar()?;
                let pushed = placard_collector::fanout::push_webhook(
                    &store,
                    &key,
                    &hook,
                    to.batch,
                    follow(&bar),
                )
                .await?;
                bar.finish_and_clear();
                drop(key);
                report(&pushed);
            }
            Command::Import {
                db,
                recipient,
                bundle,
            } => {
                if let Some(r) = &recipient {
                    placard_vault::parse_recipient(r)?;
                }
                let bytes = std::fs::read(&bundle)?;
                let store = Store::open(&db).await?;
                let done =
                    placard_collector::import::import(&store, &bytes, recipient.as_deref()).await?;
                println!(
                    "imported {} records: {} new, {} held already",
                    done.records,
                    done.new,
                    done.records - done.new
                );
            }
            Command::Export {
                db,
                identity,
                passphrase_file,
                format,
                out,
            } => {
                let key = unlock(&identity, passphrase_file.as_deref())?;
                let store = Store::open(&db).await?;
                let rows = store.all_records().await?;
                let sink: Box<dyn std::io::Write> = match &out {
                    Some(path) => Box::new(std::io::BufWriter::new(
                        placard_vault::create_private(path)?,
                    )),
                    None => Box::new(std::io::stdout().lock()),
                };
                let (summary, taken) =
                    placard_collector::export::write_opened(&rows, &key, format, sink)?;
                // What an export took may be purged after the retention time.
                store.mark_exported(taken).await?;
                eprintln!(
                    "exported {} records; {} could not be opened",
                    summary.written,
                    summary.problems.len()
                );
            }
            Command::Enroll {
                db,
                name,
                collector_key,
                valid_hours,
                relay,
            } => {
                let key = placard_collector::own_key::load_or_create(&collector_key)?;
                let store = Store::open(&db).await?;
                let valid = Duration::from_secs(u64::from(valid_hours) * 3600);
                let code =
                    placard_collector::pairing::new_code_with(&store, &key, &name, valid, relay)
                        .await?;
                println!("{code}");
                let at = if relay {
                    "give this code to `placard-collector relay --code` on the on-site collector"
                } else {
                    "type this code at the kiosk (Operator → Collector)"
                };
                eprintln!(
                    "{at} within {valid_hours} h; it works once, and is burned after {} tries",
                    placard_sync::pairing::MAX_TRIES
                );
            }
            Command::Relay {
                db,
                to,
                code,
                recipient,
                once,
                pair_only,
                batch,
            } => {
                let store = Store::open(&db).await?;
                let options = placard_collector::relay::Options {
                    to: url::Url::parse(&to)
                        .map_err(|e| anyhow::anyhow!("--to {to}: not an address ({e})"))?,
                    code,
                    recipient,
                    once,
                    pair_only,
                    batch: batch.clamp(1, 5000),
                    poll: Duration::from_secs(10),
                };
                let done = placard_collector::relay::run(&store, &options, |d| {
                    eprintln!("relayed {} records in {} batches", d.records, d.batches);
                })
                .await?;
                if pair_only {
                    println!("paired with {to}: relay later with `placard-collector relay --to {to}`");
                } else {
                    println!(
                        "relayed {}, left {} (their kiosk is not enrolled here, or the main \
                         collector holds them for another)",
                        done.records, done.left
                    );
                }
            }
            Command::Revoke { db, device } => {
                Store::open(&db).await?.revoke(&device).await?;
                println!("revoked {device}");
            }
            Command::Forget {
                db,
                identity,
                passphrase_file,
                email,
            } => {
                let email = if email == "-" {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line
                } else {
                    email
                };
                let key = unlock(&identity, passphrase_file.as_deref())?;
                let store = Store::open(&db).await?;
                let n =
                    placard_collector::erasure::forget_signer(&store, Arc::new(key), &email)
                        .await?;
                println!(
                    "forgot {n} records of that address; a salted hash of it and the time are kept as the proof"
                );
            }
            Command::Purge {
                db,
                retain_days,
                destinations,
            } => {
                let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(retain_days));
                let purged = Store::open(&db).await?.purge(&destinations, cutoff).await?;
                println!("purged {purged} records; their counts stay");
            }
            Command::Notice { packs, sha256 } => {
                let found = placard_collector::packs::find_notice(packs.as_deref(), &sha256)?;
                let Some(first) = found.first() else {
                    anyhow::bail!(
                        "no privacy notice with SHA-256 {sha256} in the built-in demo pack{}",
                        packs
                            .map(|p| format!(" or the packs under {}", p.display()))
                            .unwrap_or_default()
                    );
                };
                // The same text may be shown in several places; it is printed once.
                for f in &found {
                    eprintln!("shown with {} (sha256 {})", f.place, f.notice.sha256);
                }
                if found.iter().any(|f| f.notice.sha256 != first.notice.sha256) {
                    anyhow::bail!("several notices start with {sha256}: give more of the hash");
                }
                print!("{}", first.notice.markdown);
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

/// Purges, every hour, what went on more than `days` days ago (see `Store::purge`).
async fn keep_for(store: Store, destinations: Vec<String>, days: u32) {
    let mut hourly = tokio::time::interval(Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
        match store.purge(&destinations, cutoff).await {
            Ok(0) => {}
            Ok(n) => eprintln!("purged {n} records kept longer than {days} days"),
            Err(e) => eprintln!("purging old records failed (tried again in an hour): {e}"),
        }
    }
}

/// Asks the running collector on `socket` to push, with a progress bar while it goes.
async fn push_through(socket: &std::path::Path, request: &admin::Request) -> anyhow::Result<()> {
    let bar = progress_bar()?;
    let answer = admin::request_with_progress(socket, request, |p| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    })
    .await?;
    bar.finish_and_clear();
    say(answer)
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

/// The organiser's key, unlocked for this command only.
fn unlock(
    identity: &std::path::Path,
    passphrase_file: Option<&std::path::Path>,
) -> anyhow::Result<OrganiserKey> {
    let passphrase = passphrase::read(passphrase_file, "Passphrase for the organiser key: ")?;
    Ok(OrganiserKey::unlock(identity, &passphrase)?)
}

fn progress_bar() -> anyhow::Result<ProgressBar> {
    Ok(ProgressBar::new(0).with_style(
        ProgressStyle::with_template("[{bar:40}] {pos}/{len} records  {eta}")?
            .progress_chars("=> "),
    ))
}

/// A run's `(done, total)` progress, shown on `bar`.
fn follow(bar: &ProgressBar) -> impl FnMut(u64, u64) + '_ {
    |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    }
}

/// What a push run did: what was left out on stderr, each failure, then the summary line.
fn report(pushed: &placard_collector::fanout::Pushed) {
    if pushed.unreadable > 0 {
        eprintln!(
            "{} records could not be opened with this key and are left out",
            pushed.unreadable
        );
    }
    for id in &pushed.unmatched {
        eprintln!(
            "no Action Network petition found for `{id}`: its signatures wait (give --petition {id}=AN_ID)"
        );
    }
    for (id, why) in &pushed.summary.failures {
        println!("failed {id}: {why}");
    }
    println!("{}", pushed.summary);
}
