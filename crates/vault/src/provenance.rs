//! A record's provenance: the device's Ed25519 signature over its id, its clear metadata and
//! the SHA-256 of its sealed bytes. Made when the record leaves the kiosk (in a batch or a USB
//! bundle), never on the signing path; the collector checks it against the device's enrolled
//! key and keeps it, so where a record came from can be checked again at any later hop (a
//! relay, an audit) without trusting whoever passed it on.

use ring::signature::{ED25519, Ed25519KeyPair, UnparsedPublicKey};
use uuid::Uuid;

/// What is signed, before the fields: a provenance signature can pass for no other signature
/// the device makes.
pub const CONTEXT: &[u8] = b"placard record provenance v1\n";

/// The signed message for one record.
pub fn message(
    id: &str,
    device_id: &Uuid,
    petition_id: &str,
    captured_at: &str,
    sealed: &[u8],
) -> Vec<u8> {
    let digest = ring::digest::digest(&ring::digest::SHA256, sealed);
    let mut m = CONTEXT.to_vec();
    for part in [id, &device_id.to_string(), petition_id, captured_at] {
        m.extend_from_slice(part.as_bytes());
        m.push(b'\n');
    }
    m.extend_from_slice(digest.as_ref());
    m
}

/// The device's signature for one record.
pub fn sign(
    key: &Ed25519KeyPair,
    id: &str,
    device_id: &Uuid,
    petition_id: &str,
    captured_at: &str,
    sealed: &[u8],
) -> Vec<u8> {
    key.sign(&message(id, device_id, petition_id, captured_at, sealed))
        .as_ref()
        .to_vec()
}

/// Whether `signature` is the device with raw public key `device_key`'s, for this record.
pub fn verify(
    device_key: &[u8],
    signature: &[u8],
    id: &str,
    device_id: &Uuid,
    petition_id: &str,
    captured_at: &str,
    sealed: &[u8],
) -> bool {
    UnparsedPublicKey::new(&ED25519, device_key)
        .verify(
            &message(id, device_id, petition_id, captured_at, sealed),
            signature,
        )
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_record_and_device_only() {
        use ring::signature::KeyPair as _;
        let rng = ring::rand::SystemRandom::new();
        let key =
            Ed25519KeyPair::from_pkcs8(Ed25519KeyPair::generate_pkcs8(&rng).unwrap().as_ref())
                .unwrap();
        let public = key.public_key().as_ref().to_vec();
        let device = Uuid::new_v4();
        let sig = sign(&key, "r1", &device, "p", "2026-11-29T20", b"sealed");
        assert!(verify(
            &public,
            &sig,
            "r1",
            &device,
            "p",
            "2026-11-29T20",
            b"sealed"
        ));
        for (id, dev, p, at, sealed) in [
            ("r2", device, "p", "2026-11-29T20", &b"sealed"[..]),
            ("r1", Uuid::new_v4(), "p", "2026-11-29T20", b"sealed"),
            ("r1", device, "q", "2026-11-29T20", b"sealed"),
            ("r1", device, "p", "2026-11-29T21", b"sealed"),
            ("r1", device, "p", "2026-11-29T20", b"sealeD"),
        ] {
            assert!(!verify(&public, &sig, id, &dev, p, at, sealed));
        }
    }
}
