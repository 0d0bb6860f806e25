//! Where the baseline's figures came from: typed in, measured from imported
//! data, or a mix. Derived from the baseline and the record the import left
//! ([`Measured`]) each time it is asked, so it stays true however the user
//! edits: a figure typed over is typed, whatever the import once wrote.

use crate::model::import::Measured;
use crate::model::{Metric, Scenario};

/// The baseline's provenance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Every DORA figure was typed in (or typed over an imported one).
    Typed,
    /// Every DORA figure still holds the value measured from imported data.
    Measured,
    /// Some figures measured from data, the others typed in.
    Mixed,
}

impl Provenance {
    /// The provenance in one word, as a badge shows it.
    pub fn label(self) -> &'static str {
        match self {
            Provenance::Typed => "Typed in",
            Provenance::Measured => "Measured from data",
            Provenance::Mixed => "Partly measured from data",
        }
    }
}

impl Scenario {
    /// The DORA metrics whose baseline figure still holds the value measured
    /// from imported data, in the metrics' order.
    pub fn measured_metrics(&self) -> Vec<Metric> {
        let Some(m) = &self.measured else {
            return Vec::new();
        };
        Metric::DORA
            .into_iter()
            .filter(|&metric| m.is_measured(metric, &self.baseline))
            .collect()
    }

    /// Where the baseline's figures came from.
    pub fn provenance(&self) -> Provenance {
        match self.measured_metrics().len() {
            0 => Provenance::Typed,
            n if n == Metric::DORA.len() => Provenance::Measured,
            _ => Provenance::Mixed,
        }
    }

    /// The imported samples, when some figure still uses them: typed over
    /// entirely, they no longer describe this baseline.
    pub fn samples_in_use(&self) -> Option<&Measured> {
        self.measured.as_ref().filter(|m| {
            Metric::DORA
                .iter()
                .any(|&x| m.is_measured(x, &self.baseline))
        })
    }

    /// Forgets the imported data (samples and the record of which figures
    /// it wrote), keeping every baseline figure as it stands: they all
    /// count as typed in from then on. Returns what was discarded.
    pub fn discard_samples(&mut self) -> Option<Measured> {
        self.measured.take()
    }

    /// The provenance in a sentence, naming the measured figures and the
    /// window of the data.
    pub fn provenance_words(&self) -> String {
        let measured = self.measured_metrics();
        let window = self
            .measured
            .as_ref()
            .map(|m| format!("{} to {}", m.from, m.to))
            .unwrap_or_default();
        let names = |metrics: &[Metric]| {
            // One list in a sentence: only its first name keeps a capital.
            let names: Vec<String> = metrics
                .iter()
                .enumerate()
                .map(|(i, m)| match i {
                    0 => m.name().to_string(),
                    _ => m.name().to_ascii_lowercase(),
                })
                .collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} and {}", rest.join(", "), last)
                }
                Some((only, _)) => only.clone(),
                None => String::new(),
            }
        };
        match (self.provenance(), &self.measured) {
            (Provenance::Typed, None) => "Every figure was typed in.".to_string(),
            (Provenance::Typed, Some(_)) => format!(
                "Every figure was typed in: each value imported from the data of {window} has been typed over. The imported data is still kept; discard it to remove it from the scenario."
            ),
            (Provenance::Measured, _) => format!(
                "Every DORA figure was measured from deployments and incidents imported for {window}; week-to-week variation is resampled from them."
            ),
            (Provenance::Mixed, _) => {
                let typed: Vec<Metric> = Metric::DORA
                    .into_iter()
                    .filter(|m| !measured.contains(m))
                    .collect();
                format!(
                    "{} measured from data imported for {window}; {} typed in.",
                    names(&measured),
                    names(&typed).to_ascii_lowercase()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::{Rate, RatePeriod};

    fn measured_scenario(applied: Vec<Metric>) -> Scenario {
        let mut s = Scenario::default();
        s.baseline.deploy_frequency = Rate::new(9.0, RatePeriod::Week);
        s.measured = Some(Measured {
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
            deployments: 117,
            weekly_deploys: vec![9; 12],
            applied,
            baseline: s.baseline.clone(),
            ..Measured::default()
        });
        s
    }

    #[test]
    fn typed_measured_and_mixed_follow_the_figures() {
        let s = Scenario::default();
        assert_eq!(s.provenance(), Provenance::Typed);
        assert_eq!(s.provenance_words(), "Every figure was typed in.");
        assert_eq!(s.samples_in_use(), None);

        let mut s = measured_scenario(Metric::DORA.to_vec());
        assert_eq!(s.provenance(), Provenance::Measured);
        assert!(s.samples_in_use().is_some());
        assert!(s.provenance_words().contains("2026-01-01 to 2026-03-31"));

        s.baseline.change_failure_rate = 4.0;
        assert_eq!(s.provenance(), Provenance::Mixed);
        assert_eq!(
            s.provenance_words(),
            "Deployment frequency, lead time for changes, failed deployment recovery time and rework rate measured from data imported for 2026-01-01 to 2026-03-31; change failure rate typed in."
        );
        assert_eq!(Provenance::Mixed.label(), "Partly measured from data");
    }

    #[test]
    fn typing_over_every_imported_figure_makes_it_typed() {
        let mut s = measured_scenario(vec![Metric::DeployFrequency, Metric::ChangeFailureRate]);
        assert_eq!(s.provenance(), Provenance::Mixed);
        assert_eq!(s.measured_metrics().len(), 2);
        s.baseline.deploy_frequency = Rate::new(3.0, RatePeriod::Week);
        s.baseline.change_failure_rate = 4.0;
        assert_eq!(s.provenance(), Provenance::Typed);
        assert_eq!(s.samples_in_use(), None);
        assert!(s.provenance_words().contains("still kept"));
        // Typing the measured value back makes it measured again.
        s.baseline.change_failure_rate = 18.0;
        assert_eq!(s.measured_metrics(), vec![Metric::ChangeFailureRate]);
    }

    #[test]
    fn discarding_samples_keeps_the_figures() {
        let mut s = measured_scenario(Metric::DORA.to_vec());
        let before = s.baseline.clone();
        assert!(s.discard_samples().is_some());
        assert_eq!(s.baseline, before);
        assert_eq!(s.provenance(), Provenance::Typed);
        assert_eq!(s.measured, None);
        assert_eq!(s.discard_samples(), None);
    }
}
