//! Sync: sealed records from a kiosk's vault to the organisation's collector, exactly once.
//!
//! - [`wire`]: what travels (batches of sealed records, acknowledgements).
//! - [`answer`]: the collector's signed answers, checked against the key a kiosk pinned.
//! - [`digest`]: `Content-Digest` (RFC 9530).
//! - [`signing`]: HTTP Message Signatures (RFC 9421) with the vault's Ed25519 device key, on
//!   both sides.
//! - [`pairing`]: pairing a kiosk with its collector by a short code (SPAKE2).
//! - [`tls`]: TLS to the collector, held to the pinned key (or the Web PKI for an
//!   organisation's own certificate).
//! - [`engine`]: the kiosk's sync loop (batches, capped exponential backoff with full jitter,
//!   "Sync now", injected shutdown), over a [`engine::Transport`].
//!
//! Nothing here can read a record: everything it moves is sealed to the organiser.

pub mod answer;
pub mod digest;
pub mod engine;
pub mod http;
pub mod pairing;
pub mod signing;
pub mod tls;
pub mod wire;
