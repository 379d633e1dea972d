// UI text comes from Fluent files, one per locale (src/locales/*.ftl). The current locale is
// reactive state: anything that calls t() in a template re-renders when it changes. Fluent
// picks plural forms with the locale's rules and formats numbers in { $count } for it.
import type { FluentVariable } from "@fluent/bundle";
import enSource from "../locales/en.ftl?raw";
import { byLocale, Catalog, DEFAULT_LOCALE, formatNumber, type Locale } from "./fluent";

export { DEFAULT_LOCALE, ENDONYMS, LOCALES, type Locale } from "./fluent";

// English is built in (it is the fallback); the other nine load when first chosen, so start-up
// parses one locale, not ten.
const catalog = new Catalog(
  enSource,
  byLocale(import.meta.glob("../locales/*.ftl", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>),
);

const state = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

export function locale(): Locale {
  return state.locale;
}

/** Switches language, loading its messages first (once) so no screen flashes English. */
export async function setLocale(l: Locale): Promise<void> {
  await catalog.load(l);
  state.locale = l;
  document.documentElement.lang = l;
}

/** The message `id` in the current locale (English when a locale lacks it; tests forbid that). */
export function t(id: string, args?: Record<string, FluentVariable>, l: string = state.locale): string {
  return catalog.format(id, args, l);
}

/** A number formatted for the current locale (1,234 / 1.234 / 1 234). */
export function num(n: number): string {
  return formatNumber(n, state.locale);
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
