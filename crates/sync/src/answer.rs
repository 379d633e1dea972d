//! The collector's signed answers. A kiosk acts on what the collector says — "these records
//! are stored", "this is the pack" — so each such answer is signed with the collector's own
//! Ed25519 key, which the kiosk pinned when it enrolled. Whoever else answers (a rogue access
//! point at the rally, a proxy, a load balancer that ends TLS) cannot make an answer verify,
//! so it cannot mark a record sent or swap a pack.
//!
//! The signature covers a context string naming the kind of answer, then its exact bytes, so
//! one kind of answer can never pass for another. It travels in the [`HEADER`] header, base64.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair as _, UnparsedPublicKey};

/// The header an answer's signature travels in.
pub const HEADER: &str = "placard-collector-signature";

/// What an answer is: part of what is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `POST /v1/batches`: the acknowledgement (its body).
    Ack,
    /// `GET /v1/health` (its body).
    Health,
    /// `GET /v1/packs` (its body).
    PackList,
    /// `GET /v1/packs/NAME`: the pack's name and its `Content-Digest` (which binds its bytes).
    Pack,
    /// `POST /v1/pair/finish`: the enrolment (its body), signed by the key the pairing offered.
    Enrolled,
}

impl Kind {
    fn context(self) -> &'static [u8] {
        match self {
            Self::Ack => b"placard collector ack v1\n",
            Self::Health => b"placard collector health v1\n",
            Self::PackList => b"placard collector pack list v1\n",
            Self::Pack => b"placard collector pack v1\n",
            Self::Enrolled => b"placard collector enrolled v1\n",
        }
    }
}

/// What a pack's signature covers: its name and `Content-Digest`.
pub fn pack_message(name: &str, content_digest: &str) -> Vec<u8> {
    format!("{name}\n{content_digest}").into_bytes()
}

/// A collector's public key, as a kiosk pins it: the raw 32 bytes.
pub type PublicKey = [u8; 32];

/// Why an answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Forged {
    #[error("the answer is not signed")]
    Unsigned,
    #[error("the answer is not signed by the collector this kiosk enrolled with")]
    WrongSignature,
}

/// The collector's signing key.
pub struct CollectorKey {
    pair: Ed25519KeyPair,
}

impl std::fmt::Debug for CollectorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CollectorKey({})", STANDARD.encode(self.public()))
    }
}

impl CollectorKey {
    /// From its PKCS#8 document (as [`CollectorKey::generate_pkcs8`] makes it).
    pub fn from_pkcs8(der: &[u8]) -> Result<Self, ring::error::KeyRejected> {
        Ok(Self {
            pair: Ed25519KeyPair::from_pkcs8_maybe_unchecked(der)?,
        })
    }

    /// A new key's PKCS#8 document.
    pub fn generate_pkcs8() -> Result<Vec<u8>, ring::error::Unspecified> {
        let rng = ring::rand::SystemRandom::new();
        Ok(Ed25519KeyPair::generate_pkcs8(&rng)?.as_ref().to_vec())
    }

    /// A key that lives only as long as this process (tests, in-process routers).
    pub fn ephemeral() -> Self {
        let der = Self::generate_pkcs8().unwrap_or_default();
        match Self::from_pkcs8(&der) {
            Ok(key) => key,
            // The system's random numbers failed: nothing could be signed anyway.
            Err(_) => panic!("no random numbers for a collector key"),
        }
    }

    pub fn public(&self) -> PublicKey {
        let mut out = [0u8; 32];
        out.copy_from_slice(self.pair.public_key().as_ref());
        out
    }

    /// A 32-byte key for `label`, the same every time and in every instance sharing the key
    /// file (an Ed25519 signature is deterministic), that nobody without the key can make: the
    /// collector seals what it keeps of a waiting pairing under it.
    pub fn derive(&self, label: &str) -> [u8; 32] {
        let signature = self
            .pair
            .sign(format!("placard collector derive v1\n{label}").as_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(
            ring::digest::digest(&ring::digest::SHA256, signature.as_ref()).as_ref(),
        );
        out
    }

    /// The [`HEADER`] value for an answer of `kind` with these bytes.
    pub fn sign(&self, kind: Kind, bytes: &[u8]) -> String {
        let message = [kind.context(), bytes].concat();
        STANDARD.encode(self.pair.sign(&message).as_ref())
    }
}

/// Checks that `signature` (the [`HEADER`] value, if any) is `pinned`'s over an answer of
/// `kind` with these bytes.
pub fn verify(
    pinned: &PublicKey,
    kind: Kind,
    bytes: &[u8],
    signature: Option<&str>,
) -> Result<(), Forged> {
    let signature = signature.ok_or(Forged::Unsigned)?;
    let signature = STANDARD
        .decode(signature.trim())
        .map_err(|_| Forged::WrongSignature)?;
    let message = [kind.context(), bytes].concat();
    UnparsedPublicKey::new(&ED25519, pinned)
        .verify(&message, &signature)
        .map_err(|_| Forged::WrongSignature)
}

/// A pinned key as text (base64), as the collector announces it and a vault keeps it.
pub fn encode_key(key: &PublicKey) -> String {
    STANDARD.encode(key)
}

/// The inverse of [`encode_key`]; `None` unless it is 32 bytes of base64.
pub fn decode_key(text: &str) -> Option<PublicKey> {
    STANDARD.decode(text.trim()).ok()?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_verifies_only_with_its_key_kind_and_bytes() {
        let key = CollectorKey::ephemeral();
        let other = CollectorKey::ephemeral();
        let sig = key.sign(Kind::Ack, b"{\"stored\":[]}");
        let pinned = key.public();
        assert_eq!(
            verify(&pinned, Kind::Ack, b"{\"stored\":[]}", Some(&sig)),
            Ok(())
        );
        assert_eq!(
            verify(&pinned, Kind::Ack, b"{\"stored\":[1]}", Some(&sig)),
            Err(Forged::WrongSignature)
        );
        assert_eq!(
            verify(&pinned, Kind::Health, b"{\"stored\":[]}", Some(&sig)),
            Err(Forged::WrongSignature),
            "one kind never passes for another"
        );
        assert_eq!(
            verify(&other.public(), Kind::Ack, b"{\"stored\":[]}", Some(&sig)),
            Err(Forged::WrongSignature)
        );
        assert_eq!(
            verify(&pinned, Kind::Ack, b"{}", None),
            Err(Forged::Unsigned)
        );
        assert_eq!(decode_key(&encode_key(&pinned)), Some(pinned));
        assert_eq!(decode_key("AAAA"), None);
    }
}
