//! `placard enroll` and `placard sync --once` against a real collector (the collector crate's
//! service, in this process, on SQLite and loopback).
#![allow(clippy::unwrap_used)]

use std::process::Command;

use placard_collector::pairing::{DEFAULT_VALID, new_code};
use placard_collector::server::{Options, router_with};
use placard_collector::store::Store;
use placard_vault::{OrganiserKey, SignRules, SignerInput, Vault};

fn placard(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enroll_then_sync_once_sends_everything_and_says_so() {
    let db = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", db.path().join("c.db").display()))
        .await
        .unwrap();
    let options = Options::default();
    let code = new_code(&store, &options.key, "kiosk 1", DEFAULT_VALID)
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let app = router_with(store.clone(), options);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::init(dir.path(), &OrganiserKey::generate().recipient()).unwrap();
    let rules = SignRules::basic("p", "US");
    for i in 0..7 {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    drop(vault);
    let vault_arg = dir.path().to_str().unwrap();

    // Plain http to another machine is refused in words before any connection.
    let plain = tokio::task::spawn_blocking({
        let v = vault_arg.to_owned();
        move || {
            placard(&[
                "enroll",
                "--vault",
                &v,
                "--to",
                "http://collector.invalid:8440/",
                "--code",
                "x",
            ])
        }
    })
    .await
    .unwrap();
    assert!(!plain.status.success());
    assert!(
        String::from_utf8_lossy(&plain.stderr)
            .contains("plain http:// is only for a collector on this computer"),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );

    // A code that is not one is refused before any connection; a wrong secret on the right
    // nameplate is refused by the exchange, in words (and uses up one of the code's tries).
    let wrong = format!("{}-AAAA-AAAA", code.nameplate());
    for (typed, says) in [
        ("not-a-code", "does not look like a pairing code"),
        (wrong.as_str(), "does not match the collector's"),
    ] {
        let bad = tokio::task::spawn_blocking({
            let (v, u, typed) = (vault_arg.to_owned(), url.clone(), typed.to_owned());
            move || placard(&["enroll", "--vault", &v, "--to", &u, "--code", &typed])
        })
        .await
        .unwrap();
        assert!(!bad.status.success());
        assert!(
            String::from_utf8_lossy(&bad.stderr).contains(says),
            "{}",
            String::from_utf8_lossy(&bad.stderr)
        );
    }
    let code = code.to_string();

    let (v, u) = (vault_arg.to_owned(), url.clone());
    let out = tokio::task::spawn_blocking(move || {
        let enrolled = placard(&["enroll", "--vault", &v, "--to", &u, "--code", &code]);
        assert!(
            enrolled.status.success(),
            "{}",
            String::from_utf8_lossy(&enrolled.stderr)
        );
        placard(&["sync", "--vault", &v, "--to", &u, "--once"])
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Not a terminal: progress comes as lines, then the summary.
    assert!(stdout.contains("sent 0/7, pending 7"), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("sent 7, pending 0"), "{stdout}");
    assert_eq!(store.stats().await.unwrap().records, 7);
    assert_eq!(Vault::open(dir.path()).unwrap().pending().unwrap(), 0);
}
