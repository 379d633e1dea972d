//! The admin socket: a Unix socket only the collector's own user may open (0600, inside a
//! folder only that user may enter, so there is no moment when another user could connect),
//! for what must never cross the network: unlocking with the organiser's passphrase, locking
//! again, and pushing to the destinations fixed when `serve` started (whoever reaches the
//! socket cannot send the records anywhere else). One JSON line in, one JSON line out.
//!
//! The passphrase passes through plain `String`s here (the request line, serde's copy); the
//! binary's allocator (`zeroizing-alloc`) wipes every heap block it frees, so none outlives
//! its use.

use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::Path;
use std::sync::Arc;

use std::collections::HashMap;

use placard_fanout::action_network::{Client, PetitionMeta};
use placard_vault::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::{UnixListener, UnixStream};

use crate::keyring::{Keyring, Unlocked};
use crate::store::Store;

/// The longest request line read: a passphrase, not a file.
const MAX_LINE: u64 = 64 * 1024;

/// Where `serve` and the commands that talk to it put the socket unless told otherwise: in a
/// folder of its own, created 0700.
pub const DEFAULT_SOCKET: &str = "placard-admin/collector.sock";

/// Where a running collector may push, fixed by `serve`'s arguments. The admin socket can start
/// a push but not choose where it goes or with which credentials.
#[derive(Debug, Clone, Default)]
pub struct Destinations {
    /// Action Network's API base URL and the token to use there.
    pub action_network: Option<(String, String)>,
    /// Requests a second to Action Network for a push the console starts (`None`: its
    /// documented limit; a push over the socket says its own).
    pub action_network_rate: Option<std::num::NonZeroU32>,
    /// The organisation's webhook (its URL and shared secret).
    pub webhook: Option<Arc<placard_fanout::webhook::Webhook>>,
}

impl Destinations {
    /// The destinations given, by the names records are settled under (Action Network first):
    /// those every record must reach before its retention time starts, and the console's
    /// "Send to" buttons.
    pub fn names(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.action_network.is_some() {
            out.push(placard_fanout::run::ACTION_NETWORK);
        }
        if self.webhook.is_some() {
            out.push(placard_fanout::run::WEBHOOK);
        }
        out
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Unlock {
        passphrase: String,
    },
    Lock,
    Status,
    /// Push every record to Action Network (as fixed by `serve --action-network-token-file`)
    /// with the key this collector holds unlocked; the key is locked when the push ends. The
    /// answer streams `{"done", "total"}` lines, then the final answer.
    PushActionNetwork {
        /// Where the caller means to send: refused unless it is the destination fixed at
        /// `serve` (`None`: that one).
        #[serde(default)]
        base_url: Option<String>,
        rate: u32,
        /// SLUG=AN_ID pairs.
        petitions: HashMap<String, String>,
        /// Send again what an earlier run failed.
        #[serde(default)]
        retry_failed: bool,
    },
    /// A new one-time sign-in link for the console (`serve --console`).
    ConsoleLink,
    /// Push every record to the webhook fixed by `serve --webhook-url --webhook-secret-file`,
    /// in batches of `batch`; locked when it ends, and answered as a push to Action Network is.
    PushWebhook {
        /// Refused unless it is the URL fixed at `serve` (`None`: that one).
        #[serde(default)]
        url: Option<String>,
        batch: usize,
    },
}

/// A progress line of a push over the socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub ok: bool,
    /// A stable code when `ok` is false.
    pub code: Option<String>,
    pub message: String,
    pub unlocked: bool,
}

/// Binds the socket at `path`, readable and writable by this user only, in a folder only this
/// user may enter: a missing folder is created 0700, one that others may enter is refused (a
/// socket in it would be theirs to connect to before its mode is set). A socket file left by a
/// collector that is gone is replaced; one a running collector answers on is not.
pub async fn bind(path: &Path) -> std::io::Result<UnixListener> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    if !folder.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&folder)?;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700))?;
    }
    let meta = std::fs::metadata(&folder)?;
    let mine = meta.uid() == rustix::process::geteuid().as_raw();
    if !mine || meta.permissions().mode() & 0o077 != 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "the admin socket's folder {} is open to other users (mode {:o}{}); give a \
                 --admin-socket in a folder only this user can enter (a new one is created 0700)",
                folder.display(),
                meta.permissions().mode() & 0o777,
                if mine { "" } else { ", another owner" }
            ),
        ));
    }
    if path.exists() {
        if UnixStream::connect(path).await.is_ok() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AddrInUse,
                format!("another collector answers on {}", path.display()),
            ));
        }
        std::fs::remove_file(path)?;
    }
    let listener = UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(listener)
}

