//! Validation before sealing. Once sealed, nobody at the kiosk can read a record again, so
//! everything a record must satisfy is checked here, and rejected input stores nothing.

use placard_petition::{FormField, Petition};

use crate::error::{FieldCode, FieldError};
use crate::record::SignerInput;

/// What one petition asks of its signers, derived from its front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignRules {
    pub petition_id: String,
    /// `required_fields` lists `name`: the family name is required too (the given name always
    /// is). Otherwise a family name is optional, so people with one name can sign.
    pub family_name_required: bool,
    pub postal_code_required: bool,
    pub street_address: Requirement,
    pub city: Requirement,
    pub comments: bool,
    pub signature_pad: bool,
    /// `opt_in: true`: signers cannot opt out, so every record is subscribed.
    pub forced_opt_in: bool,
    pub default_country: Option<String>,
    /// Extra field names the petition lists beyond the known ones.
    pub extra_fields: Vec<String>,
    /// `consent_required: true`: the signer must tick the privacy notice's box.
    pub consent_required: bool,
    /// The privacy notice the form shows, when it has one: its SHA-256 and language, for the
    /// record's consent receipt (the kiosk fills it in for the language shown).
    pub notice: Option<NoticeShown>,
}

/// Which privacy notice a signer was shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeShown {
    /// SHA-256 of the notice's text, lowercase hex (`placard_petition::Notice::sha256`).
    pub sha256: String,
    /// Its language: the translation's tag, `None` for the pack's original.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    NotAsked,
    Optional,
    Required,
}

impl SignRules {
    /// The least a petition can ask: a given name and an email, nothing else asked, signers
    /// in `default_country` unless they say otherwise. (Tools and tests that sign without a
    /// petition file.)
    pub fn basic(petition_id: impl Into<String>, default_country: &str) -> Self {
        Self {
            petition_id: petition_id.into(),
            family_name_required: false,
            postal_code_required: false,
            street_address: Requirement::NotAsked,
            city: Requirement::NotAsked,
            comments: false,
            signature_pad: false,
            forced_opt_in: false,
            default_country: Some(default_country.to_owned()),
            extra_fields: vec![],
            consent_required: false,
            notice: None,
        }
    }

    pub fn for_petition(p: &Petition) -> Self {
        let required = |f: &FormField| p.required_fields.contains(f);
        let asked = |f: &FormField| required(f) || p.additional_fields.contains(f);
        let requirement = |f: FormField| {
            if required(&f) {
                Requirement::Required
            } else if asked(&f) {
                Requirement::Optional
            } else {
                Requirement::NotAsked
            }
        };
        let extra_fields = p
            .required_fields
            .iter()
            .chain(&p.additional_fields)
            .filter_map(|f| match f {
                FormField::Other(name) => Some(name.clone()),
                _ => None,
            })
            .collect();
        Self {
            petition_id: p.id.clone(),
            family_name_required: required(&FormField::Name),
            postal_code_required: required(&FormField::Zip),
            street_address: requirement(FormField::StreetAddress),
            city: requirement(FormField::City),
            comments: p.comments.enabled || asked(&FormField::Comments),
            signature_pad: p.signature_pad,
            forced_opt_in: p.opt_in,
            default_country: p.target_country.clone(),
            extra_fields,
            consent_required: p.consent_required.unwrap_or(false),
            notice: None,
        }
    }
}

const MAX_NAME: usize = 100;
const MAX_EMAIL: usize = 254;
const MAX_POSTAL: usize = 16;
const MAX_STREET: usize = 200;
const MAX_CITY: usize = 100;
const MAX_PHONE: usize = 32;
const MAX_COMMENT: usize = 5_000;
const MAX_LOCALE: usize = 35;
const MAX_SIGNATURE: usize = 200_000;
const MAX_EXTRA: usize = 500;

