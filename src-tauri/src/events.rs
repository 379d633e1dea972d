//! The events the app sends to the window, each name written once: here. The UI's listeners
//! (`onSyncState`, `onSendProgress` in `ui/src/lib/commands.ts`) are generated from this list.

use std::sync::Arc;

use placard_kiosk_core::{Events, SyncStatus};
use tauri::{AppHandle, Emitter as _, Runtime};

/// Declares the events: a constant for each name, and (for the bindings) each payload type.
macro_rules! events {
    ($($(#[doc = $doc:literal])* $konst:ident = $name:literal: $payload:ty;)*) => {
        $(
            $(#[doc = $doc])*
            pub const $konst: &str = $name;
        )*

        /// Visits every payload type (for the bindings).
        #[cfg(test)]
        pub(crate) fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
            $(v.visit::<$payload>();)*
        }

        /// Every event as the UI listens to it: name, payload type, doc.
        #[cfg(test)]
        pub(crate) fn typescript(cfg: &ts_rs::Config) -> Vec<(&'static str, String, Vec<&'static str>)> {
            vec![$(($name, <$payload as ts_rs::TS>::name(cfg), vec![$($doc),*])),*]
        }
    };
}

events! {
    /// The sync loop's state, on every change (counts and times: nothing of a signer).
    SYNC_STATE = "sync-state": crate::uplink::SyncView;
    /// A send run's progress: after each record, its outcome.
    SEND_PROGRESS = "send-progress": crate::send::SendProgress;
}

/// The kiosk's events, forwarded to the window.
pub(crate) struct ToWindow<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> Events for ToWindow<R> {
    fn sync_state(&self, status: &SyncStatus) {
        let view = crate::uplink::SyncView::from(status.clone());
        let _ = self.0.emit_to("main", SYNC_STATE, view);
    }
}

impl<R: Runtime> ToWindow<R> {
    pub(crate) fn shared(app: &AppHandle<R>) -> Arc<dyn Events> {
        Arc::new(Self(app.clone()))
    }
}
