// How the generated wrappers in bindings.ts reach the app: `invoke` and `listen`, with errors
// rethrown as IpcFailure so callers can branch on the stable code.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ErrorCode, FieldIssue, IpcError } from "./bindings";

export type { UnlistenFn };

export class IpcFailure extends Error {
  constructor(
    readonly code: ErrorCode | "unknown",
    message: string,
    readonly fields: FieldIssue[] = [],
    /** For `pin_locked_out`: seconds until the keypad takes a PIN again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isIpcError(e)) throw new IpcFailure(e.code, e.message, e.fields ?? [], e.retry_after_seconds ?? null);
    throw new IpcFailure("unknown", String(e));
  }
}

export const listenTo = <T>(event: string, f: (payload: T) => void): Promise<UnlistenFn> =>
  listen<T>(event, (e) => f(e.payload));
