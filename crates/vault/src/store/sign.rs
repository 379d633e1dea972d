//! Signing: validate, seal to the organiser's recipient, commit the sealed row and its outbox
//! row in one transaction.

use chrono::{SecondsFormat, Utc};
use rusqlite::{TransactionBehavior, params};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::Vault;
use crate::error::VaultError;
use crate::record::{ConsentReceipt, Event, RecordRef, SignerInput};
use crate::validate::{SignRules, normalise_and_validate};

/// The source of a record typed in from a paper sheet (see [`Vault::sign_paper`]).
pub const PAPER_SOURCE: &str = "paper";

impl Vault {
    /// Validates, seals and durably stores one signature; returns its record id.
    ///
    /// The plaintext exists only in `input` (zeroised when dropped, at the end of this call)
    /// and in the sealing buffer (zeroised too). On `Err`, nothing was stored.
    pub fn sign(&mut self, rules: &SignRules, input: SignerInput) -> Result<Uuid, VaultError> {
        self.sign_from(rules, input, None)
    }

    /// As [`Vault::sign`], for a paper sheet typed in by an operator (the panel's clipboard
    /// mode): the record's event keeps its name and tags, and its source is [`PAPER_SOURCE`],
    /// so the organisation's list tells these apart from signatures given at the kiosk.
    pub fn sign_paper(
        &mut self,
        rules: &SignRules,
        input: SignerInput,
    ) -> Result<Uuid, VaultError> {
        let event = Event {
            source: PAPER_SOURCE.to_owned(),
            ..self.event.clone()
        };
        self.sign_from(rules, input, Some(&event))
    }

    /// Signs with `event` in place of the kiosk's own (`None`: the kiosk's).
    fn sign_from(
        &mut self,
        rules: &SignRules,
        mut input: SignerInput,
        event: Option<&Event>,
    ) -> Result<Uuid, VaultError> {
        normalise_and_validate(rules, &mut input).map_err(VaultError::InvalidInput)?;
        // A random id: a UUIDv7 told the millisecond a person signed to anyone who sees the
        // row. The exact time goes inside the seal; in clear, only its hour.
        let id = Uuid::new_v4();
        let captured_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let clear_time = clear_time(&captured_at);
        let record = RecordRef {
            record_id: id,
            petition_id: &rules.petition_id,
            locale: &input.locale,
            captured_at: &captured_at,
            device_id: self.device_id,
            given_name: &input.given_name,
            family_name: &input.family_name,
            email: &input.email,
            postal_code: &input.postal_code,
            street_address: &input.street_address,
            city: &input.city,
            country: &input.country,
            phone: &input.phone,
            comment: &input.comment,
            subscribe: rules.forced_opt_in || input.subscribe.unwrap_or(false),
            signature: &input.signature,
            extra: input
                .extra
                .0
                .iter()
                .map(|f| (f.key.as_str(), f.value.as_str()))
                .collect(),
            event: event.unwrap_or(&self.event),
            consent: ConsentReceipt {
                notice_sha256: rules.notice.as_ref().map(|n| n.sha256.clone()),
                notice_lang: rules.notice.as_ref().and_then(|n| n.lang.clone()),
                consent_box: rules.consent_required.then_some(true),
                updates_box: (!rules.forced_opt_in).then(|| input.subscribe.unwrap_or(false)),
                at: captured_at.clone(),
            },
        };
        // Sized up front so serialising never reallocates and leaves a stray plaintext copy.
        let mut plain = Zeroizing::new(Vec::with_capacity(
            1024 + input.comment.len() + input.signature.len(),
        ));
        serde_json::to_writer(&mut *plain, &record).map_err(|e| VaultError::Seal(e.to_string()))?;
        drop(record);
        let plain = padded(plain);
        let sealed = self.seal(&plain)?;
        drop(plain);
        drop(input);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(VaultError::from_sqlite)?;
        insert_signature(&tx, &id, &rules.petition_id, &clear_time, &sealed)
            .map_err(VaultError::from_sqlite)?;
        tx.commit().map_err(VaultError::from_sqlite)?;
        self.since_checkpoint += 1;
        Ok(id)
    }

