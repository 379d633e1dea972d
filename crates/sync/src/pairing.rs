//! Pairing a kiosk with its collector by a short code, as magic-wormhole pairs two computers:
//! a password-authenticated key exchange (SPAKE2 over Ed25519, RustCrypto's `spake2`) on the
//! code, then each side's keys sent under the key it agreed.
//!
//! Why a PAKE and not the code itself on the wire: whoever sits between kiosk and collector at
//! a rally (the event Wi-Fi) would read a code sent in the clear and enrol their own device with
//! it, or answer the kiosk in the collector's place. With SPAKE2 the code never travels: a
//! man in the middle who does not know it gets one guess per exchange, learns nothing he could
//! test offline, and cannot put his own key in the collector's place, because the collector's
//! key reaches the kiosk sealed under the agreed key.
//!
//! The code reads `417-K7MQ-P2XD`: a *nameplate* (a few digits, so the collector finds the
//! waiting pairing) and a secret of 40 random bits in base32. Each exchange the collector
//! answers counts as a try; a code is burned after [`MAX_TRIES`], and expires (24 hours by
//! default).
//!
//! The exchange, over two requests:
//! 1. kiosk → collector: the nameplate and the kiosk's SPAKE2 message ([`StartRequest`]).
//! 2. collector → kiosk: its SPAKE2 message and its [`Offer`] (its public key, the
//!    organisation's recipient) sealed under the agreed key ([`StartAnswer`]). A kiosk that
//!    typed the wrong code cannot open the offer, and says so.
//! 3. kiosk → collector: the kiosk's [`Device`] (id, device key, recipient) sealed the same way
//!    ([`FinishRequest`]). The collector registers the device only if it opens.
//! 4. collector → kiosk: the enrolment, signed by the key the offer named.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom as _, SystemRandom};
use spake2::{Ed25519Group, Identity, Password, Spake2};

/// Exchanges a code allows before it is burned: a kiosk whose network failed mid-way may try
/// again, an attacker guessing gets this many guesses in 2⁴⁰.
pub const MAX_TRIES: u32 = 3;

/// How long the collector keeps the key agreed in an exchange's first request, waiting for its
/// second (seconds).
pub const SESSION_SECONDS: i64 = 120;

/// Why a pairing did not go through, on the kiosk's side.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairingError {
    #[error(
        "that does not look like a pairing code: it reads like 417-K7MQ-P2XD (digits, a dash, \
         eight letters and digits)"
    )]
    Malformed,
    #[error(
        "the code does not match the collector's: check it and type it again (a code is \
         burned after {MAX_TRIES} tries)"
    )]
    WrongCode,
    #[error("the collector's answer is not a pairing answer")]
    BadMessage,
}

/// A pairing code.
#[derive(Clone, PartialEq, Eq)]
pub struct Code {
    nameplate: u32,
    /// Eight characters of RFC 4648 base32, upper case.
    secret: String,
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret stays out of logs and panics.
        write!(f, "Code({}-…)", self.nameplate)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b) = self.secret.split_at(4);
        write!(f, "{}-{a}-{b}", self.nameplate)
    }
}

impl Code {
    /// A new code on `nameplate` with a fresh secret.
    pub fn fresh(nameplate: u32) -> Result<Self, ring::error::Unspecified> {
        let mut bytes = [0u8; 5];
        SystemRandom::new().fill(&mut bytes)?;
        Ok(Self {
            nameplate,
            secret: data_encoding::BASE32_NOPAD.encode(&bytes),
        })
    }

