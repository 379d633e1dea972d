//! What travels between a kiosk and the collector. A batch travels in a compact binary form
//! ([`Batch::to_binary`]: postcard, the sealed files as raw bytes, each petition id once per
//! batch), about a third smaller than JSON with base64, which matters on slow event Wi-Fi; the
//! collector still reads JSON (older kiosks, hand-made test requests). Acknowledgements and
//! other answers are JSON.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use placard_vault::{OutboxBatch, SealedRow};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// `POST /v1/batches`: records sealed on one device, under an id that stays the same on every
/// retry, so the collector can answer a repeat with the same acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub batch_id: Uuid,
    pub device_id: Uuid,
    pub records: Vec<SealedRecord>,
    /// The fingerprint of the organiser's key the records are sealed to
    /// ([`recipient_fingerprint`]): a collector told its organisation's key refuses records
    /// sealed to any other (a kiosk whose vault was made to seal to someone else's key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// A short, stable name for an organiser's public key (`age1…`): the first 16 bytes of its
/// SHA-256, in hex.
pub fn recipient_fingerprint(recipient: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, recipient.trim().as_bytes()).as_ref()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One sealed record and its routing metadata (the same values are inside the seal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRecord {
    pub id: Uuid,
    pub petition_id: String,
    pub captured_at: String,
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    pub sealed: Vec<u8>,
    /// The device's signature of the record ([`placard_vault::provenance`]), made as it
    /// leaves: the collector checks it and keeps it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "option_to_base64",
        deserialize_with = "option_from_base64"
    )]
    pub provenance: Option<Vec<u8>>,
}

/// `POST /v1/report`: how a kiosk is, for the organiser's console — its app version, how many
/// records wait on it, and how far its clock is from the collector's. Signed with the device's
/// key as batches are. Best effort: the kiosk acts on nothing the collector answers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub device_id: Uuid,
    pub app_version: String,
    /// Records sealed on the kiosk and not yet acknowledged.
    pub pending: u64,
    /// How far the collector's clock is ahead of the kiosk's (seconds; negative: behind), as
    /// the kiosk last heard; `None` before it heard.
    #[serde(default)]
    pub clock_offset: Option<i64>,
}

/// `POST /v1/relay`: records an on-site collector forwards to the organisation's main one, all
/// of one kiosk, with that kiosk's name and public key as the on-site collector enrolled it.
/// Each record keeps the kiosk's own signature (its provenance), which the main collector
/// checks against that key: the relay vouches for the kiosk, and cannot make its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayBatch {
    pub kiosk_name: String,
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    pub kiosk_key: Vec<u8>,
    pub batch: Batch,
}

/// The longest `app_version` a collector keeps.
pub const MAX_VERSION: usize = 40;

/// The collector's answer: which of the batch's records it now holds (durably), for which
/// device, at what time. Signed with the collector's key ([`crate::answer`]): the batch and the
/// device inside it bind the answer to one request, so an answer recorded for another batch
/// or another kiosk cannot be replayed to mark records sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    pub batch_id: Uuid,
    /// (Defaults only for acknowledgements a collector stored before it signed them.)
    #[serde(default)]
    pub device_id: Uuid,
    pub stored: Vec<Uuid>,
    /// The collector's clock when it answered (Unix seconds).
    #[serde(default)]
    pub time: i64,
}

impl Batch {
    /// The wire form of a vault's outbox batch. A row whose id is not a UUID (a damaged
    /// vault) is an error rather than silently left out.
    pub fn from_outbox(device_id: Uuid, batch: &OutboxBatch) -> Result<Self, uuid::Error> {
        Ok(Self {
            batch_id: batch.batch_id,
            device_id,
            records: batch
                .rows
                .iter()
                .map(SealedRecord::try_from)
                .collect::<Result<_, _>>()?,
            recipient: None,
        })
    }

    /// What each record's provenance signs (see [`placard_vault::provenance::message`]).
    fn provenance_messages(&self) -> Vec<Vec<u8>> {
        self.records
            .iter()
            .map(|r| {
                placard_vault::provenance::message(
                    &r.id.to_string(),
                    &self.device_id,
                    &r.petition_id,
                    &r.captured_at,
                    &r.sealed,
                )
            })
            .collect()
    }

    /// Signs every record's provenance with the device's key (see
    /// [`placard_vault::provenance`]).
    #[must_use]
    pub fn signed_by(mut self, key: &impl placard_vault::provenance::Signer) -> Self {
        let signatures = placard_vault::provenance::sign_many(key, &self.provenance_messages());
        for (r, sig) in self.records.iter_mut().zip(signatures) {
            r.provenance = Some(sig);
        }
        self
    }

