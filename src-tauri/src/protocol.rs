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
    let loaded = state.current();
    let asset = loaded.pack().ok().map(|pack| pack.asset(path));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> KioskState {
        KioskState::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/demo"))
    }

    #[test]
    fn serves_pack_images_with_their_type() {
        let r = respond(&demo(), "/img/action-network/2016-05-05_12-51-51.jpg");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(r.body().len(), 92_408);
        assert_eq!(&r.body()[..2], &[0xFF, 0xD8], "a JPEG");
    }

    #[test]
    fn refuses_anything_else() {
        let state = demo();
        assert_eq!(
            respond(&state, "/img/none.jpg").status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            respond(&state, "/encryption-is-not-a-crime.md").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            respond(&state, "/../../Cargo.toml").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            respond(&state, "/%2e%2e/%2e%2e/etc/passwd").status(),
            StatusCode::FORBIDDEN
        );
        let missing = KioskState::new(crate::state::LoadedPack::unavailable(
            "demo",
            "/nowhere".into(),
            "gone".into(),
        ));
        assert_eq!(
            respond(&missing, "/img/a.png").status(),
            StatusCode::NOT_FOUND
        );
    }
}
