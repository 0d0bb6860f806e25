//! OpenSLO v1 out and in (github.com/OpenSLO/OpenSLO, README "Object
//! Types"): the SLO with its indicator and one alert policy per row of the
//! alert table, and the import of an OpenSLO `SLO` document into the
//! [`Slo`](super::Slo), naming every field or value Flywheel does not
//! support.
//!
//! How Flywheel's terms meet OpenSLO's: a request-based budget is the
//! `Occurrences` method; a time-based one is `Timeslices` over one-minute
//! slices (and `RatioTimeslices` reads as time-based too: an incident's
//! bad minutes are weighted by the share of traffic it hit, which is the
//! average of the slices' ratios). A rolling window is `Nd`; a calendar
//! month is `1M` aligned on the 1st. The target travels as
//! `targetPercent`, so 99.95 comes back as exactly 99.95. Queries carry
//! sloth's `{{.window}}` placeholder where the range goes, as sloth's own
//! OpenSLO examples do.

mod export;
mod fields;
mod import;

pub use export::*;
pub use import::*;

/// Why an OpenSLO document could not be imported: every problem found, in
/// words naming the field and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub problems: Vec<String>,
}

impl ImportError {
    /// One message for the screen.
    pub fn message(&self) -> String {
        match self.problems.as_slice() {
            [one] => format!("This file could not be imported: {one}"),
            many => format!("This file could not be imported:\n- {}", many.join("\n- ")),
        }
    }
}
