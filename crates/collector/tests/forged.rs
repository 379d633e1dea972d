//! The attack: whoever sits between a kiosk and its collector — the rally's Wi-Fi, a rogue
//! access point, a hijacked name — answers in the collector's place. Before collectors signed
//! their answers, a made-up acknowledgement marked every record sent while the collector never
//! saw one of them, and a swapped pack changed what signers read. Here a proxy between the
//! real engine and the real collector forges, re-signs and replays acknowledgements and
//! tampers with a pack: the kiosk marks sent only what the collector holds, and takes no pack.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use common::Collector;
use placard_sync::answer::{self, CollectorKey, Kind};
use placard_sync::engine::{self, Config};
use placard_sync::http::HttpTransport;
use placard_sync::wire::{Ack, Batch};

/// How the proxy answers batches.
#[derive(Clone, Copy, Debug)]
enum Forge {
    /// Not forwarded; an acknowledgement of every record, unsigned.
    Unsigned,
    /// Not forwarded; an acknowledgement of every record, signed with the proxy's own key.
    OtherKey,
    /// The first batch forwarded; every later one answered with the first's genuine,
    /// signed acknowledgement.
    Replay,
}

struct Proxy {
    upstream: url::Url,
    forge: Forge,
    own_key: CollectorKey,
    /// The first genuine acknowledgement and its signature.
    recorded: Mutex<Option<(Bytes, String)>>,
}

/// Forwards `method uri` with `headers` and `body` to the real collector.
async fn forward(
    p: &Proxy,
    method: Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
) -> Response {
    let url = p.upstream.join(uri.path().trim_start_matches('/')).unwrap();
    let mut request = reqwest::Client::new().request(method, url).body(body);
    for (name, value) in headers {
        if name != "host" && name != "content-length" {
            request = request.header(name, value);
        }
    }
    let r = request.send().await.unwrap();
    let status = r.status();
    let mut out = HeaderMap::new();
    for (name, value) in r.headers() {
        if name != "content-length" && name != "transfer-encoding" {
            out.insert(name, value.clone());
        }
    }
    let body = r.bytes().await.unwrap();
    (status, out, body).into_response()
}

async fn handle(
    p: Arc<Proxy>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if uri.path() == "/v1/batches" {
        let batch = Batch::from_body(&body).unwrap();
        let everything = Ack {
            batch_id: batch.batch_id,
            device_id: batch.device_id,
            stored: batch.records.iter().map(|r| r.id).collect(),
            time: 0,
        };
        let forged = serde_json::to_vec(&everything).unwrap();
        return match p.forge {
            Forge::Unsigned => (StatusCode::OK, forged).into_response(),
            Forge::OtherKey => {
                let sig = p.own_key.sign(Kind::Ack, &forged);
                (StatusCode::OK, [(answer::HEADER, sig)], forged).into_response()
            }
            Forge::Replay => {
                let recorded = p.recorded.lock().unwrap().clone();
                match recorded {
                    Some((bytes, sig)) => {
                        (StatusCode::OK, [(answer::HEADER, sig)], bytes).into_response()
                    }
                    None => {
                        let genuine = forward(&p, method, &uri, &headers, body).await;
                        let (parts, body) = genuine.into_parts();
                        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
                        let sig = parts.headers[answer::HEADER].to_str().unwrap().to_owned();
                        *p.recorded.lock().unwrap() = Some((bytes.clone(), sig));
                        (parts.status, parts.headers, bytes).into_response()
                    }
                }
            }
        };
    }
    let answer = forward(&p, method, &uri, &headers, body).await;
    if !uri.path().starts_with("/v1/packs/") {
        return answer;
    }
    // A pack changed on the way, its Content-Digest made to match the new bytes.
    let (mut parts, body) = answer.into_parts();
    let mut tar = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap()
        .to_vec();
    let at = tar.len() / 3;
    tar[at] ^= 0x20;
    parts.headers.insert(
        "content-digest",
        HeaderValue::from_str(&placard_sync::digest::content_digest(&tar)).unwrap(),
    );
    (parts.status, parts.headers, tar).into_response()
}

