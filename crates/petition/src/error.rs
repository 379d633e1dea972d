//! Errors of the petition library. Each says where (file, line, column) and why, in words an
//! organiser editing a petition file can act on.

use std::path::{Path, PathBuf};

use crate::frontmatter::Position;

/// One petition file that could not be loaded. Displays as `PATH:LINE:COL: REASON`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {reason}", path.display())]
pub struct PetitionError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl PetitionError {
    pub(crate) fn at(path: &Path, position: Position, reason: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            line: position.line,
            column: position.column,
            reason: reason.into(),
        }
    }

    /// The file has no front matter: not a page at all (Jekyll copies it as a static file).
    pub fn is_not_a_page(&self) -> bool {
        self.reason == crate::frontmatter::NO_FRONT_MATTER
    }

    /// An error about the file as a whole (unreadable, duplicate id): reported at 1:1.
    pub(crate) fn whole_file(path: &Path, reason: impl Into<String>) -> Self {
        Self::at(path, Position::START, reason)
    }
}

/// The pack as a whole could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("cannot open the petition pack {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the petition pack {} is not a folder", .0.display())]
    NotADirectory(PathBuf),
    #[error("cannot read {} while looking for petitions: {source}", path.display())]
    Walk {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A request for a pack file that is not served.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssetError {
    #[error("no such image in the pack: {0}")]
    NotFound(String),
    #[error("not an image of the pack: {0}")]
    Forbidden(String),
}
