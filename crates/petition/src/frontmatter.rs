//! Front matter: split a petition file into YAML and Markdown, then read the YAML into a
//! [`Petition`]. Known keys are typed leniently (the corpus writes the same thing several ways);
//! unknown keys are kept and reported; malformed YAML is an error with the file's own line.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny};
use serde_yaml_ng::Value;

use crate::model::{
    ActionNetworkTarget, Autoresponder, Comments, FormField, Petition, PetitionDate, Share, Warning,
};

/// Where in the file something went wrong (1-based, counted in the whole file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Self = Self { line: 1, column: 1 };
}

/// A parse failure before it is tied to a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub position: Position,
    pub reason: String,
}

impl ParseFailure {
    fn at_start(reason: impl Into<String>) -> Self {
        Self {
            position: Position::START,
            reason: reason.into(),
        }
    }
}

/// A file cut in two: its front matter and its body, each with the file line it starts on.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line (2 when the file starts with `---`).
    pub yaml_line: usize,
    pub body: &'a str,
}

/// Why a file with no `---` fence at its top is not a petition: to Jekyll it is a static file.
pub(crate) const NO_FRONT_MATTER: &str =
    "no front matter: a petition file starts with a line `---`, then YAML, then `---`";

/// Cuts `text` at its `---` fences. A byte-order mark and CRLF line ends are accepted.
pub fn split(text: &str) -> Result<Split<'_>, ParseFailure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(ParseFailure::at_start(NO_FRONT_MATTER));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(ParseFailure::at_start(
        "the front matter opened with `---` on line 1 is never closed by another `---` line",
    ))
}

/// Reads the front matter YAML into a petition. `id` is the file's id; errors point into the
/// file (not into the YAML fragment).
pub fn parse(id: &str, split: &Split<'_>) -> Result<(Petition, Vec<Warning>), ParseFailure> {
    let (yaml, mut warnings) = drop_earlier_duplicates(split.yaml);
    let value: Value = serde_yaml_ng::from_str(&yaml).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        failure(&e, line + split.yaml_line - 1, column)
    })?;
    let value = match value {
        Value::Null => Value::Mapping(Default::default()),
        Value::Mapping(mut map) => {
            repair_unquoted_colons(&mut map, &mut warnings);
            Value::Mapping(map)
        }
        _ => {
            return Err(ParseFailure {
                position: Position {
                    line: split.yaml_line,
                    column: 1,
                },
                reason: "invalid front matter: expected `key: value` lines".into(),
            });
        }
    };
    let raw: Raw = serde_path_to_error::deserialize(value).map_err(|e| {
        // A wrong value for a known key: point at that key's line.
        let key = e
            .path()
            .iter()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        let (line, column) = key_position(&yaml, &key).unwrap_or((1, 1));
        let mut f = failure(e.inner(), line + split.yaml_line - 1, column);
        if !key.is_empty() {
            f.reason = f.reason.replacen(": ", &format!(": `{key}`: "), 1);
        }
        f
    })?;
    let (petition, more) = raw.into_petition(id)?;
    warnings.extend(more);
    Ok((petition, warnings))
}

fn failure(e: &serde_yaml_ng::Error, line: usize, column: usize) -> ParseFailure {
    let mut reason = e.to_string();
    // The library appends " at line L column C" (fragment-relative); we report file-relative.
    if let Some(cut) = reason.find(" at line ") {
        reason.truncate(cut);
    }
    ParseFailure {
        position: Position { line, column },
        reason: format!("invalid front matter: {reason}"),
    }
}

/// Line and value column (1-based, in the fragment) of a top-level key.
fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    if key.is_empty() {
        return None;
    }
    yaml.lines().enumerate().find_map(|(i, l)| {
        let rest = l.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        Some((i + 1, l.len() - rest.trim_start().len() + 1))
    })
}

