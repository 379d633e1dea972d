//! Touch-first signing: the on-screen keyboard, tapped key by key (pointer actions on its keys,
//! never `send_keys`), and clipboard mode, where an operator types paper sheets in by keyboard.

use std::time::Duration;

use crate::harness::{self, Kiosk, Options};
use crate::organiser::Organiser;

/// With a window manager: on bare X the window never has focus and WebKit sends no focus
/// events, and the keyboard opens on focus.
async fn kiosk_with_focus() -> Kiosk {
    Kiosk::start_with(Options {
        window_manager: true,
        ..Options::default()
    })
    .await
}

/// The operator panel, from the attract screen: `touchscreen` ticked or not, the kiosk lock
/// off (so the window can be resized), saved, closed.
pub(crate) async fn set_touchscreen(kiosk: &Kiosk, on: bool) {
    kiosk.operator_pin("246813").await;
    kiosk.wait("[data-testid=operator-save]").await;
    let set = |css: &str, want: bool| {
        format!(
            "const b = document.querySelector('{css}'); if (b.checked !== {want}) b.click(); return b.checked;"
        )
    };
    assert_eq!(kiosk.js(&set("[data-testid=touchscreen]", on)).await, on);
    assert_eq!(
        kiosk.js(&set("[data-testid=kiosk-lock]", false)).await,
        false
    );
    kiosk.click("[data-testid=operator-save]").await;
    kiosk.wait("[data-testid=operator-notice]").await;
    kiosk.click("[data-testid=operator-close]").await;
    kiosk.wait("[data-testid=attract-sign]").await;
}

