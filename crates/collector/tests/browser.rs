//! The organiser's console in a real browser: Debian's Chromium, headless, over chromedriver
//! (WebDriver), against the real collector on loopback. One organiser's event, start to end:
//! sign in by the link; pair a kiosk with the code the console shows; watch 200 signatures
//! arrive live (counts and chart, no reload); unlock; send to the Action Network stand-in
//! with the progress bar moving and each record's outcome; export a CSV; forget a signer;
//! revoke the kiosk and see its next batch refused; preview a petition as the kiosk shows it
//! and add a pack from a folder; every action in the audit log. axe-core
//! on every page; screenshots in `test-artifacts/console/`.
#![allow(clippy::unwrap_used)]

#[path = "../../../tests/support/axe.rs"]
mod axe;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Backend, Collector, KeyFile, kiosk_sealing_to};
use fantoccini::{Client, ClientBuilder, Locator};
use placard_fanout::stand_in::{self, TOKEN};
use serde_json::{Value, json};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PETITION: &str = "encryption-is-not-a-crime";

/// chromedriver on a free loopback port; stopped (and its browsers with it) on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        assert!(
            Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists(),
            "the console's browser tests need Debian's chromium and chromium-driver \
             (`./dev setup` installs them)"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let until = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium with a fresh profile that downloads into `downloads`, touching no
/// network but loopback (the background services that would call out are off).
async fn browser(driver: &Driver, profile: &Path, downloads: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--window-size=1280,1000", "--lang=en-GB",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session")
}

struct Page {
    client: Client,
}

