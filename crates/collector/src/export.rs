//! Exports after an unlock: every record held, opened, as CSV or JSON Lines. Shared by
//! `placard-collector export` (to a file or stdout) and the console (a download).

use placard_vault::{ExportSummary, OrganiserKey, SealedRow, VaultError};
use uuid::Uuid;

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Jsonl,
}

impl Format {
    /// The file name's extension and the download's media type.
    pub fn extension_and_type(self) -> (&'static str, &'static str) {
        match self {
            Self::Csv => ("csv", "text/csv; charset=utf-8"),
            Self::Jsonl => ("jsonl", "application/x-ndjson"),
        }
    }
}

/// Opens each of `rows` with `key` and writes it to `out`; returns what was written and the
/// ids of the records written, which the caller marks exported (the retention time then
/// applies to them). Rows that do not open are reported, not written.
pub fn write_opened(
    rows: &[(Uuid, SealedRow)],
    key: &OrganiserKey,
    format: Format,
    out: impl std::io::Write,
) -> Result<(ExportSummary, Vec<String>), VaultError> {
    let mut taken = Vec::new();
    let records = rows.iter().map(|(device, row)| {
        let opened = placard_vault::open_sealed(row, *device, key);
        if opened.is_ok() {
            taken.push(row.id.clone());
        }
        opened
    });
    let summary = match format {
        Format::Csv => placard_vault::write_csv_records(records, out)?,
        Format::Jsonl => placard_vault::write_jsonl_records(records, out)?,
    };
    Ok((summary, taken))
}