    /// The first record whose provenance is missing or is not the signature of the device
    /// with raw public key `device_key`, if any.
    pub fn first_unsigned(&self, device_key: &[u8]) -> Option<Uuid> {
        if let Some(r) = self.records.iter().find(|r| r.provenance.is_none()) {
            return Some(r.id);
        }
        let signatures: Vec<&[u8]> = self
            .records
            .iter()
            .filter_map(|r| r.provenance.as_deref())
            .collect();
        placard_vault::provenance::first_invalid(
            device_key,
            &self.provenance_messages(),
            &signatures,
        )
        .map(|i| self.records[i].id)
    }

    /// States the organiser's key (`age1…`) the records are sealed to.
    #[must_use]
    pub fn sealed_to(mut self, recipient: &str) -> Self {
        self.recipient = Some(recipient_fingerprint(recipient));
        self
    }
}

/// The first bytes of a binary batch: JSON cannot begin so, and a later layout gets another
/// version byte.
pub const BINARY_MAGIC: &[u8] = b"PLCB\x01";

/// The media type a binary batch is sent with (the body's first bytes decide, not this).
pub const BINARY_CONTENT_TYPE: &str = "application/vnd.placard.batch";

/// Why a batch body could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a batch: {0}")]
pub struct Unreadable(String);

/// The binary layout. Borrowed where it can be, so encoding copies no sealed bytes twice.
#[derive(Serialize, Deserialize)]
struct Compact<'a> {
    batch_id: [u8; 16],
    device_id: [u8; 16],
    #[serde(borrow)]
    recipient: Option<std::borrow::Cow<'a, str>>,
    /// Each petition id of the batch once; records name theirs by its place here.
    #[serde(borrow)]
    petitions: Vec<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    records: Vec<CompactRecord<'a>>,
}

#[derive(Serialize, Deserialize)]
struct CompactRecord<'a> {
    id: [u8; 16],
    petition: u32,
    #[serde(borrow)]
    captured_at: std::borrow::Cow<'a, str>,
    #[serde(borrow, with = "serde_bytes")]
    sealed: std::borrow::Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    provenance: Option<std::borrow::Cow<'a, [u8]>>,
}

impl Batch {
    /// The binary body: [`BINARY_MAGIC`], then the batch in postcard.
    pub fn to_binary(&self) -> Vec<u8> {
        use std::borrow::Cow;
        let mut petitions: Vec<Cow<'_, str>> = Vec::new();
        let records = self
            .records
            .iter()
            .map(|r| {
                let place = match petitions.iter().position(|p| *p == r.petition_id) {
                    Some(i) => i,
                    None => {
                        petitions.push(Cow::Borrowed(&r.petition_id));
                        petitions.len() - 1
                    }
                };
                CompactRecord {
                    id: r.id.into_bytes(),
                    petition: u32::try_from(place).unwrap_or(u32::MAX),
                    captured_at: Cow::Borrowed(&r.captured_at),
                    sealed: Cow::Borrowed(&r.sealed),
                    provenance: r.provenance.as_deref().map(Cow::Borrowed),
                }
            })
            .collect();
        let compact = Compact {
            batch_id: self.batch_id.into_bytes(),
            device_id: self.device_id.into_bytes(),
            recipient: self.recipient.as_deref().map(Cow::Borrowed),
            petitions,
            records,
        };
        // Writing into a Vec cannot fail (postcard fails only when its output is full).
        let mut out = BINARY_MAGIC.to_vec();
        out.extend(postcard::to_allocvec(&compact).unwrap_or_default());
        out
    }

    /// A batch from a request body: binary when it starts with [`BINARY_MAGIC`], else JSON.
    pub fn from_body(body: &[u8]) -> Result<Self, Unreadable> {
        let Some(binary) = body.strip_prefix(BINARY_MAGIC) else {
            return serde_json::from_slice(body).map_err(|e| Unreadable(e.to_string()));
        };
        let compact: Compact<'_> =
            postcard::from_bytes(binary).map_err(|e| Unreadable(e.to_string()))?;
        let records = compact
            .records
            .into_iter()
            .map(|r| {
                let petition = usize::try_from(r.petition)
                    .ok()
                    .and_then(|i| compact.petitions.get(i))
                    .ok_or_else(|| Unreadable(format!("no petition #{}", r.petition)))?;
                Ok(SealedRecord {
                    id: Uuid::from_bytes(r.id),
                    petition_id: petition.clone().into_owned(),
                    captured_at: r.captured_at.into_owned(),
                    sealed: r.sealed.into_owned(),
                    provenance: r.provenance.map(std::borrow::Cow::into_owned),
                })
            })
            .collect::<Result<_, Unreadable>>()?;
        Ok(Self {
            batch_id: Uuid::from_bytes(compact.batch_id),
            device_id: Uuid::from_bytes(compact.device_id),
            records,
            recipient: compact.recipient.map(std::borrow::Cow::into_owned),
        })
    }
}

