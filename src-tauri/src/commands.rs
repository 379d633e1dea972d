//! The IPC commands. Each is one domain call, DTO in, DTO out; the logic lives in `crates/`.
//!
//! All are `async`: Tauri runs synchronous commands on the main thread, where they would wait
//! for (and hold up) the webview's own work; at start-up that cost the first screen ~80 ms.
//! Async commands run on Tauri's thread pool. Their work is short (a commit's fsync, one PIN
//! hash), so it runs inline rather than on a blocking pool.

use std::sync::Arc;
use std::time::Instant;

use placard_kiosk_core::{send, uplink};
use placard_vault::SignerInput;
use tauri::Emitter as _;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::error::{ErrorCode, IpcError};
use crate::models::{
    AttractPetition, AttractView, CollectorPack, CreatedKey, KioskStatus, OperatorConfig,
    OperatorView, PackChoice, PackFailure, PackInfo, PetitionView, SEND_EVENT, SendInput,
    SendProgress, SendReportView, SignReceipt, SyncView, count,
};
use crate::state::{KioskCell, KioskConfig, KioskState, LoadedPack, SendCell, SyncCell};

/// One petition, in `lang` when the pack has that translation.
#[tauri::command]
pub async fn get_petition(
    state: State<'_, KioskState>,
    id: String,
    lang: Option<String>,
) -> Result<PetitionView, IpcError> {
    let loaded = state.current();
    let entry = loaded.entry(&id)?;
    Ok(PetitionView::new(entry, entry.localized(lang.as_deref())))
}

/// The pack's folder and the files that failed to load, for the operator.
#[tauri::command]
pub async fn pack_info(state: State<'_, KioskState>) -> Result<PackInfo, IpcError> {
    let loaded = state.current();
    let pack = loaded.pack()?;
    Ok(PackInfo {
        source: loaded.source.clone(),
        path: loaded.dir().display().to_string(),
        loaded: count(pack.petitions().count()),
        failures: pack.failures().map(PackFailure::from).collect(),
    })
}

/// Whether the kiosk is set up, what the attract screen shows, and its timers.
#[tauri::command]
pub async fn kiosk_status(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
) -> Result<KioskStatus, IpcError> {
    kiosk.with(|k| {
        Ok(KioskStatus::new(
            k.is_set_up(),
            &k.operator_settings(),
            pack.current().published_ids(),
        ))
    })
}

/// Opens the operator panel if the PIN is right (`wrong_pin`, `pin_locked_out` otherwise).
#[tauri::command]
pub async fn operator_unlock(kiosk: State<'_, KioskCell>, pin: String) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.operator_unlock(&pin, Instant::now())?))
}

/// Closes the operator session.
#[tauri::command]
pub async fn operator_lock(
    kiosk: State<'_, KioskCell>,
    sending: State<'_, SendCell>,
) -> Result<(), IpcError> {
    // A send run holds opened records: it stops with the operator's session.
    sending.cancel();
    kiosk.with(|k| {
        k.operator_lock();
        Ok(())
    })
}

/// The operator panel's settings, counts and chart (`operator_only` without the PIN).
#[tauri::command]
pub async fn operator_view(
    config: State<'_, KioskConfig>,
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    sync: State<'_, SyncCell>,
) -> Result<OperatorView, IpcError> {
    let loaded = pack.current();
    kiosk.with(|k| {
        let overview = k.overview(Instant::now())?;
        Ok(OperatorView::new(
            k.operator_settings(),
            overview,
            &loaded,
            &config.available_packs(),
            sync.view(),
        ))
    })
}

/// Enrols this kiosk with the organisation's collector (its address and a one-time code from
/// `placard-collector enroll`), remembers it, and starts syncing to it. The only network
/// request outside the sync loop, and only when an operator asks.
#[tauri::command]
pub async fn operator_enroll<R: Runtime>(
    app: AppHandle<R>,
    kiosk: State<'_, KioskCell>,
    sync: State<'_, SyncCell>,
    collector: String,
    code: String,
) -> Result<SyncView, IpcError> {
    let enrolment = kiosk.with(|k| {
        k.require_operator(Instant::now())?;
        Ok(k.enrolment()?)
    })?;
    let url = uplink::collector_url(&collector)?;
    uplink::enroll(&url, &code, &enrolment).await?;
    kiosk.with(|k| Ok(k.set_collector(Some(&url))?))?;
    sync.start(&app, &kiosk)?;
    Ok(sync.view())
}

