//! The IPC commands. Each is one domain call, DTO in, DTO out; the logic lives in `crates/`.

use std::time::Instant;

use placard_vault::SignerInput;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::error::IpcError;
use crate::models::{
    KioskStatus, OperatorConfig, OperatorView, PackFailure, PackInfo, PetitionSummary,
    PetitionView, SignReceipt, count,
};
use crate::state::{KioskCell, KioskState};

/// Petitions of the pack, in id order.
#[tauri::command]
pub fn list_petitions(state: State<'_, KioskState>) -> Result<Vec<PetitionSummary>, IpcError> {
    Ok(state
        .pack()?
        .petitions()
        .map(PetitionSummary::from)
        .collect())
}

/// One petition, in `lang` when the pack has that translation.
#[tauri::command]
pub fn get_petition(
    state: State<'_, KioskState>,
    id: String,
    lang: Option<String>,
) -> Result<PetitionView, IpcError> {
    let entry = state.entry(&id)?;
    Ok(PetitionView::new(entry, entry.localized(lang.as_deref())))
}

/// The pack's folder and the files that failed to load, for the operator.
#[tauri::command]
pub fn pack_info(state: State<'_, KioskState>) -> Result<PackInfo, IpcError> {
    let pack = state.pack()?;
    Ok(PackInfo {
        path: state.pack_dir().display().to_string(),
        loaded: count(pack.petitions().count()),
        failures: pack.failures().map(PackFailure::from).collect(),
    })
}

/// Whether the kiosk is set up, what the attract screen shows, and its timers.
#[tauri::command]
pub fn kiosk_status(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
) -> Result<KioskStatus, IpcError> {
    kiosk.with(|k| {
        Ok(KioskStatus::new(
            k.is_set_up(),
            &k.operator_settings(),
            pack.published_ids(),
        ))
    })
}

/// Opens the operator panel if the PIN is right (`wrong_pin`, `pin_locked_out` otherwise).
#[tauri::command]
pub fn operator_unlock(kiosk: State<'_, KioskCell>, pin: String) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.operator_unlock(&pin, Instant::now())?))
}

/// Closes the operator session.
#[tauri::command]
pub fn operator_lock(kiosk: State<'_, KioskCell>) -> Result<(), IpcError> {
    kiosk.with(|k| {
        k.operator_lock();
        Ok(())
    })
}

/// The operator panel's settings, counts and chart (`operator_only` without the PIN).
#[tauri::command]
pub fn operator_view(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
) -> Result<OperatorView, IpcError> {
    let pack = pack.pack()?;
    kiosk.with(|k| {
        let overview = k.overview(Instant::now())?;
        Ok(OperatorView::new(k.operator_settings(), overview, pack))
    })
}

/// Saves the operator panel's settings and applies the kiosk lock to the window.
#[tauri::command]
pub fn operator_configure<R: Runtime>(
    window: WebviewWindow<R>,
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    config: OperatorConfig,
) -> Result<KioskStatus, IpcError> {
    let saved = kiosk
        .with(|k| Ok(k.configure(config.into(), |id| pack.entry(id).is_ok(), Instant::now())?))?;
    crate::apply_kiosk_lock(&window.as_ref().window(), saved.locked);
    Ok(KioskStatus::new(true, &saved, pack.published_ids()))
}

/// Quits the app; only an operator may.
#[tauri::command]
pub fn operator_exit<R: Runtime>(
    app: AppHandle<R>,
    kiosk: State<'_, KioskCell>,
) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.require_operator(Instant::now())?))?;
    app.exit(0);
    Ok(())
}

/// First run: the organiser's public key (`age1…`, never the private key) and the operator PIN.
/// From then on the kiosk lock is on.
#[tauri::command]
pub fn setup_kiosk<R: Runtime>(
    window: WebviewWindow<R>,
    kiosk: State<'_, KioskCell>,
    recipient: String,
    pin: String,
) -> Result<(), IpcError> {
    let locked = kiosk.with(|k| {
        k.setup(&recipient, &pin)?;
        Ok(k.operator_settings().locked)
    })?;
    crate::apply_kiosk_lock(&window.as_ref().window(), locked);
    Ok(())
}

/// Seals and stores one signature. Returns only once it is durable: the UI shows "thank you"
/// after this and never before.
#[tauri::command]
pub fn sign_petition(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    petition_id: String,
    signer: SignerInput,
) -> Result<SignReceipt, IpcError> {
    let entry = pack.entry(&petition_id)?;
    let petition = &entry.original.petition;
    kiosk.with(|k| {
        Ok(SignReceipt {
            count: count(k.sign(petition, signer)?),
        })
    })
}

/// Idle-time work for the next signature (its sealing key, WAL upkeep). The form calls it
/// when it opens, while the signer reads and types, so "Sign" pays only for sealing and the
/// commit.
#[tauri::command]
pub fn prepare_signing(kiosk: State<'_, KioskCell>) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.prepare()?))
}

/// Signatures collected here for a petition (the attract screen's counter).
#[tauri::command]
pub fn signature_count(kiosk: State<'_, KioskCell>, petition_id: String) -> Result<u32, IpcError> {
    kiosk.with(|k| Ok(count(k.count(&petition_id)?)))
}
