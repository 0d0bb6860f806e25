//! The scenarios a user compares side by side, reference first: where each
//! comes from (the working scenario, a saved one, a share link, a team from
//! the set of teams), the name its column is headed with, and the list's
//! rules — at most [`MAX_COLUMNS`], every header a different name, the
//! working scenario at most once — with the words the screen says when the
//! list changes. The differences themselves are judged in
//! [`crate::model::compare`].

use std::sync::Arc;

use crate::model::compare::{percent_difference, Change};
use crate::model::names::free_name;
use crate::model::units::format_number;
use crate::model::Scenario;

/// At most this many scenarios side by side: more no longer fit a screen.
pub const MAX_COLUMNS: usize = 3;
/// Longest column name, as long as a team name.
pub const MAX_LABEL_CHARS: usize = Scenario::MAX_TEAM_CHARS;

/// Where a compared scenario comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The working scenario, as it is whenever it is read.
    Working,
    /// A copy of a library entry, by the name it was saved under.
    Saved(String, Arc<Scenario>),
    /// A scenario decoded from a share link.
    Link(Arc<Scenario>),
    /// A team from the set of teams, by its name there.
    Team(String, Arc<Scenario>),
}

impl Source {
    /// Where it comes from, for the column's hint: "The working scenario",
    /// "Saved as “Q3 plan”", "From a share link".
    pub fn describe(&self) -> String {
        match self {
            Source::Working => "The working scenario".to_string(),
            Source::Saved(name, _) => format!("Saved as “{name}”"),
            Source::Link(_) => "From a share link".to_string(),
            Source::Team(name, _) => format!("The team “{name}” from Teams"),
        }
    }
}

/// One compared scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Stable across reordering and renaming, for keyed rendering.
    pub id: u32,
    pub source: Source,
    /// The name typed for its column; may be empty (see
    /// [`Comparison::header`]).
    pub label: String,
}

/// The compared scenarios, reference first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    columns: Vec<Column>,
    /// The id the next column gets.
    next_id: u32,
    /// Links added so far, so each gets its own "Link n" name.
    links_added: u32,
}

impl Comparison {
    /// The columns, reference first.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Whether two or more scenarios are there to compare.
    pub fn is_ready(&self) -> bool {
        self.columns.len() >= 2
    }

    /// Whether no more can be added.
    pub fn is_full(&self) -> bool {
        self.columns.len() >= MAX_COLUMNS
    }

    /// Whether the working scenario is one of the columns.
    pub fn has_working(&self) -> bool {
        self.columns.iter().any(|c| c.source == Source::Working)
    }