/// A proxy in front of `upstream`, forging as `forge`; its base URL.
async fn proxy(upstream: url::Url, forge: Forge) -> url::Url {
    let p = Arc::new(Proxy {
        upstream,
        forge,
        own_key: CollectorKey::ephemeral(),
        recorded: Mutex::new(None),
    });
    let app = axum::Router::new().fallback(
        move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            handle(p.clone(), method, uri, headers, body)
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/").parse().unwrap()
}

/// Syncs a kiosk of 30 records through a proxy that forges as `forge`, for a while; returns
/// (records the kiosk marked sent, records the collector holds, the kiosk's last error).
async fn through(forge: Forge) -> (u64, u64, Option<String>) {
    let c = Collector::start();
    let (_dir, vault) = common::kiosk(30, "p");
    common::enroll_vault(&c, &vault, "kiosk 1").await;
    let via = proxy(c.url.clone(), forge).await;
    let transport =
        HttpTransport::new(via, common::signer(&vault), common::pinned(&vault)).unwrap();
    let dir = vault.dir().to_owned();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        max_records: 10,
        min_wait: Duration::from_millis(20),
        max_wait: Duration::from_millis(100),
        ..Config::default()
    };
    let (task, sync) = engine::spawnable(vault, transport, config, async {
        let _ = stop_rx.await;
    })
    .unwrap();
    let task = tokio::spawn(task);
    let mut state = sync.state();
    // Long enough for several rounds of every batch (the waits are at most 100 ms).
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            state.changed().await.unwrap();
        }
    })
    .await;
    let last_error = state.borrow().last_error.clone();
    stop_tx.send(()).unwrap();
    task.await.unwrap().unwrap();
    let sent = placard_vault::Vault::open(&dir)
        .unwrap()
        .stats()
        .unwrap()
        .sent;
    let held = c.stats()["records"].as_u64().unwrap();
    (sent, held, last_error)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_acknowledgements_mark_nothing_sent() {
    for forge in [Forge::Unsigned, Forge::OtherKey] {
        let (sent, held, last_error) = through(forge).await;
        assert_eq!((sent, held), (0, 0), "{forge:?}");
        let said = last_error.unwrap_or_default();
        assert!(
            said.contains("not signed by the collector this kiosk enrolled with")
                || said.contains("is not signed"),
            "{forge:?}: {said}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_acknowledgement_marks_only_what_it_was_for() {
    let (sent, held, last_error) = through(Forge::Replay).await;
    // The first batch really arrived and its acknowledgement counts; the same answer played
    // back for the other batches marks none of them.
    assert_eq!((sent, held), (10, 10));
    assert!(
        last_error
            .unwrap_or_default()
            .contains("acknowledged batch"),
        "the replay is told as what it is"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pack_changed_on_the_way_is_not_taken() {
    let shelf = tempfile::tempdir().unwrap();
    placard_petition::demo::extract(&shelf.path().join("rally")).unwrap();
    let c = Collector::start_with(
        common::Backend::Sqlite,
        &["--packs", shelf.path().to_str().unwrap()],
    )
    .unwrap();
    let (_dir, vault) = common::kiosk(0, "p");
    common::enroll_vault(&c, &vault, "kiosk 1").await;
    let pinned = common::pinned(&vault);
    // Straight from the collector: listed and taken.
    let listed = placard_sync::http::list_packs(&c.url, &pinned)
        .await
        .unwrap();
    assert_eq!(listed[0].name, "rally");
    placard_sync::http::fetch_pack(&c.url, "rally", &pinned)
        .await
        .unwrap();
    // Through the proxy: the list is passed on unchanged (and verifies); the changed pack,
    // whose digest matches its new bytes, does not.
    let via = proxy(c.url.clone(), Forge::Unsigned).await;
    assert_eq!(
        placard_sync::http::list_packs(&via, &pinned).await.unwrap(),
        listed
    );
    let e = placard_sync::http::fetch_pack(&via, "rally", &pinned)
        .await
        .unwrap_err();
    assert!(matches!(e, engine::TransportError::Forged(_)), "{e}");
    // Nor does the real one, signed by another collector than the pinned one.
    let other = CollectorKey::ephemeral().public();
    assert!(
        placard_sync::http::fetch_pack(&c.url, "rally", &other)
            .await
            .is_err()
    );
}

/// A kiosk whose clock is an hour behind: the collector's signed answers carry its time, the
/// kiosk signs its requests at that time (so the collector's five-minute window lets them in)
/// and its state says how far off it is. The collector here is a stand-in an hour ahead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kiosk_whose_clock_is_off_signs_at_the_collector_s_time() {
    const SKEW: i64 = 3600;
    let key = Arc::new(CollectorKey::ephemeral());
    let created = Arc::new(Mutex::new(Vec::<i64>::new()));
    let app = {
        let (key, created) = (key.clone(), created.clone());
        axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
            let (key, created) = (key.clone(), created.clone());
            async move {
                let time = chrono::Utc::now().timestamp() + SKEW;
                if uri.path() == "/v1/health" {
                    let body = serde_json::json!({"status": "ok", "time": time}).to_string();
                    let sig = key.sign(Kind::Health, body.as_bytes());
                    return ([(answer::HEADER, sig)], body).into_response();
                }
                let input = headers["signature-input"].to_str().unwrap();
                let at = input.find("created=").unwrap() + "created=".len();
                let digits: String = input[at..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                created.lock().unwrap().push(digits.parse().unwrap());
                let batch = Batch::from_body(&body).unwrap();
                let ack = serde_json::to_vec(&Ack {
                    batch_id: batch.batch_id,
                    device_id: batch.device_id,
                    stored: batch.records.iter().map(|r| r.id).collect(),
                    time,
                })
                .unwrap();
                let sig = key.sign(Kind::Ack, &ack);
                ([(answer::HEADER, sig)], ack).into_response()
            }
        })
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url: url::Url = format!("http://{}/", listener.local_addr().unwrap())
        .parse()
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let (_dir, vault) = common::kiosk(3, "p");
    let transport = HttpTransport::new(url, common::signer(&vault), key.public()).unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let (task, sync) = engine::spawnable(vault, transport, Config::default(), async {
        let _ = stop_rx.await;
    })
    .unwrap();
    let task = tokio::spawn(task);
    let mut state = sync.state();
    tokio::time::timeout(Duration::from_secs(30), async {
        while state.borrow().sent < 3 {
            state.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    let offset = state.borrow().clock_offset.unwrap();
    assert!((offset - SKEW).abs() <= 5, "{offset}");
    stop_tx.send(()).unwrap();
    task.await.unwrap().unwrap();
    let now = chrono::Utc::now().timestamp();
    let created = created.lock().unwrap().clone();
    assert!(!created.is_empty());
    for c in created {
        assert!((c - (now + SKEW)).abs() <= 60, "signed at {c}, now {now}");
    }
}
