//! The measured baseline over the window: the figures with how each was
//! formed (failures, duplicates, joins, churn, escapes), a note and the
//! data's own span when the window reaches past the data, the time taken,
//! and the distributions as charts with their tables.

use leptos::prelude::*;

use super::dora::DoraTable;
use super::state::Import;
use crate::chart::histogram;
use crate::model::date::format_day_month;
use crate::model::import::exports::Analysis;
use crate::model::import::{stats::Summary, Report, WindowChoice};
use crate::model::units::{describe_hours, format_number};
use crate::model::Metric;
use crate::ui::charts::bars::BarChart;
use crate::ui::table::Table;

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{}%", format_number(v, 2)))
}

fn distribution(s: Option<Summary>, what: &str) -> (String, String) {
    match s {
        None => ("—".to_string(), format!("No {what} in the data.")),
        Some(s) => (
            format!(
                "median {} · P85 {}",
                describe_hours(s.median),
                describe_hours(s.p85)
            ),
            format!(
                "{} samples; the next one has a {}% chance of falling inside their range ((n − 1)/(n + 1)).",
                s.n,
                format_number(s.quality * 100.0, 1)
            ),
        ),
    }
}

/// The plural ending of a count's noun.
fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn failure_detail(r: &Report) -> String {
    let mut d = format!("{} of {} deployments failed", r.failed, r.deployments);
    if r.failed_without_incident > 0 {
        d.push_str(&format!(
            "; {} flagged failed without an incident",
            r.failed_without_incident
        ));
    }
    if r.duplicate_incidents > 0 {
        d.push_str(&format!(
            "; {} duplicate incident{} of the same deployment counted once",
            r.duplicate_incidents,
            plural_s(r.duplicate_incidents)
        ));
    }
    if r.unknown_links > 0 {
        d.push_str(&format!(
            "; {} incident{} linked to a deployment not in the files",
            r.unknown_links,
            plural_s(r.unknown_links)
        ));
    }
    d.push('.');
    d
}

/// The table's rows: metric, value, how it was formed.
fn rows(r: &Report, a: &Analysis) -> Vec<(String, String, String)> {
    let (lead_value, lead_detail) = distribution(r.lead, "lead times (no first commits)");
    let (rec_value, rec_detail) = distribution(r.recovery, "incidents in the window");
    let four_keys = r.four_keys.map_or_else(
        || "Four Keys needs a window of at least 7 days.".to_string(),
        |f| format!("Four Keys: {}.", f.label()),
    );
    let mut rows = vec![
        (
            "Deployments".to_string(),
            format_number(r.deployments as f64, 0),
            format!(
                "{} – {} ({} days).",
                r.window.first_day,
                r.window.last_day,
                r.window.days()
            ),
        ),
        (
            Metric::DeployFrequency.name().into(),
            format!("{} per week", format_number(r.deploys_per_week, 2)),
            four_keys,
        ),
        (Metric::LeadTime.name().into(), lead_value, lead_detail),
        (
            Metric::ChangeFailureRate.name().into(),
            percent(r.change_failure_rate),
            failure_detail(r),
        ),
        (Metric::RecoveryTime.name().into(), rec_value, rec_detail),
        (
            Metric::ReworkRate.name().into(),
            percent(r.rework_rate),
            format!("{} of {} deployments were rework.", r.rework, r.deployments),
        ),
    ];
    if let Some(c) = a.churn(r.window) {
        rows.push((
            Metric::CodeChurn.name().into(),
            percent(c.percent),
            c.words(),
        ));
    }
    if let Some(e) = a.escape(r.window) {
        rows.push((
            Metric::DefectEscapeRate.name().into(),
            percent(e.percent),
            e.words(),
        ));
    }
    rows
}