    /// Where the column `id` stands, 0 being the reference.
    pub fn position(&self, id: u32) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// The column `id`.
    pub fn column(&self, id: u32) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }

    /// The header of column `i`: its name, or "Scenario 2" when the name is
    /// cleared, so a column is never headed by nothing.
    pub fn header(&self, i: usize) -> String {
        match self.columns.get(i).map(|c| c.label.trim()) {
            Some(l) if !l.is_empty() => l.to_string(),
            _ => format!("Scenario {}", i + 1),
        }
    }

    /// Every column's header, reference first.
    pub fn headers(&self) -> Vec<String> {
        (0..self.columns.len()).map(|i| self.header(i)).collect()
    }

    /// The scenarios compared, reference first, the working one as
    /// `working` is now.
    pub fn scenarios(&self, working: &Scenario) -> Vec<Arc<Scenario>> {
        self.columns
            .iter()
            .map(|c| match &c.source {
                Source::Working => Arc::new(working.clone()),
                Source::Saved(_, s) | Source::Link(s) | Source::Team(_, s) => s.clone(),
            })
            .collect()
    }

    /// Adds a column named after `name` (made different from every other
    /// column's name), and says so: "Added “Q3 plan (2)”.". Refused with
    /// the reason when the list is full, or when the working scenario is
    /// already there.
    pub fn add(&mut self, source: Source, name: &str) -> Result<String, String> {
        if self.is_full() {
            return Err(format!(
                "{MAX_COLUMNS} scenarios is the most compared at once: remove one to add another."
            ));
        }
        if source == Source::Working && self.has_working() {
            return Err("The working scenario is already compared.".to_string());
        }
        let taken = |l: &str| self.columns.iter().any(|c| c.label == l);
        // With fewer columns than tries, one of the names is free.
        let label = free_name(name, MAX_LABEL_CHARS, MAX_COLUMNS + 1, taken).unwrap_or_default();
        self.next_id += 1;
        self.columns.push(Column {
            id: self.next_id,
            source,
            label: label.clone(),
        });
        Ok(format!("Added “{label}”."))
    }

    /// Adds a scenario from a share link as "Link n", n counting the links
    /// added so far.
    pub fn add_link(&mut self, scenario: Scenario) -> Result<String, String> {
        let name = format!("Link {}", self.links_added + 1);
        let said = self.add(Source::Link(Arc::new(scenario)), &name)?;
        self.links_added += 1;
        Ok(said)
    }

    /// Renames column `id` to `label` as typed (the header falls back to
    /// "Scenario n" while it is empty).
    pub fn rename(&mut self, id: u32, label: &str) {
        if let Some(c) = self.columns.iter_mut().find(|c| c.id == id) {
            c.label = label.to_string();
        }
    }

    /// Removes column `id`: "Removed “Q3 plan”.".
    pub fn remove(&mut self, id: u32) -> Option<String> {
        let i = self.position(id)?;
        let gone = self.columns.remove(i);
        Some(format!("Removed “{}”.", gone.label))
    }

    /// Moves column `id` first, so every difference is stated against it:
    /// "“Q3 plan” is now the reference.".
    pub fn make_reference(&mut self, id: u32) -> Option<String> {
        let i = self.position(id)?;
        let column = self.columns.remove(i);
        let said = format!("“{}” is now the reference.", column.label);
        self.columns.insert(0, column);
        Some(said)
    }
}

/// A difference against the reference column in words: "Same as Spring",
/// "Better than Spring: 82% lower".
pub fn difference_words(change: Change, reference: &str, detail: Option<&str>) -> String {
    match (change, detail) {
        (Change::Same, _) => format!("Same as {reference}"),
        (_, Some(detail)) => format!("{} than {reference}: {detail}", change.word()),
        (_, None) => format!("{} than {reference}", change.word()),
    }
}

/// "82% lower", "100% higher", or `None` when the reference is zero or
/// either is not a number ([`percent_difference`]).
pub fn percent_words(reference: f64, value: f64) -> Option<String> {
    percent_difference(reference, value).map(|p| {
        let way = if value > reference { "higher" } else { "lower" };
        format!("{}% {way}", format_number(p, 0))
    })
}

