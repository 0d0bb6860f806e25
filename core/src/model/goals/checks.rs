//! What a goal may hold, and its dates and progress readings edited
//! through checks that keep them consistent: texts and numbers within
//! [`limits`], dates in the model's years, the deadline not before the
//! start, and every check-in on or after the start (a reading before it
//! belongs to the baseline), one per date, in order.

use chrono::NaiveDate;

use crate::model::date::format_date;
use crate::model::goals::{
    CheckIn, Goal, Measure, MAX_CHECK_INS, MAX_GOAL_ID, MAX_TEXT_CHARS, MAX_VALUE,
};
use crate::model::{limits, validate};

fn date_problem(date: NaiveDate, what: &str) -> Option<String> {
    (!limits::date_ok(date)).then(|| {
        format!(
            "The {what} {} is out of range: Flywheel keeps dates {}.",
            format_date(date),
            limits::date_range_words()
        )
    })
}

impl Goal {
    /// Whether every stored value is one the UI would accept: texts within
    /// [`limits`], numbers in range, dates in the model's years with the
    /// deadline not before the start, and check-ins one per date, in order,
    /// none before the start.
    pub fn is_valid(&self) -> bool {
        let text_ok = |t: &str| limits::text_ok(t, MAX_TEXT_CHARS);
        let target_ok = self.target.as_ref().is_none_or(|t| {
            t.measure.value_ok(t.target)
                && match &t.measure {
                    Measure::Baseline(_) => true,
                    Measure::Custom {
                        name,
                        unit,
                        baseline,
                        ..
                    } => {
                        text_ok(name)
                            && text_ok(unit)
                            && limits::in_range(*baseline, 0.0, MAX_VALUE)
                    }
                }
        });
        let guard_ok = self
            .guard
            .is_none_or(|g| Measure::Baseline(g.metric).value_ok(g.limit));
        let dates_ok = self.start.is_none_or(limits::date_ok)
            && self.deadline.is_none_or(limits::date_ok)
            && match (self.start, self.deadline) {
                (Some(s), Some(d)) => s <= d,
                _ => true,
            };
        limits::name_ok(&self.title, MAX_TEXT_CHARS)
            && text_ok(&self.owner)
            && text_ok(&self.so_that)
            && self.id <= MAX_GOAL_ID
            && self.parent != Some(self.id)
            && target_ok
            && guard_ok
            && dates_ok
            && self.check_ins.len() <= MAX_CHECK_INS
            && self.check_ins.windows(2).all(|w| w[0].date < w[1].date)
            && self
                .check_ins
                .iter()
                .all(|c| self.check_in_problem(c).is_none())
    }

    /// Why `check_in` cannot be kept on this goal, if it cannot: its date
    /// out of range or before the start, or its value not a number from 0
    /// to [`MAX_VALUE`]. (A reading kept while the goal measured something
    /// else stays valid; [`Goal::record`] also checks it against today's
    /// measure.)
    pub fn check_in_problem(&self, check_in: &CheckIn) -> Option<String> {
        if let Some(why) = date_problem(check_in.date, "reading's date") {
            return Some(why);
        }
        if let Some(start) = self.start.filter(|&s| check_in.date < s) {
            return Some(format!(
                "A check-in cannot come before the goal's start ({}): a reading from before then belongs to the baseline. Move the start date first if it was earlier.",
                format_date(start)
            ));
        }
        (!limits::in_range(check_in.actual, 0.0, MAX_VALUE))
            .then(|| "Enter the value measured, a number of zero or more.".to_string())
    }

    /// [`Goal::check_in_problem`], and whether the value suits the goal's
    /// measure (a percentage is at most 100).
    fn reading_problem(&self, check_in: &CheckIn) -> Option<String> {
        self.check_in_problem(check_in).or_else(|| {
            let measure = &self.target.as_ref()?.measure;
            (!measure.value_ok(check_in.actual))
                .then(|| "Enter the value measured, a percentage from 0 to 100.".to_string())
        })
    }

