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

/// A name other than `localhost` that resolves to this computer only (the host's own name, as
/// `/etc/hosts` maps it on Debian and in containers), to stand for "another computer" without
/// ever reaching one.
async fn loopback_name() -> String {
    let mut candidates = vec![
        "ip6-localhost".to_owned(),
        "ip6-loopback".to_owned(),
        "localhost.localdomain".to_owned(),
    ];
    if let Ok(host) = std::fs::read_to_string("/etc/hostname") {
        candidates.insert(0, host.trim().to_owned());
    }
    for name in candidates.into_iter().filter(|n| !n.is_empty()) {
        let addrs: Vec<_> = match tokio::net::lookup_host((name.as_str(), 80)).await {
            Ok(addrs) => addrs.collect(),
            Err(_) => continue,
        };
        if !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback()) {
            return name;
        }
    }
    panic!(
        "no name but `localhost` resolves to this computer only: add a line such as \
         `127.0.0.1 placard-collector.test` to /etc/hosts, or map the host name to 127.0.0.1"
    );
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

    // Plain http to another machine is refused in words before any connection: the name
    // resolves to this computer, where a listener counts the connections it gets (none), so
    // the test never aims at another machine even if the check were gone.
    let name = loopback_name().await;
    let watch = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let watched = format!("http://{name}:{}/", watch.local_addr().unwrap().port());
    let knocks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = knocks.clone();
    tokio::spawn(async move {
        while watch.accept().await.is_ok() {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    for command in ["enroll", "sync"] {
        let plain = tokio::task::spawn_blocking({
            let (v, to) = (vault_arg.to_owned(), watched.clone());
            move || match command {
                "enroll" => placard(&[
                    "enroll",
                    "--vault",
                    &v,
                    "--to",
                    &to,
                    "--code",
                    "1-AAAA-AAAA",
                ]),
                _ => placard(&["sync", "--vault", &v, "--to", &to, "--once"]),
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
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        knocks.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "no connection was made"
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
