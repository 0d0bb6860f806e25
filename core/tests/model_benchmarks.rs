//! The DORA Quick Check 2025 benchmark tables: every stored figure against
//! DORA's own data files (tests/fixtures/dora-quick-check-2025), the
//! correction of the organisation-size recovery column, the turned-round
//! instability figures, the recomputed overall mean, and the peer groups'
//! keys and names.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use flywheel_core::model::benchmarks::{
    figure, stored, Adjustment, Indicator, Industry, OrgSize, PeerGroup, Peers, Stat,
};
use flywheel_core::model::quick_check::peer;
use flywheel_core::model::Metric;

fn groups() -> Vec<PeerGroup> {
    let industries = Industry::ALL.into_iter().map(PeerGroup::Industry);
    industries
        .chain(OrgSize::ALL.into_iter().map(PeerGroup::Size))
        .collect()
}

fn fixture(name: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dora-quick-check-2025")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn every_stored_figure_matches_dora_data_files() {
    let industry = fixture("industry_metrics.json");
    let size = fixture("organization_size_metrics.json");
    let columns = |row: flywheel_core::model::benchmarks::StoredRow| -> [(&str, Stat); 8] {
        [
            ("performance_average", row.overall),
            ("software_delivery_throughput", row.throughput),
            ("software_delivery_instability", row.instability),
            ("leadtime", row.lead_time),
            ("deployfreq", row.deploy_frequency),
            ("failurerecovery", row.recovery_time),
            ("changefailure", row.change_failure),
            ("rework", row.rework),
        ]
    };
    let mut checked = 0;
    for group in groups() {
        let (file, key) = match group {
            PeerGroup::Industry(i) => (&industry, i.key()),
            PeerGroup::Size(s) => (&size, s.key()),
        };
        let entry = &file[key];
        assert_eq!(entry["name"].as_str(), Some(group.name()), "{key}");
        for (column, stat) in columns(stored(group)) {
            let mean = entry[column]["mean"].as_f64().unwrap();
            let sd = entry[column]["std"].as_f64().unwrap();
            assert_eq!((stat.mean, stat.sd), (mean, sd), "{key} {column}");
            checked += 2;
        }
    }
    // 23 rows of 8 means and 8 standard deviations, and no row left out.
    assert_eq!(checked, 23 * 16);
    assert_eq!(industry.as_object().unwrap().len(), Industry::ALL.len());
    assert_eq!(size.as_object().unwrap().len(), OrgSize::ALL.len());
}

#[test]
fn the_two_all_rows_agree_on_every_indicator_after_the_correction() {
    let industry = PeerGroup::Industry(Industry::All);
    let size = PeerGroup::Size(OrgSize::All);
    for indicator in Indicator::ALL {
        let (a, b) = (figure(industry, indicator), figure(size, indicator));
        assert!(close(a.mean, b.mean), "{indicator:?}: {a:?} {b:?}");
        assert!(close(a.sd, b.sd), "{indicator:?}");
    }
    // As stored they disagree on recovery: 7.4 against 2.6, which sum to 10.
    let (i, s) = (stored(industry), stored(size));
    assert_eq!((i.recovery_time.mean, s.recovery_time.mean), (7.4, 2.6));
    assert!(close(i.recovery_time.mean + s.recovery_time.mean, 10.0));
}

#[test]
fn every_row_has_means_within_0_to_10_and_a_positive_spread() {
    for group in groups() {
        let row = stored(group);
        let stats = [
            row.overall,
            row.throughput,
            row.instability,
            row.lead_time,
            row.deploy_frequency,
            row.recovery_time,
            row.change_failure,
            row.rework,
        ];
        for s in stats {
            assert!((0.0..=10.0).contains(&s.mean), "{group:?} {s:?}");
            assert!(s.sd > 0.0, "{group:?} {s:?}");
        }
        for indicator in Indicator::ALL {
            let f = figure(group, indicator);
            assert!((0.0..=10.0).contains(&f.mean), "{group:?} {indicator:?}");
            assert!(f.sd > 0.0, "{group:?} {indicator:?}");
        }
    }
}

#[test]
fn the_size_file_own_throughput_shows_its_recovery_column_is_inverted() {
    // Each stored throughput is a mean of per-person averages, so it need
    // not equal the mean of the three rounded means; it stays within 0.2
    // of it when recovery is read as 10 − mean (furthest, 500 to 999
    // employees: 6.0 against (5.5 + 4.7 + 7.3) / 3 = 5.83) and is 1.4 or
    // more away as stored (nearest, 1 employee: 6.3 against
    // (6.4 + 5.1 + 2.8) / 3 = 4.77).
    for group in groups() {
        let row = stored(group);
        let three =
            |recovery: f64| (row.lead_time.mean + row.deploy_frequency.mean + recovery) / 3.0;
        let corrected = figure(group, Indicator::RecoveryTime).mean;
        assert!(
            (row.throughput.mean - three(corrected)).abs() < 0.2,
            "{group:?}"
        );
        if let PeerGroup::Size(_) = group {
            assert!(
                (row.throughput.mean - three(row.recovery_time.mean)).abs() > 1.4,
                "{group:?}"
            );
        }
    }
}

