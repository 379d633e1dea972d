//! `placard bench capture`: how long a durable sealed signature takes, beside the disk's raw
//! fsync measured in the same run (and SQLCipher, in a build with the bench-only feature).

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::measure::{HAS_SQLCIPHER, RawFsync, percentiles, seal_only};
use placard_vault::{OrganiserKey, Requirement, SignRules, SignerInput, Vault};

pub fn capture(dir: Option<&Path>, signatures: usize, prefill: u64) -> anyhow::Result<ExitCode> {
    let tmp = tempfile::tempdir_in(dir.unwrap_or(Path::new(".")))?;
    let recipient = OrganiserKey::generate().recipient();
    let rules = SignRules {
        petition_id: "bench".into(),
        family_name_required: true,
        postal_code_required: true,
        street_address: Requirement::NotAsked,
        city: Requirement::NotAsked,
        comments: true,
        signature_pad: false,
        forced_opt_in: false,
        default_country: Some("US".into()),
        extra_fields: vec![],
        consent_required: false,
        notice: None,
    };
    println!(
        "disk: {} ; {signatures} signatures per measurement",
        tmp.path().display()
    );

    let seal = seal_only(&recipient, signatures)?;
    // Raw fsync, signing (and SQLCipher) alternate, so disk noise hits them alike.
    let mut fsync = RawFsync::new(tmp.path())?;
    let mut raw = Vec::with_capacity(signatures);
    #[cfg(feature = "sqlcipher-bench")]
    let mut sqlcipher = crate::measure::SqlCipherInsert::new(tmp.path())?;
    #[cfg_attr(not(feature = "sqlcipher-bench"), allow(unused_mut))]
    let mut cipher_samples: Vec<Duration> = Vec::new();
    let empty = sign_n(
        &tmp.path().join("empty"),
        &recipient,
        &rules,
        signatures,
        0,
        || {
            raw.push(fsync.once()?);
            #[cfg(feature = "sqlcipher-bench")]
            cipher_samples.push(sqlcipher.once()?);
            Ok(())
        },
    )?;
    let cipher = (!cipher_samples.is_empty()).then_some(cipher_samples);
    let big = if prefill > 0 {
        let t = Instant::now();
        let r = sign_n(
            &tmp.path().join("big"),
            &recipient,
            &rules,
            signatures,
            prefill,
            || Ok(()),
        )?;
        println!(
            "(prefilled {prefill} sealed records in {:.0} s)",
            t.elapsed().as_secs_f64()
        );
        Some(r)
    } else {
        None
    };

    let (raw50, raw99, rawmax) = percentiles(&raw);
    let (e50, e99, emax) = percentiles(&empty);
    println!();
    println!("{:<44} {:>9} {:>9} {:>9}", "", "p50", "p99", "max");
    row("raw fsync (600 B write + fsync)", raw50, raw99, rawmax);
    let (s50, s99, smax) = percentiles(&seal);
    row("age sealing alone (done ahead, while idle)", s50, s99, smax);
    row("placard sign, empty vault", e50, e99, emax);
    if let Some(big) = &big {
        let (b50, b99, bmax) = percentiles(big);
        row(
            &format!("placard sign, vault with {prefill} records"),
            b50,
            b99,
            bmax,
        );
    }
    if let Some(c) = &cipher {
        let (c50, c99, cmax) = percentiles(c);
        row("SQLCipher durable insert of the same row", c50, c99, cmax);
    }
    println!();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    verdict(
        "p50 / raw fsync",
        ratio(e50, raw50),
        "<= 2.0",
        ratio(e50, raw50) <= 2.0,
    );
    verdict(
        "p99 (ms)",
        ms(e99),
        "<= 10",
        e99 <= Duration::from_millis(10),
    );
    if let Some(big) = &big {
        let (b50, b99, _) = percentiles(big);
        verdict(
            &format!("p50 with {prefill} / empty"),
            ratio(b50, e50),
            "<= 1.2",
            ratio(b50, e50) <= 1.2,
        );
        verdict(
            &format!("p99 with {prefill} (ms)"),
            ms(b99),
            "<= 10",
            b99 <= Duration::from_millis(10),
        );
    }
    match &cipher {
        Some(c) => {
            let c50 = percentiles(c).0;
            verdict("p50 / SQLCipher p50", ratio(e50, c50), "<= 1.0", e50 <= c50);
        }
        None if !HAS_SQLCIPHER => println!(
            "SQLCipher: not in this build (CARGO_TARGET_DIR=target/sqlcipher cargo build --release -p placard-cli --features sqlcipher-bench)"
        ),
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// Signs `n` signatures into a new vault (after `prefill` records), timing each `sign`; runs
/// `between` before each one.
fn sign_n(
    dir: &Path,
    recipient: &str,
    rules: &SignRules,
    n: usize,
    prefill: u64,
    mut between: impl FnMut() -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Duration>> {
    let mut vault = Vault::init(dir, recipient)?;
    if prefill > 0 {
        vault.prefill_for_benchmark(rules, prefill)?;
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.family_name = "Lovelace".into();
        s.email = format!("ada{i}@example.org");
        s.postal_code = "02139".into();
        s.comment = "Encryption keeps us all safe.".into();
        s.subscribe = Some(true);
        between()?;
        // The kiosk prepares the next record's sealing key while it waits for a signer.
        vault.prepare()?;
        let t = Instant::now();
        vault.sign(rules, s)?;
        out.push(t.elapsed());
    }
    Ok(out)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(name: &str, p50: Duration, p99: Duration, max: Duration) {
    println!(
        "{name:<44} {:>7.3}ms {:>7.3}ms {:>7.3}ms",
        ms(p50),
        ms(p99),
        ms(max)
    );
}

fn verdict(what: &str, value: f64, goal: &str, met: bool) {
    println!(
        "{what:<36} {value:>8.2}  goal {goal:<7} {}",
        if met { "MET" } else { "NOT MET" }
    );
}
