//! Exports: plaintext CSV/JSON Lines after unlock, and the sealed bundle that needs no unlock.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::VaultError;
use crate::keys::OrganiserKey;
use crate::record::Record;
use crate::store::{RowProblem, Vault};

/// Columns in the shape Action Network's CSV importer takes, then Placard's own.
pub const CSV_HEADER: [&str; 17] = [
    "first_name",
    "last_name",
    "email",
    "zip_code",
    "country",
    "address_line",
    "city",
    "phone",
    "comment",
    "subscribed",
    "petition",
    "captured_at",
    "record_id",
    // The consent receipt (see `ConsentReceipt`): the notice's SHA-256 and language, and the
    // boxes (`true`, `false`, or empty when the form had no such box).
    "privacy_notice_sha256",
    "privacy_notice_lang",
    "consent_box",
    "updates_box",
];

/// What an export wrote and what it could not.
#[derive(Debug, Default, Serialize)]
pub struct ExportSummary {
    pub written: u64,
    pub problems: Vec<RowProblem>,
}

/// Creates `path` for a plaintext export: owner-only (0600) from its first byte, and never over
/// a file that exists (an export of signers must not replace another, nor be readable by other
/// users of the machine, even for a moment).
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            std::io::Error::new(
                e.kind(),
                format!(
                    "{} exists already: an export never replaces a file (choose another name)",
                    path.display()
                ),
            )
        } else {
            std::io::Error::new(e.kind(), format!("cannot create {}: {e}", path.display()))
        }
    })
}

/// A CSV cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or CR first) is
/// given a leading `'`, so it shows as the text the signer typed and runs nothing (OWASP's
/// advice on CSV injection). A phone number written `+49…` shows as `'+49…`: the price of
/// never running what a passer-by typed.
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The vault's records, opened with `key`, as CSV ([`CSV_HEADER`]).
pub fn write_csv(
    vault: &Vault,
    key: &OrganiserKey,
    out: impl Write,
) -> Result<ExportSummary, VaultError> {
    write_csv_records(vault.open_records(key)?, out)
}

/// Opened records (from a vault or the collector) as CSV ([`CSV_HEADER`]).
pub fn write_csv_records(
    records: impl IntoIterator<Item = Result<Record, RowProblem>>,
    out: impl Write,
) -> Result<ExportSummary, VaultError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(csv_error)?;
    let mut summary = ExportSummary::default();
    for result in records {
        match result {
            Ok(r) => {
                let id = r.record_id.to_string();
                let flag = |b: Option<bool>| match b {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "",
                };
                let c = &r.consent;
                let cells = [
                    r.given_name.as_str(),
                    &r.family_name,
                    &r.email,
                    &r.postal_code,
                    &r.country,
                    &r.street_address,
                    &r.city,
                    &r.phone,
                    &r.comment,
                    if r.subscribe { "true" } else { "false" },
                    &r.petition_id,
                    &r.captured_at,
                    &id,
                    c.notice_sha256.as_deref().unwrap_or(""),
                    c.notice_lang.as_deref().unwrap_or(""),
                    flag(c.consent_box),
                    flag(c.updates_box),
                ];
                w.write_record(cells.iter().map(|c| neutralise_cell(c).into_owned()))
                    .map_err(csv_error)?;
                summary.written += 1;
            }
            Err(p) => summary.problems.push(p),
        }
    }
    w.flush()?;
    Ok(summary)
}

/// The vault's records, opened with `key`, one JSON object per line.
pub fn write_jsonl(
    vault: &Vault,
    key: &OrganiserKey,
    out: impl Write,
) -> Result<ExportSummary, VaultError> {
    write_jsonl_records(vault.open_records(key)?, out)
}

/// Opened records (from a vault or the collector), one JSON object per line.
pub fn write_jsonl_records(
    records: impl IntoIterator<Item = Result<Record, RowProblem>>,
    mut out: impl Write,
) -> Result<ExportSummary, VaultError> {
    let mut summary = ExportSummary::default();
    for result in records {
        match result {
            Ok(r) => {
                serde_json::to_writer(&mut out, &r).map_err(|e| VaultError::Io(e.into()))?;
                out.write_all(b"\n")?;
                summary.written += 1;
            }
            Err(p) => summary.problems.push(p),
        }
    }
    out.flush()?;
    Ok(summary)
}

#[derive(Serialize, serde::Deserialize)]
struct Manifest {
    format: String,
    device_id: String,
    recipient: String,
    exported_at: String,
    records: Vec<ManifestEntry>,
}

/// The sealed bundle's format name, in its manifest.
const BUNDLE_FORMAT: &str = "placard-sealed-bundle/1";

/// What the device signs, before the manifest's bytes: a bundle's signature can pass for no
/// other signature the device makes (its sync requests sign an RFC 9421 base).
pub const BUNDLE_SIGNATURE_CONTEXT: &[u8] = b"placard sealed bundle v1\n";

