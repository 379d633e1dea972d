//! The IPC commands. Each is one domain call, DTO in, DTO out; the logic lives in `crates/`.

use tauri::State;

use crate::error::{ErrorCode, IpcError};
use crate::models::{PackFailure, PackInfo, PetitionSummary, PetitionView, count};
use crate::state::KioskState;

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
    let entry = state.pack()?.get(&id).ok_or_else(|| {
        IpcError::new(
            ErrorCode::PetitionNotFound,
            format!("no petition `{id}` in this pack"),
        )
    })?;
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
