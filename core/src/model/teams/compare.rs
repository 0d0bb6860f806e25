//! Opening teams into Compare: the teams ticked in the table, two or three
//! of them ([`MAX_COLUMNS`]), become Compare's columns in the order they
//! were ticked, the first as the reference every difference is stated
//! against. Each column keeps the team's own scenario, so Compare runs it
//! with the team's own plan, seed and trials.

use std::sync::Arc;

use super::{TeamId, Teams};
use crate::model::comparison::{Comparison, Source, MAX_COLUMNS};

/// Fewest teams worth comparing.
pub const MIN_COMPARED: usize = 2;

/// The ticked teams still in the set, in the order ticked.
fn ticked<'a>(teams: &'a Teams, chosen: &[TeamId]) -> Vec<&'a super::Team> {
    chosen.iter().filter_map(|&id| teams.get(id)).collect()
}

/// What the ticks amount to, in words: how to go on, or what will be
/// compared.
pub fn chosen_words(teams: &Teams, chosen: &[TeamId]) -> String {
    let names: Vec<String> = ticked(teams, chosen)
        .iter()
        .map(|t| format!("“{}”", t.name))
        .collect();
    match names.as_slice() {
        [] => format!(
            "Tick {MIN_COMPARED} or {MAX_COLUMNS} teams in the table to compare them side by side."
        ),
        [one] => format!("{one} ticked: tick one or two more to compare."),
        [reference, others @ ..] if names.len() <= MAX_COLUMNS => format!(
            "Compare {reference}, the reference, with {}.",
            others.join(" and ")
        ),
        _ => format!(
            "{} teams ticked: {MAX_COLUMNS} is the most compared at once, so untick {}.",
            names.len(),
            names.len() - MAX_COLUMNS
        ),
    }
}

/// Whether the ticks make a comparison: two or three teams still in the
/// set.
pub fn can_compare(teams: &Teams, chosen: &[TeamId]) -> bool {
    (MIN_COMPARED..=MAX_COLUMNS).contains(&ticked(teams, chosen).len())
}

/// The ticked teams as Compare's columns, reference first; refused in the
/// words of [`chosen_words`] unless [`can_compare`].
pub fn comparison(teams: &Teams, chosen: &[TeamId]) -> Result<Comparison, String> {
    if !can_compare(teams, chosen) {
        return Err(chosen_words(teams, chosen));
    }
    let ticked = ticked(teams, chosen);
    let mut compared = Comparison::default();
    for team in ticked {
        let source = Source::Team(team.name.clone(), Arc::new(team.scenario.clone()));
        compared.add(source, &team.name)?;
    }
    Ok(compared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::teams::Source as From;
    use crate::model::units::{Duration, TimeUnit};
    use crate::model::{Metric, Scenario};

    /// Three different teams: their lead times differ, so none is a
    /// duplicate of another.
    fn three() -> (Teams, Vec<TeamId>) {
        let mut teams = Teams::new();
        let ids = ["Checkout", "Payments", "Search", "Mobile"]
            .iter()
            .zip([24.0, 48.0, 96.0, 12.0])
            .filter_map(|(name, hours)| {
                let mut s = Scenario {
                    team: (*name).to_string(),
                    ..Scenario::default()
                };
                s.baseline.lead_time = Duration::new(hours, TimeUnit::Hours);
                match teams.add(s, From::Link) {
                    crate::model::teams::Added::Added { id, .. } => Some(id),
                    _ => None,
                }
            })
            .collect();
        (teams, ids)
    }

    #[test]
    fn ticks_read_as_what_to_do_next() {
        let (teams, ids) = three();
        assert_eq!(ids.len(), 4);
        assert_eq!(
            chosen_words(&teams, &[]),
            "Tick 2 or 3 teams in the table to compare them side by side."
        );
        assert_eq!(
            chosen_words(&teams, &ids[1..2]),
            "“Payments” ticked: tick one or two more to compare."
        );
        assert_eq!(
            chosen_words(&teams, &[ids[2], ids[0]]),
            "Compare “Search”, the reference, with “Checkout”."
        );
        assert_eq!(
            chosen_words(&teams, &ids[..3]),
            "Compare “Checkout”, the reference, with “Payments” and “Search”."
        );
        assert_eq!(
            chosen_words(&teams, &ids),
            "4 teams ticked: 3 is the most compared at once, so untick 1."
        );
    }

    #[test]
    fn two_or_three_ticked_teams_become_the_columns_in_the_order_ticked() {
        let (teams, ids) = three();
        let compared = comparison(&teams, &[ids[2], ids[0]]).unwrap_or_default();
        assert_eq!(compared.headers(), ["Search", "Checkout"]);
        let lead: Vec<Option<f64>> = compared
            .scenarios(&Scenario::default())
            .iter()
            .map(|s| s.baseline.value(Metric::LeadTime))
            .collect();
        assert_eq!(lead, [Some(96.0), Some(24.0)]);
        assert_eq!(
            compared.columns()[0].source.describe(),
            "The team “Search” from Teams"
        );
        assert!(comparison(&teams, &ids[..3]).is_ok_and(|c| c.is_full()));
        assert!(can_compare(&teams, &ids[..2]) && !can_compare(&teams, &ids[..1]));
    }

    #[test]
    fn too_few_too_many_or_removed_teams_are_refused_in_words() {
        let (mut teams, ids) = three();
        assert_eq!(
            comparison(&teams, &ids),
            Err("4 teams ticked: 3 is the most compared at once, so untick 1.".into())
        );
        teams.remove(ids[1]);
        // A tick left on a removed team counts for nothing.
        assert_eq!(
            comparison(&teams, &ids[..2]),
            Err("“Checkout” ticked: tick one or two more to compare.".into())
        );
    }
}