#[test]
fn figures_say_where_they_differ_from_the_stored_data() {
    let everyone = PeerGroup::EVERYONE;
    let size = PeerGroup::Size(OrgSize::FewerThan5000);
    let plain = figure(everyone, Indicator::LeadTime);
    assert_eq!((plain.mean, plain.sd), (5.5, 2.4));
    assert_eq!(plain.adjustment, Adjustment::AsPublished);
    assert_eq!(plain.adjustment.note(), None);

    // Change failure stored 1.9 ± 2.1 "higher is worse": 10 − 1.9 = 8.1.
    let cfr = figure(everyone, Indicator::ChangeFailureRate);
    assert!(close(cfr.mean, 8.1) && cfr.sd == 2.1 && cfr.stored_mean == 1.9);
    assert_eq!(cfr.adjustment, Adjustment::TurnedRound);
    assert!(!cfr.adjustment.is_correction());
    // Instability 2.1 ± 2.0 becomes stability 7.9 ± 2.0.
    let stability = figure(everyone, Indicator::Stability);
    assert!(close(stability.mean, 7.9) && stability.sd == 2.0);

    // Industry recovery is used as stored; size recovery 2.6 ± 2.2 for
    // 1,000–4,999 employees is read as 10 − 2.6 = 7.4, and flagged.
    assert_eq!(
        figure(everyone, Indicator::RecoveryTime).adjustment,
        Adjustment::AsPublished
    );
    let recovery = figure(size, Indicator::RecoveryTime);
    assert!(close(recovery.mean, 7.4) && recovery.sd == 2.2);
    assert_eq!(recovery.adjustment, Adjustment::CorrectedInversion);
    assert!(recovery.adjustment.is_correction());
    assert!(recovery.adjustment.note().unwrap().starts_with("Corrected"));

    // Overall as the Quick Check recomputes it: all industries
    // (5.5 + 4.8 + 7.4 + 8.1 + 7.8) / 5 = 6.72, published sd 1.2, stored
    // mean 4.3; 1,000–4,999 employees (5.3 + 4.7 + 7.4 + 8.1 + 7.9) / 5 =
    // 6.68 with the corrected recovery; Financial Services
    // (5.4 + 5.1 + 7.7 + 8.3 + 8.1) / 5 = 6.92 ± 1.1.
    let overall = figure(everyone, Indicator::Overall);
    assert!(close(overall.mean, 6.72) && overall.sd == 1.2 && overall.stored_mean == 4.3);
    assert_eq!(
        overall.adjustment,
        Adjustment::Recomputed { corrected: false }
    );
    assert!(!overall.adjustment.is_correction());
    let sized = figure(size, Indicator::Overall);
    assert!(close(sized.mean, 6.68) && sized.sd == 1.2);
    assert!(sized.adjustment.is_correction());
    let finance = figure(
        PeerGroup::Industry(Industry::FinancialServices),
        Indicator::Overall,
    );
    assert!(close(finance.mean, 6.92) && finance.sd == 1.1);
}

#[test]
fn quick_check_peer_figures_come_from_the_table() {
    let lead = peer(Metric::LeadTime).unwrap();
    assert_eq!((lead.mean, lead.sd), (5.5, Some(2.4)));
    let cfr = peer(Metric::ChangeFailureRate).unwrap();
    assert!(close(cfr.mean, 8.1));
    assert_eq!(cfr.sd, Some(2.1));
    assert!(peer(Metric::CodeChurn).is_none());
}

#[test]
fn groups_have_the_data_files_keys_and_names() {
    assert_eq!(Industry::ALL.len(), 14);
    assert_eq!(OrgSize::ALL.len(), 9);
    for i in Industry::ALL {
        assert_eq!(Industry::from_key(i.key()), Some(i));
    }
    for s in OrgSize::ALL {
        assert_eq!(OrgSize::from_key(s.key()), Some(s));
    }
    assert_eq!(Industry::from_key("nope"), None);
    assert_eq!(OrgSize::from_key(""), None);
    assert_eq!(Industry::FinancialServices.key(), "financial_services");
    assert_eq!(OrgSize::FewerThan5000.name(), "1,000 to 4,999 employees");
    assert!(OrgSize::FewerThan100.note().is_some());
    assert_eq!(OrgSize::Solo.note(), None);
    assert_eq!(Industry::default(), Industry::All);
    assert_eq!(OrgSize::default(), OrgSize::All);
}

#[test]
fn indicators_map_to_the_five_metrics() {
    for m in Metric::DORA {
        assert_eq!(Indicator::from_metric(m).unwrap().metric(), Some(m));
    }
    assert_eq!(Indicator::from_metric(Metric::Availability), None);
    assert_eq!(Indicator::Overall.metric(), None);
    assert_eq!(Indicator::Stability.name(), "Software delivery stability");
    assert_eq!(Indicator::DeployFrequency.name(), "Deployment frequency");
    assert_eq!(Indicator::LeadTime.key(), "lead-time");
}

#[test]
fn two_picks_are_shown_one_group_at_a_time() {
    let both = Peers {
        industry: Industry::FinancialServices,
        size: OrgSize::FewerThan5000,
    };
    assert_eq!(
        both.groups(),
        vec![
            PeerGroup::Industry(Industry::FinancialServices),
            PeerGroup::Size(OrgSize::FewerThan5000)
        ]
    );
    assert_eq!(
        both.describe(),
        "Financial Services and 1,000 to 4,999 employees"
    );
    let size_only = Peers {
        size: OrgSize::Solo,
        ..Peers::default()
    };
    assert_eq!(size_only.groups(), vec![PeerGroup::Size(OrgSize::Solo)]);
    assert_eq!(Peers::default().groups(), vec![PeerGroup::EVERYONE]);
    assert_eq!(Peers::default().describe(), "all respondents");
}