    /// Records a check-in, replacing one on the same date (value and
    /// source: a typed reading over a measured one makes it typed), keeping
    /// dates in order. Refuses what [`Goal::check_in_problem`] names, a
    /// value its measure cannot take, and a reading beyond
    /// [`MAX_CHECK_INS`].
    pub fn record(&mut self, check_in: CheckIn) -> Result<(), String> {
        if let Some(why) = self.reading_problem(&check_in) {
            return Err(why);
        }
        match self.check_ins.iter_mut().find(|c| c.date == check_in.date) {
            Some(c) => *c = check_in,
            None => {
                if self.check_ins.len() >= MAX_CHECK_INS {
                    return Err(format!("A goal keeps at most {MAX_CHECK_INS} check-ins."));
                }
                self.check_ins.push(check_in);
                self.check_ins.sort_by_key(|c| c.date);
            }
        }
        Ok(())
    }

    /// Replaces the check-in dated `date` with `edited`, which may move it to
    /// another date (not one another check-in holds).
    pub fn edit_check_in(&mut self, date: NaiveDate, edited: CheckIn) -> Result<(), String> {
        let Some(index) = self.check_ins.iter().position(|c| c.date == date) else {
            return Err(format!(
                "There is no check-in on {} any more.",
                format_date(date)
            ));
        };
        if let Some(why) = self.reading_problem(&edited) {
            return Err(why);
        }
        if edited.date != date && self.check_ins.iter().any(|c| c.date == edited.date) {
            return Err(format!(
                "There is already a check-in on {}: edit that one, or delete it first.",
                format_date(edited.date)
            ));
        }
        self.check_ins[index] = edited;
        self.check_ins.sort_by_key(|c| c.date);
        Ok(())
    }

    /// Deletes the check-in dated `date`, returning it (for an undo).
    pub fn remove_check_in(&mut self, date: NaiveDate) -> Option<CheckIn> {
        let index = self.check_ins.iter().position(|c| c.date == date)?;
        Some(self.check_ins.remove(index))
    }

    /// Sets the start date: in range, not after the deadline, and not after
    /// the first check-in. `None` clears it.
    pub fn set_start(&mut self, start: Option<NaiveDate>) -> Result<(), String> {
        if let Some(s) = start {
            if let Some(why) = date_problem(s, "start date") {
                return Err(why);
            }
            if let Some(d) = self.deadline.filter(|&d| d < s) {
                return Err(format!(
                    "The start cannot be after the deadline ({}): move the deadline first.",
                    format_date(d)
                ));
            }
            if let Some(first) = self.check_ins.first().filter(|c| c.date < s) {
                return Err(format!(
                    "The first check-in is on {}: the start cannot be later than a reading.",
                    format_date(first.date)
                ));
            }
        }
        self.start = start;
        Ok(())
    }

    /// Sets the deadline: in range and not before the start. `None` clears
    /// it.
    pub fn set_deadline(&mut self, deadline: Option<NaiveDate>) -> Result<(), String> {
        if let Some(d) = deadline {
            if let Some(why) = date_problem(d, "deadline") {
                return Err(why);
            }
            if let Some(s) = self.start.filter(|&s| d < s) {
                return Err(format!(
                    "The deadline cannot be before the start ({}).",
                    format_date(s)
                ));
            }
        }
        self.deadline = deadline;
        Ok(())
    }
}

/// Checks a goal title: trimmed, non-empty, not too long, one line of
/// plain text ([`limits`]).
pub fn parse_title(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("Enter a title: what should change?".to_string())
    } else {
        validate::parse_text(text, MAX_TEXT_CHARS)
    }
}

/// Checks an owner, a "so that" or a custom measure's name or unit:
/// trimmed, possibly empty, within [`limits`].
pub fn parse_goal_text(text: &str) -> Result<String, String> {
    validate::parse_text(text, MAX_TEXT_CHARS)
}