    /// Reads a code as a volunteer typed it: any case, spaces or dashes anywhere in the secret,
    /// and the digits people type for the letters base32 lacks (0 for O, 1 for I, 8 for B).
    pub fn parse(text: &str) -> Result<Self, PairingError> {
        let text = text.trim();
        let (plate, rest) = text.split_once('-').ok_or(PairingError::Malformed)?;
        let nameplate = plate
            .trim()
            .parse::<u32>()
            .map_err(|_| PairingError::Malformed)?;
        let secret: String = rest
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(|c| match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                c => c,
            })
            .collect();
        let valid = secret.len() == 8
            && secret
                .bytes()
                .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b));
        if !valid {
            return Err(PairingError::Malformed);
        }
        Ok(Self { nameplate, secret })
    }

    pub fn nameplate(&self) -> u32 {
        self.nameplate
    }

    /// The secret part, as the collector keeps it (sealed) while the code waits.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// The code on `nameplate` with the kept `secret`.
    pub fn from_parts(nameplate: u32, secret: &str) -> Result<Self, PairingError> {
        Self::parse(&format!("{nameplate}-{secret}"))
    }

    /// What both sides feed SPAKE2: the whole code, so a code on one nameplate is no help
    /// on another.
    fn password(&self) -> Password {
        Password::new(format!("placard pairing v1 {self}").as_bytes())
    }
}

fn identities() -> (Identity, Identity) {
    (
        Identity::new(b"placard kiosk"),
        Identity::new(b"placard collector"),
    )
}

/// Request 1, kiosk → collector.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StartRequest {
    pub nameplate: u32,
    /// The kiosk's SPAKE2 message, base64.
    pub message: String,
}

/// Answer 1, collector → kiosk.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StartAnswer {
    /// The collector's SPAKE2 message, base64.
    pub message: String,
    /// The [`Offer`], sealed under the agreed key, base64.
    pub offer: String,
}

/// What the collector tells a kiosk that knows the code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Offer {
    /// The collector's public key, base64 (`answer::encode_key`): the kiosk pins it.
    pub collector_key: String,
    /// The organisation's key records must be sealed to (`age1…`), when the collector was told.
    pub recipient: Option<String>,
}

/// Request 2, kiosk → collector.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FinishRequest {
    pub nameplate: u32,
    /// The [`Device`], sealed under the agreed key, base64.
    pub device: String,
}

/// What the kiosk tells the collector once it has opened the offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Device {
    pub device_id: uuid::Uuid,
    /// The device's Ed25519 public key, base64.
    pub public_key: String,
    /// The key this kiosk seals to (`age1…`).
    pub recipient: String,
}

/// Answer 2, collector → kiosk, signed (`answer::Kind::Enrolled`) by the offered key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Enrolled {
    pub device_id: uuid::Uuid,
    pub collector_key: String,
}

/// The key both sides agreed, from which each direction's key is derived.
#[derive(Clone)]
pub struct SessionKey([u8; 32]);

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(…)")
    }
}

impl SessionKey {
    fn from_spake(bytes: &[u8]) -> Result<Self, PairingError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| PairingError::BadMessage)
    }

    /// As the collector keeps it between the two requests (sealed: see `seal`).
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        bytes.try_into().ok().map(Self)
    }

    /// The key for one direction: the two directions never share a key (nor a nonce space).
    fn direction(&self, label: &[u8]) -> [u8; 32] {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"placard pairing v1 ");
        ctx.update(label);
        ctx.update(&self.0);
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.finish().as_ref());
        out
    }
}

const OFFER: &[u8] = b"collector to kiosk";
const DEVICE: &[u8] = b"kiosk to collector";

/// The kiosk's half, between its request 1 and the collector's answer.
pub struct KioskPairing {
    spake: Spake2<Ed25519Group>,
    nameplate: u32,
}

impl std::fmt::Debug for KioskPairing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KioskPairing({}-…)", self.nameplate)
    }
}

impl KioskPairing {
    /// Starts pairing on `code`; send the request.
    pub fn start(code: &Code) -> (Self, StartRequest) {
        let (a, b) = identities();
        let (spake, message) = Spake2::<Ed25519Group>::start_a(&code.password(), &a, &b);
        let request = StartRequest {
            nameplate: code.nameplate,
            message: STANDARD.encode(message),
        };
        (
            Self {
                spake,
                nameplate: code.nameplate,
            },
            request,
        )
    }

