//! The thank-you screen's QR code, as SVG path data the UI draws without any HTML.

use qrcode::{EcLevel, QrCode};

/// A QR code: `size` modules square, dark modules as one SVG path in module units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: u32,
    pub path: String,
}

/// The QR code for `url`, or `None` when it is not an http(s) address or too long to encode.
/// Medium error correction: scanned off a screen, often at an angle, by phones of all ages.
pub fn qr_for_url(url: &str) -> Option<Qr> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return None;
    }
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let size = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            // One unit square per dark module: "M{x} {y}h1v1h-1z".
            use std::fmt::Write as _;
            let _ = write!(path, "M{} {}h1v1h-1z", i % size, i / size);
        }
    }
    Some(Qr {
        size: u32::try_from(size).ok()?,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_petition_urls_and_refuses_the_rest() {
        let qr = qr_for_url("https://actionnetwork.org/petitions/encryption-is-not-a-crime")
            .expect("an https URL encodes");
        // Version 4 (33 modules) or so for a URL this long; always odd, at least 21.
        assert!(qr.size >= 21 && qr.size % 2 == 1, "{}", qr.size);
        // The three finder patterns' corners are dark.
        for (x, y) in [(0, 0), (qr.size - 1, 0), (0, qr.size - 1)] {
            assert!(qr.path.contains(&format!("M{x} {y}h1v1h-1z")), "({x},{y})");
        }
        assert!(qr_for_url("javascript:alert(1)").is_none());
        assert!(qr_for_url("").is_none());
        assert!(qr_for_url(&format!("https://x.org/{}", "a".repeat(5000))).is_none());
    }
}
