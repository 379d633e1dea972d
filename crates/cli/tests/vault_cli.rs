//! The vault's command line, as organisers and scripts use it, including interop with the
//! stock `age` tool and crash safety under SIGKILL.
#![allow(clippy::unwrap_used)] // a test helper that fails should panic

use std::collections::HashSet;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const PETITION: &str = "encryption-is-not-a-crime";

fn placard() -> Command {
    Command::new(env!("CARGO_BIN_EXE_placard"))
}

fn demo_pack() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../packs/demo"))
}

/// Runs a command built in place (`&mut Command`) or returned by a helper (`Command`).
fn run(mut cmd: impl std::borrow::BorrowMut<Command>) -> Output {
    cmd.borrow_mut().output().expect("placard runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A temp folder with an organiser key (passphrase in a file) and a vault sealing to it.
struct Setup {
    dir: tempfile::TempDir,
    recipient: String,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("pass"), "a long organiser passphrase\n").expect("pass");
        let out = run(placard()
            .args(["keys", "new", "--out"])
            .arg(dir.path().join("key.age"))
            .arg("--passphrase-file")
            .arg(dir.path().join("pass")));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let recipient = text(&out.stdout).trim().to_owned();
        assert!(recipient.starts_with("age1"), "{recipient}");
        assert!(
            text(&out.stderr).contains("lost for good"),
            "the warning about a lost passphrase"
        );
        let out = run(placard()
            .args(["vault", "init", "--vault"])
            .arg(dir.path().join("vault"))
            .args(["--recipient", &recipient]));
        assert!(out.status.success(), "{}", text(&out.stderr));
        Self { dir, recipient }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `placard SUBCOMMAND --vault V --identity key.age --passphrase-file PASS`, unlocked.
    fn unlocked(&self, subcommand: &[&str], pass: &str) -> Command {
        let mut cmd = placard();
        cmd.args(subcommand)
            .arg("--vault")
            .arg(self.path("vault"))
            .arg("--identity")
            .arg(self.path("key.age"))
            .arg("--passphrase-file")
            .arg(self.path(pass));
        cmd
    }

    fn sign(&self, signer: &Value) -> Output {
        let mut child = placard()
            .args(["sign", "--vault"])
            .arg(self.path("vault"))
            .arg("--pack")
            .arg(demo_pack())
            .args(["--petition", PETITION])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sign starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(signer.to_string().as_bytes())
            .expect("write stdin");
        child.wait_with_output().expect("sign ends")
    }
}

fn signers() -> Vec<Value> {
    let names = ["Ada", "محمد", "Zoë 🌻", "Grace", "Wanjiru"];
    let locales = ["en", "ar", "fr", "en", "sw"];
    (0..5)
        .map(|i| {
            json!({
                "given_name": names[i],
                "family_name": format!("Family{i}"),
                "email": format!("signer{i}@example.org"),
                "postal_code": "02139",
                "subscribe": i % 2 == 0,
                "locale": locales[i],
                // The demo's petition asks signers to confirm its privacy notice.
                "consent": true,
            })
        })
        .collect()
}

fn tool(name: &str) -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
        .unwrap_or_else(|| {
            panic!("`{name}` is not installed: the interop test needs it (./dev setup installs it)")
        })
}

