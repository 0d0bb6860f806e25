//! Chart components: each binds geometry computed in `crate::chart` to SVG
//! and pairs the picture with a text alternative.

pub mod bars;
pub mod export;
pub mod fan;
