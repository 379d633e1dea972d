//! The organiser's console, its ground floor (the real binary on loopback): signing in by a
//! one-time link, the session cookie, refusals (no session, an expired one, a replayed link, a
//! cross-site request, a flood of bad links), the audit log on both backends, and the refusal
//! to listen where other computers could reach it without TLS.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;
use std::time::Duration;

use common::{BIN, Backend, Collector};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, HeaderMap, SET_COOKIE};

/// A new sign-in link from the running collector (`placard-collector console-link`).
fn link(c: &Collector) -> String {
    c.console_link()
}

/// Signs in with a new link (checking the cookie's flags): the console's root and the cookie.
async fn session(c: &Collector) -> (String, String) {
    let first = link(c);
    (base(&first), sign_in(&first).await)
}

/// The answer's JSON body (`null` when it has none).
async fn json(r: reqwest::Response) -> serde_json::Value {
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap_or_default()
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The console's root (`http://127.0.0.1:PORT`) from a link.
fn base(link: &str) -> String {
    link.split("/signin").next().unwrap().to_owned()
}

/// Follows a link; returns the session cookie it set (`name=value`).
async fn sign_in(link: &str) -> String {
    let r = client().get(link).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{:?}", r.text().await);
    let set = r.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(flag), "{set}");
    }
    assert!(!set.contains("Secure"), "plain HTTP on loopback: {set}");
    set.split(';').next().unwrap().to_owned()
}

async fn get(base: &str, path: &str, cookie: Option<&str>) -> (StatusCode, serde_json::Value) {
    let mut req = client().get(format!("{base}{path}"));
    if let Some(c) = cookie {
        req = req.header(COOKIE, c);
    }
    let r = req.send().await.unwrap();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    let status = r.status();
    (status, json(r).await)
}

async fn sign_out(base: &str, headers: HeaderMap) -> (StatusCode, serde_json::Value) {
    let r = client()
        .post(format!("{base}/api/signout"))
        .headers(headers)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, json(r).await)
}

