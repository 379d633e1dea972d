//! An on-site collector relayed later: two collectors (on-site on SQLite, main on
//! PostgreSQL), three kiosks on the on-site one, and `placard-collector relay` forwarding to
//! the main one through the seeded faulty proxy. The main collector must hold every record
//! exactly once, each with its kiosk's valid signature and under its kiosk's key; a second run
//! sends nothing. The attacks: a kiosk that is not a relay forwarding records, and a relay
//! naming a kiosk the main collector knows under another key — both refused.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::fault_proxy::proxy;
use common::{
    BIN, Backend, Collector, KeyFile, enroll_vault, host_port, kiosk_prefilled_sealing_to, sync_all,
};
use placard_sync::engine::TransportError;
use placard_sync::signing::public_key_of_pkcs8;
use placard_sync::wire::{Batch, RelayBatch, SealedRecord};

const PETITION: &str = "encryption-is-not-a-crime";
const PER_KIOSK: u64 = 150;

fn relay(onsite: &Collector, to: &str, more: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args([
            "relay", "--db", &onsite.db, "--to", to, "--once", "--batch", "40",
        ])
        .args(more)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_onsite_collector_relays_every_record_once_with_its_kiosks_signatures() {
    let org = KeyFile::new("organiser passphrase");
    let Some(main) = Collector::start_with(Backend::Postgres, &["--recipient", &org.recipient])
    else {
        return;
    };
    let onsite = Collector::start_with(
        Backend::Sqlite,
        &["--recipient", &org.recipient, "--console", "127.0.0.1:0"],
    )
    .unwrap();

    // Three kiosks at the event, synced to the on-site collector.
    let mut kiosks = Vec::new();
    for i in 0..3 {
        let (dir, vault) = kiosk_prefilled_sealing_to(&org.recipient, PER_KIOSK, PETITION);
        enroll_vault(&onsite, &vault, &format!("table {i}")).await;
        let id = vault.device_id().to_string();
        let key = public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
        assert_eq!(sync_all(&onsite.url, vault, 100).await, PER_KIOSK);
        kiosks.push((dir, id, key));
    }

    // Paired before the event (a relay code from the main collector), relayed after it,
    // through a bad network.
    let code = main.code("on-site laptop", &["--relay"]);
    let out = Command::new(BIN)
        .args([
            "relay",
            "--db",
            &onsite.db,
            "--to",
            main.url.as_str(),
            "--pair-only",
        ])
        .args(["--code", &code, "--recipient", &org.recipient])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (proxied, faults) = proxy(host_port(&main.url), 17).await;
    let to = format!("http://{proxied}/");
    let out = relay(&onsite, &to, &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains(&format!("relayed {}, left 0", 3 * PER_KIOSK)),
        "{said}"
    );
    let made = faults.lock().unwrap().clone();
    assert!(
        made.iter()
            .filter(|f| **f != common::fault_proxy::Fault::Pass)
            .count()
            >= 3,
        "the network was not bad enough to prove anything: {made:?}"
    );

    // The main collector: every record once, under its own kiosk, each signed by it.
    let stats = main.stats();
    assert_eq!(stats["records"], 3 * PER_KIOSK, "{stats}");
    let store = placard_collector::store::Store::open(&main.db)
        .await
        .unwrap();
    for (_, id, key) in &kiosks {
        let held = stats["by_device"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d[0] == id.as_str())
            .map(|d| d[1].as_u64().unwrap());
        assert_eq!(held, Some(PER_KIOSK), "{stats}");
        let known = store.device_key(id).await.unwrap().unwrap();
        assert_eq!(
            &known.public_key, key,
            "the kiosk's own key, as the on-site one had it"
        );
    }
    let rows = store.unrelayed(10_000).await.unwrap();
    assert_eq!(rows.len() as u64, 3 * PER_KIOSK);
    for (_, id, key) in &kiosks {
        let records: Vec<SealedRecord> = rows
            .iter()
            .filter(|r| &r.device_id == id)
            .map(|r| SealedRecord {
                id: r.id.parse().unwrap(),
                petition_id: r.petition_id.clone(),
                captured_at: r.captured_at.clone(),
                sealed: r.sealed.clone(),
                provenance: r.provenance.clone(),
            })
            .collect();
        let batch = Batch {
            batch_id: uuid::Uuid::now_v7(),
            device_id: id.parse().unwrap(),
            records,
            recipient: None,
        };
        assert_eq!(
            batch.first_unsigned(key),
            None,
            "every record signed by its kiosk"
        );
    }

    assert_eq!(console_relay_waiting(&onsite).await, serde_json::json!(0));
    // Again: nothing waits, nothing is sent.
    let out = relay(&onsite, &to, &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("relayed 0, left 0"),
        "{said}"
    );
    assert_eq!(main.stats()["records"], 3 * PER_KIOSK);

    // The attacks. A kiosk enrolled on the main collector is not a relay.
    let (_d, direct) = kiosk_prefilled_sealing_to(&org.recipient, 1, PETITION);
    enroll_vault(&main, &direct, "direct").await;
    let as_kiosk = placard_sync::http::HttpTransport::new(
        main.url.clone(),
        common::signer(&direct),
        common::pinned(&direct),
    )
    .unwrap();
    let (_e, other) = kiosk_prefilled_sealing_to(&org.recipient, 1, PETITION);
    let other_key = public_key_of_pkcs8(&other.device_key_pkcs8().unwrap()).unwrap();
    let forged = |device: uuid::Uuid| RelayBatch {
        kiosk_name: "someone".into(),
        kiosk_key: other_key.clone(),
        batch: Batch {
            batch_id: uuid::Uuid::now_v7(),
            device_id: device,
            records: Vec::new(),
            recipient: Some(placard_sync::wire::recipient_fingerprint(&org.recipient)),
        },
    };
    match as_kiosk.relay(&forged(other.device_id())).await {
        Err(TransportError::Refused { status: 403, .. }) => {}
        other => panic!("a kiosk relayed: {other:?}"),
    }
    // The relay itself names a kiosk the main collector knows with another key: refused, and
    // the kiosk's key there is unchanged.
    let onsite_store = placard_collector::store::Store::open(&onsite.db)
        .await
        .unwrap();
    let relay_key = onsite_store.meta("relay_key").await.unwrap().unwrap();
    let relay_id =
        String::from_utf8(onsite_store.meta("relay_id").await.unwrap().unwrap()).unwrap();
    let pinned = placard_sync::answer::decode_key(
        &String::from_utf8(onsite_store.meta("relay_pinned").await.unwrap().unwrap()).unwrap(),
    )
    .unwrap();
    let as_relay = placard_sync::http::HttpTransport::new(
        main.url.clone(),
        placard_sync::signing::RequestSigner::from_pkcs8(&relay_key, relay_id).unwrap(),
        pinned,
    )
    .unwrap();
    let (_, first_id, first_key) = &kiosks[0];
    match as_relay.relay(&forged(first_id.parse().unwrap())).await {
        Err(TransportError::Refused { status: 409, .. }) => {}
        other => panic!("a kiosk's key was replaced: {other:?}"),
    }
    assert_eq!(
        &store
            .device_key(first_id)
            .await
            .unwrap()
            .unwrap()
            .public_key,
        first_key
    );
}

/// What the on-site collector's console overview says waits to be relayed.
async fn console_relay_waiting(c: &Collector) -> serde_json::Value {
    let (base, cookie) = c.console_session().await;
    let body = reqwest::Client::new()
        .get(format!("{base}/api/overview"))
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let overview: serde_json::Value = serde_json::from_slice(&body).unwrap();
    overview["relay"]["waiting"].clone()
}
