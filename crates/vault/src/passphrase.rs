//! Passphrases for command-line tools (`placard`, `placard-collector`): from a file (its first
//! line), else typed on a terminal, never echoed and never taken from an argument (it would
//! show in `ps` and shell history).

use std::io::IsTerminal as _;
use std::path::Path;

use age::secrecy::{ExposeSecret as _, SecretString};

fn error(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}

/// The passphrase in `file`, else one typed after `prompt` on a terminal.
pub fn read(file: Option<&Path>, prompt: &str) -> std::io::Result<SecretString> {
    if let Some(file) = file {
        let text = std::fs::read_to_string(file).map_err(|e| {
            error(format!(
                "cannot read the passphrase file {}: {e}",
                file.display()
            ))
        })?;
        let line = text.lines().next().unwrap_or("").to_owned();
        if line.is_empty() {
            return Err(error(format!(
                "the passphrase file {} is empty",
                file.display()
            )));
        }
        return Ok(SecretString::from(line));
    }
    if !std::io::stdin().is_terminal() {
        return Err(error(
            "no passphrase: give --passphrase-file FILE, or run this on a terminal".into(),
        ));
    }
    Ok(SecretString::from(rpassword::prompt_password(prompt)?))
}

/// A new passphrase: typed twice on a terminal (they must match), or from a file; at least
/// [`crate::MIN_PASSPHRASE`] characters, as the kiosk asks.
pub fn new(file: Option<&Path>) -> std::io::Result<SecretString> {
    let first = read(file, "New passphrase for the organiser key: ")?;
    if first.expose_secret().chars().count() < crate::MIN_PASSPHRASE {
        return Err(error(format!(
            "the passphrase must be at least {} characters: it is all that protects the key \
             (nothing was written)",
            crate::MIN_PASSPHRASE
        )));
    }
    if file.is_none() {
        let again = read(None, "Type it again: ")?;
        if first.expose_secret() != again.expose_secret() {
            return Err(error(
                "the two passphrases differ; nothing was written".into(),
            ));
        }
    }
    Ok(first)
}
