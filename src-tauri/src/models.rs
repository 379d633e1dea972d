//! DTOs: what crosses IPC, in the shape the UI wants. TypeScript twins are generated into
//! `ui/src/lib/bindings.ts` (see the test at the bottom), so the two sides cannot drift.

use placard_fanout::run::{Outcome, Step};
use placard_kiosk_core::packs::PackSource;
use placard_kiosk_core::qr::qr_for_url;
use placard_kiosk_core::send::SendReport;
use placard_kiosk_core::uplink::PackListing;
use placard_kiosk_core::{HourTotal, OperatorSettings, Overview};

use crate::state::LoadedPack;
use placard_petition::{LoadedPetition, PackEntry, PetitionError};
use placard_sync::engine::SyncState;
use placard_vault::{Requirement, SignRules};
use serde::Serialize;
use ts_rs::TS;

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
                    countries: placard_vault::countries()
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    signature_pad: r.signature_pad,
                }
            },
            share: p.public_url().and_then(|url| {
                qr_for_url(&url).map(|qr| ShareCode {
                    url,
                    size: qr.size,
                    path: qr.path,
                })
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
}

impl KioskStatus {
    /// The settings, with "no active petition chosen" resolved to the pack's published ones.
    pub fn new(set_up: bool, s: &OperatorSettings, published: Vec<String>) -> Self {
        Self {
            set_up,
            active: if s.active.is_empty() {
                published
            } else {
                s.active.clone()
            },
            rotate_seconds: s.rotate_seconds,
            thanks_seconds: s.thanks_seconds,
            idle_seconds: s.idle_seconds,
            countdown_seconds: s.countdown_seconds,
            locked: s.locked,
        }
    }
}

/// A new organiser key, as written at first run (the private half is only in the file).
#[derive(Debug, Clone, Serialize, TS)]
pub struct CreatedKey {
    pub recipient: String,
    pub key_file: String,
    pub recovery_file: String,
}

impl From<placard_kiosk_core::keys::CreatedKey> for CreatedKey {
    fn from(k: placard_kiosk_core::keys::CreatedKey) -> Self {
        Self {
            recipient: k.recipient,
            key_file: k.key_file.display().to_string(),
            recovery_file: k.recovery_file.display().to_string(),
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
    pub goal: Option<u32>,
    /// Signatures collected here.
    pub count: u32,
    /// Its place in the rotation (0-based) and how many take turns.
    pub position: u32,
    pub of: u32,
}

impl AttractPetition {
    pub fn new(shown: &LoadedPetition, count: u32, position: u32, of: u32) -> Self {
        let p = &shown.petition;
        Self {
            id: p.id.clone(),
            lang: shown.lang.clone(),
            title: p.title.clone(),
            petition_copy: p.petition_copy.clone(),
            goal: p.goal.map(self::count),
            count,
            position,
            of,
        }
    }
}

/// What the operator panel edits; saved as a whole.
#[derive(Debug, Clone, Serialize, serde::Deserialize, TS)]
pub struct OperatorConfig {
    /// The pack on show (an id from `OperatorView.packs`).
    pub pack: Option<String>,
    /// Empty: every published petition.
    pub active: Vec<String>,
    pub rotate_seconds: u32,
    pub event_name: String,
    pub event_tags: Vec<String>,
    pub locked: bool,
    pub thanks_seconds: u32,
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
}

impl From<OperatorSettings> for OperatorConfig {
    fn from(s: OperatorSettings) -> Self {
        Self {
            pack: s.pack,
            active: s.active,
            rotate_seconds: s.rotate_seconds,
            event_name: s.event.name,
            event_tags: s.event.tags,
            locked: s.locked,
            thanks_seconds: s.thanks_seconds,
            idle_seconds: s.idle_seconds,
            countdown_seconds: s.countdown_seconds,
        }
    }
}

impl From<OperatorConfig> for OperatorSettings {
    fn from(c: OperatorConfig) -> Self {
        Self {
            pack: c.pack,
            active: c.active,
            rotate_seconds: c.rotate_seconds,
            event: placard_vault::Event {
                name: c.event_name,
                tags: c.event_tags,
            },
            locked: c.locked,
            thanks_seconds: c.thanks_seconds,
            idle_seconds: c.idle_seconds,
            countdown_seconds: c.countdown_seconds,
        }
    }
}

/// The operator panel: settings, counts, the hourly chart and sync state.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OperatorView {
    pub config: OperatorConfig,
    pub total: u32,
    /// Sealed and waiting to be sent upstream.
    pub pending: u32,
    pub sent: u32,
    pub petitions: Vec<PetitionTally>,
    /// Oldest first; the last is the current hour.
    pub last_hours: Vec<HourBar>,
    pub sync: SyncView,
    /// The packs this kiosk can show.
    pub packs: Vec<PackChoice>,
}

/// A pack the operator can choose.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackChoice {
    /// `demo`, `configured` or `local:NAME`.
    pub id: String,
    pub path: String,
}

impl From<&PackSource> for PackChoice {
    fn from(s: &PackSource) -> Self {
        Self {
            id: s.id.clone(),
            path: s.dir.display().to_string(),
        }
    }
}

/// What the operator gives for a "Send to Action Network" run. Never printed.
#[derive(serde::Deserialize, TS)]
pub struct SendInput {
    /// The organiser's key file (on the USB stick it was saved to).
    pub key_file: String,
    pub passphrase: String,
    /// The Action Network API key.
    pub token: String,
}

impl std::fmt::Debug for SendInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendInput")
            .field("key_file", &self.key_file)
            .finish_non_exhaustive()
    }
}

