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
    // "ok" and the collector's clock (for kiosks to see an offset), nothing more.
    assert_eq!(health["status"], "ok");
    assert!(health["time"].is_i64(), "{health}");
    assert_eq!(health.as_object().unwrap().len(), 2, "{health}");
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

/// The key locks itself once nobody has used it for the idle time; a use starts the time
/// again. Tokio's clock is paused and moved by hand: nothing sleeps.
#[tokio::test(flavor = "current_thread")]
async fn an_unlocked_key_left_unused_locks_itself() {
    use std::sync::Arc;
    use std::time::Duration;

    use placard_collector::keyring::Keyring;

    let org = KeyFile::new("correct horse battery staple");
    let dir = tempfile::tempdir().unwrap();
    let store = placard_collector::store::Store::open(&format!(
        "sqlite://{}",
        dir.path().join("c.db").display()
    ))
    .await
    .unwrap();
    let minutes = |m: u64| Duration::from_secs(m * 60);
    let keyring = Arc::new(Keyring::with_idle(Some(org.key().into()), minutes(15)));
    let passphrase = std::fs::read_to_string(org.passphrase("right")).unwrap();
    keyring
        .unlock(passphrase.trim().to_owned().into(), &store)
        .await
        .unwrap();

    tokio::time::pause();
    let watch = tokio::spawn(keyring.clone().auto_lock());
    let settle = || async {
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
    };
    tokio::time::advance(minutes(14)).await;
    settle().await;
    assert!(keyring.is_unlocked(), "14 minutes unused");
    assert!(keyring.key().is_some(), "used now: the time starts again");
    tokio::time::advance(minutes(14)).await;
    settle().await;
    assert!(
        keyring.is_unlocked(),
        "28 minutes after unlocking, 14 after its use"
    );
    tokio::time::advance(minutes(1) + Duration::from_secs(1)).await;
    settle().await;
    assert!(!keyring.is_unlocked(), "15 minutes unused: locked");
    assert!(keyring.key().is_none());

    // Unlocked again, it is watched again.
    keyring
        .unlock(passphrase.trim().to_owned().into(), &store)
        .await
        .unwrap();
    tokio::time::advance(minutes(16)).await;
    settle().await;
    assert!(!keyring.is_unlocked());
    watch.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_socket_lives_in_a_folder_only_the_collector_may_enter() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

    // The default place: a folder of its own, created 0700, the socket 0600 in it.
    let work = tempfile::tempdir().unwrap();
    std::fs::set_permissions(work.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let socket = work.path().join("placard-admin").join("collector.sock");
    let listener = placard_collector::admin::bind(&socket).await.unwrap();
    assert_eq!(mode(socket.parent().unwrap()), 0o700);
    assert_eq!(mode(&socket), 0o600);
    drop(listener);

    // The attack: a socket in a folder others may enter is theirs to connect to in the moment
    // between bind and chmod (the previous code bound it in the working folder). Refused.
    let open = work.path().join("collector.sock");
    let e = placard_collector::admin::bind(&open).await.unwrap_err();
    assert!(e.to_string().contains("open to other users"), "{e}");
    assert!(!open.exists());

    // `serve` with its default: run in a 0755 folder, it makes placard-admin/ 0700.
    let out = Command::new(BIN)
        .current_dir(work.path())
        .args(["status"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "no collector runs yet");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("placard-admin/collector.sock"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The attack: records of junk (sealed to another key) arrive from a kiosk, which is then
/// revoked. Before, an unlock tried only the newest records, so the junk made the right key
/// look wrong and `serve --passphrase-file` no longer started. Only records from enrolled,
/// unrevoked devices count now.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn junk_from_a_revoked_kiosk_cannot_make_the_right_key_look_wrong() {
    let org = KeyFile::new("correct horse battery staple");
    let c = Collector::start_with(Backend::Sqlite, &["--identity", &org.key()]).unwrap();
    let (_good_dir, good) = kiosk_sealing_to(&org.recipient, 2, "p");
    enroll_vault(&c, &good, "kiosk").await;
    assert_eq!(sync_all(&c.url, good, 10).await, 2);
    let other = KeyFile::new("another long passphrase");
    let (_junk_dir, junk) = kiosk_sealing_to(&other.recipient, 12, "p");
    let junk_id = junk.device_id().to_string();
    enroll_vault(&c, &junk, "rogue").await;
    assert_eq!(sync_all(&c.url, junk, 20).await, 12);
    c.cli(&["revoke", &junk_id]);

    let (ok, out, err) = admin(
        &c,
        &["unlock", "--passphrase-file", &org.passphrase("right")],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("it opened 2 of the 2 most recent records"),
        "{out}"
    );
    assert!(unlocked(&c).await);
}
