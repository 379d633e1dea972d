//! The pack on show: loaded once, shared by every command as an `Arc`, and swapped whole when
//! the operator picks another (or a newer copy is pulled), so a pack never changes under a
//! running command. A pack that failed to load is kept as such: every command that needs it
//! says why, and the window still opens.

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use placard_fanout::action_network::PetitionMeta;
use placard_petition::{LoadedPetition, Pack, PackEntry, Renderer};
use placard_vault::SignRules;

use crate::packs::PackSource;
use crate::qr::{Qr, qr_for_url};
use crate::{KioskError, OperatorSettings};

/// A loaded pack, or why there is none.
#[derive(Debug)]
pub struct LoadedPack {
    /// Which source it came from (`demo`, `configured`, `local:NAME`).
    pub source: String,
    dir: PathBuf,
    pack: Result<Pack, Arc<dyn std::error::Error + Send + Sync>>,
}

impl LoadedPack {
    /// Loads (parses and renders) the pack in `dir`.
    pub fn load(source: impl Into<String>, dir: PathBuf) -> Self {
        let pack = Pack::load(&dir, &Renderer::default()).map_err(|e| Arc::new(e) as _);
        Self {
            source: source.into(),
            dir,
            pack,
        }
    }

    /// Loads `source`, unpacking the demo pack first when it is the one.
    pub fn from_source(source: &PackSource) -> Self {
        match source.prepare() {
            Ok(dir) => Self::load(&source.id, dir),
            Err(e) => Self {
                source: source.id.clone(),
                dir: source.dir.clone(),
                pack: Err(Arc::new(std::io::Error::new(
                    e.kind(),
                    format!("cannot unpack the demo petitions: {e}"),
                ))),
            },
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The pack, or `pack_unavailable` with the reason it did not load.
    pub fn pack(&self) -> Result<&Pack, KioskError> {
        self.pack
            .as_ref()
            .map_err(|e| KioskError::PackUnavailable(e.clone()))
    }

    /// One petition of the pack, or `petition_not_found`.
    pub fn entry(&self, id: &str) -> Result<&PackEntry, KioskError> {
        self.pack()?
            .get(id)
            .ok_or_else(|| KioskError::PetitionNotFound(id.to_owned()))
    }

    /// What the pack says of a petition's place on Action Network (nothing when it is not in
    /// this pack).
    pub fn action_network_meta(&self, id: &str) -> PetitionMeta {
        PetitionMeta::from_pack(self.pack.as_ref().ok(), id)
    }

    /// Ids of the published petitions, in pack order (none when the pack failed to load).
    pub fn published_ids(&self) -> Vec<String> {
        self.pack
            .as_ref()
            .map(|p| {
                p.petitions()
                    .filter(|e| e.original.petition.published)
                    .map(|e| e.id().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The petitions the attract screen rotates through: the operator's choice, else every
    /// published one.
    pub fn active(&self, settings: &OperatorSettings) -> Vec<String> {
        if settings.active.is_empty() {
            self.published_ids()
        } else {
            settings.active.clone()
        }
    }
}

/// The pack on show, swapped whole.
#[derive(Debug)]
pub struct Shown(RwLock<Arc<LoadedPack>>);

impl Shown {
    pub fn new(loaded: LoadedPack) -> Self {
        Self(RwLock::new(Arc::new(loaded)))
    }

    /// A snapshot, kept for a whole command.
    pub fn current(&self) -> Arc<LoadedPack> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn replace(&self, loaded: Arc<LoadedPack>) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = loaded;
    }
}

/// One petition as its page shows it: the text in the language asked for, the form it asks
/// for (from the same rules the vault enforces when it signs) and where to share it.
#[derive(Debug, Clone)]
pub struct PetitionPage {
    pub shown: LoadedPetition,
    /// Translations the pack has of it.
    pub languages: Vec<String>,
    pub rules: SignRules,
    /// The petition's page online and its QR code, for the thank-you screen.
    pub share: Option<(String, Qr)>,
}

impl PetitionPage {
    pub fn new(entry: &PackEntry, lang: Option<&str>) -> Self {
        let shown = entry.localized(lang).clone();
        let p = &shown.petition;
        Self {
            languages: entry.languages().map(str::to_owned).collect(),
            rules: SignRules::for_petition(p),
            share: p
                .public_url()
                .and_then(|url| qr_for_url(&url).map(|qr| (url, qr))),
            shown,
        }
    }
}

/// The rules a signature for `entry` is sealed under, for a signer whose form was in `locale`:
/// the original petition's (what it asks does not change with the language), with the privacy
/// notice of the translation the form showed — found as the form found it — for the record's
/// consent receipt. The app and `placard sign` both come here.
pub fn sign_rules(entry: &PackEntry, locale: &str) -> SignRules {
    let mut rules = SignRules::for_petition(&entry.original.petition);
    let seen = entry.localized(Some(locale.trim()).filter(|l| !l.is_empty()));
    rules.notice = seen.privacy.as_ref().map(|n| placard_vault::NoticeShown {
        sha256: n.sha256.clone(),
        lang: seen.lang.clone(),
    });
    rules
}
