//! Erasure on request: every record of the signer with an email address goes (the organiser's
//! key opens each record to find which), a salted hash of the address and the time stay as the
//! proof, and those records are refused if a kiosk or a bundle delivers them again. Shared by
//! `placard-collector forget` and the console.

use placard_vault::OrganiserKey;
use std::sync::Arc;

use crate::store::{Store, StoreError};

/// Forgets the signer with `email` (case and surrounding spaces ignored); returns how many
/// records went. Opening every record is CPU work: it runs off the async workers.
pub async fn forget_signer(
    store: &Store,
    key: Arc<OrganiserKey>,
    email: &str,
) -> Result<u64, StoreError> {
    let wanted = email.trim().to_lowercase();
    let records = store.all_records().await?;
    let ids = tokio::task::spawn_blocking(move || {
        records
            .iter()
            .filter(|(device, row)| {
                placard_vault::open_sealed(row, *device, &key)
                    .is_ok_and(|r| r.email.trim().to_lowercase() == wanted)
            })
            .map(|(_, row)| row.id.clone())
            .collect::<Vec<String>>()
    })
    .await
    .map_err(|e| StoreError::Task(e.to_string()))?;
    store.forget(ids, email).await
}
