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
