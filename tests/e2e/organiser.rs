//! The organiser's side of a test: a real organiser key (passphrase-protected on disk, as
//! `placard keys new` makes it), the `placard` CLI, and X tools for the kiosk-lock test.

use std::path::{Path, PathBuf};
use std::process::Command;

use placard_vault::{OrganiserKey, Record, SecretString, Vault};

pub const PASSPHRASE: &str = "a long organiser passphrase for tests";

pub struct Organiser {
    pub recipient: String,
    key: OrganiserKey,
    dir: tempfile::TempDir,
}

impl Organiser {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("organiser dir");
        let key = OrganiserKey::generate();
        key.write_encrypted(
            &dir.path().join("organiser.age"),
            &SecretString::from(PASSPHRASE),
        )
        .expect("write the organiser key");
        std::fs::write(dir.path().join("passphrase"), PASSPHRASE).expect("passphrase file");
        Self {
            recipient: key.recipient(),
            key,
            dir,
        }
    }

    /// The encrypted key file, as on the organiser's USB stick.
    pub fn key_file(&self) -> PathBuf {
        self.dir.path().join("organiser.age")
    }

    /// Every record in the kiosk's vault, opened with the organiser's key, in capture order.
    pub fn open(&self, vault: &Path) -> Vec<Record> {
        Vault::open(vault)
            .expect("open vault")
            .open_records(&self.key)
            .expect("read vault")
            .into_iter()
            .map(|r| r.unwrap_or_else(|p| panic!("a record did not open: {p:?}")))
            .collect()
    }

    /// `placard ARGS VAULT --identity … --passphrase-file …` must succeed.
    pub fn cli_ok(&self, args: &[&str], vault: &Path) {
        let out = self.cli(args, vault, true);
        assert!(
            out.status.success(),
            "placard {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `placard ARGS VAULT`, parsed as JSON (no key given).
    pub fn cli_json(&self, args: &[&str], vault: &Path) -> serde_json::Value {
        let out = self.cli(args, vault, false);
        assert!(
            out.status.success(),
            "placard {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON from placard")
    }

    fn cli(&self, args: &[&str], vault: &Path, with_key: bool) -> std::process::Output {
        let mut cmd = Command::new(placard_cli());
        cmd.args(args).arg(vault);
        if with_key {
            cmd.arg("--identity")
                .arg(self.dir.path().join("organiser.age"))
                .arg("--passphrase-file")
                .arg(self.dir.path().join("passphrase"));
        }
        cmd.output().expect("run placard")
    }
}

/// The `placard` CLI built beside the kiosk binary by the same `cargo test --workspace`.
fn placard_cli() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_placard-kiosk")).with_file_name("placard");
    assert!(
        path.is_file(),
        "{} is missing: run the tests with `--workspace` (./dev test does), or `cargo build -p placard-cli`",
        path.display()
    );
    path
}

/// Runs an X tool (xdotool, wmctrl) on `display`.
pub fn x(display: &str, tool: &str, args: &[&str]) {
    let status = Command::new(tool)
        .args(args)
        .env("DISPLAY", display)
        .status()
        .unwrap_or_else(|e| panic!("{tool} not found ({e}): install it (./dev setup does)"));
    assert!(status.success(), "{tool} {args:?} failed");
}

/// Whether a window titled `title` is open on `display`.
pub fn window_exists(display: &str, title: &str) -> bool {
    Command::new("wmctrl")
        .arg("-l")
        .env("DISPLAY", display)
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.ends_with(title))
        })
}
