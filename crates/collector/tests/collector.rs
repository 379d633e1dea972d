//! The real `placard-collector` binary on loopback, with kiosks' vaults syncing into it through
//! the real sync engine and HTTP transport.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use placard_sync::engine::{self, Config};
use placard_sync::http::{HttpTransport, enroll};
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_sync::wire::Batch;
use placard_vault::{OrganiserKey, Requirement, SignRules, SignerInput, Vault};

const BIN: &str = env!("CARGO_BIN_EXE_placard-collector");

/// A collector serving on a free loopback port, stopped on drop.
struct Collector {
    child: Child,
    url: url::Url,
    db: String,
    _dir: tempfile::TempDir,
}

impl Collector {
    fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite://{}", dir.path().join("collector.db").display());
        let mut child = Command::new(BIN)
            .args(["serve", "--db", &db, "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line}"));
        Self {
            child,
            url: url::Url::parse(&format!("{url}/")).unwrap(),
            db,
            _dir: dir,
        }
    }

    fn cli(&self, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .args(args)
            .args(["--db", &self.db])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn stats(&self) -> serde_json::Value {
        serde_json::from_str(&self.cli(&["stats", "--json"])).unwrap()
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn kiosk(n: usize, petition: &str) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::init(dir.path(), &OrganiserKey::generate().recipient()).unwrap();
    let rules = SignRules {
        petition_id: petition.into(),
        family_name_required: false,
        postal_code_required: false,
        street_address: Requirement::NotAsked,
        city: Requirement::NotAsked,
        comments: false,
        signature_pad: false,
        forced_opt_in: false,
        default_country: Some("US".into()),
        extra_fields: vec![],
    };
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules, s).unwrap();
    }
    (dir, vault)
}

fn signer(vault: &Vault) -> RequestSigner {
    RequestSigner::from_pkcs8(
        &vault.device_key_pkcs8().unwrap(),
        vault.device_id().to_string(),
    )
    .unwrap()
}

async fn enroll_vault(c: &Collector, vault: &Vault, name: &str) {
    let code = c.cli(&["enroll", "--name", name]);
    let public = public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    enroll(&c.url, code.trim(), vault.device_id(), &public)
        .await
        .unwrap();
    // A code works once.
    let again = enroll(&c.url, code.trim(), vault.device_id(), &public).await;
    assert!(again.is_err(), "a used code was accepted again");
}

/// Syncs `vault` to the collector until nothing is pending.
async fn sync_all(c: &Collector, vault: Vault) -> u64 {
    let transport = HttpTransport::new(c.url.clone(), signer(&vault)).unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        max_records: 100,
        min_wait: Duration::from_millis(50),
        max_wait: Duration::from_millis(500),
        ..Config::default()
    };
    let (task, sync) = engine::spawnable(vault, transport, config, async {
        let _ = stop_rx.await;
    })
    .unwrap();
    let task = tokio::spawn(task);
    let mut state = sync.state();
    tokio::time::timeout(Duration::from_secs(60), async {
        while state.borrow().pending > 0 || state.borrow().sending {
            state.changed().await.unwrap();
        }
    })
    .await
    .expect("synced within a minute");
    let sent = state.borrow().sent;
    stop_tx.send(()).unwrap();
    task.await.unwrap().unwrap();
    sent
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosks_sync_into_the_collector_exactly_once() {
    let c = Collector::start();
    let (a_dir, a) = kiosk(250, "encryption-is-not-a-crime");
    let (_b_dir, b) = kiosk(40, "defend-encryption-worldwide");
    enroll_vault(&c, &a, "kiosk A").await;
    enroll_vault(&c, &b, "kiosk B").await;
    let (a_id, b_id) = (a.device_id().to_string(), b.device_id().to_string());
    let (sa, sb) = tokio::join!(sync_all(&c, a), sync_all(&c, b));
    assert_eq!((sa, sb), (250, 40));
    let stats = c.stats();
    assert_eq!(stats["records"], 290);
    assert_eq!(stats["batches"], 4, "250 in batches of 100, and 40");
    let by_device: Vec<(String, u64)> = serde_json::from_value(stats["by_device"].clone()).unwrap();
    assert!(
        by_device.contains(&(a_id, 250)) && by_device.contains(&(b_id, 40)),
        "{by_device:?}"
    );
    // The kiosk knows they arrived, and a second run sends nothing.
    let a = Vault::open(a_dir.path()).unwrap();
    assert_eq!(a.pending().unwrap(), 0);
    assert_eq!(sync_all(&c, a).await, 0);
    assert_eq!(c.stats()["records"], 290);
}

/// Sends one signed batch request by hand, so tests can bend it.
async fn post(
    c: &Collector,
    signer: &RequestSigner,
    body: &[u8],
    bend: impl FnOnce(&mut reqwest::Request),
) -> (u16, serde_json::Value) {
    let url = c.url.join("v1/batches").unwrap();
    let created = u64::try_from(chrono_now()).unwrap();
    let nonce = uuid::Uuid::now_v7().to_string();
    let h = signer
        .sign("POST", url.path(), body, created, &nonce)
        .unwrap();
    let client = reqwest::Client::new();
    let mut req = client
        .post(url)
        .header("content-type", "application/json")
        .header("content-digest", h.content_digest)
        .header("signature-input", h.signature_input)
        .header("signature", h.signature)
        .body(body.to_vec())
        .build()
        .unwrap();
    bend(&mut req);
    let r = client.execute(req).await.unwrap();
    let status = r.status().as_u16();
    let body = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
    )
}

