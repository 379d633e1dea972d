//! An on-site collector, relayed later: at an event with no internet, the organiser's laptop
//! runs `placard-collector serve` for the kiosks on the local Wi-Fi; afterwards
//! `placard-collector relay --to URL` forwards every record it holds to the organisation's
//! main collector, each exactly once.
//!
//! **Trust.** The relay pairs with the main collector like a kiosk, with a code made by
//! `enroll --relay` there (so no kiosk can relay). It forwards each kiosk's records with that
//! kiosk's name and public key, and every record keeps the kiosk's own signature (its
//! provenance): the main collector checks each record against the kiosk's key, so the relay
//! vouches for kiosks but cannot make records of its own in their name, and a kiosk the main
//! collector already knows under another key is refused. The relay's key, the main collector's
//! pinned key and where it relays to are kept in this collector's database (`meta`).
//!
//! **Exactly once.** A batch's id is derived from its record ids, so after a cut connection
//! the same records go again under the same id and the main collector answers with the same
//! acknowledgement; only records it acknowledged (signed, for this batch and this kiosk) are
//! marked relayed here. Records arrive once there however often they are sent (their ids).

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use placard_sync::engine::TransportError;
use placard_sync::http::HttpTransport;
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_sync::wire::{Batch, RelayBatch, SealedRecord, recipient_fingerprint};
use uuid::Uuid;

use crate::store::{RelayRow, Store};

const KEY: &str = "relay_key";
const ID: &str = "relay_id";
const PINNED: &str = "relay_pinned";
const TO: &str = "relay_to";
const RECIPIENT: &str = "relay_recipient";

/// What `relay` is told.
#[derive(Debug, Clone)]
pub struct Options {
    /// The main collector.
    pub to: url::Url,
    /// A pairing code from `placard-collector enroll --relay` there, for the first run.
    pub code: Option<String>,
    /// The organisation's key (`age1…`), stated with every batch (the main collector refuses
    /// records sealed to another); needed when pairing, kept afterwards.
    pub recipient: Option<String>,
    /// Stop when nothing waits (else: keep relaying what arrives, every `poll`).
    pub once: bool,
    /// Pair (with `code`) and stop: at the office before the event, say.
    pub pair_only: bool,
    /// Records per request.
    pub batch: u32,
    pub poll: Duration,
}

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Relayed {
    pub records: u64,
    pub batches: u64,
    /// Records left out: their kiosk is not enrolled here (no key to vouch with), or the
    /// main collector did not take them (held there for another kiosk).
    pub left: u64,
}

/// Why relaying stopped.
#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(
        "this collector is not paired with a main collector yet: give --code (from `placard-collector enroll --relay` there) and --recipient"
    )]
    NotPaired,
    #[error("pairing with the main collector failed: {0}")]
    Pairing(String),
    #[error("the main collector refused: {0}")]
    Refused(String),
    #[error("{0}")]
    Other(String),
}

fn text(v: Option<Vec<u8>>) -> Option<String> {
    v.and_then(|b| String::from_utf8(b).ok())
}

/// Where this collector relays to, if it was paired for it.
pub async fn target(store: &Store) -> Result<Option<String>, crate::store::StoreError> {
    Ok(text(store.meta(TO).await?))
}

/// The transport to the main collector: the relay's own key (made on first use), the main
/// collector's key pinned when pairing (pairing first if `code` is given).
async fn connect(
    store: &Store,
    o: &Options,
) -> Result<(HttpTransport, Option<String>), RelayError> {
    let other = |e: &dyn std::fmt::Display| RelayError::Other(e.to_string());
    let pkcs8 = match store.meta(KEY).await? {
        Some(k) => k,
        None => {
            let doc = ring::signature::Ed25519KeyPair::generate_pkcs8(
                &ring::rand::SystemRandom::new(),
            )
            .map_err(|_| RelayError::Other("no random numbers for the relay's key".into()))?;
            // The id first: cut between the two, the next run makes both again.
            store
                .set_meta(ID, Uuid::now_v7().to_string().as_bytes())
                .await?;
            store.set_meta(KEY, doc.as_ref()).await?;
            doc.as_ref().to_vec()
        }
    };
    let id: Uuid = text(store.meta(ID).await?)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| RelayError::Other("the relay's id is missing".into()))?;
    let pinned = match (text(store.meta(PINNED).await?), &o.code) {
        (Some(_), Some(_)) => {
            return Err(RelayError::Pairing(
                "this collector is paired already; leave out --code".into(),
            ));
        }
        (Some(p), None) => placard_sync::answer::decode_key(&p)
            .ok_or_else(|| RelayError::Other("the pinned key is damaged".into()))?,
        (None, None) => return Err(RelayError::NotPaired),
        (None, Some(code)) => {
            let recipient = o.recipient.as_deref().ok_or(RelayError::NotPaired)?;
            let public = public_key_of_pkcs8(&pkcs8).map_err(|e| other(&e))?;
            let pinned = placard_sync::http::enroll(&o.to, code, id, &public, recipient)
                .await
                .map_err(|e| RelayError::Pairing(e.to_string()))?;
            store
                .set_meta(PINNED, placard_sync::answer::encode_key(&pinned).as_bytes())
                .await?;
            store.set_meta(TO, o.to.as_str().as_bytes()).await?;
            store.set_meta(RECIPIENT, recipient.as_bytes()).await?;
            pinned
        }
    };
    let recipient = match &o.recipient {
        Some(r) => Some(r.clone()),
        None => text(store.meta(RECIPIENT).await?),
    };
    let signer = RequestSigner::from_pkcs8(&pkcs8, id.to_string()).map_err(|e| other(&e))?;
    let transport = HttpTransport::new(o.to.clone(), signer, pinned).map_err(|e| other(&e))?;
    Ok((transport, recipient))
}

