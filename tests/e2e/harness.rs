//! Drives the real kiosk window: Xvfb (started here when `DISPLAY` is unset), tauri-driver,
//! WebKitWebDriver, and the `placard-kiosk` binary built for this test run.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// One WebKitWebDriver session at a time: parallel sessions fight over the display and the
/// two cores, and make failures flaky.
/// (An async mutex: the guard is held across the whole session's awaits.)
static ONE_SESSION: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A running kiosk under WebDriver. Dropping it ends the session and stops the driver.
pub struct Kiosk {
    pub client: Client,
    driver: Child,
    _xvfb: Option<Xvfb>,
    _data: tempfile::TempDir,
    _guard: tokio::sync::MutexGuard<'static, ()>,
}

impl Kiosk {
    /// Starts the kiosk on `pack` (`None`: the built-in demo pack) with a fresh data dir.
    pub async fn start(pack: Option<&Path>) -> Self {
        let guard = ONE_SESSION.lock().await;
        let xvfb = std::env::var_os("DISPLAY").is_none().then(Xvfb::start);
        let display = xvfb.as_ref().map_or_else(
            || std::env::var("DISPLAY").unwrap_or_default(),
            |x| x.display.clone(),
        );
        let data = tempfile::tempdir().expect("temp data dir");
        let (port, native_port) = (free_port(), free_port());
        let mut cmd = Command::new(tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("DISPLAY", &display)
        .env("PLACARD_DATA_DIR", data.path())
        .env_remove("PLACARD_PACK")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        if let Some(pack) = pack {
            cmd.env("PLACARD_PACK", pack);
        }
        let driver = cmd.spawn().expect("tauri-driver starts");
        let mut kiosk_driver = DriverGuard(Some(driver));
        wait_for_port(port, Duration::from_secs(20));
        wait_for_port(native_port, Duration::from_secs(20));

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_placard-kiosk") }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::new(connector)
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}")),
        )
        .await
        .expect("WebDriver session within 60 s")
        .expect("WebDriver session");
        Self {
            client,
            driver: kiosk_driver.0.take().expect("driver"),
            _xvfb: xvfb,
            _data: data,
            _guard: guard,
        }
    }

    /// Waits for a CSS selector (10 s).
    pub async fn wait(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("`{css}` did not appear: {e}"))
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait(css).await.text().await.expect("element text")
    }

    pub async fn click(&self, css: &str) {
        self.wait(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Saves a screenshot under `test-artifacts/e2e/NAME.png` (kept by CI as an artefact).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test-artifacts/e2e");
        std::fs::create_dir_all(&dir).expect("artefact dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Fills a form field by its `name`.
    pub async fn fill(&self, name: &str, value: &str) {
        let el = self.wait(&format!("[name='{name}']")).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {name}: {e}"));
        el.send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into {name}: {e}"));
    }

    /// First-run set-up with the organiser's public key and PIN 2468; ends on the petition list.
    pub async fn set_up(&self, recipient: &str) {
        self.wait("[data-testid=setup]").await;
        self.fill("recipient", recipient).await;
        self.fill("pin", "2468").await;
        self.fill("pin_again", "2468").await;
        self.click("[data-testid=setup] button[type=submit]").await;
        self.wait("[data-testid=petition-list]").await;
    }

    /// Where this kiosk keeps its state (`PLACARD_DATA_DIR`).
    pub fn data_dir(&self) -> &Path {
        self._data.path()
    }

    pub async fn stop(self) {
        let Self { client, driver, .. } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        drop(DriverGuard(Some(driver)));
    }
}

/// Stops tauri-driver with SIGTERM so it can stop WebKitWebDriver too (SIGKILL orphans it, and
/// the orphan keeps the port).
struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if matches!(child.try_wait(), Ok(Some(_))) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
        let n = (100..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free X display number");
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb not found: install the `xvfb` package (./dev setup does)");
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb did not start on {display}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, display }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin/tauri-driver"));
    in_cargo_home
        .filter(|p| p.is_file())
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join("tauri-driver"))
                    .find(|p| p.is_file())
            })
        })
        .expect("tauri-driver not found: `cargo install tauri-driver --locked` (./dev setup does)")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16, limit: Duration) {
    let deadline = Instant::now() + limit;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nothing listens on port {port} after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A loopback listener that counts connections: where hostile content points its "remote"
/// URLs, so a request that got past the sanitiser and the CSP would be seen, not just assumed
/// to fail for want of a network.
pub struct Tripwire {
    pub port: u16,
    hits: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Tripwire {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("tripwire port");
        let port = listener.local_addr().expect("tripwire addr").port();
        let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                drop(stream);
            }
        });
        let wire = Self { port, hits };
        // Prove it counts before trusting a zero from it.
        drop(TcpStream::connect(("127.0.0.1", port)).expect("tripwire self-test"));
        let deadline = Instant::now() + Duration::from_secs(5);
        while wire.hits() == 0 {
            assert!(
                Instant::now() < deadline,
                "tripwire does not count connections"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        wire.hits.store(0, std::sync::atomic::Ordering::SeqCst);
        wire
    }

    pub fn hits(&self) -> usize {
        self.hits.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}
