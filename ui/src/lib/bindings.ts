// Generated from the Rust side (src-tauri/src: each area's `commands!`, events.rs, the
// DTOs) by the `bindings_are_fresh` test. Do not edit: run `./dev bindings` instead.
import { call, listenTo, type UnlistenFn } from "./call";

export type AttractPetition = { id: string, 
/**
 * The translation shown, or `null` for the original.
 */
lang: string | null, title: string, petition_copy: string | null, 
/**
 * The petition's one-line pitch, shown when it has no `petition_copy`.
 */
summary: string | null, 
/**
 * The hero image (`pack://…`, the pack's own file), when it has one.
 */
hero_image: string | null, goal: number | null, 
/**
 * Signatures collected here.
 */
count: number, 
/**
 * Its place in the rotation (0-based) and how many take turns.
 */
position: number, of: number, };

export type AttractView = { status: KioskStatus, 
/**
 * `None` when no petition is active (nothing published, or the pack failed to load).
 */
shown: AttractPetition | null, };

export type CollectorPack = { name: string, 
/**
 * Download size, bytes.
 */
bytes: number, };

export type CreatedKey = { recipient: string, key_file: string, recovery_file: string, };

export type ErrorCode = "pack_unavailable" | "petition_not_found" | "not_set_up" | "already_set_up" | "weak_pin" | "bad_recipient" | "invalid_input" | "storage_full" | "storage_error" | "not_a_vault" | "already_a_vault" | "bad_device_key" | "seal_failed" | "vault_corrupt" | "recipient_mismatch" | "unsent_records" | "forged_answer" | "wrong_pin" | "pin_locked_out" | "pin_change_required" | "operator_only" | "bad_setting" | "weak_passphrase" | "key_on_kiosk" | "key_exists" | "bad_collector_url" | "collector_unreachable" | "enrol_refused" | "sync_error" | "not_enrolled" | "bad_pack" | "wrong_passphrase" | "bad_identity" | "bad_token" | "action_network_unreachable" | "send_failed";

export type FieldIssue = { field: string, code: string, };

export type FieldNeed = "not_asked" | "optional" | "required";

export type FormSpec = { family_name_required: boolean, postal_code_required: boolean, street_address: FieldNeed, city: FieldNeed, comments: boolean, comment_prefill: string | null, 
/**
 * Signers cannot opt out: no checkbox, the disclosure text instead.
 */
forced_opt_in: boolean, default_country: string | null, 
/**
 * The country codes the vault accepts (ISO 3166-1 alpha-2); the UI names them in the
 * signer's language.
 */
countries: Array<string>, 
/**
 * A finger/mouse signature pad (`signature_pad: true`); drawing is optional.
 */
signature_pad: boolean, 
/**
 * A required, unticked box: the signer has read the privacy notice (`consent`).
 */
consent_required: boolean, };

export type HourBar = { 
/**
 * The hour's start, UTC, RFC 3339.
 */
start: string, count: number, };

export type IpcError = { code: ErrorCode, message: string, 
/**
 * Per-field problems of an `invalid_input`; empty otherwise.
 */
fields: Array<FieldIssue>, 
/**
 * For `pin_locked_out`: seconds until the keypad takes a PIN again.
 */
retry_after_seconds: number | null, };

export type KioskStatus = { 
/**
 * Whether the first-run set-up was done.
 */
set_up: boolean, 
/**
 * The petitions the attract screen rotates through (never empty while the pack has a
 * published petition).
 */
active: Array<string>, rotate_seconds: number, thanks_seconds: number, idle_seconds: number, countdown_seconds: number, 
/**
 * Kiosk lock on: fullscreen, closing ignored.
 */
locked: boolean, 
/**
 * "Touchscreen kiosk": the on-screen keyboard opens on every field. `null`: the window
 * decides (a coarse pointer means a touchscreen; else only a touched field opens it).
 */
touchscreen: boolean | null, };

