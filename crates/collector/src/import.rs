//! Sealed bundles from kiosks that never got online (`placard export --sealed`, carried on a
//! USB stick): checked whole, then stored like a batch from that kiosk — so importing the
//! same bundle twice, or a bundle whose records also came by sync, stores each record once.
//!
//! A bundle is taken only from a device this collector enrolled and has not revoked, signed
//! by that device's key, every file in it an age file sealed to one X25519 recipient (as a
//! kiosk seals). The organiser's recipient is public: without these checks anyone could write
//! a bundle of made-up signers into the organisation's list, or junk that spoils its unlock.

use placard_sync::wire::{Batch, SealedRecord};
use placard_vault::{VaultError, read_sealed_tar};
use ring::rand::SecureRandom as _;
use uuid::Uuid;

use crate::store::{Outcome, RequestId, Store, StoreError, Stored};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Bundle(#[from] VaultError),
    #[error("a record id in the bundle is not a UUID: {0}")]
    BadId(#[from] uuid::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("refused: {0}")]
    Refused(String),
}

/// What an import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub records: u64,
    /// Not held before.
    pub new: u64,
}

/// Imports the bundle `bytes`; nothing is stored unless all of it checks out. With
/// `recipient` (the organisation's key), a bundle sealed to another key is refused.
pub async fn import(
    store: &Store,
    bytes: &[u8],
    recipient: Option<&str>,
) -> Result<Imported, ImportError> {
    let bundle = read_sealed_tar(bytes)?;
    if let Some(ours) = recipient
        && bundle.recipient.trim() != ours.trim()
    {
        return Err(ImportError::Refused(format!(
            "its records are sealed to {}, not to this organisation's key {}",
            bundle.recipient.trim(),
            ours.trim()
        )));
    }
    let device = store
        .device_key(&bundle.device_id.to_string())
        .await?
        .ok_or_else(|| {
            ImportError::Refused(format!(
                "the bundle names device {}, which this collector never enrolled \
                 (`placard-collector enroll`, then enrol the kiosk before its next event)",
                bundle.device_id
            ))
        })?;
    if device.revoked {
        return Err(ImportError::Refused(format!(
            "device {} was revoked",
            bundle.device_id
        )));
    }
    bundle.verify(&device.public_key)?;
    if let Some(odd) = bundle
        .rows
        .iter()
        .find(|r| !placard_vault::is_sealed_to_one_recipient(&r.sealed))
    {
        return Err(ImportError::Refused(format!(
            "{} is not sealed as a kiosk seals (an age file to one X25519 key)",
            odd.id
        )));
    }
    let mut records: Vec<SealedRecord> = bundle
        .rows
        .iter()
        .map(SealedRecord::try_from)
        .collect::<Result<_, _>>()?;
    for r in &mut records {
        r.provenance = bundle.provenance.get(&r.id.to_string()).cloned();
    }
    // The batch id is the bundle's content, so the same bundle is the same batch.
    let mut ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(bundle.device_id.as_bytes());
    for id in &ids {
        ctx.update(id.as_bytes());
    }
    let mut bytes16 = [0u8; 16];
    bytes16.copy_from_slice(&ctx.finish().as_ref()[..16]);
    let batch = Batch {
        batch_id: uuid::Builder::from_custom_bytes(bytes16).into_uuid(),
        device_id: bundle.device_id,
        records,
        recipient: None,
    }
    .sealed_to(&bundle.recipient);
    // Each record signed by the device too, as a batch's are: kept with it.
    if let Some(id) = batch.first_unsigned(&device.public_key) {
        return Err(ImportError::Refused(format!(
            "record {id} is not signed by the device that wrote the bundle"
        )));
    }
    let total = batch.records.len() as u64;
    // An import is not a signed request; it still passes through the one storing path, with a
    // nonce of its own.
    let mut nonce = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut nonce)
        .map_err(|_| StoreError::Random)?;
    let request = RequestId {
        device_id: format!("import:{}", bundle.device_id),
        nonce: nonce.iter().map(|b| format!("{b:02x}")).collect(),
        created: u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0),
    };
    let new = match store.store_batch(request, batch, 0).await? {
        Outcome::Acknowledged(_, Stored { new_records, .. }) => new_records,
        Outcome::Replayed => 0,
    };
    Ok(Imported {
        records: total,
        new,
    })
}
