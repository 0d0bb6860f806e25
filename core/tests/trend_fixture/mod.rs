//! The small hand-worked import the trend tests share: January with four
//! deployments, February with none, March with two, and two incidents.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::{self, read, DeployColumns, IncidentColumns};
use flywheel_core::model::trend::{from_data, DataTrend};

pub fn headers(text: &str) -> Vec<String> {
    import::csv::parse(text).unwrap().headers
}

/// The rows bucketed in the offset `zone_min` minutes east of UTC.
pub fn bucket(deploys: &str, incidents: &str, zone_min: i32) -> DataTrend {
    let zone = time::offset(zone_min);
    let data = read(
        deploys,
        &DeployColumns::guess(&headers(deploys)),
        incidents,
        &IncidentColumns::guess(&headers(if incidents.is_empty() { "x" } else { incidents })),
        zone,
    )
    .unwrap();
    assert!(data.rejected.is_empty(), "{:?}", data.rejected);
    from_data(&data, zone).unwrap()
}

pub const DEPLOYS: &str = "\
id,deployed_at,first_commit_at,failed,rework
j1,2026-01-01T10:00:00Z,2026-01-01T08:00:00Z,false,false
j2,2026-01-08T10:00:00Z,2026-01-08T06:00:00Z,true,false
j3,2026-01-15T10:00:00Z,2026-01-15T04:00:00Z,false,true
j4,2026-01-22T10:00:00Z,2026-01-22T00:00:00Z,false,false
m1,2026-03-02T10:00:00Z,2026-03-01T10:00:00Z,false,false
m2,2026-03-31T10:00:00Z,,false,false
";

pub const INCIDENTS: &str = "\
id,started_at,resolved_at,deployment_id
i1,2026-01-08T11:00:00Z,2026-01-08T12:30:00Z,j2
i2,2026-02-10T09:00:00Z,2026-02-10T13:00:00Z,
";
