// Generated from src-tauri/src/{models,error}.rs by the `bindings_are_fresh` test.
// Do not edit: run `PLACARD_UPDATE_BINDINGS=1 cargo test bindings` instead.

export type ErrorCode = "pack_unavailable" | "petition_not_found" | "not_set_up" | "already_set_up" | "weak_pin" | "bad_recipient" | "invalid_input" | "storage_full" | "storage_error" | "wrong_pin" | "pin_locked_out" | "operator_only" | "bad_setting" | "weak_passphrase" | "key_on_kiosk" | "key_exists" | "bad_collector_url" | "collector_unreachable" | "enrol_refused" | "sync_error" | "not_enrolled" | "bad_pack" | "wrong_passphrase" | "bad_identity" | "bad_token" | "action_network_unreachable" | "send_failed";

export type IpcError = { code: ErrorCode, message: string, 
/**
 * Per-field problems of an `invalid_input`; empty otherwise.
 */
fields: Array<FieldIssue>, };

export type FieldIssue = { field: string, code: string, };

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
locked: boolean, };

export type AttractView = { status: KioskStatus, 
/**
 * `None` when no petition is active (nothing published, or the pack failed to load).
 */
shown: AttractPetition | null, };

export type CreatedKey = { recipient: string, key_file: string, recovery_file: string, };

export type AttractPetition = { id: string, 
/**
 * The translation shown, or `null` for the original.
 */
lang: string | null, title: string, petition_copy: string | null, goal: number | null, 
/**
 * Signatures collected here.
 */
count: number, 
/**
 * Its place in the rotation (0-based) and how many take turns.
 */
position: number, of: number, };

export type OperatorConfig = { 
/**
 * The pack on show (an id from `OperatorView.packs`).
 */
pack: string | null, 
/**
 * Empty: every published petition.
 */
active: Array<string>, rotate_seconds: number, event_name: string, event_tags: Array<string>, locked: boolean, thanks_seconds: number, idle_seconds: number, countdown_seconds: number, };

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
packs: Array<PackChoice>, };

export type PetitionTally = { id: string, title: string, published: boolean, count: number, };

export type HourBar = { 
/**
 * The hour's start, UTC, RFC 3339.
 */
start: string, count: number, };

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
last_error: string | null, };

export type PackChoice = { 
/**
 * `demo`, `configured` or `local:NAME`.
 */
id: string, path: string, };

export type CollectorPack = { name: string, 
/**
 * Download size, bytes.
 */
bytes: number, };

export type SendInput = { 
/**
 * The organiser's key file (on the USB stick it was saved to).
 */
key_file: string, passphrase: string, 
/**
 * The Action Network API key.
 */
token: string, };

export type SendReportView = { sent: number, failed: number, 
/**
 * Sent by an earlier run.
 */
skipped: number, 
/**
 * Not sent, to try again later (Action Network unreachable, petition not found).
 */
deferred: number, cancelled: boolean, 
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

export type SendFailure = { record_id: string, reason: string, };

export type SendProgress = { done: number, total: number, record: SendOutcome, };

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

export type ShareCode = { url: string, size: number, path: string, };

export type SignReceipt = { 
/**
 * Signatures for this petition collected on this kiosk, this one included.
 */
count: number, };

export type PetitionView = { id: string, 
/**
 * The translation shown, or `null` for the original.
 */
lang: string | null, languages: Array<string>, title: string, petition_title: string | null, petition_copy: string | null, 
/**
 * Button label from the file; the UI falls back to its own translated "Sign the petition".
 */
action_text: string | null, 
/**
 * Sanitised HTML; images point at the `pack:` scheme.
 */
body_html: string, disclosure_html: string | null, opt_in: boolean, target_country: string | null, tags: Array<string>, goal: number | null, 
/**
 * What the signing form asks, from the same rules the vault enforces.
 */
form: FormSpec, 
/**
 * The petition's page online (see `Petition::public_url`) and its QR code, for the
 * thank-you screen.
 */
share: ShareCode | null, };

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
signature_pad: boolean, };

export type FieldNeed = "not_asked" | "optional" | "required";

export type PackInfo = { 
/**
 * Where it came from: `demo`, `configured` (`PLACARD_PACK`) or `local:NAME`.
 */
source: string, path: string, loaded: number, failures: Array<PackFailure>, };

export type PackFailure = { path: string, line: number, column: number, reason: string, };
