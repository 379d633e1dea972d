//! A proxy that breaks the network on purpose, at random but reproducibly (seeded):
//! connections reset mid-request and mid-response, delays, 500 and 503 answers,
//! acknowledgements dropped after the collector committed, and requests replayed. Between a
//! kiosk (or a relay) and a collector, so that "exactly once" is tested against a bad network.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::rngs::SmallRng;
use rand::{Rng as _, SeedableRng as _};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Pass,
    Delay,
    ResetMidRequest,
    ResetMidResponse,
    Answer500,
    Answer503,
    DropAckAfterCommit,
    Replay,
}

fn pick(rng: &mut SmallRng) -> Fault {
    match rng.random_range(0..100) {
        0..=5 => Fault::ResetMidRequest,
        6..=11 => Fault::ResetMidResponse,
        12..=16 => Fault::Answer500,
        17..=21 => Fault::Answer503,
        22..=29 => Fault::DropAckAfterCommit,
        30..=35 => Fault::Replay,
        36..=45 => Fault::Delay,
        _ => Fault::Pass,
    }
}

/// Reads one HTTP/1.1 message (head, then a Content-Length body); `None` at end of stream.
pub async fn read_message(s: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = s.read(&mut byte).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&byte[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let n = s.read(&mut byte).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&byte[..n]);
    }
    buf.truncate(head_end + len);
    Some(buf)
}

/// Sends `request` to the collector on a fresh connection and returns its whole response.
pub async fn upstream(addr: &str, request: &[u8]) -> Option<Vec<u8>> {
    let mut up = TcpStream::connect(addr).await.ok()?;
    up.write_all(request).await.ok()?;
    read_message(&mut up).await
}

/// The faulty proxy in front of `target`; returns its address and a count of faults made.
pub async fn proxy(target: String, seed: u64) -> (String, Arc<Mutex<Vec<Fault>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let rng = Arc::new(Mutex::new(SmallRng::seed_from_u64(seed)));
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut client, _)) = listener.accept().await else {
                return;
            };
            let (rng, log, target) = (rng.clone(), log.clone(), target.clone());
            tokio::spawn(async move {
                while let Some(request) = read_message(&mut client).await {
                    let (fault, delay) = {
                        let mut r = rng.lock().unwrap();
                        (pick(&mut r), r.random_range(0..150u64))
                    };
                    log.lock().unwrap().push(fault);
                    match fault {
                        Fault::ResetMidRequest => {
                            if let Ok(mut up) = TcpStream::connect(&target).await {
                                let _ = up.write_all(&request[..request.len() / 2]).await;
                            }
                            return; // both connections dropped
                        }
                        Fault::Answer500 | Fault::Answer503 => {
                            let code = if fault == Fault::Answer500 {
                                "500 Internal Server Error"
                            } else {
                                "503 Service Unavailable"
                            };
                            let _ = client
                                .write_all(format!("HTTP/1.1 {code}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").as_bytes())
                                .await;
                            return;
                        }
                        _ => {}
                    }
                    if fault == Fault::Delay {
                        tokio::time::sleep(Duration::from_millis(delay)).await;
                    }
                    let Some(response) = upstream(&target, &request).await else {
                        return;
                    };
                    match fault {
                        Fault::DropAckAfterCommit => return,
                        Fault::ResetMidResponse => {
                            let _ = client.write_all(&response[..response.len() / 2]).await;
                            return;
                        }
                        _ => {}
                    }
                    if client.write_all(&response).await.is_err() {
                        return;
                    }
                    if fault == Fault::Replay {
                        // Someone on the path sends the same signed request again.
                        let _ = upstream(&target, &request).await;
                    }
                }
            });
        }
    });
    (addr, seen)
}
