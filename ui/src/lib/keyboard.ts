// The on-screen keyboard's layouts and the edits its keys make. Layouts are data: one letter
// layout per UI language (the letters that language's names need on its own rows, the rest on
// an accent row above), an email layout and a numeric one. Rows are short (at most 11 keys)
// so keys stay at least 44 px wide on a 600 px wide portrait screen.
//
// The keyboard keeps no text of its own: a key edits the focused field directly (as a
// physical key would) and the form's own state follows the field's `input` event. So nothing
// typed lives anywhere but the field, and a reset that clears the form clears it all.

export type Kind = "text" | "email" | "url" | "numeric";

export type Key =
  | { type: "char"; value: string; wide?: boolean }
  | { type: "shift" }
  | { type: "backspace" }
  | { type: "space" }
  | { type: "mode"; to: Kind }
  | { type: "next" }
  | { type: "done" };

type Letters = {
  /** The three letter rows, lower case, one string per row (each character a key). */
  rows: [string, string, string];
  /** Letters this language (and its signers' names) need that the rows do not have. */
  accents: string;
  /** Email domains to offer besides `.com` and `.org`. */
  domains: string[];
  /** Whether names start with a capital letter here (the first key of a name is shifted). */
  capitalNames: boolean;
};

const QWERTY: [string, string, string] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

// Each language's own keyboard, as its signers know it: German QWERTZ with ü ö ä ß, French
// AZERTY, Spanish with ñ, Catalan and Brazilian Portuguese with ç. Every language here writes
// names with a capital letter.
const LETTERS: Record<string, Letters> = {
  en: { rows: QWERTY, accents: "éèáñçöü", domains: [".net", ".co.uk"], capitalNames: true },
  de: {
    rows: ["qwertzuiopü", "asdfghjklöä", "yxcvbnmß"],
    accents: "éèàçñłó",
    domains: [".de", ".at"],
    capitalNames: true,
  },
  fr: {
    rows: ["azertyuiop", "qsdfghjklm", "wxcvbn"],
    accents: "éèêàçùâîôëï",
    domains: [".fr", ".be"],
    capitalNames: true,
  },
  es: { rows: ["qwertyuiop", "asdfghjklñ", "zxcvbnm"], accents: "áéíóúüç", domains: [".es"], capitalNames: true },
  ca: { rows: ["qwertyuiop", "asdfghjklç", "zxcvbnm"], accents: "àèéíïòóúü·ñ", domains: [".cat", ".es"], capitalNames: true },
  pl: { rows: QWERTY, accents: "ąćęłńóśźż", domains: [".pl", ".com.pl"], capitalNames: true },
  "pt-BR": { rows: ["qwertyuiop", "asdfghjklç", "zxcvbnm"], accents: "áâãàéêíóôõú", domains: [".com.br", ".br"], capitalNames: true },
  nl: { rows: QWERTY, accents: "éëèïöüáóç", domains: [".nl", ".be"], capitalNames: true },
  "fy-NL": { rows: QWERTY, accents: "âêôûúéëï", domains: [".nl", ".frl"], capitalNames: true },
  sw: { rows: QWERTY, accents: "éèñçü", domains: [".co.ke", ".co.tz"], capitalNames: true },
};

export function lettersFor(locale: string): Letters {
  return LETTERS[locale] ?? LETTERS.en;
}

const chars = (row: string): Key[] => [...row].map((value) => ({ type: "char", value }));