/// YAML forbids a key twice; Jekyll's parser took the last one, and the corpus relies on it.
/// Earlier occurrences are commented out (not removed, so line numbers stay true).
fn drop_earlier_duplicates(yaml: &str) -> (std::borrow::Cow<'_, str>, Vec<Warning>) {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let top_key = |l: &str| -> Option<String> {
        let first = l.chars().next()?;
        if first.is_whitespace() || matches!(first, '#' | '-' | '?' | '{' | '[' | '"' | '\'') {
            return None;
        }
        let (k, _) = l.split_once(':')?;
        Some(k.trim_end().to_owned())
    };
    let mut last = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(k) = top_key(l) {
            last.insert(k, i);
        }
    }
    let mut warnings = Vec::new();
    let mut out = String::with_capacity(yaml.len());
    let mut dropping = false;
    for (i, l) in lines.iter().enumerate() {
        if let Some(k) = top_key(l) {
            dropping = last.get(&k) != Some(&i);
            if dropping {
                warnings.push(Warning::new(format!(
                    "key `{k}` appears more than once; the last one is used"
                )));
            }
        }
        if dropping {
            out.push('#');
        }
        out.push_str(l);
    }
    if warnings.is_empty() {
        (yaml.into(), warnings)
    } else {
        (out.into(), warnings)
    }
}

/// An unquoted value with `: ` inside (`tweet: Tell him: "resign"`, on a continuation line) is
/// read by YAML as a one-entry mapping. Jekyll showed it as text; so do we, with a warning.
fn repair_unquoted_colons(map: &mut serde_yaml_ng::Mapping, warnings: &mut Vec<Warning>) {
    for (key, value) in map.iter_mut() {
        let Value::Mapping(inner) = value else {
            continue;
        };
        // An image is a mapping on purpose in Jekyll themes (`image: {path: …}`).
        if matches!(
            key.as_str(),
            Some("image" | "featured_image" | "featured-image")
        ) {
            continue;
        }
        let mut text = String::new();
        for (k, v) in inner.iter() {
            let (Ok(Some(k)), Ok(v)) = (scalar_text(k.clone()), scalar_text(v.clone())) else {
                return;
            };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&k);
            text.push_str(": ");
            text.push_str(v.as_deref().unwrap_or(""));
        }
        let name = key.as_str().unwrap_or("?");
        warnings.push(Warning::new(format!(
            "`{name}` has an unquoted `: ` and was read as text; put the value in quotes"
        )));
        *value = Value::String(text);
    }
}