#[test]
fn sealed_export_opens_with_the_stock_age_tool() {
    let s = Setup::new();
    let mut ids = Vec::new();
    for signer in signers() {
        let out = s.sign(&signer);
        assert!(
            out.status.success(),
            "{} {}",
            text(&out.stdout),
            text(&out.stderr)
        );
        ids.push(text(&out.stdout).trim().to_owned());
    }
    let tar_path = s.path("stick.tar");
    let out = run(placard()
        .args(["export", "--vault"])
        .arg(s.path("vault"))
        .arg("--sealed")
        .arg(&tar_path));
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Unpack the bundle and check the manifest against the files.
    let bundle = s.path("bundle");
    tar::Archive::new(std::fs::File::open(&tar_path).expect("tar"))
        .unpack(&bundle)
        .expect("unpack");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).expect("manifest"))
            .expect("json");
    assert_eq!(manifest["recipient"], s.recipient.as_str());
    let entries = manifest["records"].as_array().expect("records");
    assert_eq!(
        entries
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ids
    );
    for e in entries {
        let file = bundle.join(e["file"].as_str().unwrap());
        let out = run(Command::new("sha256sum").arg(&file));
        assert_eq!(
            text(&out.stdout).split_whitespace().next(),
            e["sha256"].as_str(),
            "{}",
            file.display()
        );
        assert_eq!(e["petition_id"], PETITION);
    }

    // The organiser unlocks the identity with the stock age tool and the passphrase. age reads a
    // passphrase from the terminal only, so it runs under a pseudo-terminal (`script`).
    let age = tool("age");
    let identity = s.path("identity.txt");
    let mut unlock = Command::new(tool("script"))
        .arg("-qec")
        .arg(format!(
            "{} -d -o {} {}",
            age.display(),
            identity.display(),
            s.path("key.age").display()
        ))
        .arg("/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("script starts");
    unlock
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long organiser passphrase\n")
        .unwrap();
    assert!(
        unlock.wait().unwrap().success(),
        "age could not unlock the organiser key"
    );
    assert!(
        std::fs::read_to_string(&identity)
            .unwrap()
            .contains("AGE-SECRET-KEY-1")
    );

    // Then decrypts every record file with it, and finds exactly what was signed.
    for (i, (id, signer)) in ids.iter().zip(signers()).enumerate() {
        let out = run(Command::new(&age)
            .arg("-d")
            .arg("-i")
            .arg(&identity)
            .arg(bundle.join(format!("{id}.age"))));
        assert!(out.status.success(), "age -d failed: {}", text(&out.stderr));
        let record: Value = serde_json::from_slice(&out.stdout).expect("record json");
        assert_eq!(record["record_id"], id.as_str());
        assert_eq!(record["petition_id"], PETITION);
        for key in [
            "given_name",
            "family_name",
            "email",
            "postal_code",
            "locale",
        ] {
            assert_eq!(record[key], signer[key], "record {i}: {key}");
        }
        // The demo petition has `opt_in: true`: signers cannot opt out, whatever they sent.
        assert_eq!(record["subscribe"], true, "record {i}");
        assert_eq!(record["country"], "US", "the petition's target country");
    }
}

#[test]
fn plaintext_exports_after_unlock() {
    let s = Setup::new();
    for signer in signers() {
        assert!(s.sign(&signer).status.success());
    }
    let csv = s.path("out.csv");
    let out = run(s
        .unlocked(&["export"], "pass")
        .args(["--format", "csv", "--out"])
        .arg(&csv));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "first_name,last_name,email,zip_code,country,address_line,city,phone,comment,subscribed,petition,captured_at,record_id,privacy_notice_sha256,privacy_notice_lang,consent_box,updates_box"
    );
    assert_eq!(lines.len(), 6);
    assert!(
        lines[1].starts_with(
            "Ada,Family0,signer0@example.org,02139,US,,,,,true,encryption-is-not-a-crime,"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("محمد,Family1,"), "{}", lines[2]);
    // The consent receipt: the demo notice's hash, the box ticked, no updates box (`opt_in:
    // true` shows the disclosure instead).
    let notice = placard_petition::notice::digest(
        &std::fs::read_to_string(demo_pack().join("privacy.md")).unwrap(),
    );
    assert!(
        lines[1].ends_with(&format!(",{notice},,true,")),
        "{}",
        lines[1]
    );
    // Signers in clear: the file is the organiser's alone, and a second export never replaces it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&csv).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let again = run(s
        .unlocked(&["export"], "pass")
        .args(["--format", "csv", "--out"])
        .arg(&csv));
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("exists already"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        body,
        "left as it was"
    );

    let out = run(s.unlocked(&["export"], "pass").args(["--format", "jsonl"]));
    assert!(out.status.success());
    let records: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    assert_eq!(records[2]["given_name"], "Zoë 🌻");
}

