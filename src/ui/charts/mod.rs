//! Chart components: each binds geometry computed in `crate::chart` to SVG
//! inside the one [`frame::ChartFrame`], and pairs the picture with a text
//! alternative.

pub mod bars;
// The Budget and Goals screens draw these as they move onto the shared frame.
#[allow(dead_code)]
pub mod burn_down;
pub mod export;
pub mod fan;
pub mod frame;
#[allow(dead_code)]
pub mod progress;
