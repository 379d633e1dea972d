// The console's calls to its collector: same origin, the session cookie sent by the browser,
// and the session's CSRF token on every change. Refusals arrive as `{code, message}`; the
// pages show the code's message in the organiser's language (`error-CODE`).

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

let csrf = "";

/** Remembers the session's token (from `/api/session`). */
export function useSession(token: string): void {
  csrf = token;
}

async function answer<T>(r: Response): Promise<T> {
  if (r.ok) {
    // 202 and 204 carry no body.
    const text = await r.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let code = "unknown";
  let message = r.statusText;
  try {
    const body = (await r.json()) as { code?: string; message?: string };
    code = body.code ?? code;
    message = body.message ?? message;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  if (r.status === 401) window.dispatchEvent(new CustomEvent("placard:signed-out", { detail: code }));
  throw new ApiError(code, message, r.status);
}

export async function get<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { credentials: "same-origin", cache: "no-store" }));
}

export async function post<T>(path: string, body?: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? "{}" : JSON.stringify(body),
    }),
  );
}

/** A change whose body is a file (a pack's zip). */
export async function upload<T>(path: string, body: Blob | Uint8Array): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/zip", "X-CSRF-Token": csrf },
      body: body as BodyInit,
    }),
  );
}

/** A change whose answer is a file: saved by the browser under the server's name. */
export async function download(path: string, body: unknown): Promise<string> {
  const r = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify(body),
  });
  if (!r.ok) await answer(r);
  const blob = await r.blob();
  const name = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") ?? "")?.[1] ?? "signatures";
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

// What the collector answers (crates/collector/src/console.rs).
export interface Session {
  csrf: string;
  idle_seconds: number;
}
export interface Overview {
  records: number;
  held: number;
  batches: number;
  by_device: [string, number][];
  by_petition: [string, number][];
  per_hour: { hour: string; count: number }[];
  names: Record<string, string>;
  relay: { to: string; waiting: number } | null;
}
export interface Kiosk {
  id: string;
  name: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen: string | null;
  reported_at: string | null;
  app_version: string | null;
  pending: number | null;
  clock_offset: number | null;
}
export interface KeyState {
  unlocked: boolean;
  locks_in_seconds: number | null;
  has_key_file: boolean;
}
export interface Outcome {
  at: string;
  petition: string;
  outcome: "sent" | "failed" | "skipped" | "deferred";
  reason: string;
}
export interface SendRun {
  destination: string;
  running: boolean;
  stopped: boolean;
  done: number;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
  outcomes: Outcome[];
  error: { code: string; message: string } | null;
}
export interface SendState {
  destinations: string[];
  run: SendRun | null;
}
export interface Retention {
  retain_days: number | null;
  destinations: string[];
  held: number;
  waiting: number;
  schedule: { day: string; count: number }[];
}
export interface AuditEntry {
  at: string;
  action: string;
  result: string;
  detail: string;
}
export interface PackView {
  name: string;
  petitions: { id: string; title: string; published: boolean; languages: string[]; warnings: string[] }[];
  failures: { path: string; line: number; reason: string }[];
  skipped: number;
}
export interface Packs {
  folder: boolean | null;
  packs: PackView[];
}
export interface Preview {
  id: string;
  lang: string | null;
  title: string;
  petition_title: string | null;
  petition_copy: string | null;
  action_text: string | null;
  body_html: string;
  disclosure_html: string | null;
  privacy_markdown: string | null;
  hero_image: string | null;
  warnings: string[];
}
