//! The incident list as the Error budget screen keeps it: adding one
//! (within the model's limits, pinning the window it was added against)
//! and each incident's row — the budget it used alone, whether it needs a
//! postmortem, where it falls against the window and what it cost.

use super::{postmortems_needed, BudgetReport, Incident, Money, Slo, MAX_INCIDENTS};

/// Where an added incident fell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Inside the window: it counts against this window's budget.
    Inside,
    /// Before or after the window: kept, but not counted here.
    Outside,
}

impl Placement {
    /// The sentence the screen shows after adding.
    pub fn message(self) -> &'static str {
        match self {
            Placement::Inside => "Incident added.",
            Placement::Outside => {
                "Added, but it starts outside the window, so it does not count against this \
                 window's budget."
            }
        }
    }
}

impl Slo {
    /// Adds `incident` to the list, keeping the window the user was looking
    /// at (`report`'s) in place so the incident does not move the window.
    /// Refused, with the words to show, when the list is full or a value is
    /// outside the model's limits.
    pub fn add_incident(
        &mut self,
        incident: Incident,
        report: &BudgetReport,
    ) -> Result<Placement, String> {
        if self.incidents.len() >= MAX_INCIDENTS {
            return Err(format!(
                "At most {MAX_INCIDENTS} incidents: remove some first."
            ));
        }
        if !incident.is_valid() {
            return Err(format!(
                "Check the incident: it must start on a date {}, last up to 90 days and \
                 affect more than 0% and at most 100% of traffic.",
                crate::model::limits::date_range_words()
            ));
        }
        let placement = if report.counts(incident.start) {
            Placement::Inside
        } else {
            Placement::Outside
        };
        self.window_start = Some(report.start);
        self.incidents.push(incident);
        Ok(placement)
    }

    /// Removes the incident at `index` (0-based); nothing when there is
    /// none there.
    pub fn remove_incident(&mut self, index: usize) {
        if index < self.incidents.len() {
            self.incidents.remove(index);
        }
    }
}

/// One incident as the screen's table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    /// 1-based, as the notes refer to incidents.
    pub number: usize,
    pub incident: Incident,
    /// Share of the window's budget the incident used on its own (`None`
    /// for a zero budget).
    pub budget_share: Option<f64>,
    /// Whether it alone used more than the policy's postmortem share.
    pub postmortem: bool,
    /// Where it falls against the window and what it overlaps, in words.
    pub notes: Vec<String>,
    /// What its bad minutes cost, when the SLO has a cost.
    pub cost: Option<Money>,
}

/// The rows of the incident table, in list order.
pub fn incident_rows(slo: &Slo, report: &BudgetReport) -> Vec<IncidentRow> {
    let postmortems = postmortems_needed(slo, report.budget_minutes);
    let costs = slo.incident_money();
    slo.incidents
        .iter()
        .enumerate()
        .map(|(i, incident)| IncidentRow {
            number: i + 1,
            incident: incident.clone(),
            budget_share: (report.budget_minutes > 0.0)
                .then(|| incident.bad_minutes() / report.budget_minutes),
            postmortem: postmortems.contains(&(i + 1)),
            notes: report
                .notes
                .get(i)
                .map(|n| n.iter().map(super::IncidentNote::message).collect())
                .unwrap_or_default(),
            cost: costs.get(i).cloned().flatten(),
        })
        .collect()
}
