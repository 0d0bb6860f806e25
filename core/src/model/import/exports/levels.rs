//! How severe an incident's level is, to list levels highest first and
//! preselect the highest. An export's own order wins where it gives one
//! (incident.io's severity rank, PagerDuty's priority order: higher is more
//! severe); otherwise the usual names are ranked: urgency high over low;
//! `P0`…`P5` and `SEV0`…`SEV5` by number; Jira's Blocker, Highest,
//! Critical, High, Major, Medium, Low, Minor, Lowest, Trivial.
//!
//! Preselected are the two highest levels of a kind (one when there are
//! only two): PagerDuty calls an incident "major" when it has one of the
//! two highest priorities (`AnalyticsRawIncident.major`, PagerDuty's
//! OpenAPI), and the same line serves severities. For urgency, `high`.

use std::cmp::Reverse;

/// Which field a level comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LevelKind {
    Severity,
    Priority,
    Urgency,
}

impl LevelKind {
    pub const ALL: [LevelKind; 3] = [LevelKind::Severity, LevelKind::Priority, LevelKind::Urgency];

    /// "severity".
    pub fn name(self) -> &'static str {
        match self {
            LevelKind::Severity => "severity",
            LevelKind::Priority => "priority",
            LevelKind::Urgency => "urgency",
        }
    }
}

/// The rank of a level's name, higher more severe; `None` for a name with
/// no known order.
pub fn named_rank(name: &str) -> Option<i64> {
    let n = name.trim().to_ascii_lowercase();
    let words: [(&str, i64); 13] = [
        ("blocker", 95),
        ("highest", 90),
        ("critical", 90),
        ("urgent", 90),
        ("high", 80),
        ("major", 80),
        ("medium", 60),
        ("moderate", 60),
        ("normal", 60),
        ("low", 40),
        ("minor", 40),
        ("lowest", 20),
        ("trivial", 20),
    ];
    if let Some((_, r)) = words.iter().find(|(w, _)| *w == n) {
        return Some(*r);
    }
    // "P1", "SEV-2", "Sev 1", "S3": a smaller number is more severe.
    let digits = n
        .trim_start_matches("severity")
        .trim_start_matches("sev")
        .trim_start_matches(['p', 's'])
        .trim_start_matches(['-', ' ', '_']);
    if digits.len() <= 2
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && n != digits
    {
        return digits.parse::<i64>().ok().map(|d| 100 - d);
    }
    None
}

/// A level's name and the export's own rank for it, if any.
pub type Named = (String, Option<i64>);

/// Orders `values` (name, the export's own rank if any) highest first and
/// says which are preselected: the top two ranked (one of two; for urgency
/// `high`); every one when none has a known rank.
pub fn order(kind: LevelKind, values: &[Named]) -> Vec<(String, bool)> {
    let all_own = values.iter().all(|v| v.1.is_some());
    let rank = |v: &Named| if all_own { v.1 } else { named_rank(&v.0) };
    let mut sorted: Vec<(&Named, Option<i64>)> = values.iter().map(|v| (v, rank(v))).collect();
    sorted.sort_by_key(|(v, r)| (Reverse(*r), v.0.to_ascii_lowercase()));
    let ranked = sorted.iter().filter(|s| s.1.is_some()).count();
    let take = match kind {
        LevelKind::Urgency => 1,
        _ if ranked <= 2 => 1,
        _ => 2,
    };
    // Names tied with the last one taken are taken too.
    let cut = sorted.iter().filter_map(|s| s.1).nth(take - 1);
    sorted
        .into_iter()
        .map(|(v, r)| {
            let pre = if ranked == 0 {
                true
            } else {
                r.is_some() && r >= cut
            };
            (v.0.clone(), pre)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<(String, Option<i64>)> {
        v.iter().map(|s| (s.to_string(), None)).collect()
    }

    #[test]
    fn names_rank() {
        assert!(named_rank("P1") > named_rank("P2"));
        assert!(named_rank("SEV-1") > named_rank("sev 3"));
        assert!(named_rank("Highest") > named_rank("Medium"));
        assert_eq!(named_rank("P1"), named_rank("S1"));
        assert_eq!(named_rank("Purple"), None);
        assert_eq!(named_rank("12"), None);
        assert_eq!(named_rank("Severity 2"), named_rank("P2"));
    }

    #[test]
    fn the_two_highest_are_preselected() {
        let o = order(LevelKind::Priority, &names(&["P3", "P1", "P5", "P2"]));
        assert_eq!(
            o,
            vec![
                ("P1".to_string(), true),
                ("P2".to_string(), true),
                ("P3".to_string(), false),
                ("P5".to_string(), false)
            ]
        );
        let o = order(LevelKind::Urgency, &names(&["low", "high"]));
        assert_eq!(
            o,
            vec![("high".to_string(), true), ("low".to_string(), false)]
        );
        let own = vec![
            ("Minor".to_string(), Some(1)),
            ("Critical".to_string(), Some(3)),
            ("Major".to_string(), Some(2)),
        ];
        let o = order(LevelKind::Severity, &own);
        assert_eq!(o.iter().filter(|x| x.1).count(), 2);
        assert_eq!(o[0].0, "Critical");
        let o = order(LevelKind::Severity, &names(&["Blue", "Green"]));
        assert!(o.iter().all(|x| x.1));
        let o = order(LevelKind::Severity, &names(&["Blue", "P1"]));
        assert_eq!(
            o,
            vec![("P1".to_string(), true), ("Blue".to_string(), false)]
        );
    }
}
