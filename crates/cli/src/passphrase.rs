//! Passphrases: from `--passphrase-file` (first line), else typed on a terminal, never echoed
//! and never taken from an argument (it would show in `ps` and shell history).

use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::{Context as _, bail};
use placard_vault::{ExposeSecret as _, SecretString};

pub fn read(file: Option<&Path>, prompt: &str) -> anyhow::Result<SecretString> {
    if let Some(file) = file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the passphrase file {}", file.display()))?;
        let line = text.lines().next().unwrap_or("").to_owned();
        if line.is_empty() {
            bail!("the passphrase file {} is empty", file.display());
        }
        return Ok(SecretString::from(line));
    }
    if !std::io::stdin().is_terminal() {
        bail!("no passphrase: give --passphrase-file FILE, or run this on a terminal");
    }
    Ok(SecretString::from(rpassword::prompt_password(prompt)?))
}

/// A new passphrase: typed twice on a terminal (they must match), or from a file.
pub fn new(file: Option<&Path>) -> anyhow::Result<SecretString> {
    let first = read(file, "New passphrase for the organiser key: ")?;
    if file.is_none() {
        let again = read(None, "Type it again: ")?;
        if first.expose_secret() != again.expose_secret() {
            bail!("the two passphrases differ; nothing was written");
        }
    }
    Ok(first)
}