/// The collector this kiosk is enrolled with, for an operator; `not_enrolled` without one.
fn enrolled_collector(kiosk: &KioskCell) -> Result<tauri::Url, IpcError> {
    kiosk
        .with(|k| {
            k.require_operator(Instant::now())?;
            Ok(k.collector())
        })?
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::NotEnrolled,
                "this kiosk is not enrolled with a collector",
            )
        })
}

/// The petition packs the enrolled collector offers.
#[tauri::command]
pub async fn operator_collector_packs(
    kiosk: State<'_, KioskCell>,
) -> Result<Vec<CollectorPack>, IpcError> {
    let url = enrolled_collector(&kiosk)?;
    Ok(uplink::collector_packs(&url)
        .await?
        .into_iter()
        .map(CollectorPack::from)
        .collect())
}

/// Pulls a pack from the collector into `DATA_DIR/packs/NAME` (a bad download changes
/// nothing). When that pack is on show, the new version shows at once. Returns the packs the
/// operator can now choose.
#[tauri::command]
pub async fn operator_pull_pack(
    config: State<'_, KioskConfig>,
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    name: String,
) -> Result<Vec<PackChoice>, IpcError> {
    let url = enrolled_collector(&kiosk)?;
    let source = uplink::pull_pack(&url, &name, &config.data_dir).await?;
    if pack.current().source == source.id {
        pack.replace(Arc::new(LoadedPack::from_source(&source)));
    }
    Ok(config
        .available_packs()
        .iter()
        .map(PackChoice::from)
        .collect())
}

/// Organiser key files on removable media, to send from.
#[tauri::command]
pub async fn operator_key_files(kiosk: State<'_, KioskCell>) -> Result<Vec<String>, IpcError> {
    kiosk.with(|k| Ok(k.require_operator(Instant::now())?))?;
    Ok(send::key_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect())
}

/// "Send to Action Network" (a kiosk without a collector): unlocks `key_file` with
/// `passphrase` for this run only and sends every record not sent yet, emitting
/// [`SEND_EVENT`] progress. The key and the opened records are dropped when it ends, or when
/// the operator cancels or locks the panel.
#[tauri::command]
pub async fn operator_send_action_network<R: Runtime>(
    app: AppHandle<R>,
    config: State<'_, KioskConfig>,
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    sending: State<'_, SendCell>,
    request: SendInput,
) -> Result<SendReportView, IpcError> {
    let ledger = kiosk.with(|k| {
        k.require_operator(Instant::now())?;
        Ok(k.delivery_ledger()?)
    })?;
    let cancel = sending
        .begin()
        .ok_or_else(|| IpcError::new(ErrorCode::SendFailed, "a send is running already"))?;
    let shown = pack.current();
    let request = send::SendRequest {
        key_file: request.key_file.into(),
        passphrase: placard_vault::SecretString::from(request.passphrase),
        token: request.token,
        base_url: config.action_network.clone(),
        rate: placard_fanout::action_network::DEFAULT_RATE,
    };
    let report = send::send_to_action_network(
        ledger,
        request,
        |id| shown.action_network_meta(id),
        |step| {
            let _ = app.emit_to("main", SEND_EVENT, SendProgress::from(step));
        },
        async {
            let _ = cancel.await;
        },
    )
    .await;
    sending.cancel();
    Ok(report?.into())
}

/// Stops a running send.
#[tauri::command]
pub async fn operator_send_cancel(sending: State<'_, SendCell>) -> Result<(), IpcError> {
    sending.cancel();
    Ok(())
}

/// "Sync now": the sync loop stops waiting and tries at once (`not_enrolled` without a
/// collector).
#[tauri::command]
pub async fn operator_sync_now(
    kiosk: State<'_, KioskCell>,
    sync: State<'_, SyncCell>,
) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.require_operator(Instant::now())?))?;
    if sync.wake() {
        Ok(())
    } else {
        Err(IpcError::new(
            ErrorCode::NotEnrolled,
            "this kiosk is not enrolled with a collector",
        ))
    }
}

