//! Reading an OpenSLO v1 `SLO` document into the [`Slo`]: the target, the
//! window, the budgeting method, the service and name, the labels and,
//! when its queries are PromQL, the indicator. Everything it cannot carry
//! is named with its field and value: as a problem when the SLO would
//! change meaning, as a note when it is only left aside.

use super::super::yaml::{parse_documents, Node, Yaml};
use super::super::{check_name, Field, Method, Slo, WindowKind, ROLLING_DAYS};
use super::ImportError;

/// The SLO a document gives and what was left aside, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenSloImport {
    pub slo: Slo,
    pub notes: Vec<String>,
}

/// Reads the one OpenSLO v1 `SLO` document in `text` into a copy of
/// `base`: the fields OpenSLO carries are replaced, the rest (incidents,
/// traffic, policy) kept. Other kinds in the file are skipped with a note.
pub fn import_openslo(text: &str, base: &Slo) -> Result<OpenSloImport, ImportError> {
    let docs = parse_documents(text).map_err(|e| ImportError {
        problems: vec![format!("it is not YAML Flywheel can read. {e}.")],
    })?;
    let mut objects: Vec<&Node> = Vec::new();
    for d in &docs {
        match &d.value {
            Yaml::Seq(items) => objects.extend(items.iter()),
            _ => objects.push(d),
        }
    }
    let kind = |n: &Node| {
        n.get("kind")
            .and_then(Node::as_str)
            .unwrap_or("")
            .to_string()
    };
    let slos: Vec<&Node> = objects
        .iter()
        .copied()
        .filter(|n| kind(n) == "SLO")
        .collect();
    let others: Vec<String> = objects
        .iter()
        .map(|n| kind(n))
        .filter(|k| k != "SLO")
        .collect();
    let doc = match slos.as_slice() {
        [one] => *one,
        [] => {
            let held = if others.is_empty() {
                "no OpenSLO object".to_string()
            } else {
                format!("only {}", list(&others))
            };
            return Err(ImportError {
                problems: vec![format!(
                    "it holds {held}, and Flywheel imports an OpenSLO document of kind SLO."
                )],
            });
        }
        many => {
            return Err(ImportError {
                problems: vec![format!(
                    "it holds {} SLO documents; import them one at a time.",
                    many.len()
                )],
            })
        }
    };
    let mut r = Reader {
        problems: Vec::new(),
        notes: Vec::new(),
        slo: base.clone(),
    };
    if !others.is_empty() {
        r.notes.push(format!(
            "The file's other documents ({}) were not imported: Flywheel's alerts follow the \
             multi-window table for the SLO's window.",
            list(&others)
        ));
    }
    r.read(doc);
    if r.problems.is_empty() {
        Ok(OpenSloImport {
            slo: r.slo,
            notes: r.notes,
        })
    } else {
        Err(ImportError {
            problems: r.problems,
        })
    }
}

fn list(kinds: &[String]) -> String {
    let mut k: Vec<&str> = kinds
        .iter()
        .map(|k| {
            if k.is_empty() {
                "(no kind)"
            } else {
                k.as_str()
            }
        })
        .collect();
    k.dedup();
    k.join(", ")
}

/// A scalar's text for messages.
pub(super) fn shown(n: &Node) -> String {
    match &n.value {
        Yaml::Scalar { text, .. } => text.clone(),
        Yaml::Null => "empty".to_string(),
        Yaml::Seq(_) => "a list".to_string(),
        Yaml::Map(_) => "a mapping".to_string(),
    }
}

pub(super) struct Reader {
    pub(super) problems: Vec<String>,
    pub(super) notes: Vec<String>,
    pub(super) slo: Slo,
}

impl Reader {
    pub(super) fn problem(&mut self, field: &str, n: Option<&Node>, why: &str) {
        let at = n.map_or(String::new(), |n| format!(" (line {})", n.line));
        self.problems.push(format!("{field}{at}: {why}"));
    }