export type OperatorConfig = { 
/**
 * The pack on show (an id from `OperatorView.packs`).
 */
pack: string | null, 
/**
 * Empty: every published petition.
 */
active: Array<string>, rotate_seconds: number, event_name: string, event_tags: Array<string>, 
/**
 * Where the signatures came from, as the organisation's list records it (Action
 * Network's `source`); empty: the event's name.
 */
event_source: string, locked: boolean, thanks_seconds: number, idle_seconds: number, countdown_seconds: number, 
/**
 * Hours a signature stays on the kiosk after the organisation confirmed it; 0: at once.
 */
retention_hours: number, 
/**
 * "Touchscreen kiosk": the on-screen keyboard opens on every field, not only a touched
 * one. `null`: the window decides (a coarse pointer means a touchscreen).
 */
touchscreen: boolean | null, };

export type OperatorView = { config: OperatorConfig, total: number, 
/**
 * Sealed and waiting to be sent upstream.
 */
pending: number, sent: number, petitions: Array<PetitionTally>, 
/**
 * Oldest first; the last is the current hour.
 */
last_hours: Array<HourBar>, sync: SyncView, 
/**
 * The packs this kiosk can show.
 */
packs: Array<PackChoice>, 
/**
 * The organiser's key signatures are sealed to, short (`age1abcdef…uvwxyz`).
 */
recipient: string | null, };

export type PackChoice = { 
/**
 * `demo`, `configured` or `local:NAME`.
 */
id: string, path: string, };

export type PackFailure = { path: string, line: number, column: number, reason: string, };

export type PackInfo = { 
/**
 * Where it came from: `demo`, `configured` (`PLACARD_PACK`) or `local:NAME`.
 */
source: string, path: string, loaded: number, failures: Array<PackFailure>, };

export type PetitionTally = { id: string, title: string, published: boolean, count: number, };

export type PetitionView = { id: string, 
/**
 * The translation shown, or `null` for the original.
 */
lang: string | null, languages: Array<string>, title: string, petition_title: string | null, petition_copy: string | null, 
/**
 * The petition's one-line pitch, shown when it has no `petition_copy`.
 */
summary: string | null, 
/**
 * The hero image (`pack://…`, the pack's own file), when it has one.
 */
hero_image: string | null, 
/**
 * Button label from the file; the UI falls back to its own translated "Sign the petition".
 */
action_text: string | null, 
/**
 * Sanitised HTML; images point at the `pack:` scheme.
 */
body_html: string, disclosure_html: string | null, 
/**
 * The privacy notice (sanitised HTML), shown above the form's boxes; its SHA-256 goes
 * into the record's consent receipt.
 */
privacy_html: string | null, opt_in: boolean, target_country: string | null, tags: Array<string>, goal: number | null, 
/**
 * What the signing form asks, from the same rules the vault enforces.
 */
form: FormSpec, 
/**
 * The petition's page online (see `Petition::public_url`) and its QR code, for the
 * thank-you screen.
 */
share: ShareCode | null, };

export type SavedCopy = { file: string, records: number, };

export type SendFailure = { record_id: string, reason: string, };

export type SendInput = { 
/**
 * The organiser's key file (on the USB stick it was saved to).
 */
key_file: string, passphrase: string, 
/**
 * The Action Network API key.
 */
token: string, 
/**
 * "Retry failed": send again what an earlier run failed.
 */
retry_failed: boolean, };

export type SendOutcome = { record_id: string, petition_id: string, 
/**
 * RFC 3339.
 */
captured_at: string, outcome: SendOutcomeKind, 
/**
 * Why it failed or waits.
 */
reason: string | null, };

export type SendOutcomeKind = "sent" | "failed" | "skipped" | "deferred";

export type SendProgress = { done: number, total: number, record: SendOutcome, };

export type SendReportView = { sent: number, failed: number, 
/**
 * Sent by an earlier run.
 */
skipped: number, 
/**
 * Not sent, to try again later (Action Network unreachable, petition not found).
 */
deferred: number, 
/**
 * Of the skipped, failed by an earlier run: "Retry failed" sends them again.
 */
failed_before: number, cancelled: boolean, 
/**
 * Each failed record and Action Network's reason.
 */
failures: Array<SendFailure>, 
/**
 * Petitions no Action Network petition was found for.
 */
unmatched: Array<string>, 
/**
 * Records the key did not open.
 */
unreadable: number, };

export type ShareCode = { url: string, size: number, path: string, };

