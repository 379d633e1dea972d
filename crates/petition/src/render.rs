//! Petition body to sanitised HTML: Liquid tags of the FFTF site first, then Markdown with
//! pulldown-cmark (images resolved to the pack's own files), then an allow-list sanitiser.
//!
//! The sanitiser is the security boundary: whatever the earlier stages emit, only the tags,
//! attributes and URL schemes listed in [`Renderer::new`] reach the kiosk. Images may only point
//! at the kiosk's asset scheme, so a petition can never make the kiosk touch the network.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::model::Warning;

/// The URL scheme under which the kiosk serves a pack's files (images).
pub const ASSET_SCHEME: &str = "pack";

/// Base URL of pack assets as the kiosk's webview addresses them. WebKitGTK and WKWebView use
/// `scheme://localhost/`; WebView2 and Android use `http://scheme.localhost/`.
pub const fn kiosk_asset_base() -> &'static str {
    if cfg!(any(windows, target_os = "android")) {
        "http://pack.localhost/"
    } else {
        "pack://localhost/"
    }
}

/// Path characters kept as they are in asset URLs; everything else is percent-encoded.
const PATH_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Where a petition file sits, for resolving its images.
#[derive(Debug, Clone, Copy)]
pub struct Location<'a> {
    /// Canonical directory of the petition file.
    pub file_dir: &'a Path,
    /// Canonical pack root. `/img/...` is looked up in the file's directory and each parent up to
    /// and including this one; nothing outside it is ever served.
    pub pack_root: &'a Path,
}

/// HTML ready for the kiosk, and what the author should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub warnings: Vec<Warning>,
}

/// Renders petition Markdown. Build once and reuse: the sanitiser's tables are built here.
pub struct Renderer {
    asset_base: String,
    sanitizer: ammonia::Builder<'static>,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("asset_base", &self.asset_base)
            .finish_non_exhaustive()
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new(kiosk_asset_base())
    }
}