fn chrono_now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

fn batch_body(vault: &mut Vault) -> Vec<u8> {
    let outbox = vault.next_batch(10, 1 << 20).unwrap().unwrap();
    serde_json::to_vec(&Batch::from_outbox(vault.device_id(), &outbox).unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_unknown_revoked_replayed_tampered_and_oversized_requests_store_nothing() {
    let c = Collector::start();
    let (_d, mut vault) = kiosk(3, "p");
    let body = batch_body(&mut vault);
    let me = signer(&vault);

    // Not enrolled yet.
    let (s, r) = post(&c, &me, &body, |_| {}).await;
    assert_eq!(
        (s, r["code"].as_str()),
        (401, Some("unknown_device")),
        "{r}"
    );
    enroll_vault(&c, &vault, "kiosk").await;

    // Unsigned, tampered body, forged signature, wrong key.
    let (s, r) = post(&c, &me, &body, |req| {
        req.headers_mut().remove("signature");
    })
    .await;
    assert_eq!((s, r["code"].as_str()), (401, Some("unsigned")));
    let (s, r) = post(&c, &me, &body, |req| {
        *req.body_mut() = Some(body.iter().rev().copied().collect::<Vec<u8>>().into());
    })
    .await;
    assert_eq!((s, r["code"].as_str()), (401, Some("bad_signature")), "{r}");
    let (s, r) = post(&c, &me, &body, |req| {
        let sig = req.headers()["signature"]
            .to_str()
            .unwrap()
            .replacen(":", ":AAAA", 1);
        req.headers_mut().insert("signature", sig.parse().unwrap());
    })
    .await;
    assert_eq!((s, r["code"].as_str()), (401, Some("bad_signature")), "{r}");
    let (_o, other) = kiosk(0, "p");
    let impostor = RequestSigner::from_pkcs8(
        &other.device_key_pkcs8().unwrap(),
        vault.device_id().to_string(),
    )
    .unwrap();
    let (s, r) = post(&c, &impostor, &body, |_| {}).await;
    assert_eq!((s, r["code"].as_str()), (401, Some("bad_signature")), "{r}");
    assert_eq!(
        c.stats()["records"],
        0,
        "nothing stored by refused requests"
    );

    // A good request is stored; the very same request again is a replay.
    let url = c.url.join("v1/batches").unwrap();
    let h = me
        .sign(
            "POST",
            url.path(),
            &body,
            u64::try_from(chrono_now()).unwrap(),
            "once",
        )
        .unwrap();
    let send = || {
        reqwest::Client::new()
            .post(url.clone())
            .header("content-digest", h.content_digest.clone())
            .header("signature-input", h.signature_input.clone())
            .header("signature", h.signature.clone())
            .body(body.clone())
            .send()
    };
    assert_eq!(send().await.unwrap().status().as_u16(), 200);
    let replay = send().await.unwrap();
    assert_eq!(replay.status().as_u16(), 401);
    assert!(replay.text().await.unwrap().contains("replayed"));
    assert_eq!(c.stats()["records"], 3);
    // The same batch under a fresh signature: the same acknowledgement, nothing twice.
    let (s, r) = post(&c, &me, &body, |_| {}).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["stored"].as_array().unwrap().len(), 3);
    assert_eq!(c.stats()["records"], 3);

    // Malformed (but signed) and oversized bodies.
    let (s, r) = post(&c, &me, b"{\"batch_id\": 1}", |_| {}).await;
    assert_eq!((s, r["code"].as_str()), (400, Some("malformed")), "{r}");
    let huge = vec![b' '; 17 << 20];
    let (s, _) = post(&c, &me, &huge, |_| {}).await;
    assert_eq!(s, 413);

    // Revoked: refused from now on.
    c.cli(&["revoke", &vault.device_id().to_string()]);
    let (s, r) = post(&c, &me, &body, |_| {}).await;
    assert_eq!(
        (s, r["code"].as_str()),
        (401, Some("revoked_device")),
        "{r}"
    );
    assert_eq!(c.stats()["records"], 3);

    // Every refusal was counted by its reason; the records and batches too.
    let metrics = reqwest::get(c.url.join("metrics").unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in [
        "placard_records_stored_total 3",
        "placard_batches_stored_total 1",
        "placard_batches_repeated_total 1",
        "placard_requests_rejected_total{reason=\"unknown_device\"} 1",
        "placard_requests_rejected_total{reason=\"unsigned\"} 1",
        "placard_requests_rejected_total{reason=\"bad_signature\"} 3",
        "placard_requests_rejected_total{reason=\"replayed\"} 1",
        "placard_requests_rejected_total{reason=\"malformed\"} 1",
        "placard_requests_rejected_total{reason=\"too_large\"} 1",
        "placard_requests_rejected_total{reason=\"revoked_device\"} 1",
    ] {
        assert!(
            metrics.lines().any(|l| l == line),
            "no `{line}` in:\n{metrics}"
        );
    }
}