export type SignReceipt = { 
/**
 * Signatures for this petition collected on this kiosk, this one included.
 */
count: number, };

export type SignerInput = { given_name?: string, family_name?: string, email?: string, postal_code?: string, street_address?: string, city?: string, 
/**
 * ISO 3166-1 alpha-2; the petition's `target_country` when left empty.
 */
country?: string, phone?: string, comment?: string, 
/**
 * Opt-in to updates. Ignored (always true) when the petition's `opt_in` means signers
 * cannot opt out; the form then shows the disclosure instead of a checkbox.
 */
subscribe?: boolean, 
/**
 * The privacy notice's box ("I have read how my data is used"), when the form shows one.
 */
consent?: boolean, 
/**
 * BCP 47 tag of the language the signer used.
 */
locale?: string, 
/**
 * Signature-pad drawing as SVG path data, when the petition asks for one.
 */
signature?: string, };

export type SyncView = { 
/**
 * Enrolled with a collector (and the loop runs).
 */
configured: boolean, 
/**
 * The collector's address.
 */
collector: string | null, 
/**
 * Sealed here and not yet acknowledged by the collector.
 */
pending: number, 
/**
 * Acknowledged since the kiosk started.
 */
sent: number, 
/**
 * A batch is on its way.
 */
sending: boolean, 
/**
 * When the collector last acknowledged a batch (UTC, RFC 3339).
 */
last_success: string | null, 
/**
 * Why the last attempt failed, until one succeeds.
 */
last_error: string | null, 
/**
 * How far the collector's clock is ahead of this kiosk's (seconds; negative: behind), as
 * its signed answers said; `null` before any did.
 */
clock_offset_seconds: number | null, };

export type Unlocked = { 
/**
 * The PIN is shorter than six digits: the keypad asks for a new one before the panel.
 */
change_pin: boolean, };

export type WipeDone = { records: number, 
/**
 * Unsent ones among them (in the saved copy, or lost as confirmed).
 */
unsent: number, };

// ---- Commands ----

/**
 * One petition, in `lang` when the pack has that translation.
 */
export const getPetition = (id: string, lang: string | null) =>
  call<PetitionView>("get_petition", { id, lang });

/**
 * The pack's folder and the files that failed to load, for the operator.
 */
export const packInfo = () =>
  call<PackInfo>("pack_info");

/**
 * Whether the kiosk is set up, what the attract screen shows, and its timers.
 */
export const kioskStatus = () =>
  call<KioskStatus>("kiosk_status");

/**
 * Everything the attract screen shows, in one round trip (it is the first screen, so it
 * is what start-up waits for): the kiosk's status, and the active petition at `index`
 * (wrapping) in `lang` with its count here.
 */
export const attractView = (index: number, lang: string | null) =>
  call<AttractView>("attract_view", { index, lang });

/**
 * Seals and stores one signature. Returns only once it is durable: the UI shows "thank
 * you" after this and never before.
 */
export const signPetition = (petitionId: string, signer: SignerInput) =>
  call<SignReceipt>("sign_petition", { petitionId, signer });

/**
 * Clipboard mode: one signature typed in from a paper sheet by an operator (needs the
 * PIN: `operator_only` otherwise). Its source is `paper`; durable when this returns.
 */
export const operatorSignPaper = (petitionId: string, signer: SignerInput) =>
  call<SignReceipt>("operator_sign_paper", { petitionId, signer });

/**
 * Idle-time work for the next signature (its sealing key, WAL upkeep). The form calls it
 * when it opens, while the signer reads and types, so "Sign" pays only for sealing and the
 * commit.
 */
export const prepareSigning = () =>
  call<null>("prepare_signing");

/**
 * Mounted removable media, where a new organiser key can be saved.
 */
export const keyDestinations = () =>
  call<Array<string>>("key_destinations");

/**
 * First run, for an organiser without a key: writes a new one, encrypted with
 * `passphrase`, to `folder` (off the kiosk) with a recovery sheet, and returns only its
 * public half.
 */
export const createOrganiserKey = (folder: string, passphrase: string) =>
  call<CreatedKey>("create_organiser_key", { folder, passphrase });

/**
 * First run: the organiser's public key (`age1…`, never the private key) and the
 * operator PIN. From then on the kiosk lock is on.
 */
