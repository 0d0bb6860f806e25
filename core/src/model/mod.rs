//! The pure domain model: metrics and their units, DORA report editions and
//! tiers, Quick Check scores and the 2025 benchmarks they are set against,
//! goals and their SMART checks, improvement plans, data import, monthly
//! trends and the baseline's history, SLOs and error budgets, input
//! validation, the [`Scenario`] that holds everything a user enters, and the
//! set of teams seen side by side. No browser types appear here.

pub mod benchmarks;
pub mod compact;
pub mod compare;
pub mod comparison;
pub mod csv_out;
pub mod date;
pub mod dora;
pub mod entry;
pub mod goals;
pub mod history;
pub mod import;
pub mod library;
pub mod limits;
pub mod metric;
pub mod names;
pub mod plan;
pub mod provenance;
pub mod quick_check;
pub mod saved;
pub mod scenario;
pub mod slo;
pub mod standing;
pub mod teams;
pub mod text;
pub mod trend;
pub mod unit_choice;
pub mod units;
pub mod validate;
pub mod wording;
pub mod workshop;

pub use dora::{Edition, Tier, TierVerdict};
pub use metric::Metric;
pub use provenance::Provenance;
pub use scenario::{Baseline, Scenario};
pub use slo::Slo;
pub use units::{Duration, Rate, RatePeriod, TimeUnit};