    /// Seals with the prepared encryptor (or a new one), consuming it: one per record.
    fn seal(&mut self, plain: &[u8]) -> Result<Vec<u8>, VaultError> {
        let encryptor = match self.prepared.take() {
            Some(e) => e,
            None => age::Encryptor::with_recipients(std::iter::once(
                &self.recipient as &dyn age::Recipient,
            ))?,
        };
        let mut sealed = Vec::with_capacity(plain.len() + 256);
        let mut w = encryptor.wrap_output(&mut sealed)?;
        std::io::Write::write_all(&mut w, plain)?;
        w.finish()?;
        Ok(sealed)
    }

    /// Benchmark only: seals `n` made-up signatures for `rules` into the vault quickly (10,000
    /// per transaction instead of one), to measure capture in a well-used vault.
    pub fn prefill_for_benchmark(&mut self, rules: &SignRules, n: u64) -> Result<(), VaultError> {
        let mut done = 0;
        while done < n {
            let tx = self.conn.transaction()?;
            for _ in 0..(n - done).min(10_000) {
                let id = Uuid::new_v4();
                let captured_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
                let email = format!("prefill{done}@example.org");
                let record = RecordRef {
                    record_id: id,
                    petition_id: &rules.petition_id,
                    locale: "en",
                    captured_at: &captured_at,
                    device_id: self.device_id,
                    given_name: "Prefill",
                    family_name: "Record",
                    email: &email,
                    postal_code: "02139",
                    street_address: "",
                    city: "",
                    country: "US",
                    phone: "",
                    comment: "",
                    subscribe: true,
                    signature: "",
                    extra: Default::default(),
                    event: &self.event,
                    consent: ConsentReceipt::default(),
                };
                let plain = padded(Zeroizing::new(
                    serde_json::to_vec(&record).map_err(|e| VaultError::Seal(e.to_string()))?,
                ));
                let sealed = age::encrypt(&self.recipient, &plain)?;
                insert_signature(
                    &tx,
                    &id,
                    &rules.petition_id,
                    &clear_time(&captured_at),
                    &sealed,
                )?;
                done += 1;
            }
            tx.commit()?;
        }
        Ok(())
    }
}

/// The capture time as kept in clear: its hour (`2026-11-29T19:00:00Z`). Enough for the
/// counts per hour; the minute a person signed stays inside the seal.
pub fn clear_time(exact: &str) -> String {
    match exact.get(..13) {
        Some(hour) if exact.len() >= 13 => format!("{hour}:00:00Z"),
        _ => exact.to_owned(),
    }
}

/// The smallest sealed plaintext; each bucket after it is twice the one before.
pub const SMALLEST_BUCKET: usize = 1024;

/// The size a plaintext of `len` bytes is padded to: the first bucket (1, 2, 4, 8 … KiB) that
/// holds it.
pub fn bucket(len: usize) -> usize {
    len.max(SMALLEST_BUCKET).next_power_of_two()
}

/// `plain` (a JSON record) padded with spaces to its bucket, which JSON ignores: the sealed
/// file's length then says which bucket, not whether a comment or a drawn signature is inside
/// nor how long a name is. A larger buffer is made when needed, and the first is wiped.
fn padded(plain: Zeroizing<Vec<u8>>) -> Zeroizing<Vec<u8>> {
    let size = bucket(plain.len());
    let mut out = if plain.capacity() >= size {
        plain
    } else {
        let mut bigger = Zeroizing::new(Vec::with_capacity(size));
        bigger.extend_from_slice(&plain);
        bigger
    };
    out.resize(size, b' ');
    out
}

/// Writes a sealed signature and its outbox row (the caller owns the transaction and commits
/// both at once): the one place that knows how the two rows are linked.
fn insert_signature(
    tx: &rusqlite::Transaction<'_>,
    id: &Uuid,
    petition_id: &str,
    captured_at: &str,
    sealed: &[u8],
) -> rusqlite::Result<()> {
    let id = id.to_string();
    tx.prepare_cached(
        "INSERT INTO signatures (id, petition_id, captured_at, sealed) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, petition_id, captured_at, sealed])?;
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO outbox (signature_rowid, signature_id) VALUES (?1, ?2)")?
        .execute(params![rowid, id])?;
    Ok(())
}
