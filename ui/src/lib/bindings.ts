// Generated from src-tauri/src/{models,error}.rs by the `bindings_are_fresh` test.
// Do not edit: run `PLACARD_UPDATE_BINDINGS=1 cargo test bindings` instead.

export type ErrorCode = "pack_unavailable" | "petition_not_found";

export type IpcError = { code: ErrorCode, message: string, };

export type PetitionSummary = { id: string, title: string, 
/**
 * Languages with a translation file (the original's language is not named in the files).
 */
languages: Array<string>, published: boolean, warnings: number, };

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
body_html: string, disclosure_html: string | null, opt_in: boolean, target_country: string | null, tags: Array<string>, goal: number | null, };

export type PackInfo = { path: string, loaded: number, failures: Array<PackFailure>, };

export type PackFailure = { path: string, line: number, column: number, reason: string, };
