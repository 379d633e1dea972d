//! The real `placard-collector` binary on loopback, with kiosks' vaults syncing into it through
//! the real sync engine and HTTP transport.
#![allow(clippy::unwrap_used)]

mod common;

use placard_sync::signing::RequestSigner;
use placard_sync::wire::Batch;
use placard_vault::Vault;

use common::{Backend, Collector, enroll_vault, kiosk, signer, sync_all};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_kiosks_sync_into_the_collector_at_once_exactly_once_sqlite() {
    five_kiosks_at_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_kiosks_sync_into_the_collector_at_once_exactly_once_postgres() {
    five_kiosks_at_once(Backend::Postgres).await;
}

async fn five_kiosks_at_once(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let sizes = [250usize, 40, 73, 1, 120];
    let mut kiosks = Vec::new();
    for (i, n) in sizes.iter().enumerate() {
        let (dir, vault) = kiosk(*n, &format!("petition-{}", i % 2));
        enroll_vault(&c, &vault, &format!("kiosk {i}")).await;
        kiosks.push((dir, vault));
    }
    let ids: Vec<String> = kiosks
        .iter()
        .map(|(_, v)| v.device_id().to_string())
        .collect();
    let (dirs, vaults): (Vec<_>, Vec<_>) = kiosks.into_iter().unzip();
    // On PostgreSQL, the kiosks share two collector processes over one database (the
    // collector keeps no state of its own, so it can run behind a load balancer).
    let second = (backend == Backend::Postgres).then(|| c.another_instance());
    let runs = vaults.into_iter().enumerate().map(|(i, v)| {
        let url = match &second {
            Some(other) if i % 2 == 1 => other.url.clone(),
            _ => c.url.clone(),
        };
        tokio::spawn(async move { sync_all(&url, v, 100).await })
    });
    let mut sent = Vec::new();
    for run in runs.collect::<Vec<_>>() {
        sent.push(run.await.unwrap());
    }
    assert_eq!(sent, sizes.iter().map(|n| *n as u64).collect::<Vec<_>>());
    let total: u64 = sizes.iter().map(|n| *n as u64).sum();
    let stats = c.stats();
    assert_eq!(stats["records"], total);
    let by_device: Vec<(String, u64)> = serde_json::from_value(stats["by_device"].clone()).unwrap();
    for (id, n) in ids.iter().zip(sizes) {
        assert!(
            by_device.contains(&(id.clone(), n as u64)),
            "{id}: {by_device:?}"
        );
    }
    // Every kiosk knows its records arrived, and a second run sends nothing.
    for dir in &dirs {
        assert_eq!(Vault::open(dir.path()).unwrap().pending().unwrap(), 0);
    }
    let again = Vault::open(dirs[0].path()).unwrap();
    assert_eq!(sync_all(&c.url, again, 100).await, 0);
    assert_eq!(c.stats()["records"], total);
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
    let batch = Batch::from_outbox(vault.device_id(), &outbox)
        .unwrap()
        .signed_by(&vault.device_key().unwrap());
    serde_json::to_vec(&batch).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_unknown_revoked_replayed_tampered_and_oversized_requests_store_nothing_sqlite() {
    refusals(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_unknown_revoked_replayed_tampered_and_oversized_requests_store_nothing_postgres() {
    refusals(Backend::Postgres).await;
}

async fn refusals(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
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
    // Refused before its body is read: the answer is 413, unless the collector closed the
    // connection while the client was still writing the 17 MiB (then the client sees a broken
    // pipe before it reads the answer). Either way it is counted as too large, below.
    let huge = vec![b' '; 17 << 20];
    let url = c.url.join("v1/batches").unwrap();
    let h = me
        .sign(
            "POST",
            url.path(),
            &huge,
            u64::try_from(chrono_now()).unwrap(),
            "huge",
        )
        .unwrap();
    let sent = reqwest::Client::new()
        .post(url)
        .header("content-digest", h.content_digest)
        .header("signature-input", h.signature_input)
        .header("signature", h.signature)
        .body(huge)
        .send()
        .await;
    match sent {
        Ok(r) => assert_eq!(r.status().as_u16(), 413),
        Err(e) => assert!(e.is_request(), "{e}"),
    }

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

/// Record ids were global and every id of a batch was acknowledged, even one `INSERT OR IGNORE`
/// skipped because another device's record held it: the real record was acknowledged and
/// lost. Now such an id is a conflict: not stored, not acknowledged, counted.
async fn an_id_another_device_holds_is_a_conflict_never_acknowledged(backend: Backend) {
    let Some(c) = Collector::start_on(backend) else {
        return;
    };
    let (_a_dir, mut a) = kiosk(2, "p");
    let (_b_dir, mut b) = kiosk(2, "p");
    enroll_vault(&c, &a, "a").await;
    enroll_vault(&c, &b, "b").await;
    let (status, ack) = post(&c, &signer(&a), &batch_body(&mut a), |_| {}).await;
    assert_eq!(status, 200);
    assert_eq!(ack["stored"].as_array().unwrap().len(), 2);
    let taken = ack["stored"][0].as_str().unwrap().to_owned();

    // Device b's batch: its first record carries an id device a's record holds.
    let outbox = b.next_batch(10, 1 << 20).unwrap().unwrap();
    let mut batch = Batch::from_outbox(b.device_id(), &outbox).unwrap();
    batch.records[0].id = taken.parse().unwrap();
    let batch = batch.signed_by(&b.device_key().unwrap());
    let own = batch.records[1].id.to_string();
    let body = serde_json::to_vec(&batch).unwrap();
    let (status, ack) = post(&c, &signer(&b), &body, |_| {}).await;
    assert_eq!(status, 200, "{ack}");
    assert_eq!(
        ack["stored"],
        serde_json::json!([own]),
        "the clash is not acknowledged"
    );
    // Asked again (a lost answer), the same narrowed acknowledgement.
    let mut again = Batch::from_outbox(b.device_id(), &outbox).unwrap();
    again.records[0].id = taken.parse().unwrap();
    let again = again.signed_by(&b.device_key().unwrap());
    let (_, ack) = post(
        &c,
        &signer(&b),
        &serde_json::to_vec(&again).unwrap(),
        |_| {},
    )
    .await;
    assert_eq!(ack["stored"], serde_json::json!([own]));
    let stats = c.stats();
    assert_eq!(stats["held"], 3);
    assert_eq!(
        common::metric(&c.metrics().await, "placard_records_conflicting_total"),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_another_device_holds_is_a_conflict_never_acknowledged_sqlite() {
    an_id_another_device_holds_is_a_conflict_never_acknowledged(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_another_device_holds_is_a_conflict_never_acknowledged_postgres() {
    an_id_another_device_holds_is_a_conflict_never_acknowledged(Backend::Postgres).await;
}

/// A collector told its organisation's key (`serve --recipient`) refuses, in words, a kiosk
/// that seals to another key — at enrolment, and batch by batch (a vault made to seal to
/// someone else's key after it enrolled). Nothing of such a batch is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_sealed_to_another_key_are_refused_at_enrolment_and_per_batch() {
    let org = placard_vault::OrganiserKey::generate().recipient();
    let c = Collector::start_with(Backend::Sqlite, &["--recipient", &org]).unwrap();

    let (_s_dir, stranger) = kiosk(2, "p");
    let code = c.code("stranger", &[]);
    let public =
        placard_sync::signing::public_key_of_pkcs8(&stranger.device_key_pkcs8().unwrap()).unwrap();
    let e = placard_sync::http::enroll(
        &c.url,
        code.trim(),
        stranger.device_id(),
        &public,
        stranger.recipient(),
    )
    .await
    .unwrap_err();
    // The kiosk learns the organisation's key in the pairing and refuses before it sends
    // its own device.
    let said = e.to_string();
    assert!(
        said.contains("this collector's organisation seals to") && said.contains(&org),
        "{said}"
    );

    let (_dir, mut ours) = common::kiosk_sealing_to(&org, 2, "p");
    enroll_vault(&c, &ours, "ours").await;
    // Its batches state the organisation's key: taken.
    let outbox = ours.next_batch(10, 1 << 20).unwrap().unwrap();
    let batch = Batch::from_outbox(ours.device_id(), &outbox)
        .unwrap()
        .sealed_to(ours.recipient())
        .signed_by(&ours.device_key().unwrap());
    let (status, _) = post(
        &c,
        &signer(&ours),
        &serde_json::to_vec(&batch).unwrap(),
        |_| {},
    )
    .await;
    assert_eq!(status, 200);
    // The same kiosk's records sealed to another key (or stating none): refused.
    let (_o_dir, mut other) = kiosk(2, "p");
    let outbox = other.next_batch(10, 1 << 20).unwrap().unwrap();
    for batch in [
        Batch::from_outbox(ours.device_id(), &outbox)
            .unwrap()
            .sealed_to(other.recipient()),
        Batch::from_outbox(ours.device_id(), &outbox).unwrap(),
    ] {
        let (status, refusal) = post(
            &c,
            &signer(&ours),
            &serde_json::to_vec(&batch).unwrap(),
            |_| {},
        )
        .await;
        assert_eq!(status, 409, "{refusal}");
        assert_eq!(refusal["code"], "recipient_mismatch");
    }
    assert_eq!(c.stats()["records"], 2, "only the organisation's");
}

/// Provenance: every record arrives signed by the device that sent it, and the collector keeps
/// the signature, so the record's origin can be checked again at any later hop. A record
/// unsigned, or signed by another device (whoever relayed it), is refused with its batch.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_record_arrives_signed_by_its_device_and_the_signature_is_kept() {
    let c = Collector::start();
    let (_dir, mut vault) = kiosk(3, "p");
    let (_other_dir, other) = kiosk(0, "p");
    enroll_vault(&c, &vault, "kiosk").await;
    let outbox = vault.next_batch(10, 1 << 20).unwrap().unwrap();
    let unsigned = Batch::from_outbox(vault.device_id(), &outbox).unwrap();
    let by_another = unsigned.clone().signed_by(&other.device_key().unwrap());
    for batch in [unsigned.clone(), by_another] {
        let (status, refusal) = post(
            &c,
            &signer(&vault),
            &serde_json::to_vec(&batch).unwrap(),
            |_| {},
        )
        .await;
        assert_eq!(status, 400, "{refusal}");
        assert_eq!(refusal["code"], "bad_provenance");
    }
    assert_eq!(c.stats()["records"], 0);

    let signed = unsigned.signed_by(&vault.device_key().unwrap());
    let (status, _) = post(
        &c,
        &signer(&vault),
        &serde_json::to_vec(&signed).unwrap(),
        |_| {},
    )
    .await;
    assert_eq!(status, 200);
    let db = rusqlite::Connection::open(c.db.strip_prefix("sqlite://").unwrap()).unwrap();
    let mut q = db
        .prepare("SELECT id, device_id, petition_id, captured_at, sealed, provenance FROM records")
        .unwrap();
    // id, device, petition, captured at, sealed, provenance
    type Row = (String, String, String, String, Vec<u8>, Vec<u8>);
    let rows: Vec<Row> = q
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 3);
    let public =
        placard_sync::signing::public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    for (id, device, petition, captured, sealed, provenance) in rows {
        assert!(placard_vault::provenance::verify(
            &public,
            &provenance,
            &id,
            &device.parse().unwrap(),
            &petition,
            &captured,
            &sealed
        ));
    }
}
