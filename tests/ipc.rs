//! The app's commands over real IPC on the mock runtime, with the real config and capabilities.

use std::path::{Path, PathBuf};

use placard_kiosk::Places;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn demo_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/demo")
}

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    data: tempfile::TempDir,
}

impl std::ops::Deref for TestApp {
    type Target = WebviewWindow<MockRuntime>;
    fn deref(&self) -> &Self::Target {
        &self.window
    }
}

/// The app on the mock runtime, with a fresh (not yet set up) kiosk data dir, showing the pack
/// in `pack`.
fn app(pack: PathBuf) -> TestApp {
    app_with(pack, "https://action-network.invalid/api/v2/".into())
}

/// As [`app`], with Action Network's API at `action_network`. The kiosk is registered as
/// `run()` registers it (`placard_kiosk::manage`).
fn app_with(pack: PathBuf, action_network: String) -> TestApp {
    app_in(pack, action_network, tempfile::tempdir().expect("data dir"))
}

/// As [`app_with`], on the data folder `data` (a second app instance on the same kiosk).
fn app_in(pack: PathBuf, action_network: String, data: tempfile::TempDir) -> TestApp {
    let places = Places {
        pack_dir: Some(demo_pack()),
        data_dir: data.path().to_owned(),
        action_network,
    };
    let app = placard_kiosk::build(mock_builder())
        .build(placard_kiosk::context())
        .expect("app builds");
    placard_kiosk::manage(app.handle(), places, Some(pack));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window builds");
    TestApp {
        _app: app,
        window,
        data,
    }
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.into(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json body"))
}

#[test]
fn the_attract_screen_shows_the_demo_petitions_in_turn() {
    let w = app(demo_pack());
    let titles: Vec<Value> = (0..3)
        .map(|i| invoke(&w, "attract_view", json!({"index": i, "lang": null})).expect("ok"))
        .map(|v| v["shown"]["title"].clone())
        .collect();
    assert_eq!(
        titles,
        [
            json!("It's Time to Defend Encryption Worldwide"),
            json!("Encryption is not a crime!"),
            json!("It's Time to Defend Encryption Worldwide"),
        ]
    );
}

#[test]
fn get_petition_returns_rendered_body_with_pack_images() {
    let w = app(demo_pack());
    let p = invoke(
        &w,
        "get_petition",
        json!({"id": "encryption-is-not-a-crime"}),
    )
    .expect("ok");
    assert_eq!(p["title"], "Encryption is not a crime!");
    assert_eq!(p["action_text"], "Stand with WhatsApp");
    assert_eq!(
        p["petition_copy"],
        "I support services that use end-to-end encryption and oppose government attempts to block them."
    );
    let body = p["body_html"].as_str().unwrap();
    assert!(body.contains("WhatsApp was blocked in Brazil"), "{body}");
    assert!(
        body.contains(r#"<img src="pack://localhost/img/action-network/2016-05-05_12-51-51.jpg""#),
        "{body}"
    );
    assert_eq!(p["lang"], Value::Null);
}

#[test]
fn unknown_petition_is_a_typed_error() {
    let w = app(demo_pack());
    let e = invoke(&w, "get_petition", json!({"id": "nope"})).expect_err("must fail");
    assert_eq!(e["code"], "petition_not_found");
    assert!(e["message"].as_str().unwrap().contains("nope"));
}

#[test]
fn missing_pack_is_a_typed_error_not_a_crash() {
    let w = app(PathBuf::from("/nonexistent/placard-pack"));
    for (cmd, args) in [
        ("attract_view", json!({"index": 0, "lang": null})),
        ("pack_info", json!({})),
    ] {
        let e = invoke(&w, cmd, args).expect_err("must fail");
        assert_eq!(e["code"], "pack_unavailable", "{cmd}: {e}");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("/nonexistent/placard-pack"),
            "{e}"
        );
    }
}

#[test]
fn pack_info_lists_files_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), "---\ntitle: Good\n---\nbody").unwrap();
    std::fs::write(
        dir.path().join("bad.md"),
        "---\ntitle: Bad\nopt_in: [\n---\n",
    )
    .unwrap();
    let w = app(dir.path().to_owned());
    let info = invoke(&w, "pack_info", json!({})).expect("ok");
    assert_eq!(info["loaded"], 1);
    assert_eq!(info["failures"].as_array().unwrap().len(), 1);
    assert!(
        info["failures"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("bad.md")
    );
    assert_eq!(info["failures"][0]["line"], 4);
}

#[test]
fn translations_are_served_by_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.md"),
        "---\ntitle: Defend encryption\n---\nEnglish",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p.sw.md"),
        "---\ntitle: Tetea usimbaji fiche\n---\nKiswahili",
    )
    .unwrap();
    let w = app(dir.path().to_owned());
    let sw = invoke(&w, "get_petition", json!({"id": "p", "lang": "sw"})).expect("ok");
    assert_eq!(sw["title"], "Tetea usimbaji fiche");
    assert_eq!(sw["lang"], "sw");
    assert_eq!(sw["languages"], json!(["sw"]));
    let de = invoke(&w, "get_petition", json!({"id": "p", "lang": "de"})).expect("ok");
    assert_eq!(de["title"], "Defend encryption");
    assert_eq!(de["lang"], Value::Null);
}

