//! A set-up kiosk enrolling with the collector and syncing to it while it goes on signing.
//! The collector is the real service (its crate's router on SQLite), in this process.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use std::sync::Arc;

use placard_collector::pairing::{DEFAULT_VALID, new_code};
use placard_collector::server::{Options, router_with};
use placard_collector::store::Store;
use placard_kiosk_core::uplink::{collector_url, enroll};
use placard_kiosk_core::{Kiosk, KioskError};
use placard_petition::{Pack, Petition, Renderer};
use placard_sync::answer::CollectorKey;
use placard_vault::SignerInput;

const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

fn petition(dir: &std::path::Path) -> Petition {
    std::fs::write(dir.join("p.md"), "---\ntitle: T\ntarget_country: US\n---\n").unwrap();
    let pack = Pack::load(dir, &Renderer::default()).unwrap();
    pack.get("p").unwrap().original.petition.clone()
}

fn signer(i: usize) -> SignerInput {
    let mut s = SignerInput::default();
    s.given_name = "Ada".into();
    s.email = format!("ada{i}@example.org");
    s
}

async fn collector() -> (tempfile::TempDir, Store, Arc<CollectorKey>, url::Url) {
    let db = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", db.path().join("c.db").display()))
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = collector_url(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    let options = Options::default();
    let key = options.key.clone();
    let app = router_with(store.clone(), options);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (db, store, key, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_enrolled_kiosk_syncs_what_it_signs_and_remembers_its_collector() {
    let (_db, store, key, url) = collector().await;
    let data = tempfile::tempdir().unwrap();
    let pack = tempfile::tempdir().unwrap();
    let p = petition(pack.path());
    let mut kiosk = Kiosk::open(data.path()).unwrap();
    assert!(matches!(kiosk.enrolment(), Err(KioskError::NotSetUp)));
    kiosk.setup(RECIPIENT, "246813").unwrap();
    for i in 0..5 {
        kiosk.sign(&p, signer(i)).unwrap();
    }
    // Not enrolled: no loop, records wait.
    assert!(kiosk.sync_loop(std::future::pending()).unwrap().is_none());

    // A wrong code, a collector that is not there: clear refusals, nothing remembered.
    let me = kiosk.enrolment().unwrap();
    let err = enroll(&url, "nope", &me).await.unwrap_err();
    assert_eq!(err.code(), "enrol_refused", "{err}");
    let nowhere = collector_url("http://127.0.0.1:9").unwrap();
    let code = new_code(&store, &key, "kiosk 1", DEFAULT_VALID)
        .await
        .unwrap()
        .to_string();
    let err = enroll(&nowhere, &code, &me).await.unwrap_err();
    assert_eq!(err.code(), "collector_unreachable", "{err}");
    assert_eq!(kiosk.collector(), None);

    let pinned = enroll(&url, &code, &me).await.unwrap();
    kiosk.set_collector(Some((&url, &pinned))).unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let running = kiosk
        .sync_loop(async {
            let _ = stop_rx.await;
        })
        .unwrap()
        .unwrap();
    let (task, sync) = (tokio::spawn(running.task), running.controls);
    // Signing goes on while the loop runs; "Sync now" sends the newcomers without waiting
    // for the idle poll.
    let mut state = sync.state();
    tokio::time::timeout(Duration::from_secs(30), async {
        while state.borrow().sent < 5 {
            state.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    for i in 5..8 {
        kiosk.sign(&p, signer(i)).unwrap();
    }
    sync.wake();
    tokio::time::timeout(Duration::from_secs(30), async {
        while state.borrow().sent < 8 || state.borrow().pending > 0 {
            state.changed().await.unwrap();
        }
    })
    .await
    .expect("the new signatures were sent after Sync now");
    assert_eq!(store.stats().await.unwrap().records, 8);
    assert!(state.borrow().last_success.is_some());
    stop_tx.send(()).unwrap();
    task.await.unwrap().unwrap();

    // The collector is remembered across a restart; the panel's counts agree.
    drop(kiosk);
    let mut again = Kiosk::open(data.path()).unwrap();
    assert_eq!(again.collector(), Some((url, pinned)));
    again
        .operator_unlock(
            "246813",
            std::time::Instant::now(),
            std::time::SystemTime::now(),
        )
        .unwrap();
    let stats = again.stats(std::time::Instant::now()).unwrap();
    assert_eq!((stats.pending, stats.sent), (0, 8));

    // The collector holds them: a day later (the operator's default retention), they leave the
    // kiosk; what the counter and the panel show does not change.
    let now = std::time::Instant::now();
    assert_eq!(
        again.purge_due(now, chrono::Utc::now()).unwrap(),
        0,
        "not yet"
    );
    let tomorrow = chrono::Utc::now() + chrono::Duration::hours(24) + chrono::Duration::seconds(5);
    let later = now + placard_kiosk_core::PURGE_EVERY;
    assert_eq!(again.purge_due(later, tomorrow).unwrap(), 8);
    let after = again.stats(later).unwrap();
    assert_eq!((after.total, after.pending, after.sent), (8, 0, 8));
    assert_eq!(after.by_hour, stats.by_hour);
    let vault = placard_vault::Vault::open(&data.path().join("vault")).unwrap();
    assert!(
        vault.sealed_rows().unwrap().is_empty(),
        "no sealed signature left"
    );
}
