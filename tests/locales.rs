//! The UI's Fluent files: every locale has every message `en` has, with the same variables,
//! and every message the code asks for exists. A missing translation fails here, not in front
//! of a signer.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser;

/// The ten locales Mozilla's petitions use.
const LOCALES: [&str; 10] = [
    "ca", "de", "en", "es", "fr", "fy-NL", "nl", "pl", "pt-BR", "sw",
];

fn ui() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src")
}

/// The organiser's console (served by the collector): its own messages, the same locales.
fn console() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/console")
}

/// Message id (and `.attribute`) → the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(locale: &str) -> Messages {
    messages_in(&ui(), locale)
}

fn messages_in(root: &Path, locale: &str) -> Messages {
    let path = root.join(format!("locales/{locale}.ftl"));
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| {
        panic!("{locale}.ftl does not parse: {errors:?}");
    });
    let mut out = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let id = m.id.name.to_owned();
            assert!(m.value.is_some(), "{locale}: `{id}` has no value");
            if let Some(v) = &m.value {
                out.insert(id.clone(), variables(v));
            }
            for a in &m.attributes {
                out.insert(format!("{id}.{}", a.id.name), variables(&a.value));
            }
        }
    }
    out
}

fn variables(p: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_pattern(p, &mut out);
    out
}

fn collect_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => collect_inline(i, out),
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_english_message_with_the_same_variables() {
    every_locale_has_every_english_message(&ui());
}

#[test]
fn every_console_locale_has_every_english_message_with_the_same_variables() {
    every_locale_has_every_english_message(&console());
}