/// The capability grants the app's own commands and nothing else: core plugins such as the
/// window API are unreachable from the kiosk's webview.
#[test]
fn core_plugin_commands_are_denied() {
    let w = app(demo_pack());
    for cmd in [
        "plugin:window|close",
        "plugin:webview|internal_toggle_devtools",
        "plugin:app|version",
    ] {
        let e = invoke(&w, cmd, json!({"label": "main"})).expect_err(cmd);
        let msg = e.as_str().unwrap_or_default();
        assert!(msg.contains("not allowed"), "{cmd}: {e}");
    }
}

const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

#[test]
fn first_run_setup_then_signing_counts_up() {
    let w = app(demo_pack());
    assert_eq!(
        invoke(&w, "kiosk_status", json!({})).unwrap()["set_up"],
        false
    );
    // The demo's "Encryption is not a crime!" asks signers to confirm its privacy notice.
    let signer = json!({"given_name": "Ada", "family_name": "Lovelace", "email": "ada@example.org", "consent": true});
    let e = invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "encryption-is-not-a-crime", "signer": signer}),
    )
    .expect_err("not set up");
    assert_eq!(e["code"], "not_set_up");

    let e = invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": "age1nope", "pin": "246813"}),
    )
    .expect_err("bad key");
    assert_eq!(e["code"], "bad_recipient");
    let e = invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": RECIPIENT, "pin": "12"}),
    )
    .expect_err("weak pin");
    assert_eq!(e["code"], "weak_pin");
    invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": RECIPIENT, "pin": "246813"}),
    )
    .expect("set up");
    let status = invoke(&w, "kiosk_status", json!({})).unwrap();
    assert_eq!(status["set_up"], true);
    // No petition chosen yet: the attract screen rotates through the published ones.
    assert_eq!(
        status["active"],
        json!(placard_petition::demo::PETITION_IDS)
    );
    assert_eq!(status["locked"], true);
    // The form's idle-time hook is granted (the UI ignores its errors, so check it here).
    invoke(&w, "prepare_signing", json!({})).expect("prepare_signing allowed");

    let receipt = invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "encryption-is-not-a-crime", "signer": signer}),
    )
    .expect("signed");
    assert_eq!(receipt, json!({"count": 1}));
    // The attract screen: the second active petition (the FFTF one) and its count.
    let attract = invoke(&w, "attract_view", json!({"index": 1, "lang": "en"})).unwrap();
    assert_eq!(attract["status"]["set_up"], true);
    let shown = &attract["shown"];
    assert_eq!(shown["id"], "encryption-is-not-a-crime");
    assert_eq!(shown["count"], 1);
    assert_eq!(
        (shown["position"].as_u64(), shown["of"].as_u64()),
        (Some(1), Some(2))
    );
    // The index wraps; a translation is used when the pack has one.
    let attract = invoke(&w, "attract_view", json!({"index": 2, "lang": "sw"})).unwrap();
    assert_eq!(attract["shown"]["id"], "defend-encryption-worldwide");
    assert_eq!(attract["shown"]["lang"], "sw");
    assert_eq!(attract["shown"]["count"], 0);
    // The vault really holds it, sealed.
    let vault = placard_vault::Vault::open(&w.data.path().join("vault")).expect("vault");
    assert_eq!(vault.stats().expect("stats").total, 1);
    assert_eq!(vault.recipient(), RECIPIENT);
}

#[test]
fn rejected_signatures_say_which_fields_and_store_nothing() {
    let w = app(demo_pack());
    invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": RECIPIENT, "pin": "246813"}),
    )
    .expect("set up");
    let e = invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "encryption-is-not-a-crime", "signer": {"given_name": "", "email": "nope"}}),
    )
    .expect_err("invalid");
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(
        e["fields"],
        json!([
            {"field": "given_name", "code": "required"},
            {"field": "email", "code": "invalid_email"},
            {"field": "consent", "code": "consent_missing"}
        ])
    );
    let attract = invoke(&w, "attract_view", json!({"index": 1, "lang": null})).unwrap();
    assert_eq!(attract["shown"]["count"], 0);
    let e = invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "nope", "signer": {}}),
    )
    .expect_err("no petition");
    assert_eq!(e["code"], "petition_not_found");
}