impl Renderer {
    /// `asset_base` is the absolute URL prefix under which the pack's files are served, such as
    /// [`kiosk_asset_base`]. It must be `scheme://host/`.
    pub fn new(asset_base: &str) -> Self {
        let mut b = ammonia::Builder::empty();
        b.add_tags([
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
        ])
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("img", ["src", "alt", "title"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_allowed_classes("details", ["placard-readmore"])
        .add_allowed_classes("figure", ["placard-snapshot"])
        .add_allowed_classes("div", ["placard-video"])
        .add_allowed_classes("span", ["placard-image-missing"])
        // Content of these is dropped with the tag, not left behind as text.
        .clean_content_tags(HashSet::from([
            "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
            "textarea", "select", "title", "frameset", "noembed", "xmp",
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto", ASSET_SCHEME]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
        // Images only from the pack, never from the network.
        let base = asset_base.to_owned();
        b.attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                ("img", "src") => value
                    .strip_prefix(base.as_str())
                    .filter(|path| is_plain_asset_path(path))
                    .map(|_| value.into()),
                // A link into the pack would navigate the webview to a bare image.
                ("a", "href") if value.starts_with(&base) => None,
                _ => Some(value.into()),
            },
        );
        Self {
            asset_base: asset_base.to_owned(),
            sanitizer: b,
        }
    }

    pub fn asset_base(&self) -> &str {
        &self.asset_base
    }

    /// Renders a petition body (or any petition Markdown, such as a disclosure text).
    pub fn render(&self, markdown: &str, at: Location<'_>) -> Rendered {
        let mut warnings = Vec::new();
        let pre = self.expand_liquid(markdown, at, &mut warnings);
        let pre = bracket_spaced_destinations(&pre);
        let mut html = String::with_capacity(pre.len() * 3 / 2);
        let parser = Parser::new_ext(&pre, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
        let mut image: Option<(String, String)> = None; // (dest, alt so far)
        let events = parser.filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.into_string(), String::new()));
                None
            }
            Event::End(TagEnd::Image) => image.take().map(|(dest, alt)| {
                Event::InlineHtml(self.image_html(&dest, &alt, at, &mut warnings).into())
            }),
            Event::Text(t) | Event::Code(t) if image.is_some() => {
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
                None
            }
            _ if image.is_some() => None,
            other => Some(other),
        });
        pulldown_cmark::html::push_html(&mut html, events);
        Rendered {
            html: self.sanitizer.clean(&html).to_string(),
            warnings,
        }
    }

    /// An image a petition names outside its body (its hero image): the path inside the pack
    /// and the URL the kiosk addresses it by, or why it cannot be shown. Resolved exactly as
    /// body images are (`{{ site.baseurl }}` stands for the pack root).
    pub fn image_url(&self, dest: &str, at: Location<'_>) -> Result<(String, String), String> {
        let dest = dest.trim();
        let dest = ["{{site.baseurl}}", "{{ site.baseurl }}"]
            .iter()
            .find_map(|p| dest.strip_prefix(p))
            .unwrap_or(dest);
        let rel = resolve_image(dest, at)?;
        let url = format!(
            "{}{}",
            self.asset_base,
            utf8_percent_encode(&rel, PATH_KEEP)
        );
        Ok((rel, url))
    }

    /// Replaces the FFTF site's Liquid: `{{site.baseurl}}` becomes the pack root, `readmore`
    /// a collapsible section, `snapshot` a figure, `embed_video` an offline placeholder; any
    /// other tag or output is removed with a warning.
    fn expand_liquid(&self, src: &str, at: Location<'_>, warnings: &mut Vec<Warning>) -> String {
        let mut out = String::with_capacity(src.len());
        let mut rest = src;
        let mut open_readmore = 0usize;
        while let Some(start) = rest.find(['{']) {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            let (close, is_tag) = if tail.starts_with("{{") {
                ("}}", false)
            } else if tail.starts_with("{%") {
                ("%}", true)
            } else {
                out.push('{');
                rest = &tail[1..];
                continue;
            };
            let Some(end) = tail[2..].find(close) else {
                // An unclosed `{{` or `{%` is text, as Jekyll would show it.
                out.push_str(&tail[..2]);
                rest = &tail[2..];
                continue;
            };
            let inner = tail[2..2 + end].trim();
            rest = &tail[2 + end + 2..];
            if !is_tag {
                if inner != "site.baseurl" {
                    warnings.push(Warning::new(format!(
                        "Liquid output `{{{{ {inner} }}}}` removed"
                    )));
                }
                continue;
            }
            let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let args = args.trim();
            match name {
                "readmore" => {
                    open_readmore += 1;
                    let summary = if args.is_empty() { "Read more" } else { args };
                    let _ = write!(
                        out,
                        "\n\n<details class=\"placard-readmore\"><summary>{}</summary>\n\n",
                        html_text(summary)
                    );
                }
                "endreadmore" if open_readmore > 0 => {
                    open_readmore -= 1;
                    out.push_str("\n\n</details>\n\n");
                }
                "endreadmore" => {
                    warnings.push(Warning::new(
                        "`{% endreadmore %}` without `{% readmore %}` removed",
                    ));
                }
                "snapshot" => {
                    let (path, caption) =
                        args.split_once(char::is_whitespace).unwrap_or((args, ""));
                    let caption = caption.trim();
                    let img = self.image_html(path, caption, at, warnings);
                    let _ = write!(out, "\n\n<figure class=\"placard-snapshot\">{img}");
                    if !caption.is_empty() {
                        let _ = write!(out, "<figcaption>{}</figcaption>", html_text(caption));
                    }
                    out.push_str("</figure>\n\n");
                }
                "embed_video" => {
                    let provider = liquid_arg(args, "video_provider").unwrap_or("online");
                    let id = liquid_arg(args, "video_id").unwrap_or("");
                    let _ = write!(
                        out,
                        "\n\n<div class=\"placard-video\"><p>Video: {} {} (not available offline)</p></div>\n\n",
                        html_text(&capitalise(provider)),
                        html_text(id)
                    );
                }
                other => {
                    warnings.push(Warning::new(format!(
                        "Liquid tag `{{% {other} %}}` removed"
                    )));
                }
            }
        }
        out.push_str(rest);
        if open_readmore > 0 {
            warnings.push(Warning::new(
                "`{% readmore %}` never closed; closed at the end",
            ));
            for _ in 0..open_readmore {
                out.push_str("\n\n</details>\n");
            }
        }
        out
    }

    /// The HTML for one image reference: the pack's file, or a neutral placeholder.
    fn image_html(
        &self,
        dest: &str,
        alt: &str,
        at: Location<'_>,
        warnings: &mut Vec<Warning>,
    ) -> String {
        let shown = if alt.trim().is_empty() {
            file_name(dest)
        } else {
            alt.trim()
        };
        match resolve_image(dest, at) {
            Ok(rel) => {
                let url = format!(
                    "{}{}",
                    self.asset_base,
                    utf8_percent_encode(&rel, PATH_KEEP)
                );
                let mut s = String::from("<img src=\"");
                let _ = escape_href(&mut s, &url);
                s.push_str("\" alt=\"");
                let _ = escape_html(&mut s, alt.trim());
                s.push_str("\">");
                s
            }
            Err(why) => {
                warnings.push(Warning::new(why));
                format!(
                    "<span class=\"placard-image-missing\">Image not available: {}</span>",
                    html_text(shown)
                )
            }
        }
    }
}

