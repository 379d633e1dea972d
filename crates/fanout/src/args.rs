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
    /// The Action Network API key.
    #[arg(long)]
    pub token: String,
    /// SLUG=AN_ID: the Action Network petition for a petition (else found by listing).
    #[arg(long = "petition", value_name = "SLUG=AN_ID", value_parser = slug_and_id)]
    pub petitions: Vec<(String, String)>,
    /// Requests per second.
    #[arg(long, default_value_t = action_network::DEFAULT_RATE)]
    pub rate: u32,
}

/// Where to send batches signed with the shared secret.
#[derive(Debug, Clone, clap::Args)]
pub struct WebhookArgs {
    #[arg(long)]
    pub url: String,
    /// The shared secret, in this file's first line (never an argument).
    #[arg(long)]
    pub secret_file: PathBuf,
    /// Records per request.
    #[arg(long, default_value_t = 100)]
    pub batch: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ArgsError {
    #[error("--rate must be at least 1")]
    ZeroRate,
    #[error("cannot read the secret file {path}: {source}")]
    SecretFile {
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

    /// A client for the API, at the rate asked for.
    pub fn client(&self) -> Result<Client, ArgsError> {
        let rate = NonZeroU32::new(self.rate).ok_or(ArgsError::ZeroRate)?;
        Ok(Client::new(&self.base_url, &self.token, rate)?)
    }
}

impl WebhookArgs {
    /// The webhook, with the secret read from the first line of its file (which is not kept).
    pub fn webhook(&self) -> Result<Webhook, ArgsError> {
        let secret =
            std::fs::read_to_string(&self.secret_file).map_err(|source| ArgsError::SecretFile {
                path: self.secret_file.clone(),
                source,
            })?;
        Ok(Webhook::new(
            &self.url,
            secret.lines().next().unwrap_or(""),
        )?)
    }
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
        let zero = Cli::try_parse_from(["t", "--token", "k", "--rate", "0"]).unwrap();
        assert!(matches!(zero.an.client(), Err(ArgsError::ZeroRate)));
    }
}