#[test]
fn wrong_passphrase_is_clear_and_writes_nothing() {
    let s = Setup::new();
    assert!(s.sign(&signers()[0]).status.success());
    std::fs::write(s.path("wrong"), "not the passphrase\n").unwrap();
    let csv = s.path("out.csv");
    let out = run(s
        .unlocked(&["export"], "wrong")
        .args(["--format", "csv", "--out"])
        .arg(&csv));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("wrong passphrase"),
        "{}",
        text(&out.stderr)
    );
    assert!(!csv.exists(), "nothing written");
}

#[test]
fn sign_failures_are_json_with_stable_codes_and_store_nothing() {
    let s = Setup::new();
    let cases = [
        (
            json!({"given_name": "Ada", "email": "ada-at-example"}),
            "invalid_input",
        ),
        (json!({"email": "ada@example.org"}), "invalid_input"),
        (
            json!({"given_name": "Ada", "email": "ada@example.org", "subscribe": "Secretvalue"}),
            "invalid_input",
        ),
        (json!(["not", "an", "object"]), "invalid_input"),
    ];
    for (input, code) in cases {
        let out = s.sign(&input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        let body: Value = serde_json::from_slice(&out.stdout).expect("JSON error on stdout");
        assert_eq!(body["code"], code, "{input}: {body}");
        assert!(body["message"].is_string());
        assert!(
            !text(&out.stdout).contains("Secretvalue"),
            "an error echoed signer data: {body}"
        );
    }
    let out = s.sign(&json!({"given_name": "Ada", "email": "nope", "consent": true}));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        body["fields"],
        json!([{"field": "email", "code": "invalid_email"}])
    );
    // The demo's "Encryption is not a crime!" asks for consent to its privacy notice.
    let out = s.sign(&json!({"given_name": "Ada", "email": "ada@example.org"}));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        body["fields"],
        json!([{"field": "consent", "code": "consent_missing"}])
    );
    let out = run(placard()
        .args(["vault", "stats", "--json", "--vault"])
        .arg(s.path("vault")));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["total"], 0, "rejected input stored nothing");

    let mut child = placard()
        .args(["sign", "--vault"])
        .arg(s.path("vault"))
        .arg("--pack")
        .arg(demo_pack())
        .args(["--petition", "no-such-petition"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{}").unwrap();
    let out = child.wait_with_output().unwrap();
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["code"], "petition_not_found");
}

#[test]
fn verify_and_export_report_a_tampered_row_and_keep_the_rest() {
    let s = Setup::new();
    let ids: Vec<String> = signers()
        .iter()
        .map(|v| text(&s.sign(v).stdout).trim().to_owned())
        .collect();
    let db = rusqlite::Connection::open(s.path("vault").join("vault.sqlite3")).unwrap();
    db.execute(
        "UPDATE signatures SET captured_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1",
        [&ids[3]],
    )
    .unwrap();
    drop(db);
    let out = run(s.unlocked(&["vault", "verify"], "pass"));
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(report.contains("integrity: ok"), "{report}");
    assert!(report.contains("rows: 5, opened: 4"), "{report}");
    assert!(
        report.contains(&format!(
            "problem {}: tampered: the stored capture time",
            ids[3]
        )),
        "{report}"
    );
    let out = run(s.unlocked(&["export"], "pass").args(["--format", "jsonl"]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout).lines().count(),
        4,
        "the other rows still export"
    );
    assert!(text(&out.stderr).contains(&ids[3]));
}

