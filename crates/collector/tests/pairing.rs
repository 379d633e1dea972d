//! Pairing a kiosk with the collector by a short code (SPAKE2), against the real binary on
//! loopback. The attack it answers: the code used to travel in the clear, so whoever sat on
//! the rally's Wi-Fi read it and enrolled a device of their own, or answered the kiosk in the
//! collector's place and had it pin their key. Now the code never travels: a wrong one gets
//! nothing and burns the code after three tries, an expired one is refused, and a relay can
//! neither read nor replace the collector's key on the way.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, Method, Uri};
use axum::response::{IntoResponse, Response};
use common::{Backend, Collector};
use placard_sync::answer::{self, CollectorKey, Kind};
use placard_sync::http::{EnrolError, enroll};
use placard_sync::pairing::{Code, Device, KioskPairing, PairingError, StartAnswer};
use placard_sync::signing::public_key_of_pkcs8;
use placard_vault::Vault;

async fn pair(url: &url::Url, code: &str, vault: &Vault) -> Result<[u8; 32], EnrolError> {
    let public = public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    enroll(url, code, vault.device_id(), &public, vault.recipient()).await
}

/// The collector's own public key, read from its key file.
fn collector_public(c: &Collector) -> [u8; 32] {
    let der = std::fs::read(&c.key).unwrap();
    CollectorKey::from_pkcs8(&der).unwrap().public()
}

/// A code reads like `417-K7MQ-P2XD`; typed in lower case with spaces it pairs, once, and the
/// kiosk pins the key in the collector's key file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_typed_as_a_volunteer_types_it_pairs_once_and_pins_the_collector() {
    let c = Collector::start();
    let (_dir, vault) = common::kiosk(1, "p");
    let code = c.code("kiosk", &[]);
    let (plate, secret) = code.split_once('-').unwrap();
    assert!(
        plate.len() == 3 && plate.bytes().all(|b| b.is_ascii_digit()),
        "{code}"
    );
    assert_eq!(secret.len(), 9, "{code}");
    let typed = format!("{plate}-{}", secret.to_lowercase().replace('-', " "));
    let pinned = pair(&c.url, &typed, &vault).await.unwrap();
    assert_eq!(pinned, collector_public(&c));
    let again = pair(&c.url, &code, &vault).await.unwrap_err();
    assert!(again.to_string().contains("(bad_code)"), "{again}");
}

