//! Changing the history: keeping the baseline as a snapshot, deleting
//! (with an undo), re-dating, and marking where the plan started — each
//! refusal in words (the rules are in the module docs of
//! [`crate::model::history`]).

use chrono::NaiveDate;

use super::{History, Snapshot, MAX_SNAPSHOTS};
use crate::model::date::format_date;
use crate::model::Scenario;

/// What keeping a snapshot did.
#[derive(Clone, Debug, PartialEq)]
pub enum Kept {
    Added,
    /// The day already had one; here it is, for an undo.
    Replaced(Snapshot),
}

/// A deleted snapshot, with what it takes to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub snapshot: Snapshot,
    /// Whether the plan started from it (the plan's start is cleared).
    pub was_plan_start: bool,
}

impl Deleted {
    /// What deleting did, in words.
    pub fn message(&self) -> String {
        let mut m = format!(
            "Deleted the snapshot of {}.",
            format_date(self.snapshot.date)
        );
        if self.was_plan_start {
            m.push_str(
                " The plan started from it: choose another snapshot to hold the plan against.",
            );
        }
        m
    }
}

impl History {
    /// Keeps `snapshot`, dated `snapshot.date`, with today `today`: refused
    /// in words for a date after today or out of range, a measured baseline
    /// dated before its data ends, the plan's own start replaced, or a full
    /// history. On a day that has a snapshot it replaces it. Returns what
    /// it did and the words to show.
    pub fn keep(&mut self, snapshot: Snapshot, today: NaiveDate) -> Result<(Kept, String), String> {
        if let Some(why) = snapshot.date_problem(snapshot.date, today) {
            return Err(why);
        }
        if !snapshot.baseline.is_valid() {
            return Err(
                "A baseline figure is out of range: correct it on the Baseline screen first."
                    .to_string(),
            );
        }
        let when = format_date(snapshot.date);
        if let Some(i) = self.snapshots.iter().position(|s| s.date == snapshot.date) {
            if self.plan_start == Some(snapshot.date) {
                return Err(format!(
                    "The plan started from the snapshot of {when}, so it is not replaced: \
                     re-date it, or delete it, first."
                ));
            }
            let old = std::mem::replace(&mut self.snapshots[i], snapshot);
            return Ok((
                Kept::Replaced(old),
                format!(
                    "Replaced the snapshot of {when}: a day keeps one snapshot, the last kept."
                ),
            ));
        }
        if self.snapshots.len() >= MAX_SNAPSHOTS {
            return Err(format!(
                "The history keeps at most {MAX_SNAPSHOTS} snapshots (five years of monthly \
                 ones): delete an old one first."
            ));
        }
        self.snapshots.push(snapshot);
        self.snapshots.sort_by_key(|s| s.date);
        Ok((
            Kept::Added,
            format!("Kept the baseline as it stands on {when}."),
        ))
    }

    /// Deletes the snapshot dated `date` (and the plan's start, if it was
    /// that one).
    pub fn delete(&mut self, date: NaiveDate) -> Option<Deleted> {
        let i = self.snapshots.iter().position(|s| s.date == date)?;
        let snapshot = self.snapshots.remove(i);
        let was_plan_start = self.plan_start == Some(date);
        if was_plan_start {
            self.plan_start = None;
        }
        Some(Deleted {
            snapshot,
            was_plan_start,
        })
    }

    /// Puts a deleted snapshot back, unless its day has been taken or the
    /// history has filled meanwhile.
    pub fn restore(&mut self, deleted: Deleted) -> Result<(), String> {
        let date = deleted.snapshot.date;
        if self.get(date).is_some() {
            return Err(format!(
                "A snapshot of {} has been kept since: delete it first to bring this one back.",
                format_date(date)
            ));
        }
        if self.snapshots.len() >= MAX_SNAPSHOTS {
            return Err(format!(
                "The history keeps at most {MAX_SNAPSHOTS} snapshots."
            ));
        }
        self.snapshots.push(deleted.snapshot);
        self.snapshots.sort_by_key(|s| s.date);
        if deleted.was_plan_start && self.plan_start.is_none() {
            self.plan_start = Some(date);
        }
        Ok(())
    }

    /// Moves the snapshot dated `from` to `to` (the plan's start moves with
    /// it): refused in words for a date after today or out of range, a
    /// measured baseline dated before its data ends, and a day that already
    /// has a snapshot.
    pub fn redate(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<String, String> {
        let Some(i) = self.snapshots.iter().position(|s| s.date == from) else {
            return Err(format!(
                "There is no snapshot of {} any more.",
                format_date(from)
            ));
        };
        if from == to {
            return Ok(format!(
                "The snapshot is already dated {}.",
                format_date(to)
            ));
        }
        if let Some(why) = self.snapshots[i].date_problem(to, today) {
            return Err(why);
        }
        if self.get(to).is_some() {
            return Err(format!(
                "There is already a snapshot of {}: delete it first, or pick another day.",
                format_date(to)
            ));
        }
        self.snapshots[i].date = to;
        self.snapshots.sort_by_key(|s| s.date);
        if self.plan_start == Some(from) {
            self.plan_start = Some(to);
        }
        Ok(format!(
            "Moved the snapshot of {} to {}.",
            format_date(from),
            format_date(to)
        ))
    }

    /// Marks the snapshot dated `date` as where the chosen plan started
    /// (`None`: the plan is not held against reality).
    pub fn set_plan_start(&mut self, date: Option<NaiveDate>) -> Result<(), String> {
        if let Some(d) = date.filter(|&d| self.get(d).is_none()) {
            return Err(format!(
                "There is no snapshot of {}: keep the baseline the plan started from as a \
                 snapshot first.",
                format_date(d)
            ));
        }
        self.plan_start = date;
        Ok(())
    }
}

impl Scenario {
    /// Keeps the current baseline as a snapshot dated `date`
    /// ([`History::keep`]).
    pub fn keep_snapshot(
        &mut self,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(Kept, String), String> {
        let snapshot = Snapshot::of(self, date);
        self.history.keep(snapshot, today)
    }
}
