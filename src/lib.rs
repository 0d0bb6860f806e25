//! Flywheel: baseline a team's delivery metrics, see where it stands against
//! DORA's published tiers and peer scores, and (as the product grows) set
//! goals and simulate how improvements compound.
//!
//! The crate is split so that the arrows point one way: [`model`] is pure Rust
//! and knows nothing of the browser; `ui` and `storage` (behind the default
//! `web` feature) know the model. `cargo test --no-default-features` builds
//! and tests the core alone.

pub mod chart;
pub mod model;
pub mod sim;

#[cfg(feature = "web")]
pub mod storage;
#[cfg(feature = "web")]
pub mod ui;
