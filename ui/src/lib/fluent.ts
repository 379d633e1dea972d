// What the kiosk's and the console's text have in common: the ten locales, each one's name in
// itself, and a catalogue of Fluent bundles (English built in as the fallback, the others
// loaded when first chosen). Each app keeps its own messages and its own reactive locale.
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable, type Scope } from "@fluent/bundle";

/** The locales offered, in the order of the language buttons. */
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

// Small counts are written without Intl. For a whole number from 0 to 999, Intl.NumberFormat
// gives its plain digits in every one of the ten locales (Latin digits, no grouping below a
// thousand; the e2e tests check it in the webview) — but creating the first formatter makes
// WebKit load ICU's number data, 9–12 ms that the start screen waited for (BENCHMARKS.md).
export function small(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1000;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number formatted for `locale` (1,234 / 1.234 / 1 234); small counts without Intl. */
export function formatNumber(n: number, locale: string): string {
  if (small(n)) return String(n);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/** A number argument of a message: as Fluent's, but a small count skips the formatter. Plural
 *  forms are chosen from its value as before. */
class Count extends FluentNumber {
  override toString(scope?: Scope): string {
    return small(this.value) ? String(this.value) : super.toString(scope);
  }
}

/** One app's messages in every locale: English at once, the others on first use. */
export class Catalog {
  private readonly bundles = new Map<string, FluentBundle>();

  /** `loaders` maps each locale to a function that fetches its source (from the app's own
   *  chunks, never the network). */
  constructor(
    english: string,
    private readonly loaders: Partial<Record<Locale, () => Promise<string>>>,
  ) {
    this.add(DEFAULT_LOCALE, english);
  }

  private add(locale: string, source: string): void {
    const b = new FluentBundle(locale, { useIsolating: false });
    const errors = b.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`bad ${locale}.ftl: ${errors.join("; ")}`);
    this.bundles.set(locale, b);
  }

  /** Loads a locale's messages (once). */
  async load(l: Locale): Promise<void> {
    if (this.bundles.has(l)) return;
    const load = this.loaders[l];
    if (!load) throw new Error(`no ${l}.ftl`);
    this.add(l, await load());
  }

  /** The message `id` in locale `l` (English when `l` lacks it; tests forbid that). */
  format(id: string, args: Record<string, FluentVariable> | undefined, l: string): string {
    const en = this.bundles.get(DEFAULT_LOCALE)!;
    const b = this.bundles.get(l) ?? en;
    const [bundle, msg] = b.hasMessage(id) ? [b, b.getMessage(id)] : [en, en.getMessage(id)];
    if (!msg?.value) return id;
    if (args) {
      args = Object.fromEntries(
        Object.entries(args).map(([k, v]) => [k, typeof v === "number" ? new Count(v) : v]),
      );
    }
    return bundle.formatPattern(msg.value, args);
  }
}

/** `import.meta.glob`'s answer for `…/locales/*.ftl`, keyed by locale. */
export function byLocale(glob: Record<string, () => Promise<string>>): Partial<Record<Locale, () => Promise<string>>> {
  const out: Partial<Record<Locale, () => Promise<string>>> = {};
  for (const [path, load] of Object.entries(glob)) {
    const l = path.replace(/^.*\//, "").replace(/\.ftl$/, "");
    if ((LOCALES as readonly string[]).includes(l)) out[l as Locale] = load;
  }
  return out;
}
