//! The admin socket: a Unix socket only the collector's own user may open (mode 0600), for
//! what must never cross the network: unlocking with the organiser's passphrase, and locking
//! again. One JSON line in, one JSON line out.
//!
//! The passphrase passes through plain `String`s here (the request line, serde's copy); the
//! binary's allocator (`zeroizing-alloc`) wipes every heap block it frees, so none outlives
//! its use.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::sync::Arc;

use placard_vault::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::{UnixListener, UnixStream};

use crate::keyring::{Keyring, Unlocked};
use crate::store::Store;

/// The longest request line read: a passphrase, not a file.
const MAX_LINE: u64 = 64 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Unlock { passphrase: String },
    Lock,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub ok: bool,
    /// A stable code when `ok` is false.
    pub code: Option<String>,
    pub message: String,
    pub unlocked: bool,
}

/// Binds the socket at `path`, readable and writable by this user only. A socket file left by
/// a collector that is gone is replaced; one a running collector answers on is not.
pub async fn bind(path: &Path) -> std::io::Result<UnixListener> {
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
pub async fn serve(listener: UnixListener, keyring: Arc<Keyring>, store: Store) {
    while let Ok((stream, _)) = listener.accept().await {
        let (keyring, store) = (keyring.clone(), store.clone());
        tokio::spawn(async move {
            let _ = answer(stream, &keyring, &store).await;
        });
    }
}

async fn answer(stream: UnixStream, keyring: &Keyring, store: &Store) -> std::io::Result<()> {
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
        Ok(Request::Lock) => {
            keyring.lock();
            Answer {
                ok: true,
                code: None,
                message: "locked: records can no longer be opened here".into(),
                unlocked: false,
            }
        }
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
    let mut line = String::new();
    BufReader::new(read).read_line(&mut line).await?;
    Ok(serde_json::from_str(&line)?)
}

/// An unlock request for `passphrase`.
pub fn unlock_request(passphrase: &SecretString) -> Request {
    Request::Unlock {
        passphrase: passphrase.expose_secret().to_owned(),
    }
}