/// The form shows the privacy notice of the language it is in and, where the petition asks,
/// a required box; each record's consent receipt names the notice the signer saw by its hash.
#[test]
fn consent_is_asked_where_the_petition_says_and_its_receipt_names_the_notice_shown() {
    let w = app(demo_pack());
    let key = placard_vault::OrganiserKey::generate();
    invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": key.recipient(), "pin": "246813"}),
    )
    .expect("set up");
    let notice = |name: &str| {
        placard_petition::notice::digest(
            &std::fs::read_to_string(demo_pack().join(name)).expect("notice"),
        )
    };
    let page = invoke(
        &w,
        "get_petition",
        json!({"id": "encryption-is-not-a-crime", "lang": "en"}),
    )
    .unwrap();
    assert_eq!(page["form"]["consent_required"], true);
    assert!(
        page["privacy_html"]
            .as_str()
            .unwrap()
            .contains("<h2>How we use your data</h2>")
    );
    let page = invoke(
        &w,
        "get_petition",
        json!({"id": "defend-encryption-worldwide", "lang": "sw"}),
    )
    .unwrap();
    assert_eq!(page["form"]["consent_required"], false);
    assert!(
        page["privacy_html"]
            .as_str()
            .unwrap()
            .contains("Jinsi tunavyotumia data yako")
    );

    let signer = |consent: Option<bool>, locale: &str| {
        let mut s = json!({"given_name": "Ada", "email": "ada@example.org", "locale": locale, "subscribe": true});
        if let Some(c) = consent {
            s["consent"] = json!(c);
        }
        s
    };
    let e = invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "encryption-is-not-a-crime", "signer": signer(Some(false), "en")}),
    )
    .expect_err("no consent");
    assert_eq!(
        e["fields"],
        json!([{"field": "consent", "code": "consent_missing"}])
    );
    invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "encryption-is-not-a-crime", "signer": signer(Some(true), "en")}),
    )
    .expect("signed with consent");
    invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "defend-encryption-worldwide", "signer": signer(None, "sw")}),
    )
    .expect("signed, no box asked");

    let vault = placard_vault::Vault::open(&w.data.path().join("vault")).expect("vault");
    let mut records: Vec<_> = vault
        .open_records(&key)
        .expect("records")
        .into_iter()
        .map(|r| r.expect("opens"))
        .collect();
    records.sort_by(|a, b| a.petition_id.cmp(&b.petition_id));
    let (worldwide, not_a_crime) = (&records[0].consent, &records[1].consent);
    assert_eq!(
        not_a_crime.notice_sha256.as_deref(),
        Some(notice("privacy.md").as_str())
    );
    assert_eq!(not_a_crime.notice_lang, None);
    // `opt_in: true`: no updates box was shown.
    assert_eq!(
        (not_a_crime.consent_box, not_a_crime.updates_box),
        (Some(true), None)
    );
    assert_eq!(
        worldwide.notice_sha256.as_deref(),
        Some(notice("privacy.sw.md").as_str())
    );
    assert_eq!(worldwide.notice_lang.as_deref(), Some("sw"));
    assert_eq!(
        (worldwide.consent_box, worldwide.updates_box),
        (None, Some(true))
    );
    assert!(!worldwide.at.is_empty());
}

fn set_up(w: &TestApp) {
    invoke(
        w,
        "setup_kiosk",
        json!({"recipient": RECIPIENT, "pin": "246813"}),
    )
    .expect("set up");
}

#[test]
fn the_operator_panel_opens_only_with_the_pin() {
    let w = app(demo_pack());
    set_up(&w);
    invoke(&w, "operator_lock", json!({})).expect("end the set-up's session");
    for cmd in ["operator_view", "operator_exit"] {
        let e = invoke(&w, cmd, json!({})).expect_err("locked");
        assert_eq!(e["code"], "operator_only", "{cmd}");
    }
    // Clipboard mode's entries are the operator's: a page calling it without the PIN stores
    // nothing (a record with the source `paper` from the signer's screen would be a forgery).
    let sheet = json!({"petitionId": "defend-encryption-worldwide",
                       "signer": {"given_name": "Ada", "email": "ada@example.org", "locale": "en"}});
    let e = invoke(&w, "operator_sign_paper", sheet.clone()).expect_err("locked");
    assert_eq!(e["code"], "operator_only");
    let e = invoke(&w, "operator_unlock", json!({"pin": "135791"})).expect_err("wrong");
    assert_eq!(e["code"], "wrong_pin");
    invoke(&w, "operator_unlock", json!({"pin": "246813"})).expect("right PIN");

    let view = invoke(&w, "operator_view", json!({})).expect("view");
    assert_eq!(view["total"], 0, "the refused sheet stored nothing");
    assert_eq!(view["last_hours"].as_array().unwrap().len(), 12);
    assert_eq!(view["sync"]["configured"], false);
    assert_eq!(view["petitions"].as_array().unwrap().len(), 2);

    // Choose one petition, name the event, lift the kiosk lock.
    let mut config = view["config"].clone();
    config["active"] = json!(["defend-encryption-worldwide"]);
    config["event_name"] = json!("RightsCon");
    config["event_tags"] = json!(["rightscon", " rightscon "]);
    config["locked"] = json!(false);
    let status = invoke(&w, "operator_configure", json!({"config": config})).expect("saved");
    assert_eq!(status["active"], json!(["defend-encryption-worldwide"]));
    assert_eq!(status["locked"], false);
    let view = invoke(&w, "operator_view", json!({})).unwrap();
    assert_eq!(view["config"]["event_tags"], json!(["rightscon"]));
    // With the PIN, the sheet is sealed and counted.
    let receipt = invoke(&w, "operator_sign_paper", sheet).expect("sealed");
    assert_eq!(receipt["count"], 1);

    // A typo in a petition id or a silly timer is refused with its reason; nothing changes.
    let mut bad = view["config"].clone();
    bad["active"] = json!(["no-such-petition"]);
    let e = invoke(&w, "operator_configure", json!({"config": bad})).expect_err("typo");
    assert_eq!(e["code"], "bad_setting");
    assert!(e["message"].as_str().unwrap().contains("no-such-petition"));
    assert_eq!(
        invoke(&w, "kiosk_status", json!({})).unwrap()["active"],
        json!(["defend-encryption-worldwide"])
    );

    // A signature now carries the event; the panel counts it per petition and per hour.
    let signer = json!({"given_name": "Ada", "email": "ada@example.org"});
    invoke(
        &w,
        "sign_petition",
        json!({"petitionId": "defend-encryption-worldwide", "signer": signer}),
    )
    .expect("signed");
    let view = invoke(&w, "operator_view", json!({})).unwrap();
    assert_eq!(view["total"], 2, "the paper sheet and the signature");
    assert_eq!(view["pending"], 2);
    assert_eq!(view["last_hours"][11]["count"], 2);

    invoke(&w, "operator_lock", json!({})).expect("lock");
    let e = invoke(&w, "operator_view", json!({})).expect_err("locked again");
    assert_eq!(e["code"], "operator_only");
}