/// The figures, or why there are none.
#[component]
pub fn Figures(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    move || {
        import.figures.with(|f| {
            let Some(f) = f else {
                return view! {
                    <p class="import__empty">
                        "Paste or choose export files, or try the sample data, to see a measured baseline."
                    </p>
                }
                .into_any();
            };
            let ms = f.ms + import.read_ms();
            let dora = f.value.dora.clone().map(|d| view! { <DoraTable figures=d /> });
            match &f.value.report {
                Err(e) => view! {
                    <p class="import__error" role="alert">{e.0.clone()}</p>
                    {dora}
                }
                .into_any(),
                Ok(r) => {
                    let span = f.value.span.filter(|s| *s != import.window.get_untracked());
                    import.analysis.with(|a| {
                        view! {
                            <MeasuredBaseline report=r.clone() rows=rows(r, &a.value) ms span import />
                            {join_notes(&a.value)}
                            {dora}
                        }
                    })
                    .into_any()
                }
            }
        })
    }
}

/// What the files together say about how the figures were joined: lead
/// time's approximation, statuses, repeats across files.
fn join_notes(analysis: &Analysis) -> impl IntoView {
    let mut notes: Vec<String> = Vec::new();
    let lead = analysis.lead.words();
    if !lead.is_empty() {
        notes.push(lead);
    }
    notes.extend(analysis.notes.iter().cloned());
    if analysis.merged > 0 {
        notes.push(format!(
            "{} record{} repeated across files counted once.",
            analysis.merged,
            plural_s(analysis.merged)
        ));
    }
    (!notes.is_empty()).then(|| {
        view! {
            <ul class="import__notes">
                {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        }
    })
}

/// The measured baseline: figures, charts and their tables.
#[component]
fn MeasuredBaseline(
    report: Report,
    rows: Vec<(String, String, String)>,
    /// Milliseconds taken to read and compute.
    ms: f64,
    /// The data's own span, when the window reaches past it.
    span: Option<WindowChoice>,
    import: Import,
) -> impl IntoView {
    let r = report;
    let weeks: Vec<(String, u32)> = r
        .weeks
        .iter()
        .map(|w| (format_day_month(w.start), w.deploys))
        .collect();
    let coverage = r.coverage_note().map(|note| {
        let offer = span.map(|s| {
            let label = match s {
                WindowChoice::Range(a, b) => format!("Use the data's span: {a} – {b}"),
                other => other.label(),
            };
            view! {
                <button type="button" class="button button--quiet" on:click=move |_| import.window.set(s)>
                    {label}
                </button>
            }
        });
        view! {
            <div class="import__coverage">
                <p>{note}</p>
                {offer}
            </div>
        }
    });
    view! {
        <div class="measured">
            {coverage}
            <Table class="measured__table" caption="Measured baseline" columns=&["Metric", "Value", "Detail"]>
                {rows
                    .into_iter()
                    .map(|(m, v, d)| {
                        view! {
                            <tr>
                                <th scope="row">{m}</th>
                                <td class="measured__value">{v}</td>
                                <td>{d}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
            <p class="import__timing">
                {format!("Read and computed in {} ms, in this browser.", format_number(ms, 0))}
            </p>
            <div class="measured__charts">
                {duration_chart("lead-chart", "Lead times", &r.lead_hours, "Deployments")}
                {duration_chart("recovery-chart", "Recovery times", &r.recovery_hours, "Recoveries")}
                <div class="chart measured__chart">
                    <BarChart
                        id="weekly-chart"
                        title="Deploys per week".to_string()
                        x_title="Week starting".to_string()
                        y_title="Deploys".to_string()
                        counts=weeks
                    />
                </div>
            </div>
        </div>
    }
}

/// A histogram of durations, in minutes, hours or days as fits the data.
fn duration_chart(
    id: &'static str,
    title: &str,
    hours: &[f64],
    y_title: &str,
) -> Option<impl IntoView> {
    let (h, unit) = histogram::durations(hours, 10)?;
    let counts = (0..h.counts.len())
        .map(|k| (h.label(k), h.counts[k]))
        .collect();
    // One block per chart with its table, so each takes one cell of the
    // grid and the table stays under its own chart.
    Some(view! {
        <div class="chart measured__chart">
            <BarChart
                id=id
                title=title.to_string()
                x_title=format!("{title} ({unit})")
                y_title=y_title.to_string()
                counts=counts
            />
        </div>
    })
}