/// Saves the operator panel's settings: loads the chosen pack (the active petitions are
/// checked against it), swaps it in, and applies the kiosk lock to the window.
#[tauri::command]
pub async fn operator_configure<R: Runtime>(
    window: WebviewWindow<R>,
    setup: State<'_, KioskConfig>,
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    config: OperatorConfig,
) -> Result<KioskStatus, IpcError> {
    let sources = setup.available_packs();
    let current = pack.current();
    // Loading a pack reads files: done before taking the kiosk's lock, and only on a change.
    let next = match config.pack.as_deref() {
        Some(id) if id != current.source => sources
            .iter()
            .find(|s| s.id == id)
            .map(|s| Arc::new(LoadedPack::from_source(s))),
        _ => None,
    };
    let shown = next.as_ref().unwrap_or(&current);
    let saved = kiosk.with(|k| {
        Ok(k.configure(
            config.into(),
            &sources,
            |id| shown.entry(id).is_ok(),
            Instant::now(),
        )?)
    })?;
    let published = shown.published_ids();
    if let Some(next) = next {
        pack.replace(next);
    }
    crate::apply_kiosk_lock(&window.as_ref().window(), saved.locked);
    Ok(KioskStatus::new(true, &saved, published))
}

/// Quits the app; only an operator may.
#[tauri::command]
pub async fn operator_exit<R: Runtime>(
    app: AppHandle<R>,
    kiosk: State<'_, KioskCell>,
) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.require_operator(Instant::now())?))?;
    app.exit(0);
    Ok(())
}

/// Mounted removable media, where a new organiser key can be saved.
#[tauri::command]
pub async fn key_destinations() -> Result<Vec<String>, IpcError> {
    Ok(placard_kiosk_core::keys::removable_media()
        .iter()
        .map(|p| p.display().to_string())
        .collect())
}

/// First run, for an organiser without a key: writes a new one, encrypted with `passphrase`,
/// to `folder` (off the kiosk) with a recovery sheet, and returns only its public half.
#[tauri::command]
pub async fn create_organiser_key(
    kiosk: State<'_, KioskCell>,
    folder: String,
    passphrase: String,
) -> Result<CreatedKey, IpcError> {
    let passphrase = placard_vault::SecretString::from(passphrase);
    kiosk.with(|k| {
        Ok(CreatedKey::from(k.create_organiser_key(
            std::path::Path::new(&folder),
            &passphrase,
        )?))
    })
}

/// First run: the organiser's public key (`age1…`, never the private key) and the operator PIN.
/// From then on the kiosk lock is on.
#[tauri::command]
pub async fn setup_kiosk<R: Runtime>(
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
pub async fn sign_petition(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    petition_id: String,
    signer: SignerInput,
) -> Result<SignReceipt, IpcError> {
    let loaded = pack.current();
    let entry = loaded.entry(&petition_id)?;
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
pub async fn prepare_signing(kiosk: State<'_, KioskCell>) -> Result<(), IpcError> {
    kiosk.with(|k| Ok(k.prepare()?))
}

/// Everything the attract screen shows, in one round trip (it is the first screen, so it is
/// what start-up waits for): the kiosk's status, and the active petition at `index` (wrapping)
/// in `lang` with its count here.
#[tauri::command]
pub async fn attract_view(
    pack: State<'_, KioskState>,
    kiosk: State<'_, KioskCell>,
    index: u32,
    lang: Option<String>,
) -> Result<AttractView, IpcError> {
    let loaded = pack.current();
    // A pack that failed to load says so, rather than passing for "nothing on show".
    loaded.pack()?;
    kiosk.with(|k| {
        let status = KioskStatus::new(
            k.is_set_up(),
            &k.operator_settings(),
            loaded.published_ids(),
        );
        let shown = match status.active.len() {
            0 => None,
            of => {
                let position = index as usize % of;
                let entry = loaded.entry(&status.active[position])?;
                let signed = k.count(entry.id())?;
                Some(AttractPetition::new(
                    entry.localized(lang.as_deref()),
                    count(signed),
                    count(position),
                    count(of),
                ))
            }
        };
        Ok(AttractView { status, shown })
    })
}