#[test]
fn wrong_pins_lock_the_keypad_across_a_restart_for_longer_each_time() {
    let w = app(demo_pack());
    set_up(&w);
    invoke(&w, "operator_lock", json!({})).unwrap();
    let wrong_round = |w: &TestApp| {
        for n in 1..=5 {
            let e = invoke(w, "operator_unlock", json!({"pin": "135791"})).expect_err("wrong");
            let shut = if n == 5 {
                "pin_locked_out"
            } else {
                "wrong_pin"
            };
            assert_eq!(e["code"], shut, "try {n}");
        }
    };
    let locked_for = |w: &TestApp| {
        let e = invoke(w, "operator_unlock", json!({"pin": "246813"})).expect_err("locked");
        assert_eq!(e["code"], "pin_locked_out", "{e}");
        e["retry_after_seconds"].as_u64().unwrap()
    };
    wrong_round(&w);
    assert!((55..=60).contains(&locked_for(&w)));

    // Another instance of the app on the same data folder (a restart) is locked out too.
    let TestApp { _app, window, data } = w;
    drop((window, _app));
    let w = app_in(demo_pack(), "https://action-network.invalid/".into(), data);
    let left = locked_for(&w);
    assert!((50..=60).contains(&left), "{left}");

    // The minute passes (the saved deadline moved back, as no test sleeps): the keypad takes
    // PINs again, and the next round of wrong ones earns two minutes.
    let tries = w.data.path().join("pin-tries.json");
    let mut saved: Value = serde_json::from_slice(&std::fs::read(&tries).unwrap()).unwrap();
    saved["locked_until"] = json!(saved["locked_until"].as_u64().unwrap() - 61);
    std::fs::write(&tries, serde_json::to_vec(&saved).unwrap()).unwrap();
    let w = {
        let TestApp { _app, window, data } = w;
        drop((window, _app));
        app_in(demo_pack(), "https://action-network.invalid/".into(), data)
    };
    wrong_round(&w);
    let left = locked_for(&w);
    assert!(
        (61..=120).contains(&left),
        "the second wait is longer: {left}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&tries).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn the_operator_saves_a_sealed_copy_to_a_usb_stick() {
    let w = app(demo_pack());
    set_up(&w);
    for email in ["ada@example.org", "grace@example.org"] {
        invoke(
            &w,
            "sign_petition",
            json!({"petitionId": "encryption-is-not-a-crime",
                   "signer": {"given_name": "Ada", "email": email, "consent": true}}),
        )
        .expect("signed");
    }
    let stick = tempfile::tempdir().expect("stick");
    let folder = stick.path().display().to_string();
    let saved = invoke(&w, "operator_save_sealed", json!({"folder": folder})).expect("saved");
    assert_eq!(saved["records"], 2);
    let file = saved["file"].as_str().expect("file");
    assert!(Path::new(file).starts_with(stick.path()), "{file}");
    let bundle =
        placard_vault::read_sealed_tar(&std::fs::read(file).expect("read")).expect("a bundle");
    assert_eq!(bundle.rows.len(), 2);
    assert_eq!(bundle.recipient, RECIPIENT);
    // Saved again: a second file, the first untouched.
    let again = invoke(&w, "operator_save_sealed", json!({"folder": folder})).expect("again");
    assert_ne!(again["file"], saved["file"]);
    invoke(&w, "operator_lock", json!({})).unwrap();
    let e = invoke(&w, "operator_save_sealed", json!({"folder": folder})).expect_err("locked");
    assert_eq!(e["code"], "operator_only");
}

#[test]
fn a_new_pin_needs_the_old_one_and_six_digits() {
    let w = app(demo_pack());
    let e = invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": RECIPIENT, "pin": "2468"}),
    )
    .expect_err("four digits");
    assert_eq!(e["code"], "weak_pin");
    set_up(&w);
    invoke(&w, "operator_lock", json!({})).unwrap();
    let e = invoke(&w, "operator_set_pin", json!({"pin": "97531864"})).expect_err("no PIN");
    assert_eq!(e["code"], "operator_only");
    let opened = invoke(&w, "operator_unlock", json!({"pin": "246813"})).unwrap();
    assert_eq!(opened["change_pin"], false);
    let e = invoke(&w, "operator_set_pin", json!({"pin": "1234"})).expect_err("short");
    assert_eq!(e["code"], "weak_pin");
    invoke(&w, "operator_set_pin", json!({"pin": "97531864"})).expect("changed");
    invoke(&w, "operator_lock", json!({})).unwrap();
    let e = invoke(&w, "operator_unlock", json!({"pin": "246813"})).expect_err("old PIN");
    assert_eq!(e["code"], "wrong_pin");
    invoke(&w, "operator_unlock", json!({"pin": "97531864"})).expect("new PIN");
}

