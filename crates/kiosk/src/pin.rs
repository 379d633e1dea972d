//! The operator PIN, stored as a salted PBKDF2-HMAC-SHA256 hash (ring), never in clear, and
//! the count of wrong PINs, kept on disk so that restarting the app does not reset it.

use std::num::NonZeroU32;
use std::path::Path;
use std::time::{Duration, SystemTime};

use ring::rand::SecureRandom as _;
use serde::{Deserialize, Serialize};

const ITERATIONS: u32 = 200_000;

/// The shortest PIN a kiosk accepts. A million PINs at five tries per growing wait (see
/// [`Tries`]) take years to walk; ten thousand, as four digits gave, fell in about a day and a
/// half when the lockout was a flat minute.
pub const MIN_DIGITS: usize = 6;
pub const MAX_DIGITS: usize = 12;

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
    /// `None` unless the PIN is [`MIN_DIGITS`] to [`MAX_DIGITS`] digits (a touchscreen keypad
    /// types nothing else). A kiosk set up before the minimum rose keeps its shorter PIN's hash
    /// and [`verify`](Self::verify) still checks it; the operator is then asked for a new one.
    pub fn new(pin: &str) -> Option<Self> {
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&pin.len())
            || !pin.bytes().all(|b| b.is_ascii_digit())
        {
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

/// Wrong PINs in a row before the keypad is refused for a while.
pub const ATTEMPTS: u32 = 5;
/// The first wait; each lockout after it (with no right PIN between) doubles it, up to
/// [`LONGEST_WAIT`]: a volunteer who fumbled waits a minute, a guesser waits hours.
pub const FIRST_WAIT: Duration = Duration::from_secs(60);
pub const LONGEST_WAIT: Duration = Duration::from_secs(3600);
/// `DATA_DIR/pin-tries.json`.
pub const TRIES_FILE: &str = "pin-tries.json";

/// Wrong PINs and lockouts since the last right PIN. Kept in the data folder (0600, written
/// atomically) so a restart, a crash or pulling the plug does not hand a guesser a fresh
/// count. Wall-clock time, since it must outlive the process.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tries {
    /// Tries counted in this round, the one being checked included: a try is counted before its
    /// PIN is checked, so killing the app while it is checked does not undo it.
    pub wrong: u32,
    /// Lockouts since the last right PIN.
    pub lockouts: u32,
    /// Seconds since the Unix epoch until which the keypad is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_until: Option<u64>,
}

impl Tries {
    /// The count as saved; a file that is missing starts a fresh count, one that cannot be
    /// read is refused (the caller keeps the keypad shut rather than guess).
    pub fn load(data_dir: &Path) -> std::io::Result<Self> {
        match std::fs::read(data_dir.join(TRIES_FILE)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(std::io::Error::other),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e),
        }
    }

    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        crate::settings::write_private(
            &data_dir.join(TRIES_FILE),
            &serde_json::to_vec(self).map_err(std::io::Error::other)?,
        )
    }

    /// A count that starts with the keypad shut for the first wait (when the saved one cannot
    /// be read: not taken as "no wrong PINs").
    pub fn shut_for_first_wait(now: SystemTime) -> Self {
        Self {
            wrong: 0,
            lockouts: 1,
            locked_until: Some(unix(now) + FIRST_WAIT.as_secs()),
        }
    }

    /// How long the keypad stays shut at `now`, if it does. A clock set back cannot stretch a
    /// wait past the longest one this round could have earned.
    pub fn wait(&mut self, now: SystemTime) -> Option<Duration> {
        let until = self.locked_until?;
        let now = unix(now);
        if now >= until {
            return None;
        }
        let most = wait_after(self.lockouts).as_secs();
        if until - now > most {
            self.locked_until = Some(now + most);
        }
        Some(Duration::from_secs((until - now).min(most)))
    }

    /// Counts a try about to be checked (and ends a lockout that is over).
    pub fn start(&mut self, now: SystemTime) {
        if self.locked_until.is_some_and(|until| unix(now) >= until) {
            self.locked_until = None;
        }
        self.wrong += 1;
    }

    /// Settles the try [`start`](Self::start) counted: a right PIN clears everything; the
    /// [`ATTEMPTS`]th wrong one in a row shuts the keypad for the next, longer wait.
    pub fn settle(&mut self, right: bool, now: SystemTime) {
        if right {
            *self = Self::default();
        } else if self.wrong >= ATTEMPTS {
            self.wrong = 0;
            self.lockouts += 1;
            self.locked_until = Some(unix(now) + wait_after(self.lockouts).as_secs());
        }
    }
}

/// The wait after the `n`th lockout in a row: 1, 2, 4 … minutes, never more than an hour.
pub fn wait_after(n: u32) -> Duration {
    let doubled = FIRST_WAIT.saturating_mul(1u32 << n.saturating_sub(1).min(16));
    doubled.min(LONGEST_WAIT)
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_an_hour() {
        let mins: Vec<u64> = (1..=9).map(|n| wait_after(n).as_secs() / 60).collect();
        assert_eq!(mins, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn pins_shorter_than_six_digits_are_refused_but_old_ones_still_verify() {
        assert!(PinHash::new("1234").is_none());
        assert!(PinHash::new("12345").is_none());
        assert!(PinHash::new("12345a").is_none());
        assert!(PinHash::new("1234567890123").is_none());
        assert!(PinHash::new("123456").unwrap().verify("123456"));
        // A kiosk set up when four digits were allowed: its hash still opens with that PIN.
        let old = PinHash {
            salt: vec![7; 16],
            hash: {
                let mut h = vec![0u8; 32];
                ring::pbkdf2::derive(
                    ring::pbkdf2::PBKDF2_HMAC_SHA256,
                    iterations(1000),
                    &[7; 16],
                    b"2468",
                    &mut h,
                );
                h
            },
            iterations: 1000,
        };
        assert!(old.verify("2468") && !old.verify("2469"));
    }

    #[test]
    fn a_clock_set_back_cannot_stretch_the_wait() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let mut tries = Tries::default();
        for _ in 0..ATTEMPTS {
            tries.start(t0);
            tries.settle(false, t0);
        }
        assert_eq!(tries.wait(t0), Some(FIRST_WAIT));
        let back = t0 - Duration::from_secs(86_400);
        assert_eq!(tries.wait(back), Some(FIRST_WAIT));
        assert_eq!(tries.wait(back + FIRST_WAIT), None);
    }
}
