// UI text comes from Fluent files, one per locale. Only `en` ships in the foundation; the
// signing-experience work adds the other nine and a test that none lacks a message.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import en from "../locales/en.ftl?raw";

const bundles: Record<string, FluentBundle> = {};

function bundle(locale: string, source: string): FluentBundle {
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  if (errors.length > 0) throw new Error(`bad ${locale}.ftl: ${errors.join("; ")}`);
  return b;
}

bundles.en = bundle("en", en);

export function t(id: string, args?: Record<string, FluentVariable>, locale = "en"): string {
  const b = bundles[locale] ?? bundles.en;
  const msg = b.getMessage(id) ?? bundles.en.getMessage(id);
  if (!msg?.value) return id;
  return b.formatPattern(msg.value, args);
}