/// An asset URL path with no way up or out: no `..` (even percent-encoded), no backslash.
fn is_plain_asset_path(path: &str) -> bool {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    !decoded.contains('\\') && !decoded.split('/').any(|seg| seg == ".." || seg == ".")
}

/// Resolves an image reference to a path relative to the pack root, or says why it can't.
fn resolve_image(dest: &str, at: Location<'_>) -> Result<String, String> {
    let dest = dest.trim();
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//") {
        return Err(format!(
            "remote image `{dest}` not shown: the kiosk never fetches from the network"
        ));
    }
    if let Some((scheme, _)) = dest.split_once(':')
        && !scheme.contains('/')
    {
        return Err(format!(
            "image `{}` removed: `{scheme}:` URLs are not allowed",
            clip(dest)
        ));
    }
    let path = dest.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode_str(path).decode_utf8_lossy();
    if path.is_empty() {
        return Err("image with an empty path removed".into());
    }
    let rel = Path::new(path.as_ref());
    if rel
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(format!(
            "image `{}` removed: `..` is not allowed in image paths",
            clip(dest)
        ));
    }
    let candidates: Vec<PathBuf> = if path.starts_with('/') {
        // Site-absolute (`/img/...`): the nearest directory, up to the pack root, that has it.
        let rel = path.trim_start_matches('/');
        at.file_dir
            .ancestors()
            .take_while(|d| d.starts_with(at.pack_root))
            .map(|d| d.join(rel))
            .collect()
    } else {
        vec![at.file_dir.join(rel)]
    };
    for candidate in candidates {
        if let Ok(real) = candidate.canonicalize()
            && real.is_file()
            && let Ok(inside) = real.strip_prefix(at.pack_root)
        {
            let mut rel = String::new();
            for (i, part) in inside.components().enumerate() {
                if i > 0 {
                    rel.push('/');
                }
                rel.push_str(&part.as_os_str().to_string_lossy());
            }
            return Ok(rel);
        }
    }
    Err(format!(
        "image `{}` not found in the pack; shown as a placeholder",
        clip(dest)
    ))
}

