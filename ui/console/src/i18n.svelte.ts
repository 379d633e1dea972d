// The console's text, in the kiosk's ten locales (console/locales/*.ftl): English built in,
// the others fetched from the console's own files when chosen. The choice is remembered in
// this browser (it names a language, nothing else).
import type { FluentVariable } from "@fluent/bundle";
import enSource from "../locales/en.ftl?raw";
import { byLocale, Catalog, DEFAULT_LOCALE, formatNumber, LOCALES, type Locale } from "../../src/lib/fluent";

export { ENDONYMS, LOCALES, type Locale } from "../../src/lib/fluent";

const catalog = new Catalog(
  enSource,
  byLocale(import.meta.glob("../locales/*.ftl", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>),
);

const state = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });
const KEY = "placard-console-locale";

export function locale(): Locale {
  return state.locale;
}

export async function setLocale(l: Locale): Promise<void> {
  await catalog.load(l);
  state.locale = l;
  document.documentElement.lang = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // A browser that keeps nothing: the choice lasts this page.
  }
}

/** The language this browser chose before, else the first of its own the console has. */
export function preferred(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  const wanted = [saved, ...navigator.languages].filter((x): x is string => !!x);
  for (const w of wanted) {
    const exact = LOCALES.find((l) => l.toLowerCase() === w.toLowerCase());
    if (exact) return exact;
    const base = LOCALES.find((l) => l.split("-")[0] === w.split("-")[0].toLowerCase());
    if (base) return base;
  }
  return DEFAULT_LOCALE;
}

export function t(id: string, args?: Record<string, FluentVariable>): string {
  return catalog.format(id, args, state.locale);
}

export function num(n: number): string {
  return formatNumber(n, state.locale);
}

/** A time from the server (RFC 3339, UTC) in this browser's zone and the console's language. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(state.locale, { dateStyle: "medium", timeStyle: "short" });
}

/** A day (`2026-12-30`) in the console's language. */
export function day(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(state.locale, { dateStyle: "long" });
}