/// The front matter as written. Every known key is optional and lenient in type; the drift the
/// corpus shows (legacy hyphenated keys, `autoreponder_active`, tags as a string) is resolved in
/// [`Raw::into_petition`].
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    #[serde(deserialize_with = "text")]
    title: Option<String>,
    #[serde(deserialize_with = "text")]
    headline: Option<String>,
    #[serde(deserialize_with = "text", alias = "petition-title")]
    petition_title: Option<String>,
    #[serde(deserialize_with = "text", alias = "petition-copy")]
    petition_copy: Option<String>,
    #[serde(deserialize_with = "text")]
    action_text: Option<String>,
    #[serde(deserialize_with = "list")]
    tags: Vec<String>,
    #[serde(deserialize_with = "text")]
    date: Option<String>,
    #[serde(deserialize_with = "text")]
    design: Option<String>,
    #[serde(deserialize_with = "text")]
    layout: Option<String>,
    #[serde(deserialize_with = "flag")]
    published: Option<bool>,
    #[serde(deserialize_with = "flag")]
    opt_in: Option<bool>,
    #[serde(deserialize_with = "text")]
    target_country: Option<String>,
    #[serde(deserialize_with = "list")]
    required_fields: Vec<String>,
    #[serde(deserialize_with = "list")]
    additional_fields: Vec<String>,
    #[serde(deserialize_with = "flag")]
    include_comments: Option<bool>,
    #[serde(deserialize_with = "flag")]
    allow_comments: Option<bool>,
    #[serde(deserialize_with = "text")]
    action_comment: Option<String>,
    #[serde(deserialize_with = "text")]
    disclosure_text: Option<String>,
    /// Markdown: who holds the signer's data, why, for how long, how to ask for erasure.
    #[serde(deserialize_with = "text")]
    privacy_notice: Option<String>,
    #[serde(deserialize_with = "flag")]
    consent_required: Option<bool>,
    #[serde(deserialize_with = "flag")]
    autoresponder_active: Option<bool>,
    /// The old typo, still present in 31 files of the corpus.
    #[serde(deserialize_with = "flag")]
    autoreponder_active: Option<bool>,
    #[serde(deserialize_with = "text")]
    autoresponder_subject: Option<String>,
    #[serde(deserialize_with = "text")]
    autoresponder_text: Option<String>,
    #[serde(deserialize_with = "count")]
    autoresponder_hours: Option<u64>,
    #[serde(deserialize_with = "text")]
    share_url: Option<String>,
    #[serde(deserialize_with = "text")]
    twittertext: Option<String>,
    #[serde(deserialize_with = "text")]
    tweet: Option<String>,
    #[serde(deserialize_with = "text")]
    social_title: Option<String>,
    #[serde(deserialize_with = "text")]
    social_description: Option<String>,
    #[serde(deserialize_with = "text")]
    share_image: Option<String>,
    #[serde(deserialize_with = "text")]
    share_image_dims: Option<String>,
    #[serde(deserialize_with = "text")]
    action_network_url: Option<String>,
    #[serde(deserialize_with = "text")]
    action_network_petition_slug: Option<String>,
    #[serde(deserialize_with = "text", alias = "petition-slug")]
    petition_slug: Option<String>,
    #[serde(deserialize_with = "text")]
    action_network_title: Option<String>,
    #[serde(deserialize_with = "count")]
    goal: Option<u64>,
    #[serde(deserialize_with = "flag")]
    signature_pad: Option<bool>,
    // Jekyll's own keys, and the ones themes use for a page's pitch and picture.
    #[serde(deserialize_with = "text")]
    permalink: Option<String>,
    #[serde(deserialize_with = "lenient_text")]
    description: Option<String>,
    #[serde(deserialize_with = "lenient_text")]
    excerpt: Option<String>,
    #[serde(deserialize_with = "lenient_text")]
    blurb: Option<String>,
    #[serde(deserialize_with = "lenient_text")]
    summary: Option<String>,
    #[serde(deserialize_with = "image")]
    image: Option<String>,
    #[serde(deserialize_with = "image", alias = "featured-image")]
    featured_image: Option<String>,
    // Keys of the web site that have no meaning on a kiosk: accepted without a warning.
    search_title: Option<IgnoredAny>,
    search_description: Option<IgnoredAny>,
    smaller_headline: Option<IgnoredAny>,
    #[serde(alias = "default-donation-amount")]
    default_donation_amount: Option<IgnoredAny>,
    #[serde(alias = "default-donation-frequency")]
    default_donation_frequency: Option<IgnoredAny>,
    #[serde(flatten)]
    extra: BTreeMap<String, Value>,
}