/// The same records, the same batch id: from the SHA-256 of their ids.
fn batch_id(rows: &[RelayRow]) -> Uuid {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for r in rows {
        ctx.update(r.id.as_bytes());
        ctx.update(b"\n");
    }
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&ctx.finish().as_ref()[..16]);
    Uuid::new_v8(bytes)
}

/// Relays what this collector holds to the main one, until nothing waits (`once`) or for
/// good. Network failures are retried with growing waits; a refusal that will not change by
/// trying again (not a relay, a kiosk under another key, a bad signature) stops the run.
pub async fn run(
    store: &Store,
    o: &Options,
    mut progress: impl FnMut(&Relayed),
) -> Result<Relayed, RelayError> {
    let (transport, recipient) = connect(store, o).await?;
    if o.pair_only {
        return Ok(Relayed::default());
    }
    let fingerprint = recipient.as_deref().map(recipient_fingerprint);
    let devices: BTreeMap<String, crate::store::Device> = store
        .devices()
        .await?
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    let mut done = Relayed::default();
    // Records this run cannot relay (see `Relayed::left`): not asked for again.
    let mut skip: HashSet<String> = HashSet::new();
    let mut wait = Duration::from_millis(200);
    loop {
        let rows: Vec<RelayRow> = store
            .unrelayed(
                o.batch
                    .saturating_add(u32::try_from(skip.len()).unwrap_or(u32::MAX)),
            )
            .await?
            .into_iter()
            .filter(|r| !skip.contains(&r.id))
            .collect();
        if rows.is_empty() {
            if o.once {
                return Ok(done);
            }
            tokio::time::sleep(o.poll).await;
            continue;
        }
        // One kiosk per request (its key vouches for all of them).
        let first = rows[0].device_id.clone();
        let group: Vec<RelayRow> = rows
            .into_iter()
            .filter(|r| r.device_id == first)
            .take(o.batch as usize)
            .collect();
        let (Some(kiosk), Ok(device_id)) = (devices.get(&first), first.parse::<Uuid>()) else {
            done.left += group.len() as u64;
            skip.extend(group.into_iter().map(|r| r.id));
            continue;
        };
        let Some(key) = store.device_key(&first).await?.map(|k| k.public_key) else {
            done.left += group.len() as u64;
            skip.extend(group.into_iter().map(|r| r.id));
            continue;
        };
        let records = group
            .iter()
            .map(|r| {
                Ok(SealedRecord {
                    id: r.id.parse()?,
                    petition_id: r.petition_id.clone(),
                    captured_at: r.captured_at.clone(),
                    sealed: r.sealed.clone(),
                    provenance: r.provenance.clone(),
                })
            })
            .collect::<Result<Vec<_>, uuid::Error>>()
            .map_err(|e| RelayError::Other(e.to_string()))?;
        let relayed = RelayBatch {
            kiosk_name: kiosk.name.clone(),
            kiosk_key: key,
            batch: Batch {
                batch_id: batch_id(&group),
                device_id,
                records,
                recipient: fingerprint.clone(),
            },
        };
        match transport.relay(&relayed).await {
            Ok(ack) => {
                wait = Duration::from_millis(200);
                let stored: HashSet<String> = ack.stored.iter().map(Uuid::to_string).collect();
                let (taken, not): (Vec<RelayRow>, Vec<RelayRow>) =
                    group.into_iter().partition(|r| stored.contains(&r.id));
                done.records += taken.len() as u64;
                done.batches += 1;
                done.left += not.len() as u64;
                skip.extend(not.into_iter().map(|r| r.id));
                store
                    .mark_relayed(taken.into_iter().map(|r| r.id).collect())
                    .await?;
                progress(&done);
            }
            Err(TransportError::Refused { status, reason })
                if (400..500).contains(&status) && !matches!(status, 408 | 429) =>
            {
                return Err(RelayError::Refused(format!("{status}: {reason}")));
            }
            Err(e) => {
                eprintln!("relay: {e}; trying again in {} ms", wait.as_millis());
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(30));
            }
        }
    }
}
