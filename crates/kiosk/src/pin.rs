//! The operator PIN, stored as a salted PBKDF2-HMAC-SHA256 hash (ring), never in clear.

use std::num::NonZeroU32;

use ring::rand::SecureRandom as _;
use serde::{Deserialize, Serialize};

const ITERATIONS: u32 = 200_000;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    salt: Vec<u8>,
    hash: Vec<u8>,
    iterations: u32,
}

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(..)")
    }
}

impl PinHash {
    /// `None` unless the PIN is 4 to 12 digits (a touchscreen keypad types nothing else).
    pub fn new(pin: &str) -> Option<Self> {
        if !(4..=12).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut salt = vec![0u8; 16];
        ring::rand::SystemRandom::new().fill(&mut salt).ok()?;
        let mut hash = vec![0u8; 32];
        ring::pbkdf2::derive(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            iterations(ITERATIONS),
            &salt,
            pin.as_bytes(),
            &mut hash,
        );
        Some(Self {
            salt,
            hash,
            iterations: ITERATIONS,
        })
    }

    /// Constant-time comparison (ring's verify).
    pub fn verify(&self, pin: &str) -> bool {
        ring::pbkdf2::verify(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            iterations(self.iterations),
            &self.salt,
            pin.as_bytes(),
            &self.hash,
        )
        .is_ok()
    }
}

fn iterations(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}
