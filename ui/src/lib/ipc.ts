// Typed wrappers over the app's commands. The types come from Rust (bindings.ts, generated);
// errors arrive as {code, message} and are rethrown as IpcFailure so callers can branch on code.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AttractView,
  CreatedKey,
  ErrorCode,
  FieldIssue,
  IpcError,
  KioskStatus,
  OperatorConfig,
  OperatorView,
  PackInfo,
  PetitionView,
  SignReceipt,
  SyncView,
  CollectorPack,
  PackChoice,
  SendInput,
  SendProgress,
  SendReportView,
} from "./bindings";

export class IpcFailure extends Error {
  constructor(
    readonly code: ErrorCode | "unknown",
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isIpcError(e)) throw new IpcFailure(e.code, e.message, e.fields ?? []);
    throw new IpcFailure("unknown", String(e));
  }
}

export const getPetition = (id: string, lang: string | null = null) =>
  call<PetitionView>("get_petition", { id, lang });
export const packInfo = () => call<PackInfo>("pack_info");
export const kioskStatus = () => call<KioskStatus>("kiosk_status");
/** Mounted removable media, for a new organiser key. */
export const keyDestinations = () => call<string[]>("key_destinations");
/** Writes a new organiser key (encrypted) to `folder`, off the kiosk; returns its public half. */
export const createOrganiserKey = (folder: string, passphrase: string) =>
  call<CreatedKey>("create_organiser_key", { folder, passphrase });
export const setupKiosk = (recipient: string, pin: string) =>
  call<null>("setup_kiosk", { recipient, pin });
/** Resolves only once the signature is sealed and durable. */
export const signPetition = (petitionId: string, signer: Record<string, string | boolean>) =>
  call<SignReceipt>("sign_petition", { petitionId, signer });
/** Idle-time work for the next signature; called when the form opens. */
export const prepareSigning = () => call<null>("prepare_signing");
/** The attract screen's status and petition (the active one at `index`, wrapping). */
export const attractView = (index: number, lang: string | null) =>
  call<AttractView>("attract_view", { index, lang });

/** The first screen's data, requested as the script loads, before anything renders: start-up
 * waits for this one round trip, not for a render and then a request. */
export const firstAttract: Promise<AttractView> = attractView(0, null);
firstAttract.catch(() => {});
export const operatorUnlock = (pin: string) => call<null>("operator_unlock", { pin });
export const operatorLock = () => call<null>("operator_lock");
export const operatorView = () => call<OperatorView>("operator_view");
export const operatorConfigure = (config: OperatorConfig) =>
  call<KioskStatus>("operator_configure", { config });
export const operatorExit = () => call<null>("operator_exit");
/** Enrols the kiosk with a collector (address and one-time code) and starts syncing. */
export const operatorEnroll = (collector: string, code: string) =>
  call<SyncView>("operator_enroll", { collector, code });
/** "Sync now": the sync loop stops waiting and tries at once. */
export const operatorSyncNow = () => call<null>("operator_sync_now");
/** The sync loop's state on every change (the Rust side's `SYNC_EVENT`). */
export const onSyncState = (f: (view: SyncView) => void): Promise<UnlistenFn> =>
  listen<SyncView>("sync-state", (e) => f(e.payload));
/** The petition packs the enrolled collector offers. */
export const operatorCollectorPacks = () => call<CollectorPack[]>("operator_collector_packs");
/** Takes a pack from the collector onto the kiosk; returns the packs now available. */
export const operatorPullPack = (name: string) => call<PackChoice[]>("operator_pull_pack", { name });
/** Organiser key files on removable media. */
export const operatorKeyFiles = () => call<string[]>("operator_key_files");
/** Sends every record not sent yet to Action Network; the key is unlocked for this run only. */
export const operatorSendActionNetwork = (request: SendInput) =>
  call<SendReportView>("operator_send_action_network", { request });
/** Stops a running send. */
export const operatorSendCancel = () => call<null>("operator_send_cancel");
/** A send run's progress (the Rust side's `SEND_EVENT`). */
export const onSendProgress = (f: (p: SendProgress) => void): Promise<UnlistenFn> =>
  listen<SendProgress>("send-progress", (e) => f(e.payload));