    /// Opens the collector's answer: its offer, if both typed the same code, and the request
    /// that sends `device` under the agreed key.
    pub fn finish(
        self,
        answer: &StartAnswer,
        device: &Device,
    ) -> Result<(Offer, FinishRequest), PairingError> {
        let theirs = STANDARD
            .decode(answer.message.trim())
            .map_err(|_| PairingError::BadMessage)?;
        let session = SessionKey::from_spake(
            &self
                .spake
                .finish(&theirs)
                .map_err(|_| PairingError::BadMessage)?,
        )?;
        let sealed = STANDARD
            .decode(answer.offer.trim())
            .map_err(|_| PairingError::BadMessage)?;
        // The code is wrong (or the answer is not the collector's): the offer does not open.
        let offer =
            open(&session.direction(OFFER), OFFER, &sealed).ok_or(PairingError::WrongCode)?;
        let offer: Offer = serde_json::from_slice(&offer).map_err(|_| PairingError::BadMessage)?;
        let device = serde_json::to_vec(device).map_err(|_| PairingError::BadMessage)?;
        let sealed = seal(&session.direction(DEVICE), DEVICE, &device)
            .map_err(|_| PairingError::BadMessage)?;
        Ok((
            offer,
            FinishRequest {
                nameplate: self.nameplate,
                device: STANDARD.encode(sealed),
            },
        ))
    }
}

/// The collector's answer to request 1 on `code` (the code it made for that nameplate), with
/// the key to keep for request 2.
pub fn collector_answer(
    code: &Code,
    request: &StartRequest,
    offer: &Offer,
) -> Result<(StartAnswer, SessionKey), PairingError> {
    let theirs = STANDARD
        .decode(request.message.trim())
        .map_err(|_| PairingError::BadMessage)?;
    let (a, b) = identities();
    let (spake, message) = Spake2::<Ed25519Group>::start_b(&code.password(), &a, &b);
    let session = SessionKey::from_spake(
        &spake
            .finish(&theirs)
            .map_err(|_| PairingError::BadMessage)?,
    )?;
    let offer = serde_json::to_vec(offer).map_err(|_| PairingError::BadMessage)?;
    let sealed =
        seal(&session.direction(OFFER), OFFER, &offer).map_err(|_| PairingError::BadMessage)?;
    Ok((
        StartAnswer {
            message: STANDARD.encode(message),
            offer: STANDARD.encode(sealed),
        },
        session,
    ))
}

/// The device a kiosk sent in request 2, if it was sealed under `session` (else it did not
/// know the code: `WrongCode`).
pub fn open_device(session: &SessionKey, request: &FinishRequest) -> Result<Device, PairingError> {
    let sealed = STANDARD
        .decode(request.device.trim())
        .map_err(|_| PairingError::BadMessage)?;
    let device =
        open(&session.direction(DEVICE), DEVICE, &sealed).ok_or(PairingError::WrongCode)?;
    serde_json::from_slice(&device).map_err(|_| PairingError::BadMessage)
}

/// Seals `plain` with `key` (ChaCha20-Poly1305, a random nonce in front), bound to `label`.
/// Also how the collector keeps a waiting code's secret and session key at rest, under a key
/// derived from its own (`CollectorKey::derive`): a copy of its database alone enrols nobody.
pub fn seal(
    key: &[u8; 32],
    label: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, ring::error::Unspecified> {
    let mut nonce = [0u8; NONCE_LEN];
    SystemRandom::new().fill(&mut nonce)?;
    let key = LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, key)?);
    let mut out = plain.to_vec();
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(label),
        &mut out,
    )?;
    Ok([nonce.as_slice(), &out].concat())
}