async fn signing_in_and_out(backend: Backend) {
    let Some(c) = Collector::start_with(backend, &["--console", "127.0.0.1:0"]) else {
        return;
    };
    let first = link(&c);
    let base = base(&first);
    assert!(base.starts_with("http://127.0.0.1:"), "{first}");

    // No session: nothing to see.
    let (status, body) = get(&base, "/api/overview", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "no_session");
    let (status, _) = get(&base, "/api/overview", Some("placard_console=forged")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The link signs in once.
    let cookie = sign_in(&first).await;
    let (status, overview) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{overview}");
    assert_eq!(overview["records"], 0);
    let r = client().get(&first).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a replayed link");
    assert_eq!(json(r).await["code"], "bad_link");

    // Signing out is a change: it needs the session's CSRF token and the console's own origin.
    let (_, session) = get(&base, "/api/session", Some(&cookie)).await;
    let csrf = session["csrf"].as_str().unwrap().to_owned();
    assert!(csrf.len() >= 43, "{session}");
    let with = |pairs: &[(&'static str, &str)]| {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, cookie.parse().unwrap());
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    };
    for (refused, headers) in [
        ("no token", with(&[])),
        ("a wrong token", with(&[("x-csrf-token", "nope")])),
        (
            "another site's page",
            with(&[("x-csrf-token", &csrf), ("origin", "http://evil.example")]),
        ),
        (
            "a cross-site fetch",
            with(&[("x-csrf-token", &csrf), ("sec-fetch-site", "cross-site")]),
        ),
    ] {
        let (status, body) = sign_out(&base, headers).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{refused}: {body}");
        assert_eq!(body["code"], "cross_site", "{refused}");
    }
    let (status, _) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "still signed in after the refusals");
    let (status, _) = sign_out(
        &base,
        with(&[
            ("x-csrf-token", &csrf),
            ("origin", &base),
            ("sec-fetch-site", "same-origin"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "signed out");

    // Each of those is in the audit log, newest first (read with a new session).
    let cookie = sign_in(&link(&c)).await;
    assert_eq!(
        audit_lines(&base, &cookie).await.0,
        [
            "sign-in ok ",
            "sign-out ok ",
            "sign-out refused cross-site request",
            "sign-out refused cross-site request",
            "sign-out refused cross-site request",
            "sign-out refused cross-site request",
            "sign-in refused a used, expired or unknown link",
            "sign-in ok ",
        ]
    );
}

#[tokio::test]
async fn signing_in_by_a_one_time_link_on_sqlite() {
    signing_in_and_out(Backend::Sqlite).await;
}

#[tokio::test]
async fn signing_in_by_a_one_time_link_on_postgres() {
    signing_in_and_out(Backend::Postgres).await;
}

#[tokio::test]
async fn an_idle_session_lapses() {
    let c = Collector::start_with(
        Backend::Sqlite,
        &["--console", "127.0.0.1:0", "--console-idle-seconds", "1"],
    )
    .unwrap();
    let (base, cookie) = session(&c).await;
    let (status, _) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let (status, body) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "session_expired");
}

#[tokio::test]
async fn a_flood_of_bad_links_is_slowed() {
    let c = Collector::start_with(Backend::Sqlite, &["--console", "127.0.0.1:0"]).unwrap();
    let good = link(&c);
    let base = base(&good);
    for i in 0..10 {
        let r = client()
            .get(format!("{base}/signin?token=guess{i}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "guess {i}");
    }
    let r = client()
        .get(format!("{base}/signin?token=guess10"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // While it lasts, even a good link waits: a guesser learns nothing from the answers.
    let r = client().get(&good).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[test]
fn a_console_other_computers_could_reach_is_refused_without_tls() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("c.db").display());
    // Every interface, as an organiser would open it to the network: refused before anything
    // is opened or bound (so nothing listens beyond loopback, and nothing is reached at all).
    let everywhere = std::net::SocketAddr::from((std::net::Ipv4Addr::UNSPECIFIED, 8441));
    // Plain HTTP, with or without the flag; and HTTPS with only the collector's own key's
    // certificate (kiosks pin it; a browser cannot), with the flag.
    for extra in [
        &["--plain-http"][..],
        &["--plain-http", "--console-public"][..],
        &["--console-public"][..],
    ] {
        let out = Command::new(BIN)
            .args(["serve", "--db", &db])
            .args(["--listen", "127.0.0.1:0", "--console"])
            .arg(everywhere.to_string())
            .args(extra)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("refusing to serve the console on {everywhere}")),
            "{err}"
        );
    }
    assert!(
        !dir.path().join("c.db").exists(),
        "refused before the database was opened"
    );
}

/// The audit log as `action result detail` lines, newest first, and as it came.
async fn audit_lines(base: &str, cookie: &str) -> (Vec<String>, serde_json::Value) {
    let (status, log) = get(base, "/api/audit", Some(cookie)).await;
    assert_eq!(status, StatusCode::OK);
    let lines = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(
                chrono::DateTime::parse_from_rfc3339(e["at"].as_str().unwrap()).is_ok(),
                "{e}"
            );
            format!(
                "{} {} {}",
                e["action"].as_str().unwrap(),
                e["result"].as_str().unwrap(),
                e["detail"].as_str().unwrap()
            )
        })
        .collect();
    (lines, log)
}

/// POSTs JSON to the console as its own page does (cookie, CSRF token, same origin).
async fn post(
    base: &str,
    path: &str,
    cookie: &str,
    body: serde_json::Value,
) -> (StatusCode, serde_json::Value) {
    let (_, session) = get(base, "/api/session", Some(cookie)).await;
    let r = client()
        .post(format!("{base}{path}"))
        .header(COOKIE, cookie)
        .header("x-csrf-token", session["csrf"].as_str().unwrap())
        .header("origin", base)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, json(r).await)
}

/// "Add a kiosk" gives a pairing code a kiosk pairs with; the list shows the kiosk and when it
/// last synced; revoking it there refuses its next batch. Each step is in the audit log.
#[tokio::test]
async fn kiosks_are_added_listed_and_revoked_from_the_console_on_sqlite() {
    kiosks_from_the_console(Backend::Sqlite).await;
}

#[tokio::test]
async fn kiosks_are_added_listed_and_revoked_from_the_console_on_postgres() {
    kiosks_from_the_console(Backend::Postgres).await;
}

async fn kiosks_from_the_console(backend: Backend) {
    let Some(c) = Collector::start_with(backend, &["--console", "127.0.0.1:0"]) else {
        return;
    };
    let (base, cookie) = session(&c).await;

    for bad in ["", "   ", "a\u{7}bell", &"x".repeat(81)] {
        let (status, body) = post(
            &base,
            "/api/kiosks",
            &cookie,
            serde_json::json!({"name": bad}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}: {body}");
        assert_eq!(body["code"], "bad_name");
    }
    let (status, pairing) = post(
        &base,
        "/api/kiosks",
        &cookie,
        serde_json::json!({"name": "Front door"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{pairing}");
    assert_eq!(pairing["valid_hours"], 24);
    let code = pairing["code"].as_str().unwrap();

    // A kiosk pairs with that code and syncs three signatures.
    let (_dir, mut vault) = common::kiosk(3, "p");
    let public =
        placard_sync::signing::public_key_of_pkcs8(&vault.device_key_pkcs8().unwrap()).unwrap();
    let pinned =
        placard_sync::http::enroll(&c.url, code, vault.device_id(), &public, vault.recipient())
            .await
            .unwrap();
    vault
        .pin_collector_key(&placard_sync::answer::encode_key(&pinned))
        .unwrap();
    let (_, listed) = get(&base, "/api/kiosks", Some(&cookie)).await;
    assert_eq!(listed[0]["name"], "Front door", "{listed}");
    assert_eq!(listed[0]["id"], vault.device_id().to_string());
    assert!(
        listed[0]["last_seen"].is_null() && listed[0]["revoked_at"].is_null(),
        "{listed}"
    );
    let dir = vault.dir().to_owned();
    assert_eq!(common::sync_all(&c.url, vault, 100).await, 3);
    let (_, listed) = get(&base, "/api/kiosks", Some(&cookie)).await;
    assert!(listed[0]["last_seen"].is_string(), "{listed}");
    let (_, overview) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(overview["records"], 3);
    assert_eq!(
        overview["by_petition"],
        serde_json::json!([["p", 3]]),
        "{overview}"
    );
    // Signed this hour: the chart's last bar (24 hours, the current one last; the one
    // before, should the hour have turned since).
    let hours = overview["per_hour"].as_array().unwrap();
    assert_eq!(hours.len(), 24);
    let recent = hours[22]["count"].as_u64().unwrap() + hours[23]["count"].as_u64().unwrap();
    assert_eq!(recent, 3, "{overview}");
    assert_eq!(
        hours
            .iter()
            .map(|h| h["count"].as_u64().unwrap())
            .sum::<u64>(),
        3
    );

    // Revoked from the console: its next batch is refused.
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    let (status, body) = post(
        &base,
        "/api/kiosks/no-such-kiosk/revoke",
        &cookie,
        serde_json::json!({}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_device"))
    );
    let (status, _) = post(
        &base,
        &format!("/api/kiosks/{id}/revoke"),
        &cookie,
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, listed) = get(&base, "/api/kiosks", Some(&cookie)).await;
    assert!(listed[0]["revoked_at"].is_string(), "{listed}");
    let e = common::upload_one_more(&dir, "p", &[&c.url])
        .await
        .remove(0)
        .unwrap_err();
    assert!(e.to_string().contains("revoked"), "{e}");

    assert_eq!(
        audit_lines(&base, &cookie).await.0,
        [
            format!("revoke ok {id}"),
            "revoke refused no such kiosk".to_owned(),
            "add-kiosk ok Front door".to_owned(),
            "sign-in ok ".to_owned(),
        ]
    );
}

/// Unlock and "Lock now" from the console: a wrong passphrase refused in words, the key held
/// with a countdown, the same key the admin socket reports, every attempt in the audit log.
#[tokio::test]
async fn the_key_is_unlocked_and_locked_from_the_console() {
    let org = common::KeyFile::new("a long organiser passphrase");
    let c = Collector::start_with(
        Backend::Sqlite,
        &["--console", "127.0.0.1:0", "--identity", &org.key()],
    )
    .unwrap();
    let (base, cookie) = session(&c).await;
    let (_, key) = get(&base, "/api/key", Some(&cookie)).await;
    assert_eq!(
        key,
        serde_json::json!({"unlocked": false, "locks_in_seconds": null, "has_key_file": true})
    );

    let (status, body) = post(
        &base,
        "/api/unlock",
        &cookie,
        serde_json::json!({"passphrase": "not it"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["code"], "wrong_passphrase");
    let (status, body) = post(
        &base,
        "/api/unlock",
        &cookie,
        serde_json::json!({"passphrase": "a long organiser passphrase"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recipient"], org.recipient);
    let (_, key) = get(&base, "/api/key", Some(&cookie)).await;
    assert_eq!(key["unlocked"], true);
    let left = key["locks_in_seconds"].as_u64().unwrap();
    assert!((890..=900).contains(&left), "{key}");
    // Erasure on request needs the key: three signatures arrive, one signer is forgotten.
    let (_dir, vault) = common::kiosk_sealing_to(&org.recipient, 3, "p");
    common::enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(common::sync_all(&c.url, vault, 100).await, 3);
    for bad in ["", "no-at-sign"] {
        let (status, body) = post(
            &base,
            "/api/forget",
            &cookie,
            serde_json::json!({"email": bad}),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("bad_email"))
        );
    }
    let (status, body) = post(
        &base,
        "/api/forget",
        &cookie,
        serde_json::json!({"email": " ADA1@example.org "}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["records"], 1);
    let (_, overview) = get(&base, "/api/overview", Some(&cookie)).await;
    assert_eq!(overview["held"], 2, "{overview}");
    // An export is a download of what is left, opened.
    let (_, session) = get(&base, "/api/session", Some(&cookie)).await;
    let r = client()
        .post(format!("{base}/api/export"))
        .header(COOKIE, &cookie)
        .header("x-csrf-token", session["csrf"].as_str().unwrap())
        .header("content-type", "application/json")
        .body(r#"{"format":"csv"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"signatures-")
            && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let csv = r.text().await.unwrap();
    assert_eq!(csv.lines().count(), 3, "a header and two signers: {csv}");
    assert!(
        csv.contains("ada0@example.org") && csv.contains("ada2@example.org"),
        "{csv}"
    );
    assert!(!csv.contains("ada1@"), "the forgotten one is not exported");
    let status_line = Command::new(BIN)
        .args(["status", "--admin-socket"])
        .arg(&c.admin_socket)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status_line.stdout).trim(),
        "unlocked"
    );

    let (status, _) = post(&base, "/api/lock", &cookie, serde_json::json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, key) = get(&base, "/api/key", Some(&cookie)).await;
    assert_eq!(key["unlocked"], false);
    let (status, body) = post(
        &base,
        "/api/forget",
        &cookie,
        serde_json::json!({"email": "ada2@example.org"}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("locked"))
    );
    let (status, body) = post(
        &base,
        "/api/export",
        &cookie,
        serde_json::json!({"format": "jsonl"}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("locked"))
    );

    let (lines, log) = audit_lines(&base, &cookie).await;
    assert_eq!(
        lines,
        [
            "export refused locked",
            "forget refused locked",
            "lock ok ",
            "export ok csv, records: 2",
            "forget ok records: 1",
            "unlock ok ",
            "unlock refused wrong_passphrase",
            "sign-in ok ",
        ]
    );
    // Neither passphrase tried is anywhere in the log.
    for tried in ["not it", "a long organiser passphrase", "ada1@", "ADA1@"] {
        assert!(!log.to_string().contains(tried), "{log}");
    }
}

/// The overview, live: the page's event stream says at once what is there, then again as a
/// kiosk's batches arrive, without a reload; without a session, no stream.
#[tokio::test]
async fn the_overview_follows_sync_live() {
    let c = Collector::start_with(Backend::Sqlite, &["--console", "127.0.0.1:0"]).unwrap();
    let first = link(&c);
    let base = base(&first);
    let (status, _) = get(&base, "/api/events", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let cookie = sign_in(&first).await;
    let mut stream = client()
        .get(format!("{base}/api/events"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(
        stream.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    // The next `overview` event's data.
    let mut buffer = String::new();
    let mut next_overview = async || -> serde_json::Value {
        loop {
            if let Some(at) = buffer.find("event: overview\ndata: ") {
                let rest = &buffer[at + "event: overview\ndata: ".len()..];
                if let Some(end) = rest.find('\n') {
                    let v = serde_json::from_str(&rest[..end]).unwrap();
                    buffer = rest[end..].to_owned();
                    return v;
                }
            }
            let chunk = tokio::time::timeout(Duration::from_secs(20), stream.chunk())
                .await
                .expect("an event within 20 s")
                .unwrap()
                .expect("the stream stays open");
            buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    assert_eq!(next_overview().await["records"], 0);

    let (_dir, vault) = common::kiosk(5, "p");
    common::enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(common::sync_all(&c.url, vault, 2).await, 5);
    // Batches of two: the counts climb to five (one event per change that was seen).
    let mut seen = Vec::new();
    while seen.last() != Some(&5) {
        let o = next_overview().await;
        seen.push(o["records"].as_u64().unwrap());
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
}

/// A collector that held records before the running totals existed: its migration makes them,
/// and the overview counts what is there.
#[tokio::test]
async fn running_totals_are_made_for_records_held_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collector.db");
    let url = format!("sqlite://{}", path.display());
    drop(placard_collector::store::Store::open(&url).await.unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for (i, (device, petition, hour)) in [
            ("d1", "p", "2026-11-30T10:00:00Z"),
            ("d1", "p", "2026-11-30T10:00:00Z"),
            ("d2", "p", "2026-11-30T11:00:00Z"),
            ("d2", "q", "2026-11-30T11:00:00Z"),
        ]
        .into_iter()
        .enumerate()
        {
            conn.execute(
                "INSERT INTO records (id, device_id, batch_id, petition_id, captured_at, sealed, received_at)
                 VALUES (?1, ?2, 'b', ?3, ?4, x'00', '2026-11-30T12:00:00.000Z')",
                rusqlite::params![format!("r{i}"), device, petition, hour],
            )
            .unwrap();
        }
        common::before_tallies(&conn);
    }
    let store = placard_collector::store::Store::open(&url).await.unwrap();
    let stats = store.stats().await.unwrap();
    assert_eq!((stats.records, stats.held), (4, 4));
    assert_eq!(
        stats.by_device,
        [("d1".to_owned(), 2), ("d2".to_owned(), 2)]
    );
    assert_eq!(
        stats.by_petition,
        [("p".to_owned(), 3), ("q".to_owned(), 1)]
    );
    assert_eq!(
        store.per_hour("2026-11-30T11:00:00Z").await.unwrap(),
        [("2026-11-30T11:00:00Z".to_owned(), 2)]
    );
}

/// "Send on" from the console: refused without a session, from another site, to a destination
/// `serve` was not given, and while the key is locked; once unlocked it runs in the collector,
/// can be stopped part way, and a second run goes on from there — every record reaches the
/// Action Network stand-in exactly once (the CLI's ledger). The retention view then shows when
/// they will be deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_on_from_the_console_is_guarded_stoppable_and_resumes() {
    use placard_fanout::stand_in::{self, TOKEN};
    let org = common::KeyFile::new("a long organiser passphrase");
    let an = stand_in::start(1000, false).await;
    let secrets = tempfile::tempdir().unwrap();
    let token = secrets.path().join("an-token");
    std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--console",
            "127.0.0.1:0",
            "--identity",
            &org.key(),
            "--action-network-url",
            &an.base,
            "--action-network-token-file",
            &token.display().to_string(),
            "--action-network-rate",
            "10",
            "--retain-days",
            "7",
        ],
    )
    .unwrap();
    let (base, cookie) = session(&c).await;
    let (_dir, vault) = common::kiosk_sealing_to(&org.recipient, 30, "encryption-is-not-a-crime");
    common::enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(common::sync_all(&c.url, vault, 100).await, 30);
    let an_body = serde_json::json!({"destination": "action_network"});

    let r = client()
        .post(format!("{base}/api/send"))
        .header("content-type", "application/json")
        .body(an_body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "no session");
    let r = client()
        .post(format!("{base}/api/send"))
        .header(COOKIE, &cookie)
        .header("origin", "http://evil.example")
        .header("content-type", "application/json")
        .body(an_body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "another site");
    let (status, body) = post(
        &base,
        "/api/send",
        &cookie,
        serde_json::json!({"destination": "webhook"}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("no_destination"))
    );
    let (status, body) = post(&base, "/api/send", &cookie, an_body.clone()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("locked"))
    );
    let (status, body) = post(&base, "/api/send/stop", &cookie, serde_json::json!({})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("not_running"))
    );
    assert_eq!(an.books.lock().unwrap().signatures.len(), 0);
    let (_, sending) = get(&base, "/api/send", Some(&cookie)).await;
    assert_eq!(
        sending["destinations"],
        serde_json::json!(["action_network"])
    );

    let (status, _) = post(
        &base,
        "/api/unlock",
        &cookie,
        serde_json::json!({"passphrase": "a long organiser passphrase"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = post(&base, "/api/send", &cookie, an_body.clone()).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, body) = post(&base, "/api/send", &cookie, an_body.clone()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("already_running"))
    );
    // Stopped once a few have gone (10 a second: 30 take 3 s).
    let until = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (_, s) = get(&base, "/api/send", Some(&cookie)).await;
        if s["run"]["done"].as_u64().unwrap_or(0) >= 5 {
            break;
        }
        assert!(std::time::Instant::now() < until, "{s}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, _) = post(&base, "/api/send/stop", &cookie, serde_json::json!({})).await;
    let (_, s) = get(&base, "/api/send", Some(&cookie)).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{s}");
    let (_, s) = get(&base, "/api/send", Some(&cookie)).await;
    assert_eq!(s["run"]["running"], false, "{s}");
    assert_eq!(s["run"]["stopped"], true, "{s}");
    let part = an.books.lock().unwrap().signatures.len();
    assert!((5..30).contains(&part), "{part} sent before the stop");
    // Each outcome says when, which petition and how it went — nothing of the signer.
    let outcome = &s["run"]["outcomes"][0];
    assert_eq!(outcome["petition"], "encryption-is-not-a-crime");
    assert_eq!(outcome["outcome"], "sent");
    assert!(!s.to_string().contains('@'), "{s}");

    // Again: it goes on from there.
    let (status, _) = post(&base, "/api/send", &cookie, an_body.clone()).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let until = std::time::Instant::now() + Duration::from_secs(30);
    let s = loop {
        let (_, s) = get(&base, "/api/send", Some(&cookie)).await;
        if s["run"]["running"] == false {
            break s;
        }
        assert!(std::time::Instant::now() < until, "{s}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(s["run"]["error"], serde_json::Value::Null, "{s}");
    let sent = s["run"]["sent"].as_u64().unwrap();
    let skipped = s["run"]["skipped"].as_u64().unwrap();
    assert_eq!(sent + skipped, 30, "{s}");
    assert!(skipped >= 5, "{s}");
    assert_eq!(
        an.books.lock().unwrap().signatures.len(),
        30,
        "each record once"
    );

    // What will be deleted when: all 30, seven days after today (UTC).
    let (_, r) = get(&base, "/api/retention", Some(&cookie)).await;
    let day = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(r["retain_days"], 7, "{r}");
    assert_eq!(r["held"], 30, "{r}");
    assert_eq!(r["waiting"], 0, "{r}");
    assert_eq!(
        r["schedule"],
        serde_json::json!([{"day": day, "count": 30}]),
        "{r}"
    );
    let (lines, _) = audit_lines(&base, &cookie).await;
    assert!(
        lines.iter().any(|l| l.starts_with("send refused locked")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("send stopped action_network: after")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("send ok action_network: sent")),
        "{lines:?}"
    );
}

/// The pages: one document whose scripts and styles are files of the console's own (the CSP
/// allows nothing inline), served to anyone (they hold nothing), under the same headers.
#[tokio::test]
async fn the_pages_are_served_from_the_binary_with_nothing_inline() {
    let c = Collector::start_with(Backend::Sqlite, &["--console", "127.0.0.1:0"]).unwrap();
    let base = base(&link(&c));
    let r = client().get(format!("{base}/")).send().await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "the console's pages are missing: build them with `npm --prefix ui run build`"
    );
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    let html = r.text().await.unwrap();
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "{html}");
    for s in &scripts {
        assert!(s.contains("src=\"/assets/"), "an inline script: {s}");
    }
    assert!(!html.contains("<style"), "an inline style");
    assert!(!html.contains("style=\""), "an inline style attribute");
    let src = scripts[0]
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let r = client().get(format!("{base}{src}")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/javascript");
    let r = client()
        .get(format!("{base}/assets/nothing.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

/// POSTs a report signed by `signer` (created at `created`), as a kiosk's transport does.
async fn send_report(
    to: &url::Url,
    signer: &placard_sync::signing::RequestSigner,
    report: &placard_sync::wire::Report,
    created: u64,
) -> StatusCode {
    let body = serde_json::to_vec(report).unwrap();
    let url = to.join("v1/report").unwrap();
    let nonce = uuid::Uuid::now_v7().simple().to_string();
    let signed = signer
        .sign("POST", url.path(), &body, created, &nonce)
        .unwrap();
    client()
        .post(url)
        .header("content-type", "application/json")
        .header("content-digest", signed.content_digest)
        .header("signature-input", signed.signature_input)
        .header("signature", signed.signature)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

/// Kiosks report how they are — app version, what waits on them, their clock — and the
/// console's list shows it. The attacks: a kiosk reporting in another's name is refused, and
/// an older report replayed later does not turn the picture back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosks_report_how_they_are_on_sqlite() {
    kiosks_report_how_they_are_and_cannot_report_for_another(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosks_report_how_they_are_on_postgres() {
    kiosks_report_how_they_are_and_cannot_report_for_another(Backend::Postgres).await;
}

async fn kiosks_report_how_they_are_and_cannot_report_for_another(backend: Backend) {
    use placard_sync::wire::Report;
    let Some(c) = Collector::start_with(backend, &["--console", "127.0.0.1:0"]) else {
        return;
    };
    let (base, cookie) = session(&c).await;
    let (a_dir, a) = common::kiosk(3, "p");
    let (_b_dir, b) = common::kiosk(0, "p");
    common::enroll_vault(&c, &a, "A").await;
    common::enroll_vault(&c, &b, "B").await;
    let a_id = a.device_id();
    // The real engine reports as it syncs: what waits (0 once caught up) and its version.
    assert_eq!(common::sync_all(&c.url, a, 100).await, 3);
    let (_, kiosks) = get(&base, "/api/kiosks", Some(&cookie)).await;
    let row = |kiosks: &serde_json::Value, id: &str| {
        kiosks
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .unwrap()
            .clone()
    };
    let ka = row(&kiosks, &a_id.to_string());
    assert_eq!(ka["app_version"], env!("CARGO_PKG_VERSION"), "{ka}");
    assert_eq!(ka["pending"], 0, "{ka}");
    assert!(ka["reported_at"].is_string(), "{ka}");
    assert_eq!(
        row(&kiosks, &b.device_id().to_string())["reported_at"],
        serde_json::Value::Null
    );

    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    let a_signer = common::signer(&placard_vault::Vault::open(a_dir.path()).unwrap());
    let said = |pending, version: &str| Report {
        device_id: a_id,
        app_version: version.into(),
        pending,
        clock_offset: Some(-180),
    };
    // B signs a report in A's name: refused, A's row unchanged.
    let status = send_report(&c.url, &common::signer(&b), &said(999, "evil"), now).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // A reports 12 waiting and a clock 3 minutes ahead.
    assert_eq!(
        send_report(&c.url, &a_signer, &said(12, "0.2.0"), now + 1).await,
        StatusCode::NO_CONTENT
    );
    // An older report of A's (as a replay would be) changes nothing.
    assert_eq!(
        send_report(&c.url, &a_signer, &said(500, "0.0.1"), now - 5).await,
        StatusCode::NO_CONTENT
    );
    let (_, kiosks) = get(&base, "/api/kiosks", Some(&cookie)).await;
    let ka = row(&kiosks, &a_id.to_string());
    assert_eq!(
        (ka["pending"].as_u64(), ka["app_version"].as_str()),
        (Some(12), Some("0.2.0")),
        "{ka}"
    );
    // A version is printable ASCII up to 40 characters (the page shows it as text); longer,
    // or with spaces or controls, it is refused.
    let status = send_report(&c.url, &a_signer, &said(1, "<script>"), now + 2).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let status = send_report(&c.url, &a_signer, &said(1, "1.0\u{7}"), now + 3).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let status = send_report(&c.url, &a_signer, &said(1, &"9".repeat(41)), now + 4).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, kiosks) = get(&base, "/api/kiosks", Some(&cookie)).await;
    let ka = row(&kiosks, &a_id.to_string());
    assert_eq!(ka["pending"], 1, "{ka}");
    assert_eq!(ka["app_version"], "<script>", "{ka}");
    assert_eq!(ka["clock_offset"], -180, "{ka}");
}

/// A zip of `files` (name → bytes), as a browser or `zip -r` makes one.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    for (name, bytes) in files {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

/// POSTs a pack's zip to the console as its page does.
async fn upload_pack(
    base: &str,
    cookie: &str,
    name: &str,
    zip: Vec<u8>,
) -> (StatusCode, serde_json::Value) {
    let (_, session) = get(base, "/api/session", Some(cookie)).await;
    let r = client()
        .post(format!("{base}/api/packs/{name}"))
        .header(COOKIE, cookie)
        .header("x-csrf-token", session["csrf"].as_str().unwrap())
        .header("origin", base)
        .header("content-type", "application/zip")
        .body(zip)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, json(r).await)
}

/// "Petitions and packs": the shelf's packs checked, a petition previewed with the kiosk's
/// renderer (its images served from the pack), and uploads — a good zip is taken and kiosks
/// can pull it; the attacks are refused with nothing written: an entry escaping the folder
/// (zip slip), a file that is not a zip, a pack with no petition (which would also have
/// replaced a good pack of the same name), a cross-site upload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn packs_are_checked_previewed_and_added_from_the_console() {
    let shelf = tempfile::tempdir().unwrap();
    placard_petition::demo::extract(&shelf.path().join("demo")).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--console",
            "127.0.0.1:0",
            "--packs",
            &shelf.path().display().to_string(),
        ],
    )
    .unwrap();
    let (base, cookie) = session(&c).await;

    let (status, packs) = get(&base, "/api/packs", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK, "{packs}");
    let demo = &packs["packs"][0];
    assert_eq!(demo["name"], "demo");
    let ids: Vec<&str> = demo["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, placard_petition::demo::PETITION_IDS);
    assert_eq!(demo["failures"], serde_json::json!([]));

    // The preview: the kiosk's sanitised HTML, its images addressed to this console.
    let (status, p) = get(
        &base,
        "/api/packs/demo/petitions/encryption-is-not-a-crime",
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{p}");
    let html = p["body_html"].as_str().unwrap();
    let img = format!("{base}/api/packs/demo/files/img/action-network/2016-05-05_12-51-51.jpg");
    assert!(html.contains(&img), "{html}");
    let r = client()
        .get(&img)
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    let r = client().get(&img).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "files need a session");
    let (status, _) = get(&base, "/api/packs/demo/files/privacy.md", Some(&cookie)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "only images");
    let (status, p) = get(
        &base,
        "/api/packs/demo/petitions/defend-encryption-worldwide?lang=sw",
        Some(&cookie),
    )
    .await;
    assert_eq!(
        (status, p["lang"].as_str()),
        (StatusCode::OK, Some("sw")),
        "{p}"
    );

    let before = std::fs::read_dir(shelf.path()).unwrap().count();
    let outside = shelf.path().parent().unwrap().join("evil.md");
    let petition = b"---\ntitle: Rally\npetition_copy: We ask.\n---\nBody.\n";
    // Zip slip: refused, nothing written beside the shelf or in it.
    let (status, body) = upload_pack(
        &base,
        &cookie,
        "rally",
        zip_of(&[("ok.md", petition), ("../evil.md", b"x")]),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unsafe_pack")),
        "{body}"
    );
    assert!(!outside.exists());
    let (status, body) = upload_pack(&base, &cookie, "rally", b"not a zip at all".to_vec()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("not_a_zip")),
        "{body}"
    );
    let (status, body) =
        upload_pack(&base, &cookie, ".hidden", zip_of(&[("a.md", petition)])).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_pack_name")),
        "{body}"
    );
    // No petition in it: refused, and the demo pack of that name is as it was.
    let (status, body) =
        upload_pack(&base, &cookie, "demo", zip_of(&[("readme.txt", b"hello")])).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("no_petitions")),
        "{body}"
    );
    assert!(
        shelf
            .path()
            .join("demo/encryption-is-not-a-crime.md")
            .exists()
    );
    assert_eq!(
        std::fs::read_dir(shelf.path()).unwrap().count(),
        before,
        "nothing left behind"
    );
    // From another site: refused.
    let r = client()
        .post(format!("{base}/api/packs/rally"))
        .header(COOKIE, &cookie)
        .header("origin", "http://evil.example")
        .body(zip_of(&[("a.md", petition)]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // A good zip, one top folder as "compress this folder" makes it: taken, checked, served.
    let (status, added) = upload_pack(
        &base,
        &cookie,
        "rally",
        zip_of(&[
            ("rally-2026/rally.md", petition),
            ("rally-2026/broken.md", b"---\ntitle: [unclosed\n---\n"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{added}");
    assert_eq!(added["petitions"][0]["id"], "rally");
    assert_eq!(added["failures"].as_array().unwrap().len(), 1, "{added}");
    assert!(shelf.path().join("rally/rally.md").exists());
    let listed = reqwest::get(c.url.join("v1/packs").unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(listed.contains("\"rally\""), "kiosks can take it: {listed}");
    let (lines, _) = audit_lines(&base, &cookie).await;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("add-pack ok rally: petitions 1")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l == "add-pack refused rally: unsafe_pack"),
        "{lines:?}"
    );
}

/// "Send to the webhook" from the console: each record's outcome listed, each record once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_to_the_webhook_from_the_console_lists_each_record() {
    use placard_fanout::stand_in;
    const SECRET: &str = "the organisation's webhook secret";
    let org = common::KeyFile::new("a long organiser passphrase");
    let (url, receiver) = stand_in::receiver(SECRET).await;
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), SECRET).unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &[
            "--console",
            "127.0.0.1:0",
            "--identity",
            &org.key(),
            "--passphrase-file",
            &org.passphrase("right"),
            "--webhook-url",
            &url,
            "--webhook-secret-file",
            &secret.path().display().to_string(),
        ],
    )
    .unwrap();
    let (_dir, vault) = common::kiosk_sealing_to(&org.recipient, 7, "p");
    common::enroll_vault(&c, &vault, "kiosk").await;
    assert_eq!(common::sync_all(&c.url, vault, 100).await, 7);
    let (base, cookie) = session(&c).await;
    let (_, sending) = get(&base, "/api/send", Some(&cookie)).await;
    assert_eq!(sending["destinations"], serde_json::json!(["webhook"]));
    for round in 0..2 {
        let (status, _) = post(
            &base,
            "/api/send",
            &cookie,
            serde_json::json!({"destination": "webhook"}),
        )
        .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let until = std::time::Instant::now() + Duration::from_secs(20);
        let s = loop {
            let (_, s) = get(&base, "/api/send", Some(&cookie)).await;
            if s["run"]["running"] == false {
                break s;
            }
            assert!(std::time::Instant::now() < until, "{s}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let outcomes: Vec<&str> = s["run"]["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["outcome"].as_str().unwrap())
            .collect();
        let want = if round == 0 { "sent" } else { "skipped" };
        assert_eq!(outcomes, vec![want; 7], "{s}");
        assert_eq!(s["run"]["done"], 7, "{s}");
    }
    assert_eq!(
        receiver.lock().unwrap().records.len(),
        7,
        "each record once"
    );
}