/// Three wrong secrets on the code's nameplate are three refusals; the right code after them
/// is burned. A new code pairs.
async fn a_wrong_code_is_refused_and_burns_the_code(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let (_dir, vault) = common::kiosk(1, "p");
    let code = c.code("kiosk", &[]);
    let nameplate = Code::parse(&code).unwrap().nameplate();
    for guess in ["AAAA-AAAA", "BBBB-BBBB", "CCCC-CCCC"] {
        let e = pair(&c.url, &format!("{nameplate}-{guess}"), &vault)
            .await
            .unwrap_err();
        assert_eq!(e, EnrolError::Pairing(PairingError::WrongCode), "{e}");
    }
    let e = pair(&c.url, &code, &vault).await.unwrap_err();
    assert!(
        e.to_string().contains("(code_burned)") && e.to_string().contains("make a new one"),
        "{e}"
    );
    let fresh = c.code("kiosk", &[]);
    pair(&c.url, &fresh, &vault).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_is_refused_and_burns_the_code_sqlite() {
    a_wrong_code_is_refused_and_burns_the_code(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_is_refused_and_burns_the_code_postgres() {
    a_wrong_code_is_refused_and_burns_the_code(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_code_is_refused() {
    let c = Collector::start();
    let (_dir, vault) = common::kiosk(1, "p");
    let code = c.code("kiosk", &["--valid-hours", "0"]);
    let e = pair(&c.url, &code, &vault).await.unwrap_err();
    assert!(e.to_string().contains("(code_expired)"), "{e}");
}

/// How the relay between kiosk and collector tries to put its own key in the collector's
/// place.
#[derive(Clone, Copy, Debug)]
enum Relay {
    /// Answers the first request itself, as a collector of its own (its key offered, the code
    /// guessed).
    Impostor,
    /// Forwards everything, but answers the last request with its own key, signed by it.
    SwapsTheKey,
    /// Forwards everything as it is (and, like the others, keeps a copy of every request).
    Listens,
}

/// Every request body a relay saw.
type Heard = Arc<std::sync::Mutex<Vec<Bytes>>>;

/// What a relay knows.
struct RelayState {
    upstream: url::Url,
    relay: Relay,
    own: CollectorKey,
    heard: Heard,
}

async fn relay_handle(
    state: Arc<RelayState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let RelayState {
        upstream,
        relay,
        own,
        heard,
    } = &*state;
    let relay = *relay;
    heard.lock().unwrap().push(body.clone());
    if matches!(relay, Relay::Impostor) && uri.path() == "/v1/pair/start" {
        let request: placard_sync::pairing::StartRequest = serde_json::from_slice(&body).unwrap();
        let guess = Code::parse(&format!("{}-AAAA-AAAA", request.nameplate)).unwrap();
        let offer = placard_sync::pairing::Offer {
            collector_key: answer::encode_key(&own.public()),
            recipient: None,
        };
        let (answer, _) =
            placard_sync::pairing::collector_answer(&guess, &request, &offer).unwrap();
        return axum::Json(answer).into_response();
    }
    let url = upstream.join(uri.path().trim_start_matches('/')).unwrap();
    let mut request = reqwest::Client::new().request(method, url).body(body);
    for (name, value) in &headers {
        if name != "host" && name != "content-length" {
            request = request.header(name, value);
        }
    }
    let r = request.send().await.unwrap();
    let status = r.status();
    let signature = r.headers().get(answer::HEADER).cloned();
    let body = r.bytes().await.unwrap();
    if matches!(relay, Relay::SwapsTheKey) && uri.path() == "/v1/pair/finish" && status.is_success()
    {
        let mut enrolled: placard_sync::pairing::Enrolled = serde_json::from_slice(&body).unwrap();
        enrolled.collector_key = answer::encode_key(&own.public());
        let body = serde_json::to_vec(&enrolled).unwrap();
        let signature = own.sign(Kind::Enrolled, &body);
        return ([(HeaderName::from_static(answer::HEADER), signature)], body).into_response();
    }
    let mut out = (status, body).into_response();
    if let Some(signature) = signature {
        out.headers_mut()
            .insert(HeaderName::from_static(answer::HEADER), signature);
    }
    out
}

async fn relay(upstream: url::Url, relay: Relay) -> (url::Url, Heard) {
    let heard = Heard::default();
    let state = Arc::new(RelayState {
        upstream,
        relay,
        own: CollectorKey::ephemeral(),
        heard: heard.clone(),
    });
    let app = axum::Router::new().fallback(
        move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            relay_handle(state.clone(), method, uri, headers, body)
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/").parse().unwrap(), heard)
}

/// A relay cannot have the kiosk pin its key: as an impostor it cannot open or make an offer
/// without the code, and swapping the key in the last answer does not verify against the key
/// the collector offered inside the exchange.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_that_swaps_the_collector_s_key_is_detected() {
    let c = Collector::start();
    let (_dir, vault) = common::kiosk(1, "p");

    let (via, _) = relay(c.url.clone(), Relay::Impostor).await;
    let e = pair(&via, &c.code("kiosk", &[]), &vault).await.unwrap_err();
    assert_eq!(e, EnrolError::Pairing(PairingError::WrongCode), "{e}");

    let (via, _) = relay(c.url.clone(), Relay::SwapsTheKey).await;
    let e = pair(&via, &c.code("kiosk", &[]), &vault).await.unwrap_err();
    assert!(
        matches!(
            e,
            EnrolError::Transport(placard_sync::engine::TransportError::Forged(_))
        ),
        "{e}"
    );
    assert_eq!(vault.collector_key().unwrap(), None, "nothing pinned");

    // Through a relay that only listens, a fresh code pairs and pins the collector's own key,
    // and what the relay heard holds nothing of the code but its nameplate (the code used to
    // travel in the body: whoever listened enrolled a device of their own with it).
    let (via, heard) = relay(c.url.clone(), Relay::Listens).await;
    let code = c.code("kiosk", &[]);
    let pinned = pair(&via, &code, &vault).await.unwrap();
    assert_eq!(pinned, collector_public(&c));
    let secret = code.split_once('-').unwrap().1;
    let heard = heard.lock().unwrap().clone();
    assert_eq!(heard.len(), 2, "two requests");
    for body in &heard {
        let text = String::from_utf8_lossy(body).to_uppercase();
        for part in [
            secret.to_owned(),
            secret.replace('-', ""),
            secret[..4].to_owned(),
        ] {
            assert!(!text.contains(&part), "the code travelled: {text}");
        }
    }
    // Replayed by the listener, the kiosk's own requests enrol nothing more: the code is used.
    let http = reqwest::Client::new();
    for (path, body) in [("v1/pair/start", &heard[0]), ("v1/pair/finish", &heard[1])] {
        let r = http
            .post(c.url.join(path).unwrap())
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{path}");
    }
}

/// A kiosk that ignores the organisation's key in the offer and sends its own anyway is
/// refused by the collector too, in words; nothing is enrolled.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_collector_refuses_a_device_sealing_to_another_key() {
    let org = placard_vault::OrganiserKey::generate().recipient();
    let c = Collector::start_with(Backend::Sqlite, &["--recipient", &org]).unwrap();
    let (_dir, stranger) = common::kiosk(1, "p");
    let code = Code::parse(&c.code("stranger", &[])).unwrap();
    let http = reqwest::Client::new();
    let (kiosk, start) = KioskPairing::start(&code);
    let post = |path: &str, body: Vec<u8>| {
        http.post(c.url.join(path).unwrap())
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let r = post("v1/pair/start", serde_json::to_vec(&start).unwrap())
        .await
        .unwrap();
    let answer: StartAnswer = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    let device = Device {
        device_id: stranger.device_id(),
        public_key: answer::encode_key(
            &public_key_of_pkcs8(&stranger.device_key_pkcs8().unwrap())
                .unwrap()
                .try_into()
                .unwrap(),
        ),
        recipient: stranger.recipient().to_owned(),
    };
    let (offer, finish) = kiosk.finish(&answer, &device).unwrap();
    assert_eq!(offer.recipient.as_deref(), Some(org.as_str()));
    let r = post("v1/pair/finish", serde_json::to_vec(&finish).unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let said = r.text().await.unwrap();
    assert!(
        said.contains("recipient_mismatch") && said.contains("not to this organisation's key"),
        "{said}"
    );
}
