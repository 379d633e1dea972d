//! The typed petition: what the kiosk needs from a petition file, with the format drift of the
//! real corpus already resolved (legacy keys, typos, string-or-list fields, two date forms).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

/// One petition, as parsed from a file's front matter. The rendered body lives beside it in
/// [`crate::LoadedPetition`], because rendering depends on the pack the file sits in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Petition {
    /// The id, from the file name without extension (and without a `.LANG` suffix).
    pub id: String,
    /// headline, else petition_title, else title / action_network_title.
    pub title: String,
    /// The line shown above the petition copy ("Tell the Secretary of the Army: ...").
    pub petition_title: Option<String>,
    /// The text the signer puts their name to.
    pub petition_copy: Option<String>,
    /// Label of the action button ("Sign the petition" when the file gives none).
    pub action_text: Option<String>,
    pub tags: Vec<String>,
    pub date: Option<PetitionDate>,
    pub design: Option<String>,
    /// A file with `published: false` still loads; the operator decides whether to show it.
    pub published: bool,
    /// `opt_in: true` means signers cannot opt out of updates: the form shows the disclosure
    /// text instead of a checkbox. `false` means an unticked checkbox (consent is given, never
    /// assumed).
    pub opt_in: bool,
    pub target_country: Option<String>,
    pub required_fields: Vec<FormField>,
    pub additional_fields: Vec<FormField>,
    pub comments: Comments,
    /// Markdown, as in the file; rendered to sanitised HTML by the loader.
    pub disclosure_text: Option<String>,
    /// The privacy notice (Markdown: who the data controller is, why, for how long, how to
    /// ask for erasure); when the file has none, its pack's `privacy.md` (see
    /// [`crate::Notice`]).
    pub privacy_notice: Option<String>,
    /// `consent_required: true` adds a required, unticked box ("I have read how my data is
    /// used") before Sign. `None`: the pack's default (`consent_required` in `_config.yml`),
    /// else not required. The pack's loader fills it in.
    pub consent_required: Option<bool>,
    pub autoresponder: Autoresponder,
    pub share: Share,
    pub action_network: ActionNetworkTarget,
    /// Signature goal for the attract screen's progress bar.
    pub goal: Option<u64>,
    /// Whether the form offers a finger/mouse signature pad.
    pub signature_pad: bool,
    /// Jekyll's `permalink`: the page's address on the site (and so, when it names one, its id).
    pub permalink: Option<String>,
    /// The petition's one-line pitch (`summary`, `description`, `excerpt` or `blurb`): the
    /// attract screen's text when there is no `petition_copy`.
    pub summary: Option<String>,
    /// The hero image as written (`image`, `featured_image`, else `share_image`); the loader
    /// resolves it to the pack's own file.
    pub hero_image: Option<String>,
    /// The page on the organisation's site (`_config.yml`'s `url` and the page's path).
    pub page_url: Option<String>,
    /// Keys this version does not know, kept as they were (as JSON values) so nothing is lost.
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Petition {
    /// The petition's page online, for signers to share from their phone: `action_network_url`,
    /// else `share_url`, else its page on the organisation's site, else the Action Network page
    /// its slug names (the FFTF layout, or an embedded widget, names exactly that petition,
    /// `actionnetwork.org/petitions/SLUG`).
    pub fn public_url(&self) -> Option<String> {
        let given = self
            .action_network
            .url
            .iter()
            .chain(&self.share.url)
            .chain(&self.page_url)
            .map(|u| u.trim())
            .find(|u| u.starts_with("https://") || u.starts_with("http://"));
        if let Some(url) = given {
            return Some(url.to_owned());
        }
        let slug = self.action_network.slug.as_deref()?.trim();
        let plain = !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        plain.then(|| format!("https://actionnetwork.org/petitions/{slug}"))
    }
}

/// The two date forms of the corpus: `2016-05-10` and `2016-04-20 10:34 -0400`
/// (also with seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PetitionDate {
    Date(NaiveDate),
    DateTime(DateTime<FixedOffset>),
}

/// A form field a petition can ask for beyond given name, family name and email.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormField {
    /// Given and family name (always asked; listed by some files anyway).
    Name,
    StreetAddress,
    City,
    /// Postal code ("zip" in the files).
    Zip,
    Comments,
    /// A value this version does not know; kept, and reported as a warning.
    Other(String),
}

impl FormField {
    /// Parses one list entry. `None` for the placeholders the corpus uses for "nothing"
    /// (`null`, `"null"`, `""`).
    pub(crate) fn parse(raw: &str) -> Option<Self> {
        let v = raw.trim();
        match v.to_ascii_lowercase().as_str() {
            "" | "null" | "~" => None,
            "name" => Some(Self::Name),
            "street_address" | "address" => Some(Self::StreetAddress),
            "city" => Some(Self::City),
            "zip" | "postal_code" | "zip_code" => Some(Self::Zip),
            "comments" | "comment" => Some(Self::Comments),
            _ => Some(Self::Other(v.to_owned())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Comments {
    /// `include_comments` or `allow_comments`.
    pub enabled: bool,
    /// `action_comment`, with the file's `|` paragraph marks turned into line breaks.
    pub prefill: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Autoresponder {
    /// `autoresponder_active`, or the old typo `autoreponder_active`.
    pub active: bool,
    /// With `{PETITION_TITLE}` already substituted.
    pub subject: Option<String>,
    /// With `{PETITION_TITLE}` already substituted.
    pub text: Option<String>,
    pub hours: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Share {
    /// The petition's public page, for the thank-you QR code.
    pub url: Option<String>,
    /// `twittertext`, else `tweet`.
    pub twitter_text: Option<String>,
    pub social_title: Option<String>,
    pub social_description: Option<String>,
    pub image: Option<String>,
    pub image_dims: Option<String>,
}

/// Where signatures go in Action Network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ActionNetworkTarget {
    pub url: Option<String>,
    /// `action_network_petition_slug`, else `petition_slug` / `petition-slug`.
    pub slug: Option<String>,
    pub title: Option<String>,
}

/// Something worth telling the pack's author that does not stop the petition from loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub message: String,
}

impl Warning {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn petition() -> Petition {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("p.md"), "---\ntitle: T\n---\n").expect("write");
        let pack = crate::Pack::load(dir.path(), &crate::Renderer::default()).expect("pack");
        pack.get("p").expect("p").original.petition.clone()
    }

    #[test]
    fn the_public_url_prefers_the_given_one_then_the_slug() {
        let mut p = petition();
        assert_eq!(p.public_url(), None);
        p.action_network.slug = Some("encryption-is-not-a-crime".into());
        assert_eq!(
            p.public_url().as_deref(),
            Some("https://actionnetwork.org/petitions/encryption-is-not-a-crime")
        );
        p.share.url = Some(" https://example.org/share ".into());
        assert_eq!(p.public_url().as_deref(), Some("https://example.org/share"));
        p.action_network.url = Some("https://actionnetwork.org/petitions/x".into());
        assert_eq!(
            p.public_url().as_deref(),
            Some("https://actionnetwork.org/petitions/x")
        );
        // Nothing but plain slugs make a URL; nothing but http(s) is offered.
        let mut p = petition();
        p.action_network.slug = Some("../../evil?x=1".into());
        p.share.url = Some("javascript:alert(1)".into());
        assert_eq!(p.public_url(), None);
    }
}
