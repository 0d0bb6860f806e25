//! DORA's 2025 team profiles, for the "About the 2025 report" note
//! (domain.md §2): the seven profiles that replaced the Elite–Low tiers,
//! the eight factors they were found from, and why Flywheel describes them
//! but never places a team in one.
//!
//! Sources: the profile names from DORA's "State of AI-assisted Software
//! Development 2025" report, chapter "Understanding your software delivery
//! performance" (p. 12 by DORA's 2025 errata page), as domain.md §2 lists
//! them; the eight factors from DORA's page of the survey questions used
//! for the profiles (dora.dev/research/2025/team-profiles/questions/,
//! added for dora-team/dora.dev issue #1150). The one-sentence summaries
//! are Flywheel's, drawn from published write-ups of the report and not
//! checked against its text, and [`SUMMARIES_NOTE`] says so.

/// One 2025 team profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The profile's name in the report.
    pub name: &'static str,
    /// One sentence on what teams in it are like.
    pub summary: &'static str,
}

/// The seven profiles, from struggling to thriving, in the order domain.md
/// §2 lists them.
pub const PROFILES: [Profile; 7] = [
    Profile {
        name: "Foundational challenges",
        summary: "Teams in survival mode, held back by gaps in basic process and practice.",
    },
    Profile {
        name: "The legacy bottleneck",
        summary: "Teams kept busy reacting to unstable systems, at a cost to delivery and \
            morale.",
    },
    Profile {
        name: "Constrained by process",
        summary: "Teams with stable systems whose capacity is consumed by inefficient \
            workflows.",
    },
    Profile {
        name: "High impact, low cadence",
        summary: "Teams producing valuable, high-quality work but delivering it slowly.",
    },
    Profile {
        name: "Stable and methodical",
        summary: "Teams delivering deliberately at a sustainable pace, with high quality \
            and modest throughput.",
    },
    Profile {
        name: "Pragmatic performers",
        summary: "Teams delivering with impressive speed and stability in a working \
            environment that is functional rather than thriving.",
    },
    Profile {
        name: "Harmonious high-achievers",
        summary: "Teams doing well on every factor, delivery and well-being alike, in a \
            virtuous cycle of sustainable performance.",
    },
];

/// The eight factors DORA clustered teams on, as its survey page heads
/// them.
pub const FACTORS: [&str; 8] = [
    "Team performance",
    "Product performance",
    "Software delivery throughput",
    "Software delivery instability",
    "Individual effectiveness",
    "Time doing valuable work",
    "Friction",
    "Burnout",
];

/// Why Flywheel does not place a team in a profile, plainly.
pub const WHY_NOT_PLACED: &str = "Flywheel does not place your team in one of these \
    profiles. DORA found them by clustering eight factors, and only two of them, throughput \
    and instability, are delivery metrics Flywheel knows; the other six (team and product \
    performance, individual effectiveness, time doing valuable work, friction and burnout) \
    come from survey answers it does not have. DORA has not published where each profile \
    sits on those factors either, so there is nothing to measure a team against honestly.";

/// Said beside the summaries.
pub const SUMMARIES_NOTE: &str = "Profile names are DORA's; the one-line summaries are \
    Flywheel's, from published write-ups of the report. The report itself describes each \
    profile in full.";

/// The 2025 report's page.
pub const REPORT_URL: &str = "https://dora.dev/research/2025/dora-report/";

/// DORA's page of the survey questions behind the eight factors.
pub const FACTORS_URL: &str = "https://dora.dev/research/2025/team-profiles/questions/";