/// Answers admin requests until the listener fails.
pub async fn serve(
    listener: UnixListener,
    keyring: Arc<Keyring>,
    store: Store,
    destinations: Destinations,
    console: Option<Arc<crate::console::Console>>,
) {
    let destinations = Arc::new(destinations);
    while let Ok((stream, _)) = listener.accept().await {
        let (keyring, store, to) = (keyring.clone(), store.clone(), destinations.clone());
        let console = console.clone();
        tokio::spawn(async move {
            let _ = answer(stream, &keyring, &store, &to, console.as_deref()).await;
        });
    }
}

async fn answer(
    stream: UnixStream,
    keyring: &Keyring,
    store: &Store,
    to: &Destinations,
    console: Option<&crate::console::Console>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut line = String::new();
    // `take`: a client cannot make the collector buffer without end.
    BufReader::new(tokio::io::AsyncReadExt::take(read, MAX_LINE))
        .read_line(&mut line)
        .await?;
    let reply = match serde_json::from_str::<Request>(&line) {
        Err(e) => refusal(keyring, "bad_request", e.to_string()),
        Ok(Request::Status) => Answer {
            ok: true,
            code: None,
            message: status(keyring),
            unlocked: keyring.is_unlocked(),
        },
        Ok(Request::ConsoleLink) => match console.map(crate::console::Console::new_link) {
            None => refusal(
                keyring,
                "no_console",
                "this collector was started without a console (serve --console ADDRESS)".into(),
            ),
            Some(Err(_)) => refusal(keyring, "random", "random numbers unavailable".into()),
            Some(Ok(link)) => Answer {
                ok: true,
                code: None,
                message: link,
                unlocked: keyring.is_unlocked(),
            },
        },
        Ok(Request::Lock) => {
            keyring.lock();
            Answer {
                ok: true,
                code: None,
                message: "locked: records can no longer be opened here".into(),
                unlocked: false,
            }
        }
        Ok(Request::PushActionNetwork {
            base_url,
            rate,
            petitions,
            retry_failed,
        }) => match (&to.action_network, keyring.key()) {
            (None, _) => refusal(
                keyring,
                "no_destination",
                "this collector was started with no Action Network destination \
                 (serve --action-network-token-file FILE)"
                    .into(),
            ),
            (Some((fixed, _)), _) if base_url.as_ref().is_some_and(|asked| asked != fixed) => {
                refusal(
                    keyring,
                    "destination_not_fixed",
                    format!(
                        "this collector pushes to {fixed} only, as fixed when it started; \
                         not to {}",
                        base_url.unwrap_or_default()
                    ),
                )
            }
            (_, None) => refusal(
                keyring,
                "locked",
                "the collector is locked: unlock it first (placard-collector unlock)".into(),
            ),
            (Some(destination), Some(key)) => {
                let options = placard_fanout::run::RunOptions { retry_failed };
                let pushed = push_with_progress(
                    &mut write,
                    store,
                    &key,
                    destination,
                    rate,
                    &petitions,
                    options,
                )
                .await;
                // The key is needed no longer than the push: it goes with it.
                drop(key);
                keyring.lock();
                pushed.unwrap_or_else(|(code, message)| refusal(keyring, code, message))
            }
        },
        Ok(Request::PushWebhook { url, batch }) => match (&to.webhook, keyring.key()) {
            (None, _) => refusal(
                keyring,
                "no_destination",
                "this collector was started with no webhook (serve --webhook-url URL \
                 --webhook-secret-file FILE)"
                    .into(),
            ),
            (Some(hook), _) if url.as_ref().is_some_and(|asked| !hook.is_at(asked)) => refusal(
                keyring,
                "destination_not_fixed",
                format!(
                    "this collector pushes to {} only, as fixed when it started; not to {}",
                    hook.url(),
                    url.unwrap_or_default()
                ),
            ),
            (_, None) => refusal(
                keyring,
                "locked",
                "the collector is locked: unlock it first (placard-collector unlock)".into(),
            ),
            (Some(hook), Some(key)) => {
                let pushed = push_webhook_with_progress(&mut write, store, &key, hook, batch).await;
                drop(key);
                keyring.lock();
                pushed.unwrap_or_else(|(code, message)| refusal(keyring, code, message))
            }
        },
        Ok(Request::Unlock { passphrase }) => {
            match keyring.unlock(SecretString::from(passphrase), store).await {
                Ok(u) => Answer {
                    ok: true,
                    code: None,
                    message: unlocked_message(&u),
                    unlocked: true,
                },
                Err(e) => refusal(keyring, e.code(), e.to_string()),
            }
        }
    };
    let mut text = serde_json::to_string(&reply).unwrap_or_default();
    text.push('\n');
    write.write_all(text.as_bytes()).await
}

