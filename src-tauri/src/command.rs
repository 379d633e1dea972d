//! How a command is declared: once, in its area's `commands! { … }` block.
//!
//! A declaration is the command's doc, name, the two things every command may use (the window
//! it was called from and the [`KioskApp`](placard_kiosk_core::KioskApp)), its arguments, its
//! answer and its body — one facade call and a DTO conversion. From that one place come:
//! - the `#[tauri::command]` function (async: Tauri runs synchronous commands on the main
//!   thread, where they would wait for, and hold up, the webview's own work);
//! - the area's `NAMES` and `handler()`, which [`dispatch`] routes to;
//! - the area's TypeScript wrappers in `ui/src/lib/commands.ts` (see `bindings.rs`);
//! - the `allow-NAME` permissions and the kiosk capability, which `src-tauri/build.rs` writes
//!   from the same declarations.
//!
//! So adding a command is one declaration in its area, then `./dev bindings`.

use tauri::Runtime;
use tauri::ipc::Invoke;

/// Declares an area's commands (see the module's note).
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident[$window:ident, $kiosk:ident]($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty
        $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            #[allow(unused_variables, clippy::unused_async)]
            pub async fn $name<R: tauri::Runtime>(
                $window: tauri::WebviewWindow<R>,
                $kiosk: tauri::State<'_, placard_kiosk_core::KioskApp>,
                $($arg: $ty),*
            ) -> Result<$ret, $crate::error::IpcError> $body
        )*

        /// This area's commands, by name.
        pub(crate) const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Runs one of this area's commands.
        pub(crate) fn handler<R: tauri::Runtime>(invoke: tauri::ipc::Invoke<R>) -> bool {
            let handle = $crate::command::typed::<R, _>(tauri::generate_handler![$($name),*]);
            handle(invoke)
        }

        /// Visits every type this area's commands take or answer (for the bindings).
        #[cfg(test)]
        pub(crate) fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
            $(
                $(v.visit::<$ty>();)*
                v.visit::<$ret>();
            )*
        }

        /// This area's commands as the UI calls them.
        #[cfg(test)]
        pub(crate) fn typescript(cfg: &ts_rs::Config) -> Vec<$crate::command::TsCommand> {
            vec![$($crate::command::TsCommand {
                name: stringify!($name),
                doc: vec![$($doc),*],
                args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(cfg))),*],
                answer: <$ret as ts_rs::TS>::name(cfg),
            }),*]
        }
    };
}
pub(crate) use commands;

/// The areas, each a module declaring its commands: the dispatcher, the full list of names
/// and the TypeScript all follow from this one list.
macro_rules! areas {
    ($($area:ident),*) => {
        /// The app's invoke handler: hands each call to the area that declares it.
        pub(crate) fn dispatch<R: Runtime>(invoke: Invoke<R>) -> bool {
            let name = invoke.message.command();
            $(
                if crate::$area::NAMES.contains(&name) {
                    return crate::$area::handler(invoke);
                }
            )*
            false
        }

        /// Every command's name.
        pub fn names() -> Vec<&'static str> {
            [$(crate::$area::NAMES),*].concat()
        }

        /// Visits every type the commands take or answer.
        #[cfg(test)]
        pub(crate) fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
            $(crate::$area::visit_types(v);)*
        }

        /// Every command as the UI calls it.
        #[cfg(test)]
        pub(crate) fn typescript(cfg: &ts_rs::Config) -> Vec<TsCommand> {
            [$(crate::$area::typescript(cfg)),*].into_iter().flatten().collect()
        }
    };
}

areas!(showing, signing, setup, operator, uplink, send);

/// Names the argument type of a handler closure (`generate_handler!` leaves it to inference).
pub(crate) fn typed<R: Runtime, F: Fn(Invoke<R>) -> bool>(f: F) -> F {
    f
}

/// One command as the TypeScript generator sees it.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct TsCommand {
    pub name: &'static str,
    pub doc: Vec<&'static str>,
    /// Argument names (snake_case, as in Rust) and TypeScript types.
    pub args: Vec<(&'static str, String)>,
    pub answer: String,
}

#[cfg(test)]
mod tests {
    /// `build.rs` finds the declared commands by reading the sources; the compiler finds them
    /// through `commands!`. The capability it wrote must grant exactly those.
    #[test]
    fn the_capability_grants_exactly_the_declared_commands() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src-tauri/capabilities/kiosk.json"
        );
        let cap: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("capability"))
                .expect("capability JSON");
        let mut granted: Vec<String> = cap["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        let mut declared: Vec<String> = super::names().into_iter().map(str::to_owned).collect();
        granted.sort();
        declared.sort();
        assert_eq!(granted, declared);
        assert_eq!(declared.len(), 25, "{declared:?}");
    }
}
