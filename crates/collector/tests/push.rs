//! `placard-collector push action-network`: 2,000 records synced from a kiosk go on to the
//! Action Network stand-in exactly once, through throttling and 500s, on both backends; a
//! second run posts nothing.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use placard_fanout::stand_in::{self, TOKEN};

use common::{
    BIN, Backend, Collector, KeyFile, enroll_vault, kiosk_prefilled_sealing_to, sync_all,
};

async fn two_thousand_signatures_go_to_action_network_once(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let org = KeyFile::new("correct horse battery staple");
    let (_dir, vault) =
        kiosk_prefilled_sealing_to(&org.recipient, 2000, "encryption-is-not-a-crime");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 500).await, 2000);

    // 429s (half with Retry-After) and 500s now and then; the collector paces at 400 a second.
    let s = stand_in::start(1000, false).await;
    {
        let mut b = s.books.lock().unwrap();
        b.inject_429_every = 250;
        b.error_every = 200;
    }
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packs/demo");
    // The key from a file, as README advises (an argument shows in `ps`).
    let token_dir = tempfile::tempdir().unwrap();
    let token_file = token_dir.path().join("an-token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let token_file = token_file.display().to_string();
    let push = |db: String, base: String, key: String, pass: String| {
        let token_file = token_file.clone();
        tokio::task::spawn_blocking(move || {
            Command::new(BIN)
                .args(["push", "action-network", "--db", &db, "--base-url", &base])
                .args(["--token-file", &token_file, "--rate", "400", "--pack", pack])
                .args(["--identity", &key, "--passphrase-file", &pass])
                .output()
                .unwrap()
        })
    };
    let args = || {
        (
            c.db.clone(),
            s.base.clone(),
            org.key(),
            org.passphrase("right"),
        )
    };
    let (db, base, key, pass) = args();
    let out = push(db, base, key, pass).await.unwrap();
    stand_in::assert_ran(&out, "sent 2000, failed 0, skipped 0");
    {
        let b = s.books.lock().unwrap();
        assert!(
            b.throttled > 0 && b.server_errors > 0,
            "the faults happened"
        );
        assert!(
            b.most_in_any_second() <= 400,
            "{} requests in one second; the limit is 400",
            b.most_in_any_second()
        );
        assert_eq!(b.signatures.len(), 2000, "every signer, once");
        assert!(b.identifiers.values().all(|n| *n == 1), "no record twice");
        assert!(
            b.signatures
                .keys()
                .all(|(petition, _)| petition == "pet-57")
        );
        // The fields and tags, as Action Network received them (the kiosk's records are
        // "Prefill Record <prefillN@example.org>", 02139, US, opted in; no event tags).
        for body in b.signatures.values() {
            let person = &body["person"];
            assert_eq!(
                (&person["given_name"], &person["family_name"]),
                (&serde_json::json!("Prefill"), &serde_json::json!("Record"))
            );
            let email = person["email_addresses"][0]["address"].as_str().unwrap();
            assert!(email.starts_with("prefill") && email.ends_with("@example.org"));
            assert_eq!(person["email_addresses"][0]["status"], "subscribed");
            assert_eq!(person["postal_addresses"][0]["postal_code"], "02139");
            assert_eq!(person["postal_addresses"][0]["country"], "US");
            assert_eq!(body["add_tags"], serde_json::json!(["placard"]));
            let id = body["identifiers"][0].as_str().unwrap();
            assert!(id.starts_with("placard:") && id.len() == "placard:".len() + 36);
            // The pack says autoresponder on (under its old misspelt key).
            assert_eq!(body["triggers"]["autoresponse"]["enabled"], true);
        }
    }

    let (db, base, key, pass) = args();
    let out = push(db, base, key, pass).await.unwrap();
    stand_in::assert_ran(&out, "sent 0, failed 0, skipped 2000");
    assert_eq!(s.books.lock().unwrap().identifiers.len(), 2000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_signatures_from_the_collector_reach_action_network_once_sqlite() {
    two_thousand_signatures_go_to_action_network_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_signatures_from_the_collector_reach_action_network_once_postgres() {
    two_thousand_signatures_go_to_action_network_once(Backend::Postgres).await;
}

async fn records_go_to_a_signed_webhook_once(backend: Backend) {
    const SECRET: &str = "the organisation's webhook secret";
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let org = KeyFile::new("correct horse battery staple");
    let (_dir, vault) = kiosk_prefilled_sealing_to(&org.recipient, 300, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 500).await, 300);
    let (url, receiver) = stand_in::receiver(SECRET).await;
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), SECRET).unwrap();
    let args = [
        "push".to_owned(),
        "webhook".to_owned(),
        "--db".to_owned(),
        c.db.clone(),
        "--url".to_owned(),
        url,
        "--secret-file".to_owned(),
        secret.path().display().to_string(),
        "--identity".to_owned(),
        org.key(),
        "--passphrase-file".to_owned(),
        org.passphrase("right"),
    ];
    let push = || {
        let args = args.clone();
        tokio::task::spawn_blocking(move || Command::new(BIN).args(&args).output().unwrap())
    };
    let out = push().await.unwrap();
    stand_in::assert_ran(&out, "sent 300, failed 0, skipped 0");
    assert_eq!(receiver.lock().unwrap().batches.len(), 3, "batches of 100");
    assert_eq!(receiver.lock().unwrap().records.len(), 300);
    let out = push().await.unwrap();
    stand_in::assert_ran(&out, "sent 0, failed 0, skipped 300");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_go_to_a_signed_webhook_once_sqlite() {
    records_go_to_a_signed_webhook_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_go_to_a_signed_webhook_once_postgres() {
    records_go_to_a_signed_webhook_once(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_collector_unlocked_by_the_organiser_pushes_over_its_admin_socket() {
    let org = KeyFile::new("correct horse battery staple");
    let s = stand_in::start(1000, false).await;
    // Where a push over the socket may go is fixed here, at start: URL and token file.
    let token_dir = tempfile::tempdir().unwrap();
    let token_file = token_dir.path().join("an-token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--identity",
            &org.key(),
            "--passphrase-file",
            &org.passphrase("right"),
            "--action-network-url",
            &s.base,
            "--action-network-token-file",
            &token_file.display().to_string(),
        ],
    )
    .unwrap();
    let (_dir, vault) = kiosk_prefilled_sealing_to(&org.recipient, 30, "encryption-is-not-a-crime");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 500).await, 30);
    let socket = c.admin_socket.display().to_string();
    let push = |socket: String, args: Vec<String>| {
        tokio::task::spawn_blocking(move || {
            Command::new(BIN)
                .args(["push", "action-network", "--admin-socket", &socket])
                .args(["--rate", "200"])
                .args(args)
                .output()
                .unwrap()
        })
    };
    // The attack: whoever reaches the socket names another destination (where the records,
    // opened with the organiser's key, would go). Refused; nothing is sent anywhere.
    let elsewhere = stand_in::start(1000, false).await;
    let out = push(
        socket.clone(),
        vec!["--base-url".into(), elsewhere.base.clone()],
    )
    .await
    .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(destination_not_fixed)"), "{err}");
    assert_eq!(elsewhere.books.lock().unwrap().signatures.len(), 0);
    let request = placard_collector::admin::Request::PushActionNetwork {
        base_url: Some(elsewhere.base.clone()),
        rate: 200,
        petitions: Default::default(),
        retry_failed: false,
    };
    let answer = placard_collector::admin::request(&c.admin_socket, &request)
        .await
        .unwrap();
    assert_eq!(answer.code.as_deref(), Some("destination_not_fixed"));
    assert_eq!(elsewhere.books.lock().unwrap().signatures.len(), 0);
    // A token on the command line is not the collector's to use either.
    let out = push(socket.clone(), vec!["--token".into(), "other".into()])
        .await
        .unwrap();
    assert!(!out.status.success());

    let out = push(socket.clone(), vec![]).await.unwrap();
    stand_in::assert_ran(&out, "sent 30, failed 0, skipped 0");
    assert_eq!(s.books.lock().unwrap().signatures.len(), 30);

    // Retention: purged once every destination named has them (the webhook has none).
    let purge = |dests: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.args(["purge", "--db", &c.db, "--retain-days", "0"]);
        for d in dests {
            cmd.args(["--destination", d]);
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    };
    assert_eq!(
        purge(&["action_network", "webhook"]).trim(),
        "purged 0 records; their counts stay"
    );
    assert_eq!(
        purge(&["action_network"]).trim(),
        "purged 30 records; their counts stay"
    );
    assert_eq!(
        (&c.stats()["records"], &c.stats()["held"]),
        (&30.into(), &0.into())
    );

    // The push locked the key: a second one is refused until the organiser unlocks again.
    let status = placard_collector::admin::request(
        &c.admin_socket,
        &placard_collector::admin::Request::Status,
    )
    .await
    .unwrap();
    assert!(!status.unlocked, "{status:?}");
    let out = push(socket, vec![]).await.unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(locked)"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_collector_pushes_to_the_webhook_fixed_at_its_start_only() {
    const SECRET: &str = "the organisation's webhook secret";
    let org = KeyFile::new("correct horse battery staple");
    let (url, receiver) = stand_in::receiver(SECRET).await;
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), SECRET).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--identity",
            &org.key(),
            "--passphrase-file",
            &org.passphrase("right"),
            "--webhook-url",
            &url,
            "--webhook-secret-file",
            &secret.path().display().to_string(),
        ],
    )
    .unwrap();
    let (_dir, vault) = kiosk_prefilled_sealing_to(&org.recipient, 20, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(sync_all(&c.url, vault, 500).await, 20);
    let push = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let socket = c.admin_socket.clone();
        tokio::task::spawn_blocking(move || {
            Command::new(BIN)
                .args(["push", "webhook", "--admin-socket"])
                .arg(socket)
                .args(args)
                .output()
                .unwrap()
        })
    };
    // Another endpoint (the attacker's), or a secret of the caller's: refused, nothing sent.
    let (elsewhere, theirs) = stand_in::receiver(SECRET).await;
    let out = push(&["--url", &elsewhere]).await.unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("(destination_not_fixed)"),
        "{err}"
    );
    let out = push(&["--secret-file", &secret.path().display().to_string()])
        .await
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(theirs.lock().unwrap().records.len(), 0);
    assert_eq!(receiver.lock().unwrap().records.len(), 0);

    let out = push(&["--batch", "10"]).await.unwrap();
    stand_in::assert_ran(&out, "sent 20, failed 0, skipped 0");
    assert_eq!(receiver.lock().unwrap().records.len(), 20);
    // Locked when it ended.
    let out = push(&[]).await.unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("(locked)"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_collector_started_with_no_destination_pushes_nowhere() {
    let org = KeyFile::new("correct horse battery staple");
    let c = Collector::start_unlocked(&org);
    let s = stand_in::start(1000, false).await;
    let request = placard_collector::admin::Request::PushActionNetwork {
        base_url: Some(s.base.clone()),
        rate: 200,
        petitions: Default::default(),
        retry_failed: false,
    };
    let answer = placard_collector::admin::request(&c.admin_socket, &request)
        .await
        .unwrap();
    assert_eq!(answer.code.as_deref(), Some("no_destination"), "{answer:?}");
    let request = placard_collector::admin::Request::PushWebhook {
        url: None,
        batch: 10,
    };
    let answer = placard_collector::admin::request(&c.admin_socket, &request)
        .await
        .unwrap();
    assert_eq!(answer.code.as_deref(), Some("no_destination"), "{answer:?}");
    assert!(answer.unlocked, "a refused push does not lock");
}

/// The collector's ledger for a push: a record begun and never settled is "in doubt" (a run
/// was cut while it was on the wire), so the next run asks Action Network before posting it.
async fn a_record_begun_and_never_settled_is_in_doubt(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let store = placard_collector::store::Store::open(&c.db).await.unwrap();
    let (a, b) = (
        "0190aaaa-0000-7000-8000-000000000001",
        "0190aaaa-0000-7000-8000-000000000002",
    );
    store.begin_delivery("action_network", a).await.unwrap();
    store.begin_delivery("action_network", b).await.unwrap();
    store.begin_delivery("action_network", a).await.unwrap();
    store.begin_delivery("webhook", a).await.unwrap();
    store
        .settle("action_network", a, true, "sig-1")
        .await
        .unwrap();
    assert_eq!(
        store.deliveries_in_doubt("action_network").await.unwrap(),
        vec![b.to_owned()]
    );
    assert_eq!(
        store.deliveries_in_doubt("webhook").await.unwrap(),
        vec![a.to_owned()],
        "per destination"
    );
    store
        .settle("action_network", b, false, "refused")
        .await
        .unwrap();
    assert!(
        store
            .deliveries_in_doubt("action_network")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_begun_and_never_settled_is_in_doubt_sqlite() {
    a_record_begun_and_never_settled_is_in_doubt(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_begun_and_never_settled_is_in_doubt_postgres() {
    a_record_begun_and_never_settled_is_in_doubt(Backend::Postgres).await;
}
