//! Hostile petitions (tests/fixtures/hostile-pack, 44 payloads, four of them Action Network
//! widgets and hostile hero images) render to HTML in which no
//! payload is live: checked on the parsed DOM, not by string search, so an encoding trick that
//! a browser would undo cannot slip past.

use std::path::Path;

use placard_petition::{Pack, Renderer};
use scraper::Html;

const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "body", // added by the parser around any fragment
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

fn hostile_pack() -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-pack");
    Pack::load(&dir, &Renderer::new("pack://localhost/")).expect("hostile pack loads")
}

/// Every way the HTML could run script, load something remote or leave the app.
fn live_payloads(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let tag = el.name();
        if !ALLOWED_TAGS.contains(&tag) {
            found.push(format!("element <{tag}>"));
        }
        for (name, value) in el.attrs() {
            let v = value.trim().to_ascii_lowercase();
            if name.starts_with("on") {
                found.push(format!("event handler {name} on <{tag}>"));
            }
            if matches!(
                name,
                "style" | "srcset" | "formaction" | "action" | "srcdoc" | "background"
            ) {
                found.push(format!("attribute {name} on <{tag}>"));
            }
            match (tag, name) {
                ("img", "src") if !v.starts_with("pack://localhost/") => {
                    found.push(format!("image from {v}"));
                }
                ("img", "src") if v.contains("..") => found.push(format!("image path {v}")),
                ("a", "href")
                    if !(v.starts_with("https://")
                        || v.starts_with("http://")
                        || v.starts_with("mailto:")) =>
                {
                    found.push(format!("link to {v}"));
                }
                _ => {}
            }
        }
    }
    found
}

#[test]
fn no_hostile_payload_survives_rendering() {
    let pack = hostile_pack();
    assert_eq!(
        pack.failures().count(),
        0,
        "{:?}",
        pack.failures().collect::<Vec<_>>()
    );
    let petitions: Vec<_> = pack.petitions().collect();
    assert!(
        petitions.len() >= 30,
        "only {} hostile petitions",
        petitions.len()
    );
    for entry in petitions {
        let p = &entry.original;
        // Every hostile file stays on show (the real-window test walks them all).
        assert!(p.petition.published, "{}", p.path.display());
        // Only a raster image inside the pack becomes a hero; none of these is one.
        assert_eq!(p.hero_image, None, "{}", p.path.display());
        // A widget's slug is taken only from Action Network's exact embed URL.
        let slug = p.petition.action_network.slug.as_deref();
        let want = match entry.id() {
            "43-an-widget-real" => Some("defend-encryption"),
            "44-an-event-and-letter" => Some("also-a-petition"),
            _ => None,
        };
        assert_eq!(slug, want, "{}", p.path.display());
        for html in std::iter::once(&p.body_html).chain(p.disclosure_html.as_ref()) {
            let live = live_payloads(html);
            assert!(live.is_empty(), "{}: {live:?}\n{html}", p.path.display());
            // Whatever was stripped, the author's own text around it is kept.
            if std::ptr::eq(html, &p.body_html) {
                assert!(
                    html.contains("Before the payload.") && html.contains("After the payload."),
                    "{html}"
                );
            }
        }
    }
}

/// The checker itself must catch live payloads, or the test above proves nothing.
#[test]
fn the_checker_catches_live_payloads() {
    for live in [
        "<script>x()</script>",
        "<img src=x onerror=x()>",
        "<a href='javascript:x()'>a</a>",
        "<img src='https://evil.example/t.gif'>",
        "<div style='x'>s</div>",
        "<iframe></iframe>",
        "<a href='data:text/html,x'>d</a>",
    ] {
        assert!(!live_payloads(live).is_empty(), "missed {live}");
    }
    assert!(
        live_payloads(
            "<p><img src=\"pack://localhost/img/a.png\"> <a href=\"https://x.org\">x</a></p>"
        )
        .is_empty()
    );
}

#[test]
fn remote_and_traversal_images_are_warned_about() {
    let pack = hostile_pack();
    let warnings = |id: &str| -> Vec<String> {
        pack.get(id)
            .unwrap()
            .original
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let remote = warnings("31-remote-markdown-image");
    assert!(
        remote.iter().any(|w| w.contains("remote image")),
        "{remote:?}"
    );
    let traversal = warnings("38-pack-traversal-image");
    assert!(traversal.iter().any(|w| w.contains("..")), "{traversal:?}");
}
