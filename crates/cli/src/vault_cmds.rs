//! `placard keys|vault|sign|export`: the vault's command line, the contract tools and tests use.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use placard_petition::{Pack, PackEntry, Renderer};
use placard_vault::{ErrorCode, OrganiserKey, SignerInput, Vault, VaultError};
use serde_json::json;
use zeroize::Zeroizing;

use placard_vault::passphrase;

pub fn keys_new(
    out: &Path,
    passphrase_file: Option<&Path>,
    sheet: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    if out.exists() {
        bail!(
            "{} exists already; refusing to overwrite a key",
            out.display()
        );
    }
    eprintln!(
        "IMPORTANT: the passphrase is the only way to open the signatures sealed to this key.\n\
         If it is lost, every signature collected with it is lost for good. Write it down and\n\
         keep it, with a printed recovery copy (--recovery-sheet), somewhere safe."
    );
    let pass = passphrase::new(passphrase_file)?;
    let key = OrganiserKey::generate();
    key.write_encrypted(out, &pass)?;
    if let Some(sheet) = sheet {
        std::fs::write(sheet, key.recovery_sheet(out)?)
            .with_context(|| format!("cannot write the recovery sheet {}", sheet.display()))?;
        eprintln!(
            "Recovery sheet written to {}: print it, then delete the file.",
            sheet.display()
        );
    }
    eprintln!(
        "Organiser key written to {} (encrypted with the passphrase).",
        out.display()
    );
    eprintln!("Give kiosks this public key (it cannot open anything):");
    println!("{}", key.recipient());
    Ok(ExitCode::SUCCESS)
}

pub fn kiosk_setup(
    data_dir: &Path,
    recipient: &str,
    pin_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    use placard_vault::ExposeSecret as _;
    let pin = passphrase::read(pin_file, "Operator PIN (6 to 12 digits): ")?;
    let mut kiosk = placard_kiosk_core::Kiosk::open(data_dir)?;
    kiosk.setup(recipient, pin.expose_secret())?;
    println!("kiosk set up in {}", data_dir.display());
    Ok(ExitCode::SUCCESS)
}

