//! A kiosk that never got online: its sealed bundle (`placard export --sealed`, on a USB
//! stick) is imported at the collector once, however often it is imported or synced as well;
//! a damaged bundle stores nothing; the records then export in plaintext after unlock.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::{BIN, Backend, Collector, KeyFile, enroll_vault, kiosk_sealing_to, sync_all};

fn run(c: &Collector, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .args(["--db", &c.db])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn a_bundle_is_imported_once(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let org = KeyFile::new("correct horse battery staple");
    let (dir, vault) = kiosk_sealing_to(&org.recipient, 5, "encryption-is-not-a-crime");
    let stick = tempfile::tempdir().unwrap();
    let bundle = stick.path().join("kiosk.tar");
    placard_vault::write_sealed_tar(&vault, &bundle).unwrap();
    let bundle = bundle.to_str().unwrap();

    // A damaged copy: one sealed record's bytes changed. Refused whole.
    let mut bytes = std::fs::read(bundle).unwrap();
    let at = bytes.windows(8).position(|w| w == b"age-encr").unwrap() + 40;
    bytes[at] ^= 0x20;
    let damaged = stick.path().join("damaged.tar");
    std::fs::write(&damaged, &bytes).unwrap();
    let (ok, _, err) = run(&c, &["import", damaged.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(c.stats()["records"], 0, "nothing of it stored");

    let (ok, out, err) = run(&c, &["import", bundle]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "imported 5 records: 5 new, 0 held already");
    let (_, out, _) = run(&c, &["import", bundle]);
    assert_eq!(out.trim(), "imported 5 records: 0 new, 5 held already");

    // The kiosk comes online after all and syncs: acknowledged, not stored again.
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 100).await, 5);
    assert_eq!(c.stats()["records"], 5);

    let (ok, out, err) = run(
        &c,
        &[
            "export",
            "--identity",
            &org.key(),
            "--passphrase-file",
            &org.passphrase("right"),
            "--format",
            "csv",
        ],
    );
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines[0].starts_with("first_name,last_name,email,zip_code,country"));
    assert!(lines[1..].iter().all(|l| l.starts_with("Ada,")), "{out}");
    assert!(
        err.contains("exported 5 records; 0 could not be opened"),
        "{err}"
    );

    // Retention: what the export took goes once its time is up; the counts stay, and the
    // bundle imported again does not bring the records back.
    let (ok, out, err) = run(&c, &["purge", "--retain-days", "1"]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "purged 0 records; their counts stay");
    let (_, out, _) = run(&c, &["purge", "--retain-days", "0"]);
    assert_eq!(out.trim(), "purged 5 records; their counts stay");
    let stats = c.stats();
    assert_eq!((&stats["records"], &stats["held"]), (&5.into(), &0.into()));
    assert_eq!(stats["by_petition"][0][1], 5);
    let (_, out, _) = run(&c, &["import", bundle]);
    assert_eq!(out.trim(), "imported 5 records: 0 new, 5 held already");
    assert_eq!(c.stats()["held"], 0, "purged records are not taken back");
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sealed_bundle_is_imported_once_sqlite() {
    a_bundle_is_imported_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sealed_bundle_is_imported_once_postgres() {
    a_bundle_is_imported_once(Backend::Postgres).await;
}

/// Erasure on request: the signer's records go, however their address was typed, and come
/// back neither by a bundle imported again nor by a kiosk syncing.
async fn a_signer_is_forgotten_on_request(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let org = KeyFile::new("correct horse battery staple");
    let dir = tempfile::tempdir().unwrap();
    let mut vault = placard_vault::Vault::init(dir.path(), &org.recipient).unwrap();
    for email in [
        "ada@example.org",
        "Bea@Example.org",
        "cy@example.org",
        "bea@example.org",
    ] {
        let mut s = placard_vault::SignerInput::default();
        s.given_name = "Signer".into();
        s.email = email.into();
        vault
            .sign(&placard_vault::SignRules::basic("p", "US"), s)
            .unwrap();
    }
    let stick = tempfile::tempdir().unwrap();
    let bundle = stick.path().join("kiosk.tar");
    placard_vault::write_sealed_tar(&vault, &bundle).unwrap();
    let bundle = bundle.to_str().unwrap();
    let (ok, _, err) = run(&c, &["import", bundle]);
    assert!(ok, "{err}");

    let (key, pass) = (org.key(), org.passphrase("right"));
    let key_args = ["--identity", &key, "--passphrase-file", &pass];
    let mut forget = vec!["forget", "--email", " BEA@example.org "];
    forget.extend(key_args);
    let (ok, out, err) = run(&c, &forget);
    assert!(ok, "{err}");
    assert!(out.starts_with("forgot 2 records"), "{out}");
    assert_eq!(c.stats()["held"], 2);

    let mut export = vec!["export", "--format", "csv"];
    export.extend(key_args);
    let (_, out, _) = run(&c, &export);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(!out.to_lowercase().contains("bea@"), "{out}");

    // Delivered again: refused, as bundle and as sync.
    let (_, out, _) = run(&c, &["import", bundle]);
    assert_eq!(out.trim(), "imported 4 records: 0 new, 4 held already");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(
        sync_all(&c.url, vault, 100).await,
        4,
        "acknowledged, so the kiosk stops"
    );
    assert_eq!(
        c.stats()["held"],
        2,
        "the forgotten ones are not stored again"
    );
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signer_is_forgotten_on_request_sqlite() {
    a_signer_is_forgotten_on_request(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signer_is_forgotten_on_request_postgres() {
    a_signer_is_forgotten_on_request(Backend::Postgres).await;
}
