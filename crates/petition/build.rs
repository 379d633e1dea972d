//! `include_dir!` tracks the files it embedded, not files added later: without this, a new
//! file in `packs/demo` (a translation, an image) would be missing from the binaries until
//! something else forced a rebuild. Cargo rescans a directory named here for any change.
fn main() {
    println!("cargo:rerun-if-changed=../../packs/demo");
}