/// Runs a push, writing a progress line after each record; the summary is the answer.
async fn push_with_progress(
    write: &mut tokio::net::unix::OwnedWriteHalf,
    store: &Store,
    key: &placard_vault::OrganiserKey,
    (base_url, token): &(String, String),
    rate: u32,
    petitions: &HashMap<String, String>,
    options: placard_fanout::run::RunOptions,
) -> Result<Answer, (&'static str, String)> {
    let rate = std::num::NonZeroU32::new(rate).ok_or(("bad_request", "a rate of 0".into()))?;
    let client = Client::new(base_url, token, rate).map_err(|e| ("bad_request", e.to_string()))?;
    relayed(write, |progress| {
        crate::fanout::push_action_network(
            store,
            key,
            &client,
            petitions,
            |_| PetitionMeta::default(),
            options,
            progress,
        )
    })
    .await
}

/// As [`push_with_progress`], to the webhook.
async fn push_webhook_with_progress(
    write: &mut tokio::net::unix::OwnedWriteHalf,
    store: &Store,
    key: &placard_vault::OrganiserKey,
    hook: &placard_fanout::webhook::Webhook,
    batch: usize,
) -> Result<Answer, (&'static str, String)> {
    if batch == 0 {
        return Err(("bad_request", "a batch of 0".into()));
    }
    relayed(write, |progress| {
        crate::fanout::push_webhook(store, key, hook, batch, progress)
    })
    .await
}

/// Runs the push `run` makes, passing its progress to the client as `{"done", "total"}` lines
/// while it goes; its summary is the answer.
async fn relayed<F>(
    write: &mut tokio::net::unix::OwnedWriteHalf,
    run: impl FnOnce(Box<dyn FnMut(u64, u64) + Send>) -> F,
) -> Result<Answer, (&'static str, String)>
where
    F: Future<Output = Result<crate::fanout::Pushed, placard_fanout::run::RunError>>,
{
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Progress>();
    let run = run(Box::new(move |done, total| {
        let _ = tx.send(Progress { done, total });
    }));
    let relay = async {
        while let Some(p) = rx.recv().await {
            let mut text = serde_json::to_string(&p).unwrap_or_default();
            text.push('\n');
            // The client may have gone; the run goes on and settles what it sends.
            let _ = write.write_all(text.as_bytes()).await;
        }
    };
    let (pushed, ()) = tokio::join!(run, relay);
    let pushed = pushed.map_err(|e| ("push_failed", e.to_string()))?;
    Ok(summary_answer(&pushed))
}

/// The answer that ends a push: what waits or failed, that the key is locked, and the summary.
fn summary_answer(pushed: &crate::fanout::Pushed) -> Answer {
    let mut message = String::new();
    for id in &pushed.unmatched {
        message.push_str(&format!(
            "no Action Network petition found for `{id}`: its signatures wait\n"
        ));
    }
    for (id, why) in &pushed.summary.failures {
        message.push_str(&format!("failed {id}: {why}\n"));
    }
    message.push_str("the key is locked again (unlock to push once more)\n");
    message.push_str(&pushed.summary.to_string());
    Answer {
        ok: true,
        code: None,
        message,
        unlocked: false,
    }
}

fn refusal(keyring: &Keyring, code: &str, message: String) -> Answer {
    Answer {
        ok: false,
        code: Some(code.to_owned()),
        message,
        unlocked: keyring.is_unlocked(),
    }
}

fn status(keyring: &Keyring) -> String {
    match (keyring.is_unlocked(), keyring.identity()) {
        (true, _) => "unlocked".into(),
        (false, Some(path)) => format!("locked (key file {})", path.display()),
        (false, None) => "locked, with no organiser key file (serve --identity FILE)".into(),
    }
}

/// The line `unlock` prints.
pub fn unlocked_message(u: &Unlocked) -> String {
    if u.checked == 0 {
        format!("unlocked with {}; no records stored yet", u.recipient)
    } else {
        format!(
            "unlocked with {}; it opened {} of the {} most recent records",
            u.recipient, u.opened, u.checked
        )
    }
}

/// Sends one request to the collector's admin socket at `path` (the `unlock`, `lock` and
/// `status` commands).
pub async fn request(path: &Path, request: &Request) -> std::io::Result<Answer> {
    request_with_progress(path, request, |_| {}).await
}

/// As [`request`], handing each progress line (a push) to `progress`.
pub async fn request_with_progress(
    path: &Path,
    request: &Request,
    mut progress: impl FnMut(Progress),
) -> std::io::Result<Answer> {
    let stream = UnixStream::connect(path).await.map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!(
                "no collector answers on {} ({e}); is it running, with this --admin-socket?",
                path.display()
            ),
        )
    })?;
    let (read, mut write) = stream.into_split();
    let mut text = serde_json::to_string(request)?;
    text.push('\n');
    write.write_all(text.as_bytes()).await?;
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await? {
        if let Ok(p) = serde_json::from_str::<Progress>(&line) {
            progress(p);
            continue;
        }
        return Ok(serde_json::from_str(&line)?);
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        "the collector closed the admin socket without an answer",
    ))
}

/// An unlock request for `passphrase`.
pub fn unlock_request(passphrase: &SecretString) -> Request {
    Request::Unlock {
        passphrase: passphrase.expose_secret().to_owned(),
    }
}