/// The inverse of [`seal`]; `None` when the key, the label or a byte differs.
pub fn open(key: &[u8; 32], label: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN {
        return None;
    }
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let key = LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, key).ok()?);
    let mut buf = rest.to_vec();
    let plain = key
        .open_in_place(
            Nonce::try_assume_unique_for_key(nonce).ok()?,
            Aad::from(label),
            &mut buf,
        )
        .ok()?;
    Some(plain.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device() -> Device {
        Device {
            device_id: uuid::Uuid::now_v7(),
            public_key: STANDARD.encode([7u8; 32]),
            recipient: "age1example".into(),
        }
    }

    fn offer() -> Offer {
        Offer {
            collector_key: STANDARD.encode([9u8; 32]),
            recipient: Some("age1example".into()),
        }
    }

    #[test]
    fn the_same_code_pairs_and_each_side_learns_the_others_keys() {
        let code = Code::fresh(417).unwrap();
        let typed = Code::parse(&code.to_string().to_lowercase()).unwrap();
        assert_eq!(typed, code);
        let (kiosk, request) = KioskPairing::start(&typed);
        let (answer, session) = collector_answer(&code, &request, &offer()).unwrap();
        let (got, finish) = kiosk.finish(&answer, &device()).unwrap();
        assert_eq!(got, offer());
        let d = open_device(&session, &finish).unwrap();
        assert_eq!(d.recipient, "age1example");
        assert_eq!(finish.nameplate, 417);
    }

    #[test]
    fn a_wrong_code_opens_nothing_on_either_side() {
        let code = Code::fresh(417).unwrap();
        let guess = Code::fresh(417).unwrap();
        let (kiosk, request) = KioskPairing::start(&guess);
        let (answer, session) = collector_answer(&code, &request, &offer()).unwrap();
        assert_eq!(
            kiosk.finish(&answer, &device()).unwrap_err(),
            PairingError::WrongCode
        );
        // A kiosk that went on anyway (under its own key) is not let in either.
        let (kiosk, request) = KioskPairing::start(&guess);
        let (answer_for_guess, _) = collector_answer(&guess, &request, &offer()).unwrap();
        let (_, finish) = kiosk.finish(&answer_for_guess, &device()).unwrap();
        assert_eq!(
            open_device(&session, &finish).unwrap_err(),
            PairingError::WrongCode
        );
    }

    #[test]
    fn a_relay_cannot_change_the_offer() {
        let code = Code::fresh(5).unwrap();
        let (kiosk, request) = KioskPairing::start(&code);
        let (mut answer, _) = collector_answer(&code, &request, &offer()).unwrap();
        let mut sealed = STANDARD.decode(&answer.offer).unwrap();
        let last = sealed.len() - 20;
        sealed[last] ^= 1;
        answer.offer = STANDARD.encode(sealed);
        assert_eq!(
            kiosk.finish(&answer, &device()).unwrap_err(),
            PairingError::WrongCode
        );
    }

    #[test]
    fn codes_are_read_as_volunteers_type_them() {
        let code = Code::parse(" 417-k7mq p2xd ").unwrap();
        assert_eq!(code.to_string(), "417-K7MQ-P2XD");
        assert_eq!(
            Code::parse("417-K7MQ-P2X0").unwrap().to_string(),
            "417-K7MQ-P2XO"
        );
        for bad in [
            "",
            "K7MQ-P2XD",
            "417-K7MQ",
            "417-K7MQ-P2XD-Q",
            "x-K7MQ-P2XD",
            "417-K7MQ-P2X!",
        ] {
            assert_eq!(
                Code::parse(bad).unwrap_err(),
                PairingError::Malformed,
                "{bad}"
            );
        }
        assert_eq!(
            format!("{code:?}"),
            "Code(417-…)",
            "the secret stays out of debug output"
        );
        let fresh = Code::fresh(1).unwrap();
        assert_eq!(Code::parse(&fresh.to_string()).unwrap(), fresh);
    }

    #[test]
    fn sealed_bytes_open_only_with_their_key_and_label() {
        let key = [1u8; 32];
        let sealed = seal(&key, b"a", b"secret").unwrap();
        assert_eq!(open(&key, b"a", &sealed).as_deref(), Some(&b"secret"[..]));
        assert_eq!(open(&key, b"b", &sealed), None);
        assert_eq!(open(&[2u8; 32], b"a", &sealed), None);
        assert_eq!(open(&key, b"a", &sealed[..5]), None);
    }
}
