//! `placard push action-network` end to end: a kiosk's vault, its organiser key unlocked with
//! a passphrase file, and a small Action Network stand-in (the full one, with throttling and
//! failures, tests `placard-fanout` itself).
#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use placard_vault::{OrganiserKey, SecretString, SignRules, SignerInput, Vault};
use serde_json::{Value, json};

fn placard(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unlocked_kiosk_pushes_to_action_network_once() {
    let posted: Arc<Mutex<Vec<Value>>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v2/", listener.local_addr().unwrap());
    let seen = posted.clone();
    let app = axum::Router::new()
        .route(
            "/api/v2/petitions",
            axum::routing::get(|headers: HeaderMap| async move {
                if headers.get("osdi-api-token").is_none_or(|t| t != "T0KEN") {
                    return StatusCode::UNAUTHORIZED.into_response();
                }
                axum::Json(json!({"_embedded": {"osdi:petitions": [{
                    "identifiers": ["action_network:an-42"],
                    "browser_url": "https://actionnetwork.org/petitions/encryption-is-not-a-crime",
                }]}, "_links": {}}))
                .into_response()
            }),
        )
        .route(
            "/api/v2/petitions/an-42/signatures",
            axum::routing::post(move |body: String| async move {
                seen.lock()
                    .unwrap()
                    .push(serde_json::from_str(&body).unwrap());
                axum::Json(json!({"identifiers": ["action_network:s1"]}))
            }),
        );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

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
    for i in 0..3 {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    drop(vault);

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
    let out = tokio::task::spawn_blocking(args("T0KEN")).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().last(),
        Some("sent 3, failed 0, skipped 0"),
        "{stdout}"
    );
    {
        let posted = posted.lock().unwrap();
        assert_eq!(posted.len(), 3);
        assert_eq!(posted[0]["person"]["postal_addresses"][0]["country"], "BR");
        assert_eq!(posted[0]["add_tags"], json!(["placard"]));
    }

    // Again: everything is settled, nothing is posted.
    let out = tokio::task::spawn_blocking(args("T0KEN")).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().last(),
        Some("sent 0, failed 0, skipped 3"),
        "{stdout}"
    );
    assert_eq!(posted.lock().unwrap().len(), 3);

    // A wrong token: a clear error, a failing exit.
    let out = tokio::task::spawn_blocking(args("wrong")).await.unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("401"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