/// How a "Send to Action Network" run ended.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendReportView {
    pub sent: u32,
    pub failed: u32,
    /// Sent by an earlier run.
    pub skipped: u32,
    /// Not sent, to try again later (Action Network unreachable, petition not found).
    pub deferred: u32,
    pub cancelled: bool,
    /// Each failed record and Action Network's reason.
    pub failures: Vec<SendFailure>,
    /// Petitions no Action Network petition was found for.
    pub unmatched: Vec<String>,
    /// Records the key did not open.
    pub unreadable: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SendFailure {
    pub record_id: String,
    pub reason: String,
}

impl From<SendReport> for SendReportView {
    fn from(r: SendReport) -> Self {
        Self {
            sent: count(r.summary.sent),
            failed: count(r.summary.failed),
            skipped: count(r.summary.skipped),
            deferred: count(r.summary.deferred),
            cancelled: r.cancelled,
            failures: r
                .summary
                .failures
                .into_iter()
                .map(|(id, reason)| SendFailure {
                    record_id: id.to_string(),
                    reason,
                })
                .collect(),
            unmatched: r.unmatched,
            unreadable: u32::try_from(r.unreadable).unwrap_or(u32::MAX),
        }
    }
}

/// A send run's progress, emitted as [`SEND_EVENT`] after each record, with that record's
/// outcome.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendProgress {
    pub done: u32,
    pub total: u32,
    pub record: SendOutcome,
}

/// What became of one record: its ids, when it was signed, the outcome and the reason —
/// never the signer's own data (events must not carry it; reasons are scrubbed of it).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SendOutcome {
    pub record_id: String,
    pub petition_id: String,
    /// RFC 3339.
    pub captured_at: String,
    pub outcome: SendOutcomeKind,
    /// Why it failed or waits.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SendOutcomeKind {
    Sent,
    Failed,
    /// Sent by an earlier run.
    Skipped,
    /// Left for a later run.
    Deferred,
}

impl From<&Step<'_>> for SendProgress {
    fn from(step: &Step<'_>) -> Self {
        let (outcome, reason) = match step.outcome {
            Outcome::Sent => (SendOutcomeKind::Sent, None),
            Outcome::Skipped => (SendOutcomeKind::Skipped, None),
            Outcome::Failed(why) => (SendOutcomeKind::Failed, Some(why.clone())),
            Outcome::Deferred(why) => (SendOutcomeKind::Deferred, Some(why.clone())),
        };
        Self {
            done: count(step.done),
            total: count(step.total),
            record: SendOutcome {
                record_id: step.record.record_id.to_string(),
                petition_id: step.record.petition_id.clone(),
                captured_at: step.record.captured_at.clone(),
                outcome,
                reason,
            },
        }
    }
}

