//! End-to-end: the real `placard-kiosk` window under Xvfb, driven through tauri-driver.
//!
//! Needs the binary built with the embedded UI (`--features custom-protocol`, as `./dev test`
//! does), `tauri-driver` and `WebKitWebDriver` (`./dev setup` installs both), and for the
//! kiosk-lock test `openbox`, `xdotool` and `wmctrl`. Screenshots land in `test-artifacts/e2e/`.
#![cfg(target_os = "linux")]

#[path = "../support/axe.rs"]
mod axe;
mod bench;
mod harness;
mod organiser;
mod touch;

use std::path::Path;
use std::time::Duration;

use harness::{Kiosk, Options, Tripwire};
use organiser::Organiser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn demo_petitions_on_the_attract_screen_and_their_pages() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    // The UI writes counts below a thousand as plain digits without Intl (start-up pays for
    // its first formatter): that is what this webview's Intl gives for them in all ten locales.
    let differ = kiosk
        .js("return ['ca','de','en','es','fr','fy-NL','nl','pl','pt-BR','sw'].flatMap(l => {\
               const f = new Intl.NumberFormat(l);\
               return [...Array(1000).keys()].filter(n => f.format(n) !== String(n)).map(n => `${l} ${n}`);\
             });")
        .await;
    assert_eq!(differ, serde_json::json!([]), "Intl writes these otherwise");
    kiosk.screenshot("00-first-run-setup").await;
    kiosk.axe("first-run set-up").await;
    // First run, by hand: the key and the PIN, then the pack (checked too).
    kiosk.fill("recipient", &org.recipient).await;
    kiosk.fill("pin", "246813").await;
    kiosk.fill("pin_again", "246813").await;
    kiosk.click("[data-testid=setup-next]").await;
    kiosk.wait("[data-testid=pack-demo]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[data-testid=pack-demo]').checked;")
            .await,
        true,
        "the demo pack is the default"
    );
    kiosk.screenshot("00-first-run-pack").await;
    kiosk.axe("first-run set-up: the pack").await;
    kiosk.click("[data-testid=setup-start]").await;
    kiosk.wait("[data-testid=attract-sign]").await;

    // The attract screen: the first active petition, a big button, the count here.
    assert_eq!(
        kiosk.text("[data-testid=attract-headline]").await,
        "It's Time to Defend Encryption Worldwide"
    );
    assert_eq!(
        kiosk.text("[data-testid=attract-count]").await,
        "Be the first to sign here."
    );
    kiosk.screenshot("01-attract").await;
    kiosk.axe("attract").await;
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
        "context menu not suppressed"
    );

    // The Mozilla petition, written up from the seed text.
    kiosk.click("[data-testid=attract-read]").await;
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
    kiosk.axe("petition page").await;

    // Back, then the other one: the FFTF petition exactly as the seed file has it.
    kiosk.click("[data-testid=back]").await;
    kiosk.click("[data-testid=attract-next]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract-headline]')?.textContent === 'Encryption is not a crime!'",
            Duration::from_secs(5),
        )
        .await;
    kiosk.click("[data-testid=attract-read]").await;
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
    for img in wait_for_images(&kiosk, 2).await {
        assert!(
            img["w"].as_u64().unwrap_or(0) > 0,
            "image did not load: {img}"
        );
        let src = img["src"].as_str().unwrap_or("");
        assert!(src.starts_with("pack://localhost/img/"), "{img}");
    }
    kiosk.screenshot("02-fftf-petition").await;

    // The action button leads to the signing form: fields from the petition, country
    // defaulting to its target_country, the disclosure instead of an opt-out (opt_in: true).
    kiosk.click("[data-testid=action-button]").await;
    kiosk.wait("[data-testid=sign-form] [name=country]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=country]').value;")
            .await,
        "US"
    );
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=subscribe]') === null;")
            .await,
        true
    );
    let names = kiosk
        .js("return [...document.querySelectorAll('form [name]')].map(e => e.name);")
        .await;
    assert_eq!(
        names,
        serde_json::json!([
            "given_name",
            "family_name",
            "email",
            "postal_code",
            "country",
            // Its privacy notice must be confirmed (`consent_required: true`).
            "consent"
        ])
    );
    kiosk.axe("form").await;
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn layouts_from_1024x600_to_1920x1080_portrait_and_landscape() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;
    for (w, h) in [
        (1024, 600),
        (600, 1024),
        (1920, 1080),
        (1080, 1920),
        (1280, 800),
    ] {
        kiosk.resize(w, h).await;
        for screen in ["attract", "form"] {
            if screen == "form" {
                kiosk.click("[data-testid=attract-sign]").await;
                kiosk.wait("[data-testid=submit]").await;
            }
            kiosk.screenshot(&format!("size-{w}x{h}-{screen}")).await;
            // Nothing wider than the window (no sideways scrolling on a touchscreen)...
            let overflow = kiosk
                .js("return document.documentElement.scrollWidth - window.innerWidth;")
                .await;
            assert!(
                overflow.as_i64().unwrap_or(1) <= 0,
                "{w}×{h} {screen}: {overflow} px wider than the window"
            );
            // ...and every button and field at least 44 px high (WCAG 2.5.8 and then some).
            let small = kiosk
                .js("return [...document.querySelectorAll('button, input:not([type=checkbox]), select, textarea')]\
                     .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)\
                     .map(e => e.outerHTML.slice(0, 80));")
                .await;
            assert_eq!(
                small,
                serde_json::json!([]),
                "{w}×{h} {screen}: small targets"
            );
        }
        // The main button on the attract screen is on screen without scrolling.
        kiosk.click("[data-testid=cancel]").await;
        kiosk.wait("[data-testid=attract-sign]").await;
        let visible = kiosk
            .js("const r = document.querySelector('[data-testid=attract-sign]').getBoundingClientRect();\
                 return r.top >= 0 && r.bottom <= window.innerHeight && r.height >= 44;")
            .await;
        assert_eq!(visible, true, "{w}×{h}: the Sign button is off screen");
    }
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
    let mut count = 0;
    for entry in std::fs::read_dir(&source).expect("hostile pack") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let aimed = text.replace("https://evil.example", &wire.url());
        std::fs::write(pack.path().join(path.file_name().expect("name")), aimed).expect("write");
        count += 1;
    }
    assert!(count >= 30, "hostile pack has only {count} petitions");

    let org = Organiser::new();
    let kiosk = Kiosk::start(Some(pack.path())).await;
    kiosk.set_up(&org.recipient).await;
    let title = kiosk.js("return document.title;").await;
    // Every petition in turn: the attract screen's "next" walks through all of them.
    let total = kiosk.text("[data-testid=attract-next]").await;
    let total: usize = total
        .rsplit('/')
        .next()
        .and_then(|n| n.trim_end_matches(')').parse().ok())
        .unwrap_or_else(|| panic!("no count in `{total}`"));
    assert_eq!(total, count, "every hostile petition is on show");
    for i in 0..total {
        kiosk.click("[data-testid=attract-read]").await;
        kiosk.wait("[data-testid=petition-body]").await;
        // Give handlers (onerror, onload, ontoggle, autofocus) time to fire, then look.
        tokio::time::sleep(Duration::from_millis(150)).await;
        let body = kiosk.text("[data-testid=petition-body]").await;
        assert!(
            body.contains("Before the payload.") && body.contains("After the payload."),
            "petition {i}: {body}"
        );
        let pwned = kiosk
            .js("return typeof window.__pwned === 'undefined' ? null : String(window.__pwned);")
            .await;
        assert!(
            pwned.is_null(),
            "petition {i}: a payload ran (window.__pwned = {pwned})"
        );
        if i == 3 || i == 31 {
            kiosk.screenshot(&format!("hostile-{i}")).await;
        }
        kiosk.click("[data-testid=back]").await;
        kiosk.click("[data-testid=attract-next]").await;
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
async fn signing_in_english_seals_counts_and_opens_with_the_organiser_key() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;
    kiosk.click("[data-testid=attract-next]").await; // the FFTF petition
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract-headline]')?.textContent === 'Encryption is not a crime!'",
            Duration::from_secs(5),
        )
        .await;
    kiosk.click("[data-testid=attract-sign]").await;
    assert_eq!(
        kiosk.text("[data-testid=required-note]").await,
        "* Indicates a required field"
    );

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
    // This petition asks signers to confirm its privacy notice, shown above the box.
    assert_eq!(
        kiosk.text("[data-testid=issue-consent]").await,
        "Please tick the box to confirm you have read how your data is used."
    );
    let notice = kiosk.text("[data-testid=privacy-notice]").await;
    assert!(
        notice.starts_with("How we use your data") && notice.contains("Example Campaign e.V."),
        "{notice}"
    );
    kiosk.screenshot("10-form-required").await;
    kiosk.axe("form with errors").await;

    // A bad email.
    kiosk.fill("given_name", "Ada").await;
    kiosk.fill("family_name", "Lovelace").await;
    kiosk.fill("email", "ada-at-example").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk
        .wait_js(
            "!document.querySelector('[data-testid=issue-given_name]')",
            Duration::from_secs(5),
        )
        .await;
    assert_eq!(
        kiosk.text("[data-testid=issue-email]").await,
        "Please enter an email address like name@example.org."
    );

    // Then right: thanks, with the count and the QR code to the petition's page.
    kiosk.fill("email", "ada@example.org").await;
    kiosk.fill("postal_code", "02139").await;
    kiosk.click("[name=consent]").await;
    // Sent from the bottom of the long form: the thank-you screen still opens at its top (it
    // used to keep the form's scroll position, its heading cut off above the fold).
    let scrolled = kiosk
        .js("document.querySelector('[data-testid=submit]').scrollIntoView({block: 'end'}); return window.scrollY;")
        .await;
    assert!(
        scrolled.as_f64().unwrap_or(0.0) > 100.0,
        "the form did not scroll: {scrolled}"
    );
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    assert_eq!(kiosk.js("return window.scrollY;").await, 0);
    assert_eq!(
        kiosk.text("[data-testid=thanks-count]").await,
        "You are the first to sign here."
    );
    assert_eq!(
        kiosk.js("return document.querySelector('[data-testid=share-qr]').getAttribute('aria-label');").await,
        "https://actionnetwork.org/petitions/encryption-is-not-a-crime"
    );
    kiosk.screenshot("11-thank-you").await;
    kiosk.axe("thank-you").await;
    assert_no_trace(&kiosk, &["ada@example.org", "Lovelace", "02139"]).await;

    // Done: back on the attract screen, the count is up by one.
    kiosk.click("[data-testid=thanks-done]").await;
    assert_eq!(
        kiosk.text("[data-testid=attract-count]").await,
        "1 person has signed here."
    );
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Grace").await;
    // A misspelt provider is caught while she is still here; one tap takes the suggestion.
    let suggestion = "document.querySelector('[data-testid=email-suggestion]')?.textContent ?? ''";
    for (typed, meant) in [
        ("grace@gmial.com", "grace@gmail.com"),
        ("grace@hotmial.com", "grace@hotmail.com"),
        ("grace@gmx.dee", "grace@gmx.de"),
        ("grace@wp.pll", "grace@wp.pl"),
        ("grace@uol.com.bt", "grace@uol.com.br"),
        ("grace@ziggo.nll", "grace@ziggo.nl"),
        ("grace@orange.fe", "grace@orange.fr"),
    ] {
        kiosk.fill("email", typed).await;
        kiosk
            .wait_js(
                &format!("({suggestion}) === 'Did you mean {meant}? Tap to use it.'"),
                Duration::from_secs(5),
            )
            .await;
    }
    // Nothing to suggest for an address that is fine, or one still being typed.
    for fine in ["grace@example.org", "grace@gmail.com", "grace@gm"] {
        kiosk.fill("email", fine).await;
        kiosk
            .wait_js(&format!("({suggestion}) === ''"), Duration::from_secs(5))
            .await;
    }
    kiosk.fill("email", "grace@gmial.com").await;
    kiosk.click("[data-testid=email-suggestion]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=email]').value;")
            .await,
        "grace@gmail.com"
    );
    kiosk.click("[name=consent]").await;
    kiosk.click("[data-testid=submit]").await;
    assert_eq!(
        kiosk.text("[data-testid=thanks-count]").await,
        "2 people have signed here."
    );
    // Plural forms come from each language's rules: Polish has one form for 2–4.
    kiosk.click("[data-testid=thanks-done]").await;
    kiosk.click("[data-testid=lang-pl]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract-count]')?.textContent === '2 osoby podpisały tutaj petycję.'",
            Duration::from_secs(5),
        )
        .await;

    // The vault holds exactly those two, sealed: `placard vault stats` counts them with no
    // key, and the organiser's identity opens them.
    let vault = kiosk.data_dir().join("vault");
    let stats = org.cli_json(&["vault", "stats", "--json", "--vault"], &vault);
    assert_eq!(stats["total"], 2, "{stats}");
    assert_eq!(stats["pending"], 2, "{stats}");
    assert_eq!(
        stats["by_petition"][0]["petition_id"],
        "encryption-is-not-a-crime"
    );
    let records = org.open(&vault);
    assert_eq!(records.len(), 2);
    let ada = &records[0];
    assert_eq!(
        (
            ada.given_name.as_str(),
            ada.family_name.as_str(),
            ada.email.as_str()
        ),
        ("Ada", "Lovelace", "ada@example.org")
    );
    assert_eq!(
        (ada.postal_code.as_str(), ada.country.as_str()),
        ("02139", "US")
    );
    assert!(
        ada.subscribe,
        "opt_in: true petitions subscribe every signer"
    );
    assert_eq!(ada.locale, "en");
    assert_eq!(records[1].email, "grace@gmail.com", "the suggestion taken");
    // Each record's consent receipt names the notice shown, by the hash of its text.
    let notice = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/demo/privacy.md"),
    )
    .expect("the demo notice");
    for r in &records {
        assert_eq!(
            r.consent.notice_sha256.as_deref(),
            Some(placard_petition::notice::digest(&notice).as_str())
        );
        assert_eq!(r.consent.consent_box, Some(true));
        assert_eq!(r.consent.at, r.captured_at);
    }
    org.cli_ok(&["vault", "verify", "--vault"], &vault);
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn signing_in_swahili() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;
    kiosk.click("[data-testid=lang-sw]").await;
    // The pack has a Swahili translation of the Mozilla petition; the UI is Swahili too.
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract-headline]')?.textContent.startsWith('Ni Wakati')",
            Duration::from_secs(5),
        )
        .await;
    assert_eq!(kiosk.text("[data-testid=attract-sign]").await, "Saini ombi");
    assert_eq!(
        kiosk.text("[data-testid=attract-count]").await,
        "Kuwa wa kwanza kusaini hapa."
    );
    assert_eq!(
        kiosk.js("return document.documentElement.lang;").await,
        "sw"
    );
    kiosk.screenshot("20-attract-sw").await;
    kiosk.axe("attract (sw)").await;

    kiosk.click("[data-testid=attract-sign]").await;
    assert_eq!(
        kiosk.text("[data-testid=required-note]").await,
        "* Inaashiria sehemu inayohitajika"
    );
    kiosk.click("[data-testid=submit]").await;
    assert_eq!(
        kiosk.text("[data-testid=issue-given_name]").await,
        "Sehemu hii inahitajika."
    );
    assert_eq!(
        kiosk.text("[data-testid=issue-email]").await,
        "Sehemu hii inahitajika."
    );
    kiosk.fill("given_name", "Wanjiru").await;
    kiosk.fill("email", "wanjiru@").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk
        .wait_js(
            "!document.querySelector('[data-testid=issue-given_name]')",
            Duration::from_secs(5),
        )
        .await;
    assert_eq!(
        kiosk.text("[data-testid=issue-email]").await,
        "Tafadhali andika barua pepe kama jina@example.org."
    );
    // Countries are named in Swahili; the signer picks Kenya.
    kiosk.fill("email", "wanjiru@example.org").await;
    kiosk
        .js("const s = document.querySelector('[name=country]'); s.value = 'KE'; s.dispatchEvent(new Event('change'));")
        .await;
    kiosk.screenshot("21-form-sw").await;
    kiosk.axe("form (sw)").await;
    kiosk.click("[data-testid=submit]").await;
    assert_eq!(kiosk.text("[data-testid=thank-you] h1").await, "Asante!");
    assert_eq!(
        kiosk.text("[data-testid=thanks-count]").await,
        "Wewe ni wa kwanza kusaini hapa."
    );
    kiosk.screenshot("22-thanks-sw").await;
    // After thank-you the kiosk returns to the default language for the next person.
    kiosk.click("[data-testid=thanks-done]").await;
    assert_eq!(
        kiosk.text("[data-testid=attract-sign]").await,
        "Sign the petition"
    );

    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].given_name, "Wanjiru");
    assert_eq!(records[0].country, "KE");
    assert_eq!(records[0].locale, "sw");
    assert_eq!(records[0].petition_id, "defend-encryption-worldwide");
    kiosk.stop().await;
}

