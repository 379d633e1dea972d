//! `placard enroll` and `placard sync`: the kiosk's sync engine from the command line.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use placard_sync::answer;
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
    let mut vault = Vault::open(vault)?;
    let public = public_key_of_pkcs8(&vault.device_key_pkcs8()?)?;
    let collector = runtime()?.block_on(enroll_device(
        to,
        code,
        vault.device_id(),
        &public,
        vault.recipient(),
    ))?;
    // From now on this vault acts only on answers this key signed.
    vault.pin_collector_key(&answer::encode_key(&collector))?;
    println!(
        "enrolled device {} with {to} (collector key {})",
        vault.device_id(),
        answer::encode_key(&collector)
    );
    Ok(ExitCode::SUCCESS)
}

pub fn sync(dir: &Path, to: &url::Url, once: bool) -> anyhow::Result<ExitCode> {
    let vault = Vault::open(dir)?;
    let pinned = vault
        .collector_key()?
        .as_deref()
        .and_then(answer::decode_key)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "this vault has no collector key pinned: enrol it first (`placard enroll --vault \
                 DIR --to URL --code CODE`), so that only the collector's signed answers count"
            )
        })?;
    let signer =
        RequestSigner::from_pkcs8(&vault.device_key_pkcs8()?, vault.device_id().to_string())?;
    let transport = HttpTransport::new(to.clone(), signer, pinned)?;
    let total = vault.pending()?;
    runtime()?.block_on(async move {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (task, sync) = engine::spawnable(vault, transport, Config::default(), async {
            let _ = stop_rx.await;
        })?;
        let task = tokio::spawn(task);
        let mut state = sync.state();
        // A bar on a terminal; on a pipe or in a log (where the bar hides itself), a line per
        // change instead.
        let bar = ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{spinner} [{bar:40}] {pos}/{len} records sent  {wide_msg}",
            )?
            .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        let mut last_error = None;
        loop {
            let s = state.borrow_and_update().clone();
            if s.last_error != last_error {
                if let Some(e) = &s.last_error {
                    bar.suspend(|| eprintln!("waiting to retry: {e}"));
                }
                last_error = s.last_error.clone();
            }
            // More may be signed meanwhile (a kiosk's vault): the total grows with it.
            bar.set_length(s.sent + s.pending);
            bar.set_position(s.sent);
            bar.set_message(if s.sending {
                "sending…"
            } else if s.last_error.is_some() {
                "waiting for the collector"
            } else {
                ""
            });
            if bar.is_hidden() {
                println!(
                    "sent {}/{}, pending {}",
                    s.sent,
                    s.sent + s.pending,
                    s.pending
                );
            }
            if once && s.pending == 0 && !s.sending {
                break;
            }
            tokio::select! {
                changed = state.changed() => if changed.is_err() { break },
                _ = tokio::signal::ctrl_c() => break,
                () = tokio::time::sleep(Duration::from_secs(5)) => {}
            }
        }
        bar.finish_and_clear();
        let s = state.borrow().clone();
        println!("sent {}, pending {}", s.sent, s.pending);
        let _ = stop_tx.send(());
        task.await??;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