/// A child signs in a loop, printing each id only after `sign` returned; it is killed with
/// SIGKILL at pseudo-random moments. After every kill, every printed id is in the vault and the
/// database passes `integrity_check`. `PLACARD_CRASH_KILLS` sets the count (default 200).
#[test]
fn every_acknowledged_signature_survives_sigkill() {
    let kills: u32 = std::env::var("PLACARD_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let s = Setup::new();
    let vault_dir = s.path("vault");
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut acknowledged: Vec<String> = Vec::new();
    let started = Instant::now();
    let mut mid_run_kills = 0;
    for round in 0..kills {
        let mut child = placard()
            .args(["debug", "sign-loop", "--vault"])
            .arg(&vault_dir)
            .arg("--pack")
            .arg(demo_pack())
            .args(["--petition", PETITION])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("sign-loop starts");
        let stdout = child.stdout.take().expect("stdout");
        let (first_tx, first_rx) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut printed = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if printed.is_empty() {
                    let _ = first_tx.send(());
                }
                printed.push(line);
            }
            printed
        });
        // Three rounds in four wait for the first id, so those kills land mid-signing however
        // slowly the machine starts a process; the fourth kills during start-up (opening the
        // vault). Then a random 0-25 ms more.
        if round % 4 != 3 {
            let _ = first_rx.recv_timeout(Duration::from_secs(20));
        }
        std::thread::sleep(Duration::from_millis(rng.below(25)));
        let _ = Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status();
        let _ = child.wait();
        let printed = reader.join().expect("reader");
        if !printed.is_empty() {
            mid_run_kills += 1;
        }
        acknowledged.extend(printed);

        let vault = placard_vault::Vault::open(&vault_dir)
            .unwrap_or_else(|e| panic!("round {round}: vault unusable: {e}"));
        let report = vault.verify(None).expect("verify");
        assert_eq!(report.integrity, ["ok"], "round {round}");
        assert!(
            report.problems.is_empty(),
            "round {round}: {:?}",
            report.problems
        );
        let stored: HashSet<String> = vault
            .sealed_rows()
            .expect("rows")
            .into_iter()
            .map(|r| r.id)
            .collect();
        for id in &acknowledged {
            assert!(
                stored.contains(id),
                "round {round}: acknowledged {id} is missing"
            );
        }
    }
    eprintln!(
        "crash safety: {kills} SIGKILLs ({mid_run_kills} after signing had started), {} acknowledged signatures all present, {:.1} s",
        acknowledged.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        mid_run_kills * 2 >= kills,
        "most kills must land while signing ({mid_run_kills}/{kills})"
    );
}

/// Reproducible pseudo-random numbers (no dependency needed for test timing jitter).
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn kiosk_setup_from_the_command_line() {
    let s = Setup::new();
    std::fs::write(s.path("pin"), "246813\n").unwrap();
    let data = s.path("kiosk-data");
    let setup = |recipient: &str| {
        run(placard()
            .args(["kiosk", "setup", "--data-dir"])
            .arg(&data)
            .args(["--recipient", recipient, "--pin-file"])
            .arg(s.path("pin")))
    };
    let out = setup(&s.recipient);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let kiosk = placard_kiosk_core::Kiosk::open(&data).unwrap();
    assert!(kiosk.is_set_up() && kiosk.check_pin("246813"));
    let out = setup(&s.recipient);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("set up already"),
        "{}",
        text(&out.stderr)
    );
}

