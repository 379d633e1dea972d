// "Did you mean ana@gmail.com?": a misspelt provider (`@gmial.com`) is caught while the signer
// is still at the kiosk, since an address typed wrong at a rally is lost for good once they
// walk away. Computed here, from the typed address only (no request leaves the kiosk), by
// @zootools/email-spell-checker (a maintained successor of Kicksend's mailcheck), with the
// providers people use in the kiosk's ten languages added to its list.
import { POPULAR_DOMAINS, POPULAR_TLDS, run } from "@zootools/email-spell-checker";

/** Providers common where the kiosk's languages are spoken, besides the library's own. */
const REGIONAL_DOMAINS = [
  // International
  "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com",
  "protonmail.com", "proton.me", "aol.com",
  // German
  "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de",
  "posteo.de", "mailbox.org", "yahoo.de", "hotmail.de", "outlook.de", "bluewin.ch",
  // French
  "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "neuf.fr", "hotmail.fr",
  "yahoo.fr", "outlook.fr",
  // Polish
  "wp.pl", "o2.pl", "onet.pl", "interia.pl", "gazeta.pl", "op.pl", "poczta.fm",
  // Portuguese (Brazil)
  "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br", "globo.com", "hotmail.com.br",
  "yahoo.com.br", "outlook.com.br",
  // Dutch and Frisian
  "ziggo.nl", "kpnmail.nl", "planet.nl", "hetnet.nl", "home.nl", "xs4all.nl", "telenet.be",
  "skynet.be", "live.nl", "hotmail.nl",
  // Spanish and Catalan
  "telefonica.net", "movistar.es", "yahoo.es", "hotmail.es", "outlook.es",
  // Swahili (Kenya, Tanzania)
  "yahoo.co.ke", "safaricom.co.ke",
];

const REGIONAL_TLDS = [
  "de", "at", "ch", "fr", "be", "pl", "nl", "es", "cat", "pt", "br", "com.br", "ke", "co.ke",
  "tz", "co.tz", "co.uk", "eu", "org", "net",
];

const SECOND_LEVEL = [
  "gmail", "hotmail", "outlook", "yahoo", "live", "icloud", "gmx", "web", "orange", "free",
  "laposte", "wp", "onet", "interia", "uol", "bol", "terra", "ziggo", "kpnmail", "telenet",
  "posteo", "protonmail",
];

const domains = [...new Set([...POPULAR_DOMAINS, ...REGIONAL_DOMAINS])];
const topLevelDomains = [...new Set([...POPULAR_TLDS, ...REGIONAL_TLDS])];

/** The address the signer probably meant, or `null` (nothing to suggest yet, or nothing wrong). */
export function suggestEmail(typed: string): string | null {
  const email = typed.trim();
  const at = email.lastIndexOf("@");
  // Only once a whole domain is typed (`name@host.tld`): not while they are still typing it.
  if (at < 1 || !/\.[^.]{2,}$/.test(email.slice(at + 1))) return null;
  const suggestion = run({ email, domains, topLevelDomains, secondLevelDomains: SECOND_LEVEL });
  if (!suggestion || suggestion.full.toLowerCase() === email.toLowerCase()) return null;
  return suggestion.full;
}
