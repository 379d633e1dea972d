//! Whoever answers in the collector's place (a rogue access point at the rally, a hijacked
//! name) may answer without end. The kiosk reads at most a cap of each kind of answer and then
//! gives up, so its memory stays bounded whatever is sent. The servers here are raw TCP on
//! loopback, sending a body with no end (chunked) or announcing a huge one.
#![allow(clippy::unwrap_used)] // a test helper that fails should panic

use std::time::{Duration, Instant};

use placard_sync::engine::{Transport as _, TransportError};
use placard_sync::http::{self, HttpTransport, caps};
use placard_sync::signing::RequestSigner;
use placard_sync::wire::{Batch, SealedRecord};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// How the hostile server answers every request.
#[derive(Clone, Copy)]
enum Answer {
    /// `200`, chunked, 64 KiB chunks of JSON-ish whitespace for as long as the client reads.
    Endless,
    /// `200` announcing a 10 GiB body (and sending a little of it).
    Huge,
}

/// Serves `answer` on a loopback port; returns its base URL.
async fn hostile(answer: Answer) -> url::Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                // The request's head (and perhaps some of its body): not looked at.
                let mut buf = vec![0u8; 64 << 10];
                let _ = stream.read(&mut buf).await;
                let head = match answer {
                    Answer::Endless => "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_owned(),
                    Answer::Huge => format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                        10u64 << 30
                    ),
                };
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 << 10];
                let framed = [
                    format!("{:x}\r\n", chunk.len()).into_bytes(),
                    chunk.clone(),
                    b"\r\n".to_vec(),
                ]
                .concat();
                loop {
                    let sent = match answer {
                        Answer::Endless => stream.write_all(&framed).await,
                        Answer::Huge => stream.write_all(&chunk).await,
                    };
                    if sent.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{addr}/").parse().unwrap()
}

/// A pinned collector key: these answers are refused for their size before any signature
/// would be looked at.
const ANY_KEY: [u8; 32] = [7; 32];

/// This process's resident memory, in bytes (Linux).
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kb * 1024
}

fn transport(base: url::Url) -> HttpTransport {
    let rng = ring::rand::SystemRandom::new();
    let der = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
    let device = uuid::Uuid::now_v7();
    let signer = RequestSigner::from_pkcs8(der.as_ref(), device.to_string()).unwrap();
    HttpTransport::new(base, signer, ANY_KEY).unwrap()
}

fn batch() -> Batch {
    Batch {
        batch_id: uuid::Uuid::now_v7(),
        device_id: uuid::Uuid::now_v7(),
        records: vec![SealedRecord {
            id: uuid::Uuid::now_v7(),
            petition_id: "p".into(),
            captured_at: "2026-11-29T20:00:00Z".into(),
            sealed: vec![1; 300],
            provenance: None,
        }],
        recipient: None,
    }
}

fn too_long(e: &TransportError, cap: usize) -> bool {
    matches!(e, TransportError::Refused { reason, .. }
        if reason.contains(&format!("longer than the {cap} bytes")))
}

/// One test, so no other test's allocations count in the memory measured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endless_and_huge_answers_are_cut_off_at_their_caps_and_memory_stays_bounded() {
    let mib = |b: u64| b as f64 / f64::from(1 << 20);
    let started = Instant::now();

    // Announced as 10 GiB: refused on the announcement, nothing read.
    let huge = hostile(Answer::Huge).await;
    let warm = transport(huge.clone()).upload(&batch()).await.unwrap_err();
    assert!(too_long(&warm, caps::ACK), "{warm}");
    let before = rss();
    let e = transport(huge.clone()).upload(&batch()).await.unwrap_err();
    assert!(too_long(&e, caps::ACK), "{e}");
    let e = http::fetch_pack(&huge, "demo", &ANY_KEY).await.unwrap_err();
    assert!(too_long(&e, caps::PACK), "{e}");
    let grown = rss().saturating_sub(before);
    println!("announced 10 GiB: RSS grew {:.2} MiB", mib(grown));
    assert!(grown < 4 << 20, "grew {grown} bytes");

    // No end at all: an acknowledgement and a pack list are read up to their caps.
    let endless = hostile(Answer::Endless).await;
    let before = rss();
    let e = transport(endless.clone())
        .upload(&batch())
        .await
        .unwrap_err();
    assert!(too_long(&e, caps::ACK), "{e}");
    let e = http::list_packs(&endless, &ANY_KEY).await.unwrap_err();
    assert!(too_long(&e, caps::LISTING), "{e}");
    let grown = rss().saturating_sub(before);
    println!(
        "endless acknowledgement (cap {} KiB) and pack list (cap {} KiB): RSS grew {:.2} MiB",
        caps::ACK >> 10,
        caps::LISTING >> 10,
        mib(grown)
    );
    assert!(grown < 4 * caps::ACK as u64, "grew {grown} bytes");

    // A pack with no end: read up to the pack cap, then refused.
    let before = rss();
    let e = http::fetch_pack(&endless, "demo", &ANY_KEY)
        .await
        .unwrap_err();
    assert!(too_long(&e, caps::PACK), "{e}");
    let grown = rss().saturating_sub(before);
    println!(
        "endless pack (cap {} MiB): RSS grew {:.1} MiB",
        caps::PACK >> 20,
        mib(grown)
    );
    assert!(grown < 2 * caps::PACK as u64, "grew {grown} bytes");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "cut off at the caps, not by a timeout"
    );
}
