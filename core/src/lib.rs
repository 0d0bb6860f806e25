//! Flywheel's pure core: the domain model (metrics, DORA tiers, goals,
//! plans, the Scenario), the simulations and the chart geometry.
//!
//! It has no browser dependency at all, so the crate boundary itself keeps
//! the arrows pointing one way: the app's UI knows this crate, never the
//! reverse. It is also built at full optimisation in release (the app's UI
//! is optimised for size), because the Monte Carlo runner is hot.

pub mod chart;
pub mod model;
pub mod sim;
