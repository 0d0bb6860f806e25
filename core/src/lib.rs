//! Flywheel's pure core: the domain model (metrics, DORA tiers, goals,
//! plans, data import, SLOs, the Scenario) and the chart geometry.
//!
//! It has no browser dependency at all, so the crate boundary itself keeps
//! the arrows pointing one way: the simulations (`flywheel-sim`) and the
//! app's UI know this crate, never the reverse.

pub mod chart;
pub mod model;
pub mod share;
