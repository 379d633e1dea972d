//! The command-line arguments naming a destination, shared by `placard push` (from a kiosk's
//! vault) and `placard-collector push` (from the collector's database): one set of flags, help
//! texts, defaults and checks for both (feature `cli`).

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::path::PathBuf;

use crate::action_network::{self, ApiError, Client};
use crate::webhook::{Webhook, WebhookError};

/// Where and how fast to send to Action Network.
#[derive(Debug, Clone, clap::Args)]
pub struct ActionNetworkArgs {
    #[arg(long, default_value = action_network::DEFAULT_BASE)]
    pub base_url: String,
    /// The Action Network API key. Prefer --token-file: an argument is visible to anyone on
    /// this machine who lists its processes, and stays in the shell's history. (Checked when
    /// it is needed: a push through a running collector uses the one fixed at its start.)
    #[arg(long, conflicts_with = "token_file")]
    pub token: Option<String>,
    /// A file whose first line is the Action Network API key.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// SLUG=AN_ID: the Action Network petition for a petition (else found by listing).
    #[arg(long = "petition", value_name = "SLUG=AN_ID", value_parser = slug_and_id)]
    pub petitions: Vec<(String, String)>,
    /// Requests per second (at least 1).
    #[arg(long, default_value_t = action_network::DEFAULT_RATE)]
    pub rate: NonZeroU32,
    /// Send again the signatures an earlier run failed (after fixing what made them fail).
    #[arg(long)]
    pub retry_failed: bool,
}

/// Where to send batches signed with the shared secret.
#[derive(Debug, Clone, clap::Args)]
pub struct WebhookArgs {
    /// The endpoint (checked when it is needed: a push through a running collector goes to
    /// the one fixed at its start).
    #[arg(long)]
    pub url: Option<String>,
    /// The shared secret, in this file's first line (never an argument).
    #[arg(long)]
    pub secret_file: Option<PathBuf>,
    /// Records per request.
    #[arg(long, default_value_t = 100)]
    pub batch: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ArgsError {
    #[error("give the Action Network API key with --token-file (or --token)")]
    NoToken,
    #[error("give the webhook with --url and --secret-file")]
    NoWebhook,
    #[error("the token file {0} is empty")]
    EmptyToken(PathBuf),
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(transparent)]
    Webhook(#[from] WebhookError),
}

impl ActionNetworkArgs {
    /// The petitions given with `--petition`, by slug.
    pub fn given(&self) -> HashMap<String, String> {
        self.petitions.iter().cloned().collect()
    }

    /// The API key: from `--token-file`'s first line, else `--token`.
    pub fn token(&self) -> Result<String, ArgsError> {
        let Some(path) = &self.token_file else {
            return self.token.clone().ok_or(ArgsError::NoToken);
        };
        let text = read_secret(path)?;
        let token = text.lines().next().unwrap_or("").trim();
        if token.is_empty() {
            return Err(ArgsError::EmptyToken(path.clone()));
        }
        Ok(token.to_owned())
    }

    /// A client for the API, at the rate asked for.
    pub fn client(&self) -> Result<Client, ArgsError> {
        Ok(Client::new(&self.base_url, &self.token()?, self.rate)?)
    }
}

impl WebhookArgs {
    /// The webhook, with the secret read from the first line of its file (which is not kept).
    pub fn webhook(&self) -> Result<Webhook, ArgsError> {
        let (Some(url), Some(secret_file)) = (&self.url, &self.secret_file) else {
            return Err(ArgsError::NoWebhook);
        };
        let secret = read_secret(secret_file)?;
        Ok(Webhook::new(url, secret.lines().next().unwrap_or(""))?)
    }
}

fn read_secret(path: &std::path::Path) -> Result<String, ArgsError> {
    std::fs::read_to_string(path).map_err(|source| ArgsError::Unreadable {
        path: path.to_owned(),
        source,
    })
}

fn slug_and_id(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((slug, id)) if !slug.trim().is_empty() && !id.trim().is_empty() => {
            Ok((slug.trim().to_owned(), id.trim().to_owned()))
        }
        _ => Err("expected SLUG=AN_ID".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    #[derive(clap::Parser)]
    struct Cli {
        #[command(flatten)]
        an: ActionNetworkArgs,
    }

    #[test]
    fn petitions_are_slug_and_id_pairs_and_the_rate_has_a_floor() {
        let cli = Cli::try_parse_from([
            "t",
            "--token",
            "k",
            "--petition",
            " stop-scanning = 1234-ab ",
            "--petition",
            "b=c",
        ])
        .unwrap();
        assert_eq!(cli.an.given().get("stop-scanning").unwrap(), "1234-ab");
        assert_eq!(cli.an.given().len(), 2);
        assert_eq!(cli.an.rate, action_network::DEFAULT_RATE);
        assert_eq!(cli.an.base_url, action_network::DEFAULT_BASE);
        for bad in ["no-equals", "=id", "slug="] {
            let e = Cli::try_parse_from(["t", "--token", "k", "--petition", bad])
                .err()
                .unwrap()
                .to_string();
            assert!(e.contains("expected SLUG=AN_ID"), "{bad}: {e}");
        }
        assert!(Cli::try_parse_from(["t", "--token", "k", "--rate", "0"]).is_err());
    }

    #[test]
    fn the_token_comes_from_its_file_or_the_argument_never_both() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("an-token");
        std::fs::write(&file, "  secret-key \nsecond line\n").unwrap();
        let path = file.to_str().unwrap();
        let cli = Cli::try_parse_from(["t", "--token-file", path]).unwrap();
        assert_eq!(cli.an.token().unwrap(), "secret-key");
        let cli = Cli::try_parse_from(["t", "--token", "k"]).unwrap();
        assert_eq!(cli.an.token().unwrap(), "k");
        // Neither: refused when the key is needed, in words (a push through a running
        // collector needs none).
        let cli = Cli::try_parse_from(["t"]).unwrap();
        assert!(matches!(cli.an.token(), Err(ArgsError::NoToken)));
        assert!(Cli::try_parse_from(["t", "--token", "k", "--token-file", path]).is_err());

        std::fs::write(&file, "\n").unwrap();
        let cli = Cli::try_parse_from(["t", "--token-file", path]).unwrap();
        assert!(matches!(cli.an.token(), Err(ArgsError::EmptyToken(_))));
        let missing = dir.path().join("nope");
        let cli = Cli::try_parse_from(["t", "--token-file", missing.to_str().unwrap()]).unwrap();
        let e = cli.an.token().unwrap_err().to_string();
        assert!(e.starts_with("cannot read ") && e.contains("nope"), "{e}");
    }
}
