//! The fan-out: records opened after an organiser unlocked the key, sent on to where the
//! organisation keeps its list — Action Network first — each exactly once, at the rate the
//! destination allows, with every outcome remembered per record. Used by the collector and by
//! a kiosk without one (`placard push`), and to a signed webhook. Exports are to come.

pub mod action_network;
#[cfg(feature = "cli")]
pub mod args;
pub mod run;
#[cfg(feature = "stand-in")]
pub mod stand_in;
pub mod webhook;
