//! What an import reads: deployments and incidents in Unix seconds, the
//! rows left out, and the one error an import can end with.

use chrono::{FixedOffset, NaiveDate};

use super::{time, Rejected};

/// A deployment read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// Unix seconds.
    pub at: i64,
    /// First commit (or merge), Unix seconds.
    pub first_commit: Option<i64>,
    pub failed: bool,
    pub rework: bool,
    /// The row's id, numbered in the order ids were first seen, when it
    /// had one.
    pub id: Option<u32>,
}

/// An incident read from the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub started: i64,
    /// When service was restored; equal to `started` while `open`.
    pub resolved: i64,
    /// Not restored yet: it marks its deployment failed but gives no
    /// recovery time.
    pub open: bool,
    /// The deployment it is linked to, as an index into
    /// [`Dataset::deployments`], when the id matched one.
    pub deployment: Option<usize>,
    /// The linked id did not match any deployment in the file.
    pub unknown_link: bool,
}

/// Everything read from the two files.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dataset {
    /// Sorted by deploy time.
    pub deployments: Vec<Deployment>,
    pub incidents: Vec<Incident>,
    pub rejected: Vec<Rejected>,
    /// Data rows seen in each file (accepted or not).
    pub deploy_rows: usize,
    pub incident_rows: usize,
    /// Lead-time samples from changes joined to deployments (exports);
    /// empty when lead times come per deployment.
    pub changes: Vec<ChangeLead>,
    /// The data cannot tell failed deployments (no incidents, no failed
    /// column): change failure rate is unknown, not zero.
    pub failures_unknown: bool,
    /// The data cannot tell rework: rework rate is unknown, not zero.
    pub rework_unknown: bool,
}

/// A change's first commit and the deployment that shipped it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeLead {
    /// Unix seconds.
    pub first_commit: i64,
    /// Index into [`Dataset::deployments`].
    pub deployment: usize,
}

impl Dataset {
    /// The local date of the latest deployment, the default window end.
    pub fn last_date(&self, zone: FixedOffset) -> Option<NaiveDate> {
        self.deployments
            .last()
            .map(|d| time::local_date(d.at, zone))
    }

    /// The local date of the earliest deployment.
    pub fn first_date(&self, zone: FixedOffset) -> Option<NaiveDate> {
        self.deployments
            .first()
            .map(|d| time::local_date(d.at, zone))
    }
}

/// Why nothing could be computed: one message for the whole import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError(pub String);
