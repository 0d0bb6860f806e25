//! The DORA capabilities that move each delivery metric, from DORA's
//! published capability guides (dora.dev/capabilities/): for every metric,
//! three capabilities whose guide ties them to it, each with the guide's
//! own words as evidence (quoted from the guides as published on dora.dev
//! in June 2026). "Where to focus" names them, so a team's weakest metric
//! gets its own suggestions rather than the same three for everyone
//! (dora.dev #144).

use crate::model::Metric;

/// A DORA capability with a published guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capability {
    /// The guide's address under dora.dev/capabilities/.
    pub slug: &'static str,
    /// The guide's title.
    pub name: &'static str,
}

impl Capability {
    /// The guide's address.
    pub fn url(&self) -> String {
        format!("https://dora.dev/capabilities/{}/", self.slug)
    }
}

/// A capability offered for a metric, with the guide's words that tie it
/// to the metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lever {
    pub capability: Capability,
    /// Quoted from the capability's guide.
    pub evidence: &'static str,
}

const fn cap(slug: &'static str, name: &'static str) -> Capability {
    Capability { slug, name }
}

const SMALL_BATCHES: Capability = cap("working-in-small-batches", "Working in small batches");
const CHANGE_APPROVAL: Capability = cap(
    "streamlining-change-approval",
    "Streamlining change approval",
);
const TEST_AUTOMATION: Capability = cap("test-automation", "Test automation");
const CONTINUOUS_INTEGRATION: Capability = cap("continuous-integration", "Continuous integration");
const LOOSELY_COUPLED: Capability = cap("loosely-coupled-teams", "Loosely coupled teams");
const CONTINUOUS_DELIVERY: Capability = cap("continuous-delivery", "Continuous delivery");
const MONITORING: Capability = cap(
    "monitoring-and-observability",
    "Monitoring and observability",
);
const PROACTIVE_NOTIFICATION: Capability = cap(
    "proactive-failure-notification",
    "Proactive failure notification",
);
const FLEXIBLE_INFRASTRUCTURE: Capability =
    cap("flexible-infrastructure", "Flexible infrastructure");
const DEPLOYMENT_AUTOMATION: Capability = cap("deployment-automation", "Deployment automation");

const BATCHES_STABILITY: &str = "AI adoption often leads to increased software delivery \
    instability; working in small batches acts as a critical countermeasure to this risk";
const TESTS_STABILITY: &str = "DORA's research shows that it also drives improved software \
    stability, reduced team burnout, and lower deployment pain.";

const LEAD_TIME: [Lever; 3] = [
    Lever {
        capability: SMALL_BATCHES,
        evidence: "Create shorter lead times and faster feedback loops by working in small \
            batches.",
    },
    Lever {
        capability: CHANGE_APPROVAL,
        evidence: "introducing more approvals results in a slower process and less \
            frequent releases of large batches",
    },
    Lever {
        capability: TEST_AUTOMATION,
        evidence: "Running tests continuously as part of a pipeline contributes to quick \
            feedback for developers, a short lead time from check-in to release, and a low \
            error rate in production environments.",
    },
];

const DEPLOY_FREQUENCY: [Lever; 3] = [
    Lever {
        capability: CONTINUOUS_INTEGRATION,
        evidence: "it leads to higher deployment frequency, more stable systems, and higher \
            quality software.",
    },
    Lever {
        capability: LOOSELY_COUPLED,
        evidence: "As your services and products become less tightly coupled, your \
            deployment frequency should increase.",
    },
    Lever {
        capability: CONTINUOUS_DELIVERY,
        evidence: "Make deploying software a reliable, low-risk process that can be \
            performed on demand at any time.",
    },
];

const RECOVERY_TIME: [Lever; 3] = [
    Lever {
        capability: MONITORING,
        evidence: "The key metric in the event of an outage or service degradation is \
            time-to-restore (TTR).",
    },
    Lever {
        capability: PROACTIVE_NOTIFICATION,
        evidence: "According to DORA research, teams that use proactive notification can \
            diagnose and solve problems quickly.",
    },
    Lever {
        capability: FLEXIBLE_INFRASTRUCTURE,
        evidence: "When teams can provision and manage their own environments dynamically, \
            they reduce lead times and recover from failures faster.",
    },
];

const CHANGE_FAILURE: [Lever; 3] = [
    Lever {
        capability: TEST_AUTOMATION,
        evidence: TESTS_STABILITY,
    },
    Lever {
        capability: DEPLOYMENT_AUTOMATION,
        evidence: "Automation is essential to reduce the risk of production deployments.",
    },
    Lever {
        capability: SMALL_BATCHES,
        evidence: BATCHES_STABILITY,
    },
];

const REWORK: [Lever; 3] = [
    Lever {
        capability: CONTINUOUS_DELIVERY,
        evidence: "Leads to higher levels of quality, measured by the percentage of time \
            teams spend on rework or unplanned work",
    },
    Lever {
        capability: TEST_AUTOMATION,
        evidence: TESTS_STABILITY,
    },
    Lever {
        capability: SMALL_BATCHES,
        evidence: BATCHES_STABILITY,
    },
];

/// The capabilities offered for a metric, most direct first; empty for a
/// metric the Quick Check does not score.
pub fn levers(metric: Metric) -> &'static [Lever] {
    match metric {
        Metric::LeadTime => &LEAD_TIME,
        Metric::DeployFrequency => &DEPLOY_FREQUENCY,
        Metric::RecoveryTime => &RECOVERY_TIME,
        Metric::ChangeFailureRate => &CHANGE_FAILURE,
        Metric::ReworkRate => &REWORK,
        _ => &[],
    }
}