#[test]
fn the_form_offers_real_countries_and_the_thanks_a_qr_code() {
    let w = app(demo_pack());
    let p = invoke(
        &w,
        "get_petition",
        json!({"id": "encryption-is-not-a-crime"}),
    )
    .unwrap();
    let countries = p["form"]["countries"].as_array().unwrap();
    assert!(countries.contains(&json!("KE")) && !countries.contains(&json!("ZZ")));
    assert_eq!(p["form"]["default_country"], "US");
    let share = &p["share"];
    assert_eq!(
        share["url"],
        "https://actionnetwork.org/petitions/encryption-is-not-a-crime"
    );
    assert!(share["size"].as_u64().unwrap() >= 21);
    assert!(share["path"].as_str().unwrap().starts_with("M0 0h1v1h-1z"));
}

#[test]
fn a_petition_with_no_page_online_has_no_qr_code() {
    let w = app(demo_pack());
    let p = invoke(
        &w,
        "get_petition",
        json!({"id": "defend-encryption-worldwide"}),
    )
    .unwrap();
    assert_eq!(p["share"], Value::Null);
}

#[test]
fn the_operator_switches_packs_and_the_choice_is_checked() {
    let w = app(demo_pack());
    set_up(&w);
    // Set-up leaves the organiser in the operator panel, to pick the pack.
    let view = invoke(&w, "operator_view", json!({})).expect("open after set-up");
    let ids: Vec<&str> = view["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["demo", "configured"]);
    assert_eq!(view["config"]["pack"], "configured");

    // A pack copied onto the kiosk (DATA_DIR/packs/NAME) appears, and can be chosen.
    let mine = w.data.path().join("packs/rally");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(
        mine.join("local-petition.md"),
        "---\ntitle: A local petition\n---\nBody.\n",
    )
    .unwrap();
    let mut config = invoke(&w, "operator_view", json!({})).unwrap()["config"].clone();
    config["pack"] = json!("local:rally");
    // Active ids are checked against the pack being switched to.
    config["active"] = json!(["encryption-is-not-a-crime"]);
    let e =
        invoke(&w, "operator_configure", json!({"config": config.clone()})).expect_err("not in it");
    assert_eq!(e["code"], "bad_setting");
    config["active"] = json!([]);
    let status =
        invoke(&w, "operator_configure", json!({"config": config.clone()})).expect("switched");
    assert_eq!(status["active"], json!(["local-petition"]));
    let shown = invoke(&w, "attract_view", json!({"index": 0, "lang": null})).unwrap();
    assert_eq!(shown["shown"]["title"], "A local petition");
    assert_eq!(
        invoke(&w, "pack_info", json!({})).unwrap()["source"],
        "local:rally"
    );

    // A pack that is not there is refused; the shown pack stays.
    config["pack"] = json!("local:gone");
    let e = invoke(&w, "operator_configure", json!({"config": config})).expect_err("no such pack");
    assert_eq!(e["code"], "bad_setting");
    assert_eq!(
        invoke(&w, "pack_info", json!({})).unwrap()["source"],
        "local:rally"
    );
}

#[test]
fn a_new_organiser_key_is_written_off_the_kiosk_and_only_its_public_half_kept() {
    let w = app(demo_pack());
    let stick = tempfile::tempdir().unwrap();
    let pass = "a passphrase long enough";
    let e = invoke(
        &w,
        "create_organiser_key",
        json!({"folder": w.data.path(), "passphrase": pass}),
    )
    .expect_err("on the kiosk");
    assert_eq!(e["code"], "key_on_kiosk");
    let e = invoke(
        &w,
        "create_organiser_key",
        json!({"folder": stick.path(), "passphrase": "short"}),
    )
    .expect_err("weak");
    assert_eq!(e["code"], "weak_passphrase");

    let made = invoke(
        &w,
        "create_organiser_key",
        json!({"folder": stick.path(), "passphrase": pass}),
    )
    .expect("created");
    let recipient = made["recipient"].as_str().unwrap();
    assert!(recipient.starts_with("age1"));
    let key_file = made["key_file"].as_str().unwrap();
    assert!(Path::new(key_file).starts_with(std::fs::canonicalize(stick.path()).unwrap()));
    // The passphrase opens it; the kiosk's data folder holds no trace of the private key.
    let key = placard_vault::OrganiserKey::unlock(
        Path::new(key_file),
        &placard_vault::SecretString::from(pass.to_owned()),
    )
    .unwrap();
    assert_eq!(key.recipient(), recipient);
    let e = invoke(
        &w,
        "create_organiser_key",
        json!({"folder": stick.path(), "passphrase": pass}),
    )
    .expect_err("never overwrites");
    assert_eq!(e["code"], "key_exists");

    invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": recipient, "pin": "246813"}),
    )
    .expect("set up");
    let e = invoke(
        &w,
        "create_organiser_key",
        json!({"folder": stick.path(), "passphrase": pass}),
    )
    .expect_err("after set-up");
    assert_eq!(e["code"], "already_set_up");
    let mut stack = vec![w.data.path().to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                assert!(
                    !String::from_utf8_lossy(&bytes).contains("AGE-SECRET-KEY"),
                    "{} holds a private key",
                    p.display()
                );
            }
        }
    }
}

