//! 10,000 signatures from a kiosk to the real collector through a proxy that breaks the
//! network on purpose, at random but reproducibly (seeded): connections reset mid-request and
//! mid-response, delays, 500 and 503 answers, acknowledgements dropped after the collector
//! committed, and requests replayed. The collector must end with exactly 10,000 distinct
//! records, the kiosk with none pending, and nothing stored twice.
#![allow(clippy::unwrap_used)]

mod common;

use common::fault_proxy::{Fault, proxy};
use common::{Backend, Collector, enroll_vault, host_port, kiosk_prefilled, metric, sync_all};
use tokio::net::{TcpListener, TcpStream};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_signatures_through_a_faulty_network_arrive_exactly_once_sqlite() {
    through_a_faulty_network(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_signatures_through_a_faulty_network_arrive_exactly_once_postgres() {
    through_a_faulty_network(Backend::Postgres).await;
}

async fn through_a_faulty_network(backend: Backend) {
    let n: u64 = std::env::var("PLACARD_FAULT_SIGNATURES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let (dir, vault) = kiosk_prefilled(n, "encryption-is-not-a-crime");
    enroll_vault(&c, &vault, "kiosk behind a bad network").await;
    let (proxy_addr, faults) = proxy(host_port(&c.url), 20_261_122).await;
    let via = url::Url::parse(&format!("http://{proxy_addr}/")).unwrap();

    let sent = sync_all(&via, vault, 250).await;
    assert_eq!(sent, n, "the kiosk saw every record acknowledged");
    let stats = c.stats();
    assert_eq!(stats["records"], n, "{stats}");
    let vault = placard_vault::Vault::open(dir.path()).unwrap();
    assert_eq!(vault.pending().unwrap(), 0);
    assert_eq!(vault.stats().unwrap().sent, n);

    // Nothing twice: every record stored once, however often its batch came.
    let metrics = c.metrics().await;
    assert_eq!(metric(&metrics, "placard_records_stored_total"), n);
    let faults = faults.lock().unwrap().clone();
    let count = |f: Fault| faults.iter().filter(|x| **x == f).count();
    for f in [
        Fault::ResetMidRequest,
        Fault::ResetMidResponse,
        Fault::Answer500,
        Fault::Answer503,
        Fault::DropAckAfterCommit,
        Fault::Replay,
        Fault::Delay,
    ] {
        assert!(
            count(f) > 0,
            "the proxy never made a {f:?} fault: {faults:?}"
        );
    }
    // Lost acknowledgements made the kiosk resend batches the collector already had, and
    // replays were refused.
    assert!(
        metric(&metrics, "placard_batches_repeated_total") > 0,
        "{metrics}"
    );
    assert!(
        metric(
            &metrics,
            "placard_requests_rejected_total{reason=\"replayed\"}"
        ) > 0,
        "{metrics}"
    );
    println!(
        "faults: {} requests, {:?}",
        faults.len(),
        [
            ("reset mid-request", count(Fault::ResetMidRequest)),
            ("reset mid-response", count(Fault::ResetMidResponse)),
            ("500", count(Fault::Answer500)),
            ("503", count(Fault::Answer503)),
            ("ack dropped", count(Fault::DropAckAfterCommit)),
            ("replayed", count(Fault::Replay)),
            ("delayed", count(Fault::Delay)),
        ]
    );
}

/// A load balancer in front of `targets`: each connection goes to the next one in turn.
async fn round_robin(targets: Vec<String>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move {
        for turn in 0.. {
            let Ok((mut client, _)) = listener.accept().await else {
                return;
            };
            let target = targets[turn % targets.len()].clone();
            tokio::spawn(async move {
                if let Ok(mut up) = TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut up).await;
                }
            });
        }
    });
    addr
}

/// Scale out: two collector processes sharing one PostgreSQL and one key file, behind a
/// round-robin balancer, with the faulty network in front. Five kiosks sync 2,000 signatures
/// each at once; every record arrives exactly once, whichever instance took which request
/// (a batch may be stored by one and repeated to the other). Then a device revoked with one
/// instance running is refused by both at once: they keep no state but the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_kiosks_through_two_instances_and_a_faulty_network_arrive_exactly_once() {
    const KIOSKS: usize = 5;
    let n: u64 = std::env::var("PLACARD_FAULT_SIGNATURES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(2_000, |total| total / 5);
    let Some(c) = Collector::start_on(Backend::Postgres) else {
        return;
    };
    let second = c.another_instance();
    let balancer = round_robin(vec![host_port(&c.url), host_port(&second.url)]).await;
    let (proxy_addr, faults) = proxy(balancer.clone(), 20_261_130).await;
    let via = url::Url::parse(&format!("http://{proxy_addr}/")).unwrap();

    let mut kiosks = Vec::new();
    for i in 0..KIOSKS {
        let (dir, vault) = kiosk_prefilled(n, &format!("petition-{}", i % 2));
        // Paired through the balancer too: the two requests of a pairing may reach different
        // instances, which share what a waiting code keeps (sealed under the shared key).
        let lb = url::Url::parse(&format!("http://{balancer}/")).unwrap();
        common::enroll_vault_via(&c, &lb, &vault, &format!("kiosk {i}")).await;
        kiosks.push((dir, vault));
    }
    let ids: Vec<String> = kiosks
        .iter()
        .map(|(_, v)| v.device_id().to_string())
        .collect();
    let (dirs, vaults): (Vec<_>, Vec<_>) = kiosks.into_iter().unzip();
    let runs: Vec<_> = vaults
        .into_iter()
        .map(|v| {
            let via = via.clone();
            tokio::spawn(async move { sync_all(&via, v, 250).await })
        })
        .collect();
    for run in runs {
        assert_eq!(
            run.await.unwrap(),
            n,
            "a kiosk saw all its records acknowledged"
        );
    }

    let stats = c.stats();
    assert_eq!(stats["records"], n * KIOSKS as u64, "{stats}");
    let by_device: Vec<(String, u64)> = serde_json::from_value(stats["by_device"].clone()).unwrap();
    for id in &ids {
        assert!(by_device.contains(&(id.clone(), n)), "{id}: {by_device:?}");
    }
    for dir in &dirs {
        assert_eq!(
            placard_vault::Vault::open(dir.path())
                .unwrap()
                .pending()
                .unwrap(),
            0
        );
    }
    // Each instance stored a share, and together each record once.
    let stored_by = |metrics: &str| metric(metrics, "placard_records_stored_total");
    let (a, b) = (
        stored_by(&c.metrics().await),
        stored_by(
            &reqwest::get(second.url.join("metrics").unwrap())
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        ),
    );
    assert!(a > 0 && b > 0, "both instances took batches: {a} and {b}");
    assert_eq!(a + b, n * KIOSKS as u64, "nothing stored twice");
    assert!(
        faults.lock().unwrap().len() > KIOSKS * 8,
        "the network was faulty"
    );

    // Revoked (with the first instance), refused by both at once.
    c.cli(&["revoke", &ids[0]]);
    let answers =
        common::upload_one_more(dirs[0].path(), "petition-0", &[&c.url, &second.url]).await;
    for (instance, answer) in ["first", "second"].iter().zip(answers) {
        let e = answer.unwrap_err();
        assert!(e.to_string().contains("revoked"), "{instance}: {e}");
    }
}
