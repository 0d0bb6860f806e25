//! Flywheel: baseline a team's delivery metrics, see where it stands against
//! DORA's published tiers and peer scores, set SMART goals and simulate how
//! improvements compound — in the browser.
//!
//! The pure core lives in two crates with no browser dependency:
//! `flywheel-core` (model, chart geometry) and `flywheel-sim` (simulations,
//! built for speed). Both are re-exported here so the UI reads
//! `crate::model::…` and `crate::sim::…`. `ui` and `storage` know the core,
//! never the reverse.

pub use flywheel_core::{chart, model, share};
pub use flywheel_sim as sim;

#[macro_use]
mod split;

pub mod storage;
pub mod ui;
