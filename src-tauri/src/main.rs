// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Every heap block the kiosk frees is wiped first. `SignerInput` wipes itself, but Tauri's IPC
/// makes transient copies of a signer's answers on the way to it (the request body, the JSON
/// value its arguments are parsed into) and frees them without wiping; with this allocator
/// those frees wipe too, so a signer's answers do not linger in the app's freed memory. (Memory
/// WebKit allocates in C, and the web process's own, are outside its reach; see
/// ARCHITECTURE.md.)
#[global_allocator]
static ALLOC: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

fn main() {
    // Everything the app and its webview create is the kiosk user's alone (the data folder holds
    // the PIN's hash and the vault; see crates/kiosk/src/private.rs). Set before any thread or
    // WebKit process starts, so all of them inherit it.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    placard_kiosk::run();
}