/// The collector service (its crate's router on SQLite) on loopback, on a runtime of its own:
/// its address and a one-time enrolment code. Also returns the store to count what arrived.
fn collector() -> (
    tempfile::TempDir,
    String,
    String,
    placard_collector::store::Store,
    tokio::runtime::Runtime,
) {
    collector_offering(None)
}

/// As [`collector`], offering the packs under `packs`.
fn collector_offering(
    packs: Option<PathBuf>,
) -> (
    tempfile::TempDir,
    String,
    String,
    placard_collector::store::Store,
    tokio::runtime::Runtime,
) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("collector test set-up");
    let db = tempfile::tempdir().expect("collector test set-up");
    let url = format!("sqlite://{}", db.path().join("c.db").display());
    let options = placard_collector::server::Options {
        packs: placard_collector::packs::Shelf::new(packs),
        ..Default::default()
    };
    let (store, code, listener) = rt.block_on(async {
        let store = placard_collector::store::Store::open(&url)
            .await
            .expect("collector test set-up");
        let code = placard_collector::pairing::new_code(
            &store,
            &options.key,
            "kiosk",
            placard_collector::pairing::DEFAULT_VALID,
        )
        .await
        .expect("collector test set-up")
        .to_string();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("collector test set-up");
        (store, code, listener)
    });
    let address = format!(
        "http://{}",
        listener.local_addr().expect("collector test set-up")
    );
    let app = placard_collector::server::router_with(store.clone(), options);
    rt.spawn(async move {
        axum::serve(listener, app)
            .await
            .expect("collector test set-up")
    });
    (db, address, code, store, rt)
}

