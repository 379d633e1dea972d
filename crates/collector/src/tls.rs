//! HTTPS for `serve` (rustls): an organisation's own certificate (`--tls-cert`/`--tls-key`,
//! PEM), or by default a certificate made at start for the collector's own Ed25519 key, which
//! kiosks accept by the key they pinned when pairing (`placard_sync::tls`). No authority has
//! to sign it and nothing has to be renewed: the kiosk checks that the handshake is signed by
//! the pinned key.
//!
//! The TLS handshakes run in tasks of their own (at most [`HANDSHAKES`] at once, each cut off
//! after [`HANDSHAKE_TIMEOUT`]), so a client that opens a connection and says nothing holds up
//! no one else; the HTTP service takes only connections whose handshake is done.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// Handshakes in progress at most; more connections wait in the kernel's backlog.
pub const HANDSHAKES: usize = 256;
/// The longest a handshake may take.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The server configuration for a certificate chain and its key.
fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<rustls::ServerConfig, rustls::Error> {
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_no_client_auth()
    .with_single_cert(chain, key)?;
    // The service speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// HTTPS with a certificate for the collector's own key (its PKCS#8 document, as
/// `own_key` keeps it).
pub fn own_certificate(key_pkcs8: &[u8]) -> anyhow::Result<rustls::ServerConfig> {
    let pair = rcgen::KeyPair::try_from(key_pkcs8)?;
    let mut params = rcgen::CertificateParams::new(vec!["placard-collector".to_owned()])?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Placard collector");
    let cert = params.self_signed(&pair)?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pkcs8.to_vec()));
    Ok(server_config(vec![cert.der().clone()], key)?)
}

/// HTTPS with an organisation's certificate chain and key (PEM files).
pub fn organisation_certificate(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> anyhow::Result<rustls::ServerConfig> {
    use anyhow::Context as _;
    let chain = CertificateDer::pem_file_iter(cert)
        .with_context(|| format!("cannot read the certificate {}", cert.display()))?
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{} is not a PEM certificate chain", cert.display()))?;
    if chain.is_empty() {
        anyhow::bail!("{} holds no certificate", cert.display());
    }
    let private = PrivateKeyDer::from_pem_file(key)
        .with_context(|| format!("{} is not a PEM private key", key.display()))?;
    server_config(chain, private).with_context(|| {
        format!(
            "the certificate {} and the key {} do not go together",
            cert.display(),
            key.display()
        )
    })
}

/// A listener whose connections have finished their TLS handshake.
#[derive(Debug)]
pub struct TlsListener {
    ready: tokio::sync::mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    /// Accepts on `tcp` and runs each handshake with `config` in a task of its own.
    pub fn new(tcp: TcpListener, config: rustls::ServerConfig) -> std::io::Result<Self> {
        let local = tcp.local_addr()?;
        let (tx, ready) = tokio::sync::mpsc::channel(HANDSHAKES);
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let places = Arc::new(tokio::sync::Semaphore::new(HANDSHAKES));
        tokio::spawn(async move {
            loop {
                let Ok(place) = places.clone().acquire_owned().await else {
                    return;
                };
                let (stream, addr) = match tcp.accept().await {
                    Ok(accepted) => accepted,
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let (acceptor, tx) = (acceptor.clone(), tx.clone());
                tokio::spawn(async move {
                    let done = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream));
                    if let Ok(Ok(tls)) = done.await {
                        drop(place);
                        let _ = tx.send((tls, addr)).await;
                    }
                });
            }
        });
        Ok(Self { ready, local })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(connection) => connection,
            // The accepting task ended (it does not, short of a closed semaphore): no more
            // connections, ever.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}
