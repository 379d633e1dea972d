//! TLS to the collector (rustls), checked against the key the kiosk pinned.
//!
//! A collector speaks HTTPS with either an organisation's own certificate (a domain with a
//! certificate from a public authority: checked as a browser would, against the Web PKI's
//! roots) or, by default, a certificate for its own Ed25519 key, which no authority signed.
//! The kiosk takes the second kind by the pin: a certificate carrying the pinned key is
//! accepted only if the handshake is signed by that key, so only the collector itself can
//! complete it, whatever else the certificate says. Anything else must pass the Web PKI.
//!
//! While pairing there is no pin yet: any certificate is taken, because the pairing itself
//! (SPAKE2 on the code) is what authenticates the collector; TLS then only keeps the exchange
//! private. Every later connection is held to the pin.
//!
//! TLS is not what makes an answer trusted — every answer the kiosk acts on is signed by the
//! pinned key (`answer`), which holds even where TLS ends at a load balancer. TLS keeps what
//! travels private and keeps strangers from answering at all.

use std::sync::Arc;

use ring::signature::{ED25519, UnparsedPublicKey};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

use crate::answer::PublicKey;

/// An Ed25519 SubjectPublicKeyInfo, up to the key (RFC 8410): what a certificate for the
/// collector's own key contains, followed by the key's 32 bytes.
const ED25519_SPKI: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// Whether `cert` names `key` as its Ed25519 key. (A certificate that merely contains those
/// bytes elsewhere gains nothing: the handshake must then be signed by `key` itself.)
fn carries(cert: &[u8], key: &PublicKey) -> bool {
    let spki = [ED25519_SPKI.as_slice(), key].concat();
    cert.windows(spki.len()).any(|w| w == spki)
}

/// The client configuration for a collector whose key is `pinned` (`None` while pairing).
pub fn client_config(pinned: Option<PublicKey>) -> Result<rustls::ClientConfig, rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| rustls::Error::General(e.to_string()))?;
    let verifier = Verifier {
        pinned,
        webpki,
        provider: provider.clone(),
    };
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

#[derive(Debug)]
struct Verifier {
    pinned: Option<PublicKey>,
    webpki: Arc<WebPkiServerVerifier>,
    provider: Arc<CryptoProvider>,
}

impl Verifier {
    /// The pinned key, when `cert` carries it.
    fn pin_for(&self, cert: &[u8]) -> Option<&PublicKey> {
        self.pinned.as_ref().filter(|key| carries(cert, key))
    }
}

/// How rustls checks a handshake signature against the certificate's own key (TLS 1.2 or 1.3).
type ByCertificate = fn(
    &[u8],
    &CertificateDer<'_>,
    &DigitallySignedStruct,
    &rustls::crypto::WebPkiSupportedAlgorithms,
) -> Result<HandshakeSignatureValid, rustls::Error>;

impl Verifier {
    /// The handshake's signature: by the pinned key itself when the certificate carries it,
    /// else by the certificate's key (which then passed the Web PKI).
    fn handshake_signed(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
        by_certificate: ByCertificate,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        match self.pin_for(cert) {
            Some(key) => signed_by(key, message, dss),
            None => by_certificate(
                message,
                cert,
                dss,
                &self.provider.signature_verification_algorithms,
            ),
        }
    }
}

/// A handshake signature made by `key` itself.
fn signed_by(
    key: &PublicKey,
    message: &[u8],
    dss: &DigitallySignedStruct,
) -> Result<HandshakeSignatureValid, rustls::Error> {
    if dss.scheme != SignatureScheme::ED25519 {
        return Err(rustls::Error::General(
            "the collector's certificate names its key, but the handshake is not signed by it"
                .into(),
        ));
    }
    UnparsedPublicKey::new(&ED25519, key)
        .verify(message, dss.signature())
        .map(|()| HandshakeSignatureValid::assertion())
        .map_err(|_| rustls::Error::InvalidCertificate(rustls::CertificateError::BadSignature))
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self.pinned.is_none() || self.pin_for(end_entity).is_some() {
            // Pairing (the PAKE authenticates), or the collector's own certificate (its
            // handshake signature is checked against the pin below).
            return Ok(ServerCertVerified::assertion());
        }
        self.webpki
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.handshake_signed(message, cert, dss, rustls::crypto::verify_tls12_signature)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.handshake_signed(message, cert, dss, rustls::crypto::verify_tls13_signature)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_carries_a_key_only_as_an_ed25519_key_info() {
        let key = [7u8; 32];
        let cert = [&[1u8, 2, 3][..], &ED25519_SPKI, &key, &[9u8][..]].concat();
        assert!(carries(&cert, &key));
        assert!(!carries(&cert, &[8u8; 32]));
        assert!(!carries(&key, &key), "the bare key is not a key info");
    }
}