#[test]
fn an_operator_enrols_the_kiosk_and_what_it_signs_reaches_the_collector() {
    use tauri::Listener as _;
    let w = app(demo_pack());
    set_up(&w);
    let (_db, address, code, store, rt) = collector();

    let e = invoke(&w, "operator_sync_now", json!({})).expect_err("nothing to sync to");
    assert_eq!(e["code"], "not_enrolled");
    for (collector, code, expected) in [
        ("collect.example.org", code.as_str(), "bad_collector_url"),
        // Plain http to another machine is refused before any connection (this name does not
        // even resolve: a connection attempt would have said `collector_unreachable`).
        (
            "http://collector.invalid:8440/",
            code.as_str(),
            "bad_collector_url",
        ),
        (address.as_str(), "wrong-code", "enrol_refused"),
        ("http://127.0.0.1:9", code.as_str(), "collector_unreachable"),
    ] {
        let e = invoke(
            &w,
            "operator_enroll",
            json!({"collector": collector, "code": code}),
        )
        .expect_err(expected);
        assert_eq!(e["code"], expected, "{e}");
    }
    assert_eq!(
        invoke(&w, "operator_view", json!({})).expect("view")["sync"]["configured"],
        false
    );

    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let seen = events.clone();
    w.listen_any("sync-state", move |e| {
        seen.lock()
            .expect("events lock")
            .push(serde_json::from_str(e.payload()).expect("event payload is JSON"));
    });
    let view = invoke(
        &w,
        "operator_enroll",
        json!({"collector": address, "code": code}),
    )
    .expect("enrolled");
    assert_eq!(view["configured"], true);
    assert_eq!(view["collector"], format!("{address}/"));

    for email in ["ada@example.org", "grace@example.org"] {
        invoke(
            &w,
            "sign_petition",
            json!({"petitionId": "encryption-is-not-a-crime",
                   "signer": {"given_name": "Ada", "email": email, "consent": true}}),
        )
        .expect("signed");
    }
    // The loop looks again after its idle poll; "Sync now" makes it go at once.
    invoke(&w, "operator_sync_now", json!({})).expect("sync now");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let sync = invoke(&w, "operator_view", json!({})).expect("view")["sync"].clone();
        if sync["sent"] == 2 && sync["pending"] == 0 {
            assert!(sync["last_success"].is_string(), "{sync}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not synced: {sync}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        rt.block_on(store.stats()).expect("collector stats").records,
        2
    );
    // The panel heard it live, as events, down to nothing pending.
    let events = events.lock().expect("events lock").clone();
    assert!(events.iter().any(|e| e["sending"] == true), "{events:?}");
    assert!(
        events.iter().any(|e| e["sent"] == 2 && e["pending"] == 0),
        "{events:?}"
    );
    for e in &events {
        let keys: Vec<&String> = e.as_object().expect("an object").keys().collect();
        assert_eq!(
            keys,
            [
                "clock_offset_seconds",
                "collector",
                "configured",
                "last_error",
                "last_success",
                "pending",
                "sending",
                "sent"
            ],
            "counts only, nothing of a signer"
        );
    }

    // Only an operator may enrol or push the loop.
    invoke(&w, "operator_lock", json!({})).expect("lock");
    for cmd in ["operator_sync_now", "operator_enroll"] {
        let e = invoke(&w, cmd, json!({"collector": address, "code": "x"})).expect_err("locked");
        assert_eq!(e["code"], "operator_only", "{cmd}");
    }
}

#[test]
fn an_operator_takes_a_pack_from_the_collector_and_shows_it() {
    let shelf = tempfile::tempdir().expect("shelf");
    let rally = shelf.path().join("rally");
    placard_petition::demo::extract(&rally).expect("demo pack");
    // The organisation's own version: one petition only.
    std::fs::remove_file(rally.join("defend-encryption-worldwide.md")).expect("rm");
    std::fs::remove_file(rally.join("defend-encryption-worldwide.sw.md")).expect("rm");
    std::fs::create_dir(shelf.path().join("empty")).expect("mkdir");
    let (_db, address, code, _store, _rt) = collector_offering(Some(shelf.path().to_owned()));

    let w = app(demo_pack());
    set_up(&w);
    let e = invoke(&w, "operator_collector_packs", json!({})).expect_err("not enrolled");
    assert_eq!(e["code"], "not_enrolled");
    invoke(
        &w,
        "operator_enroll",
        json!({"collector": address, "code": code}),
    )
    .expect("enrolled");

    let offered = invoke(&w, "operator_collector_packs", json!({})).expect("listed");
    let names: Vec<&str> = offered
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| p["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["empty", "rally"]);

    // A pack with no petition is refused and leaves nothing behind.
    let e = invoke(&w, "operator_pull_pack", json!({"name": "empty"})).expect_err("no petitions");
    assert_eq!(e["code"], "bad_pack", "{e}");
    let e = invoke(&w, "operator_pull_pack", json!({"name": "nope"})).expect_err("no such pack");
    assert_eq!(e["code"], "bad_pack", "{e}");

    let choices = invoke(&w, "operator_pull_pack", json!({"name": "rally"})).expect("taken");
    let ids: Vec<&str> = choices
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| p["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(ids, ["demo", "configured", "local:rally"]);

    // Chosen in the panel, it is what the attract screen shows.
    let mut config = invoke(&w, "operator_view", json!({})).expect("view")["config"].clone();
    config["pack"] = json!("local:rally");
    invoke(&w, "operator_configure", json!({"config": config})).expect("saved");
    let info = invoke(&w, "pack_info", json!({})).expect("info");
    assert_eq!(info["source"], "local:rally");
    let shown = invoke(&w, "attract_view", json!({"index": 1, "lang": null})).expect("attract");
    assert_eq!(shown["shown"]["title"], "Encryption is not a crime!");
    assert!(
        w.data
            .path()
            .join("packs/rally/encryption-is-not-a-crime.md")
            .is_file(),
        "taken into the kiosk's data folder"
    );
}

#[test]
fn an_organiser_sends_the_kiosks_signatures_to_action_network_from_the_panel() {
    use placard_vault::{OrganiserKey, SecretString};
    use tauri::Listener as _;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let stand_in = rt.block_on(placard_fanout::stand_in::start(1000, false));
    let w = app_with(demo_pack(), stand_in.base.clone());
    // The organiser's own key, on a "USB stick".
    let stick = tempfile::tempdir().expect("stick");
    let key_file = stick.path().join("placard-organiser-key.age");
    let key = OrganiserKey::generate();
    key.write_encrypted(
        &key_file,
        &SecretString::from("correct horse battery".to_owned()),
    )
    .expect("key written");
    invoke(
        &w,
        "setup_kiosk",
        json!({"recipient": key.recipient(), "pin": "246813"}),
    )
    .expect("set up");
    for email in ["ada@example.org", "grace@example.org", "hedy@example.org"] {
        invoke(
            &w,
            "sign_petition",
            json!({"petitionId": "encryption-is-not-a-crime",
                   "signer": {"given_name": "Ada", "email": email, "consent": true}}),
        )
        .expect("signed");
    }
    let send = |passphrase: &str, token: &str| {
        invoke(
            &w,
            "operator_send_action_network",
            json!({"request": {"key_file": key_file.display().to_string(),
                               "passphrase": passphrase, "token": token}}),
        )
    };
    let e = send("not the passphrase", placard_fanout::stand_in::TOKEN).expect_err("wrong");
    assert_eq!(e["code"], "wrong_passphrase", "{e}");
    let e = send("correct horse battery", "not-the-token").expect_err("token");
    assert_eq!(e["code"], "bad_token", "{e}");
    assert_eq!(stand_in.books.lock().expect("books").posts, 0);

    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = events.clone();
    w.listen_any("send-progress", move |e| {
        seen.lock().expect("events").push(e.payload().to_owned());
    });
    let report = send("correct horse battery", placard_fanout::stand_in::TOKEN).expect("sent");
    assert_eq!(
        (&report["sent"], &report["failed"], &report["skipped"]),
        (&json!(3), &json!(0), &json!(0)),
        "{report}"
    );
    // Each record's outcome was told as it came: ids, time and outcome, no signer data.
    {
        let events = events.lock().expect("events");
        assert_eq!(events.len(), 3, "{events:?}");
        let mut ids = std::collections::HashSet::new();
        for (i, raw) in events.iter().enumerate() {
            assert!(
                !raw.contains("example.org") && !raw.contains("Ada"),
                "{raw}"
            );
            let e: Value = serde_json::from_str(raw).expect("JSON");
            assert_eq!((&e["done"], &e["total"]), (&json!(i + 1), &json!(3)));
            let record = e["record"].as_object().expect("a record");
            let keys: Vec<&String> = record.keys().collect();
            assert_eq!(
                keys,
                [
                    "captured_at",
                    "outcome",
                    "petition_id",
                    "reason",
                    "record_id"
                ]
            );
            assert_eq!(record["outcome"], "sent");
            assert_eq!(record["petition_id"], "encryption-is-not-a-crime");
            ids.insert(record["record_id"].as_str().expect("id").to_owned());
        }
        assert_eq!(ids.len(), 3, "one event per record");
    }
    {
        let b = stand_in.books.lock().expect("books");
        assert_eq!(b.signatures.len(), 3);
        // Found by listing: the demo petition's slug is the stand-in's `pet-57`.
        assert!(b.signatures.keys().all(|(p, _)| p == "pet-57"));
    }
    let again = send("correct horse battery", placard_fanout::stand_in::TOKEN).expect("again");
    assert_eq!((&again["sent"], &again["skipped"]), (&json!(0), &json!(3)));
    assert_eq!(again["failed_before"], 0);
    // The second run opened nothing: the three were settled, so they stayed sealed (before,
    // every record was opened again and told as "sent before").
    assert_eq!(events.lock().expect("events").len(), 3);
    // "Retry failed" sends nothing twice either: there is nothing failed to retry.
    let retried = invoke(
        &w,
        "operator_send_action_network",
        json!({"request": {"key_file": key_file.display().to_string(),
                           "passphrase": "correct horse battery",
                           "token": placard_fanout::stand_in::TOKEN, "retry_failed": true}}),
    )
    .expect("retried");
    assert_eq!(
        (&retried["sent"], &retried["skipped"]),
        (&json!(0), &json!(3))
    );

    // Only an operator may send.
    invoke(&w, "operator_lock", json!({})).expect("lock");
    let e = send("correct horse battery", placard_fanout::stand_in::TOKEN).expect_err("locked");
    assert_eq!(e["code"], "operator_only");
}

#[test]
fn a_jekyll_site_shows_its_pitch_hero_image_and_share_url() {
    let site =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/petition/tests/fixtures/jekyll-site");
    let w = app(site);
    let p = invoke(
        &w,
        "get_petition",
        json!({"id": "stop-the-ban", "lang": null}),
    )
    .expect("ok");
    assert_eq!(p["hero_image"], "pack://localhost/img/hero.jpg");
    assert_eq!(
        p["summary"],
        "Tell Parliament to keep our messages private."
    );
    assert_eq!(p["petition_copy"], Value::Null);
    assert_eq!(
        p["share"]["url"],
        "https://act.example.org/campaigns/stop-the-ban/"
    );
    assert!(!p["body_html"].as_str().unwrap().contains("script"));
    // The attract screen has them too, for every page in turn.
    let heroes: Vec<Value> = (0..10)
        .map(|i| invoke(&w, "attract_view", json!({"index": i, "lang": null})).expect("ok"))
        .filter(|v| v["shown"]["id"] == "stop-the-ban")
        .map(|v| v["shown"]["hero_image"].clone())
        .collect();
    assert_eq!(heroes, [json!("pack://localhost/img/hero.jpg")]);
    // And the image is served from the pack.
    let info = invoke(&w, "pack_info", json!({})).expect("ok");
    assert_eq!(info["loaded"], 10, "{info}");
}
