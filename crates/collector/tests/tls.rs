//! HTTPS between kiosk and collector, real binary on loopback. `serve` speaks HTTPS by default
//! with a certificate for its own key; a kiosk pairs over it (the pairing, not the certificate,
//! authenticates the collector), then holds every connection to the key it pinned: the right
//! pin syncs, a wrong pin does not get past the handshake. An organisation's own certificate
//! (`--tls-cert`/`--tls-key`) is served as given, and the kiosk takes it only if a public
//! authority signed it.
#![allow(clippy::unwrap_used)]

mod common;

use common::Collector;
use placard_sync::answer::CollectorKey;
use placard_sync::engine::{Transport as _, TransportError};
use placard_sync::http::HttpTransport;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kiosk_pairs_and_syncs_over_https_held_to_its_pin() {
    let c = Collector::start_https(&[]);
    assert_eq!(c.url.scheme(), "https", "{}", c.url);
    let (_dir, vault) = common::kiosk(25, "p");
    common::enroll_vault(&c, &vault, "kiosk").await;

    // Another key pinned: the handshake fails, nothing is sent.
    let wrong = HttpTransport::new(
        c.url.clone(),
        common::signer(&vault),
        CollectorKey::ephemeral().public(),
    )
    .unwrap();
    let e = wrong.health().await.unwrap_err();
    assert!(matches!(e, TransportError::Unreachable(_)), "{e}");
    let e = placard_sync::http::list_packs(&c.url, &CollectorKey::ephemeral().public())
        .await
        .unwrap_err();
    assert!(matches!(e, TransportError::Unreachable(_)), "{e}");

    // The pin it learnt: everything arrives, over TLS.
    let right = HttpTransport::new(
        c.url.clone(),
        common::signer(&vault),
        common::pinned(&vault),
    )
    .unwrap();
    right.health().await.unwrap();
    let acknowledged = common::sync_all(&c.url, vault, 10).await;
    assert_eq!(acknowledged, 25);
    assert_eq!(c.stats()["records"], 25);
}

/// What `--tls-cert` serves is the organisation's chain: a client trusting that chain's
/// authority gets the collector's signed health answer. The kiosk trusts only public
/// authorities (and its pin), so a chain from a private authority that does not carry the pin
/// is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisation_s_certificate_is_served_and_checked_against_public_authorities() {
    let dir = tempfile::tempdir().unwrap();
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let leaf = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&leaf_key, &ca_cert, &ca_key)
        .unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, leaf.pem() + &ca_cert.pem()).unwrap();
    std::fs::write(&key, leaf_key.serialize_pem()).unwrap();
    let c = Collector::start_https(&[
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ]);
    let url = format!("https://localhost:{}/", c.url.port().unwrap());

    let trusting = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(ca_cert.pem().as_bytes()).unwrap())
        .resolve("localhost", ([127, 0, 0, 1], c.url.port().unwrap()).into())
        .build()
        .unwrap();
    let r = trusting
        .get(format!("{url}v1/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key(placard_sync::answer::HEADER));

    let (_dir, vault) = common::kiosk(1, "p");
    let kiosk = HttpTransport::new(
        c.url.clone(),
        common::signer(&vault),
        CollectorKey::ephemeral().public(),
    )
    .unwrap();
    let e = kiosk.health().await.unwrap_err();
    assert!(matches!(e, TransportError::Unreachable(_)), "{e}");
}

/// The attack on the pin: a certificate for the attacker's own key that also carries the
/// pinned key's bytes (in an extension of its own). The kiosk then checks the handshake
/// against the pinned key itself, which the attacker cannot sign with: refused at the
/// handshake, before any answer is read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_that_only_names_the_pinned_key_is_refused_at_the_handshake() {
    let pinned = CollectorKey::ephemeral().public();
    let dir = tempfile::tempdir().unwrap();
    let attacker = rcgen::KeyPair::generate_for(&rcgen::PKCS_ED25519).unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["placard-collector".to_owned()]).unwrap();
    let spki = [
        &[
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ][..],
        &pinned,
    ]
    .concat();
    params
        .custom_extensions
        .push(rcgen::CustomExtension::from_oid_content(
            &[1, 3, 6, 1, 4, 1, 99999, 1],
            spki,
        ));
    let cert = params.self_signed(&attacker).unwrap();
    let (cert_file, key_file) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, attacker.serialize_pem()).unwrap();
    let c = Collector::start_https(&[
        "--tls-cert",
        cert_file.to_str().unwrap(),
        "--tls-key",
        key_file.to_str().unwrap(),
    ]);
    let (_dir, vault) = common::kiosk(1, "p");
    let kiosk = HttpTransport::new(c.url.clone(), common::signer(&vault), pinned).unwrap();
    let e = kiosk.health().await.unwrap_err();
    assert!(
        matches!(&e, TransportError::Unreachable(why) if why.contains("error sending request")),
        "{e}"
    );
}