fn every_locale_has_every_english_message(root: &Path) {
    let en = messages_in(root, "en");
    assert!(
        en.len() > 50,
        "en.ftl looks truncated: {} messages",
        en.len()
    );
    let mut problems = Vec::new();
    for locale in LOCALES {
        let have = messages_in(root, locale);
        for (id, vars) in &en {
            match have.get(id) {
                None => problems.push(format!("{locale}: missing `{id}`")),
                Some(v) if v != vars => {
                    problems.push(format!("{locale}: `{id}` uses {v:?}, en uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in have.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{locale}: `{id}` is not in en.ftl (stale?)"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_ui_and_the_console_ship_exactly_the_ten_locales() {
    for root in [ui(), console()] {
        let mut files: Vec<String> = std::fs::read_dir(root.join("locales"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut want: Vec<String> = LOCALES.iter().map(|l| format!("{l}.ftl")).collect();
        want.sort();
        assert_eq!(files, want, "{}", root.display());
    }
}

/// No locale's console says the same as English where English says something a person reads:
/// a file copied and never translated fails here. (Names of products and formats may match.)
#[test]
fn the_console_is_translated() {
    let en = std::fs::read_to_string(console().join("locales/en.ftl")).unwrap();
    // Sentences only (four words or more): names like "Action Network" stay as they are.
    let english: BTreeSet<&str> = en
        .lines()
        .filter(|l| {
            l.split(" = ")
                .nth(1)
                .is_some_and(|v| v.split(' ').count() >= 4)
        })
        .collect();
    for locale in LOCALES.iter().filter(|l| **l != "en") {
        let text =
            std::fs::read_to_string(console().join(format!("locales/{locale}.ftl"))).unwrap();
        let same: Vec<&str> = text.lines().filter(|l| english.contains(l)).collect();
        assert!(
            same.is_empty(),
            "{locale}.ftl keeps English lines: {same:?}"
        );
    }
}

/// Every `t("id")` in the console's code and every id it builds (`nav-…`, `error-…` for each
/// code the collector's console and keyring answer with, …) has an English message.
#[test]
fn every_message_the_console_asks_for_exists() {
    let en = messages_in(&console(), "en");
    let mut wanted: BTreeSet<String> = t_calls(&console().join("src"))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(wanted.len() > 30, "found only {} t() calls", wanted.len());
    let collector = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/collector/src");
    let refusals = std::fs::read_to_string(collector.join("console.rs")).unwrap();
    let codes = regex::Regex::new(r#"StatusCode::[A-Z_]+,\s*"([a-z_]+)""#).unwrap();
    let mut found = 0;
    for c in codes.captures_iter(&refusals) {
        wanted.insert(format!("error-{}", &c[1]));
        found += 1;
    }
    assert!(
        found >= 10,
        "found only {found} refusal codes in console.rs"
    );
    let keyring = std::fs::read_to_string(collector.join("keyring.rs")).unwrap();
    for c in regex::Regex::new(r#"=> "([a-z_]+)","#)
        .unwrap()
        .captures_iter(&keyring)
    {
        wanted.insert(format!("error-{}", &c[1]));
    }
    let packs = std::fs::read_to_string(collector.join("console/packs.rs")).unwrap();
    let before = wanted.len();
    for c in regex::Regex::new(r#"=> \(\s*"([a-z_]+)","#)
        .unwrap()
        .captures_iter(&packs)
    {
        wanted.insert(format!("error-{}", &c[1]));
    }
    assert!(
        wanted.len() >= before + 5,
        "the pack refusals' codes were not found in packs.rs"
    );
    for page in ["overview", "kiosks", "packs", "send", "signers", "audit"] {
        wanted.insert(format!("nav-{page}"));
    }
    for d in ["action_network", "webhook"] {
        for prefix in ["send-to", "send-progress", "destination"] {
            wanted.insert(format!("{prefix}-{d}"));
        }
    }
    for o in ["sent", "failed", "skipped", "deferred"] {
        wanted.insert(format!("outcome-{o}"));
    }
    for r in ["ok", "refused", "failed", "stopped"] {
        wanted.insert(format!("result-{r}"));
    }
    let missing: Vec<_> = wanted.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "no English message for: {missing:?}");
}

#[test]
fn the_swahili_required_note_is_the_agreed_text() {
    let source = std::fs::read_to_string(ui().join("locales/sw.ftl")).unwrap();
    assert!(
        source
            .lines()
            .any(|l| l == "required-note = * Inaashiria sehemu inayohitajika"),
        "sw.ftl's required-note changed"
    );
}

/// Every `t("id")` in the `.svelte` and `.ts` files under `root`, with the file it is in.
fn t_calls(root: &Path) -> BTreeSet<(String, String)> {
    let call = regex::Regex::new(r#"\bt\(\s*"([a-zA-Z0-9_-]+)""#).unwrap();
    let mut wanted = BTreeSet::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "svelte" || e == "ts") {
                let text = std::fs::read_to_string(&path).unwrap();
                for c in call.captures_iter(&text) {
                    wanted.insert((c[1].to_owned(), path.display().to_string()));
                }
            }
        }
    }
    wanted
}

/// Every `t("id")` in the UI's code, every error code the app can send and every field code
/// the vault can give has an English message (and so, by the test above, one in every locale).
#[test]
fn every_message_the_code_asks_for_exists() {
    let en = messages("en");
    let mut wanted = t_calls(&ui());
    assert!(wanted.len() > 30, "found only {} t() calls", wanted.len());
    let bindings = std::fs::read_to_string(ui().join("lib/bindings.ts")).unwrap();
    let codes = regex::Regex::new(r#"export type ErrorCode = ([^;]+);"#)
        .unwrap()
        .captures(&bindings)
        .expect("ErrorCode in bindings.ts")[1]
        .to_owned();
    for code in regex::Regex::new(r#""([a-z_]+)""#)
        .unwrap()
        .captures_iter(&codes)
    {
        wanted.insert((format!("error-{}", &code[1]), "ErrorCode".into()));
    }
    wanted.insert(("error-unknown".into(), "ipc.ts".into()));
    for code in placard_kiosk_core::domain::FieldCode::ALL {
        wanted.insert((format!("fix-{}", code.as_str()), "FieldCode".into()));
    }
    let missing: Vec<_> = wanted
        .iter()
        .filter(|(id, _)| !en.contains_key(id))
        .map(|(id, from)| format!("`{id}` (from {from})"))
        .collect();
    assert!(missing.is_empty(), "no English message for: {missing:?}");
}
