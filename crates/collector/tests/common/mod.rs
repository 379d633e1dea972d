//! What the collector's integration tests share: the real binary on loopback, kiosks' vaults,
//! and the real sync engine.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use placard_sync::engine::{self, Config};
use placard_sync::http::{HttpTransport, enroll};
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_vault::{OrganiserKey, SecretString, SignRules, SignerInput, Vault};

pub mod fault_proxy;

pub const BIN: &str = env!("CARGO_BIN_EXE_placard-collector");

/// Where a test collector keeps its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    /// A fresh database on the PostgreSQL server `PLACARD_TEST_POSTGRES` names (an admin URL
    /// with the right to create databases; `./dev test` starts a throw-away server and sets
    /// it), dropped after the test.
    Postgres,
}

/// The PostgreSQL admin URL; without it, PostgreSQL tests fail saying so (they never pass
/// quietly), unless `PLACARD_SKIP_POSTGRES=1` asks to leave them out.
pub fn postgres_admin() -> Option<String> {
    if let Ok(url) = std::env::var("PLACARD_TEST_POSTGRES") {
        return Some(url);
    }
    if std::env::var("PLACARD_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("SKIPPED: PostgreSQL test (PLACARD_SKIP_POSTGRES=1)");
        return None;
    }
    panic!(
        "PLACARD_TEST_POSTGRES is not set: run the tests through `./dev test`, which starts a \
         throw-away PostgreSQL server, or set it to an admin URL \
         (postgres://USER@HOST:PORT/postgres), or set PLACARD_SKIP_POSTGRES=1 to leave the \
         PostgreSQL tests out"
    );
}