pub fn vault_init(dir: &Path, recipient: &str) -> anyhow::Result<ExitCode> {
    let vault = Vault::init(dir, recipient)?;
    println!(
        "vault ready in {} (device {})",
        dir.display(),
        vault.device_id()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn vault_stats(dir: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    let stats = Vault::open(dir)?.stats()?;
    if as_json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "total {}, pending {}, sent {}",
        stats.total, stats.pending, stats.sent
    );
    for p in &stats.by_petition {
        println!(
            "petition {}: pending {}, sent {}",
            p.petition_id, p.pending, p.sent
        );
    }
    for h in &stats.by_hour {
        println!("hour {}:00Z {}: {}", h.hour, h.petition_id, h.count);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn vault_verify(
    dir: &Path,
    identity: Option<&Path>,
    passphrase_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(dir)?;
    let key = identity.map(|i| unlock(i, passphrase_file)).transpose()?;
    let report = vault.verify(key.as_ref())?;
    println!("integrity: {}", report.integrity.join("; "));
    match &key {
        Some(_) => println!("rows: {}, opened: {}", report.rows, report.opened),
        None => println!(
            "rows: {} (give --identity to open every record too)",
            report.rows
        ),
    }
    for p in &report.problems {
        println!("problem {}: {}", p.id, p.problem);
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Reads one signer JSON object on stdin, seals and stores it, prints the record id. On any
/// failure prints `{"code", "message"[, "fields"]}` on stdout and exits 1: nothing was stored.
pub fn sign(dir: &Path, pack: &Path, petition: &str) -> ExitCode {
    match sign_inner(dir, pack, petition) {
        Ok(id) => {
            println!("{id}");
            ExitCode::SUCCESS
        }
        Err(SignFailure {
            code,
            message,
            fields,
        }) => {
            let mut body = json!({ "code": code, "message": message });
            if let Some(fields) = fields {
                body["fields"] = fields;
            }
            println!("{body}");
            ExitCode::FAILURE
        }
    }
}

struct SignFailure {
    code: ErrorCode,
    message: String,
    fields: Option<serde_json::Value>,
}

impl From<VaultError> for SignFailure {
    fn from(e: VaultError) -> Self {
        let fields =
            (!e.fields().is_empty()).then(|| serde_json::to_value(e.fields()).unwrap_or_default());
        Self {
            code: e.code(),
            message: e.to_string(),
            fields,
        }
    }
}

fn failure(code: ErrorCode, message: impl Into<String>) -> SignFailure {
    SignFailure {
        code,
        message: message.into(),
        fields: None,
    }
}

fn sign_inner(dir: &Path, pack: &Path, petition: &str) -> Result<String, SignFailure> {
    let mut vault = Vault::open(dir)?;
    let pack = load_pack(pack)?;
    let entry = petition_in(&pack, petition)?;
    // The raw bytes are plaintext signer data too: wiped when dropped.
    let mut raw = Zeroizing::new(Vec::with_capacity(4096));
    std::io::stdin()
        .read_to_end(&mut raw)
        .map_err(|e| failure(ErrorCode::InvalidInput, format!("cannot read stdin: {e}")))?;
    // Only the kind and position of a JSON error: its message can quote the value, which is
    // signer data and must not reach any output.
    let input: SignerInput = serde_json::from_slice(&raw).map_err(|e| {
        failure(
            ErrorCode::InvalidInput,
            format!(
                "stdin is not a signer JSON object of text fields ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
        )
    })?;
    drop(raw);
    // The receipt names the notice of the signer's `locale`, as the app's form shows it.
    let rules = placard_kiosk_core::sign_rules(entry, &input.locale);
    Ok(vault.sign(&rules, input)?.to_string())
}

fn load_pack(pack: &Path) -> Result<Pack, SignFailure> {
    Pack::load(pack, &Renderer::default())
        .map_err(|e| failure(ErrorCode::PackUnavailable, e.to_string()))
}

fn petition_in<'p>(pack: &'p Pack, petition: &str) -> Result<&'p PackEntry, SignFailure> {
    pack.get(petition).ok_or_else(|| {
        failure(
            ErrorCode::PetitionNotFound,
            format!("no petition `{petition}` in the pack"),
        )
    })
}

pub enum ExportFormat {
    Csv,
    Jsonl,
}

pub fn export_plain(
    dir: &Path,
    identity: &Path,
    passphrase_file: Option<&Path>,
    format: ExportFormat,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(dir)?;
    let key = unlock(identity, passphrase_file)?;
    let writer: Box<dyn std::io::Write> = match out {
        Some(p) => Box::new(std::io::BufWriter::new(placard_vault::create_private(p)?)),
        None => Box::new(std::io::stdout().lock()),
    };
    let summary = match format {
        ExportFormat::Csv => placard_vault::write_csv(&vault, &key, writer)?,
        ExportFormat::Jsonl => placard_vault::write_jsonl(&vault, &key, writer)?,
    };
    report_export(summary)
}

/// `placard kiosk wipe`: see `placard_kiosk_core::wipe`.
pub fn kiosk_wipe(
    data_dir: &Path,
    all: bool,
    exported: Option<PathBuf>,
    accept_loss: Option<String>,
) -> anyhow::Result<ExitCode> {
    use placard_kiosk_core::wipe::{Consent, wipe};
    let consent = match (exported, accept_loss) {
        (Some(bundle), _) => Consent::Exported(bundle),
        (None, Some(words)) => Consent::LossAccepted(words),
        (None, None) => Consent::None,
    };
    let done = wipe(data_dir, &consent, all)?;
    println!(
        "wiped: {} signatures ({} of them unsent) and the webview's data{}",
        done.records,
        done.unsent,
        if all { "; settings and keys too" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

/// `placard vault forget`: the signer's records, found by their address (any case).
pub fn vault_forget(
    dir: &Path,
    identity: &Path,
    passphrase_file: Option<&Path>,
    email: &str,
) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(dir)?;
    let key = unlock(identity, passphrase_file)?;
    let wanted = email.trim().to_lowercase();
    let ids: Vec<String> = vault
        .sealed_rows()?
        .iter()
        .filter(|row| {
            placard_vault::open_sealed(row, vault.device_id(), &key)
                .is_ok_and(|r| r.email.trim().to_lowercase() == wanted)
        })
        .map(|row| row.id.clone())
        .collect();
    drop(key);
    let n = vault.forget_records(&ids)?;
    println!("forgot {n} records of that address");
    Ok(ExitCode::SUCCESS)
}

pub fn export_sealed(dir: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(dir)?;
    let summary = placard_vault::write_sealed_tar(&vault, out)?;
    eprintln!(
        "{} sealed records written to {} (no key needed to carry them)",
        summary.written,
        out.display()
    );
    report_export(summary)
}

fn report_export(summary: placard_vault::ExportSummary) -> anyhow::Result<ExitCode> {
    for p in &summary.problems {
        eprintln!("problem {}: {}", p.id, p.problem);
    }
    eprintln!(
        "exported {}, problems {}",
        summary.written,
        summary.problems.len()
    );
    std::io::stderr().flush()?;
    Ok(if summary.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn unlock(identity: &Path, passphrase_file: Option<&Path>) -> anyhow::Result<OrganiserKey> {
    let pass = passphrase::read(passphrase_file, "Passphrase for the organiser key: ")?;
    Ok(OrganiserKey::unlock(identity, &pass)?)
}

/// Signs made-up signatures until killed, printing each id only after `sign` returned: the
/// child process of the crash-safety test.
pub fn sign_loop(
    dir: &Path,
    pack: &Path,
    petition: &str,
    count: Option<u64>,
) -> anyhow::Result<ExitCode> {
    let mut vault = Vault::open(dir)?;
    let pack = load_pack(pack).map_err(|f| anyhow::anyhow!("{}: {}", f.code, f.message))?;
    let entry =
        petition_in(&pack, petition).map_err(|f| anyhow::anyhow!("{}: {}", f.code, f.message))?;
    let rules = placard_kiosk_core::sign_rules(entry, "");
    let mut out = std::io::stdout().lock();
    let mut i = 0u64;
    while count.is_none_or(|c| i < c) {
        let mut s = SignerInput::default();
        s.given_name = format!("Crash{i}");
        s.family_name = "Test".into();
        s.email = format!("crash{i}@example.org");
        s.postal_code = "02139".into();
        // Made-up signers who ticked every box the petition asks for.
        s.consent = Some(true);
        let id = vault.sign(&rules, s)?;
        writeln!(out, "{id}")?;
        out.flush()?;
        i += 1;
    }
    Ok(ExitCode::SUCCESS)
}
