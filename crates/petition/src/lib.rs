//! Petition files to kiosk screens.
//!
//! A petition file is Jekyll Markdown with YAML front matter, as Fight for the Future's petition
//! site and other organisations' Jekyll sites write them. [`Pack::load`] reads a folder of them
//! (recursively, with `NAME.LANG.md` translations), takes each page's id as Jekyll would
//! (`jekyll.rs`: permalink, `folder/index.md`, posts; files with no front matter are static
//! files, skipped), parses each front matter into a typed [`Petition`], and renders each body to
//! sanitised HTML whose images point only at the pack's own files.
//!
//! No I/O beyond reading the pack; no network, ever.

pub mod bundle;
pub mod demo;
mod error;
mod frontmatter;
pub mod jekyll;
mod model;
pub mod notice;
mod pack;
mod render;

pub use error::{AssetError, PackError, PetitionError};
pub use model::{
    ActionNetworkTarget, Autoresponder, Comments, FormField, Petition, PetitionDate, Share, Warning,
};
pub use notice::Notice;
pub use pack::{
    Asset, FileReport, LoadedPetition, Pack, PackEntry, asset_in, file_id, load_file,
    pack_root_for, petition_files,
};
pub use render::{ASSET_SCHEME, Location, Rendered, Renderer, kiosk_asset_base};
