//! Two snapshots compared in words ("Since 5 Jun 2026 (6 months before
//! 1 Dec 2026): lead time for changes 52% lower …"), with a table of every
//! metric's move under the scenario's lens (`History::compare`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::date::format_date;
use crate::model::standing::lens::LensView;
use crate::model::trend::value_words;
use crate::ui::field::{Choice, Field};
use crate::ui::state::AppState;
use crate::ui::table::Table;

/// The picked date while a snapshot has it, otherwise `fallback`.
fn pick(
    picked: Option<NaiveDate>,
    dates: &[NaiveDate],
    fallback: Option<NaiveDate>,
) -> Option<NaiveDate> {
    picked.filter(|d| dates.contains(d)).or(fallback)
}

/// The comparison section.
#[component]
pub fn CompareSnapshots() -> impl IntoView {
    let state = AppState::expect();
    let dates = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.history
                .snapshots
                .iter()
                .map(|x| x.date)
                .collect::<Vec<_>>()
        })
    });
    let (earlier_pick, later_pick) = (RwSignal::new(None), RwSignal::new(None));
    // By default the two newest, so "since last time" reads at once.
    let earlier = Memo::new(move |_| {
        dates.with(|d| pick(earlier_pick.get(), d, d.len().checked_sub(2).map(|i| d[i])))
    });
    let later = Memo::new(move |_| dates.with(|d| pick(later_pick.get(), d, d.last().copied())));
    let options = Signal::derive(move || {
        dates.with(|d| {
            d.iter()
                .rev()
                .map(|&x| (x, format_date(x)))
                .collect::<Vec<_>>()
        })
    });
    let comparison = Memo::new(move |_| {
        let (a, b) = (earlier.get()?, later.get()?);
        Some(
            state
                .scenario
                .with(|s| s.history.compare(a, b, LensView::of(s))),
        )
    });
    let today = state.today;
    view! {
        <section class="panel history__section" aria-labelledby="history-compare-title">
            <h2 class="panel__title" id="history-compare-title">"Compare two snapshots"</h2>
            {move || {
                if dates.with(|d| d.len() < 2) {
                    return view! {
                        <p class="history__empty">
                            "Keep two snapshots (on different days) to compare them: each metric's move is said in words, by value and by tier or 2025 score."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <div class="history__edit-row">
                        <Field id="history-compare-a" label="Compare the snapshot of">
                            <Choice
                                options
                                selected=Signal::derive(move || earlier.get().unwrap_or(today))
                                on_change=Callback::new(move |d| earlier_pick.set(Some(d)))
                            />
                        </Field>
                        <Field id="history-compare-b" label="with the snapshot of">
                            <Choice
                                options
                                selected=Signal::derive(move || later.get().unwrap_or(today))
                                on_change=Callback::new(move |d| later_pick.set(Some(d)))
                            />
                        </Field>
                    </div>
                    {move || match comparison.get() {
                        None => ().into_any(),
                        Some(Err(why)) => view! { <p class="history__empty">{why}</p> }.into_any(),
                        Some(Ok(c)) => {
                            let caption = format!(
                                "{} compared with {}",
                                format_date(c.later),
                                format_date(c.earlier),
                            );
                            let rows = c
                                .moves
                                .into_iter()
                                .map(|m| {
                                    let shown = |v: Option<f64>| {
                                        v.map_or_else(|| "—".to_string(), |v| value_words(m.metric, v))
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">{m.metric.name()}</th>
                                            <td>{shown(m.from)}</td>
                                            <td>{shown(m.to)}</td>
                                            <td>{m.sentence}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            view! {
                                <p class="history__summary">{c.summary}</p>
                                <Table
                                    class="history__compare-table"
                                    caption
                                    columns=vec![
                                        "Metric".to_string(),
                                        format_date(c.earlier),
                                        format_date(c.later),
                                        "What changed".to_string(),
                                    ]
                                >
                                    {rows}
                                </Table>
                            }
                                .into_any()
                        }
                    }}
                }
                    .into_any()
            }}
        </section>
    }
}
