//! `placard push action-network` end to end: a kiosk's vault, its organiser key unlocked with
//! a passphrase file, and the Action Network stand-in (`placard_fanout::stand_in`; throttling
//! and failures are tested in `placard-fanout` itself).
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

use placard_fanout::stand_in::{self, TOKEN};
use placard_vault::{OrganiserKey, SecretString, SignRules, SignerInput, Vault};
use serde_json::json;

fn placard(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(args)
        .output()
        .unwrap()
}

/// A kiosk's vault with `n` signatures and its organiser key on a "USB stick":
/// (the folder, the vault, the key file, the passphrase file).
fn kiosk(n: usize) -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("organiser.age");
    let pass_file = dir.path().join("pass");
    std::fs::write(&pass_file, "a long organiser passphrase\n").unwrap();
    let key = OrganiserKey::generate();
    key.write_encrypted(
        &key_file,
        &SecretString::from("a long organiser passphrase".to_owned()),
    )
    .unwrap();
    let vault_dir = dir.path().join("vault");
    let mut vault = Vault::init(&vault_dir, &key.recipient()).unwrap();
    let rules = SignRules::basic("encryption-is-not-a-crime", "BR");
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    drop(vault);

    (dir, vault_dir, key_file, pass_file)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unlocked_kiosk_pushes_to_action_network_once() {
    let s = stand_in::start(1000, false).await;
    let base = s.base.clone();
    let (_dir, vault_dir, key_file, pass_file) = kiosk(3);

    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packs/demo");
    let args = |token: &'static str| {
        let (v, k, p, b) = (
            vault_dir.to_str().unwrap().to_owned(),
            key_file.to_str().unwrap().to_owned(),
            pass_file.to_str().unwrap().to_owned(),
            base.clone(),
        );
        move || {
            placard(&[
                "push",
                "action-network",
                "--vault",
                &v,
                "--identity",
                &k,
                "--passphrase-file",
                &p,
                "--base-url",
                &b,
                "--token",
                token,
                "--rate",
                "50",
                "--pack",
                pack,
            ])
        }
    };
    let out = tokio::task::spawn_blocking(args(TOKEN)).await.unwrap();
    stand_in::assert_ran(&out, "sent 3, failed 0, skipped 0");
    {
        // Found by listing: the demo pack's petition is the stand-in's `pet-57`.
        let b = s.books.lock().unwrap();
        assert_eq!(b.signatures.len(), 3);
        let (key, body) = b.signatures.iter().next().unwrap();
        assert_eq!(key.0, "pet-57");
        assert_eq!(body["person"]["postal_addresses"][0]["country"], "BR");
        assert_eq!(body["add_tags"], json!(["placard"]));
        // The demo petition's autoresponder is on.
        assert_eq!(body["triggers"]["autoresponse"]["enabled"], true);
    }

    // Again: everything is settled, nothing is posted.
    let out = tokio::task::spawn_blocking(args(TOKEN)).await.unwrap();
    stand_in::assert_ran(&out, "sent 0, failed 0, skipped 3");
    assert_eq!(s.books.lock().unwrap().posts, 3);

    // A wrong token: a clear error, a failing exit.
    let out = tokio::task::spawn_blocking(args("wrong")).await.unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("401"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unlocked_kiosk_pushes_to_a_signed_webhook_once() {
    const SECRET: &str = "the organisation's webhook secret";
    let (url, receiver) = stand_in::receiver(SECRET).await;
    let (dir, vault_dir, key_file, pass_file) = kiosk(5);
    let secret_file = dir.path().join("secret");
    std::fs::write(&secret_file, format!("{SECRET}\n")).unwrap();
    let push = || {
        let args: Vec<String> = [
            "push",
            "webhook",
            "--vault",
            vault_dir.to_str().unwrap(),
            "--identity",
            key_file.to_str().unwrap(),
            "--passphrase-file",
            pass_file.to_str().unwrap(),
            "--url",
            &url,
            "--secret-file",
            secret_file.to_str().unwrap(),
            "--batch",
            "2",
        ]
        .iter()
        .map(|a| (*a).to_owned())
        .collect();
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            placard(&args)
        })
    };
    let out = push().await.unwrap();
    stand_in::assert_ran(&out, "sent 5, failed 0, skipped 0");
    {
        let r = receiver.lock().unwrap();
        assert_eq!((r.batches.len(), r.records.len()), (3, 5), "batches of 2");
        assert_eq!(r.refused_signatures, 0);
    }
    let out = push().await.unwrap();
    stand_in::assert_ran(&out, "sent 0, failed 0, skipped 5");
    assert_eq!(receiver.lock().unwrap().records.len(), 5);
}
