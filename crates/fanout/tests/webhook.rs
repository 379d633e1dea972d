//! The signed webhook against a receiver (`stand_in::receiver`) that checks the HMAC with the
//! library's `verify`, as an organisation's endpoint would, and de-duplicates by batch id.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use placard_fanout::run::{WEBHOOK, push_webhook};
use placard_fanout::stand_in;
use placard_fanout::webhook::Webhook;
use placard_vault::{OrganiserKey, Record, SignRules, SignerInput, Vault};

const SECRET: &str = "shared webhook secret, long enough";

fn kiosk(n: usize) -> (tempfile::TempDir, Vault, Vec<Record>) {
    let dir = tempfile::tempdir().unwrap();
    let key = OrganiserKey::generate();
    let mut vault = Vault::init(dir.path(), &key.recipient()).unwrap();
    let rules = SignRules::basic("p", "NL");
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    let records = vault
        .open_records(&key)
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    (dir, vault, records)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batches_arrive_signed_once_and_a_retry_is_recognised() {
    let (url, state) = stand_in::receiver(SECRET).await;
    state.lock().unwrap().fail_first = 2;
    let mut hook = Webhook::new(&url, SECRET).unwrap();
    hook.min_wait = Duration::from_millis(10);
    let (_dir, mut vault, records) = kiosk(45);
    let summary = push_webhook(&hook, &records, 20, &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!((summary.sent, summary.failed, summary.deferred), (45, 0, 0));
    {
        let r = state.lock().unwrap();
        assert_eq!(r.batches.len(), 3, "45 records in batches of 20");
        assert_eq!(r.records.len(), 45);
        assert_eq!(r.refused_signatures, 0);
        let one = r.records.values().next().unwrap();
        assert_eq!(one["country"], "NL");
        assert!(one["email"].as_str().unwrap().ends_with("@example.org"));
        // The consent receipt goes with the signer: the updates box as it was, and when.
        assert_eq!(one["consent"]["updates_box"], false);
        assert_eq!(one["consent"]["at"], one["captured_at"]);
    }
    // Settled: a second run sends nothing.
    let again = push_webhook(&hook, &records, 20, &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!((again.sent, again.skipped), (0, 45));
    assert_eq!(vault.settled_deliveries(WEBHOOK).unwrap().len(), 45);

    // The same batch delivered again (as after a lost answer) carries the same id, and the
    // receiver drops it.
    assert_eq!(
        hook.deliver(&records[..20]).await,
        placard_fanout::webhook::Delivered::Accepted
    );
    let r = state.lock().unwrap();
    assert_eq!(r.batches.values().filter(|n| **n == 2).count(), 1);
    assert_eq!(r.records.len(), 45);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_secret_stops_the_run_and_settles_nothing() {
    let (url, state) = stand_in::receiver(SECRET).await;
    let hook = Webhook::new(&url, "not the receiver's secret!").unwrap();
    let (_dir, mut vault, records) = kiosk(3);
    let err = push_webhook(&hook, &records, 20, &mut vault, |_, _| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("401"), "{err}");
    assert_eq!(state.lock().unwrap().refused_signatures, 1);
    assert!(state.lock().unwrap().records.is_empty());
    assert!(
        vault.settled_deliveries(WEBHOOK).unwrap().is_empty(),
        "they go once it is fixed"
    );
}

/// A body changed on its way (a relay that rewrites one signer's address, signature headers
/// untouched): the receiver refuses it and stores nothing, and the run stops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_tampered_with_on_the_way_is_refused() {
    let (receiver_url, state) = stand_in::receiver(SECRET).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let relay_url = format!("http://{}/hook", listener.local_addr().unwrap());
    let relay = axum::Router::new().route(
        "/hook",
        axum::routing::post(
            move |headers: axum::http::HeaderMap, body: String| async move {
                let tampered = body.replace("ada1@example.org", "eve1@example.org");
                assert_ne!(tampered, body, "the relay changed something");
                let mut forward = reqwest::Client::new().post(&receiver_url).body(tampered);
                for name in ["placard-signature", "idempotency-key", "content-type"] {
                    if let Some(v) = headers.get(name) {
                        forward = forward.header(name, v.to_str().unwrap());
                    }
                }
                let status = forward.send().await.unwrap().status().as_u16();
                axum::http::StatusCode::from_u16(status).unwrap()
            },
        ),
    );
    tokio::spawn(async move { axum::serve(listener, relay).await.unwrap() });

    let hook = Webhook::new(&relay_url, SECRET).unwrap();
    let (_dir, mut vault, records) = kiosk(3);
    let err = push_webhook(&hook, &records, 20, &mut vault, |_, _| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("401"), "{err}");
    let r = state.lock().unwrap();
    assert_eq!(r.refused_signatures, 1);
    assert!(r.records.is_empty() && r.batches.is_empty());
    assert!(vault.settled_deliveries(WEBHOOK).unwrap().is_empty());
}