/// The manifest's signature file in a bundle: the device's Ed25519 signature (64 bytes) over
/// [`BUNDLE_SIGNATURE_CONTEXT`] and `manifest.json`'s bytes. The manifest lists every sealed
/// file's SHA-256, so the signature covers the whole bundle.
pub const BUNDLE_SIGNATURE_FILE: &str = "manifest.sig";

#[derive(Serialize, serde::Deserialize)]
struct ManifestEntry {
    id: String,
    petition_id: String,
    captured_at: String,
    file: String,
    sha256: String,
    /// The device's signature of the record ([`crate::provenance`]), hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<String>,
}

/// Writes every sealed record as `ID.age` plus `manifest.json` and its signature by the
/// device's key (`manifest.sig`) into a tar file at `out`, for a USB stick. No organiser key
/// needed: the files stay sealed. Written to a temporary name first, so a half-written bundle
/// never looks complete.
pub fn write_sealed_tar(vault: &Vault, out: &Path) -> Result<ExportSummary, VaultError> {
    let rows = vault.sealed_rows()?;
    let device_key = vault.device_key()?;
    let device_id = vault.device_id();
    let tmp = out.with_extension("tar.partial");
    let file = std::fs::File::create(&tmp)?;
    let mut tar = tar::Builder::new(file);
    let mut entries = Vec::with_capacity(rows.len());
    for row in &rows {
        let name = format!("{}.age", row.id);
        append(&mut tar, &name, &row.sealed)?;
        entries.push(ManifestEntry {
            id: row.id.clone(),
            petition_id: row.petition_id.clone(),
            captured_at: row.captured_at.clone(),
            file: name,
            sha256: hex(ring::digest::digest(&ring::digest::SHA256, &row.sealed).as_ref()),
            provenance: Some(hex(&crate::provenance::sign(
                &device_key,
                &row.id,
                &device_id,
                &row.petition_id,
                &row.captured_at,
                &row.sealed,
            ))),
        });
    }
    let manifest = Manifest {
        format: BUNDLE_FORMAT.to_owned(),
        device_id: vault.device_id().to_string(),
        recipient: vault.recipient().to_owned(),
        exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        records: entries,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| VaultError::Io(e.into()))?;
    append(&mut tar, "manifest.json", &json)?;
    let signature = device_key.sign(&[BUNDLE_SIGNATURE_CONTEXT, &json].concat());
    append(&mut tar, BUNDLE_SIGNATURE_FILE, signature.as_ref())?;
    let file = tar.into_inner()?;
    file.sync_all()?;
    std::fs::rename(&tmp, out)?;
    Ok(ExportSummary {
        written: rows.len() as u64,
        problems: Vec::new(),
    })
}

/// A sealed bundle read back (at the collector): the device it came from and its rows, each
/// checked against the manifest's SHA-256.
#[derive(Debug)]
pub struct SealedBundle {
    pub device_id: uuid::Uuid,
    pub recipient: String,
    pub rows: Vec<crate::store::SealedRow>,
    /// Each row's provenance (the device's signature of it), by record id.
    pub provenance: std::collections::HashMap<String, Vec<u8>>,
    manifest: Vec<u8>,
    /// The device's signature over the manifest; `None` in a bundle from before bundles were
    /// signed.
    signature: Option<Vec<u8>>,
}

impl SealedBundle {
    /// Whether the device whose raw Ed25519 public key is `device_key` signed this bundle as
    /// it is. (The rows were checked against the manifest when it was read.)
    pub fn verify(&self, device_key: &[u8]) -> Result<(), VaultError> {
        let bad = |why: &str| VaultError::Corrupt(format!("sealed bundle: {why}"));
        let signature = self
            .signature
            .as_deref()
            .ok_or_else(|| bad("it is not signed by the kiosk that wrote it"))?;
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, device_key)
            .verify(
                &[BUNDLE_SIGNATURE_CONTEXT, &self.manifest].concat(),
                signature,
            )
            .map_err(|_| bad("its signature does not verify: it was changed after the kiosk wrote it, or another device signed it"))
    }
}

/// Whether `blob` is an age file sealed to exactly one X25519 recipient, as a kiosk seals:
/// its header's first line, one `-> X25519` stanza (and the random `…-grease` stanzas the age
/// library adds to keep parsers honest), then the `---` line. (A blob sealed otherwise — to a
/// passphrase, to several keys, or not an age file at all — is no kiosk's.)
pub fn is_sealed_to_one_recipient(blob: &[u8]) -> bool {
    let Some(rest) = blob.strip_prefix(b"age-encryption.org/v1\n") else {
        return false;
    };
    let mut stanzas = 0;
    let mut lines = rest.split(|b| *b == b'\n');
    for line in lines.by_ref() {
        if line.starts_with(b"--- ") {
            return stanzas == 1;
        }
        if let Some(stanza) = line.strip_prefix(b"-> ") {
            let kind = stanza.split(|b| *b == b' ').next().unwrap_or_default();
            if kind == b"X25519" {
                stanzas += 1;
            } else if !kind.ends_with(b"-grease") {
                return false;
            }
        }
    }
    false
}

