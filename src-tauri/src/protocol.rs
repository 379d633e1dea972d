//! The `pack:` URI scheme: serves the pack's images to the webview, and nothing else.

use tauri::http::{Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::KioskState;

pub const SCHEME: &str = placard_petition::ASSET_SCHEME;

/// Answers one request off the main thread (an image can be large).
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<KioskState>();
        responder.respond(respond(&state, &path));
    });
}

fn respond(state: &KioskState, path: &str) -> Response<Vec<u8>> {
    let asset = state.pack().ok().map(|pack| pack.asset(path));
    let (status, mime, body) = match asset {
        Some(Ok(a)) => (StatusCode::OK, a.mime, a.bytes),
        Some(Err(placard_petition::AssetError::Forbidden(_))) => {
            (StatusCode::FORBIDDEN, "text/plain", Vec::new())
        }
        _ => (StatusCode::NOT_FOUND, "text/plain", Vec::new()),
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, mime)
        .header("X-Content-Type-Options", "nosniff")
        .body(body)
        .unwrap_or_default()
}
