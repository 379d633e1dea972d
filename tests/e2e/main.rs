//! End-to-end: the real `placard-kiosk` window under Xvfb, driven through tauri-driver.
//!
//! Needs the binary built with the embedded UI (`--features custom-protocol`, as `./dev test`
//! does), `tauri-driver` and `WebKitWebDriver` (`./dev setup` installs both). Screenshots land in
//! `test-artifacts/e2e/`.
#![cfg(target_os = "linux")]

mod harness;

use std::path::Path;
use std::time::Duration;

use harness::{Kiosk, Tripwire};

/// Some organiser's public key: the kiosk only ever needs this half.
const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn demo_petitions_show_headline_body_and_local_images() {
    let kiosk = Kiosk::start(None).await;
    kiosk.screenshot("00-first-run-setup").await;
    kiosk.set_up(RECIPIENT).await;
    kiosk.screenshot("01-petition-list").await;
    // A kiosk has no context menu: the app cancels every contextmenu event.
    let cancelled = kiosk
        .js(
            "const e = new MouseEvent('contextmenu', {bubbles: true, cancelable: true}); \
             document.querySelector('h1').dispatchEvent(e); return e.defaultPrevented;",
        )
        .await;
    assert_eq!(
        cancelled,
        serde_json::Value::Bool(true),
        "the context menu is not suppressed"
    );

    // The FFTF petition, exactly as the seed file has it.
    kiosk
        .click("[data-testid=open-encryption-is-not-a-crime]")
        .await;
    assert_eq!(
        kiosk.text("[data-testid=petition-headline]").await,
        "Encryption is not a crime!"
    );
    let body = kiosk.text("[data-testid=petition-body]").await;
    assert!(body.contains("WhatsApp was blocked in Brazil"), "{body}");
    assert!(
        body.contains("Add your name and let the world know"),
        "{body}"
    );
    assert_eq!(
        kiosk.text("[data-testid=action-button]").await,
        "Stand with WhatsApp"
    );
    // Both images come from the pack and really decode (naturalWidth > 0).
    let images = wait_for_images(&kiosk, 2).await;
    for img in &images {
        assert!(
            img["w"].as_u64().unwrap_or(0) > 0,
            "image did not load: {img}"
        );
        assert!(
            img["src"]
                .as_str()
                .unwrap_or("")
                .starts_with("pack://localhost/img/"),
            "{img}"
        );
    }
    kiosk.screenshot("02-fftf-petition").await;

    // The Mozilla petition, written up from the seed text.
    kiosk.click("[data-testid=back]").await;
    kiosk
        .click("[data-testid=open-defend-encryption-worldwide]")
        .await;
    assert_eq!(
        kiosk.text("[data-testid=petition-headline]").await,
        "It's Time to Defend Encryption Worldwide"
    );
    let copy = kiosk.text("[data-testid=petition-copy]").await;
    assert!(
        copy.starts_with("We call on governments around the world"),
        "{copy}"
    );
    kiosk.screenshot("03-mozilla-petition").await;

    // The action button leads to the signing form.
    kiosk.click("[data-testid=action-button]").await;
    kiosk.wait("[data-testid=sign-form]").await;
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn hostile_petitions_run_no_payload_and_reach_no_network() {
    // The hostile pack, with its "remote" URLs aimed at a loopback tripwire.
    let wire = Tripwire::start();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-pack");
    let pack = tempfile::tempdir().expect("temp pack");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&source).expect("hostile pack") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let aimed = text.replace("https://evil.example", &wire.url());
        std::fs::write(pack.path().join(path.file_name().expect("name")), aimed).expect("write");
        ids.push(
            path.file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned(),
        );
    }
    ids.sort();
    assert!(
        ids.len() >= 30,
        "hostile pack has only {} petitions",
        ids.len()
    );

    let kiosk = Kiosk::start(Some(pack.path())).await;
    kiosk.set_up(RECIPIENT).await;
    let title = kiosk.js("return document.title;").await;
    for id in &ids {
        kiosk.click(&format!("[data-testid='open-{id}']")).await;
        kiosk.wait("[data-testid=petition-body]").await;
        // Give handlers (onerror, onload, ontoggle, autofocus) time to fire, then look.
        tokio::time::sleep(Duration::from_millis(150)).await;
        let body = kiosk.text("[data-testid=petition-body]").await;
        assert!(
            body.contains("Before the payload.") && body.contains("After the payload."),
            "{id}: {body}"
        );
        let pwned = kiosk
            .js("return typeof window.__pwned === 'undefined' ? null : String(window.__pwned);")
            .await;
        assert!(
            pwned.is_null(),
            "{id}: a payload ran (window.__pwned = {pwned})"
        );
        if id.starts_with("03-") || id.starts_with("31-") {
            kiosk.screenshot(&format!("hostile-{id}")).await;
        }
        kiosk.click("[data-testid=back]").await;
    }
    assert_eq!(
        kiosk.js("return document.title;").await,
        title,
        "a payload changed the title"
    );
    assert_eq!(wire.hits(), 0, "hostile petitions reached the network");

    // Second line of defence: even markup that bypassed the sanitiser cannot reach the
    // network, because the CSP blocks it in the real window.
    let probe = format!(
        "const u = '{url}';\
         document.body.insertAdjacentHTML('beforeend', `<img src=\"${{u}}/img.png\">\
           <link rel=\"stylesheet\" href=\"${{u}}/x.css\"><iframe src=\"${{u}}/frame\"></iframe>`);\
         const s = document.createElement('script'); s.src = u + '/x.js'; document.head.appendChild(s);\
         return fetch(u + '/fetch').then(() => 'fetched', e => 'blocked: ' + e);",
        url = wire.url()
    );
    let fetched = kiosk.js(&probe).await;
    assert!(
        fetched.as_str().unwrap_or("").starts_with("blocked"),
        "fetch was not blocked: {fetched}"
    );
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        wire.hits(),
        0,
        "the CSP let a request through to the network"
    );
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn signing_in_the_real_window_seals_into_the_vault_and_counts() {
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(RECIPIENT).await;
    kiosk
        .click("[data-testid=open-encryption-is-not-a-crime]")
        .await;
    kiosk.click("[data-testid=action-button]").await;
    kiosk.wait("[data-testid=sign-form]").await;
    assert_eq!(kiosk.text(".note").await, "* Indicates a required field");

    // Empty: the required fields say so, next to them; nothing is stored.
    kiosk.click("[data-testid=submit]").await;
    assert_eq!(
        kiosk.text("[data-testid=issue-given_name]").await,
        "This field is required."
    );
    assert_eq!(
        kiosk.text("[data-testid=issue-email]").await,
        "This field is required."
    );
    kiosk.screenshot("10-form-required").await;

    // A bad email.
    kiosk.fill("given_name", "Ada").await;
    kiosk.fill("family_name", "Lovelace").await;
    kiosk.fill("email", "ada-at-example").await;
    kiosk.click("[data-testid=submit]").await;
    assert_eq!(
        kiosk.text("[data-testid=issue-email]").await,
        "Please enter an email address like name@example.org."
    );

    // Then right: thanks, with the count.
    kiosk.fill("email", "ada@example.org").await;
    kiosk.fill("postal_code", "02139").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    assert_eq!(
        kiosk.text("[data-testid=thanks-count]").await,
        "You are the first to sign here."
    );
    kiosk.screenshot("11-thank-you").await;
    // No trace of the signer is left in the page.
    let html = kiosk.js("return document.documentElement.outerHTML;").await;
    assert!(
        !html.as_str().unwrap_or("").contains("ada@example.org"),
        "the signer's email is still in the DOM"
    );

    // The next person: the count goes up by one.
    kiosk.click("[data-testid=thank-you] button").await;
    kiosk.click("[data-testid=action-button]").await;
    kiosk.fill("given_name", "Grace").await;
    kiosk.fill("email", "grace@example.org").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    assert_eq!(
        kiosk.text("[data-testid=thanks-count]").await,
        "2 people have signed here."
    );

    // The vault holds exactly those two, sealed to the organiser's key.
    let vault = placard_vault::Vault::open(&kiosk.data_dir().join("vault")).expect("vault");
    let stats = vault.stats().expect("stats");
    assert_eq!((stats.total, stats.pending), (2, 2));
    assert_eq!(
        stats.by_petition[0].petition_id,
        "encryption-is-not-a-crime"
    );
    assert_eq!(vault.recipient(), RECIPIENT);
    kiosk.stop().await;
}

/// Waits until the body's images finished loading; returns `{src, w}` for each.
async fn wait_for_images(kiosk: &Kiosk, count: usize) -> Vec<serde_json::Value> {
    let script = "return [...document.querySelectorAll('[data-testid=petition-body] img')]\
                  .map(i => ({src: i.getAttribute('src'), done: i.complete, w: i.naturalWidth}));";
    for _ in 0..100 {
        let v = kiosk.js(script).await;
        let imgs = v.as_array().cloned().unwrap_or_default();
        if imgs.len() == count && imgs.iter().all(|i| i["done"] == true) {
            return imgs;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "expected {count} loaded images, have {}",
        kiosk.js(script).await
    );
}
