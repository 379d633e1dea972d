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
    /// When the WebDriver session (and so the app) was requested: the start of a cold start.
    pub launched_at: Instant,
    /// Stopped on drop, before the X server (fields drop in this order): a test that panics,
    /// or never calls `stop`, leaves no tauri-driver or WebKitWebDriver behind.
    driver: DriverGuard,
    _xvfb: Option<Xvfb>,
    _data: tempfile::TempDir,
    _guard: tokio::sync::MutexGuard<'static, ()>,
}

/// Whether `condition` holds within `limit` (checked every 100 ms).
pub async fn eventually(limit: Duration, condition: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if condition() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    condition()
}

/// WebDriver key codes.
pub const TAB: char = '\u{E004}';
pub const ENTER: char = '\u{E007}';

/// How to start the kiosk.
#[derive(Default)]
pub struct Options<'a> {
    /// `None`: the built-in demo pack.
    pub pack: Option<&'a Path>,
    /// Run on a private Xvfb with the openbox window manager (fullscreen and the window
    /// manager's close need one), even when `DISPLAY` is set.
    pub window_manager: bool,
    /// Reuse this data dir (a kiosk set up earlier) instead of a fresh one.
    pub data: Option<tempfile::TempDir>,
    /// Another app than the kiosk (the benchmark's hello-world baseline).
    pub application: Option<PathBuf>,
    /// More environment for the app.
    pub env: Vec<(&'a str, String)>,
}

impl Kiosk {
    /// Starts the kiosk on `pack` (`None`: the built-in demo pack) with a fresh data dir.
    pub async fn start(pack: Option<&Path>) -> Self {
        Self::start_with(Options {
            pack,
            ..Options::default()
        })
        .await
    }