/// "12 points higher", a chance (0–1) against the reference's in whole
/// percentage points, as both are shown.
pub fn points_words(reference: f64, value: f64) -> String {
    let points = ((value * 100.0).round() - (reference * 100.0).round()).abs();
    let way = if value > reference { "higher" } else { "lower" };
    format!("{} points {way}", format_number(points, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(team: &str) -> Arc<Scenario> {
        Arc::new(Scenario {
            team: team.to_string(),
            ..Scenario::default()
        })
    }

    #[test]
    fn columns_get_free_names_and_stop_at_the_most_compared() {
        let mut c = Comparison::default();
        assert!(!c.is_ready());
        assert_eq!(
            c.add(Source::Working, "This scenario"),
            Ok("Added “This scenario”.".into())
        );
        assert_eq!(
            c.add(Source::Working, "This scenario"),
            Err("The working scenario is already compared.".into())
        );
        let q3 = Source::Saved("Q3".into(), named("Checkout"));
        assert_eq!(c.add(q3.clone(), "Q3"), Ok("Added “Q3”.".into()));
        assert!(c.is_ready() && c.has_working());
        // The same name again gets a number, so every header names one column.
        assert_eq!(c.add(q3.clone(), "Q3"), Ok("Added “Q3 (2)”.".into()));
        assert!(c.is_full());
        assert!(c
            .add(q3, "Q3")
            .unwrap_err()
            .starts_with("3 scenarios is the most"));
        assert_eq!(c.headers(), ["This scenario", "Q3", "Q3 (2)"]);
        let ids: Vec<u32> = c.columns().iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn links_count_up_only_when_added() {
        let mut c = Comparison::default();
        assert_eq!(
            c.add_link(Scenario::default()),
            Ok("Added “Link 1”.".into())
        );
        c.add(Source::Working, "This scenario").unwrap();
        c.add_link(Scenario::default()).unwrap();
        // Refused while full: the next link is still "Link 3".
        assert!(c.add_link(Scenario::default()).is_err());
        let first = c.columns()[0].id;
        c.remove(first).unwrap();
        assert_eq!(
            c.add_link(Scenario::default()),
            Ok("Added “Link 3”.".into())
        );
    }

    #[test]
    fn renaming_reordering_and_removing_keep_ids() {
        let mut c = Comparison::default();
        c.add(Source::Link(named("A")), "Spring").unwrap();
        c.add(Source::Link(named("B")), "Autumn").unwrap();
        let autumn = c.columns()[1].id;
        assert_eq!(
            c.make_reference(autumn),
            Some("“Autumn” is now the reference.".into())
        );
        assert_eq!(c.headers(), ["Autumn", "Spring"]);
        assert_eq!(c.position(autumn), Some(0));
        c.rename(autumn, "   ");
        assert_eq!(c.headers(), ["Scenario 1", "Spring"]);
        c.rename(autumn, "Last autumn");
        assert_eq!(
            c.column(autumn).map(|c| c.label.as_str()),
            Some("Last autumn")
        );
        assert_eq!(c.remove(autumn), Some("Removed “Last autumn”.".into()));
        assert_eq!(c.remove(autumn), None);
        assert_eq!(c.make_reference(autumn), None);
        assert_eq!(c.headers(), ["Spring"]);
    }

    #[test]
    fn the_working_column_reads_the_working_scenario_as_it_is() {
        let mut c = Comparison::default();
        c.add(Source::Saved("Old".into(), named("Before")), "Old")
            .unwrap();
        c.add(Source::Working, "Now").unwrap();
        let teams: Vec<String> = c
            .scenarios(&named("After"))
            .iter()
            .map(|s| s.team.clone())
            .collect();
        assert_eq!(teams, ["Before", "After"]);
        assert_eq!(c.columns()[0].source.describe(), "Saved as “Old”");
        assert_eq!(c.columns()[1].source.describe(), "The working scenario");
    }

    #[test]
    fn long_names_are_cut_to_fit_with_their_number() {
        let mut c = Comparison::default();
        let long = "x".repeat(200);
        c.add_link(Scenario::default()).unwrap();
        c.add(Source::Link(named("A")), &long).unwrap();
        c.add(Source::Link(named("B")), &long).unwrap();
        let headers = c.headers();
        assert_eq!(headers[1].chars().count(), MAX_LABEL_CHARS);
        assert_eq!(headers[2].chars().count(), MAX_LABEL_CHARS);
        assert!(headers[2].ends_with(" (2)"));
    }

    #[test]
    fn differences_read_as_sentences() {
        assert_eq!(
            difference_words(Change::Same, "Spring", Some("0% lower")),
            "Same as Spring"
        );
        assert_eq!(
            difference_words(Change::Better, "Spring", Some("82% lower")),
            "Better than Spring: 82% lower"
        );
        assert_eq!(
            difference_words(Change::Higher, "Spring", None),
            "Higher than Spring"
        );
        // 22% → 4%: (22 − 4) / 22 = 81.8%, shown as 82%.
        assert_eq!(percent_words(22.0, 4.0).as_deref(), Some("82% lower"));
        assert_eq!(percent_words(2.0, 4.0).as_deref(), Some("100% higher"));
        assert_eq!(percent_words(0.0, 4.0), None);
        // 40.4% and 62.4% show as 40% and 62%: 22 points.
        assert_eq!(points_words(0.404, 0.624), "22 points higher");
        assert_eq!(points_words(0.624, 0.404), "22 points lower");
    }
}
