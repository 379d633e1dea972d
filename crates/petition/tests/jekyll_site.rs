//! A pack made from another organisation's Jekyll site (`tests/fixtures/jekyll-site`: folder
//! index pages, permalinks, posts, static files, Jekyll's own folders, summaries and hero images
//! under each of their keys, Action Network widgets of each kind and hostile ones) loads
//! completely, each page under the id Jekyll gives it.

use std::path::{Path, PathBuf};

use placard_petition::{FileReport, Pack, Renderer};

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jekyll-site")
}

fn warnings_of<'a>(pack: &'a Pack, file: &str) -> Vec<&'a str> {
    pack.report()
        .iter()
        .find(|r| r.path().ends_with(file))
        .map(|r| match r {
            FileReport::Loaded { warnings, .. } => {
                warnings.iter().map(|w| w.message.as_str()).collect()
            }
            other => panic!("{file}: {other:?}"),
        })
        .unwrap_or_else(|| panic!("{file} not in the report"))
}

#[test]
fn a_jekyll_site_in_other_layouts_loads_completely() {
    let pack = Pack::load(&site(), &Renderer::default()).expect("the site loads");
    assert_eq!(pack.failures().count(), 0, "{:#?}", pack.report());

    let ids: Vec<&str> = pack.petitions().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "about",              // permalink /about/
            "encrypt-everything", // _posts/2024-03-01-encrypt-everything.md
            "hostile-widgets",
            "no-backdoors",
            "privacy-now",  // permalink without a trailing slash
            "rally-day",    // a post
            "save",         // permalink /save/ beats the folder
            "spring-rally", // a placeholder permalink: the folder's name
            "stop-the-ban", // stop-the-ban/index.md
            "write-your-mp",
        ]
    );

    let skipped: Vec<(String, &str)> = pack
        .report()
        .iter()
        .filter_map(|r| match r {
            FileReport::Skipped { path, reason } => Some((
                path.strip_prefix(site())
                    .expect("inside")
                    .display()
                    .to_string(),
                reason.as_str(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        skipped.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        ["README.md", "_includes/footer.md", "_layouts/default.md"]
    );
    assert!(skipped[0].1.contains("no front matter"), "{skipped:?}");
    assert!(skipped[2].1.contains("_layouts"), "{skipped:?}");

    // The folder page, its translation, its summary, hero image and embedded widget.
    let ban = pack.get("stop-the-ban").expect("stop-the-ban");
    let p = &ban.original.petition;
    assert_eq!(
        p.summary.as_deref(),
        Some("Tell Parliament to keep our messages private.")
    );
    assert_eq!(
        ban.original.hero_image.as_deref(),
        Some("pack://localhost/img/hero.jpg")
    );
    assert_eq!(
        p.action_network.slug.as_deref(),
        Some("stop-the-encryption-ban")
    );
    // The site's own page is the share URL; the widget's slug goes to the fan-out.
    assert_eq!(
        p.public_url().as_deref(),
        Some("https://act.example.org/campaigns/stop-the-ban/")
    );
    assert!(!ban.original.body_html.contains("script"));
    let de = ban.localized(Some("de"));
    assert_eq!(de.petition.id, "stop-the-ban");
    assert_eq!(de.petition.title, "Stoppt das Verschlüsselungsverbot");

    let save = &pack.get("save").expect("save").original;
    assert_eq!(
        save.petition.summary.as_deref(),
        Some("One internet, open to all.")
    );
    assert_eq!(
        save.hero_image.as_deref(),
        Some("pack://localhost/img/hero.png")
    );
    assert_eq!(
        save.petition.public_url().as_deref(),
        Some("https://act.example.org/campaigns/save/")
    );

    let privacy = &pack.get("privacy-now").expect("privacy-now").original;
    assert_eq!(
        privacy.petition.summary.as_deref(),
        Some("Privacy is a right.")
    );
    assert_eq!(
        privacy.hero_image.as_deref(),
        Some("pack://localhost/img/hero.jpg"),
        "jekyll-seo-tag's image: {{path: …}}"
    );

    let backdoors = &pack.get("no-backdoors").expect("no-backdoors").original;
    assert_eq!(
        backdoors.petition.summary.as_deref(),
        Some("A backdoor for one is a backdoor for all.")
    );
    assert_eq!(backdoors.hero_image, None, "an SVG is never a hero");
    assert!(
        warnings_of(&pack, "no-backdoors.md")
            .iter()
            .any(|w| w.contains("not a raster image")),
    );
    // No page online without a permalink or a folder: no share URL made up.
    assert_eq!(backdoors.petition.public_url(), None);

    let post = &pack
        .get("encrypt-everything")
        .expect("encrypt-everything")
        .original;
    assert_eq!(
        post.hero_image.as_deref(),
        Some("pack://localhost/img/hero.jpg")
    );

    // Widgets that are not petitions say so; hostile ones give nothing.
    for (file, kind) in [
        ("2024-04-02-rally-day.md", "event"),
        ("write-your-mp.md", "letter"),
    ] {
        let w = warnings_of(&pack, file);
        assert!(
            w.iter()
                .any(|w| w.contains(kind) && w.contains("not a petition")),
            "{file}: {w:?}"
        );
    }
    for id in ["rally-day", "write-your-mp"] {
        let p = &pack.get(id).expect(id).original.petition;
        assert!(
            !p.published,
            "{id}: not a petition, not on the start screen"
        );
        assert_eq!(p.action_network.slug, None, "{id}");
    }
    assert!(
        pack.get("stop-the-ban")
            .expect("ban")
            .original
            .petition
            .published
    );
    let hostile = &pack.get("hostile-widgets").expect("hostile").original;
    assert_eq!(hostile.petition.action_network.slug, None);
    assert_eq!(hostile.petition.public_url(), None);
    assert!(!hostile.body_html.contains("script"));
    assert_eq!(pack.site().title.as_deref(), Some("Example Action"));
}

#[test]
fn a_clash_of_ids_names_both_files() {
    let dir = tempfile::tempdir().expect("dir");
    for (rel, text) in [
        ("a/save-x/index.md", "---\ntitle: one\n---\n"),
        ("b/other.md", "---\ntitle: two\npermalink: /save-x/\n---\n"),
    ] {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    let pack = Pack::load(dir.path(), &Renderer::default()).expect("pack");
    let e = pack.failures().next().expect("a clash");
    assert!(e.path.ends_with("b/other.md"), "{e}");
    assert!(
        e.reason.contains("duplicate petition id `save-x`") && e.reason.contains("save-x/index.md"),
        "{e}"
    );
}