/// Trims the input in place, fills the default country, and checks it against the rules.
/// All problems are reported at once, so the form can mark every field in one go.
pub fn normalise_and_validate(
    rules: &SignRules,
    input: &mut SignerInput,
) -> Result<(), Vec<FieldError>> {
    for s in [
        &mut input.given_name,
        &mut input.family_name,
        &mut input.email,
        &mut input.postal_code,
        &mut input.street_address,
        &mut input.city,
        &mut input.country,
        &mut input.phone,
        &mut input.locale,
    ] {
        trim_in_place(s);
    }
    trim_in_place(&mut input.comment);
    input.country.make_ascii_uppercase();
    if input.country.is_empty()
        && let Some(c) = &rules.default_country
    {
        input.country.push_str(c);
    }

    let mut errors = Vec::new();
    check(
        &mut errors,
        "given_name",
        &input.given_name,
        true,
        MAX_NAME,
        false,
    );
    check(
        &mut errors,
        "family_name",
        &input.family_name,
        rules.family_name_required,
        MAX_NAME,
        false,
    );
    if check(&mut errors, "email", &input.email, true, MAX_EMAIL, false) && !is_email(&input.email)
    {
        push(&mut errors, "email", FieldCode::InvalidEmail);
    }
    let country_ok = check(&mut errors, "country", &input.country, false, 2, false);
    if country_ok && !input.country.is_empty() && !is_country(&input.country) {
        push(&mut errors, "country", FieldCode::InvalidCountry);
    }
    if check(
        &mut errors,
        "postal_code",
        &input.postal_code,
        rules.postal_code_required,
        MAX_POSTAL,
        false,
    ) && !input.postal_code.is_empty()
    {
        // Checked against the country's pattern and kept in its usual form (`1012ab` →
        // `1012 AB`); any code where no pattern is known.
        match crate::postal::normalise(&input.country, &input.postal_code) {
            Some(kept) => input.postal_code = kept,
            None => push(&mut errors, "postal_code", FieldCode::InvalidPostalCode),
        }
    }
    for (field, value, requirement, max) in [
        (
            "street_address",
            &input.street_address,
            rules.street_address,
            MAX_STREET,
        ),
        ("city", &input.city, rules.city, MAX_CITY),
    ] {
        if requirement == Requirement::NotAsked {
            not_asked(field, value, &mut errors);
        } else {
            check(
                &mut errors,
                field,
                value,
                requirement == Requirement::Required,
                max,
                false,
            );
        }
    }
    check(&mut errors, "phone", &input.phone, false, MAX_PHONE, false);
    if rules.consent_required && input.consent != Some(true) {
        push(&mut errors, "consent", FieldCode::ConsentMissing);
    }
    check(
        &mut errors,
        "locale",
        &input.locale,
        false,
        MAX_LOCALE,
        false,
    );
    if rules.comments {
        check(
            &mut errors,
            "comment",
            &input.comment,
            false,
            MAX_COMMENT,
            true,
        );
    } else {
        not_asked("comment", &input.comment, &mut errors);
    }
    if rules.signature_pad {
        if check(
            &mut errors,
            "signature",
            &input.signature,
            false,
            MAX_SIGNATURE,
            false,
        ) && !is_pen_path(&input.signature)
        {
            push(&mut errors, "signature", FieldCode::InvalidSignature);
        }
    } else {
        not_asked("signature", &input.signature, &mut errors);
    }
    for extra in &mut input.extra.0 {
        trim_in_place(&mut extra.value);
        if rules.extra_fields.contains(&extra.key) {
            let key = extra.key.clone();
            check(&mut errors, &key, &extra.value, false, MAX_EXTRA, false);
        } else {
            push(&mut errors, &clip(&extra.key), FieldCode::UnknownField);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks presence, length and characters; records the first problem. True when fine.
fn check(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
    required: bool,
    max: usize,
    multiline: bool,
) -> bool {
    let code = if value.is_empty() {
        required.then_some(FieldCode::Required)
    } else if value.chars().count() > max {
        Some(FieldCode::TooLong)
    } else if value.chars().any(|c| forbidden(c, multiline)) {
        Some(FieldCode::ForbiddenCharacters)
    } else {
        None
    };
    if let Some(code) = code {
        push(errors, field, code);
    }
    code.is_none()
}

fn push(errors: &mut Vec<FieldError>, field: &str, code: FieldCode) {
    errors.push(FieldError {
        field: field.to_owned(),
        code,
    });
}

fn not_asked(field: &str, value: &str, errors: &mut Vec<FieldError>) {
    if !value.is_empty() {
        errors.push(FieldError {
            field: field.to_owned(),
            code: FieldCode::UnknownField,
        });
    }
}

/// Control characters (line breaks allowed in multi-line fields) and bidirectional overrides
/// and isolates, which can make a record display as something other than what it says.
fn forbidden(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_email(s: &str) -> bool {
    // The crate checks RFC 5322 syntax; a deliverable address also has a dotted domain.
    email_address::EmailAddress::parse_with_options(
        s,
        email_address::Options::default().without_display_text(),
    )
    .is_ok_and(|e| e.domain().contains('.') && !e.domain().ends_with('.'))
}

/// ISO 3166-1 alpha-2 codes that are assigned, such as `US` or `KE` (not `ZZ`).
pub fn is_country(code: &str) -> bool {
    isocountry::CountryCode::for_alpha2(code).is_ok()
}

/// Every assigned ISO 3166-1 alpha-2 code, for the form's country list.
pub fn countries() -> Vec<&'static str> {
    let mut all: Vec<_> = isocountry::CountryCode::iter()
        .map(|c| c.alpha2())
        .collect();
    all.sort_unstable();
    all
}

/// A signature-pad drawing: SVG path data made only of absolute moves and lines
/// (`M12 30L14 31.5 …`). Anything richer (curves, arcs, other SVG) is not something the pad
/// draws, so it is refused rather than sealed.
fn is_pen_path(s: &str) -> bool {
    // A scanner rather than split-and-collect: the drawing is signer data, so no copies.
    let mut numbers = 0usize; // numbers since the last command
    let mut started = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        match c {
            ' ' | ',' => rest = &rest[1..],
            'M' | 'L' => {
                if (c == 'L' && !started)
                    || (started && (numbers == 0 || !numbers.is_multiple_of(2)))
                {
                    return false;
                }
                started = true;
                numbers = 0;
                rest = &rest[1..];
            }
            '-' | '0'..='9' | '.' if started => {
                let len = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
                    .map_or(rest.len(), |(i, _)| i);
                let (number, tail) = rest.split_at(len);
                if len > 12 || number.parse::<f32>().is_err() {
                    return false;
                }
                numbers += 1;
                rest = tail;
            }
            _ => return false,
        }
    }
    started && numbers > 0 && numbers.is_multiple_of(2)
}

/// Trims without reallocating, so no untrimmed copy is left behind.
fn trim_in_place(s: &mut String) {
    let end = s.trim_end().len();
    s.truncate(end);
    let start = s.len() - s.trim_start().len();
    if start > 0 {
        s.drain(..start);
    }
}

fn clip(s: &str) -> String {
    s.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> SignRules {
        SignRules {
            petition_id: "p".into(),
            family_name_required: false,
            postal_code_required: true,
            street_address: Requirement::NotAsked,
            city: Requirement::Optional,
            comments: false,
            signature_pad: false,
            forced_opt_in: false,
            default_country: Some("US".into()),
            extra_fields: vec!["employer".into()],
            consent_required: false,
            notice: None,
        }
    }

    fn signer(given_name: impl Into<String>) -> SignerInput {
        let mut i = SignerInput::default();
        i.given_name = given_name.into();
        i.email = "a@b.org".into();
        i.postal_code = "02139".into();
        i
    }

    fn input(json: &str) -> SignerInput {
        serde_json::from_str(json).unwrap()
    }

    fn codes(r: Result<(), Vec<FieldError>>) -> Vec<(String, &'static str)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code.as_str()))
            .collect()
    }

    #[test]
    fn a_good_signature_passes_and_is_normalised() {
        let mut i = input(
            r#"{"given_name":" Ada ","email":"ada@example.org","postal_code":"02139","employer":"Analytical"}"#,
        );
        assert_eq!(codes(normalise_and_validate(&rules(), &mut i)), []);
        assert_eq!(i.given_name, "Ada");
        assert_eq!(i.country, "US");
    }

    #[test]
    fn required_fields_and_email_always() {
        let mut i = input(r#"{}"#);
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [
                ("given_name".into(), "required"),
                ("email".into(), "required"),
                ("postal_code".into(), "required")
            ]
        );
    }

    #[test]
    fn email_syntax() {
        for bad in [
            "ada",
            "ada@",
            "@example.org",
            "ada@localhost",
            "a b@example.org",
            "ada@example.",
        ] {
            let mut i = input(&format!(
                r#"{{"given_name":"A","email":"{bad}","postal_code":"02139"}}"#
            ));
            assert_eq!(
                codes(normalise_and_validate(&rules(), &mut i)),
                [("email".into(), "invalid_email")],
                "{bad}"
            );
        }
    }

    #[test]
    fn postal_codes_follow_the_country() {
        let mut i = input(r#"{"given_name":"A","email":"a@b.org","postal_code":"2139"}"#);
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [("postal_code".into(), "invalid_postal_code")]
        );
        let mut i = input(r#"{"given_name":"A","email":"a@b.org","postal_code":"02139-1234"}"#);
        assert!(normalise_and_validate(&rules(), &mut i).is_ok());
        let mut i = input(
            r#"{"given_name":"A","email":"a@b.org","postal_code":"SW1A 1AA","country":"gb"}"#,
        );
        assert!(normalise_and_validate(&rules(), &mut i).is_ok());
        assert_eq!(i.country, "GB");
        let mut i =
            input(r#"{"given_name":"A","email":"a@b.org","postal_code":"1012ab","country":"NL"}"#);
        assert!(normalise_and_validate(&rules(), &mut i).is_ok());
        assert_eq!(i.postal_code, "1012 AB");
        let mut i =
            input(r#"{"given_name":"A","email":"a@b.org","postal_code":"1011","country":"DE"}"#);
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [("postal_code".into(), "invalid_postal_code")]
        );
    }

    #[test]
    fn control_and_bidi_characters_are_refused() {
        for bad in [
            "A\u{202E}dA",
            "A\u{2066}x",
            "A\u{0000}",
            "A\u{001B}[31m",
            "A\nB",
        ] {
            let mut i = signer(bad);
            assert_eq!(
                codes(normalise_and_validate(&rules(), &mut i)),
                [("given_name".into(), "forbidden_characters")],
                "{bad:?}"
            );
        }
        // Right-to-left names, emoji and accents are people's names, not attacks.
        for good in ["محمد", "שרה", "Zoë 🌻", "Nguyễn"] {
            let mut i = signer(good);
            assert!(normalise_and_validate(&rules(), &mut i).is_ok(), "{good}");
        }
    }

    #[test]
    fn length_limits() {
        let mut i = signer("x".repeat(101));
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [("given_name".into(), "too_long")]
        );
        let mut i = signer("x".repeat(1_000_000));
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [("given_name".into(), "too_long")]
        );
    }

    #[test]
    fn fields_the_petition_does_not_ask_for_are_refused() {
        let mut i = input(
            r#"{"given_name":"A","email":"a@b.org","postal_code":"02139","street_address":"1 Main St","comment":"hi","shoe_size":"9"}"#,
        );
        assert_eq!(
            codes(normalise_and_validate(&rules(), &mut i)),
            [
                ("street_address".into(), "unknown_field"),
                ("comment".into(), "unknown_field"),
                ("shoe_size".into(), "unknown_field")
            ]
        );
    }

    #[test]
    fn rules_follow_the_petition_file() {
        let pack = tempfile::tempdir().unwrap();
        std::fs::write(
            pack.path().join("p.md"),
            "---\ntitle: t\nrequired_fields:\n  - zip\n  - city\nadditional_fields:\n  - street_address\n  - city\ninclude_comments: true\ntarget_country: US\nopt_in: true\n---\n",
        )
        .unwrap();
        let p = placard_petition::Pack::load(pack.path(), &placard_petition::Renderer::default())
            .unwrap();
        let r = SignRules::for_petition(&p.get("p").unwrap().original.petition);
        assert!(r.postal_code_required && r.comments && r.forced_opt_in);
        assert_eq!(
            (r.street_address, r.city),
            (Requirement::Optional, Requirement::Required)
        );
        assert_eq!(r.default_country.as_deref(), Some("US"));
    }

    #[test]
    fn pen_paths_are_moves_and_lines_only() {
        for good in [
            "M1 2L3 4",
            "M1,2 L3,4 5,6",
            "M0 0L10.5 -3.25 M5 5L6 6",
            "M1 2",
        ] {
            assert!(is_pen_path(good), "{good}");
        }
        for bad in [
            "",
            "L1 2",
            "M1",
            "M1 2L3",
            "M1 2C3 4 5 6 7 8",
            "M1 2Z",
            "M1 2L3 4<script>",
            "M1 2 L NaN 4",
            "M1 2L1e99 inf",
            "<svg/>",
        ] {
            assert!(!is_pen_path(bad), "{bad}");
        }
    }

    #[test]
    fn countries_are_the_assigned_codes() {
        assert!(is_country("KE") && is_country("US") && is_country("NL"));
        assert!(!is_country("ZZ") && !is_country("us") && !is_country("USA"));
        let all = countries();
        assert!(all.len() > 240 && all.contains(&"BR"), "{}", all.len());
    }
}
