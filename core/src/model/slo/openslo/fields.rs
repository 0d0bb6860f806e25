//! The parts of an OpenSLO SLO that feed the monitoring settings: its
//! labels and its indicator's queries; and the number forms the importer
//! reads (durations, targets as fractions).

use super::super::yaml::{Node, Yaml};
use super::super::{
    check_label_name, check_label_value, Label, Sli, MAX_EXPRESSION_CHARS, MAX_LABELS,
};
use super::import::{shown, Reader};

impl Reader {
    pub(super) fn labels(&mut self, labels: Option<&Node>) {
        self.slo.monitoring.labels.clear();
        let Some(Yaml::Map(entries)) = labels.map(|l| &l.value) else {
            return;
        };
        for (name, value) in entries {
            let text = match &value.value {
                Yaml::Scalar { text, .. } => Some(text.clone()),
                Yaml::Seq(items) if items.len() == 1 => items[0].as_str().map(str::to_string),
                _ => None,
            };
            let Some(text) = text else {
                self.notes.push(format!(
                    "The label {name} was left out: a Prometheus label holds one value, and it \
                     has {}.",
                    shown(value)
                ));
                continue;
            };
            let check = check_label_name(name).and_then(|()| check_label_value(name, &text));
            if let Err(why) = check {
                self.notes
                    .push(format!("The label {name} was left out. {why}"));
            } else if self.slo.monitoring.labels.len() >= MAX_LABELS {
                self.notes.push(format!(
                    "The label {name} was left out: Flywheel keeps {MAX_LABELS} labels."
                ));
            } else {
                self.slo.monitoring.labels.push(Label {
                    name: name.clone(),
                    value: text,
                });
            }
        }
    }

    pub(super) fn indicator(&mut self, spec: &Node) {
        if let Some(r) = spec.get("indicatorRef").and_then(Node::as_str) {
            self.notes.push(format!(
                "spec.indicatorRef {r}: the indicator is defined in another document, so its \
                 queries were not imported."
            ));
            return;
        }
        let Some(ind) = spec.get("indicator").and_then(|i| i.get("spec")) else {
            return self.problem(
                "spec.indicator",
                spec.get("indicator"),
                "missing; an SLO needs an indicator.",
            );
        };
        if ind.get("thresholdMetric").is_some() {
            self.notes.push(
                "spec.indicator is a thresholdMetric (a value compared with a threshold): the \
                 Prometheus rules need good and total events or an error ratio; enter them on \
                 the screen."
                    .to_string(),
            );
            return;
        }
        let Some(ratio) = ind.get("ratioMetric") else {
            return self.problem(
                "spec.indicator.spec",
                Some(ind),
                "neither ratioMetric nor thresholdMetric.",
            );
        };
        let query = |role: &str| -> Result<Option<String>, String> {
            let Some(src) = ratio.get(role).and_then(|r| r.get("metricSource")) else {
                return Ok(None);
            };
            let kind = src.get("type").and_then(Node::as_str).unwrap_or("no type");
            if !kind.eq_ignore_ascii_case("prometheus") {
                return Err(format!("its {role} query is for {kind}"));
            }
            match src
                .get("spec")
                .and_then(|s| s.get("query"))
                .and_then(Node::as_str)
            {
                Some(q)
                    if !q.trim().is_empty()
                        && !q.contains('\n')
                        && q.chars().count() <= MAX_EXPRESSION_CHARS =>
                {
                    Ok(Some(q.trim().to_string()))
                }
                _ => Err(format!(
                    "its {role} query is missing, too long or on several lines"
                )),
            }
        };
        let raw_success = ratio.get("rawType").and_then(Node::as_str) == Some("success");
        let sli = (|| -> Result<Sli, String> {
            Ok(
                match (
                    query("good")?,
                    query("bad")?,
                    query("total")?,
                    query("raw")?,
                ) {
                    (Some(good), None, Some(total), None) => Sli::GoodTotal { good, total },
                    (None, Some(bad), Some(total), None) => Sli::BadTotal { bad, total },
                    (None, None, None, Some(raw)) if raw_success => Sli::ErrorRatio {
                        ratio: format!("1 - ({raw})"),
                    },
                    (None, None, None, Some(raw)) => Sli::ErrorRatio { ratio: raw },
                    _ => {
                        return Err(
                            "its ratioMetric is not good/total, bad/total or raw".to_string()
                        )
                    }
                },
            )
        })();
        match sli {
            Ok(sli) => self.slo.monitoring.sli = sli,
            Err(why) => self.notes.push(format!(
                "The indicator's queries were not imported: {why}, and the Prometheus rules \
                 need PromQL; enter the expressions on the screen."
            )),
        }
    }
}

/// `target` (a fraction) as a percentage, by moving the decimal point in
/// the written number so 0.9995 gives exactly 99.95 (multiplying by 100
/// can land a bit off).
pub(super) fn percent_of_fraction(n: &Node) -> Option<f64> {
    let x = n.as_f64()?;
    let text = n.as_str()?;
    let plain = text.strip_prefix('+').unwrap_or(text);
    if plain.contains(['e', 'E', '-']) {
        return Some(x * 100.0);
    }
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut frac = frac.to_string();
    while frac.len() < 2 {
        frac.push('0');
    }
    format!("{int}{}.{}", &frac[..2], &frac[2..]).parse().ok()
}