/// CommonMark forbids spaces in a link destination unless it is written `<...>`; Jekyll's
/// kramdown accepted them (`![x](/img/chelsea (1).png)`). Wrap such destinations in `<>`.
fn bracket_spaced_destinations(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut rest = src;
    while let Some(pos) = rest.find("](") {
        out.push_str(&rest[..pos + 2]);
        rest = &rest[pos + 2..];
        let mut depth = 1usize;
        let mut end = None;
        for (i, c) in rest.char_indices() {
            match c {
                '\n' => break,
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        let dest = &rest[..end];
        let trimmed = dest.trim();
        if trimmed.contains(' ') && !trimmed.starts_with('<') && !has_title(trimmed) {
            out.push('<');
            out.push_str(&trimmed.replace('<', "%3C").replace('>', "%3E"));
            out.push('>');
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

/// `url "title"`, `url 'title'` or `url (title)`.
fn has_title(dest: &str) -> bool {
    let Some((_, title)) = dest.split_once(char::is_whitespace) else {
        return false;
    };
    let t = title.trim();
    t.len() >= 2
        && matches!(
            (t.as_bytes()[0], t.as_bytes()[t.len() - 1]),
            (b'"', b'"') | (b'\'', b'\'') | (b'(', b')')
        )
        && !t[1..t.len() - 1].contains(['"', '\'', '(', ')'])
}

/// `name='value'` or `name="value"` from a Liquid tag's arguments.
fn liquid_arg<'a>(args: &'a str, name: &str) -> Option<&'a str> {
    let at = args.find(&format!("{name}="))? + name.len() + 1;
    let rest = &args[at..];
    let quote = rest.chars().next()?;
    if quote == '\'' || quote == '"' {
        rest[1..].split(quote).next()
    } else {
        rest.split_whitespace().next()
    }
}

fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = escape_html(&mut out, s);
    out
}

fn capitalise(s: &str) -> String {
    match s {
        "youtube" => "YouTube".into(),
        _ => {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

fn file_name(dest: &str) -> &str {
    dest.rsplit('/').next().unwrap_or(dest)
}

fn clip(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixture {
        _dir: tempfile::TempDir,
        root: PathBuf,
        file_dir: PathBuf,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("img/action-network")).unwrap();
        std::fs::create_dir_all(root.join("current/2016")).unwrap();
        std::fs::write(root.join("img/action-network/chelsea (1).png"), b"png").unwrap();
        std::fs::write(root.join("img/action-network/a.jpg"), b"jpg").unwrap();
        std::fs::write(root.join("current/2016/local.png"), b"png").unwrap();
        let file_dir = root.join("current/2016");
        Fixture {
            _dir: dir,
            root,
            file_dir,
        }
    }

    fn render(f: &Fixture, md: &str) -> Rendered {
        Renderer::new("pack://localhost/").render(
            md,
            Location {
                file_dir: &f.file_dir,
                pack_root: &f.root,
            },
        )
    }

    #[test]
    fn site_baseurl_images_resolve_to_pack_files_even_with_spaces() {
        let f = fixture();
        let r = render(
            &f,
            "![chelsea (1).png]({{site.baseurl}}/img/action-network/chelsea (1).png)\n",
        );
        assert!(
            r.html.contains(r#"<img src="pack://localhost/img/action-network/chelsea%20%281%29.png" alt="chelsea (1).png">"#),
            "{}",
            r.html
        );
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let r = render(&f, "![a](/img/action-network/a.jpg) and ![l](local.png)");
        assert!(
            r.html.contains("pack://localhost/img/action-network/a.jpg"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("pack://localhost/current/2016/local.png"),
            "{}",
            r.html
        );
    }

    #[test]
    fn missing_and_remote_images_become_placeholders_with_warnings() {
        let f = fixture();
        let r = render(
            &f,
            "![Mass graves](/img/page/none.jpg)\n\n![x](https://evil.example/t.gif)",
        );
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert!(
            r.html.contains("Image not available: Mass graves"),
            "{}",
            r.html
        );
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
        assert!(r.warnings[0].message.contains("not found"));
        assert!(r.warnings[1].message.contains("remote image"));
    }

    #[test]
    fn images_cannot_escape_the_pack() {
        let f = fixture();
        let r = render(&f, "![p](../../../etc/passwd) ![q](/../etc/passwd)");
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert_eq!(r.warnings.len(), 2);
    }

    #[test]
    fn readmore_becomes_details_with_markdown_inside() {
        let f = fixture();
        let r = render(
            &f,
            "Intro\n\n{% readmore Read more… %}\nHidden **bold** text\n{% endreadmore %}\n\nAfter",
        );
        assert!(
            r.html
                .contains(r#"<details class="placard-readmore"><summary>Read more…</summary>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains("<strong>bold</strong>"), "{}", r.html);
        assert!(r.html.contains("</details>"));
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn snapshot_becomes_a_figure_and_video_a_placeholder() {
        let f = fixture();
        let r = render(
            &f,
            "{% snapshot /img/action-network/a.jpg Isn’t this a pretty space? %}\n\n{% embed_video video_provider='youtube' video_id='6AdDLhPwpp4' %}",
        );
        assert!(r.html.contains(r#"<figure class="placard-snapshot"><img src="pack://localhost/img/action-network/a.jpg""#), "{}", r.html);
        assert!(
            r.html
                .contains("<figcaption>Isn’t this a pretty space?</figcaption>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("Video: YouTube 6AdDLhPwpp4 (not available offline)"),
            "{}",
            r.html
        );
    }

    #[test]
    fn unknown_liquid_is_removed_with_a_warning() {
        let f = fixture();
        let r = render(&f, "A {% include footer.html %} B {{ page.title }} C");
        assert_eq!(r.html.trim(), "<p>A  B  C</p>");
        assert_eq!(r.warnings.len(), 2);
        let r = render(&f, "{% readmore More %}\ntext");
        assert!(r.html.contains("</details>"));
        assert_eq!(r.warnings.len(), 1);
    }

    #[test]
    fn links_keep_web_urls_and_lose_relative_ones() {
        let f = fixture();
        let r = render(&f, "[t](https://example.org/a) [p](/privacy/)");
        assert!(
            r.html.contains(r#"href="https://example.org/a""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"rel="noopener noreferrer nofollow""#),
            "{}",
            r.html
        );
        assert!(!r.html.contains("/privacy/"), "{}", r.html);
    }

    #[test]
    fn link_titles_are_not_mistaken_for_spaced_paths() {
        assert_eq!(
            bracket_spaced_destinations("[a](/x \"t y\")"),
            "[a](/x \"t y\")"
        );
        assert_eq!(
            bracket_spaced_destinations("[a](/x y.png)"),
            "[a](</x y.png>)"
        );
        assert_eq!(
            bracket_spaced_destinations("[a](/c (1).png)"),
            "[a](</c (1).png>)"
        );
    }
}
