//! The organiser unlocks the collector: at start with a passphrase file, or later over the
//! admin socket; a wrong passphrase or a key the stored records were not sealed to is refused,
//! and the collector stays locked.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::{BIN, Backend, Collector, KeyFile, enroll_vault, kiosk_sealing_to, sync_all};

/// Whether `c` holds the key, as its admin socket says (`placard-collector status`); the
/// network is told nothing of it.
async fn unlocked(c: &Collector) -> bool {
    let (ok, out, err) = admin(c, &["status"]);
    assert!(ok, "{err}");
    let answer = placard_collector::admin::request(
        &c.admin_socket,
        &placard_collector::admin::Request::Status,
    )
    .await
    .unwrap();
    assert_eq!(out.contains("unlocked"), answer.unlocked, "{out}");
    not_told_to_the_network(c).await;
    answer.unlocked
}

/// The attack: anyone who can reach the collector learns from `/v1/health` and `/metrics`
/// when its key is in memory, that is when taking the machine would open every record. Neither
/// says anything of it, locked or unlocked.
async fn not_told_to_the_network(c: &Collector) {
    let health = reqwest::get(c.url.join("v1/health").unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health, serde_json::json!({"status": "ok"}));
    let metrics = c.metrics().await;
    assert!(!metrics.contains("unlocked"), "{metrics}");
    assert!(metrics.contains("placard_records_stored"), "{metrics}");
}

/// Runs `placard-collector unlock` or `lock` against `c`: (success, stdout, stderr).
fn admin(c: &Collector, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .arg("--admin-socket")
        .arg(&c.admin_socket)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locked_until_the_organiser_unlocks_and_only_with_the_right_passphrase() {
    let org = KeyFile::new("correct horse battery staple");
    let c = Collector::start_with(Backend::Sqlite, &["--identity", &org.key()]).unwrap();
    assert!(!unlocked(&c).await, "starts locked without a passphrase");

    let (_dir, vault) = kiosk_sealing_to(&org.recipient, 3, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 10).await, 3);

    let (ok, _, err) = admin(
        &c,
        &["unlock", "--passphrase-file", &org.passphrase("wrong")],
    );
    assert!(!ok);
    assert!(err.contains("wrong passphrase (wrong_passphrase)"), "{err}");
    assert!(!unlocked(&c).await);

    let (ok, out, err) = admin(
        &c,
        &["unlock", "--passphrase-file", &org.passphrase("right")],
    );
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        format!(
            "unlocked with {}; it opened 3 of the 3 most recent records",
            org.recipient
        )
    );
    assert!(unlocked(&c).await);

    let (ok, out, _) = admin(&c, &["lock"]);
    assert!(ok && out.contains("locked"), "{out}");
    assert!(!unlocked(&c).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_the_stored_records_were_not_sealed_to_is_refused() {
    let org = KeyFile::new("correct horse battery staple");
    let stranger = KeyFile::new("another long passphrase");
    let c = Collector::start_with(Backend::Sqlite, &["--identity", &stranger.key()]).unwrap();
    let (_dir, vault) = kiosk_sealing_to(&org.recipient, 2, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 10).await, 2);
    let (ok, _, err) = admin(
        &c,
        &["unlock", "--passphrase-file", &stranger.passphrase("right")],
    );
    assert!(!ok);
    assert!(err.contains("(wrong_key)"), "{err}");
    assert!(!unlocked(&c).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlocking_at_start_with_a_passphrase_file() {
    let org = KeyFile::new("correct horse battery staple");
    let c = Collector::start_unlocked(&org);
    assert!(unlocked(&c).await);

    // A wrong passphrase at start: the collector does not start, and says why.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(format!("sqlite://{}", dir.path().join("c.db").display()))
        .arg("--admin-socket")
        .arg(dir.path().join("admin.sock"))
        .args(["--identity", &org.key()])
        .args(["--passphrase-file", &org.passphrase("wrong")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong passphrase"), "{err}");
    assert!(out.stdout.is_empty(), "it never listened");

    // Only one collector per admin socket.
    let out = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(format!("sqlite://{}", dir.path().join("c.db").display()))
        .arg("--admin-socket")
        .arg(&c.admin_socket)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("another collector answers on"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
