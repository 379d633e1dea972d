// UI text comes from Fluent files, one per locale (src/locales/*.ftl). The current locale is
// reactive state: anything that calls t() in a template re-renders when it changes. Fluent
// picks plural forms with the locale's rules and formats numbers in { $count } for it.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

const sources = import.meta.glob("../locales/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The locales the kiosk offers, in the order of the language buttons. */
export const LOCALES = ["en", "es", "fr", "de", "nl", "fy-NL", "ca", "pl", "pt-BR", "sw"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const bundles = new Map<string, FluentBundle>();
for (const [path, source] of Object.entries(sources)) {
  const locale = path.replace(/^.*\/(.+)\.ftl$/, "$1");
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  if (errors.length > 0) throw new Error(`bad ${locale}.ftl: ${errors.join("; ")}`);
  bundles.set(locale, b);
}

const state = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

export function locale(): Locale {
  return state.locale;
}

export function setLocale(l: Locale): void {
  state.locale = l;
  document.documentElement.lang = l;
}

/** The message `id` in the current locale (English when a locale lacks it; tests forbid that). */
export function t(id: string, args?: Record<string, FluentVariable>, l: string = state.locale): string {
  const b = bundles.get(l) ?? bundles.get(DEFAULT_LOCALE)!;
  const en = bundles.get(DEFAULT_LOCALE)!;
  const [bundle, msg] = b.hasMessage(id) ? [b, b.getMessage(id)] : [en, en.getMessage(id)];
  if (!msg?.value) return id;
  return bundle.formatPattern(msg.value, args);
}

/** A number formatted for the current locale (1,234 / 1.234 / 1 234). */
export function num(n: number): string {
  return new Intl.NumberFormat(state.locale).format(n);
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