impl Raw {
    fn into_petition(self, id: &str) -> Result<(Petition, Vec<Warning>), ParseFailure> {
        let mut warnings = Vec::new();
        let title = self
            .headline
            .clone()
            .or_else(|| self.petition_title.clone())
            .or_else(|| self.title.clone())
            .or_else(|| self.action_network_title.clone())
            .or_else(|| self.social_title.clone())
            .unwrap_or_else(|| {
                warnings.push(Warning::new(
                    "no title (`headline`, `petition_title`, `title` or `action_network_title`); \
                     the file name is shown instead",
                ));
                id.to_owned()
            });

        let date = match self.date.as_deref() {
            None => None,
            Some(raw) => {
                let parsed = parse_date(raw);
                if parsed.is_none() {
                    warnings.push(Warning::new(format!(
                        "date `{raw}` is neither YYYY-MM-DD nor YYYY-MM-DD HH:MM[:SS] ±HHMM; ignored"
                    )));
                }
                parsed
            }
        };

        let fields = |raw: &[String], key: &str, warnings: &mut Vec<Warning>| {
            let mut out: Vec<FormField> = raw.iter().filter_map(|v| FormField::parse(v)).collect();
            for f in &out {
                if let FormField::Other(v) = f {
                    warnings.push(Warning::new(format!("{key}: unknown field `{v}` kept")));
                }
            }
            out.sort();
            out.dedup();
            out
        };
        let required_fields = fields(&self.required_fields, "required_fields", &mut warnings);
        let additional_fields = fields(&self.additional_fields, "additional_fields", &mut warnings);

        let an_title = self.action_network_title.clone();
        let share_image = self.share_image.clone();
        let substitute = |s: Option<String>| s.map(|s| s.replace("{PETITION_TITLE}", &title));
        let mut extra = BTreeMap::new();
        for (key, value) in self.extra {
            warnings.push(Warning::new(format!(
                "unknown key `{key}` kept but not used"
            )));
            extra.insert(
                key,
                serde_json::to_value(&value).unwrap_or(serde_json::Value::Null),
            );
        }
        let petition = Petition {
            id: id.to_owned(),
            petition_title: self.petition_title,
            petition_copy: self.petition_copy,
            action_text: self.action_text,
            tags: self.tags,
            date,
            // Early files name the design only through the Jekyll layout.
            design: self.design.or(self.layout),
            published: self.published.unwrap_or(true),
            opt_in: self.opt_in.unwrap_or(false),
            target_country: self.target_country,
            required_fields,
            additional_fields,
            comments: Comments {
                enabled: self
                    .include_comments
                    .or(self.allow_comments)
                    .unwrap_or(false),
                prefill: self
                    .action_comment
                    .map(|c| c.replace('|', "\n").trim_end().to_owned())
                    .filter(|c| !c.is_empty()),
            },
            disclosure_text: self.disclosure_text,
            privacy_notice: self.privacy_notice,
            consent_required: self.consent_required,
            autoresponder: Autoresponder {
                active: self
                    .autoresponder_active
                    .or(self.autoreponder_active)
                    .unwrap_or(false),
                subject: substitute(self.autoresponder_subject),
                text: substitute(self.autoresponder_text),
                hours: self
                    .autoresponder_hours
                    .map(|h| u32::try_from(h).unwrap_or(u32::MAX)),
            },
            share: Share {
                url: self.share_url,
                twitter_text: self.twittertext.or(self.tweet),
                social_title: self.social_title.clone(),
                social_description: self.social_description,
                image: share_image.clone(),
                image_dims: self.share_image_dims,
            },
            action_network: ActionNetworkTarget {
                url: self.action_network_url,
                slug: self.action_network_petition_slug.or(self.petition_slug),
                title: an_title,
            },
            goal: self.goal,
            signature_pad: self.signature_pad.unwrap_or(false),
            permalink: self.permalink,
            summary: self
                .summary
                .or(self.description)
                .or(self.excerpt)
                .or(self.blurb),
            hero_image: self.image.or(self.featured_image).or(share_image),
            page_url: None,
            extra,
            title,
        };
        Ok((petition, warnings))
    }
}

fn parse_date(raw: &str) -> Option<PetitionDate> {
    let raw = raw.trim();
    for format in ["%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(dt) = DateTime::parse_from_str(raw, format) {
            return Some(PetitionDate::DateTime(dt));
        }
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .map(PetitionDate::Date)
}

/// A scalar as text. Blank text counts as absent: the corpus writes `""` for "not set".
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    scalar_text(Value::deserialize(d)?).map_err(de::Error::custom)
}

fn scalar_text(v: Value) -> Result<Option<String>, String> {
    let s = match v {
        Value::Null => return Ok(None),
        Value::String(s) => s,
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Tagged(t) => return scalar_text(t.value),
        Value::Sequence(_) => return Err("expected text, found a list".into()),
        Value::Mapping(_) => return Err("expected text, found a mapping".into()),
    };
    let trimmed = s.trim();
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// Text, or nothing (with no error) for another shape: themes put other things under these
/// keys, and a pitch that cannot be read is not worth refusing a petition for.
fn lenient_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(scalar_text(Value::deserialize(d)?).ok().flatten())
}

/// An image path: text, or a mapping with a `path` (jekyll-seo-tag's form); nothing for another
/// shape.
fn image<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Mapping(m) => m
            .get("path")
            .cloned()
            .and_then(|v| scalar_text(v).ok().flatten()),
        other => scalar_text(other).ok().flatten(),
    })
}

/// A single string or a list of strings; `null` and `""` are the empty list.
fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                if let Some(s) = scalar_text(item).map_err(de::Error::custom)? {
                    out.push(s);
                }
            }
            Ok(out)
        }
        other => Ok(scalar_text(other)
            .map_err(de::Error::custom)?
            .into_iter()
            .collect()),
    }
}

