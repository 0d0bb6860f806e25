//! Baseline from real data: deployments and incidents read from CSV exports,
//! and the DORA metrics computed from them (domain.md §1, §2), with their
//! distributions, entirely in the browser.
//!
//! The flow is [`decode`] (size, binary and UTF-8 checks) → [`read`] (CSV,
//! column mapping, timestamps; every rejected row is kept with its line and
//! reason) → [`compute`] over a [`Window`] → [`Report`], which
//! [`Report::apply`] turns into baseline values and the [`Measured`] samples
//! kept in the Scenario.
//!
//! Default CSV format (README "Import from data"): deployments have
//! `id, deployed_at, first_commit_at, failed, rework`; incidents have
//! `id, started_at, resolved_at, deployment_id`. Only `deployed_at`,
//! `started_at` and `resolved_at` are required.
//!
//! The module's parts: `input` checks raw bytes, [`flywheel_csv`] reads
//! Flywheel's own columns (with the column-mapping step), `dataset` holds
//! what was read, `window` the period chosen, `report` the figures
//! computed, `coverage` whether the data spans the window, and `measured`
//! what an applied import leaves in the Scenario. [`exports`] recognises
//! and reads the exports teams already have (GitHub, GitLab, Four Keys,
//! DevLake, git, PagerDuty, Opsgenie, incident.io, Jira) into the same
//! report.

mod coverage;
pub mod csv;
mod dataset;
pub mod exports;
pub mod flywheel_csv;
mod input;
mod measured;
mod report;
pub mod stats;
mod window;

pub use coverage::Coverage;
pub use dataset::{ChangeLead, Dataset, Deployment, ImportError, Incident};
pub use flywheel_csv::{
    guess_column, parse_flag, read, DeployColumns, FileKind, IncidentColumns, Rejected,
    DEPLOY_FIELDS, INCIDENT_FIELDS,
};
pub use input::{
    check_size, decode, decode_export, starts_as_json, InputError, HEAD_BYTES, MAX_INPUT_BYTES,
    MAX_JSON_BYTES,
};
pub use measured::{
    Measured, MAX_DEPLOYMENTS, MAX_SAMPLES, MAX_SAMPLE_HOURS, MAX_WEEKLY_DEPLOYS, MAX_WEEKS,
};
pub use report::{compute, FourKeysFrequency, Report, Week};
pub use window::{Window, WindowChoice, MAX_WINDOW_DAYS};

use crate::model::date::timestamp as time;
