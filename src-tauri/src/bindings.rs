//! The UI's `ui/src/lib/bindings.ts`, generated: every type that crosses IPC (found from the
//! commands' arguments and answers, the events' payloads and the error), then a typed wrapper
//! for every command and a listener for every event. The names and types come from the
//! commands' one declaration (`command.rs`) and the events' (`events.rs`), so the UI cannot
//! call a command that does not exist or pass it the wrong arguments.
//!
//! `bindings_are_fresh` fails when the file is stale; `./dev bindings` rewrites it.

use std::any::TypeId;
use std::collections::HashSet;
use std::fmt::Write as _;

use ts_rs::{Config, TS, TypeVisitor};

/// Collects the declaration of every type reachable from the ones visited, once each (ts-rs
/// visits dependencies in no fixed order: they are sorted by name when written).
struct Declarations<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    out: Vec<(String, String)>,
}

impl TypeVisitor for Declarations<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Only types of our own have a declaration (and so an output path); `Option`, `Vec`
        // and the primitives are written inline.
        if T::output_path().is_some() {
            self.out.push((T::ident(self.cfg), T::decl(self.cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

fn camel(snake: &str, first_upper: bool) -> String {
    let mut out = String::new();
    let mut upper = first_upper;
    for c in snake.chars() {
        if c == '_' || c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn jsdoc(lines: &[&str]) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from("/**\n");
    for l in lines {
        let _ = writeln!(out, " *{}", l.trim_end());
    }
    out.push_str(" */\n");
    out
}

pub(crate) fn bindings() -> String {
    let cfg = Config::default();
    let mut types = Declarations {
        cfg: &cfg,
        seen: HashSet::new(),
        out: Vec::new(),
    };
    types.visit::<crate::error::IpcError>();
    crate::command::visit_types(&mut types);
    crate::events::visit_types(&mut types);
    types.out.sort();

    let mut out = String::from(
        "// Generated from the Rust side (src-tauri/src: each area's `commands!`, events.rs, the\n\
         // DTOs) by the `bindings_are_fresh` test. Do not edit: run `./dev bindings` instead.\n\
         import { call, listenTo, type UnlistenFn } from \"./call\";\n",
    );
    for (_, d) in &types.out {
        out.push_str("\nexport ");
        out.push_str(d);
        out.push('\n');
    }
    out.push_str("\n// ---- Commands ----\n");
    for c in crate::command::typescript(&cfg) {
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", camel(name, false)))
            .collect();
        let names: Vec<String> = c.args.iter().map(|(n, _)| camel(n, false)).collect();
        let args = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        let _ = write!(
            out,
            "\n{}export const {} = ({}) =>\n  call<{}>(\"{}\"{args});\n",
            jsdoc(&c.doc),
            camel(c.name, false),
            params.join(", "),
            c.answer,
            c.name,
        );
    }
    out.push_str("\n// ---- Events ----\n");
    for (name, payload, doc) in crate::events::typescript(&cfg) {
        let _ = write!(
            out,
            "\n{}export const on{} = (f: (payload: {payload}) => void): Promise<UnlistenFn> =>\n  listenTo<{payload}>(\"{name}\", f);\n",
            jsdoc(&doc),
            camel(name, true),
        );
    }
    out
}

/// CI fails here when a DTO, a command or an event changed and the UI's bindings were not
/// regenerated.
#[test]
fn bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
    let want = bindings();
    if std::env::var_os("PLACARD_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write bindings.ts");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: run `./dev bindings` and commit it",
        path.display()
    );
}

#[test]
fn every_command_and_event_has_its_wrapper() {
    let text = bindings();
    for name in crate::command::names() {
        assert!(
            text.contains(&format!("export const {} = (", camel(name, false))),
            "{name}"
        );
    }
    assert!(text.contains("export const onSyncState = ("), "{text}");
    assert!(text.contains("export type SignerInput = {"), "{text}");
}
