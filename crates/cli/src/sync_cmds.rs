//! `placard enroll` and `placard sync`: the kiosk's sync engine from the command line.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use placard_sync::engine::{self, Config};
use placard_sync::http::{HttpTransport, enroll as enroll_device};
use placard_sync::signing::{RequestSigner, public_key_of_pkcs8};
use placard_vault::Vault;

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

pub fn enroll(vault: &Path, to: &url::Url, code: &str) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(vault)?;
    let public = public_key_of_pkcs8(&vault.device_key_pkcs8()?)?;
    runtime()?.block_on(enroll_device(to, code, vault.device_id(), &public))?;
    println!("enrolled device {} with {to}", vault.device_id());
    Ok(ExitCode::SUCCESS)
}

pub fn sync(dir: &Path, to: &url::Url, once: bool) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(dir)?;
    let signer =
        RequestSigner::from_pkcs8(&vault.device_key_pkcs8()?, vault.device_id().to_string())?;
    let transport = HttpTransport::new(to.clone(), signer)?;
    let total = vault.pending()?;
    runtime()?.block_on(async move {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (task, sync) = engine::spawnable(vault, transport, Config::default(), async {
            let _ = stop_rx.await;
        })?;
        let task = tokio::spawn(task);
        let mut state = sync.state();
        let mut last_error = None;
        loop {
            let s = state.borrow_and_update().clone();
            if s.last_error != last_error {
                if let Some(e) = &s.last_error {
                    eprintln!("waiting to retry: {e}");
                }
                last_error = s.last_error.clone();
            }
            println!("sent {}/{total}, pending {}", s.sent, s.pending);
            if once && s.pending == 0 && !s.sending {
                break;
            }
            tokio::select! {
                changed = state.changed() => if changed.is_err() { break },
                _ = tokio::signal::ctrl_c() => break,
                () = tokio::time::sleep(Duration::from_secs(5)) => {}
            }
        }
        let _ = stop_tx.send(());
        task.await??;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