    pub async fn start_with(options: Options<'_>) -> Self {
        let pack = options.pack;
        let guard = ONE_SESSION.lock().await;
        let xvfb = (options.window_manager || std::env::var_os("DISPLAY").is_none())
            .then(|| Xvfb::start(options.window_manager));
        let display = xvfb.as_ref().map_or_else(
            || std::env::var("DISPLAY").unwrap_or_default(),
            |x| x.display.clone(),
        );
        let data = options
            .data
            .unwrap_or_else(|| tempfile::tempdir().expect("temp data dir"));
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
        for (name, value) in &options.env {
            cmd.env(name, value);
        }
        let driver = cmd.spawn().expect("tauri-driver starts");
        let kiosk_driver = DriverGuard(Some(driver));
        wait_for_port(port, Duration::from_secs(20));
        wait_for_port(native_port, Duration::from_secs(20));

        let mut caps = serde_json::Map::new();
        let application = options
            .application
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_placard-kiosk")));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": application }),
        );
        let launched_at = Instant::now();
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
            launched_at,
            driver: kiosk_driver,
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

    /// Waits for a CSS selector, polling every 10 ms (`wait` polls every 250 ms, too coarse to
    /// time a start-up with).
    pub async fn wait_closely(&self, css: &str) -> fantoccini::elements::Element {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                return el;
            }
            assert!(Instant::now() < deadline, "`{css}` did not appear");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
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

    /// First-run set-up with the organiser's public key and PIN 246813; ends on the attract
    /// screen.
    pub async fn set_up(&self, recipient: &str) {
        self.wait("[data-testid=setup]").await;
        self.fill("recipient", recipient).await;
        self.fill("pin", "246813").await;
        self.fill("pin_again", "246813").await;
        self.click("[data-testid=setup-next]").await;
        // The pack shown is the kiosk's configured one (PLACARD_PACK), else the demo pack.
        self.click("[data-testid=setup-start]").await;
        self.wait("[data-testid=attract-sign]").await;
    }

    /// Sets a field's value in one go (for inputs too long to type key by key), as typing
    /// would: the `input` event the form listens to fires.
    pub async fn fill_js(&self, name: &str, value: &str) {
        self.wait(&format!("[name='{name}']")).await;
        self.client
            .execute(
                "const el = document.querySelector(`[name='${arguments[0]}']`);\
                 el.value = arguments[1];\
                 el.dispatchEvent(new Event('input', {bubbles: true}));\
                 el.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![json!(name), json!(value)],
            )
            .await
            .unwrap_or_else(|e| panic!("set {name}: {e}"));
    }

    /// Waits until `script` (an expression) is truthy, up to `limit`.
    pub async fn wait_js(&self, expr: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            if self.js(&format!("return !!({expr});")).await == Value::Bool(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "`{expr}` still false after {limit:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's whole DOM, as text: what a test searches for leftovers of a signer.
    pub async fn dom(&self) -> String {
        // Input values live in properties, not attributes: add them, so a value still held
        // by a field counts as still in the DOM.
        let v = self
            .js(
                "return document.documentElement.outerHTML + '\\n' + \
                 [...document.querySelectorAll('input, textarea, select')].map(e => e.value).join('\\n');",
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Runs axe-core on the current screen and fails on any serious or critical WCAG 2.x A/AA
    /// violation, naming the rule and the elements.
    pub async fn axe(&self, screen: &str) {
        crate::axe::check(&self.client, Path::new(env!("CARGO_MANIFEST_DIR")), screen).await;
    }

    /// Resizes the window (its outer size) and waits for the layout to follow.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .unwrap_or_else(|e| panic!("resize to {width}×{height}: {e}"));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    /// Enters the operator PIN on the keypad (from the attract screen).
    pub async fn operator_pin(&self, pin: &str) {
        self.click("[data-testid=operator-open]").await;
        self.fill("pin", pin).await;
        self.click("[data-testid=pin-submit]").await;
    }

    /// Presses keys (WebDriver key codes such as [`TAB`]) on whatever has focus.
    pub async fn keys(&self, keys: &[char]) {
        use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for &key in keys {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("key presses");
    }

    /// Taps `css` as a finger would: the pointer onto the element's centre, down, up (pointer
    /// actions, no `send_keys`). A mouse pointer: WebKitGTK's driver has no touch one.
    pub async fn tap(&self, css: &str) {
        use fantoccini::actions::{
            InputSource as _, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
        };
        let element = self.wait(css).await;
        // A finger scrolls to what it taps; pointer actions do not.
        // And it hits what is on top there: a tap on a field under the on-screen keyboard
        // would press a key instead, so it fails here, naming what covers it.
        let on_top = self
            .client
            .execute(
                "const e = arguments[0]; e.scrollIntoView({block: 'nearest'});\
                 const r = e.getBoundingClientRect();\
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);\
                 return e.contains(hit) || (hit && hit.control === e) ? '' : (hit?.outerHTML ?? 'nothing').slice(0, 120);",
                vec![serde_json::to_value(&element).expect("element")],
            )
            .await
            .expect("scroll into view");
        assert_eq!(on_top, "", "tap `{css}`: covered by {on_top}");
        let tap = MouseActions::new("finger".into())
            .then(PointerAction::MoveToElement {
                element,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(tap)
            .await
            .unwrap_or_else(|e| panic!("tap `{css}`: {e}"));
    }

    /// Taps the on-screen keyboard's key whose `data-key` is `key` (a letter as the key shows
    /// it unshifted, or `shift`, `backspace`, `space`, `mode`, `next`, `done`).
    pub async fn tap_key(&self, key: &str) {
        self.tap(&format!("[data-testid=keyboard] [data-key=\"{key}\"]"))
            .await;
    }

    /// Types `text` on the on-screen keyboard, one tap per key: a capital is shift (unless the
    /// keyboard shifted already) then its letter. Returns the number of taps.
    pub async fn tap_text(&self, text: &str) -> usize {
        let mut taps = 0;
        for c in text.chars() {
            if c.is_uppercase() {
                let shift = self
                    .js("return document.querySelector('[data-testid=keyboard]').dataset.shift;")
                    .await;
                if shift == "off" {
                    self.tap_key("shift").await;
                    taps += 1;
                }
                self.tap_key(&c.to_lowercase().to_string()).await;
            } else if c == ' ' {
                self.tap_key("space").await;
            } else {
                self.tap_key(&c.to_string()).await;
            }
            taps += 1;
        }
        taps
    }

    /// The on-screen keyboard's state: `null` when it is not shown, else its layout, language
    /// and shift, and whether the focused field is wholly visible above it.
    pub async fn keyboard(&self) -> Value {
        self.js(
            "const k = document.querySelector('[data-testid=keyboard]');             if (!k) return null;             const f = document.activeElement.getBoundingClientRect();             const top = k.getBoundingClientRect().top;             return {kind: k.dataset.kind, locale: k.dataset.locale, shift: k.dataset.shift,                     field: document.activeElement.name ?? null,                     clear: f.top >= 0 && f.bottom <= top, top, bottom: f.bottom};",
        )
        .await
    }

    /// Types text into whatever has focus.
    pub async fn type_text(&self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        self.keys(&chars).await;
    }

    /// Whether the kiosk's process is still running.
    pub fn app_running(&self) -> bool {
        let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_placard-kiosk")).expect("app path");
        std::fs::read_dir("/proc")
            .expect("/proc")
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .any(|e| std::fs::read_link(e.path().join("exe")).is_ok_and(|p| p == exe))
    }

    /// The X display the kiosk runs on.
    pub fn display(&self) -> String {
        self._xvfb.as_ref().map_or_else(
            || std::env::var("DISPLAY").unwrap_or_default(),
            |x| x.display.clone(),
        )
    }

    /// Where this kiosk keeps its state (`PLACARD_DATA_DIR`).
    pub fn data_dir(&self) -> &Path {
        self._data.path()
    }

    /// Ends the session and stops the driver; returns the data dir, to restart on it.
    pub async fn stop(self) -> tempfile::TempDir {
        let Self {
            client,
            driver,
            _data,
            ..
        } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        drop(driver);
        _data
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
    wm: Option<Child>,
    display: String,
}

impl Xvfb {
    /// A private X server big enough for 1920×1080 both ways, optionally with openbox.
    fn start(window_manager: bool) -> Self {
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
                if window_manager {
                    "1280x800x24"
                } else {
                    "1920x1920x24"
                },
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb not found: install the `xvfb` package (./dev setup does)");
        // From here a failed start is cleaned up by `Drop` (no orphaned X server).
        let mut x = Self {
            child,
            wm: None,
            display,
        };
        // The socket appears before the server takes connections: on a loaded machine a
        // client that connects at once is refused. Ready is when a client gets an answer.
        let deadline = Instant::now() + Duration::from_secs(30);
        while !x
            .xprop(&["-root", "-len", "0"])
            .is_some_and(|o| o.status.success())
        {
            assert!(
                Instant::now() < deadline,
                "Xvfb did not start on {}",
                x.display
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        if window_manager {
            // openbox announces itself on the root window once it manages the screen (slowly
            // on a loaded machine: a CI run once missed a 10 s deadline). If it gave up (it
            // exits when it cannot take the display), it is started again.
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                let running =
                    x.wm.as_mut()
                        .is_some_and(|wm| matches!(wm.try_wait(), Ok(None)));
                if !running {
                    x.wm = Some(
                        Command::new("openbox")
                            .env("DISPLAY", &x.display)
                            .stdout(Stdio::null())
                            .stderr(Stdio::null())
                            .spawn()
                            .expect("openbox not found: install the `openbox` package (./dev setup does)"),
                    );
                }
                if x.xprop(&["-root", "_NET_SUPPORTING_WM_CHECK"])
                    .is_some_and(|o| String::from_utf8_lossy(&o.stdout).contains("window id"))
                {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "openbox did not start on {}",
                    x.display
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        x
    }

    fn xprop(&self, args: &[&str]) -> Option<std::process::Output> {
        Command::new("xprop")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .ok()
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Some(wm) = &mut self.wm {
            let _ = wm.kill();
            let _ = wm.wait();
        }
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
