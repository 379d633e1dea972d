//! Invariant 1 of ARCHITECTURE.md, checked: only the app package depends on tauri. Every other
//! workspace member must build and test without it, directly or through any dependency.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use serde_json::Value;

#[test]
fn only_the_app_package_depends_on_tauri() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata json");

    let name_of: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    // Normal (non-dev, non-build) dependency edges, so a test-only tool cannot hide tauri either:
    // dev-dependencies count too, since crates must test without a webview.
    let deps: HashMap<&str, Vec<&str>> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let id = n["id"].as_str().unwrap();
            let ds = n["deps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["pkg"].as_str().unwrap())
                .collect();
            (id, ds)
        })
        .collect();
    let members: Vec<&str> = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(members.len() >= 3, "workspace members: {members:?}");

    let mut offenders = Vec::new();
    for member in members {
        if name_of[member] == "placard-kiosk" {
            continue;
        }
        let mut seen = HashSet::new();
        let mut stack = vec![(member, vec![name_of[member]])];
        while let Some((id, path)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            for &dep in deps.get(id).into_iter().flatten() {
                let name = name_of[dep];
                let mut p = path.clone();
                p.push(name);
                if name == "tauri"
                    || name.starts_with("tauri-")
                    || name == "wry"
                    || name == "webkit2gtk"
                {
                    offenders.push(p.join(" -> "));
                } else {
                    stack.push((dep, p));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "crates under crates/ reach tauri: {offenders:#?}"
    );
}
