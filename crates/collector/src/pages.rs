//! The console's pages: the Svelte app built into `ui/dist-console` (`npm --prefix ui run
//! build`), embedded in the binary at compile time — an organiser installs one file, and what
//! the browser runs cannot be changed on the collector's disk. Built without them (a Rust-only
//! build), the console answers its JSON and says on `/` how to add the pages.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::Embed)]
#[folder = "../../ui/dist-console"]
#[allow_missing = true]
struct Pages;

/// `/`: the console's one document.
pub async fn index() -> Response {
    match Pages::get("index.html") {
        Some(file) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            file.data.into_owned(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "This placard-collector was built without the console's pages. Build them with \
             `npm --prefix ui run build`, then build the collector again.\n",
        )
            .into_response(),
    }
}

/// `/assets/…`: the scripts, styles and messages the document loads (hashed names, so they
/// may be cached for good).
pub async fn asset(Path(path): Path<String>) -> Response {
    let name = format!("assets/{path}");
    match Pages::get(&name) {
        Some(file) => {
            let kind = mime_guess::from_path(&name).first_or_octet_stream();
            (
                [
                    (header::CONTENT_TYPE, kind.essence_str().to_owned()),
                    (
                        header::CACHE_CONTROL,
                        "public, max-age=31536000, immutable".to_owned(),
                    ),
                ],
                file.data.into_owned(),
            )
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Whether the pages were built into this binary.
pub fn present() -> bool {
    Pages::get("index.html").is_some()
}