    fn read(&mut self, doc: &Node) {
        match doc.get("apiVersion").and_then(Node::as_str) {
            Some("openslo/v1") => {}
            other => {
                let found = other.unwrap_or("missing");
                self.problem(
                    "apiVersion",
                    doc.get("apiVersion"),
                    &format!("{found}, where Flywheel reads openslo/v1."),
                );
            }
        }
        let Some(spec) = doc.get("spec").filter(|s| matches!(s.value, Yaml::Map(_))) else {
            self.problem("spec", doc.get("spec"), "missing; an SLO needs its spec.");
            return;
        };
        let meta = doc.get("metadata");
        let name = meta
            .and_then(|m| m.get("displayName"))
            .and_then(Node::as_str)
            .or_else(|| meta.and_then(|m| m.get("name")).and_then(Node::as_str));
        match name {
            Some(n) => match check_name(Field::Name, n) {
                Ok(()) => self.slo.monitoring.name = n.trim().to_string(),
                Err(e) => self.problem("metadata.displayName", meta, &e),
            },
            None => self.problem("metadata.name", meta, "missing; an SLO needs a name."),
        }
        match spec.get("service").and_then(Node::as_str) {
            Some(s) => match check_name(Field::Service, s) {
                Ok(()) => self.slo.monitoring.service = s.trim().to_string(),
                Err(e) => self.problem("spec.service", spec.get("service"), &e),
            },
            None => self.problem(
                "spec.service",
                spec.get("service"),
                "missing; name the service.",
            ),
        }
        self.labels(meta.and_then(|m| m.get("labels")));
        self.window(spec);
        self.method(spec);
        self.objectives(spec);
        self.indicator(spec);
        if spec
            .get("alertPolicies")
            .is_some_and(|p| !p.is_null() && p.value != Yaml::Seq(Vec::new()))
        {
            self.notes.push(
                "spec.alertPolicies were not imported: Flywheel's alerts follow the multi-window \
                 table for the SLO's window."
                    .to_string(),
            );
        }
    }

    fn window(&mut self, spec: &Node) {
        let Some(tw) = spec.get("timeWindow").filter(|t| !t.is_null()) else {
            self.notes.push(
                "spec.timeWindow is missing: the window stays as it was on the screen.".to_string(),
            );
            return;
        };
        let w = match &tw.value {
            Yaml::Seq(items) if items.len() == 1 => &items[0],
            _ => {
                return self.problem(
                    "spec.timeWindow",
                    Some(tw),
                    "OpenSLO asks for a list of exactly one window.",
                )
            }
        };
        let calendar = w.get("calendar").filter(|c| !c.is_null());
        let rolling = match w.get("isRolling") {
            Some(n) if n.as_bool().is_some() => n.as_bool() == Some(true),
            Some(n) => {
                return self.problem(
                    "spec.timeWindow[0].isRolling",
                    Some(n),
                    &format!("{}, where true or false was expected.", shown(n)),
                )
            }
            None if calendar.is_some() => false,
            None => {
                return self.problem(
                    "spec.timeWindow[0].isRolling",
                    Some(w),
                    "missing; write isRolling: true, or give a calendar.",
                )
            }
        };
        let field = "spec.timeWindow[0].duration";
        let Some(d) = w.get("duration").and_then(Node::as_str) else {
            return self.problem(
                field,
                Some(w),
                "missing; write a duration such as 30d or 1M.",
            );
        };
        let Some((n, unit)) = duration(d) else {
            return self.problem(
                field,
                w.get("duration"),
                &format!("{d} is not an OpenSLO duration such as 30d, 4w or 1M."),
            );
        };
        let hint = if unit == 'm' {
            " (m is minutes; M is months)"
        } else {
            ""
        };
        if rolling {
            if calendar.is_some() {
                return self.problem(
                    "spec.timeWindow[0].calendar",
                    calendar,
                    "a rolling window has no calendar.",
                );
            }
            let minutes = match unit {
                'm' => Some(n),
                'h' => n.checked_mul(60),
                'd' => n.checked_mul(1440),
                'w' => n.checked_mul(10_080),
                _ => None,
            };
            let days = minutes
                .filter(|m| m % 1440 == 0)
                .and_then(|m| u32::try_from(m / 1440).ok())
                .filter(|d| ROLLING_DAYS.contains(d));
            match days {
                Some(days) => {
                    self.slo.window = WindowKind::Rolling;
                    self.slo.rolling_days = days;
                }
                None => self.problem(
                    field,
                    w.get("duration"),
                    &format!(
                        "a rolling window of {d}{hint}: Flywheel's rolling windows are whole \
                         days from {} to {} (write 30d or 28d for a month).",
                        ROLLING_DAYS.start(),
                        ROLLING_DAYS.end()
                    ),
                ),
            }
        } else if d == "1M" {
            self.slo.window = WindowKind::CalendarMonth;
            let start = calendar
                .and_then(|c| c.get("startTime"))
                .and_then(Node::as_str);
            let aligned = |s: &str| {
                s.get(8..10) == Some("01")
                    && s.get(10..).is_some_and(|t| {
                        t.chars().all(|c| matches!(c, '0' | ':' | ' ' | 'T' | 'Z'))
                    })
            };
            if let Some(s) = start.filter(|s| !aligned(s)) {
                self.notes.push(format!(
                    "spec.timeWindow[0].calendar.startTime {s}: Flywheel's months start at \
                     midnight on the 1st."
                ));
            }
        } else {
            self.problem(
                field,
                w.get("duration"),
                &format!(
                    "a calendar window of {d}{hint}: Flywheel's calendar windows are one month \
                     (1M); for other lengths use a rolling window."
                ),
            );
        }
    }

