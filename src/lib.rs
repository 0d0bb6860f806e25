//! Flywheel: baseline a team's delivery metrics, see where it stands against
//! DORA's published tiers and peer scores, set SMART goals and simulate how
//! improvements compound — in the browser.
//!
//! The pure core (model, simulations, chart geometry) lives in the
//! `flywheel-core` crate, which has no browser dependency; it is re-exported
//! here so the UI reads `crate::model::…`. `ui` and `storage` know the core,
//! never the reverse.

pub use flywheel_core::{chart, model, sim};

#[cfg(feature = "web")]
pub mod storage;
#[cfg(feature = "web")]
pub mod ui;
