//! Many teams' simulations, one team at a time, so a screen can fill the
//! Teams table's chances in as each run finishes. Each team runs its own
//! chosen plan with its own seed, trial count and horizon, exactly as its
//! scenario does on its own screens ([`run_scenario`]), except that the
//! error-budget policy's Monte Carlo is only run when the plan runs under
//! the freeze (the table shows no other figure of it), and the plan's run
//! only counts the goals ([`plan_count`]): the table shows no weekly
//! percentiles, and ranking every week's trials was most of the work.

use chrono::NaiveDate;

use crate::budget::FreezeOutcome;
use crate::goals::targets;
use crate::scenario::{freeze_applies, plan_count, policy_outcome, ScenarioRun};
use flywheel_core::model::teams::rows::Chances;
use flywheel_core::model::teams::{Team, TeamId, Teams};

/// One team's finished simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRun {
    pub team: TeamId,
    /// The chance of meeting each goal the simulation counted, as the rows
    /// take them.
    pub chances: Chances,
    /// The trials the chosen plan's run simulated (`None` when the settings
    /// cannot be simulated).
    pub trials: Option<u32>,
}

/// Each counted goal's chance in a scenario's run: the share of trials
/// meeting the target with its guard held.
pub fn chances(run: &ScenarioRun) -> Chances {
    run.targets
        .iter()
        .filter_map(|&(goal, _)| run.chance(goal).map(|o| (goal, o.p_both)))
        .collect()
}

/// Runs one team's scenario, deadlines counted in weeks from `today`.
pub fn run_team(team: &Team, today: NaiveDate) -> TeamRun {
    let s = &team.scenario;
    let goal_targets = targets(&s.goals, today);
    let freeze = freeze_applies(s)
        .then(|| FreezeOutcome::freeze(&policy_outcome(&s.slo, &s.baseline, today)));
    let counted = plan_count(s, &goal_targets, freeze);
    let chances = goal_targets
        .iter()
        .zip(counted.iter().flat_map(|c| c.targets.iter()))
        .map(|(&(goal, _), o)| (goal, o.p_both))
        .collect();
    TeamRun {
        team: team.id,
        chances,
        trials: counted.map(|c| c.trials),
    }
}

/// The teams' runs in the set's order, each computed only when the
/// iterator is advanced: a screen takes one, shows it, and yields.
pub fn run_teams(teams: &Teams, today: NaiveDate) -> impl Iterator<Item = TeamRun> + '_ {
    teams.teams().iter().map(move |t| run_team(t, today))
}
