//! Generates the app's command permissions and reads the capabilities from `src-tauri/`
//! (the config sits at the top level beside Cargo.toml; the app's own files do not).

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(placard_commands()));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}

/// Every command the UI may call. Each gets an `allow-*` permission that the kiosk
/// capability grants; of Tauri's core, the webview may only listen to events (the sync
/// loop's state).
fn placard_commands() -> &'static [&'static str] {
    &[
        "get_petition",
        "pack_info",
        "kiosk_status",
        "setup_kiosk",
        "sign_petition",
        "prepare_signing",
        "attract_view",
        "key_destinations",
        "create_organiser_key",
        "operator_unlock",
        "operator_lock",
        "operator_view",
        "operator_configure",
        "operator_exit",
        "operator_enroll",
        "operator_sync_now",
        "operator_collector_packs",
        "operator_pull_pack",
        "operator_key_files",
        "operator_send_action_network",
        "operator_send_cancel",
    ]
}
