//! The Placard kiosk app: the only package that knows Tauri.
//!
//! A thin shell over the kiosk's facade (`placard_kiosk_core::KioskApp`): each command takes
//! what it needs, makes one facade call and converts the answer to a DTO. Commands and their
//! DTOs live in one module per area (`showing`, `signing`, `setup`, `operator`, `uplink`,
//! `send`), each declared once (see `command.rs`). See ARCHITECTURE.md for the invariants.

#[cfg(test)]
mod bindings;
pub mod command;
pub mod error;
pub mod events;
pub mod operator;
mod protocol;
pub mod send;
pub mod setup;
pub mod showing;
pub mod signing;
pub mod uplink;

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

pub use error::{FieldIssue, IpcError};
pub use placard_kiosk_core::{ErrorCode, KioskApp, Places};

/// Registers the commands, the `pack:` scheme and the kiosk lock's close guard on any runtime
/// (tests use the mock runtime). The kiosk itself is registered by [`manage`].
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .invoke_handler(command::dispatch)
        .register_asynchronous_uri_scheme_protocol(protocol::SCHEME, protocol::handle)
        .on_window_event(|window, event| {
            // Kiosk lock: the window manager's close (title bar, Alt+F4) is ignored unless
            // the lock is off or an operator has entered the PIN.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event
                && !window.try_state::<KioskApp>().is_none_or(|k| k.may_close())
            {
                api.prevent_close();
            }
        })
}

/// Registers the kiosk at `places` as the app's one managed state, its events going to the
/// window. It opens beside the window (see `KioskApp::open`); with `pack`, it shows that pack
/// whatever its settings say, opened before this returns (tests). `run()` and the tests both
/// come through here.
pub fn manage<R: Runtime>(app: &AppHandle<R>, places: Places, pack: Option<PathBuf>) {
    let runtime = tauri::async_runtime::handle().inner().clone();
    let events = events::ToWindow::shared(app);
    let kiosk = match pack {
        Some(dir) => KioskApp::open_with_pack(places, dir, runtime, events),
        None => KioskApp::open(places, runtime, events),
    };
    app.manage(kiosk);
}

/// Kiosk lock on: fullscreen with no decorations, so there is no title bar to close and no
/// desktop behind. (Fullscreen needs a window manager; under bare X the window keeps its size.)
pub(crate) fn apply_kiosk_lock<R: Runtime>(window: &tauri::Window<R>, locked: bool) {
    // Best effort: a window manager that refuses fullscreen leaves a usable window, and the
    // close guard above holds either way.
    let _ = window.set_decorations(!locked);
    let _ = window.set_fullscreen(locked);
}

/// Starts the kiosk: registers it (it opens its vault and pack beside the window) and opens
/// the window.
pub fn run() {
    let app = build(tauri::Builder::default())
        .setup(|app| {
            let places = Places::from_env(app.path().app_data_dir()?);
            std::fs::create_dir_all(&places.data_dir)?;
            // A wipe asked for the webview's data to go: before the new window opens.
            places.clear_wiped_webview(true)?;
            // Only the small settings file is read before the window opens.
            let locked = places.opens_locked();
            manage(app.handle(), places.clone(), None);
            open_window(app, &places, locked)?;
            Ok(())
        })
        .build(context());
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                stop_sync(app);
                // After a wipe, the webview's data goes once its window is gone (and again at
                // the next start, should the webview write more on its way out).
                if let Some(kiosk) = app.try_state::<KioskApp>()
                    && let Err(e) = kiosk.places().clear_wiped_webview(false)
                {
                    eprintln!("placard: the webview's data could not be removed: {e}");
                }
            }
        }),
        Err(e) => {
            eprintln!("placard-kiosk could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Stops the sync loop on the way out, waiting a moment for it to end. A batch in flight is
/// dropped; its records stay pending (marked sent only on an acknowledgement) and go with the
/// next start.
fn stop_sync<R: Runtime>(app: &AppHandle<R>) {
    if let Some(task) = app.try_state::<KioskApp>().and_then(|k| k.stop_sync()) {
        tauri::async_runtime::block_on(async {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(2), task).await;
        });
    }
}

/// The app's context (config, capabilities, embedded UI) from `tauri.conf.json`. Public so the
/// mock-runtime tests run against the real capabilities, not an empty ACL.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// The kiosk window. It keeps its webview data under the data dir and never navigates away
/// from the app.
///
/// Not `incognito`: on WebKitGTK that gives the webview a fresh ephemeral context on which
/// WebDriver automation can never be enabled, so the window the tests drive would differ from
/// the one volunteers use. The UI stores nothing of a signer in the webview (no storage APIs,
/// no autofill: WebKitGTK keeps no form history), which is what incognito would have ensured.
fn open_window<R: Runtime, M: Manager<R>>(
    manager: &M,
    places: &Places,
    locked: bool,
) -> tauri::Result<()> {
    WebviewWindowBuilder::new(manager, "main", WebviewUrl::App("index.html".into()))
        .title("Placard")
        .inner_size(1280.0, 800.0)
        .min_inner_size(600.0, 600.0)
        .fullscreen(locked)
        .decorations(!locked)
        .data_directory(places.webview_dir())
        .devtools(cfg!(debug_assertions))
        .on_navigation(is_app_url)
        .build()?;
    Ok(())
}

/// Only the app's own pages: `tauri://localhost` (Linux, macOS), `http://tauri.localhost`
/// (Windows), and the Vite dev server in development.
fn is_app_url(url: &tauri::Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        ("http", Some("localhost")) => tauri::is_dev(),
        _ => false,
    }
}

/// Counts cross IPC as `number` (u32), never as `bigint`; past `u32::MAX` they saturate.
pub(crate) fn count(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use placard_kiosk_core::{Events, KioskApp, Places, SyncStatus};

    struct Quiet;
    impl Events for Quiet {
        fn sync_state(&self, _: &SyncStatus) {}
    }

    /// A fresh kiosk (not set up) showing the pack in `dir`.
    pub(crate) fn kiosk_with_pack(dir: &Path) -> (KioskApp, tempfile::TempDir) {
        let data = tempfile::tempdir().expect("data dir");
        let places = Places {
            pack_dir: None,
            data_dir: data.path().to_owned(),
            action_network: "https://action-network.invalid/api/v2/".into(),
        };
        let runtime = tauri::async_runtime::handle().inner().clone();
        let kiosk =
            KioskApp::open_with_pack(places, dir.to_owned(), runtime, std::sync::Arc::new(Quiet));
        (kiosk, data)
    }
}
