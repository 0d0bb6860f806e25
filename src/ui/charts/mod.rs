//! Chart components: each binds geometry computed in `crate::chart` to SVG
//! inside the one [`frame::ChartFrame`], and pairs the picture with a text
//! alternative.

pub mod actuals;
pub mod bars;
pub mod burn_down;
pub mod export;
pub mod fan;
pub mod frame;
pub mod progress;
pub mod trend;
