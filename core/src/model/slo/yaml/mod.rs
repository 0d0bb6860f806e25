//! The little YAML the SLO exports need, by hand: an emitter that quotes
//! whatever a user typed so any YAML 1.1 or 1.2 reader gets it back
//! exactly, and a strict reader for the block-style documents OpenSLO
//! files are written in. A general YAML crate costs about 60 KB gzipped in
//! the WebAssembly download; these cost a few.

mod emit;
mod flow;
mod node;
mod parse;

pub use emit::*;
pub use parse::*;
