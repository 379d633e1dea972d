//! The Placard kiosk app: the only package that knows Tauri.
//!
//! It wires domain crates (`crates/`) to the webview: commands (thin, DTO in/out), the `pack:`
//! scheme for petition images, and the kiosk window. See ARCHITECTURE.md for the invariants.

pub mod commands;
pub mod error;
pub mod models;
mod protocol;
pub mod state;

use tauri::{Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

pub use error::{ErrorCode, IpcError};
pub use state::{KioskCell, KioskConfig, KioskState, LoadedPack, SendCell, SyncCell};

/// Registers the commands and the `pack:` scheme on any runtime. The caller manages a
/// [`KioskConfig`], a [`KioskState`], a [`KioskCell`], a [`SyncCell`] and a [`SendCell`] (`run` does it in
/// setup; tests with fixtures).
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .invoke_handler(tauri::generate_handler![
            commands::get_petition,
            commands::pack_info,
            commands::kiosk_status,
            commands::setup_kiosk,
            commands::sign_petition,
            commands::prepare_signing,
            commands::attract_view,
            commands::key_destinations,
            commands::create_organiser_key,
            commands::operator_unlock,
            commands::operator_lock,
            commands::operator_view,
            commands::operator_configure,
            commands::operator_exit,
            commands::operator_enroll,
            commands::operator_sync_now,
            commands::operator_collector_packs,
            commands::operator_pull_pack,
            commands::operator_key_files,
            commands::operator_send_action_network,
            commands::operator_send_cancel,
        ])
        .register_asynchronous_uri_scheme_protocol(protocol::SCHEME, protocol::handle)
        .on_window_event(|window, event| {
            // Kiosk lock: the window manager's close (title bar, Alt+F4) is ignored unless
            // the lock is off or an operator has entered the PIN.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event
                && !window
                    .try_state::<KioskCell>()
                    .is_none_or(|k| k.may_close())
            {
                api.prevent_close();
            }
        })
}

/// Kiosk lock on: fullscreen with no decorations, so there is no title bar to close and no
/// desktop behind. (Fullscreen needs a window manager; under bare X the window keeps its size.)
pub(crate) fn apply_kiosk_lock<R: Runtime>(window: &tauri::Window<R>, locked: bool) {
    // Best effort: a window manager that refuses fullscreen leaves a usable window, and the
    // close guard above holds either way.
    let _ = window.set_decorations(!locked);
    let _ = window.set_fullscreen(locked);
}

/// Starts the kiosk: loads the pack named by `PLACARD_PACK` (or the built-in demo pack) and
/// opens the window.
pub fn run() {
    let app = build(tauri::Builder::default())
        .setup(|app| {
            let config = KioskConfig::from_env(app.path().app_data_dir()?);
            std::fs::create_dir_all(&config.data_dir)?;
            let kiosk = KioskCell::open(&config.data_dir);
            let (locked, chosen) = kiosk
                .with(|k| {
                    let s = k.operator_settings();
                    Ok((k.is_set_up() && s.locked, s.pack))
                })
                .unwrap_or((false, None));
            let sources = config.available_packs();
            let source = placard_kiosk_core::packs::choose(&sources, chosen.as_deref());
            app.manage(KioskState::new(LoadedPack::from_source(source)));
            // Syncing starts with the app when the kiosk is enrolled with a collector. A loop
            // that cannot start leaves the kiosk signing (records wait in the vault).
            let sync = SyncCell::default();
            if let Err(e) = sync.start(app.handle(), &kiosk) {
                eprintln!("placard-kiosk: sync not started: {e}");
            }
            app.manage(sync);
            app.manage(SendCell::default());
            app.manage(kiosk);
            open_window(app, &config, locked)?;
            app.manage(config);
            Ok(())
        })
        .build(context());
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                stop_sync(app);
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
fn stop_sync<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(task) = app.try_state::<SyncCell>().and_then(|s| s.stop()) {
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
    config: &KioskConfig,
    locked: bool,
) -> tauri::Result<()> {
    WebviewWindowBuilder::new(manager, "main", WebviewUrl::App("index.html".into()))
        .title("Placard")
        .inner_size(1280.0, 800.0)
        .min_inner_size(600.0, 600.0)
        .fullscreen(locked)
        .decorations(!locked)
        .data_directory(config.data_dir.join("webview"))
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
