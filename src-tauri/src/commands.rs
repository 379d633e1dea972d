//! The IPC commands. Each is one domain call, DTO in, DTO out; the logic lives in `crates/`.

use placard_vault::SignerInput;
use tauri::State;

use crate::error::IpcError;
use crate::models::{
    KioskStatus, PackFailure, PackInfo, PetitionSummary, PetitionView, SignReceipt, count,
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

/// Whether the organiser has done the first-run set-up.
#[tauri::command]
pub fn kiosk_status(kiosk: State<'_, KioskCell>) -> Result<KioskStatus, IpcError> {
    kiosk.with(|k| {
        Ok(KioskStatus {
            set_up: k.is_set_up(),
        })
    })
}

/// First run: the organiser's public key (`age1…`, never the private key) and the operator PIN.
#[tauri::command]
pub fn setup_kiosk(
    kiosk: State<'_, KioskCell>,
    recipient: String,
    pin: String,
) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.setup(&recipient, &pin)?))
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
