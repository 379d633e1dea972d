//! Jekyll's own conventions, so a pack made from any Jekyll site loads as that site's pages:
//! where a page's id comes from (its `permalink`, its folder for `folder/index.md`, a post's
//! slug), which files are not pages at all, the site's `_config.yml`, and Action Network
//! widgets embedded in a page.
//!
//! Nothing here runs anything from a page: a widget's slug is read only from the exact URL
//! shape Action Network gives its embed code, and anything else is left to the sanitiser,
//! which removes it.

use std::path::{Component, Path};

use serde::Deserialize;

/// The folder Jekyll keeps its posts in.
pub const POSTS: &str = "_posts";

/// Why a file under the pack is not a page, when it is not: Jekyll's own folders (`_layouts`,
/// `_includes`, `_site`, …; posts excepted) hold templates and output, not petitions.
pub fn not_a_page(rel: &Path) -> Option<String> {
    let dirs = rel.parent()?;
    for c in dirs.components() {
        if let Component::Normal(name) = c {
            let name = name.to_string_lossy();
            if name.starts_with('_') && name != POSTS {
                return Some(format!("in Jekyll's `{name}` folder, not a page"));
            }
        }
    }
    None
}

/// The id Jekyll's layout gives a file (before its `permalink`, which wins when it names one):
/// `folder/index.md` is its folder (`/folder/`), `_posts/YYYY-MM-DD-slug.md` its slug, any
/// other file its name. `stem` is the file name without its extension (and language).
pub fn layout_id(rel: &Path, stem: &str) -> String {
    if stem == "index"
        && let Some(folder) = rel.parent().and_then(Path::file_name)
    {
        return folder.to_string_lossy().into_owned();
    }
    let in_posts = rel
        .parent()
        .is_some_and(|d| d.components().any(|c| c.as_os_str() == POSTS));
    if in_posts && let Some(slug) = post_slug(stem) {
        return slug.to_owned();
    }
    stem.to_owned()
}

/// `2016-05-10-save-x` → `save-x`: Jekyll's slug drops the date.
fn post_slug(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let date = b.len() > 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b[10] == b'-';
    date.then(|| &stem[11..]).filter(|s| !s.is_empty())
}

/// The id a `permalink` names: its last path segment, without `.html` (`/petitions/save-x/` →
/// `save-x`). `None` for a permalink that names no single page: empty, the site's root, or
/// one made of Jekyll's placeholders (`/:categories/:title/`).
pub fn permalink_id(permalink: &str) -> Option<Result<String, String>> {
    let path = permalink.trim().split(['?', '#']).next().unwrap_or("");
    if path.contains(':') || path.contains('{') {
        return None;
    }
    let last = path.split('/').rfind(|s| !s.is_empty())?;
    let id = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".htm"))
        .unwrap_or(last);
    let plain = !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    Some(if plain {
        Ok(id.to_owned())
    } else {
        Err(format!(
            "permalink `{permalink}` does not end in a plain name; the file's own name is the id"
        ))
    })
}

/// The page's path on the site, for its share URL: the `permalink` when it names one, else
/// the folder of a `folder/index.md`; `None` otherwise (Jekyll's defaults for other pages
/// depend on site settings the pack does not carry).
pub fn page_path(rel: &Path, stem: &str, permalink: Option<&str>) -> Option<String> {
    if let Some(p) = permalink {
        let p = p.trim();
        if p.starts_with('/') && !p.contains(':') && !p.contains("//") {
            return Some(p.to_owned());
        }
        return None;
    }
    if stem != "index" {
        return None;
    }
    let mut path = String::from("/");
    for c in rel.parent()?.components() {
        if let Component::Normal(part) = c {
            path.push_str(&part.to_string_lossy());
            path.push('/');
        }
    }
    Some(path)
}

/// What a site's `_config.yml` says that a pack uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SiteConfig {
    /// `https://example.org`, with no trailing slash.
    pub url: Option<String>,
    /// `/campaigns`, or empty.
    pub baseurl: Option<String>,
    pub title: Option<String>,
    /// Placard's own key: the pack's default for petitions that do not say whether signers
    /// must tick the privacy notice's box (`consent_required`).
    pub consent_required: Option<bool>,
}

