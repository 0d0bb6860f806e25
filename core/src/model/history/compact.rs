//! A snapshot's baseline as share links carry it: each amount as a compact
//! decimal ([`crate::model::compact`]) beside the unit it was entered in,
//! so twelve snapshots cost a link about what one goal's title does. Saved
//! work (JSON) keeps the baseline's own shape.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::compact::{opt_decimal, Decimal};
use crate::model::units::{Duration, Rate, RatePeriod, TimeUnit};
use crate::model::Baseline;

/// The binary shape, field for field.
#[derive(Serialize, Deserialize)]
struct Compact {
    deploys: Decimal,
    per: RatePeriod,
    lead: Decimal,
    lead_unit: TimeUnit,
    change_failure_rate: Decimal,
    recovery: Decimal,
    recovery_unit: TimeUnit,
    rework_rate: Decimal,
    #[serde(with = "opt_decimal")]
    code_churn: Option<f64>,
    #[serde(with = "opt_decimal")]
    defect_escape_rate: Option<f64>,
    #[serde(with = "opt_decimal")]
    availability: Option<f64>,
}

pub fn serialize<S: Serializer>(b: &Baseline, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        return b.serialize(s);
    }
    Compact {
        deploys: Decimal(b.deploy_frequency.count),
        per: b.deploy_frequency.per,
        lead: Decimal(b.lead_time.amount),
        lead_unit: b.lead_time.unit,
        change_failure_rate: Decimal(b.change_failure_rate),
        recovery: Decimal(b.recovery_time.amount),
        recovery_unit: b.recovery_time.unit,
        rework_rate: Decimal(b.rework_rate),
        code_churn: b.code_churn,
        defect_escape_rate: b.defect_escape_rate,
        availability: b.availability,
    }
    .serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Baseline, D::Error> {
    if d.is_human_readable() {
        return Baseline::deserialize(d);
    }
    let c = Compact::deserialize(d)?;
    Ok(Baseline {
        deploy_frequency: Rate::new(c.deploys.0, c.per),
        lead_time: Duration::new(c.lead.0, c.lead_unit),
        change_failure_rate: c.change_failure_rate.0,
        recovery_time: Duration::new(c.recovery.0, c.recovery_unit),
        rework_rate: c.rework_rate.0,
        code_churn: c.code_churn,
        defect_escape_rate: c.defect_escape_rate,
        availability: c.availability,
    })
}