/// `true`/`false`, also written as text (`"true"`, `yes`, `no`).
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Value::deserialize(d)? {
        Value::Bool(b) => Ok(Some(b)),
        Value::Null => Ok(None),
        other => match scalar_text(other).map_err(de::Error::custom)?.as_deref() {
            None => Ok(None),
            Some(s) => match s.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => Ok(Some(true)),
                "false" | "no" | "off" | "0" => Ok(Some(false)),
                _ => Err(de::Error::custom(format!(
                    "expected true or false, found `{s}`"
                ))),
            },
        },
    }
}

/// A non-negative whole number, also written as text.
fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Value::deserialize(d)? {
        Value::Number(n) if n.as_u64().is_some() => Ok(n.as_u64()),
        other => {
            match scalar_text(other).map_err(de::Error::custom)? {
                None => Ok(None),
                Some(s) => s.replace([',', '_'], "").parse().map(Some).map_err(|_| {
                    de::Error::custom(format!("expected a whole number, found `{s}`"))
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn petition(src: &str) -> Result<(Petition, Vec<Warning>), ParseFailure> {
        let s = split(src)?;
        parse("p", &s)
    }

    #[test]
    fn title_prefers_headline_then_petition_title_then_title() {
        let (p, _) = petition("---\ntitle: T\npetition_title: P\nheadline: H\n---\n").unwrap();
        assert_eq!(p.title, "H");
        let (p, _) = petition("---\ntitle: T\npetition_title: P\n---\n").unwrap();
        assert_eq!(p.title, "P");
        let (p, _) = petition("---\ntitle: T\nheadline: \"\"\n---\n").unwrap();
        assert_eq!(p.title, "T");
        let (p, _) = petition("---\naction_network_title: A\n---\n").unwrap();
        assert_eq!(p.title, "A");
    }

    #[test]
    fn missing_title_falls_back_to_the_id_with_a_warning() {
        let (p, w) = petition("---\nheadline: \"\"\ndesign: x\n---\nbody").unwrap();
        assert_eq!(p.title, "p");
        assert!(w[0].message.contains("no title"), "{w:?}");
    }

    #[test]
    fn duplicate_keys_keep_the_last_like_jekyll() {
        let (p, w) =
            petition("---\ntitle: t\ntags:\n  - a\nheadline: H\ntags:\n- b\n---\n").unwrap();
        assert_eq!(p.tags, ["b"]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message.contains("`tags` appears more than once"));
    }

    #[test]
    fn unquoted_colon_in_a_continuation_line_is_text() {
        let src = "---\ntitle: t\ntwittertext: \n  Tell him to resign: \"https://x.org/a\"\n---\n";
        let (p, w) = petition(src).unwrap();
        assert_eq!(
            p.share.twitter_text.as_deref(),
            Some("Tell him to resign: https://x.org/a")
        );
        assert!(w[0].message.contains("twittertext"), "{w:?}");
    }

    #[test]
    fn tags_as_list_string_or_empty() {
        let (p, _) = petition("---\ntitle: t\ntags:\n  - a\n  - b\n---\n").unwrap();
        assert_eq!(p.tags, ["a", "b"]);
        let (p, _) = petition("---\ntitle: t\ntags: admin\n---\n").unwrap();
        assert_eq!(p.tags, ["admin"]);
        let (p, _) = petition("---\ntitle: t\ntags: \"\"\n---\n").unwrap();
        assert!(p.tags.is_empty());
        let (p, _) = petition("---\ntitle: t\ntags:\n---\n").unwrap();
        assert!(p.tags.is_empty());
    }

    #[test]
    fn both_date_forms() {
        let (p, _) = petition("---\ntitle: t\ndate: 2016-05-10\n---\n").unwrap();
        assert_eq!(
            p.date,
            Some(PetitionDate::Date(
                NaiveDate::from_ymd_opt(2016, 5, 10).unwrap()
            ))
        );
        let (p, _) = petition("---\ntitle: t\ndate: \"2016-04-20 10:34 -0400\"\n---\n").unwrap();
        let Some(PetitionDate::DateTime(dt)) = p.date else {
            panic!("{:?}", p.date)
        };
        assert_eq!(dt.to_rfc3339(), "2016-04-20T10:34:00-04:00");
        let (p, _) = petition("---\ntitle: t\ndate: '2016-03-30 23:30:14 -0500'\n---\n").unwrap();
        assert!(matches!(p.date, Some(PetitionDate::DateTime(_))));
        let (p, w) = petition("---\ntitle: t\ndate: last tuesday\n---\n").unwrap();
        assert_eq!(p.date, None);
        assert!(w[0].message.contains("last tuesday"));
    }

    #[test]
    fn fields_drop_null_placeholders_and_keep_known_values() {
        let src = "---\ntitle: t\nrequired_fields:\n  - \"null\"\nadditional_fields:\n  - street_address\n  - 'city'\n  - zip\n---\n";
        let (p, w) = petition(src).unwrap();
        assert!(p.required_fields.is_empty());
        assert_eq!(
            p.additional_fields,
            [FormField::StreetAddress, FormField::City, FormField::Zip]
        );
        assert!(w.is_empty(), "{w:?}");
        let (p, _) = petition("---\ntitle: t\nrequired_fields: \"\"\n---\n").unwrap();
        assert!(p.required_fields.is_empty());
    }

    #[test]
    fn autoresponder_typo_and_title_substitution() {
        let src = "---\nheadline: Save X\nautoreponder_active: true\nautoresponder_subject: \"{PETITION_TITLE} - thanks\"\n---\n";
        let (p, _) = petition(src).unwrap();
        assert!(p.autoresponder.active);
        assert_eq!(p.autoresponder.subject.as_deref(), Some("Save X - thanks"));
    }

    #[test]
    fn legacy_hyphenated_keys() {
        let src = "---\ntitle: 'Scratch!'\npetition-title: 'Tell President Obama:'\npetition-copy: Copy\npetition-slug: foo\ndefault-donation-amount: '5'\n---\n";
        let (p, w) = petition(src).unwrap();
        assert_eq!(p.petition_title.as_deref(), Some("Tell President Obama:"));
        assert_eq!(p.petition_copy.as_deref(), Some("Copy"));
        assert_eq!(p.action_network.slug.as_deref(), Some("foo"));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn comments_and_action_comment_paragraphs() {
        let src = "---\ntitle: t\nallow_comments: true\naction_comment: 'Dear President Obama,|This is important!||Sincerely,|'\n---\n";
        let (p, _) = petition(src).unwrap();
        assert!(p.comments.enabled);
        assert_eq!(
            p.comments.prefill.as_deref(),
            Some("Dear President Obama,\nThis is important!\n\nSincerely,")
        );
    }

    #[test]
    fn unknown_keys_are_kept_and_warned() {
        let (p, w) = petition("---\ntitle: t\nmascot: owl\n---\n").unwrap();
        assert_eq!(p.extra["mascot"], serde_json::json!("owl"));
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("mascot"));
    }

    #[test]
    fn broken_yaml_reports_the_file_line() {
        let src = "---\ntitle: t\ntags:\n  - a\npetition_copy: >|\n  text\n---\n";
        let e = petition(src).unwrap_err();
        assert_eq!(e.position.line, 5, "{e:?}");
        assert!(e.reason.starts_with("invalid front matter"), "{e:?}");
    }

    #[test]
    fn type_errors_point_at_the_key() {
        let src = "---\ntitle: t\n\nopt_in: maybe\n---\n";
        let e = petition(src).unwrap_err();
        assert_eq!(e.position.line, 4, "{e:?}");
        assert!(
            e.reason.contains("maybe") && e.reason.contains("`opt_in`"),
            "{e:?}"
        );
    }

    #[test]
    fn unterminated_and_missing_front_matter() {
        assert!(
            petition("# just markdown\n")
                .unwrap_err()
                .reason
                .contains("no front matter")
        );
        assert!(
            petition("---\ntitle: t\n")
                .unwrap_err()
                .reason
                .contains("never closed")
        );
    }

    #[test]
    fn crlf_and_bom() {
        let (p, _) = petition("\u{feff}---\r\ntitle: t\r\n---\r\nbody\r\n").unwrap();
        assert_eq!(p.title, "t");
    }
}