    fn method(&mut self, spec: &Node) {
        let n = spec.get("budgetingMethod");
        match n.and_then(Node::as_str) {
            Some("Occurrences") => self.slo.method = Method::RequestBased,
            Some("Timeslices" | "RatioTimeslices") => self.slo.method = Method::TimeBased,
            Some(other) => self.problem(
                "spec.budgetingMethod",
                n,
                &format!("{other}, where Occurrences, Timeslices or RatioTimeslices was expected."),
            ),
            None => self.problem(
                "spec.budgetingMethod",
                n,
                "missing; write Occurrences (requests) or Timeslices (minutes).",
            ),
        }
    }

    fn objectives(&mut self, spec: &Node) {
        let field = "spec.objectives";
        let list = spec.get("objectives");
        let o = match list.map(|l| &l.value) {
            Some(Yaml::Seq(items)) if items.len() == 1 => &items[0],
            Some(Yaml::Seq(items)) if items.len() > 1 => {
                let names: Vec<String> = items
                    .iter()
                    .map(|i| i.get("displayName").map_or("unnamed".to_string(), shown))
                    .collect();
                return self.problem(
                    field,
                    list,
                    &format!(
                        "{} objectives ({}): Flywheel keeps one target per SLO; keep one.",
                        items.len(),
                        names.join(", ")
                    ),
                );
            }
            _ => return self.problem(field, list, "missing; give one objective with a target."),
        };
        if o.get("indicator").is_some() || o.get("indicatorRef").is_some() {
            return self.problem(
                "spec.objectives[0].indicator",
                Some(o),
                "a composite SLO's objectives have indicators of their own, which Flywheel does \
                 not support.",
            );
        }
        let (t, p) = (o.get("target"), o.get("targetPercent"));
        let target = match (t, p) {
            (Some(_), Some(_)) => {
                return self.problem(
                    "spec.objectives[0]",
                    Some(o),
                    "target and targetPercent are both given; OpenSLO allows one.",
                )
            }
            (Some(n), None) => {
                super::fields::percent_of_fraction(n).filter(|x| *x > 0.0 && *x < 100.0)
            }
            (None, Some(n)) => n.as_f64().filter(|x| *x > 0.0 && *x < 100.0),
            (None, None) => {
                return self.problem(
                    "spec.objectives[0]",
                    Some(o),
                    "no target; write target (0 to 1) or targetPercent (0 to 100).",
                )
            }
        };
        match target {
            Some(x) => self.slo.target = x,
            None => {
                let (name, n, range) = match t {
                    Some(n) => ("target", n, "above 0 and below 1"),
                    None => ("targetPercent", p.unwrap_or(o), "above 0 and below 100"),
                };
                self.problem(
                    &format!("spec.objectives[0].{name}"),
                    Some(n),
                    &format!("{}, where a number {range} was expected.", shown(n)),
                );
            }
        }
        if let (Some(x), Some(slice)) = (target, o.get("timeSliceTarget").and_then(Node::as_f64)) {
            if (slice * 100.0 - x).abs() > 1e-9 {
                self.notes.push(format!(
                    "spec.objectives[0].timeSliceTarget {slice} was not kept: Flywheel weighs \
                     each bad minute by the share of traffic failing."
                ));
            }
        }
    }
}

/// An OpenSLO duration shorthand: a positive whole number and one of
/// m h d w M Q Y.
fn duration(text: &str) -> Option<(u64, char)> {
    let unit = text.chars().last()?;
    let n: u64 = text[..text.len() - unit.len_utf8()].parse().ok()?;
    ("mhdwMQY".contains(unit) && n > 0 && !text.starts_with(['+', '0'])).then_some((n, unit))
}
