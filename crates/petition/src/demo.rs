//! The built-in demo pack (`packs/demo` in the repository), compiled into the binaries so a
//! freshly installed kiosk has something to show before an organiser picks a pack.

use std::path::Path;

use include_dir::{Dir, include_dir};

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../packs/demo");

/// Writes the demo pack into `dir` (created if needed), replacing files of the same name, and
/// returns `dir` for [`crate::Pack::load`].
pub fn extract(dir: &Path) -> std::io::Result<&Path> {
    std::fs::create_dir_all(dir)?;
    DEMO.extract(dir)?;
    Ok(dir)
}

/// Ids of the demo petitions, in the pack's order.
pub const PETITION_IDS: [&str; 2] = ["defend-encryption-worldwide", "encryption-is-not-a-crime"];