impl SiteConfig {
    /// Reads `root/_config.yml`; a pack without one (or with one that does not parse) has no
    /// site settings, which only means no share URLs are made from permalinks.
    pub fn read(root: &Path) -> Self {
        let Ok(text) = std::fs::read_to_string(root.join("_config.yml")) else {
            return Self::default();
        };
        // Only these keys are read; any other shape of theirs is ignored.
        let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap_or_default();
        let text = |key: &str| {
            value
                .get(key)
                .and_then(serde_yaml_ng::Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        Self {
            url: text("url"),
            baseurl: text("baseurl"),
            title: text("title"),
            consent_required: value
                .get("consent_required")
                .and_then(serde_yaml_ng::Value::as_bool),
        }
    }

    /// The page at `path` on the site (`https://example.org/campaigns/save-x/`), when the site
    /// says where it is (an http(s) `url`).
    pub fn page_url(&self, path: &str) -> Option<String> {
        let url = self.url.as_deref()?.trim_end_matches('/');
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.contains(' ') {
            return None;
        }
        let base = self.baseurl.as_deref().unwrap_or("").trim_end_matches('/');
        let base = if base.is_empty() || base.starts_with('/') {
            base.to_owned()
        } else {
            format!("/{base}")
        };
        Some(format!("{url}{base}{path}"))
    }
}

/// Which of Action Network's widgets a page embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetKind {
    Petition,
    Event,
    Letter,
}

/// An Action Network widget embedded in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widget {
    pub kind: WidgetKind,
    pub slug: String,
}

/// The Action Network widgets a page's body embeds, read from their script URLs only:
/// `<script src='https://actionnetwork.org/widgets/v2/KIND/SLUG?format=js…'>`. Any other
/// host, scheme or shape, and any slug with other than letters, digits, `-` and `_`, is not
/// taken (the sanitiser removes the script either way).
pub fn widgets(body: &str) -> Vec<Widget> {
    let lower = body.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if let Some(src) = attribute(&body[start..end], "src")
            && let Some(w) = widget_url(&src)
            && !out.contains(&w)
        {
            out.push(w);
        }
        from = end;
    }
    out
}

/// One attribute's value in a tag's text (`name='v'`, `name="v"` or `name=v`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let i = from + at;
        from = i + name.len();
        // A whole attribute name, not the tail of another (`data-src`).
        let before = lower[..i].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('\'' | '"')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(value.to_owned());
    }
    None
}

