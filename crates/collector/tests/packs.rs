//! `GET /v1/packs` and `GET /v1/packs/NAME` from the real binary: each folder under
//! `--packs` is a pack, served as a deterministic tar with a matching `Content-Digest`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Backend, Collector};

async fn get(c: &Collector, path: &str) -> (u16, Option<String>, Vec<u8>) {
    let r = reqwest::get(c.url.join(path).unwrap()).await.unwrap();
    let digest = r
        .headers()
        .get("content-digest")
        .map(|v| v.to_str().unwrap().to_owned());
    (
        r.status().as_u16(),
        digest,
        r.bytes().await.unwrap().to_vec(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kiosks_can_pull_the_organisations_packs() {
    let shelf = tempfile::tempdir().unwrap();
    placard_petition::demo::extract(&shelf.path().join("rally-2026")).unwrap();
    std::fs::create_dir(shelf.path().join(".drafts")).unwrap();
    std::fs::write(shelf.path().join("notes.txt"), "not a pack").unwrap();
    let c = Collector::start_with(
        Backend::Sqlite,
        &["--packs", shelf.path().to_str().unwrap()],
    )
    .unwrap();

    let (status, _, body) = get(&c, "v1/packs").await;
    assert_eq!(status, 200);
    let listed: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let packs = listed["packs"].as_array().unwrap();
    assert_eq!(packs.len(), 1, "{listed}");
    assert_eq!(packs[0]["name"], "rally-2026");

    let (status, digest, tar) = get(&c, "v1/packs/rally-2026").await;
    assert_eq!(status, 200);
    let digest = digest.unwrap();
    assert!(placard_sync::digest::matches(&digest, &tar));
    assert_eq!(packs[0]["digest"], digest.as_str());
    assert_eq!(packs[0]["bytes"], tar.len());
    let out = tempfile::tempdir().unwrap();
    placard_petition::bundle::unpack(&tar, out.path()).unwrap();
    let pack =
        placard_petition::Pack::load(out.path(), &placard_petition::Renderer::default()).unwrap();
    assert!(pack.get("encryption-is-not-a-crime").is_some());

    for (path, status, code) in [
        ("v1/packs/nope", 404, "no_pack"),
        ("v1/packs/.drafts", 400, "bad_name"),
        ("v1/packs/..%2F..%2Fetc", 400, "bad_name"),
    ] {
        let (got, _, body) = get(&c, path).await;
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!((got, body["code"].as_str()), (status, Some(code)), "{path}");
    }

    // A collector without --packs offers none.
    let bare = Collector::start();
    let (_, _, body) = get(&bare, "v1/packs").await;
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&body).unwrap()["packs"],
        serde_json::json!([])
    );
}

/// `placard-collector notice HASH` prints the privacy notice a consent receipt names, word for
/// word, from the packs it serves (or the built-in demo pack).
#[test]
fn a_consent_receipt_s_notice_is_printed_by_its_hash() {
    let shelf = tempfile::tempdir().unwrap();
    let pack = shelf.path().join("rally-2026");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(pack.join("p.md"), "---\ntitle: P\n---\n").unwrap();
    let ours = "## Our notice\n\nWe keep it 7 days.\n";
    std::fs::write(pack.join("privacy.md"), ours).unwrap();
    let notice = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_placard-collector"))
            .arg("notice")
            .args(args)
            .output()
            .unwrap()
    };
    let hash = placard_petition::notice::digest(ours);
    let out = notice(&["--packs", shelf.path().to_str().unwrap(), &hash[..12]]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), ours);
    assert!(String::from_utf8_lossy(&out.stderr).contains("rally-2026/p (original)"));

    // The demo pack's, with no packs folder at all.
    let demo = placard_petition::notice::digest(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../packs/demo/privacy.sw.md"
        ))
        .unwrap(),
    );
    let out = notice(&[&demo]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("## Jinsi tunavyotumia data yako")
    );

    for unknown in ["0000000000", "xyz"] {
        let out = notice(&[unknown]);
        assert!(!out.status.success());
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}
