//! The trend from data: the chosen metric per calendar month over the
//! lens's bands, thin and missing months said in words, the rule months
//! were cut by, a table of every metric's monthly figures, and deployments
//! per week from the applied import.

use leptos::prelude::*;

use super::HistoryState;
use crate::chart::trend::{blocks as blocks_chart, monthly};
use crate::model::date::format_month;
use crate::model::standing::lens::LensView;
use crate::model::trend::{blocks, blocks_rule, Block, MonthRow, MonthlyTrend, Status, METRICS};
use crate::model::units::format_number;
use crate::model::Metric;
use crate::ui::charts::trend::TrendChart;
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// "January 2026, February 2026 and March 2026".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What the chart cannot show as a solid line, in words: thin months and
/// months without a figure, with why.
fn month_words(rows: &[MonthRow], metric: Metric) -> Vec<String> {
    let name = metric.name().to_ascii_lowercase();
    let cells: Vec<(&MonthRow, &crate::model::trend::Cell)> = rows
        .iter()
        .filter_map(|r| r.cell(metric).map(|c| (r, c)))
        .collect();
    let thin: Vec<String> = cells
        .iter()
        .filter(|(_, c)| c.status == Status::Thin)
        .map(|(r, _)| r.label.clone())
        .collect();
    let mut out = Vec::new();
    if !thin.is_empty() {
        out.push(format!(
            "Too few samples to rely on in {}: those months are drawn hollow on a faint line, and the table says what each rests on.",
            list(&thin)
        ));
    }
    for (r, c) in cells.iter().filter(|(_, c)| c.status == Status::Missing) {
        out.push(format!("No {name} figure for {}: {}.", r.label, c.note));
    }
    out
}

/// The trend section.
#[component]
pub fn TrendSection(history: HistoryState) -> impl IntoView {
    let state = AppState::expect();
    let trend = Memo::new(move |_| state.scenario.with(|s| s.history.trend.clone()));
    let lens = Memo::new(move |_| state.scenario.with(LensView::of));
    let weeks = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.measured.as_ref().map(|m| (blocks(m), blocks_rule(m))))
    });
    view! {
        <section class="panel history__section" aria-labelledby="history-trend-title">
            <h2 class="panel__title" id="history-trend-title">"Trend from data"</h2>
            {move || match trend.get() {
                None => view! { <NoTrend /> }.into_any(),
                Some(t) => view! { <Monthly trend=t history lens /> }.into_any(),
            }}
            {move || {
                weeks
                    .get()
                    .filter(|(b, _)| !b.is_empty())
                    .map(|(b, rule)| view! { <Weekly blocks=b rule lens /> })
            }}
        </section>
    }
}

/// How to get a trend, when there is none.
#[component]
fn NoTrend() -> impl IntoView {
    view! {
        <p class="history__empty">
            "No trend yet. On the "
            <a href="#/baseline">"Baseline screen"</a>
            ", open "
            <strong>"Import from data"</strong>
            ", load your deployments (and incidents) and choose "
            <strong>"Apply to baseline"</strong>
            ": the months the data spans appear here, each metric per calendar month."
        </p>
    }
}

/// The chosen metric's monthly chart and every metric's monthly table.
#[component]
fn Monthly(trend: MonthlyTrend, history: HistoryState, lens: Memo<LensView>) -> impl IntoView {
    let rows = trend.rows();
    let rule = trend.rule();
    let span = match (rows.first(), rows.last()) {
        (Some(a), _) if rows.len() == 1 => format!(
            "One month so far ({}): a trend needs at least two, so import data spanning more months to see a line.",
            a.label
        ),
        (Some(a), Some(b)) => format!(
            "{} months, from {} to {}.",
            rows.len(),
            a.label,
            format_month(b.month)
        ),
        _ => "The trend has no figures.".to_string(),
    };
    let metric = history.metric;
    let stored = StoredValue::new(trend);
    let layout = Callback::new(move |frame| {
        stored.with_value(|t| monthly(t, metric.get(), lens.get(), frame))
    });
    let words_rows = rows.clone();
    let words = move || month_words(&words_rows, metric.get());
    let columns: Vec<String> = std::iter::once("Month".to_string())
        .chain(METRICS.iter().map(|m| m.name().to_string()))
        .collect();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .iter()
                .map(|c| {
                    view! {
                        <td class=format!("trend-cell trend-cell--{}", c.status.key())>
                            {c.text.clone()}
                            <span class="history__note">{c.note.clone()}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        {r.label.clone()}
                        {r.note.clone().map(|n| view! { <span class="history__note">{n}</span> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="history__rule">{rule}</p>
        <p>{span}</p>
        <TrendChart
            id="history-monthly"
            title=Signal::derive(move || format!("{} per calendar month", metric.get().name()))
            summary=Signal::derive(move || {
                format!(
                    "Line chart of {} per calendar month over the lens's bands; the table \"Monthly figures\" below lists the same numbers.",
                    metric.get().name().to_ascii_lowercase(),
                )
            })
            x_title="Month"
            layout
            file=Signal::derive(move || format!("flywheel-trend-{}", metric.get().key()))
        />
        <ul class="history__words">
            {move || words().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
        </ul>
        <Table class="history__trend-table" caption="Monthly figures" columns>
            {body}
        </Table>
    }
}

/// Deployments per week from the applied import's window.
#[component]
fn Weekly(blocks: Vec<Block>, rule: String, lens: Memo<LensView>) -> impl IntoView {
    let n = blocks.len();
    let stored = StoredValue::new(blocks.clone());
    let layout =
        Callback::new(move |frame| stored.with_value(|b| blocks_chart(b, lens.get(), frame)));
    let body = blocks
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{b.label()}</th>
                    <td>{b.deploys}</td>
                    <td>{format_number(b.per_day() * 7.0, 2)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 class="history__subtitle">"Deployment frequency per week"</h3>
        <p class="history__rule">{rule}</p>
        <TrendChart
            id="history-weekly"
            title="Deployment frequency per week"
            summary=format!(
                "Line chart of deployments in each of {n} weeks of the applied import; the table \"Weekly deployments\" below lists them.",
            )
            x_title="Week starting"
            layout
            file="flywheel-trend-weekly"
        />
        <Table class="history__week-table" caption="Weekly deployments" columns=&["Week", "Deployments", "Per week"]>
            {body}
        </Table>
    }
}