impl TryFrom<&SealedRow> for SealedRecord {
    type Error = uuid::Error;
    fn try_from(row: &SealedRow) -> Result<Self, uuid::Error> {
        Ok(Self {
            id: Uuid::parse_str(&row.id)?,
            petition_id: row.petition_id.clone(),
            captured_at: row.captured_at.clone(),
            sealed: row.sealed.clone(),
            provenance: None,
        })
    }
}

fn to_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&STANDARD.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text = <&str>::deserialize(d)?;
    STANDARD.decode(text).map_err(serde::de::Error::custom)
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<_>`
fn option_to_base64<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
    match bytes {
        Some(b) => s.serialize_str(&STANDARD.encode(b)),
        None => s.serialize_none(),
    }
}

fn option_from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
    match Option::<&str>::deserialize(d)? {
        Some(text) => STANDARD
            .decode(text)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_base64_seals() {
        let batch = Batch {
            batch_id: Uuid::now_v7(),
            device_id: Uuid::now_v7(),
            records: vec![SealedRecord {
                id: Uuid::now_v7(),
                petition_id: "p".into(),
                captured_at: "2026-11-22T18:00:00.000Z".into(),
                sealed: b"age-encryption.org/v1\n\x00\xff".to_vec(),
                provenance: None,
            }],
            recipient: None,
        };
        let json = serde_json::to_string(&batch).expect("json");
        assert!(
            json.contains("\"sealed\":\"YWdlLWVuY3J5cHRpb24ub3JnL3YxCgD/\""),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Batch>(&json).expect("parse"), batch);
        assert!(serde_json::from_str::<Batch>(&json.replace("YWdl", "!!!!")).is_err());
    }

    fn batch_of(n: usize, sealed_len: usize) -> Batch {
        let device_id = Uuid::now_v7();
        Batch {
            batch_id: Uuid::now_v7(),
            device_id,
            records: (0..n)
                .map(|i| SealedRecord {
                    id: Uuid::now_v7(),
                    petition_id: format!("petition-{}", i % 3),
                    captured_at: "2026-11-22T18:00:00.000Z".into(),
                    sealed: vec![u8::try_from(i % 251).unwrap_or(0); sealed_len],
                    provenance: (i % 2 == 0).then(|| vec![7u8; 64]),
                })
                .collect(),
            recipient: Some(recipient_fingerprint("age1example")),
        }
    }

    #[test]
    fn the_binary_body_round_trips_and_json_is_still_read() {
        let batch = batch_of(50, 1200);
        let binary = batch.to_binary();
        assert!(binary.starts_with(BINARY_MAGIC));
        assert_eq!(Batch::from_body(&binary).unwrap(), batch);
        let json = serde_json::to_vec(&batch).unwrap();
        assert_eq!(Batch::from_body(&json).unwrap(), batch);
        // About a third smaller than JSON with base64, and little more than the sealed bytes.
        let sealed: usize = batch.records.iter().map(|r| r.sealed.len()).sum();
        assert!(
            binary.len() * 4 <= json.len() * 3,
            "{} vs {}",
            binary.len(),
            json.len()
        );
        assert!(
            binary.len() * 10 <= sealed * 11,
            "{} vs {sealed}",
            binary.len()
        );
    }

    #[test]
    fn a_damaged_binary_body_is_refused_not_misread() {
        let binary = batch_of(3, 100).to_binary();
        assert!(Batch::from_body(&binary[..binary.len() - 1]).is_err());
        assert!(Batch::from_body(&binary[..BINARY_MAGIC.len() + 3]).is_err());
        // A record naming a petition the batch does not list.
        let compact = Compact {
            batch_id: [1; 16],
            device_id: [2; 16],
            recipient: None,
            petitions: vec!["p".into()],
            records: vec![CompactRecord {
                id: [3; 16],
                petition: 5,
                captured_at: "2026-11-22T18:00:00.000Z".into(),
                sealed: (&b"x"[..]).into(),
                provenance: None,
            }],
        };
        let bytes = [BINARY_MAGIC, &postcard::to_allocvec(&compact).unwrap()].concat();
        let e = Batch::from_body(&bytes).unwrap_err();
        assert!(e.to_string().contains("no petition #5"), "{e}");
    }
}