/// Reads a bundle written by [`write_sealed_tar`]. Refuses the whole bundle — rather than take
/// part of it — when the manifest is missing or of another format, or a record is missing,
/// damaged (its SHA-256 differs) or unlisted.
pub fn read_sealed_tar(bytes: &[u8]) -> Result<SealedBundle, VaultError> {
    let bad = |why: String| VaultError::Corrupt(format!("sealed bundle: {why}"));
    let mut files = std::collections::HashMap::new();
    let mut archive = tar::Archive::new(bytes);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let name = entry.path()?.to_string_lossy().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data)?;
        files.insert(name, data);
    }
    let manifest: Manifest = serde_json::from_slice(
        files
            .get("manifest.json")
            .ok_or_else(|| bad("no manifest.json".into()))?,
    )
    .map_err(|e| bad(format!("manifest.json: {e}")))?;
    if manifest.format != BUNDLE_FORMAT {
        return Err(bad(format!("unknown format `{}`", manifest.format)));
    }
    let device_id =
        uuid::Uuid::parse_str(&manifest.device_id).map_err(|e| bad(format!("device id: {e}")))?;
    let manifest_bytes = files.remove("manifest.json").unwrap_or_default();
    let signature = files.remove(BUNDLE_SIGNATURE_FILE);
    if files.len() != manifest.records.len() {
        return Err(bad("files that the manifest does not list".into()));
    }
    let mut rows = Vec::with_capacity(manifest.records.len());
    let mut provenance = std::collections::HashMap::new();
    for e in manifest.records {
        if let Some(sig) = &e.provenance {
            let sig =
                unhex(sig).ok_or_else(|| bad(format!("{}: provenance is not hex", e.file)))?;
            provenance.insert(e.id.clone(), sig);
        }
        let sealed = files
            .remove(&e.file)
            .ok_or_else(|| bad(format!("{} is missing", e.file)))?;
        if hex(ring::digest::digest(&ring::digest::SHA256, &sealed).as_ref()) != e.sha256 {
            return Err(bad(format!("{} is damaged (its SHA-256 differs)", e.file)));
        }
        rows.push(crate::store::SealedRow {
            id: e.id,
            petition_id: e.petition_id,
            captured_at: e.captured_at,
            sealed,
        });
    }
    Ok(SealedBundle {
        device_id,
        recipient: manifest.recipient,
        rows,
        provenance,
        manifest: manifest_bytes,
        signature,
    })
}

fn append(
    tar: &mut tar::Builder<std::fs::File>,
    name: &str,
    data: &[u8],
) -> Result<(), VaultError> {
    let mut header = tar::Header::new_gnu();
    header.set_size(data.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(0);
    header.set_cksum();
    tar.append_data(&mut header, name, data)?;
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn csv_error(e: csv::Error) -> VaultError {
    VaultError::Io(std::io::Error::other(e))
}

#[cfg(test)]
mod formula_tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for (typed, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Ada", "Ada"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise_cell(typed), written, "{typed:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_export_file_is_private_and_never_replaces_another() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signers.csv");
        drop(create_private(&path).unwrap());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::write(&path, "earlier export").unwrap();
        let e = create_private(&path).unwrap_err();
        assert!(e.to_string().contains("never replaces"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier export");
    }
}

#[cfg(test)]
mod bundle_tests {
    #[test]
    fn only_an_age_file_to_one_x25519_key_is_a_kiosk_s() {
        let key = crate::OrganiserKey::generate();
        let recipient = crate::parse_recipient(&key.recipient()).unwrap();
        let other = crate::parse_recipient(&crate::OrganiserKey::generate().recipient()).unwrap();
        let seal = |recipients: Vec<&dyn age::Recipient>| {
            let mut out = Vec::new();
            let mut w = age::Encryptor::with_recipients(recipients.into_iter())
                .unwrap()
                .wrap_output(&mut out)
                .unwrap();
            std::io::Write::write_all(&mut w, b"signer").unwrap();
            w.finish().unwrap();
            out
        };
        // Many times over: the age library adds a random grease stanza to some headers.
        for _ in 0..50 {
            assert!(super::is_sealed_to_one_recipient(&seal(vec![&recipient])));
        }
        assert!(!super::is_sealed_to_one_recipient(&seal(vec![
            &recipient, &other
        ])));
        let by_passphrase = age::scrypt::Recipient::new(age::secrecy::SecretString::from(
            "a passphrase".to_owned(),
        ));
        assert!(!super::is_sealed_to_one_recipient(&seal(vec![
            &by_passphrase
        ])));
        assert!(!super::is_sealed_to_one_recipient(b"not an age file"));
        assert!(!super::is_sealed_to_one_recipient(
            b"age-encryption.org/v1\n-> X25519 abc\n"
        ));
    }
}
