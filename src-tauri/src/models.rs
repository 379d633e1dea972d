//! DTOs: what crosses IPC, in the shape the UI wants. TypeScript twins are generated into
//! `ui/src/lib/bindings.ts` (see the test at the bottom), so the two sides cannot drift.

use placard_petition::{LoadedPetition, PackEntry, PetitionError};
use placard_vault::{Requirement, SignRules};
use serde::Serialize;
use ts_rs::TS;

/// A line of the operator's petition list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PetitionSummary {
    pub id: String,
    pub title: String,
    /// Languages with a translation file (the original's language is not named in the files).
    pub languages: Vec<String>,
    pub published: bool,
    pub warnings: u32,
}

impl From<&PackEntry> for PetitionSummary {
    fn from(e: &PackEntry) -> Self {
        Self {
            id: e.id().to_owned(),
            title: e.original.petition.title.clone(),
            languages: e.languages().map(str::to_owned).collect(),
            published: e.original.petition.published,
            warnings: count(e.original.warnings.len()),
        }
    }
}

/// Everything the petition page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PetitionView {
    pub id: String,
    /// The translation shown, or `null` for the original.
    pub lang: Option<String>,
    pub languages: Vec<String>,
    pub title: String,
    pub petition_title: Option<String>,
    pub petition_copy: Option<String>,
    /// Button label from the file; the UI falls back to its own translated "Sign the petition".
    pub action_text: Option<String>,
    /// Sanitised HTML; images point at the `pack:` scheme.
    pub body_html: String,
    pub disclosure_html: Option<String>,
    pub opt_in: bool,
    pub target_country: Option<String>,
    pub tags: Vec<String>,
    pub goal: Option<u32>,
    /// What the signing form asks, from the same rules the vault enforces.
    pub form: FormSpec,
}

/// The signing form of one petition.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FormSpec {
    pub family_name_required: bool,
    pub postal_code_required: bool,
    pub street_address: FieldNeed,
    pub city: FieldNeed,
    pub comments: bool,
    pub comment_prefill: Option<String>,
    /// Signers cannot opt out: no checkbox, the disclosure text instead.
    pub forced_opt_in: bool,
    pub default_country: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldNeed {
    NotAsked,
    Optional,
    Required,
}

impl From<Requirement> for FieldNeed {
    fn from(r: Requirement) -> Self {
        match r {
            Requirement::NotAsked => Self::NotAsked,
            Requirement::Optional => Self::Optional,
            Requirement::Required => Self::Required,
        }
    }
}

impl PetitionView {
    pub fn new(entry: &PackEntry, shown: &LoadedPetition) -> Self {
        let p = &shown.petition;
        Self {
            id: p.id.clone(),
            lang: shown.lang.clone(),
            languages: entry.languages().map(str::to_owned).collect(),
            title: p.title.clone(),
            petition_title: p.petition_title.clone(),
            petition_copy: p.petition_copy.clone(),
            action_text: p.action_text.clone(),
            body_html: shown.body_html.clone(),
            disclosure_html: shown.disclosure_html.clone(),
            opt_in: p.opt_in,
            target_country: p.target_country.clone(),
            tags: p.tags.clone(),
            goal: p.goal.map(count),
            form: {
                let r = SignRules::for_petition(p);
                FormSpec {
                    family_name_required: r.family_name_required,
                    postal_code_required: r.postal_code_required,
                    street_address: r.street_address.into(),
                    city: r.city.into(),
                    comments: r.comments,
                    comment_prefill: p.comments.prefill.clone(),
                    forced_opt_in: r.forced_opt_in,
                    default_country: r.default_country,
                }
            },
        }
    }
}

/// The pack as the operator panel shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackInfo {
    pub path: String,
    pub loaded: u32,
    pub failures: Vec<PackFailure>,
}

/// A petition file that did not load, with where and why.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackFailure {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub reason: String,
}

impl From<&PetitionError> for PackFailure {
    fn from(e: &PetitionError) -> Self {
        Self {
            path: e.path.display().to_string(),
            line: count(e.line),
            column: count(e.column),
            reason: e.reason.clone(),
        }
    }
}

/// Whether the first-run set-up was done.
#[derive(Debug, Clone, Serialize, TS)]
pub struct KioskStatus {
    pub set_up: bool,
}

/// What the thank-you screen shows once a signature is durable.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SignReceipt {
    /// Signatures for this petition collected on this kiosk, this one included.
    pub count: u32,
}

/// Counts cross IPC as `number` (u32), never as `bigint`; past `u32::MAX` they saturate.
pub(crate) fn count(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, FieldIssue, IpcError};

    /// The TypeScript the UI imports, generated from the types above.
    fn bindings() -> String {
        let cfg = ts_rs::Config::default();
        let decls = [
            ErrorCode::decl(&cfg),
            IpcError::decl(&cfg),
            FieldIssue::decl(&cfg),
            KioskStatus::decl(&cfg),
            SignReceipt::decl(&cfg),
            PetitionSummary::decl(&cfg),
            PetitionView::decl(&cfg),
            FormSpec::decl(&cfg),
            FieldNeed::decl(&cfg),
            PackInfo::decl(&cfg),
            PackFailure::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from src-tauri/src/{models,error}.rs by the `bindings_are_fresh` test.\n\
             // Do not edit: run `PLACARD_UPDATE_BINDINGS=1 cargo test bindings` instead.\n",
        );
        for d in decls {
            out.push_str("\nexport ");
            out.push_str(&d);
            out.push('\n');
        }
        out
    }

    /// CI fails here when a DTO changed and the UI's types were not regenerated.
    #[test]
    fn bindings_are_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
        let want = bindings();
        if std::env::var_os("PLACARD_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run `PLACARD_UPDATE_BINDINGS=1 cargo test bindings` and commit it",
            path.display()
        );
    }
}
