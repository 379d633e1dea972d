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

    // Only from a device this collector enrolled.
    let (ok, _, err) = run(&c, &["import", bundle]);
    assert!(!ok);
    assert!(err.contains("never enrolled"), "{err}");
    enroll_vault(&c, &vault, "kiosk").await;

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
    enroll_vault(&c, &vault, "kiosk").await;
    let (ok, _, err) = run(&c, &["import", bundle]);
    assert!(ok, "{err}");

    let (key, pass) = (org.key(), org.passphrase("right"));
    let key_args = ["--identity", &key, "--passphrase-file", &pass];
    // The address from stdin (`--email -`): in no process list, no shell history.
    let mut forget = Command::new(BIN)
        .args(["forget", "--email", "-", "--db", &c.db])
        .args(key_args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut forget.stdin.take().unwrap(), b" BEA@example.org \n").unwrap();
    let done = forget.wait_with_output().unwrap();
    let (ok, out, err) = (
        done.status.success(),
        String::from_utf8_lossy(&done.stdout).into_owned(),
        String::from_utf8_lossy(&done.stderr).into_owned(),
    );
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

/// The files of a tar, in order.
fn untar(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in tar::Archive::new(bytes).entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        out.push((name, data));
    }
    out
}

fn retar(files: &[(String, Vec<u8>)], to: &std::path::Path) {
    let mut tar = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        tar.append_data(&mut header, name, data.as_slice()).unwrap();
    }
    std::fs::write(to, tar.into_inner().unwrap()).unwrap();
}

fn sha256_hex(data: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, data)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The attack: the organiser's recipient is public, so anyone can seal made-up signers to it.
/// A bundle is taken only whole, from an enrolled and unrevoked device, signed by its key,
/// every file sealed as a kiosk seals; anything else is refused with a reason and stores
/// nothing. (Before bundles were signed, each of these was imported.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bundles_are_refused_whole_unless_an_enrolled_device_signed_them() {
    let c = Collector::start();
    let org = KeyFile::new("correct horse battery staple");
    let (_dir, vault) = kiosk_sealing_to(&org.recipient, 3, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    let stick = tempfile::tempdir().unwrap();
    let good = stick.path().join("good.tar");
    placard_vault::write_sealed_tar(&vault, &good).unwrap();
    let files = untar(&std::fs::read(&good).unwrap());
    let refused = |path: &std::path::Path, why: &str| {
        let (ok, _, err) = run(&c, &["import", path.to_str().unwrap()]);
        assert!(!ok, "{why}: imported");
        assert!(err.contains(why), "{why}: {err}");
        assert_eq!(c.stats()["records"], 0, "{why}: something was stored");
    };

    // Unsigned (as a bundle of made-up signers would be).
    let unsigned = stick.path().join("unsigned.tar");
    retar(
        &files
            .iter()
            .filter(|(n, _)| n != placard_vault::BUNDLE_SIGNATURE_FILE)
            .cloned()
            .collect::<Vec<_>>(),
        &unsigned,
    );
    refused(&unsigned, "not signed by the kiosk that wrote it");

    // A record swapped, its SHA-256 in the manifest made to match: the signature breaks.
    let mut swapped = files.clone();
    let (name, blob) = swapped
        .iter_mut()
        .find(|(n, _)| n.ends_with(".age"))
        .unwrap();
    let old_sha = sha256_hex(blob);
    let at = blob.len() - 5;
    blob[at] ^= 1;
    let new_sha = sha256_hex(blob);
    let name = name.clone();
    let manifest = swapped
        .iter_mut()
        .find(|(n, _)| n == "manifest.json")
        .unwrap();
    manifest.1 = String::from_utf8(manifest.1.clone())
        .unwrap()
        .replace(&old_sha, &new_sha)
        .into_bytes();
    let tampered = stick.path().join("tampered.tar");
    retar(&swapped, &tampered);
    refused(&tampered, "its signature does not verify");
    assert!(name.ends_with(".age"));

    // Signed by the device, but a file that is not sealed as a kiosk seals.
    let mut junk = files.clone();
    let (_, blob) = junk.iter_mut().find(|(n, _)| n.ends_with(".age")).unwrap();
    let old_sha = sha256_hex(blob);
    *blob = b"age-encryption.org/v1\n-> scrypt c2FsdA 18\nAAAA\n--- AAAA\nnot a kiosk's".to_vec();
    let new_sha = sha256_hex(blob);
    let manifest = junk.iter_mut().find(|(n, _)| n == "manifest.json").unwrap();
    manifest.1 = String::from_utf8(manifest.1.clone())
        .unwrap()
        .replace(&old_sha, &new_sha)
        .into_bytes();
    let pair =
        ring::signature::Ed25519KeyPair::from_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    let signature = pair.sign(&[placard_vault::BUNDLE_SIGNATURE_CONTEXT, &manifest.1].concat());
    let sig = junk
        .iter_mut()
        .find(|(n, _)| n == placard_vault::BUNDLE_SIGNATURE_FILE)
        .unwrap();
    sig.1 = signature.as_ref().to_vec();
    let not_age = stick.path().join("not-age.tar");
    retar(&junk, &not_age);
    refused(&not_age, "is not sealed as a kiosk seals");

    // From another kiosk, never enrolled here.
    let (_other_dir, other) = kiosk_sealing_to(&org.recipient, 2, "p");
    let stranger = stick.path().join("stranger.tar");
    placard_vault::write_sealed_tar(&other, &stranger).unwrap();
    refused(&stranger, "never enrolled");

    // Sealed to another key than the organisation's (when the collector is told it).
    let (ok, _, err) = run(
        &c,
        &[
            "import",
            "--recipient",
            &placard_vault::OrganiserKey::generate().recipient(),
            good.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(err.contains("not to this organisation's key"), "{err}");
    assert_eq!(c.stats()["records"], 0);

    // A revoked device's bundle.
    c.cli(&["revoke", &vault.device_id().to_string()]);
    refused(&good, "was revoked");
}