pub fn psql(admin: &str, sql: &str) {
    let out = Command::new("psql")
        .args([admin, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
        .output()
        .expect("psql (Debian package postgresql-client) runs");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A fresh, empty database on the PostgreSQL test server and its URL (`None` when the
/// PostgreSQL tests are left out), dropped with the guard.
pub fn pg_database() -> Option<(String, PgDatabase)> {
    let admin = postgres_admin()?;
    let name = format!("placard_test_{}", uuid::Uuid::now_v7().simple());
    psql(&admin, &format!("CREATE DATABASE {name}"));
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&name);
    Some((url.to_string(), PgDatabase { admin, name }))
}

/// A database on the test server, dropped on drop.
pub struct PgDatabase {
    admin: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        psql(
            &self.admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// A collector serving on a free loopback port, stopped on drop.
pub struct Collector {
    child: Child,
    /// Its admin socket (unlock, lock).
    pub admin_socket: std::path::PathBuf,
    pub url: url::Url,
    pub db: String,
    /// Its signing key file (shared with [`Collector::another_instance`]).
    pub key: std::path::PathBuf,
    _dir: tempfile::TempDir,
    _pg: Option<PgDatabase>,
}

impl Collector {
    /// A collector on SQLite.
    pub fn start() -> Self {
        Self::start_on(Backend::Sqlite).expect("SQLite needs no server")
    }

    /// A collector on `backend`; `None` when PostgreSQL tests are skipped on purpose.
    pub fn start_on(backend: Backend) -> Option<Self> {
        Self::start_with(backend, &[])
    }

    /// A collector on `backend`, with more `serve` arguments.
    /// (Plain HTTP on loopback, as an instance behind a proxy that ends TLS: the tests' proxies
    /// sit where that proxy would.)
    pub fn start_with(backend: Backend, args: &[&str]) -> Option<Self> {
        Self::start_full(backend, &[&["--plain-http"], args].concat())
    }

    /// A collector on SQLite speaking HTTPS, with more `serve` arguments.
    pub fn start_https(args: &[&str]) -> Self {
        Self::start_full(Backend::Sqlite, args).expect("SQLite needs no server")
    }

    fn start_full(backend: Backend, args: &[&str]) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let (db, pg) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}", dir.path().join("collector.db").display()),
                None,
            ),
            Backend::Postgres => {
                let (url, pg) = pg_database()?;
                (url, Some(pg))
            }
        };
        let admin_socket = dir.path().join("admin").join("collector.sock");
        let key = dir.path().join("collector.key");
        let (child, url) = serve(&db, &admin_socket, &key, args);
        Some(Self {
            admin_socket,
            child,
            url,
            db,
            key,
            _dir: dir,
            _pg: pg,
        })
    }

    /// The collector's process id (to read its memory from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A collector on SQLite, unlocked at start with `org`'s key and passphrase file.
    pub fn start_unlocked(org: &KeyFile) -> Self {
        Self::start_with(
            Backend::Sqlite,
            &[
                "--identity",
                &org.key(),
                "--passphrase-file",
                &org.passphrase("right"),
            ],
        )
        .expect("SQLite needs no server")
    }

    /// Another collector process on the same database, as behind a load balancer.
    pub fn another_instance(&self) -> Instance {
        let dir = tempfile::tempdir().unwrap();
        let (child, url) = serve(
            &self.db,
            &dir.path().join("admin").join("collector.sock"),
            &self.key,
            &["--plain-http"],
        );
        Instance {
            child,
            url,
            _dir: dir,
        }
    }

    /// A pairing code for a device called `name` (`placard-collector enroll`).
    pub fn code(&self, name: &str, more: &[&str]) -> String {
        let key = self.key.to_str().unwrap();
        let mut args = vec!["enroll", "--name", name, "--collector-key", key];
        args.extend_from_slice(more);
        self.cli(&args).trim().to_owned()
    }

    pub fn cli(&self, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .args(args)
            .args(["--db", &self.db])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A new sign-in link to its console (`placard-collector console-link`).
    pub fn console_link(&self) -> String {
        let out = Command::new(BIN)
            .arg("console-link")
            .arg("--admin-socket")
            .arg(&self.admin_socket)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    /// Signs in to its console with a new link: the console's root and the session cookie.
    pub async fn console_session(&self) -> (String, String) {
        let link = self.console_link();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let r = client.get(&link).send().await.unwrap();
        let cookie = r.headers()[reqwest::header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        (link.split("/signin").next().unwrap().to_owned(), cookie)
    }

    pub fn stats(&self) -> serde_json::Value {
        serde_json::from_str(&self.cli(&["stats", "--json"])).unwrap()
    }

    pub async fn metrics(&self) -> String {
        reqwest::get(self.url.join("metrics").unwrap())
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `placard-collector serve` on `db` and a free loopback port.
fn serve(
    db: &str,
    admin_socket: &std::path::Path,
    key: &std::path::Path,
    args: &[&str],
) -> (Child, url::Url) {
    // The console is on by default at 127.0.0.1:8441: tests that do not ask for it leave it off,
    // so parallel collectors never race for that port.
    let console: &[&str] = if args.contains(&"--console") {
        &[]
    } else {
        &["--console", "off"]
    };
    let mut child = Command::new(BIN)
        .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
        .args(console)
        .arg("--admin-socket")
        .arg(admin_socket)
        .arg("--collector-key")
        .arg(key)
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line}"));
    (child, url::Url::parse(&format!("{url}/")).unwrap())
}

/// A second collector process sharing a database, stopped on drop.
pub struct Instance {
    child: Child,
    pub url: url::Url,
    _dir: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The value of one metric line (`name` with its labels, exactly).
pub fn metric(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0)
}

pub fn rules(petition: &str) -> SignRules {
    SignRules::basic(petition, "US")
}

/// A kiosk's vault with `n` signatures made the way the kiosk makes them.
pub fn kiosk(n: usize, petition: &str) -> (tempfile::TempDir, Vault) {
    kiosk_sealing_to(&OrganiserKey::generate().recipient(), n, petition)
}

/// A kiosk's vault sealing to `recipient`, with `n` signatures.
pub fn kiosk_sealing_to(recipient: &str, n: usize, petition: &str) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::init(dir.path(), recipient).unwrap();
    for i in 0..n {
        let mut s = SignerInput::default();
        s.given_name = "Ada".into();
        s.email = format!("ada{i}@example.org");
        vault.sign(&rules(petition), s).unwrap();
    }
    (dir, vault)
}

/// A kiosk's vault with `n` sealed records written in bulk (as the capture benchmark does).
pub fn kiosk_prefilled(n: u64, petition: &str) -> (tempfile::TempDir, Vault) {
    kiosk_prefilled_sealing_to(&OrganiserKey::generate().recipient(), n, petition)
}

/// As [`kiosk_prefilled`], sealing to `recipient`.
pub fn kiosk_prefilled_sealing_to(
    recipient: &str,
    n: u64,
    petition: &str,
) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::init(dir.path(), recipient).unwrap();
    vault.prefill_for_benchmark(&rules(petition), n).unwrap();
    (dir, vault)
}

/// The collector key `vault` pinned at enrolment.
pub fn pinned(vault: &Vault) -> placard_sync::answer::PublicKey {
    placard_sync::answer::decode_key(&vault.collector_key().unwrap().expect("enrolled"))
        .expect("a pinned key")
}

pub fn signer(vault: &Vault) -> RequestSigner {
    RequestSigner::from_pkcs8(
        &vault.device_key_pkcs8().unwrap(),
        vault.device_id().to_string(),
    )
    .unwrap()
}

/// `host:port` of a collector's (or proxy's) URL, for the tests' TCP proxies.
pub fn host_port(url: &url::Url) -> String {
    format!("{}:{}", url.host_str().unwrap(), url.port().unwrap())
}

pub async fn enroll_vault(c: &Collector, vault: &Vault, name: &str) {
    enroll_vault_via(c, &c.url, vault, name).await;
}

/// Pairs `vault` with `c` through `to` (a balancer or proxy in front of it), pins the key, and
/// checks the code works only once.
pub async fn enroll_vault_via(c: &Collector, to: &url::Url, vault: &Vault, name: &str) {
    let code = c.code(name, &[]);
    let public = public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    let pinned = enroll(
        to,
        code.trim(),
        vault.device_id(),
        &public,
        vault.recipient(),
    )
    .await
    .unwrap();
    // Pinned as a kiosk pins it (through a second handle: the caller keeps its own).
    Vault::open(vault.dir())
        .unwrap()
        .pin_collector_key(&placard_sync::answer::encode_key(&pinned))
        .unwrap();
    // A code works once.
    let again = enroll(
        to,
        code.trim(),
        vault.device_id(),
        &public,
        vault.recipient(),
    )
    .await;
    assert!(again.is_err(), "a used code was accepted again");
}

/// Syncs `vault` to `to` with the real engine until nothing is pending; returns how many
/// records the collector acknowledged.
pub async fn sync_all(to: &url::Url, vault: Vault, max_records: usize) -> u64 {
    let transport = HttpTransport::new(to.clone(), signer(&vault), pinned(&vault)).unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        max_records,
        min_wait: Duration::from_millis(20),
        max_wait: Duration::from_millis(300),
        ..Config::default()
    };
    let (task, sync) = engine::spawnable(vault, transport, config, async {
        let _ = stop_rx.await;
    })
    .unwrap();
    let task = tokio::spawn(task);
    let mut state = sync.state();
    tokio::time::timeout(Duration::from_secs(600), async {
        while state.borrow().pending > 0 || state.borrow().sending {
            state.changed().await.unwrap();
        }
    })
    .await
    .expect("synced within ten minutes");
    let sent = state.borrow().sent;
    stop_tx.send(()).unwrap();
    task.await.unwrap().unwrap();
    sent
}

/// An organiser key written as `placard keys new` writes it, and its passphrase file.
pub struct KeyFile {
    dir: tempfile::TempDir,
    pub recipient: String,
}

impl KeyFile {
    pub fn new(passphrase: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let key = OrganiserKey::generate();
        key.write_encrypted(
            &dir.path().join("organiser.age"),
            &SecretString::from(passphrase.to_owned()),
        )
        .unwrap();
        std::fs::write(dir.path().join("right"), format!("{passphrase}\n")).unwrap();
        std::fs::write(dir.path().join("wrong"), "not the passphrase\n").unwrap();
        Self {
            dir,
            recipient: key.recipient(),
        }
    }

    pub fn key(&self) -> String {
        self.dir.path().join("organiser.age").display().to_string()
    }

    pub fn passphrase(&self, which: &str) -> String {
        self.dir.path().join(which).display().to_string()
    }
}

/// A process's resident memory in bytes (Linux `/proc`).
pub fn rss_of(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap()
        * 1024
}

/// Takes a SQLite collector database back to before its running totals (`tallies`), as a
/// collector that held records before them left it: opening it again runs their migration
/// (and the ones after it — the kiosks' reports, relaying — undone here too; a migration added
/// later must be undone here as well).
pub fn before_tallies(conn: &rusqlite::Connection) {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch(&format!(
        "DROP TABLE tallies;
         ALTER TABLE devices DROP COLUMN reported_at;
         ALTER TABLE devices DROP COLUMN report_created;
         ALTER TABLE devices DROP COLUMN app_version;
         ALTER TABLE devices DROP COLUMN pending;
         ALTER TABLE devices DROP COLUMN clock_offset;
         ALTER TABLE pairings DROP COLUMN relay;
         ALTER TABLE devices DROP COLUMN relay;
         ALTER TABLE devices DROP COLUMN via;
         DROP TABLE relayed;
         PRAGMA user_version = {};",
        version - 3
    ))
    .unwrap();
}

/// A kiosk (the vault in `dir`, enrolled) signs one more for `petition` and uploads that
/// batch once to each of `to`; what each answered.
pub async fn upload_one_more(
    dir: &std::path::Path,
    petition: &str,
    to: &[&url::Url],
) -> Vec<Result<(), engine::TransportError>> {
    let mut vault = Vault::open(dir).unwrap();
    let mut s = SignerInput::default();
    s.given_name = "Late".into();
    s.email = "late@example.org".into();
    vault.sign(&rules(petition), s).unwrap();
    let outbox = vault.next_batch(10, 1 << 20).unwrap().unwrap();
    let batch = placard_sync::wire::Batch::from_outbox(vault.device_id(), &outbox)
        .unwrap()
        .signed_by(&vault.device_key().unwrap());
    let mut answers = Vec::new();
    for url in to {
        let t = HttpTransport::new((*url).clone(), signer(&vault), pinned(&vault)).unwrap();
        answers.push(engine::Transport::upload(&t, &batch).await.map(drop));
    }
    answers
}