impl Page {
    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Waits (up to 20 s) until `script` returns true.
    async fn until(&self, what: &str, script: &str) {
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < end, "waited 20 s for {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn text(&self, css: &str) -> String {
        self.until(css, &format!("return !!document.querySelector({css:?});"))
            .await;
        self.js(&format!(
            "return document.querySelector({css:?}).textContent;"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_owned()
    }

    async fn click(&self, css: &str) {
        self.until(
            &format!("{css} to be enabled"),
            &format!("const e = document.querySelector({css:?}); return !!e && !e.disabled;"),
        )
        .await;
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap()
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    async fn type_into(&self, css: &str, text: &str) {
        let el = self.client.find(Locator::Css(css)).await.unwrap();
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    async fn go(&self, page: &str, heading: &str) {
        self.click(&format!("nav a[href='#/{page}']")).await;
        self.until(
            &format!("the {page} page"),
            &format!("return document.querySelector('h1')?.textContent === {heading:?};"),
        )
        .await;
    }

    /// axe-core on the page as it is (the kiosk's rules): no serious or critical WCAG 2.x
    /// A/AA violation.
    async fn axe(&self, page: &str) {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        axe::check(&self.client, &repo, page).await;
    }

    async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts/console");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_runs_an_event_from_the_console() {
    let org = KeyFile::new("correct horse battery staple");
    let an = stand_in::start(1000, false).await;
    let secrets = tempfile::tempdir().unwrap();
    let token = secrets.path().join("an-token");
    let shelf = tempfile::tempdir().unwrap();
    placard_petition::demo::extract(&shelf.path().join("demo")).unwrap();
    std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--console",
            "127.0.0.1:0",
            "--identity",
            &org.key(),
            "--recipient",
            &org.recipient,
            "--action-network-url",
            &an.base,
            "--action-network-token-file",
            &token.display().to_string(),
            // Slow enough that the progress bar is seen moving (200 records, ~5 s).
            "--action-network-rate",
            "40",
            "--retain-days",
            "30",
            "--packs",
            &shelf.path().display().to_string(),
        ],
    )
    .unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let p = Page {
        client: browser(&driver, profile.path(), downloads.path()).await,
    };
    let first = c.console_link();
    let base = first.split("/signin").next().unwrap().to_owned();

    // Not signed in: the page says how to sign in, and shows nothing else.
    p.client.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(p.text("h1").await, "You are not signed in");
    assert_eq!(
        p.js("return document.querySelectorAll('nav').length;")
            .await,
        0
    );
    p.axe("signed out").await;
    p.screenshot("01-signed-out").await;

    // The link signs in; the overview is live and empty.
    p.client.goto(&first).await.unwrap();
    p.until(
        "the overview",
        "return document.querySelector('h1')?.textContent === 'Overview';",
    )
    .await;
    p.until(
        "the live overview",
        "return document.querySelector('#total-records')?.textContent === '0';",
    )
    .await;
    p.axe("overview").await;
    // A second use of the same link is refused.
    let again = reqwest::get(&first).await.unwrap();
    assert_eq!(again.status(), reqwest::StatusCode::FORBIDDEN);

    // Petitions and packs: the demo pack checked; a petition previewed as the kiosk shows it,
    // its images from the pack; a new pack added from a folder (zipped by the page).
    p.go("packs", "Petitions and packs").await;
    p.click("tr[data-petition='encryption-is-not-a-crime'] button")
        .await;
    p.until(
        "the preview's images",
        "const imgs = [...document.querySelectorAll('#preview img')];\
         return imgs.length >= 2 && imgs.every(i => i.complete && i.naturalWidth > 0);",
    )
    .await;
    assert!(
        p.text("#preview")
            .await
            .contains("WhatsApp was blocked in Brazil")
    );
    p.axe("packs with a preview").await;
    p.screenshot("02-packs-preview").await;
    let folder = tempfile::tempdir().unwrap();
    let rally = folder.path().join("rally-2026");
    std::fs::create_dir(&rally).unwrap();
    std::fs::write(
        rally.join("rally.md"),
        "---\ntitle: Rally for encryption\npetition_copy: We ask.\n---\nCome to the rally.\n",
    )
    .unwrap();
    p.type_into("#pack-name", "rally").await;
    p.client
        .find(Locator::Css("#pack-folder"))
        .await
        .unwrap()
        .send_keys(&rally.display().to_string())
        .await
        .unwrap();
    p.click("form button[type=submit]").await;
    assert_eq!(
        p.text("#pack-added").await,
        "rally was added, with one petition."
    );
    assert!(shelf.path().join("rally/rally.md").exists());
    p.until(
        "the new pack listed",
        "return !!document.querySelector(\"[data-pack='rally'] tr[data-petition='rally']\");",
    )
    .await;

    // "Add a kiosk": a code, large, typed at the kiosk.
    p.go("kiosks", "Kiosks").await;
    p.type_into("#kiosk-name", "Front table").await;
    p.click("form button[type=submit]").await;
    let code = p.text("#pairing-code").await;
    assert!(code.len() >= 12, "{code}");
    let size = p
        .js("return parseFloat(getComputedStyle(document.querySelector('#pairing-code')).fontSize);")
        .await;
    assert!(size.as_f64().unwrap() >= 48.0, "the code is {size} px");
    p.axe("kiosks with a code").await;
    p.screenshot("03-pairing-code").await;

    // The kiosk pairs with it, as at the table.
    let (kiosk_dir, mut vault) = kiosk_sealing_to(&org.recipient, 0, PETITION);
    let public =
        placard_sync::signing::public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    let pinned =
        placard_sync::http::enroll(&c.url, &code, vault.device_id(), &public, vault.recipient())
            .await
            .unwrap();
    vault
        .pin_collector_key(&placard_sync::answer::encode_key(&pinned))
        .unwrap();
    let device = vault.device_id().to_string();

    // 200 signatures, signed and synced in four waves of 50 while the overview watches: its
    // counts follow each wave without a reload (a mark set in the page survives).
    p.go("overview", "Overview").await;
    p.js("window.placardMark = 'same page'; return true;").await;
    drop(vault);
    for wave in 1..=4u64 {
        let mut vault = placard_vault::Vault::open(kiosk_dir.path()).unwrap();
        for i in 0..50 {
            let mut s = placard_vault::SignerInput::default();
            s.given_name = "Ada".into();
            s.email = format!("ada{wave}-{i}@example.org");
            vault.sign(&common::rules(PETITION), s).unwrap();
        }
        assert_eq!(common::sync_all(&c.url, vault, 20).await, 50);
        let want = (wave * 50).to_string();
        p.until(
            &format!("the overview at {want}"),
            &format!("return document.querySelector('#total-records')?.textContent === {want:?};"),
        )
        .await;
    }
    assert_eq!(p.js("return window.placardMark;").await, "same page");
    p.until(
        "the chart",
        "return [...document.querySelectorAll('#chart rect')]\
           .reduce((a, r) => a + Number(r.dataset.count), 0) === 200;",
    )
    .await;
    assert!(p.text("#per-kiosk").await.contains("Front table"));
    assert!(p.text("#per-petition").await.contains(PETITION));
    p.screenshot("04-overview-live").await;

    // Unlock with the passphrase; the countdown shows.
    p.go("send", "Unlock and send").await;
    p.axe("send, locked").await;
    p.type_into("#passphrase", "not the passphrase").await;
    p.click("form button[type=submit]").await;
    assert_eq!(
        p.text("[role=alert]").await,
        "That passphrase does not open the organiser's key."
    );
    p.type_into("#passphrase", "correct horse battery staple")
        .await;
    p.click("form button[type=submit]").await;
    p.until(
        "the unlock",
        "return !!document.querySelector('#lock-now');",
    )
    .await;
    assert!(p.text("#key-state").await.contains("It locks itself in"));

    // Send to Action Network: the bar moves, each record's outcome is listed.
    p.click("button[data-destination=action_network]").await;
    let mut values = std::collections::BTreeSet::new();
    let end = Instant::now() + Duration::from_secs(60);
    loop {
        let v = p
            .js("const e = document.querySelector('#progress'); return e ? e.value : -1;")
            .await
            .as_f64()
            .unwrap_or(-1.0);
        values.insert(v as i64);
        let done = p
            .js("return document.querySelector('#run-status')?.textContent.includes('Finished') ?? false;")
            .await;
        if done == Value::Bool(true) {
            break;
        }
        assert!(Instant::now() < end, "the run did not finish: {values:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let moving: Vec<_> = values.iter().filter(|v| **v > 0 && **v < 200).collect();
    assert!(moving.len() >= 2, "the bar was seen at {values:?}");
    assert_eq!(
        p.text("#run-status").await,
        "Finished: 200 sent, 0 failed, 0 already there, 0 left for later."
    );
    assert_eq!(an.books.lock().unwrap().signatures.len(), 200);
    let rows = p
        .js("return [...document.querySelectorAll('#outcomes tbody tr')].map(r => r.dataset.outcome);")
        .await;
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 200);
    assert!(rows.iter().all(|o| o == "sent"), "{rows:?}");
    assert_eq!(
        p.js("return document.querySelector('[role=alert]')?.textContent ?? null;")
            .await,
        Value::Null,
        "a problem shown after a run that went well"
    );
    // Nothing of a signer on the page: the names and addresses the kiosk sealed are absent.
    let body = p.text("body").await;
    assert!(!body.contains('@'), "an email address on the page");
    p.axe("send, finished").await;
    p.screenshot("05-sent").await;

    // Export a CSV: downloaded by the browser, the warning shown first.
    assert!(p.text(".warning").await.contains("in the clear"));
    p.click("#export").await;
    let saved = p.text("#export-saved").await;
    let file = saved
        .trim_start_matches("Saved as ")
        .trim_end_matches('.')
        .to_owned();
    assert!(file.ends_with(".csv"), "{saved}");
    let path = downloads.path().join(&file);
    let end = Instant::now() + Duration::from_secs(20);
    while !path.exists() {
        assert!(Instant::now() < end, "no {file} in the downloads");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let csv = std::fs::read_to_string(&path).unwrap();
    assert_eq!(csv.lines().count(), 201, "a header and 200 rows");
    let forgotten = csv
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .find(|f| f.contains('@'))
        .unwrap()
        .trim_matches('"')
        .to_owned();

    // Retention: the export started 200 records' time (30 days).
    p.go("signers", "Retention and erasure").await;
    assert!(p.text("#retention-rule").await.contains("30 days"));
    let due = p.text("#schedule").await;
    assert!(due.contains("200"), "{due}");
    p.axe("retention and erasure").await;

    // Forget a signer by email.
    p.type_into("#forget-email", &forgotten).await;
    p.click("form button[type=submit]").await;
    p.until(
        "the confirmation",
        "return document.querySelector('dialog')?.open === true;",
    )
    .await;
    assert!(p.text("#forget-confirm-title").await.contains(&forgotten));
    p.axe("forget confirmation").await;
    p.click("#confirm-forget").await;
    let said = p.text("#forgotten").await;
    assert!(
        said == "One record was deleted." || said.ends_with("records were deleted."),
        "{said}"
    );
    p.screenshot("06-forgotten").await;

    // Revoke the kiosk (after confirming); its next batch is refused.
    p.go("kiosks", "Kiosks").await;
    p.click(&format!("tr[data-kiosk='{device}'] button.danger"))
        .await;
    p.until(
        "the confirmation",
        "return document.querySelector('dialog')?.open === true;",
    )
    .await;
    p.axe("revoke confirmation").await;
    p.screenshot("07-revoke").await;
    p.click("#confirm-revoke").await;
    p.until(
        "the kiosk shown revoked",
        &format!(
            "return document.querySelector(\"tr[data-kiosk='{device}']\")?.textContent.includes('Revoked') ?? false;"
        ),
    )
    .await;
    let answers = common::upload_one_more(kiosk_dir.path(), PETITION, &[&c.url]).await;
    assert!(answers[0].is_err(), "a revoked kiosk's batch was taken");

    // Every action in the audit log.
    p.go("audit", "Audit log").await;
    let actions = p
        .js("return [...document.querySelectorAll('#audit tbody tr')]\
               .map(r => r.dataset.action + ':' + r.dataset.result);")
        .await;
    let actions: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for want in [
        "sign-in:ok",
        "sign-in:refused",
        "add-kiosk:ok",
        "add-pack:ok",
        "unlock:refused",
        "unlock:ok",
        "send:ok",
        "export:ok",
        "forget:ok",
        "revoke:ok",
    ] {
        assert!(actions.contains(&want), "no {want} in {actions:?}");
    }
    p.axe("audit log").await;
    p.screenshot("08-audit").await;

    // In another language: the same page in Polish.
    p.client
        .find(Locator::Css(".lang select"))
        .await
        .unwrap()
        .select_by_value("pl")
        .await
        .unwrap();
    p.until("Polish", "return document.documentElement.lang === 'pl';")
        .await;
    assert_ne!(p.text("h1").await, "Audit log");
    p.axe("audit log in Polish").await;
    p.screenshot("09-audit-pl").await;

    p.client.clone().close().await.unwrap();
}
