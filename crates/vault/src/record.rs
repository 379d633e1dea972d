//! What a signer gives, and the record sealed from it.
//!
//! `SignerInput` is the only place plaintext signer data lives. It is zeroised when dropped,
//! and it is never `Display`ed, logged or written anywhere but into the sealing buffer (which is
//! zeroised too). Its `Debug` shows field names only.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// One signer's answers, as the form (or `placard sign` on stdin) gives them.
#[derive(Default, Deserialize, Zeroize, ZeroizeOnDrop)]
// The UI's TypeScript twin (the app's bindings): every field may be left out.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SignerInput {
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub given_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub family_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub postal_code: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub street_address: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub city: String,
    /// ISO 3166-1 alpha-2; the petition's `target_country` when left empty.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub country: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub phone: String,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub comment: String,
    /// Opt-in to updates. Ignored (always true) when the petition's `opt_in` means signers
    /// cannot opt out; the form then shows the disclosure instead of a checkbox.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub subscribe: Option<bool>,
    /// The privacy notice's box ("I have read how my data is used"), when the form shows one.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub consent: Option<bool>,
    /// BCP 47 tag of the language the signer used.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub locale: String,
    /// Signature-pad drawing as SVG path data, when the petition asks for one.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<String>"))]
    pub signature: String,
    /// Any per-petition extra fields (listed in its `additional_fields`).
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

impl std::fmt::Debug for SignerInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the values: a Debug print must not become a leak in a log or a panic message.
        f.write_str("SignerInput { .. }")
    }
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Extra { .. }")
    }
}

impl std::fmt::Debug for ExtraField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExtraField {{ key: {:?}, .. }}", self.key)
    }
}

/// Extra fields, kept as text and zeroised with the rest.
#[derive(Default, Zeroize, ZeroizeOnDrop)]
pub struct Extra(pub Vec<ExtraField>);

#[derive(Default, Zeroize, ZeroizeOnDrop)]
pub struct ExtraField {
    pub key: String,
    pub value: String,
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Extra;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text fields")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<serde_json::Value>()?;
                    let value = match value {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Null => String::new(),
                        other => {
                            return Err(de::Error::custom(format!(
                                "`{key}` must be text, not {}",
                                kind(&other)
                            )));
                        }
                    };
                    out.push(ExtraField { key, value });
                }
                Ok(Extra(out))
            }
        }
        d.deserialize_map(V)
    }
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Bool(_) => "true/false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
        _ => "text",
    }
}

/// The sealed plaintext, borrowed from the input so no further copy of it is made.
#[derive(Serialize)]
pub(crate) struct RecordRef<'a> {
    pub record_id: Uuid,
    pub petition_id: &'a str,
    pub locale: &'a str,
    pub captured_at: &'a str,
    pub device_id: Uuid,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub email: &'a str,
    pub postal_code: &'a str,
    pub street_address: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub phone: &'a str,
    pub comment: &'a str,
    pub subscribe: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub signature: &'a str,
    pub extra: BTreeMap<&'a str, &'a str>,
    /// Where it was signed, as the operator named the event (sent upstream as tags).
    #[serde(skip_serializing_if = "Event::is_empty")]
    pub event: &'a Event,
    pub consent: ConsentReceipt,
}

/// What a signer agreed to, kept inside the seal with their signature (GDPR art. 7(1): consent
/// must be demonstrable): which notice they were shown, which boxes they ticked, and when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentReceipt {
    /// SHA-256 of the privacy notice's text as shown (lowercase hex); `None`: the petition
    /// showed none. `placard-collector notice --sha256` prints the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_sha256: Option<String>,
    /// The notice's language (a translation's tag); `None` for the pack's original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_lang: Option<String>,
    /// The notice's box: `Some(true)` ticked; `None` when the form did not ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_box: Option<bool>,
    /// The updates box: ticked or not; `None` when the petition subscribes every signer and
    /// shows its disclosure instead of a box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updates_box: Option<bool>,
    /// When the signer pressed Sign (RFC 3339, UTC).
    #[serde(default)]
    pub at: String,
}

/// The event a kiosk is collecting at, as the operator names it: stamped into every record
/// sealed while it is set, so the fan-out can tag signers with it later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the signatures came from, as the organisation's list records it (Action
    /// Network's referrer `source`); empty: the event's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Event {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.tags.is_empty() && self.source.is_empty()
    }

    /// The source code to report: the one set, else the event's name (empty if neither).
    pub fn source_code(&self) -> &str {
        if self.source.trim().is_empty() {
            self.name.trim()
        } else {
            self.source.trim()
        }
    }
}

/// A record opened with the organiser's key (after unlock): what exports and fan-out read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct Record {
    #[zeroize(skip)]
    pub record_id: Uuid,
    pub petition_id: String,
    pub locale: String,
    pub captured_at: String,
    #[zeroize(skip)]
    pub device_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub postal_code: String,
    pub street_address: String,
    pub city: String,
    pub country: String,
    pub phone: String,
    pub comment: String,
    pub subscribe: bool,
    #[serde(default)]
    pub signature: String,
    #[serde(default)]
    #[zeroize(skip)]
    pub extra: BTreeMap<String, String>,
    #[serde(default)]
    #[zeroize(skip)]
    pub event: Event,
    /// What the signer agreed to (records sealed before receipts existed have an empty one).
    #[serde(default)]
    #[zeroize(skip)]
    pub consent: ConsentReceipt,
}