/// A petition that asks for street, city and postal code, comments and a signature pad.
const ADDRESS_PETITION: &str = "---\n\
headline: Fund public-interest cryptography\n\
petition_copy: We ask the city to fund open cryptography research.\n\
required_fields:\n  - zip\n  - street_address\n  - city\n\
additional_fields:\n  - street_address\n  - city\n\
include_comments: true\n\
action_comment: I support strong encryption.\n\
target_country: US\n\
signature_pad: true\n\
goal: 25000\n\
---\n\
Open research keeps everyone safe.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn street_and_city_required_and_hostile_input_through_the_form() {
    let pack = tempfile::tempdir().expect("pack");
    std::fs::write(pack.path().join("address.md"), ADDRESS_PETITION).expect("write petition");
    let org = Organiser::new();
    let kiosk = Kiosk::start(Some(pack.path())).await;
    kiosk.set_up(&org.recipient).await;
    // Goal progress on the attract screen.
    kiosk.wait("[data-testid=attract-goal]").await;
    assert_eq!(
        kiosk.js("return document.querySelector('[data-testid=attract-goal]').getAttribute('aria-valuetext');").await,
        "0 of 25,000 signatures"
    );
    // Numbers are formatted for the signer's language.
    kiosk.click("[data-testid=lang-de]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract-goal]')?.getAttribute('aria-valuetext') === '0 von 25.000 Unterschriften'",
            Duration::from_secs(5),
        )
        .await;
    kiosk.click("[data-testid=lang-en]").await;
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.wait("[name=comment]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=comment]').value;")
            .await,
        "I support strong encryption."
    );
    kiosk.click("[data-testid=submit]").await;
    for field in [
        "given_name",
        "email",
        "street_address",
        "city",
        "postal_code",
    ] {
        assert_eq!(
            kiosk.text(&format!("[data-testid=issue-{field}]")).await,
            "This field is required.",
            "{field}"
        );
    }
    kiosk.screenshot("30-address-required").await;

    // Hostile input. A 1 MB name: refused with a message, and the app still answers.
    kiosk.fill_js("given_name", &"A".repeat(1 << 20)).await;
    kiosk.fill("email", "a@example.org").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=issue-given_name]')?.dataset.code === 'too_long'",
            Duration::from_secs(20),
        )
        .await;
    assert_eq!(
        kiosk.text("[data-testid=issue-given_name]").await,
        "This is too long."
    );
    // Control and bidi characters: refused.
    for (value, what) in [
        ("Ada\u{0007}", "bell"),
        ("Ada\u{202E}gnp.exe", "RLO override"),
    ] {
        kiosk.fill_js("given_name", value).await;
        kiosk.click("[data-testid=submit]").await;
        kiosk
            .wait_js(
                "document.querySelector('[data-testid=issue-given_name]')?.dataset.code === 'forbidden_characters'",
                Duration::from_secs(10),
            )
            .await;
        let _ = what;
    }
    // Emoji, RTL script and SQL-ish text: stored exactly.
    let name = "محمد 🙂";
    let family = "O'Brien\"); DROP TABLE signatures;--";
    let street = "1 Rue de l’Église, Bât. ✓";
    let comment = "Ναι! 加密 — 'quotes' \"double\" <b>not html</b>\nsecond line";
    kiosk.fill_js("given_name", name).await;
    kiosk.fill_js("family_name", family).await;
    kiosk.fill_js("street_address", street).await;
    kiosk.fill_js("city", "Zürich").await;
    kiosk.fill("postal_code", "02139").await;
    kiosk.fill_js("comment", comment).await;
    // A drawn signature: two strokes on the pad.
    let pad = kiosk.wait("[data-testid=signature-pad]").await;
    use fantoccini::actions::InputSource as _;
    let actions = fantoccini::actions::MouseActions::new("pen".into())
        .then(fantoccini::actions::PointerAction::MoveToElement {
            element: pad.clone(),
            duration: None,
            x: -100.0,
            y: 0.0,
        })
        .then(fantoccini::actions::PointerAction::Down { button: 0 })
        .then(fantoccini::actions::PointerAction::MoveBy {
            duration: Some(Duration::from_millis(50)),
            x: 60.0,
            y: 20.0,
        })
        .then(fantoccini::actions::PointerAction::MoveBy {
            duration: Some(Duration::from_millis(50)),
            x: 80.0,
            y: -30.0,
        })
        .then(fantoccini::actions::PointerAction::Up { button: 0 });
    kiosk.client.perform_actions(actions).await.expect("draw");
    let drawn = kiosk
        .js("return document.querySelector('[data-testid=signature-pad] path')?.getAttribute('d') ?? '';")
        .await;
    let drawn = drawn.as_str().unwrap_or_default().to_owned();
    assert!(
        drawn.starts_with('M') && drawn.matches('L').count() >= 2,
        "{drawn}"
    );
    kiosk.screenshot("31-address-filled").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    assert_no_trace(&kiosk, &["DROP TABLE", "Zürich", "Église", &drawn]).await;

    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 1, "only the good submission was stored");
    let r = &records[0];
    assert_eq!(r.given_name, name);
    assert_eq!(r.family_name, family);
    assert_eq!(r.street_address, street);
    assert_eq!(r.city, "Zürich");
    assert_eq!(r.comment, comment);
    assert_eq!(r.signature, drawn);
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn operator_pin_settings_and_the_idle_reset() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;

    // Wrong PIN, then right.
    kiosk.operator_pin("111111").await;
    assert_eq!(kiosk.text("[data-testid=pin-error]").await, "Wrong PIN.");
    kiosk.screenshot("40-pin-wrong").await;
    kiosk.axe("PIN pad").await;
    kiosk.fill("pin", "246813").await;
    kiosk.click("[data-testid=pin-submit]").await;
    // The totals render once the panel's view has loaded.
    kiosk.wait("[data-testid=operator-totals]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[data-testid=operator-totals]').dataset.total;")
            .await,
        "0"
    );
    // One petition on show, an event, short timers (so this test can watch them run out).
    kiosk
        .click("[data-testid=active-encryption-is-not-a-crime]")
        .await;
    kiosk.fill("event_name", "CryptoParty Nairobi").await;
    kiosk.fill("event_tags", "cryptoparty, nairobi").await;
    for (field, secs) in [
        ("idle-seconds", "3"),
        ("countdown-seconds", "4"),
        ("thanks-seconds", "3"),
    ] {
        let el = kiosk.wait(&format!("[data-testid={field}]")).await;
        el.clear().await.expect("clear");
        el.send_keys(secs).await.expect("type");
    }
    kiosk.click("[data-testid=operator-save]").await;
    assert_eq!(kiosk.text("[data-testid=operator-notice]").await, "Saved.");
    kiosk.screenshot("41-operator-panel").await;
    kiosk.axe("operator panel").await;
    kiosk.click("[data-testid=operator-close]").await;
    assert_eq!(
        kiosk.text("[data-testid=attract-headline]").await,
        "Encryption is not a crime!"
    );
    assert!(
        kiosk
            .js("return document.querySelector('[data-testid=attract-next]') === null;")
            .await
            == true,
        "one active petition: no rotation"
    );

    // A signer starts, then walks away: "Still there?" counts down, then everything is gone.
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Walked").await;
    kiosk.fill("family_name", "Away").await;
    kiosk.fill("email", "walked.away@example.org").await;
    kiosk.wait("[data-testid=idle-dialog]").await;
    kiosk.screenshot("42-still-there").await;
    kiosk.axe("still there?").await;
    // "I'm still here" keeps the form as it was.
    kiosk.click("[data-testid=idle-stay]").await;
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=email]').value;")
            .await,
        "walked.away@example.org"
    );
    // Then nobody touches it.
    kiosk.wait("[data-testid=idle-dialog]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract]')",
            Duration::from_secs(10),
        )
        .await;
    assert_no_trace(&kiosk, &["Walked", "walked.away@example.org"]).await;
    kiosk.screenshot("43-after-idle-reset").await;

    // A signature now: thank-you returns by itself after 3 s, the count is up by one, and the
    // record carries the event.
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Achieng").await;
    kiosk.fill("email", "achieng@example.org").await;
    kiosk.click("[name=consent]").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=attract]')",
            Duration::from_secs(8),
        )
        .await;
    assert_eq!(
        kiosk.text("[data-testid=attract-count]").await,
        "1 person has signed here."
    );
    kiosk.operator_pin("246813").await;
    kiosk
        .wait("[data-testid=count-encryption-is-not-a-crime]")
        .await;
    assert_eq!(
        kiosk.js("return document.querySelector('[data-testid=count-encryption-is-not-a-crime]').dataset.count;").await,
        "1"
    );
    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 1, "the walked-away form stored nothing");
    assert_eq!(records[0].event.name, "CryptoParty Nairobi");
    assert_eq!(records[0].event.tags, ["cryptoparty", "nairobi"]);

    // "Quit Placard" (after a confirmation) ends the app.
    assert!(kiosk.app_running());
    kiosk.click("[data-testid=operator-exit]").await;
    // The app quits while this click is answered, so the driver may report an error.
    let yes = kiosk.wait("[data-testid=operator-exit-yes]").await;
    let _ = yes.click().await;
    let quit = harness::eventually(Duration::from_secs(5), || !kiosk.app_running()).await;
    assert!(quit, "the app is still running after Quit");
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn signing_with_the_keyboard_only() {
    let org = Organiser::new();
    // With a window manager, so the window has keyboard focus as on a real screen (on bare X
    // nothing is focused and WebKit matches no `:focus` at all).
    let kiosk = Kiosk::start_with(Options {
        window_manager: true,
        ..Options::default()
    })
    .await;
    kiosk.set_up(&org.recipient).await;
    // Tab walks every control in order; Enter presses buttons and submits the form. Keys go
    // to whatever has focus, as a keyboard's would.
    let tab_to = async |css: &str| {
        for _ in 0..40 {
            let focused = format!("return document.activeElement?.matches('{css}') ?? false;");
            if kiosk.js(&focused).await == true {
                // A visible focus indicator on whatever has focus.
                let outline = kiosk
                    .js("return getComputedStyle(document.activeElement).outlineStyle;")
                    .await;
                assert_ne!(outline, "none", "{css} has no visible focus");
                return;
            }
            kiosk.keys(&[harness::TAB]).await;
        }
        panic!("Tab never reached `{css}`");
    };
    tab_to("[data-testid=attract-sign]").await;
    kiosk.keys(&[harness::ENTER]).await;
    tab_to("[name=given_name]").await;
    kiosk.type_text("Keyboard").await;
    tab_to("[name=email]").await;
    kiosk.type_text("keys@example.org").await;
    kiosk.keys(&[harness::ENTER]).await;
    kiosk.wait("[data-testid=thank-you]").await;
    kiosk.screenshot("60-keyboard-thank-you").await;
    tab_to("[data-testid=thanks-done]").await;
    kiosk.keys(&[harness::ENTER]).await;
    kiosk.wait("[data-testid=attract-sign]").await;
    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].email, "keys@example.org");
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn a_four_digit_pin_is_replaced_and_wrong_pins_shut_the_keypad() {
    // A kiosk set up when four digits were allowed: kiosk.json holds that PIN's hash.
    let org = Organiser::new();
    let data = tempfile::tempdir().expect("data dir");
    placard_kiosk_core::Kiosk::open(data.path())
        .and_then(|mut k| k.setup(&org.recipient, "246813"))
        .expect("set up");
    let settings_file = data.path().join("kiosk.json");
    let mut settings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&settings_file).unwrap()).unwrap();
    let salt = [9u8; 16];
    let mut hash = [0u8; 32];
    ring::pbkdf2::derive(
        ring::pbkdf2::PBKDF2_HMAC_SHA256,
        std::num::NonZeroU32::new(1000).unwrap(),
        &salt,
        b"2468",
        &mut hash,
    );
    settings["pin"] = serde_json::json!({"salt": salt, "hash": hash, "iterations": 1000});
    std::fs::write(&settings_file, serde_json::to_vec(&settings).unwrap()).unwrap();

    let kiosk = Kiosk::start_with(Options {
        data: Some(data),
        ..Options::default()
    })
    .await;
    kiosk.wait("[data-testid=attract-sign]").await;
    kiosk.operator_pin("2468").await;
    kiosk
        .wait("[data-testid=pin-error][data-code=pin_change_required]")
        .await;
    assert_eq!(
        kiosk.text("[data-testid=pin-error]").await,
        "This kiosk's PIN is too short. Choose a new one of 6 to 12 digits."
    );
    kiosk.screenshot("45-pin-too-short").await;
    kiosk.axe("new PIN").await;
    kiosk.fill("pin", "97531864").await;
    kiosk.fill("pin_again", "97531864").await;
    kiosk.click("[data-testid=pin-submit]").await;
    kiosk.wait("[data-testid=operator-totals]").await;
    kiosk.click("[data-testid=operator-close]").await;

    // Five wrong PINs: the keypad says how long it waits and takes no PIN meanwhile.
    kiosk.wait("[data-testid=attract-sign]").await;
    kiosk.click("[data-testid=operator-open]").await;
    for n in 1..=5 {
        kiosk.fill("pin", "111111").await;
        kiosk.click("[data-testid=pin-submit]").await;
        // The answer clears the field (the error before it may be the previous try's).
        kiosk
            .wait_js(
                "document.querySelector('[data-testid=pin-input]').value === ''",
                Duration::from_secs(10),
            )
            .await;
        let code = if n == 5 {
            "pin_locked_out"
        } else {
            "wrong_pin"
        };
        kiosk
            .wait(&format!("[data-testid=pin-error][data-code={code}]"))
            .await;
    }
    kiosk
        .wait("[data-testid=pin-error][data-code=pin_locked_out]")
        .await;
    assert_eq!(
        kiosk.text("[data-testid=pin-error]").await,
        "Too many wrong PINs. Try again in 1 min."
    );
    assert_eq!(
        kiosk
            .js("return document.querySelector('[data-testid=pin-submit]').disabled;")
            .await,
        true
    );
    kiosk.screenshot("46-pin-locked-out").await;
    let data = kiosk.stop().await;
    let tries: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.path().join("pin-tries.json")).unwrap())
            .unwrap();
    assert_eq!(tries["lockouts"], 1, "{tries}");
    let settings = placard_kiosk_core::Kiosk::open(data.path()).unwrap();
    assert!(settings.check_pin("97531864") && !settings.check_pin("2468"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn the_kiosk_lock_ignores_close_until_the_operator_unlocks() {
    let org = Organiser::new();
    // Set up once, then restart: a set-up kiosk starts locked.
    let first = Kiosk::start_with(Options {
        window_manager: true,
        ..Options::default()
    })
    .await;
    first.set_up(&org.recipient).await;
    let data = first.stop().await;
    let kiosk = Kiosk::start_with(Options {
        window_manager: true,
        data: Some(data),
        ..Options::default()
    })
    .await;
    kiosk.wait("[data-testid=attract-sign]").await;
    let display = kiosk.display();
    // Fullscreen: the window covers the whole 1280×800 screen.
    kiosk
        .wait_js(
            "window.innerWidth === 1280 && window.innerHeight === 800",
            Duration::from_secs(10),
        )
        .await;
    kiosk.screenshot("50-locked-fullscreen").await;

    // Alt+F4 and the window manager's close are ignored.
    organiser::x(&display, "xdotool", &["key", "alt+F4"]);
    organiser::x(&display, "wmctrl", &["-c", "Placard"]);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        kiosk.text("[data-testid=attract-sign]").await,
        "Sign the petition",
        "the locked kiosk closed"
    );

    // With the operator in, the window manager's close works.
    kiosk.operator_pin("246813").await;
    kiosk.wait("[data-testid=operator-panel]").await;
    organiser::x(&display, "wmctrl", &["-c", "Placard"]);
    let closed = harness::eventually(Duration::from_secs(5), || {
        !organiser::window_exists(&display, "Placard")
    })
    .await;
    assert!(closed, "the unlocked kiosk did not close");
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn first_run_creates_the_organiser_key_on_a_usb_stick() {
    let stick = tempfile::tempdir().expect("stick");
    let kiosk = Kiosk::start(None).await;
    kiosk.click("[data-testid=newkey-open]").await;
    kiosk
        .fill("folder", &stick.path().display().to_string())
        .await;
    kiosk.fill("passphrase", "too short").await;
    kiosk.fill("passphrase_again", "too short").await;
    kiosk.click("[data-testid=newkey-create]").await;
    assert_eq!(
        kiosk.text("[data-testid=setup-error]").await,
        "The passphrase must be at least 12 characters."
    );
    let pass = "rally organisers only, 2026";
    kiosk.fill("passphrase", pass).await;
    kiosk.fill("passphrase_again", pass).await;
    kiosk.screenshot("70-new-key").await;
    kiosk.axe("first run: new key").await;
    kiosk.click("[data-testid=newkey-create]").await;
    let done = kiosk.text("[data-testid=newkey-done]").await;
    assert!(done.contains("placard-organiser-key.age"), "{done}");
    let recipient = kiosk
        .js("return document.querySelector('[name=recipient]').value;")
        .await;
    let recipient = recipient.as_str().unwrap_or_default().to_owned();
    assert!(recipient.starts_with("age1"), "{recipient}");
    kiosk.screenshot("71-new-key-saved").await;
    kiosk.fill("pin", "246813").await;
    kiosk.fill("pin_again", "246813").await;
    kiosk.click("[data-testid=setup-next]").await;
    kiosk.click("[data-testid=setup-start]").await;
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Ada").await;
    kiosk.fill("email", "ada@example.org").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;

    // The key on the stick, with the passphrase, opens what was signed.
    let key = placard_vault::OrganiserKey::unlock(
        &stick.path().join("placard-organiser-key.age"),
        &placard_vault::SecretString::from(pass.to_owned()),
    )
    .expect("the new key opens with its passphrase");
    assert_eq!(key.recipient(), recipient);
    let records = placard_vault::Vault::open(&kiosk.data_dir().join("vault"))
        .and_then(|v| v.open_records(&key))
        .expect("open");
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0].as_ref().expect("record").email,
        "ada@example.org"
    );
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn the_operator_enrols_the_kiosk_and_signatures_sync_while_the_panel_watches() {
    // The organisation's collector (its crate's service on SQLite) on loopback.
    let db = tempfile::tempdir().expect("collector dir");
    let store = placard_collector::store::Store::open(&format!(
        "sqlite://{}",
        db.path().join("collector.db").display()
    ))
    .await
    .expect("collector store");
    let options = placard_collector::server::Options::default();
    let code = placard_collector::pairing::new_code(
        &store,
        &options.key,
        "rally kiosk",
        placard_collector::pairing::DEFAULT_VALID,
    )
    .await
    .expect("code")
    .to_string();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    let service = placard_collector::server::router_with(store.clone(), options);
    tokio::spawn(async move { axum::serve(listener, service).await });

    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;
    // Offline at first: a signature waits, sealed.
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Ada").await;
    kiosk.fill("email", "ada@example.org").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.click("[data-testid=thanks-done]").await;

    kiosk.operator_pin("246813").await;
    // The sync section appears once the panel's view has loaded.
    kiosk.wait("[data-testid=operator-sync]").await;
    let sync = |attr: &'static str| {
        format!("document.querySelector('[data-testid=operator-sync]')?.dataset.{attr}")
    };
    assert_eq!(
        kiosk.js(&format!("return {};", sync("configured"))).await,
        "false"
    );

    // A wrong code (the right nameplate, a wrong secret) is refused, in words a volunteer
    // can act on; it uses one of the code's three tries.
    kiosk.fill("collector", &address).await;
    let (nameplate, _) = code.split_once('-').expect("a pairing code");
    kiosk.fill("code", &format!("{nameplate}-aaaa-aaaa")).await;
    kiosk.click("[data-testid=sync-enrol]").await;
    let refused = kiosk.text("[data-testid=sync-error]").await;
    assert!(
        refused.starts_with("The collector did not accept this code. Check it and type it again")
            && refused.contains("does not match the collector's"),
        "{refused}"
    );
    kiosk.fill("code", &code).await;
    kiosk.click("[data-testid=sync-enrol]").await;
    kiosk
        .wait_js(
            &format!("{} === 'true'", sync("configured")),
            Duration::from_secs(10),
        )
        .await;
    // The loop sends what waited, and the panel hears it without being reloaded.
    kiosk
        .wait_js(
            &format!("{} === '1' && {} === '0'", sync("sent"), sync("pending")),
            Duration::from_secs(20),
        )
        .await;
    assert_eq!(store.stats().await.expect("stats").records, 1);
    assert!(
        kiosk
            .text("[data-testid=sync-status]")
            .await
            .starts_with("0 waiting, 1 sent"),
    );
    kiosk.screenshot("70-operator-sync").await;
    kiosk.axe("operator panel, syncing").await;

    // The next signature goes on "Sync now", with the panel open again later.
    kiosk.click("[data-testid=operator-close]").await;
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.fill("given_name", "Grace").await;
    kiosk.fill("email", "grace@example.org").await;
    kiosk.click("[data-testid=submit]").await;
    kiosk.click("[data-testid=thanks-done]").await;
    kiosk.operator_pin("246813").await;
    kiosk.click("[data-testid=sync-now]").await;
    kiosk
        .wait_js(
            &format!("{} === '2' && {} === '0'", sync("sent"), sync("pending")),
            Duration::from_secs(20),
        )
        .await;
    assert_eq!(store.stats().await.expect("stats").records, 2);
    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn a_kiosk_with_no_collector_sends_to_action_network_from_the_panel() {
    let stand_in = placard_fanout::stand_in::start(1000, false).await;
    let org = Organiser::new();
    let kiosk = Kiosk::start_with(Options {
        env: vec![("PLACARD_ACTION_NETWORK_URL", stand_in.base.clone())],
        ..Options::default()
    })
    .await;
    kiosk.set_up(&org.recipient).await;
    for (name, email) in [("Ada", "ada@example.org"), ("Grace", "grace@example.org")] {
        kiosk.click("[data-testid=attract-sign]").await;
        kiosk.fill("given_name", name).await;
        kiosk.fill("email", email).await;
        kiosk.click("[data-testid=submit]").await;
        kiosk.click("[data-testid=thanks-done]").await;
    }
    kiosk.operator_pin("246813").await;
    kiosk.wait("[data-testid=send-panel]").await;
    let key_file = org.key_file().display().to_string();
    kiosk.fill("key_file", &key_file).await;
    kiosk.fill("send_passphrase", "not the passphrase").await;
    kiosk
        .fill("send_token", placard_fanout::stand_in::TOKEN)
        .await;
    kiosk.click("[data-testid=send-start]").await;
    assert!(
        kiosk
            .text("[data-testid=send-error]")
            .await
            .starts_with("Wrong passphrase."),
    );
    // The passphrase and the key were not kept: typed again.
    assert_eq!(
        kiosk
            .js("return document.querySelector('[name=send_passphrase]').value;")
            .await,
        ""
    );
    kiosk.fill("send_passphrase", organiser::PASSPHRASE).await;
    kiosk
        .fill("send_token", placard_fanout::stand_in::TOKEN)
        .await;
    kiosk.click("[data-testid=send-start]").await;
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=send-summary]')?.textContent.trim() === '2 sent, 0 failed, 0 sent before.'",
            Duration::from_secs(30),
        )
        .await;
    // Each signature's outcome, told as it went: when it was signed, where, and "Sent" —
    // nothing of the signer. (Events and the command's answer travel separately: the last
    // event may come just after the summary.)
    kiosk
        .wait_js(
            "document.querySelectorAll('[data-testid=send-outcomes] li').length === 2",
            Duration::from_secs(10),
        )
        .await;
    let outcomes = kiosk
        .js(
            "return [...document.querySelectorAll('[data-testid=send-outcomes] li')]\
             .map(li => [li.dataset.outcome, li.querySelector('strong').textContent.trim(), \
                         li.querySelector('.petition').dataset.petition, \
                         li.querySelector('.petition').textContent.trim()]);",
        )
        .await;
    const TITLE: &str = "It's Time to Defend Encryption Worldwide";
    assert_eq!(
        outcomes,
        serde_json::json!([
            ["sent", "Sent", "defend-encryption-worldwide", TITLE],
            ["sent", "Sent", "defend-encryption-worldwide", TITLE]
        ])
    );
    assert_no_trace(&kiosk, &["ada@example.org", "grace@example.org", "Grace"]).await;
    {
        let b = stand_in.books.lock().expect("books");
        assert_eq!(b.signatures.len(), 2);
        // Both signed the start screen's first petition, found by listing: the stand-in's
        // `defend-encryption-worldwide` is `pet-58`.
        assert!(
            b.signatures.keys().all(|(p, _)| p == "pet-58"),
            "{:?}",
            b.signatures.keys()
        );
    }
    kiosk
        .js("document.querySelector('[data-testid=send-outcomes]').scrollIntoView({block: 'center'}); return 0;")
        .await;
    kiosk.screenshot("75-send-to-action-network").await;
    kiosk.axe("operator panel, sent to Action Network").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn wiping_the_kiosk_is_refused_until_a_sealed_copy_holds_what_is_unsent() {
    let org = Organiser::new();
    let kiosk = Kiosk::start(None).await;
    kiosk.set_up(&org.recipient).await;
    for (name, email) in [("Ada", "ada@example.org"), ("Grace", "grace@example.org")] {
        kiosk.click("[data-testid=attract-sign]").await;
        kiosk.fill("given_name", name).await;
        kiosk.fill("email", email).await;
        kiosk.click("[data-testid=submit]").await;
        kiosk.click("[data-testid=thanks-done]").await;
    }
    let data = kiosk.data_dir().to_owned();
    assert!(
        data.join("webview").is_dir(),
        "the webview keeps its data here"
    );
    kiosk.operator_pin("246813").await;
    assert!(
        kiosk
            .text("[data-testid=wipe-unsent]")
            .await
            .starts_with("2 signatures have not been sent yet."),
    );
    // Nothing saved: refused, and nothing is lost.
    kiosk.click("[data-testid=wipe-start]").await;
    kiosk.click("[data-testid=wipe-yes]").await;
    let refused = kiosk.wait("[data-testid=wipe-error]").await;
    assert_eq!(
        refused.attr("data-code").await.expect("code").as_deref(),
        Some("unsent_records")
    );
    assert_eq!(org.open(&data.join("vault")).len(), 2);

    // A sealed copy on the "USB stick", then the wipe goes ahead and the app quits.
    let stick = tempfile::tempdir().expect("stick");
    kiosk
        .fill("save_folder", &stick.path().display().to_string())
        .await;
    kiosk.click("[data-testid=save-start]").await;
    kiosk
        .wait("[data-testid=save-done][data-records='2']")
        .await;
    kiosk.click("[data-testid=wipe-start]").await;
    kiosk.click("[data-testid=wipe-yes]").await;
    assert_eq!(
        kiosk.text("[data-testid=wipe-done]").await,
        "Wiped 2 signatures. Placard closes now."
    );
    kiosk
        .js("document.querySelector('[data-testid=wipe-done]').scrollIntoView({block: 'center'}); return 0;")
        .await;
    kiosk.screenshot("78-wiped").await;
    let quit = harness::eventually(Duration::from_secs(10), || !kiosk.app_running()).await;
    assert!(quit, "the app is still running after the wipe");

    // Not a sealed byte of them in any file of the data folder, and no webview data.
    let bundle = std::fs::read_dir(stick.path())
        .expect("stick")
        .next()
        .expect("the saved copy")
        .expect("entry")
        .path();
    let held = placard_vault::read_sealed_tar(&std::fs::read(bundle).expect("bundle"))
        .expect("a sealed bundle");
    assert_eq!(held.rows.len(), 2);
    let samples: Vec<&[u8]> = held
        .rows
        .iter()
        .map(|r| &r.sealed[r.sealed.len() / 2..r.sealed.len() / 2 + 48])
        .collect();
    let mut dirs = vec![data.clone()];
    let mut scanned = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("data folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).expect("file");
            scanned += 1;
            for sample in &samples {
                assert!(
                    !bytes.windows(sample.len()).any(|w| w == *sample),
                    "a sealed signature is still in {}",
                    path.display()
                );
            }
        }
    }
    assert!(scanned > 0, "the vault and settings stay");
    assert!(!data.join("webview").exists(), "the webview's data stayed");
    let vault = placard_vault::Vault::open(&data.join("vault")).expect("vault");
    assert_eq!(vault.stats().expect("stats").total, 0);
    drop(vault);
    kiosk.stop().await;
}

/// No trace of a signer: none of `values` anywhere in the DOM or in any field's value.
async fn assert_no_trace(kiosk: &Kiosk, values: &[&str]) {
    let dom = kiosk.dom().await;
    for v in values {
        assert!(!dom.contains(v), "`{v}` is still in the page");
    }
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
