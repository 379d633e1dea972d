//! One table of error codes: `placard sign` and the kiosk's facade — whose `code()` is what the
//! app's IPC errors carry (`tests/ipc.rs` checks the same codes over IPC) — name the same
//! failure the same way.
#![allow(clippy::unwrap_used)] // a test helper that fails should panic

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use placard_kiosk_core::{Events, KioskApp, Places, SyncStatus};
use placard_vault::SignerInput;
use serde_json::{Value, json};

const PETITION: &str = "encryption-is-not-a-crime";
const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

fn demo_pack() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../packs/demo"))
}

/// `placard sign`'s JSON error code for `signer` on `petition` into `vault`.
fn cli_code(vault: &Path, petition: &str, signer: &Value) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(["sign", "--vault"])
        .arg(vault)
        .arg("--pack")
        .arg(demo_pack())
        .args(["--petition", petition])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(signer.to_string().as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    body["code"].as_str().unwrap().to_owned()
}

struct Quiet;
impl Events for Quiet {
    fn sync_state(&self, _: &SyncStatus) {}
}

/// The facade's code for the same signature, on a kiosk at `data`.
fn facade_code(
    rt: &tokio::runtime::Runtime,
    data: &Path,
    petition: &str,
    signer: &Value,
) -> String {
    let places = Places {
        pack_dir: None,
        data_dir: data.to_owned(),
        action_network: "https://action-network.invalid/".into(),
    };
    let kiosk = KioskApp::open_with_pack(places, demo_pack(), rt.handle().clone(), Arc::new(Quiet));
    let input: SignerInput = serde_json::from_value(signer.clone()).unwrap();
    kiosk
        .sign(petition, input)
        .unwrap_err()
        .code()
        .as_str()
        .to_owned()
}

#[test]
fn the_cli_and_the_app_report_the_same_codes() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A kiosk set up with a vault (the CLI signs into the same vault).
    let kiosk = dir.path().join("kiosk");
    placard_kiosk_core::Kiosk::open(&kiosk)
        .unwrap()
        .setup(RECIPIENT, "246810")
        .unwrap();
    let vault = kiosk.join("vault");
    let bad_email = json!({"given_name": "Ada", "email": "ada-at-example"});
    let good = json!({"given_name": "Ada", "email": "ada@example.org", "consent": true});

    let cases = [
        ("invalid input", PETITION, &bad_email, "invalid_input"),
        (
            "unknown petition",
            "no-such-petition",
            &good,
            "petition_not_found",
        ),
    ];
    for (what, petition, signer, want) in cases {
        assert_eq!(cli_code(&vault, petition, signer), want, "{what}: CLI");
        assert_eq!(
            facade_code(&rt, &kiosk, petition, signer),
            want,
            "{what}: app"
        );
    }

    // A set-up kiosk whose vault folder is gone: both say so in the same words.
    std::fs::remove_dir_all(&vault).unwrap();
    std::fs::create_dir(&vault).unwrap();
    assert_eq!(cli_code(&vault, PETITION, &good), "not_a_vault");
    assert_eq!(facade_code(&rt, &kiosk, PETITION, &good), "not_a_vault");
}
