//! A CSV export's columns found by name, however the tool capitalises or
//! punctuates them ([`super::shape::norm`]), including a name repeated
//! across columns (Jira writes one `Labels` column per label).

use super::file::ParsedFile;
use super::recognise::norm;
use crate::model::import::csv::{self, Record};

/// A parsed CSV with its normalised headers.
pub struct Table<'a> {
    pub records: Vec<Record<'a>>,
    pub headers: Vec<String>,
    norm: Vec<String>,
}

impl<'a> Table<'a> {
    /// Parses `text`; rows the reader could not split are rejected in
    /// `out`. `None` when there is no header.
    pub fn read(text: &'a str, out: &mut ParsedFile) -> Option<Table<'a>> {
        let t = csv::parse(text)?;
        for line in &t.broken {
            out.reject(*line, "a quoted field is never closed");
        }
        out.rows = t.records.len() + t.broken.len();
        out.headers.clone_from(&t.headers);
        Some(Table {
            norm: t.headers.iter().map(|h| norm(h)).collect(),
            headers: t.headers,
            records: t.records,
        })
    }

    /// The first column named any of `names` (normalised), in their order.
    pub fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.norm.iter().position(|h| h == n))
    }

    /// Every column named `name`.
    pub fn cols(&self, name: &str) -> Vec<usize> {
        (0..self.norm.len())
            .filter(|&i| self.norm[i] == name)
            .collect()
    }
}

/// A cell, trimmed; `None` when the column is absent or the cell blank.
pub fn cell<'r>(rec: &'r Record, i: Option<usize>) -> Option<&'r str> {
    i.and_then(|i| rec.fields.get(i))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
}

/// Every non-blank cell of the columns `cols`.
pub fn cells<'r>(rec: &'r Record, cols: &[usize]) -> Vec<&'r str> {
    cols.iter().filter_map(|&i| cell(rec, Some(i))).collect()
}

/// A list written in one cell: a JSON array of strings (`["a","b"]`), or
/// values separated by commas, semicolons or spaces.
pub fn list_cell(text: &str) -> Vec<String> {
    let t = text.trim();
    if t.starts_with('[') {
        if let Ok(v) = serde_json::from_str::<Vec<String>>(t) {
            return v.into_iter().filter(|s| !s.trim().is_empty()).collect();
        }
    }
    t.split([',', ';', ' '])
        .map(|s| s.trim_matches(|c: char| c == '"' || c == '[' || c == ']' || c.is_whitespace()))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::import::exports::shape::{Format, Shape};

    #[test]
    fn finds_columns_by_normalised_name() {
        let mut out = ParsedFile::new("x", Shape::Jira, Format::Csv);
        let t = Table::read(
            "Issue key,Labels,Labels,Created\nA-1,x,,1\n\"open\n",
            &mut out,
        )
        .unwrap();
        assert_eq!(t.col(&["issue_key"]), Some(0));
        assert_eq!(t.col(&["nope", "created"]), Some(3));
        assert_eq!(t.cols("labels"), vec![1, 2]);
        assert_eq!(cells(&t.records[0], &t.cols("labels")), vec!["x"]);
        assert_eq!(cell(&t.records[0], Some(9)), None);
        assert_eq!(out.rejected.len(), 1);
        assert_eq!(list_cell("[\"a\", \"b\"]"), vec!["a", "b"]);
        assert_eq!(list_cell("a, b;c"), vec!["a", "b", "c"]);
        assert!(list_cell("  ").is_empty());
    }
}
