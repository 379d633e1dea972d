// UI text comes from Fluent files, one per locale (src/locales/*.ftl). The current locale is
// reactive state: anything that calls t() in a template re-renders when it changes. Fluent
// picks plural forms with the locale's rules and formats numbers in { $count } for it.
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable, type Scope } from "@fluent/bundle";
import enSource from "../locales/en.ftl?raw";

// English is built in (it is the fallback); the other nine load when first chosen, so start-up
// parses one locale, not ten.
const loaders = import.meta.glob("../locales/*.ftl", {
  query: "?raw",
  import: "default",
}) as Record<string, () => Promise<string>>;

/** The locales the kiosk offers, in the order of the language buttons. */
export const LOCALES = ["en", "es", "fr", "de", "nl", "fy-NL", "ca", "pl", "pt-BR", "sw"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the language buttons (before its messages load). */
export const ENDONYMS: Record<Locale, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
  nl: "Nederlands",
  "fy-NL": "Frysk",
  ca: "Català",
  pl: "Polski",
  "pt-BR": "Português (Brasil)",
  sw: "Kiswahili",
};
export const DEFAULT_LOCALE: Locale = "en";

const bundles = new Map<string, FluentBundle>();

function addBundle(locale: string, source: string): void {
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  if (errors.length > 0) throw new Error(`bad ${locale}.ftl: ${errors.join("; ")}`);
  bundles.set(locale, b);
}
addBundle(DEFAULT_LOCALE, enSource);

const state = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

export function locale(): Locale {
  return state.locale;
}

/** Switches language, loading its messages first (once) so no screen flashes English. */
export async function setLocale(l: Locale): Promise<void> {
  if (!bundles.has(l)) {
    const load = loaders[`../locales/${l}.ftl`];
    if (!load) throw new Error(`no ${l}.ftl`);
    addBundle(l, await load());
  }
  state.locale = l;
  document.documentElement.lang = l;
}

// Small counts are written without Intl. For a whole number from 0 to 999, Intl.NumberFormat
// gives its plain digits in every one of the ten locales (Latin digits, no grouping below a
// thousand; the e2e tests check it in the webview) — but creating the first formatter makes
// WebKit load ICU's number data, 9–12 ms that the start screen waited for (BENCHMARKS.md).
function small(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1000;
}

/** A number argument of a message: as Fluent's, but a small count skips the formatter. Plural
 *  forms are chosen from its value as before. */
class Count extends FluentNumber {
  override toString(scope?: Scope): string {
    return small(this.value) ? String(this.value) : super.toString(scope);
  }
}

/** The message `id` in the current locale (English when a locale lacks it; tests forbid that). */
export function t(id: string, args?: Record<string, FluentVariable>, l: string = state.locale): string {
  const b = bundles.get(l) ?? bundles.get(DEFAULT_LOCALE)!;
  const en = bundles.get(DEFAULT_LOCALE)!;
  const [bundle, msg] = b.hasMessage(id) ? [b, b.getMessage(id)] : [en, en.getMessage(id)];
  if (!msg?.value) return id;
  if (args) {
    args = Object.fromEntries(
      Object.entries(args).map(([k, v]) => [k, typeof v === "number" ? new Count(v) : v]),
    );
  }
  return bundle.formatPattern(msg.value, args);
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number formatted for the current locale (1,234 / 1.234 / 1 234). */
export function num(n: number): string {
  if (small(n)) return String(n);
  let f = formats.get(state.locale);
  if (!f) {
    f = new Intl.NumberFormat(state.locale);
    formats.set(state.locale, f);
  }
  return f.format(n);
}

/** Country names in the current locale, sorted as that locale sorts. */
export function countryOptions(codes: readonly string[]): { code: string; name: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([state.locale, DEFAULT_LOCALE], { type: "region" });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(state.locale);
  return codes
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
