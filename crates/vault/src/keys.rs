//! The organiser's key: an age X25519 identity, stored encrypted with a passphrase (age's
//! scrypt format, ASCII-armoured so it can be printed), so the stock `age` tool opens it too:
//! `age -d key.age > identity.txt` asks for the passphrase, `age -d -i identity.txt rec.age`.
//!
//! Kiosks only ever hold the recipient (`age1…`). The identity exists in memory only between an
//! organiser's unlock and the end of that run.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::str::FromStr as _;

use age::secrecy::{ExposeSecret as _, SecretString};
use zeroize::Zeroizing;

use crate::error::VaultError;

/// The shortest passphrase a new organiser key is given: it is all that protects the key file
/// (scrypt-hardened). The kiosk's first run and `placard keys new` ask the same.
pub const MIN_PASSPHRASE: usize = 12;

/// An unlocked organiser key. Dropping it drops the secret (age zeroises it).
pub struct OrganiserKey {
    identity: age::x25519::Identity,
}

impl std::fmt::Debug for OrganiserKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OrganiserKey({})", self.recipient())
    }
}

impl OrganiserKey {
    pub fn generate() -> Self {
        Self {
            identity: age::x25519::Identity::generate(),
        }
    }

    /// The public part, `age1…`, which kiosks seal to.
    pub fn recipient(&self) -> String {
        self.identity.to_public().to_string()
    }

    pub(crate) fn identity(&self) -> &age::x25519::Identity {
        &self.identity
    }

    /// Writes the identity to `path`, encrypted with `passphrase`, readable by the owner only.
    /// Never overwrites: a second key over the first would orphan every record sealed to it.
    pub fn write_encrypted(
        &self,
        path: &Path,
        passphrase: &SecretString,
    ) -> Result<(), VaultError> {
        let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let secret = self.identity.to_string();
        let plain = Zeroizing::new(format!(
            "# Placard organiser key, created {created}\n# public key: {}\n{}\n",
            self.recipient(),
            secret.expose_secret()
        ));
        let mut armored = Vec::new();
        {
            let encryptor = age::Encryptor::with_user_passphrase(passphrase.clone());
            let armor = age::armor::ArmoredWriter::wrap_output(
                &mut armored,
                age::armor::Format::AsciiArmor,
            )?;
            let mut w = encryptor.wrap_output(armor)?;
            w.write_all(plain.as_bytes())?;
            w.finish()?.finish()?;
        }
        let mut file = create_private(path)?;
        file.write_all(&armored)?;
        file.sync_all()?;
        Ok(())
    }

    /// Unlocks a key written by [`OrganiserKey::write_encrypted`] (or by `age -p` over an identity
    /// file). A wrong passphrase is `WrongPassphrase`; nothing is written either way.
    pub fn unlock(path: &Path, passphrase: &SecretString) -> Result<Self, VaultError> {
        let bytes = std::fs::read(path)?;
        let reader = age::armor::ArmoredReader::new(&bytes[..]);
        let decryptor =
            age::Decryptor::new(reader).map_err(|e| VaultError::BadIdentity(e.to_string()))?;
        let scrypt = age::scrypt::Identity::new(passphrase.clone());
        let mut plain = Zeroizing::new(String::new());
        decryptor
            .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                    VaultError::WrongPassphrase
                }
                other => VaultError::BadIdentity(other.to_string()),
            })?
            .read_to_string(&mut plain)
            .map_err(|e| VaultError::BadIdentity(e.to_string()))?;
        let line = plain
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .ok_or_else(|| VaultError::BadIdentity("no AGE-SECRET-KEY line inside".into()))?;
        let identity = age::x25519::Identity::from_str(line)
            .map_err(|e| VaultError::BadIdentity(e.to_string()))?;
        Ok(Self { identity })
    }

    /// The printable recovery sheet: what to keep on paper in a safe place.
    pub fn recovery_sheet(&self, key_file: &Path) -> Result<String, VaultError> {
        let armored = std::fs::read_to_string(key_file)?;
        Ok(format!(
            "PLACARD ORGANISER KEY — RECOVERY COPY\n\
             =====================================\n\n\
             Public key (kiosks seal signatures to it):\n  {}\n\n\
             The private key below is encrypted with your passphrase. Without BOTH this\n\
             block and the passphrase, every signature sealed to the public key above is\n\
             lost for good: nobody, not even Placard's developers, can open them.\n\n\
             To restore: type or scan the block into a file named key.age, then\n  \
             placard export --identity key.age …   or   age -d key.age\n\n{armored}\n",
            self.recipient()
        ))
    }
}

/// Parses a recipient (`age1…`).
pub fn parse_recipient(s: &str) -> Result<age::x25519::Recipient, VaultError> {
    age::x25519::Recipient::from_str(s.trim())
        .map_err(|_| VaultError::BadRecipient(s.trim().to_owned()))
}

/// Creates a new file readable and writable by its owner only (0600); fails if it exists.
pub(crate) fn create_private(path: &Path) -> Result<std::fs::File, VaultError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => VaultError::KeyExists(path.to_owned()),
        _ => VaultError::Io(e),
    })
}

impl From<age::EncryptError> for VaultError {
    fn from(e: age::EncryptError) -> Self {
        VaultError::Seal(e.to_string())
    }
}