async fn value(kiosk: &Kiosk, name: &str) -> String {
    kiosk
        .js(&format!(
            "return document.querySelector('[name={name}]').value;"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn expect_keyboard(kiosk: &Kiosk, kind: &str, locale: &str, field: &str) {
    let k = kiosk.keyboard().await;
    assert_eq!(k["kind"], kind, "{k}");
    assert_eq!(k["locale"], locale, "{k}");
    assert_eq!(k["field"], field, "{k}");
    assert_eq!(k["clear"], true, "the keyboard covers {field}: {k}");
}

/// Selects a country in the form's list (a `<select>`: the platform's own picker, not typing).
async fn choose_country(kiosk: &Kiosk, code: &str) {
    kiosk
        .wait("[name=country]")
        .await
        .select_by_value(code)
        .await
        .unwrap_or_else(|e| panic!("choose {code}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn signing_in_german_and_polish_by_tapping_the_on_screen_keys() {
    let org = Organiser::new();
    let kiosk = kiosk_with_focus().await;
    kiosk.set_up(&org.recipient).await;

    // Not a touchscreen (no coarse pointer here) and not set as one: a field focused by a
    // mouse opens no keyboard, as on a laptop with its own.
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.click("[name=given_name]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(kiosk.keyboard().await, serde_json::Value::Null);
    // A field a finger focuses does (WebKitGTK's driver has no touch pointer: the page gets
    // the `pointerdown` a finger makes, then the focus that follows it).
    kiosk
        .js("const f = document.querySelector('[name=family_name]');\
             f.dispatchEvent(new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true}));\
             f.focus();")
        .await;
    kiosk.wait("[data-testid=keyboard]").await;
    assert_eq!(kiosk.keyboard().await["field"], "family_name");
    kiosk.tap_key("done").await;
    kiosk.click("[data-testid=cancel]").await;
    kiosk.wait("[data-testid=attract-sign]").await;
    // A "touchscreen kiosk": every field opens it, in the operator's panel too (a web address
    // gets its own keys), with nothing serious for axe.
    set_touchscreen(&kiosk, true).await;
    kiosk.operator_pin("246813").await;
    kiosk.tap("[data-testid=sync-collector]").await;
    kiosk.wait("[data-testid=keyboard]").await;
    expect_keyboard(&kiosk, "url", "en", "collector").await;
    kiosk.tap_text("https://").await;
    assert_eq!(value(&kiosk, "collector").await, "https://");
    kiosk
        .axe("operator panel with the on-screen keyboard open")
        .await;
    kiosk.tap_key("done").await;
    kiosk.click("[data-testid=operator-close]").await;
    kiosk.wait("[data-testid=attract-sign]").await;

    // 1024×600, landscape and portrait: the keyboard never covers the field it types into.
    kiosk.click("[data-testid=lang-de]").await;
    kiosk.click("[data-testid=attract-sign]").await;
    for (w, h) in [(1024, 600), (600, 1024)] {
        kiosk.resize(w, h).await;
        // The first field tapped, the others reached by Next (a field below the keyboard is
        // under it until then: Next is how a finger gets there).
        kiosk.js("window.scrollTo(0, 0);").await;
        kiosk.tap("[name=given_name]").await;
        for (n, (field, kind)) in [
            ("given_name", "text"),
            ("family_name", "text"),
            ("email", "email"),
            ("postal_code", "numeric"),
        ]
        .into_iter()
        .enumerate()
        {
            if n > 0 {
                kiosk.tap_key("next").await;
            }
            kiosk
                .wait_js(
                    &format!("document.querySelector('[data-testid=keyboard]')?.dataset.kind === '{kind}'"),
                    Duration::from_secs(5),
                )
                .await;
            tokio::time::sleep(Duration::from_millis(100)).await;
            expect_keyboard(&kiosk, kind, "de", field).await;
        }
        // The keys stay at least 44 px each way, to be hit by a finger.
        let smallest = kiosk
            .js("return Math.min(...[...document.querySelectorAll('[data-testid=keyboard] button')]\
                 .map(b => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)));")
            .await;
        assert!(
            smallest.as_f64().unwrap_or(0.0) >= 44.0,
            "{w}×{h}: a key is {smallest} px"
        );
        kiosk.screenshot(&format!("70-keyboard-{w}x{h}")).await;
    }
    kiosk.resize(1280, 800).await;

    // German, tapped: the first letter of a name is a capital by itself; ü and ß are keys.
    kiosk.tap("[name=given_name]").await;
    kiosk.wait("[data-testid=keyboard]").await;
    expect_keyboard(&kiosk, "text", "de", "given_name").await;
    assert_eq!(kiosk.keyboard().await["shift"], "once");
    for row in ["qwertzuiopü", "asdfghjklöä", "yxcvbnmß"] {
        let keys = kiosk
            .js(&format!(
                "return [...'{row}'].every(c => document.querySelector(`[data-testid=keyboard] [data-key='${{c}}']`));"
            ))
            .await;
        assert_eq!(keys, true, "QWERTZ row {row}");
    }
    kiosk.axe("form with the on-screen keyboard open").await;
    // The layout follows the language, while the keyboard is open: each language's letters
    // have keys of their own (on its rows or the accent row above them).
    for (lang, letters, first_row) in [
        ("fr", "éèêçàù", "azertyuiop"),
        ("es", "ñáéíóú", "qwertyuiop"),
        ("ca", "çàèéíïòóú·", "qwertyuiop"),
        ("pl", "łąęśżźćńó", "qwertyuiop"),
        ("pt-BR", "ãõçáâêô", "qwertyuiop"),
        ("nl", "éëïöü", "qwertyuiop"),
        ("fy-NL", "âêôûú", "qwertyuiop"),
        ("sw", "", "qwertyuiop"),
        ("en", "", "qwertyuiop"),
        ("de", "ßäöü", "qwertzuiopü"),
    ] {
        kiosk.tap(&format!("[data-testid=lang-{lang}]")).await;
        kiosk
            .wait_js(
                &format!(
                    "document.querySelector('[data-testid=keyboard]')?.dataset.locale === '{lang}'"
                ),
                Duration::from_secs(5),
            )
            .await;
        let row = kiosk
            .js("return [...document.querySelectorAll('[data-testid=keyboard] .row')[1].children].map(b => b.dataset.key).join('');")
            .await;
        assert_eq!(row, first_row, "{lang}");
        let missing = kiosk
            .js(&format!(
                "return [...'{letters}'].filter(c => !document.querySelector(`[data-testid=keyboard] [data-key='${{c}}']`)).join('');"
            ))
            .await;
        assert_eq!(missing, "", "{lang}: no key for these letters");
    }
    assert_eq!(
        kiosk.keyboard().await["field"],
        "given_name",
        "the field kept the focus"
    );
    // Shift, tapped again, holds (caps); a third time lets go; emptied, the field shifts by
    // itself again.
    kiosk.tap_key("shift").await;
    assert_eq!(kiosk.keyboard().await["shift"], "caps");
    for key in ["a", "b"] {
        kiosk.tap_key(key).await;
    }
    kiosk.tap_key("shift").await;
    kiosk.tap_key("c").await;
    assert_eq!(value(&kiosk, "given_name").await, "ABc");
    for _ in 0..3 {
        kiosk.tap_key("backspace").await;
    }
    assert_eq!(value(&kiosk, "given_name").await, "");
    assert_eq!(kiosk.keyboard().await["shift"], "once");
    let mut taps = kiosk.tap_text("Jürgen").await;
    kiosk.tap_key("next").await;
    expect_keyboard(&kiosk, "text", "de", "family_name").await;
    taps += kiosk.tap_text("Weiß").await;
    // A wrong key, taken back.
    taps += kiosk.tap_text("x").await;
    kiosk.tap_key("backspace").await;
    kiosk.tap_key("next").await;
    expect_keyboard(&kiosk, "email", "de", "email").await;
    for key in ["j", "w", "@", "g", "m", "i", "a", "l", ".com"] {
        kiosk.tap_key(key).await;
    }
    assert_eq!(value(&kiosk, "email").await, "jw@gmial.com");
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=email-suggestion]')?.textContent.includes('jw@gmail.com')",
            Duration::from_secs(5),
        )
        .await;
    kiosk.tap("[data-testid=email-suggestion]").await;
    assert_eq!(value(&kiosk, "email").await, "jw@gmail.com");
    // Taken, the address keeps the focus (and the keyboard): Next goes on.
    expect_keyboard(&kiosk, "email", "de", "email").await;
    kiosk.tap_key("next").await;
    expect_keyboard(&kiosk, "numeric", "de", "postal_code").await;
    taps += kiosk.tap_text("10115").await;
    kiosk.tap_key("done").await;
    assert_eq!(
        kiosk.keyboard().await,
        serde_json::Value::Null,
        "Done closes it"
    );
    assert_eq!(
        (
            value(&kiosk, "given_name").await,
            value(&kiosk, "family_name").await,
            value(&kiosk, "postal_code").await
        ),
        ("Jürgen".into(), "Weiß".into(), "10115".into())
    );
    choose_country(&kiosk, "DE").await;
    kiosk.tap("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    // No keyboard on the thank-you screen, and nothing typed left anywhere.
    assert_eq!(kiosk.keyboard().await, serde_json::Value::Null);
    crate::assert_no_trace(&kiosk, &["Jürgen", "Weiß", "jw@gm", "10115"]).await;
    kiosk.click("[data-testid=thanks-done]").await;
    kiosk.wait("[data-testid=attract-sign]").await;
    assert_eq!(
        kiosk.keyboard().await,
        serde_json::Value::Null,
        "none on the attract screen"
    );

    // Polish: its letters on the accent row; an address at a Polish provider, misspelt.
    kiosk.click("[data-testid=lang-pl]").await;
    kiosk.click("[data-testid=attract-sign]").await;
    kiosk.tap("[name=given_name]").await;
    kiosk.wait("[data-testid=keyboard]").await;
    expect_keyboard(&kiosk, "text", "pl", "given_name").await;
    taps += kiosk.tap_text("Łucja").await;
    kiosk.tap_key("next").await;
    taps += kiosk.tap_text("Wałęsa").await;
    kiosk.tap_key("next").await;
    expect_keyboard(&kiosk, "email", "pl", "email").await;
    for key in ["l", "w", "@", "w", "p", ".pl", "l"] {
        kiosk.tap_key(key).await;
    }
    assert_eq!(value(&kiosk, "email").await, "lw@wp.pll");
    kiosk
        .wait_js(
            "document.querySelector('[data-testid=email-suggestion]')?.textContent.includes('lw@wp.pl?')",
            Duration::from_secs(5),
        )
        .await;
    kiosk.tap("[data-testid=email-suggestion]").await;
    kiosk.tap_key("next").await;
    taps += kiosk.tap_text("00-950").await;
    kiosk.tap_key("next").await;
    assert_eq!(
        kiosk.keyboard().await,
        serde_json::Value::Null,
        "the country list is no text field"
    );
    choose_country(&kiosk, "PL").await;
    kiosk.tap("[name=subscribe]").await;
    kiosk.tap("[data-testid=submit]").await;
    kiosk.wait("[data-testid=thank-you]").await;
    println!("signed twice by touch: {taps} character taps");

    // The vault holds exactly what was tapped.
    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 2);
    let r = &records[0];
    assert_eq!(
        (
            r.given_name.as_str(),
            r.family_name.as_str(),
            r.email.as_str(),
            r.postal_code.as_str(),
            r.country.as_str(),
            r.locale.as_str(),
            r.subscribe,
        ),
        ("Jürgen", "Weiß", "jw@gmail.com", "10115", "DE", "de", false)
    );
    let r = &records[1];
    assert_eq!(
        (
            r.given_name.as_str(),
            r.family_name.as_str(),
            r.email.as_str(),
            r.postal_code.as_str(),
            r.country.as_str(),
            r.locale.as_str(),
            r.subscribe,
        ),
        ("Łucja", "Wałęsa", "lw@wp.pl", "00-950", "PL", "pl", true)
    );
    kiosk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(feature = "custom-protocol"),
    ignore = "needs --features custom-protocol"
)]
async fn clipboard_mode_takes_twenty_paper_sheets_by_keyboard_alone() {
    let org = Organiser::new();
    let kiosk = kiosk_with_focus().await;
    kiosk.set_up(&org.recipient).await;
    kiosk.operator_pin("246813").await;
    kiosk.fill("event_name", "Rally").await;
    kiosk.click("[data-testid=operator-save]").await;
    kiosk.wait("[data-testid=operator-notice]").await;
    kiosk.click("[data-testid=paper-start]").await;
    kiosk.wait("[data-testid=paper-mode]").await;
    assert_eq!(
        kiosk.text("[data-testid=paper-count]").await,
        "No sheets typed in yet."
    );
    kiosk.click("[name=given_name]").await;

    // Keys only: Enter moves on, field after field, box, Sign; the form clears for the next.
    use harness::ENTER;
    for i in 0..20_usize {
        let ticked = i.is_multiple_of(3);
        let focused = kiosk.js("return document.activeElement?.name ?? '';").await;
        assert_eq!(focused, "given_name", "sheet {i} starts on the first field");
        kiosk.type_text(&format!("Sheet{i}")).await;
        kiosk.keys(&[ENTER]).await;
        kiosk.type_text("Paper").await;
        kiosk.keys(&[ENTER]).await;
        kiosk.type_text(&format!("sheet{i}@example.org")).await;
        kiosk.keys(&[ENTER]).await;
        kiosk.type_text(&format!("{}", 10100 + i)).await;
        kiosk.keys(&[ENTER, ENTER]).await; // postal code, then past the country list
        let on = kiosk.js("return document.activeElement?.name ?? '';").await;
        assert_eq!(on, "subscribe", "sheet {i}: Enter walks to the updates box");
        assert_eq!(
            kiosk.js("return document.activeElement.checked;").await,
            false,
            "sheet {i}: the box starts unticked, whatever the last sheet said"
        );
        if ticked {
            kiosk.keys(&[' ']).await;
        }
        kiosk.keys(&[ENTER, ENTER]).await; // to Sign, and sign
        kiosk
            .wait_js(
                &format!(
                    "document.querySelector('[data-testid=paper-count]')?.dataset.count === '{}'",
                    i + 1
                ),
                Duration::from_secs(10),
            )
            .await;
    }
    assert_eq!(
        kiosk.text("[data-testid=paper-count]").await,
        "20 sheets typed in and sealed."
    );
    assert_eq!(value(&kiosk, "given_name").await, "", "the form cleared");
    kiosk.screenshot("75-clipboard-mode").await;
    kiosk.axe("clipboard mode").await;

    // Leaving returns to the locked kiosk: the panel asks for the PIN again.
    kiosk.click("[data-testid=cancel]").await;
    kiosk.wait("[data-testid=attract-sign]").await;
    kiosk.click("[data-testid=operator-open]").await;
    kiosk.wait("[name=pin]").await;

    let records = org.open(&kiosk.data_dir().join("vault"));
    assert_eq!(records.len(), 20, "every sheet sealed");
    for r in &records {
        let i: usize = r.given_name["Sheet".len()..]
            .parse()
            .expect("a sheet's number");
        assert_eq!(r.family_name, "Paper");
        assert_eq!(r.email, format!("sheet{i}@example.org"));
        assert_eq!(r.postal_code, format!("{}", 10100 + i));
        assert_eq!(r.event.source, "paper");
        assert_eq!(r.event.name, "Rally");
        assert_eq!(
            r.subscribe,
            i.is_multiple_of(3),
            "sheet {i}: opt-in as its box said"
        );
    }
    kiosk.stop().await;
}
