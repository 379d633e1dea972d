//! Showing petitions: the attract screen, a petition's page, the pack's report.

use placard_kiosk_core::domain::{PetitionError, Requirement};
use placard_kiosk_core::{Attract, LoadedPack, PetitionPage, Status};
use serde::Serialize;
use ts_rs::TS;

use crate::command::commands;
use crate::count;

commands! {
    /// One petition, in `lang` when the pack has that translation.
    fn get_petition[window, kiosk](id: String, lang: Option<String>) -> PetitionView {
        Ok(kiosk.petition(&id, lang.as_deref())?.into())
    }

    /// The pack's folder and the files that failed to load, for the operator.
    fn pack_info[window, kiosk]() -> PackInfo {
        Ok(kiosk.pack_on_show()?.as_ref().into())
    }

    /// Whether the kiosk is set up, what the attract screen shows, and its timers.
    fn kiosk_status[window, kiosk]() -> KioskStatus {
        Ok(kiosk.status()?.into())
    }

    /// Everything the attract screen shows, in one round trip (it is the first screen, so it
    /// is what start-up waits for): the kiosk's status, and the active petition at `index`
    /// (wrapping) in `lang` with its count here.
    fn attract_view[window, kiosk](index: u32, lang: Option<String>) -> AttractView {
        Ok(kiosk.attract(index, lang.as_deref())?.into())
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
    /// The petition's one-line pitch, shown when it has no `petition_copy`.
    pub summary: Option<String>,
    /// The hero image (`pack://…`, the pack's own file), when it has one.
    pub hero_image: Option<String>,
    /// Button label from the file; the UI falls back to its own translated "Sign the petition".
    pub action_text: Option<String>,
    /// Sanitised HTML; images point at the `pack:` scheme.
    pub body_html: String,
    pub disclosure_html: Option<String>,
    /// The privacy notice (sanitised HTML), shown above the form's boxes; its SHA-256 goes
    /// into the record's consent receipt.
    pub privacy_html: Option<String>,
    pub opt_in: bool,
    pub target_country: Option<String>,
    pub tags: Vec<String>,
    pub goal: Option<u32>,
    /// What the signing form asks, from the same rules the vault enforces.
    pub form: FormSpec,
    /// The petition's page online (see `Petition::public_url`) and its QR code, for the
    /// thank-you screen.
    pub share: Option<ShareCode>,
}

/// A URL and its QR code as SVG path data (`size` modules square).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ShareCode {
    pub url: String,
    pub size: u32,
    pub path: String,
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
    /// The country codes the vault accepts (ISO 3166-1 alpha-2); the UI names them in the
    /// signer's language.
    pub countries: Vec<String>,
    /// A finger/mouse signature pad (`signature_pad: true`); drawing is optional.
    pub signature_pad: bool,
    /// A required, unticked box: the signer has read the privacy notice (`consent`).
    pub consent_required: bool,
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

impl From<PetitionPage> for PetitionView {
    fn from(page: PetitionPage) -> Self {
        let PetitionPage {
            shown,
            languages,
            rules: r,
            share,
        } = page;
        let p = shown.petition;
        Self {
            id: p.id,
            lang: shown.lang,
            languages,
            title: p.title,
            petition_title: p.petition_title,
            petition_copy: p.petition_copy,
            summary: p.summary,
            hero_image: shown.hero_image,
            action_text: p.action_text,
            body_html: shown.body_html,
            disclosure_html: shown.disclosure_html,
            privacy_html: shown.privacy.map(|n| n.html),
            opt_in: p.opt_in,
            target_country: p.target_country,
            tags: p.tags,
            goal: p.goal.map(count),
            form: FormSpec {
                family_name_required: r.family_name_required,
                postal_code_required: r.postal_code_required,
                street_address: r.street_address.into(),
                city: r.city.into(),
                comments: r.comments,
                comment_prefill: p.comments.prefill,
                forced_opt_in: r.forced_opt_in,
                default_country: r.default_country,
                countries: placard_kiosk_core::domain::countries()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                signature_pad: r.signature_pad,
                consent_required: r.consent_required,
            },
            share: share.map(|(url, qr)| ShareCode {
                url,
                size: qr.size,
                path: qr.path,
            }),
        }
    }
}

/// The pack as the operator panel shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackInfo {
    /// Where it came from: `demo`, `configured` (`PLACARD_PACK`) or `local:NAME`.
    pub source: String,
    pub path: String,
    pub loaded: u32,
    pub failures: Vec<PackFailure>,
}

impl From<&LoadedPack> for PackInfo {
    fn from(shown: &LoadedPack) -> Self {
        let pack = shown.pack().ok();
        Self {
            source: shown.source.clone(),
            path: shown.dir().display().to_string(),
            loaded: count(pack.map_or(0, |p| p.petitions().count())),
            failures: pack
                .into_iter()
                .flat_map(|p| p.failures())
                .map(PackFailure::from)
                .collect(),
        }
    }
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

/// What every screen needs to know about the kiosk (no PIN needed).
#[derive(Debug, Clone, Serialize, TS)]
pub struct KioskStatus {
    /// Whether the first-run set-up was done.
    pub set_up: bool,
    /// The petitions the attract screen rotates through (never empty while the pack has a
    /// published petition).
    pub active: Vec<String>,
    pub rotate_seconds: u32,
    pub thanks_seconds: u32,
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
    /// Kiosk lock on: fullscreen, closing ignored.
    pub locked: bool,
    /// "Touchscreen kiosk": the on-screen keyboard opens on every field. `null`: the window
    /// decides (a coarse pointer means a touchscreen; else only a touched field opens it).
    pub touchscreen: Option<bool>,
}

impl From<Status> for KioskStatus {
    fn from(s: Status) -> Self {
        Self {
            set_up: s.set_up,
            active: s.active,
            rotate_seconds: s.settings.rotate_seconds,
            thanks_seconds: s.settings.thanks_seconds,
            idle_seconds: s.settings.idle_seconds,
            countdown_seconds: s.settings.countdown_seconds,
            locked: s.settings.locked,
            touchscreen: s.settings.touchscreen,
        }
    }
}

/// The attract screen: the kiosk's status and the petition on show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AttractView {
    pub status: KioskStatus,
    /// `None` when no petition is active (nothing published, or the pack failed to load).
    pub shown: Option<AttractPetition>,
}

/// One active petition as the attract screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AttractPetition {
    pub id: String,
    /// The translation shown, or `null` for the original.
    pub lang: Option<String>,
    pub title: String,
    pub petition_copy: Option<String>,
    /// The petition's one-line pitch, shown when it has no `petition_copy`.
    pub summary: Option<String>,
    /// The hero image (`pack://…`, the pack's own file), when it has one.
    pub hero_image: Option<String>,
    pub goal: Option<u32>,
    /// Signatures collected here.
    pub count: u32,
    /// Its place in the rotation (0-based) and how many take turns.
    pub position: u32,
    pub of: u32,
}

impl From<Attract> for AttractView {
    fn from(a: Attract) -> Self {
        Self {
            status: a.status.into(),
            shown: a.on_show.map(|s| {
                let p = s.petition.petition;
                AttractPetition {
                    id: p.id,
                    lang: s.petition.lang,
                    title: p.title,
                    petition_copy: p.petition_copy,
                    summary: p.summary,
                    hero_image: s.petition.hero_image,
                    goal: p.goal.map(count),
                    count: count(s.count),
                    position: count(s.position),
                    of: count(s.of),
                }
            }),
        }
    }
}
