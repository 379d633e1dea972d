//! Bad clients cannot starve the kiosks: the collector checks who signs before it reads a
//! body, cuts off requests that take too long, handles a bounded number at once, and lets one
//! device send only so fast. Real binary on loopback; raw TCP for the bad clients.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{Backend, Collector, enroll_vault, kiosk, rss_of, signer, sync_all};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// Opens a connection and sends the head of `POST /v1/batches` announcing `length` bytes of
/// body, with `extra` headers.
async fn post_head(c: &Collector, length: u64, extra: &str) -> TcpStream {
    let mut stream = TcpStream::connect(common::host_port(&c.url)).await.unwrap();
    let head = format!(
        "POST /v1/batches HTTP/1.1\r\nhost: collector\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n{extra}\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// The status of the answer on `stream`, or `None` if none comes within `limit`.
async fn status_within(stream: &mut TcpStream, limit: Duration) -> Option<u16> {
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(limit, stream.read(&mut buf))
        .await
        .ok()?
        .ok()?;
    let text = String::from_utf8_lossy(&buf[..n]);
    text.split(' ').nth(1)?.parse().ok()
}

/// Signature headers for a batch body, claiming `vault`'s device (as anyone who saw one of its
/// requests could copy them).
fn signed_headers(vault: &placard_vault::Vault, body: &[u8]) -> String {
    let created = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    let s = signer(vault)
        .sign("POST", "/v1/batches", body, created, "slow-nonce")
        .unwrap();
    format!(
        "content-digest: {}\r\nsignature-input: {}\r\nsignature: {}\r\n",
        s.content_digest, s.signature_input, s.signature
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unsigned_or_oversized_body_is_refused_before_it_is_read_and_memory_stays_flat() {
    let c = Collector::start();
    let (_dir, vault) = kiosk(1, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    let before = rss_of(c.pid());

    // Unsigned, announcing 15 MiB (under the size limit): refused on its head, before any of
    // the body is sent. (Before, the collector read the whole body first.)
    let mut streams = Vec::new();
    for _ in 0..8 {
        let mut s = post_head(&c, 15 << 20, "").await;
        let status = status_within(&mut s, Duration::from_secs(5)).await;
        assert_eq!(status, Some(401), "refused before the body");
        streams.push(s);
    }
    // Signed as an enrolled device, but announcing more than the limit: 413, unread.
    let mut s = post_head(&c, 17 << 20, &signed_headers(&vault, b"{}")).await;
    assert_eq!(
        status_within(&mut s, Duration::from_secs(5)).await,
        Some(413)
    );
    streams.push(s);
    // Whatever they send now goes nowhere: the collector has answered and reads no more.
    let chunk = vec![b' '; 1 << 20];
    for s in &mut streams {
        for _ in 0..15 {
            if s.write_all(&chunk).await.is_err() {
                break;
            }
        }
    }
    let grown = rss_of(c.pid()).saturating_sub(before);
    println!(
        "9 refused requests announcing 137 MiB: the collector's memory grew {:.2} MiB",
        grown as f64 / f64::from(1 << 20)
    );
    assert!(grown < 8 << 20, "grew {grown} bytes");
    let metrics = c.metrics().await;
    assert_eq!(
        common::metric(
            &metrics,
            r#"placard_requests_rejected_total{reason="unsigned"}"#
        ),
        8
    );
    assert_eq!(
        common::metric(
            &metrics,
            r#"placard_requests_rejected_total{reason="too_large"}"#
        ),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_senders_are_cut_off_while_a_kiosk_syncs_in_time() {
    // Four requests at once, two seconds each at most (the defaults are 64 and a minute).
    let c = Collector::start_with(
        Backend::Sqlite,
        &["--request-timeout", "2", "--max-concurrent", "4"],
    )
    .unwrap();
    let (_dir, vault) = kiosk(300, "p");
    enroll_vault(&c, &vault, "kiosk").await;

    // Six slow senders posing as the kiosk (its device id is no secret): each takes a place,
    // announces a 64 KiB body and sends a byte every 200 ms.
    let headers = signed_headers(&vault, b"x");
    let mut slow = Vec::new();
    for _ in 0..6 {
        let mut s = post_head(&c, 64 << 10, &headers).await;
        slow.push(tokio::spawn(async move {
            let started = Instant::now();
            loop {
                if s.write_all(b" ").await.is_err() {
                    break;
                }
                let mut buf = [0u8; 256];
                if let Ok(Ok(n)) =
                    tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await
                {
                    let text = String::from_utf8_lossy(&buf[..n]).to_string();
                    return (text.split(' ').nth(1).map(str::to_owned), started.elapsed());
                }
                if started.elapsed() > Duration::from_secs(30) {
                    break;
                }
            }
            (None, started.elapsed())
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The real kiosk syncs beside them.
    let started = Instant::now();
    let sent = tokio::time::timeout(Duration::from_secs(30), sync_all(&c.url, vault, 100))
        .await
        .expect("the kiosk's records arrive while slow senders hold the collector");
    let took = started.elapsed();
    assert_eq!(sent, 300);
    assert_eq!(c.stats()["records"], 300);

    for s in slow {
        let (status, after) = s.await.unwrap();
        assert_eq!(status.as_deref(), Some("408"), "cut off by the timeout");
        assert!(after < Duration::from_secs(10), "{after:?}");
    }
    println!(
        "300 records synced in {:.1} s beside 6 slow senders, each cut off after ~2 s",
        took.as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_device_may_send_only_so_fast() {
    let c = Collector::start_with(Backend::Sqlite, &["--device-rate", "2"]).unwrap();
    let (_dir, vault) = kiosk(40, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    // Batches of 2 records: 20 batches, at most 2 a second (and a burst of 2). The engine takes
    // the 429s as "try again" and still delivers every record, once.
    let sent = sync_all(&c.url, vault, 2).await;
    assert_eq!(sent, 40);
    assert_eq!(c.stats()["records"], 40);
    let metrics = c.metrics().await;
    assert!(
        common::metric(
            &metrics,
            r#"placard_requests_rejected_total{reason="too_fast"}"#
        ) > 0,
        "{metrics}"
    );
}