export const setupKiosk = (recipient: string, pin: string) =>
  call<null>("setup_kiosk", { recipient, pin });

/**
 * Opens the operator panel if the PIN is right (`wrong_pin`, `pin_locked_out` otherwise).
 * A PIN shorter than six digits opens a session that only allows `operator_set_pin`.
 */
export const operatorUnlock = (pin: string) =>
  call<Unlocked>("operator_unlock", { pin });

/**
 * Sets a new operator PIN, 6 to 12 digits (`weak_pin` otherwise); needs the PIN first.
 */
export const operatorSetPin = (pin: string) =>
  call<null>("operator_set_pin", { pin });

/**
 * Closes the operator session (and stops a send run, which holds opened records).
 */
export const operatorLock = () =>
  call<null>("operator_lock");

/**
 * The operator panel's settings, counts and chart (`operator_only` without the PIN).
 */
export const operatorView = () =>
  call<OperatorView>("operator_view");

/**
 * Saves the operator panel's settings: loads the chosen pack (the active petitions are
 * checked against it), swaps it in, and applies the kiosk lock to the window.
 */
export const operatorConfigure = (config: OperatorConfig) =>
  call<KioskStatus>("operator_configure", { config });

/**
 * Saves every sealed signature, still sealed, to a new file in `folder` (a USB stick), for
 * the collector to import or to keep before the kiosk is wiped.
 */
export const operatorSaveSealed = (folder: string) =>
  call<SavedCopy>("operator_save_sealed", { folder });

/**
 * "Wipe this kiosk" at the end of an event: every sealed signature goes, then the app
 * quits (the webview's data goes once its window is gone). Refused (`unsent_records`)
 * while signatures wait unsent, unless the sealed copy saved since the app started holds
 * them all, or `lost` is how many there are (the operator accepts losing them).
 */
export const operatorWipe = (lost: number | null) =>
  call<WipeDone>("operator_wipe", { lost });

/**
 * Quits the app; only an operator may.
 */
export const operatorExit = () =>
  call<null>("operator_exit");

/**
 * Pairs this kiosk with the organisation's collector (its address and the short pairing
 * code from `placard-collector enroll`, which never travels: SPAKE2), pins its key,
 * remembers it, and starts syncing to it. The only network request outside the sync loop,
 * and only when an operator asks.
 */
export const operatorEnroll = (collector: string, code: string) =>
  call<SyncView>("operator_enroll", { collector, code });

/**
 * "Sync now": the sync loop stops waiting and tries at once (`not_enrolled` without a
 * collector).
 */
export const operatorSyncNow = () =>
  call<null>("operator_sync_now");

/**
 * The petition packs the enrolled collector offers.
 */
export const operatorCollectorPacks = () =>
  call<Array<CollectorPack>>("operator_collector_packs");

/**
 * Pulls a pack from the collector into `DATA_DIR/packs/NAME` (a bad download changes
 * nothing). When that pack is on show, the new version shows at once. Returns the packs
 * the operator can now choose.
 */
export const operatorPullPack = (name: string) =>
  call<Array<PackChoice>>("operator_pull_pack", { name });

/**
 * Organiser key files on removable media, to send from.
 */
export const operatorKeyFiles = () =>
  call<Array<string>>("operator_key_files");

/**
 * Unlocks `request.key_file` for this run only and sends every record not sent yet,
 * emitting each record's outcome as a `send-progress` event. The key and the opened
 * records are dropped when it ends, or when the operator cancels or locks the panel.
 */
export const operatorSendActionNetwork = (request: SendInput) =>
  call<SendReportView>("operator_send_action_network", { request });

/**
 * Stops a running send.
 */
export const operatorSendCancel = () =>
  call<null>("operator_send_cancel");

// ---- Events ----

/**
 * The sync loop's state, on every change (counts and times: nothing of a signer).
 */
export const onSyncState = (f: (payload: SyncView) => void): Promise<UnlistenFn> =>
  listenTo<SyncView>("sync-state", f);

/**
 * A send run's progress: after each record, its outcome.
 */
export const onSendProgress = (f: (payload: SendProgress) => void): Promise<UnlistenFn> =>
  listenTo<SendProgress>("send-progress", f);
