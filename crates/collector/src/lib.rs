//! The organisation's collector: kiosks pair with it by a short code (`pairing`), then
//! send sealed batches signed with them (RFC 9421). Batches are stored idempotently — a
//! repeated batch gets the same acknowledgement, a record is stored once whatever batch
//! carries it — and nothing partial is ever stored. Records stay sealed here: only an
//! organiser's unlock (`keyring`, `admin`) lets the collector open them.

pub mod admin;
pub mod console;
pub mod erasure;
pub mod export;
pub mod fanout;
pub mod import;
pub mod keyring;
pub mod own_key;
pub mod packs;
pub mod pages;
pub mod pairing;
pub mod relay;
pub mod server;
pub mod store;
pub mod tls;
