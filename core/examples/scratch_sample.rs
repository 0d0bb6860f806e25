#![allow(clippy::unwrap_used, clippy::expect_used)]
use flywheel_core::model::date::timestamp as time;
use flywheel_core::model::import::exports::{read_file, Analysis, Choices, FileOptions};
use flywheel_core::model::import::{Window, WindowChoice};
fn main() {
    let z = time::offset(0);
    let names = [
        "github_deployments.json",
        "gh_pr_list.json",
        "pagerduty_analytics.json",
    ];
    let files: Vec<_> = names
        .iter()
        .map(|n| {
            let b = std::fs::read(format!("tests/fixtures/exports/{n}")).unwrap();
            read_file(n, &b, &FileOptions::default(), z).unwrap()
        })
        .collect();
    for f in &files {
        println!("{} {:?}", f.summary(), f.details());
    }
    let c = Choices::of(&files);
    for g in c.groups() {
        println!(
            "{}: {:?}",
            g.name(),
            c.options(g)
                .iter()
                .map(|o| (o.label(), o.preselected))
                .collect::<Vec<_>>()
        );
    }
    println!("notes {:?} tests {}", c.notes, c.test_incidents);
    let a = Analysis::build(&files, &c.defaults(), z);
    let w = Window::resolve(WindowChoice::LastDays(90), a.last_date().unwrap(), z).unwrap();
    let r = a.report(w).unwrap();
    println!(
        "{} {:?} failed {} rec {:?} lead {:?} cov {:?} span {:?}",
        r.deployments,
        r.change_failure_rate,
        r.failed,
        r.recovery,
        r.lead,
        r.coverage_note(),
        a.dataset().span_choice(z)
    );
    println!("lead {}", a.lead.words());
    println!(
        "notes {:?} excl {:?} merged {}",
        a.notes,
        a.exclusions(),
        a.merged
    );
    for at in &a.attributions {
        println!("{} review={}", at.words, at.reviewable());
    }
    let q6 = a.incidents.iter().position(|i| i.id == "Q1PD6").unwrap();
    for k in a.candidates(q6) {
        println!("cand {}", a.deployment_words(k));
    }
}