/// The widget a script URL loads, if it is exactly Action Network's embed URL.
fn widget_url(src: &str) -> Option<Widget> {
    let src = src.trim();
    let rest = src
        .strip_prefix("https://actionnetwork.org/widgets/v2/")
        .or_else(|| src.strip_prefix("//actionnetwork.org/widgets/v2/"))?;
    let (path, query) = rest.split_once('?')?;
    if !query.split('&').any(|kv| kv == "format=js") {
        return None;
    }
    let (kind, slug) = path.split_once('/')?;
    let kind = match kind {
        "petition" => WidgetKind::Petition,
        "event" => WidgetKind::Event,
        "letter" => WidgetKind::Letter,
        _ => return None,
    };
    let plain = !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    plain.then(|| Widget {
        kind,
        slug: slug.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_jekyll_s_layout() {
        let id = |rel: &str, stem: &str| layout_id(Path::new(rel), stem);
        assert_eq!(id("save-x/index.md", "index"), "save-x");
        assert_eq!(id("a/b/save-y/index.md", "index"), "save-y");
        assert_eq!(id("index.md", "index"), "index");
        assert_eq!(
            id("_posts/2016-05-10-save-z.md", "2016-05-10-save-z"),
            "save-z"
        );
        assert_eq!(
            id("_posts/2016/2016-05-10-save-z.md", "2016-05-10-save-z"),
            "save-z"
        );
        // Outside `_posts` a dated name is just a name (the FFTF corpus has such files).
        assert_eq!(
            id(
                "current/2016/2016-08-12-test-petition.md",
                "2016-08-12-test-petition"
            ),
            "2016-08-12-test-petition"
        );
        assert_eq!(id("_posts/2016-05-10-.md", "2016-05-10-"), "2016-05-10-");
        assert_eq!(id("_posts/notes.md", "notes"), "notes");
    }

    #[test]
    fn permalinks_name_the_page() {
        let id = |p: &str| permalink_id(p);
        assert_eq!(id("/petitions/save-x/"), Some(Ok("save-x".into())));
        assert_eq!(id("/petitions/save-x"), Some(Ok("save-x".into())));
        assert_eq!(id("save-x.html"), Some(Ok("save-x".into())));
        assert_eq!(id("/stop-it/?ref=x#top"), Some(Ok("stop-it".into())));
        assert_eq!(id("/"), None);
        assert_eq!(id(""), None);
        assert_eq!(id("/:categories/:title/"), None);
        assert!(matches!(id("/a b/"), Some(Err(_))));
        assert!(matches!(id("/../"), Some(Err(_))));
    }

    #[test]
    fn share_urls_come_from_the_site_and_the_page() {
        let site = SiteConfig {
            url: Some("https://example.org/".into()),
            baseurl: Some("campaigns".into()),
            title: None,
            consent_required: None,
        };
        let path = |rel: &str, stem: &str, p: Option<&str>| page_path(Path::new(rel), stem, p);
        let p = path("a/save-x/index.md", "index", None).unwrap();
        assert_eq!(p, "/a/save-x/");
        assert_eq!(
            site.page_url(&p).as_deref(),
            Some("https://example.org/campaigns/a/save-x/")
        );
        assert_eq!(path("save-x.md", "save-x", None), None);
        assert_eq!(path("x.md", "x", Some("/stop/")).as_deref(), Some("/stop/"));
        assert_eq!(path("x.md", "x", Some("javascript:alert(1)")), None);
        assert_eq!(path("x.md", "x", Some("//evil.example/")), None);
        let no_site = SiteConfig::default();
        assert_eq!(no_site.page_url("/x/"), None);
        let bad = SiteConfig {
            url: Some("javascript:alert(1)".into()),
            ..SiteConfig::default()
        };
        assert_eq!(bad.page_url("/x/"), None);
    }

    #[test]
    fn widgets_are_read_from_their_exact_url_shape_only() {
        let body = r#"
<div id='can-petition-area-stop-the-ban' style='width: 100%'></div>
<script src='https://actionnetwork.org/widgets/v2/petition/stop-the-ban?format=js&source=widget'></script>
<SCRIPT type="text/javascript" SRC="//actionnetwork.org/widgets/v2/event/rally-day?format=js"></SCRIPT>
<script src=https://actionnetwork.org/widgets/v2/letter/write-in?format=js&source=x></script>
"#;
        assert_eq!(
            widgets(body),
            [
                Widget {
                    kind: WidgetKind::Petition,
                    slug: "stop-the-ban".into()
                },
                Widget {
                    kind: WidgetKind::Event,
                    slug: "rally-day".into()
                },
                Widget {
                    kind: WidgetKind::Letter,
                    slug: "write-in".into()
                },
            ]
        );
        for hostile in [
            "<script src='javascript:alert(1)//actionnetwork.org/widgets/v2/petition/x?format=js'>",
            "<script src='https://evil.example/widgets/v2/petition/x?format=js'>",
            "<script src='https://actionnetwork.org.evil.example/widgets/v2/petition/x?format=js'>",
            "<script src='http://actionnetwork.org/widgets/v2/petition/x?format=js'>",
            "<script src='https://actionnetwork.org/widgets/v2/petition/../../x?format=js'>",
            "<script src='https://actionnetwork.org/widgets/v2/petition/a/b?format=js'>",
            "<script src='https://actionnetwork.org/widgets/v2/petition/x%2F..?format=js'>",
            "<script src='https://actionnetwork.org/widgets/v2/petition/x'>",
            "<script src='https://actionnetwork.org/widgets/v2/fundraising/x?format=js'>",
            "<script data-src='https://actionnetwork.org/widgets/v2/petition/x?format=js'>",
            "<div id='can-petition-area-only-a-div'></div>",
            "<script src='https://actionnetwork.org/widgets/v2/petition/?format=js'>",
        ] {
            assert_eq!(widgets(hostile), [], "{hostile}");
        }
    }

    #[test]
    fn jekyll_s_own_folders_are_not_pages() {
        assert!(not_a_page(Path::new("_layouts/default.md")).is_some());
        assert!(not_a_page(Path::new("a/_includes/x.md")).is_some());
        assert_eq!(not_a_page(Path::new("_posts/2016-01-01-x.md")), None);
        assert_eq!(not_a_page(Path::new("x/_y.md")), None);
        assert_eq!(not_a_page(Path::new("x.md")), None);
    }
}
