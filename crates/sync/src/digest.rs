//! `Content-Digest` (RFC 9530), SHA-256 only: what the kiosk sends and the collector checks
//! before it trusts a byte of the body.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The header value for `body`: `sha-256=:BASE64:`.
pub fn content_digest(body: &[u8]) -> String {
    let hash = ring::digest::digest(&ring::digest::SHA256, body);
    format!("sha-256=:{}:", STANDARD.encode(hash.as_ref()))
}

/// Whether `header` (a Structured Fields dictionary, possibly naming several algorithms)
/// carries a `sha-256` digest equal to `body`'s. Other algorithms are ignored; no `sha-256`
/// member means no match.
pub fn matches(header: &str, body: &[u8]) -> bool {
    let want = content_digest(body);
    header.split(',').map(str::trim).any(|member| {
        member
            .strip_prefix("sha-256=")
            .is_some_and(|v| constant_time_eq(v.as_bytes(), &want.as_bytes()["sha-256=".len()..]))
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9530, section 2 (and Appendix B): the body `{"hello": "world"}`.
    #[test]
    fn rfc_9530_example() {
        let body = br#"{"hello": "world"}"#;
        assert_eq!(
            content_digest(body),
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"
        );
        assert!(matches(
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
            body
        ));
        assert!(!matches(
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
            b"{}"
        ));
        assert!(!matches("sha-512=:abc=:", body), "no sha-256, no match");
    }
}
