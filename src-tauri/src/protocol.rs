//! The `pack:` URI scheme: serves the pack's images to the webview, and nothing else.

use placard_kiosk_core::KioskApp;
use tauri::http::{Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

pub const SCHEME: &str = placard_kiosk_core::domain::ASSET_SCHEME;

/// Answers one request off the main thread (an image can be large).
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn_blocking(move || {
        let kiosk = app.state::<KioskApp>();
        responder.respond(respond(&kiosk, &path));
    });
}

fn respond(kiosk: &KioskApp, path: &str) -> Response<Vec<u8>> {
    let (status, mime, body) = match kiosk.asset(path) {
        Ok(a) => (StatusCode::OK, a.mime, a.bytes),
        Err(placard_kiosk_core::domain::AssetError::Forbidden(_)) => {
            (StatusCode::FORBIDDEN, "text/plain", Vec::new())
        }
        Err(_) => (StatusCode::NOT_FOUND, "text/plain", Vec::new()),
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

    fn showing(pack: &str) -> (KioskApp, tempfile::TempDir) {
        crate::tests::kiosk_with_pack(std::path::Path::new(pack))
    }

    fn demo() -> (KioskApp, tempfile::TempDir) {
        showing(concat!(env!("CARGO_MANIFEST_DIR"), "/packs/demo"))
    }

    #[test]
    fn serves_pack_images_with_their_type() {
        let (kiosk, _data) = demo();
        let r = respond(&kiosk, "/img/action-network/2016-05-05_12-51-51.jpg");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(r.body().len(), 92_408);
        assert_eq!(&r.body()[..2], &[0xFF, 0xD8], "a JPEG");
    }

    #[test]
    fn refuses_anything_else() {
        let (kiosk, _data) = demo();
        assert_eq!(
            respond(&kiosk, "/img/none.jpg").status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            respond(&kiosk, "/encryption-is-not-a-crime.md").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            respond(&kiosk, "/../../Cargo.toml").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            respond(&kiosk, "/%2e%2e/%2e%2e/etc/passwd").status(),
            StatusCode::FORBIDDEN
        );
        let (missing, _data) = showing("/nowhere");
        assert_eq!(
            respond(&missing, "/img/a.png").status(),
            StatusCode::NOT_FOUND
        );
    }
}