/// The event a send run's progress is emitted on.
pub const SEND_EVENT: &str = "send-progress";

/// A petition pack the enrolled collector offers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CollectorPack {
    pub name: String,
    /// Download size, bytes.
    pub bytes: u32,
}

impl From<PackListing> for CollectorPack {
    fn from(p: PackListing) -> Self {
        Self {
            name: p.name,
            bytes: u32::try_from(p.bytes).unwrap_or(u32::MAX),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PetitionTally {
    pub id: String,
    pub title: String,
    pub published: bool,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct HourBar {
    /// The hour's start, UTC, RFC 3339.
    pub start: String,
    pub count: u32,
}

impl From<HourTotal> for HourBar {
    fn from(h: HourTotal) -> Self {
        Self {
            start: h.start,
            count: count(h.count),
        }
    }
}

/// Sync to the organisation's collector, as the operator panel shows it (also the payload of
/// the [`SYNC_EVENT`] the sync loop emits on every change). Until a collector is enrolled
/// there is nothing to sync to: records wait, sealed, in the vault. Counts only: no signer
/// data ever travels in it.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
pub struct SyncView {
    /// Enrolled with a collector (and the loop runs).
    pub configured: bool,
    /// The collector's address.
    pub collector: Option<String>,
    /// Sealed here and not yet acknowledged by the collector.
    pub pending: u32,
    /// Acknowledged since the kiosk started.
    pub sent: u32,
    /// A batch is on its way.
    pub sending: bool,
    /// When the collector last acknowledged a batch (UTC, RFC 3339).
    pub last_success: Option<String>,
    /// Why the last attempt failed, until one succeeds.
    pub last_error: Option<String>,
}

/// The event the sync loop's state is emitted on.
pub const SYNC_EVENT: &str = "sync-state";

impl SyncView {
    pub fn not_configured() -> Self {
        Self {
            configured: false,
            collector: None,
            pending: 0,
            sent: 0,
            sending: false,
            last_success: None,
            last_error: None,
        }
    }

    pub fn running(collector: &str, s: &SyncState) -> Self {
        Self {
            configured: true,
            collector: Some(collector.to_owned()),
            pending: count(s.pending),
            sent: count(s.sent),
            sending: s.sending,
            last_success: s.last_success.clone(),
            last_error: s.last_error.clone(),
        }
    }
}

impl OperatorView {
    pub fn new(
        settings: OperatorSettings,
        overview: Overview,
        shown: &LoadedPack,
        packs: &[PackSource],
        sync: SyncView,
    ) -> Self {
        let mut config = OperatorConfig::from(settings);
        config.pack = Some(shown.source.clone());
        let by_id = |id: &str| {
            overview
                .stats
                .by_petition
                .iter()
                .find(|p| p.petition_id == id)
                .map_or(0, |p| p.pending + p.sent)
        };
        Self {
            config,
            total: count(overview.stats.total),
            pending: count(overview.stats.pending),
            sent: count(overview.stats.sent),
            petitions: shown
                .pack()
                .into_iter()
                .flat_map(|p| p.petitions())
                .map(|e| PetitionTally {
                    id: e.id().to_owned(),
                    title: e.original.petition.title.clone(),
                    published: e.original.petition.published,
                    count: count(by_id(e.id())),
                })
                .collect(),
            last_hours: overview.last_hours.into_iter().map(HourBar::from).collect(),
            sync,
            packs: packs.iter().map(PackChoice::from).collect(),
        }
    }
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
            AttractView::decl(&cfg),
            CreatedKey::decl(&cfg),
            AttractPetition::decl(&cfg),
            OperatorConfig::decl(&cfg),
            OperatorView::decl(&cfg),
            PetitionTally::decl(&cfg),
            HourBar::decl(&cfg),
            SyncView::decl(&cfg),
            PackChoice::decl(&cfg),
            CollectorPack::decl(&cfg),
            SendInput::decl(&cfg),
            SendReportView::decl(&cfg),
            SendFailure::decl(&cfg),
            SendProgress::decl(&cfg),
            SendOutcome::decl(&cfg),
            SendOutcomeKind::decl(&cfg),
            ShareCode::decl(&cfg),
            SignReceipt::decl(&cfg),
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
