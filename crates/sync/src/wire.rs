//! What travels between a kiosk and the collector. JSON, with the sealed age files in base64.

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

    /// Signs every record's provenance with the device's key (see
    /// [`placard_vault::provenance`]).
    #[must_use]
    pub fn signed_by(mut self, key: &ring::signature::Ed25519KeyPair) -> Self {
        for r in &mut self.records {
            r.provenance = Some(placard_vault::provenance::sign(
                key,
                &r.id.to_string(),
                &self.device_id,
                &r.petition_id,
                &r.captured_at,
                &r.sealed,
            ));
        }
        self
    }

    /// The first record whose provenance is missing or is not the signature of the device
    /// with raw public key `device_key`, if any.
    pub fn first_unsigned(&self, device_key: &[u8]) -> Option<Uuid> {
        self.records
            .iter()
            .find(|r| {
                !r.provenance.as_deref().is_some_and(|sig| {
                    placard_vault::provenance::verify(
                        device_key,
                        sig,
                        &r.id.to_string(),
                        &self.device_id,
                        &r.petition_id,
                        &r.captured_at,
                        &r.sealed,
                    )
                })
            })
            .map(|r| r.id)
    }

    /// States the organiser's key (`age1…`) the records are sealed to.
    #[must_use]
    pub fn sealed_to(mut self, recipient: &str) -> Self {
        self.recipient = Some(recipient_fingerprint(recipient));
        self
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
}