/// The organiser key file is protected by its passphrase alone: whoever finds the USB stick can
/// try passphrases offline. `keys new` asks for 12 characters, as the kiosk's first run does,
/// and writes nothing when given fewer.
#[test]
fn a_new_key_needs_a_passphrase_of_twelve_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("short"), "eleven char\n").expect("pass");
    let out = run(placard()
        .args(["keys", "new", "--out"])
        .arg(dir.path().join("key.age"))
        .arg("--passphrase-file")
        .arg(dir.path().join("short")));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("at least 12 characters"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("key.age").exists(), "nothing written");
    std::fs::write(dir.path().join("twelve"), "twelve chars\n").expect("pass");
    let out = run(placard()
        .args(["keys", "new", "--out"])
        .arg(dir.path().join("key.age"))
        .arg("--passphrase-file")
        .arg(dir.path().join("twelve")));
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_signer_is_forgotten_on_request_leaving_no_byte() {
    let s = Setup::new();
    for signer in signers() {
        assert!(s.sign(&signer).status.success());
    }
    // The forgotten signer's sealed bytes, for the scan afterwards.
    let vault = placard_vault::Vault::open(&s.path("vault")).unwrap();
    let rows = vault.sealed_rows().unwrap();
    drop(vault);
    let out = run(s.unlocked(
        &["vault", "forget", "--email", " SIGNER1@Example.org"],
        "pass",
    ));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "forgot 1 records of that address");

    let out = run(s.unlocked(&["export"], "pass").args(["--format", "jsonl"]));
    let emails: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["email"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(emails.len(), 4);
    assert!(!emails.contains(&"signer1@example.org".to_owned()));
    // No file of the vault holds any of its sealed bytes; the others' are there.
    let mut files = Vec::new();
    for entry in std::fs::read_dir(s.path("vault")).unwrap() {
        files.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    let vault = placard_vault::Vault::open(&s.path("vault")).unwrap();
    let kept: Vec<String> = vault
        .sealed_rows()
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    for row in rows {
        let sample = &row.sealed[row.sealed.len() / 2..row.sealed.len() / 2 + 48];
        let found = files.iter().any(|f| f.windows(48).any(|w| w == sample));
        assert_eq!(found, kept.contains(&row.id), "{}", row.id);
    }
    assert_eq!(vault.stats().unwrap().total, 4);
}

/// "Wipe this kiosk": refused while signatures wait unsent, unless a sealed export holds them
/// all or the loss is confirmed in words; afterwards no sealed byte and no webview data stays.
#[test]
fn a_kiosk_is_wiped_only_when_nothing_unsent_is_lost_unawares() {
    let s = Setup::new();
    std::fs::write(s.path("pin"), "246813\n").unwrap();
    let data = s.path("kiosk-data");
    let out = run(placard()
        .args(["kiosk", "setup", "--data-dir"])
        .arg(&data)
        .args(["--recipient", &s.recipient, "--pin-file"])
        .arg(s.path("pin")));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut vault = placard_vault::Vault::open(&data.join("vault")).unwrap();
    for i in 0..3 {
        let mut input = placard_vault::SignerInput::default();
        input.given_name = "Ada".into();
        input.email = format!("ada{i}@example.org");
        vault
            .sign(&placard_vault::SignRules::basic("p", "US"), input)
            .unwrap();
    }
    let samples: Vec<Vec<u8>> = vault
        .sealed_rows()
        .unwrap()
        .iter()
        .map(|r| r.sealed[r.sealed.len() / 2..r.sealed.len() / 2 + 48].to_vec())
        .collect();
    drop(vault);
    std::fs::create_dir_all(data.join("webview/cache")).unwrap();
    std::fs::write(data.join("webview/cache/page"), "what the webview kept").unwrap();

    let wipe = |extra: &[&str]| {
        run(placard()
            .args(["kiosk", "wipe", "--data-dir"])
            .arg(&data)
            .args(extra))
    };
    let out = wipe(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("3 signatures have not been sent yet"),
        "{}",
        text(&out.stderr)
    );
    let out = wipe(&["--accept-loss", "lose 2 signatures"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("`lose 3 signatures`"),
        "{}",
        text(&out.stderr)
    );

    // A sealed export to a USB stick, then the wipe.
    let bundle = s.path("stick.tar");
    let out = run(placard()
        .args(["export", "--vault"])
        .arg(data.join("vault"))
        .arg("--sealed")
        .arg(&bundle));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = wipe(&["--exported", bundle.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("wiped: 3 signatures (3 of them unsent)"));

    let mut files = Vec::new();
    let mut dirs = vec![data.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(std::fs::read(p).unwrap());
            }
        }
    }
    for sample in &samples {
        assert!(
            !files
                .iter()
                .any(|f| f.windows(48).any(|w| w == sample.as_slice()))
        );
    }
    assert!(!data.join("webview").exists());
    let kiosk = placard_kiosk_core::Kiosk::open(&data).unwrap();
    assert!(kiosk.is_set_up(), "settings stay");
    drop(kiosk);
    let vault = placard_vault::Vault::open(&data.join("vault")).unwrap();
    assert_eq!(vault.stats().unwrap().total, 0);
    drop(vault);

    let out = wipe(&["--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_dir(&data).unwrap().count(),
        0,
        "--all: nothing left"
    );
}
