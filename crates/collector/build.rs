//! The console's pages are embedded from `ui/dist-console` (see `src/pages.rs`). A new build of
//! them must rebuild this crate, including the first one after a build without them.
fn main() {
    println!("cargo:rerun-if-changed=../../ui/dist-console");
}