/** The rows of keys for a field of `kind`, in `locale`. */
export function layout(kind: Kind, locale: string): Key[][] {
  const l = lettersFor(locale);
  if (kind === "numeric") {
    return [
      chars("123"),
      chars("456"),
      chars("789"),
      [{ type: "mode", to: "text" }, ...chars("-0"), { type: "space" }, { type: "backspace" }],
      [{ type: "next" }, { type: "done" }],
    ];
  }
  if (kind === "email" || kind === "url") {
    // Addresses are ASCII: the language's own rows without its accented letters. An email
    // address gets @ and the usual endings; a web address (the collector's, in the operator
    // panel) the scheme and slashes.
    const ascii = (row: string) => chars(row.replace(/[^a-z]/g, ""));
    const wide = (values: string[]) => values.map((value): Key => ({ type: "char", value, wide: true }));
    return [
      chars("1234567890"),
      ascii(l.rows[0]),
      ascii(l.rows[1]),
      [...ascii(l.rows[2]), ...chars("._"), { type: "backspace" }],
      [
        ...(kind === "email" ? [...chars("@-"), ...wide([".com", ".org", ...l.domains])] : [...chars(":/-"), ...wide(["https://", ".org"])]),
        { type: "next" },
        { type: "done" },
      ],
    ];
  }
  return [
    chars(l.accents),
    chars(l.rows[0]),
    chars(l.rows[1]),
    [{ type: "shift" }, ...chars(l.rows[2]), { type: "backspace" }],
    [{ type: "mode", to: "numeric" }, ...chars("-'"), { type: "space" }, { type: "next" }, { type: "done" }],
  ];
}

/** Whether the keyboard opens on every field: the operator's "touchscreen kiosk" setting, or,
 *  left unset, whether the screen is a touchscreen (a coarse pointer). */
export function onEveryField(touchscreen: boolean | null): boolean {
  return touchscreen ?? window.matchMedia("(pointer: coarse)").matches;
}

/** The layout a field asks for: `data-keyboard`, else its `inputmode`, else letters. */
export function kindOf(field: HTMLElement): Kind {
  const asked = field.dataset.keyboard ?? field.getAttribute("inputmode") ?? "";
  const type = (field as HTMLInputElement).type;
  if (asked === "email" || type === "email") return "email";
  if (asked === "url" || type === "url") return "url";
  if (asked === "numeric" || asked === "decimal" || asked === "tel") return "numeric";
  return "text";
}

/** A field the keyboard types into (not a checkbox, a select or a button). */
export function isTextField(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (!(el instanceof HTMLInputElement) || el.readOnly || el.disabled) return false;
  return ["text", "email", "search", "tel", "url", "password", "number"].includes(el.type);
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** The caret, or the end when the field has none (types like `email` and `number`). */
function selection(field: Field): [number, number] {
  try {
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start !== null && end !== null) return [start, end];
  } catch {
    // `selectionStart` throws on some input types; the end is where the signer types.
  }
  return [field.value.length, field.value.length];
}

/** Tells the form the field changed, as typing does (Svelte's `bind:value` listens for it). */
function changed(field: Field) {
  field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
}

/** Types `text` at the caret, replacing a selection. */
export function insert(field: Field, text: string) {
  const [start, end] = selection(field);
  const max = field.maxLength > 0 ? field.maxLength : Infinity;
  if (field.value.length - (end - start) + text.length > max) return;
  try {
    field.setRangeText(text, start, end, "end");
  } catch {
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
  }
  changed(field);
}

/** Deletes the selection, or the character (not the UTF-16 unit) before the caret. */
export function backspace(field: Field) {
  let [start, end] = selection(field);
  if (start === end) {
    if (start === 0) return;
    const before = [...field.value.slice(0, start)];
    start -= before[before.length - 1].length;
  }
  try {
    field.setRangeText("", start, end, "end");
  } catch {
    field.value = field.value.slice(0, start) + field.value.slice(end);
  }
  changed(field);
}

/** Whether the next letter should be a capital without the signer asking: the first letter of a
 *  name (a field marked `autocapitalize`), in a language that writes names so. Only the first:
 *  "van der Berg", "da Silva" keep their small particles. */
export function autoShift(field: Field, locale: string): boolean {
  const cap = field.getAttribute("autocapitalize");
  return (cap === "words" || cap === "sentences") && field.value.length === 0 && lettersFor(locale).capitalNames;
}

/** The form's next control after `field` (fields, boxes and buttons, in order), if any. */
export function nextControl(field: Field): HTMLElement | null {
  const scope = field.form ?? document.body;
  const controls = [...scope.querySelectorAll<HTMLElement>("input, select, textarea, button[type=submit]")].filter(
    (el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null && el.tabIndex >= 0,
  );
  const at = controls.indexOf(field);
  return at >= 0 ? (controls[at + 1] ?? null) : null;
}
