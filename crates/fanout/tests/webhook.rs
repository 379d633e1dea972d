//! The signed webhook against a receiver that checks the HMAC (with the library's `verify`,
//! as an organisation's endpoint would) and de-duplicates by batch id.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use placard_fanout::run::{WEBHOOK, push_webhook};
use placard_fanout::webhook::{SIGNATURE_HEADER, Webhook, verify};
use placard_vault::{OrganiserKey, Record, SignRules, SignerInput, Vault};
use serde_json::Value;

const SECRET: &str = "shared webhook secret, long enough";

#[derive(Default)]
struct Receiver {
    /// batch id → how many times it arrived.
    batches: HashMap<String, usize>,
    /// record id → its JSON, from the first delivery of its batch.
    records: HashMap<String, Value>,
    refused_signatures: usize,
    /// Answer 503 to this many requests first.
    fail_first: usize,
}

async fn receiver() -> (String, Arc<Mutex<Receiver>>) {
    let state: Arc<Mutex<Receiver>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let s = state.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
            let s = s.clone();
            async move {
                let mut r = s.lock().unwrap();
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs();
                let header = headers
                    .get(SIGNATURE_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !verify(SECRET, header, &body, now, 300) {
                    r.refused_signatures += 1;
                    return StatusCode::UNAUTHORIZED.into_response();
                }
                if r.fail_first > 0 {
                    r.fail_first -= 1;
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
                let batch: Value = serde_json::from_slice(&body).unwrap();
                let id = batch["batch_id"].as_str().unwrap().to_owned();
                assert_eq!(
                    headers.get("idempotency-key").unwrap().to_str().unwrap(),
                    id
                );
                let seen = r.batches.entry(id).or_default();
                *seen += 1;
                if *seen == 1 {
                    for rec in batch["records"].as_array().unwrap() {
                        let rid = rec["record_id"].as_str().unwrap().to_owned();
                        assert!(
                            r.records.insert(rid, rec.clone()).is_none(),
                            "a record twice"
                        );
                    }
                }
                StatusCode::NO_CONTENT.into_response()
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, state)
}

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
    let (url, state) = receiver().await;
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
    let (url, state) = receiver().await;
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
