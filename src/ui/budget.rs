//! The Error budget screen: the SLO and the budget it leaves, incidents
//! entered by hand or drawn from the baseline, the burn-down, the alert
//! table for the window, the bridge from DORA metrics, and the freeze policy
//! with its Monte Carlo. The figures come from `model::slo`, `sim::budget`
//! and `chart`; this module only binds them.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use crate::chart::burn_down::{burn_down, FRAME};
use crate::model::slo::{
    self, alert_table, bridge, describe_minutes, freeze_periods, merge, postmortems_needed,
    short_minutes, BudgetReport, Incident, Method, WindowKind, MAX_INCIDENTS, MAX_INCIDENT_MINUTES,
    MAX_REQUESTS_PER_DAY, MAX_TRIALS, MINUTES_PER_DAY,
};
use crate::model::units::{describe_hours, format_number, format_percent};
use crate::model::validate::{parse_number, NumberRule};
use crate::sim::budget::{draw_incidents, Rates};
use crate::sim::random::seeded;
use crate::ui::charts::export::ChartExport;
use crate::ui::fields::{Choice, NumberField};
use crate::ui::state::{browser_now, AppState};

fn date_time(origin: NaiveDateTime, minutes: f64) -> String {
    slo::format_datetime(origin + chrono::Duration::seconds((minutes * 60.0).round() as i64))
}

fn origin_of(r: &BudgetReport) -> NaiveDateTime {
    r.start.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// The Error budget screen.
#[component]
pub fn BudgetScreen() -> impl IntoView {
    let state = AppState::expect();
    let now = browser_now();
    let today = now.date();
    let report = Memo::new(move |_| {
        state.scenario.with(|s| {
            let start = s.slo.start_date(today);
            let end = start
                .checked_add_days(chrono::Days::new(u64::from(s.slo.window_days(start))))
                .unwrap_or(start);
            // As of now while the window is running; its end once it is over.
            let as_of = if today >= end {
                end.and_hms_opt(0, 0, 0).unwrap_or_default()
            } else {
                now
            };
            slo::report(&s.slo, today, as_of)
        })
    });
    view! {
        <div class="screen screen--budget">
            <header class="screen__header">
                <h1 class="screen__title">"Error budget"</h1>
                <p class="screen__lede">
                    "Set a service level objective, see the error budget it leaves, and how incidents, alerts, your delivery metrics and a freeze policy spend and protect it."
                </p>
            </header>
            <div class="budget">
                <section class="panel budget__form" aria-labelledby="slo-form-title">
                    <h2 class="panel__title" id="slo-form-title">"Your SLO"</h2>
                    {move || {
                        state.revision.track();
                        view! { <SloForm today /> }
                    }}
                </section>
                <section class="panel budget__summary" aria-labelledby="budget-summary-title">
                    <h2 class="panel__title" id="budget-summary-title">"Budget"</h2>
                    <BudgetSummary report />
                </section>
            </div>
            <IncidentsPanel report />
            <BurnDownPanel report />
            <AlertsPanel report />
            <BridgePanel report />
            <PolicyPanel report />
        </div>
    }
}

/// SLO target, window, method.
#[component]
fn SloForm(today: NaiveDate) -> impl IntoView {
    let state = AppState::expect();
    let cfg = state.scenario.get_untracked().slo;
    let window = Signal::derive(move || match state.scenario.with(|s| s.slo.window) {
        WindowKind::Rolling => "rolling",
        WindowKind::CalendarMonth => "calendar",
    });
    let method = Signal::derive(move || match state.scenario.with(|s| s.slo.method) {
        Method::TimeBased => "time",
        Method::RequestBased => "requests",
    });
    let start_text = Memo::new(move |_| {
        state
            .scenario
            .with(|s| crate::model::date::iso(s.slo.start_date(today)))
    });
    let start_error = RwSignal::new(None::<&'static str>);
    let target_note =
        Memo::new(move |_| state.scenario.with(|s| slo::target_message(s.slo.target)));
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <NumberField
                id="slo-target"
                label="SLO target"
                initial=format_number(cfg.target, 6)
                rule=NumberRule::positive(100.0, "%")
                hint="Share of good time or good requests, e.g. 99.9."
                on_valid=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        state.edit(|s| s.slo.target = v);
                    }
                })
            >
                <span class="field__suffix">"%"</span>
            </NumberField>
            <p class="budget__note" aria-live="polite">{move || target_note.get()}</p>
            <div class="field">
                <label class="field__label" for="slo-window">"Window"</label>
                <Choice
                    id="slo-window"
                    label="Window"
                    options=vec![("rolling", "Rolling days"), ("calendar", "Calendar month")]
                    selected=window
                    on_change=Callback::new(move |key: String| {
                        let kind = if key == "calendar" {
                            WindowKind::CalendarMonth
                        } else {
                            WindowKind::Rolling
                        };
                        state.edit(|s| s.slo.window = kind);
                    })
                />
            </div>
            {move || (window.get() == "rolling").then(|| view! {
                <NumberField
                    id="slo-days"
                    label="Rolling window length"
                    initial=state.scenario.with_untracked(|s| s.slo.rolling_days.to_string())
                    rule=NumberRule {
                        min: 1.0,
                        min_inclusive: true,
                        max: 90.0,
                        unit: "days",
                    }
                    hint="Whole days, 1 to 90; 30 is the usual choice."
                    on_valid=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.rolling_days = v.round().clamp(1.0, 90.0) as u32);
                        }
                    })
                >
                    <span class="field__suffix">"days"</span>
                </NumberField>
            }.into_any())}
            <div class="field" class:field--invalid=move || start_error.get().is_some()>
                <label class="field__label" for="slo-start">"Window starts"</label>
                <div class="field__control">
                    <input
                        id="slo-start"
                        class="field__input field__input--date"
                        type="date"
                        prop:value=move || start_text.get()
                        aria-describedby="slo-start-error"
                        aria-invalid=move || start_error.get().map(|_| "true")
                        on:change=move |ev| {
                            match crate::model::date::parse_date_strict(&event_target_value(&ev)) {
                                Some(d) => {
                                    start_error.set(None);
                                    state.edit(|s| s.slo.window_start = Some(d));
                                }
                                None => start_error.set(Some("Enter a date.")),
                            }
                        }
                    />
                </div>
                <p class="field__error" id="slo-start-error" aria-live="polite">
                    {move || start_error.get()}
                </p>
            </div>
            <div class="field">
                <label class="field__label" for="slo-method">"Budgeting method"</label>
                <Choice
                    id="slo-method"
                    label="Budgeting method"
                    options=vec![("time", "Time-based (good minutes)"), ("requests", "Request-based (good requests)")]
                    selected=method
                    on_change=Callback::new(move |key: String| {
                        let m = if key == "requests" { Method::RequestBased } else { Method::TimeBased };
                        state.edit(|s| s.slo.method = m);
                    })
                />
            </div>
            {move || (method.get() == "requests").then(|| view! {
                <NumberField
                    id="slo-requests"
                    label="Valid requests per day"
                    initial=state.scenario.with_untracked(|s| format_number(s.slo.requests_per_day, 0))
                    rule=NumberRule::non_negative(MAX_REQUESTS_PER_DAY, "requests")
                    on_valid=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.requests_per_day = v);
                        }
                    })
                />
            }.into_any())}
        </form>
    }
}

/// The budget figure and what the incidents left of it.
#[component]
fn BudgetSummary(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let target = Memo::new(move |_| state.scenario.with(|s| s.slo.target));
    let convention = move || {
        let r = report.get();
        let t = format_number(target.get(), 6);
        match r.kind {
            WindowKind::Rolling => format!(
                "Budget = (100% − {t}%) × {} days. Months are counted as 30 days: 99.9% over 30 days is 43.2 minutes; over 28 days, 40.32.",
                r.days
            ),
            WindowKind::CalendarMonth => format!(
                "Budget = (100% − {t}%) × the {} days of {}. Calendar months run 28 to 31 days, so the budget varies month to month (99.9% gives 40.32 to 44.64 minutes).",
                r.days,
                slo::format_month(r.start)
            ),
        }
    };
    let figures = Memo::new(move |_| {
        let r = report.get();
        let origin = origin_of(&r);
        let mut f = vec![Figure::main(
            "Error budget",
            describe_minutes(r.budget_minutes),
            "budget-total",
        )];
        if let Some(q) = r.budget_requests {
            f.push(Figure::new(
                "In requests",
                format!("{} failed requests", format_number(q, 0)),
            ));
        }
        f.push(Figure::new(
            "Spent in this window",
            match r.spent_percent() {
                Some(p) => format!(
                    "{} ({}%)",
                    describe_minutes(r.spent_minutes),
                    format_number(p, 1)
                ),
                None => describe_minutes(r.spent_minutes),
            },
        ));
        f.push(Figure::new(
            "Remaining at the window's end",
            if r.remaining_minutes < 0.0 {
                format!("Overspent by {}", describe_minutes(-r.remaining_minutes))
            } else {
                describe_minutes(r.remaining_minutes)
            },
        ));
        f.push(Figure::new(
            "Current burn rate",
            match r.burn_rate {
                Some(b) => format!(
                    "{}× (as of {})",
                    format_number(b, 2),
                    date_time(origin, r.as_of)
                ),
                None if r.budget_minutes <= 0.0 => "None: there is no budget to burn.".to_string(),
                None => "Not started: the window has not begun.".to_string(),
            },
        ));
        f.push(Figure::new(
            "Budget runs out",
            match (r.exhausted_at, r.projected_exhaustion) {
                _ if r.budget_minutes <= 0.0 => "Already: a 100% SLO has no budget.".to_string(),
                (Some(at), _) => format!("Spent on {}", date_time(origin, at)),
                (None, Some(p)) if p <= r.window_minutes() => format!(
                    "Projected {} at the current rate (window ÷ burn rate)",
                    date_time(origin, p)
                ),
                (None, Some(_)) => "Not within this window at the current rate".to_string(),
                (None, None) => "Not at the current rate (no bad minutes yet)".to_string(),
            },
        ));
        f
    });
    view! {
        <Figures items=figures />
        <p class="footnote">{convention}</p>
    }
}

/// Text typed into the add-incident form, with a message per field.
#[derive(Clone, Copy)]
struct IncidentForm {
    start: RwSignal<String>,
    minutes: RwSignal<String>,
    share: RwSignal<String>,
    start_error: RwSignal<Option<String>>,
    minutes_error: RwSignal<Option<String>>,
    share_error: RwSignal<Option<String>>,
}

/// The incident list, its add form and "draw from baseline".
#[component]
fn IncidentsPanel(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let default_start = move || {
        let r = report.get_untracked();
        let d = r
            .start
            .checked_add_days(chrono::Days::new(1))
            .unwrap_or(r.start);
        slo::format_datetime_local(d.and_hms_opt(10, 0, 0).unwrap_or_default())
    };
    let form = IncidentForm {
        start: RwSignal::new(default_start()),
        minutes: RwSignal::new("30".to_string()),
        share: RwSignal::new("100".to_string()),
        start_error: RwSignal::new(None),
        minutes_error: RwSignal::new(None),
        share_error: RwSignal::new(None),
    };
    let notice = RwSignal::new(None::<String>);
    let count = Memo::new(move |_| state.scenario.with(|s| s.slo.incidents.len()));

    let add = move |_| {
        let start = slo::parse_datetime_local(&form.start.get_untracked())
            .ok_or_else(|| "Enter the date and time the incident started.".to_string());
        let minutes = parse_number(
            &form.minutes.get_untracked(),
            NumberRule::positive(MAX_INCIDENT_MINUTES, "minutes"),
        )
        .map_err(|e| e.message());
        let share = parse_number(
            &form.share.get_untracked(),
            NumberRule::positive(100.0, "%"),
        )
        .map_err(|e| e.message());
        form.start_error.set(start.clone().err());
        form.minutes_error.set(minutes.clone().err());
        form.share_error.set(share.clone().err());
        if let (Ok(start), Ok(minutes), Ok(share)) = (start, minutes, share) {
            if count.get_untracked() >= MAX_INCIDENTS {
                notice.set(Some(format!(
                    "At most {MAX_INCIDENTS} incidents: remove some first."
                )));
                return;
            }
            let r = report.get_untracked();
            let offset = slo::minutes_between(origin_of(&r), start);
            notice.set(Some(if offset < 0.0 || offset >= r.window_minutes() {
                "Added, but it starts outside the window, so it does not count against this window's budget.".to_string()
            } else {
                "Incident added.".to_string()
            }));
            state.edit(|s| {
                s.slo.window_start = Some(r.start);
                s.slo.incidents.push(Incident {
                    start,
                    minutes,
                    share,
                });
            });
        }
    };
    let draw = move |_| {
        let r = report.get_untracked();
        let (seed, drawn) = state.scenario.with_untracked(|s| {
            let seed = s.slo.seed.wrapping_add(1);
            let mut rng = seeded(seed);
            let rates = Rates::from(&s.baseline, &s.slo);
            (seed, draw_incidents(rates, origin_of(&r), r.days, &mut rng))
        });
        notice.set(Some(format!(
            "Drew {} incident{} from the baseline (seed {}).",
            drawn.len(),
            if drawn.len() == 1 { "" } else { "s" },
            seed
        )));
        state.edit(|s| {
            s.slo.seed = seed;
            s.slo.window_start = Some(r.start);
            s.slo.incidents = drawn;
        });
    };

    view! {
        <section class="panel budget__section" aria-labelledby="incidents-title">
            <h2 class="panel__title" id="incidents-title">"Incidents"</h2>
            <p class="footnote">
                "Add incidents by hand, or draw a window's worth from your baseline: deployments arrive at your deployment frequency, each fails with your change failure rate, and each failure lasts a recovery time drawn around your median (right-skewed, Weibull shape 1.5). Drawing replaces the list."
            </p>
            <form class="incident-form" on:submit=move |ev| {
                ev.prevent_default();
                add(());
            } novalidate>
                <IncidentInput id="incident-start" label="Incident start" kind="datetime-local" text=form.start error=form.start_error />
                <IncidentInput id="incident-minutes" label="Duration (minutes)" kind="text" text=form.minutes error=form.minutes_error />
                <IncidentInput id="incident-share" label="Share of traffic affected (%)" kind="text" text=form.share error=form.share_error />
                <div class="incident-form__actions">
                    <button type="submit" class="button">"Add incident"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| draw(())>
                        "Draw from baseline"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        disabled=move || count.get() == 0
                        on:click=move |_| {
                            notice.set(Some("All incidents removed.".to_string()));
                            state.edit(|s| s.slo.incidents.clear());
                        }
                    >
                        "Remove all"
                    </button>
                </div>
            </form>
            <p class="budget__note" role="status">{move || notice.get()}</p>
            <IncidentTable report />
        </section>
    }
}

/// One input of the add-incident form.
#[component]
fn IncidentInput(
    /// Element id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The input type.
    kind: &'static str,
    /// The text typed.
    text: RwSignal<String>,
    /// The message shown beside the field.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            <input
                id=id
                class="field__input"
                class:field__input--date=kind == "datetime-local"
                type=kind
                inputmode=(kind == "text").then_some("decimal")
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
            />
            <p class="field__error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The incidents entered, with what each cost and any note.
#[component]
fn IncidentTable(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        let r = report.get();
        state.scenario.with(|s| {
            let pm = postmortems_needed(&s.slo, r.budget_minutes);
            s.slo
                .incidents
                .iter()
                .enumerate()
                .map(|(i, inc)| {
                    let notes: Vec<String> = r
                        .notes
                        .get(i)
                        .map(|n| n.iter().map(|x| x.message()).collect())
                        .unwrap_or_default();
                    let share_of_budget =
                        (r.budget_minutes > 0.0).then(|| inc.bad_minutes() / r.budget_minutes);
                    (
                        i,
                        inc.clone(),
                        share_of_budget,
                        pm.contains(&(i + 1)),
                        notes,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        {move || if rows.with(Vec::is_empty) {
            view! { <p class="budget__empty">"No incidents yet: the whole budget is left."</p> }.into_any()
        } else { view! {
            <div class="table-scroll">
                <table class="incidents">
                    <caption>"Incidents in the scenario"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Start"</th>
                            <th scope="col">"Duration"</th>
                            <th scope="col">"Traffic affected"</th>
                            <th scope="col">"Budget used alone"</th>
                            <th scope="col">"Notes"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(i, inc, share, postmortem, notes)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{i + 1}</th>
                                            <td>{slo::format_datetime(inc.start)}</td>
                                            <td>{short_minutes(inc.minutes)}</td>
                                            <td>{format!("{}%", format_number(inc.share, 1))}</td>
                                            <td>{share.map_or_else(|| "—".to_string(), |s| format_percent(s, 1))}</td>
                                            <td>
                                                {postmortem.then(|| view! { <span class="badge badge--caution">"Postmortem needed"</span> " " })}
                                                {notes.into_iter().map(|n| view! { <span class="incidents__note">{n}</span> }).collect_view()}
                                            </td>
                                            <td>
                                                <button
                                                    type="button"
                                                    class="button button--quiet"
                                                    aria-label=format!("Remove incident {}", i + 1)
                                                    on:click=move |_| {
                                                        state.edit(|s| {
                                                            if i < s.slo.incidents.len() {
                                                                s.slo.incidents.remove(i);
                                                            }
                                                        })
                                                    }
                                                >
                                                    "Remove"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        }.into_any() }}
    }
}

/// The burn-down chart and its table alternative.
#[component]
fn BurnDownPanel(report: Memo<BudgetReport>) -> impl IntoView {
    // Budgets under a minute are drawn in seconds.
    let unit = Memo::new(move |_| {
        if report.with(|r| r.budget_minutes > 0.0 && r.budget_minutes < 1.0) {
            (60.0, "seconds")
        } else {
            (1.0, "minutes")
        }
    });
    let geometry = Memo::new(move |_| {
        let r = report.get();
        let (k, _) = unit.get();
        let pts: Vec<(f64, f64)> = r.burn_down.iter().map(|&(x, y)| (x, y * k)).collect();
        let span = pts.last().map_or(2.0 * r.window_minutes(), |p| p.0);
        burn_down(&pts, span, r.window_minutes(), r.budget_minutes * k, FRAME)
    });
    let caption = move || {
        let r = report.get();
        match r.kind {
            WindowKind::Rolling => format!(
                "Budget remaining over this {}-day window and the next. In a rolling window, bad minutes age out {} days after they happened and the budget is earned back. Dashed line: the full budget; dotted line: the end of this window.",
                r.days, r.days
            ),
            WindowKind::CalendarMonth => format!(
                "Budget remaining over {} and the month after. A calendar window resets on the 1st. Dashed line: the full budget; dotted line: the end of this window.",
                slo::format_month(r.start)
            ),
        }
    };
    view! {
        <section class="panel budget__section" aria-labelledby="burn-down-title">
            <h2 class="panel__title" id="burn-down-title">"Burn-down"</h2>
            <p class="footnote">{caption}</p>
            <figure class="chart" id="burn-down-figure">
                <svg
                    class="chart__svg"
                    viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                    role="img"
                    aria-labelledby="burn-down-title burn-down-desc"
                >
                    <desc id="burn-down-desc">
                        {move || format!("Line chart of budget remaining in {} against days since the window start. The same figures are in the table below.", unit.get().1)}
                    </desc>
                    {move || {
                        let g = geometry.get();
                        let (left, right) = FRAME.x_range();
                        let (bottom, top) = FRAME.y_range();
                        view! {
                            <g class="chart__grid">
                                {g.y_ticks.iter().map(|&(y, value)| view! {
                                    <line x1=left x2=right y1=y y2=y></line>
                                    <text class="chart__tick" x=left - 6.0 y=y + 4.0 text-anchor="end">{format_number(value, 3)}</text>
                                }).collect_view()}
                                {g.x_ticks.iter().map(|&(x, day)| view! {
                                    <text class="chart__tick" x=x y=bottom + 16.0 text-anchor="middle">{format_number(day, 1)}</text>
                                }).collect_view()}
                            </g>
                            <line class="chart__zero" x1=left x2=right y1=g.zero_y y2=g.zero_y></line>
                            <line class="chart__budget" x1=left x2=right y1=g.budget_y y2=g.budget_y></line>
                            <line class="chart__window-end" x1=g.window_end_x x2=g.window_end_x y1=top y2=bottom></line>
                            <text class="chart__tick" x=g.window_end_x + 4.0 y=top + 10.0>"Window end"</text>
                            <path class="chart__line" d=g.line.clone()></path>
                            <text class="chart__axis" x=(left + right) / 2.0 y=FRAME.height - 6.0 text-anchor="middle">"Days since the window start"</text>
                            <text class="chart__axis" transform=format!("translate(14 {}) rotate(-90)", (top + bottom) / 2.0) text-anchor="middle">
                                {format!("Budget remaining ({})", unit.get().1)}
                            </text>
                        }
                    }}
                </svg>
                <ChartExport figure_id="burn-down-figure".to_string() file="flywheel-burn-down".to_string() />
            </figure>
            <details class="budget__details">
                <summary>"Burn-down as a table"</summary>
                <div class="table-scroll">
                    <table class="burn-table">
                        <caption>"Budget remaining at each change"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Day"</th>
                                <th scope="col">"Date and time"</th>
                                <th scope="col">{move || format!("Budget remaining ({})", unit.get().1)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let r = report.get();
                                let origin = origin_of(&r);
                                let (k, _) = unit.get();
                                r.burn_down
                                    .iter()
                                    .map(|&(x, y)| view! {
                                        <tr>
                                            <td>{format_number(x / MINUTES_PER_DAY, 2)}</td>
                                            <td>{date_time(origin, x)}</td>
                                            <td>{format_number(y * k, 3)}</td>
                                        </tr>
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// The multi-window multi-burn-rate alert table for the window.
#[component]
fn AlertsPanel(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let initial = format_number(state.scenario.get_untracked().slo.alert_error_rate, 4);
    let rate = Memo::new(move |_| state.scenario.with(|s| s.slo.alert_error_rate));
    let ratio = Memo::new(move |_| state.scenario.with(|s| s.slo.budget_ratio()));
    view! {
        <section class="panel budget__section" aria-labelledby="alerts-title">
            <h2 class="panel__title" id="alerts-title">"Alerts"</h2>
            <p class="footnote">
                {move || format!(
                    "Multi-window, multi-burn-rate alerts (Google SRE Workbook), with the burn-rate factors recomputed for your {}-day window as r = budget share × window ÷ long window. An alert fires when both its long and short window burn faster than r.",
                    report.get().days
                )}
            </p>
            {move || (ratio.get() <= 0.0).then(|| view! {
                <p class="budget__warning">"A 100% SLO has no budget, so no burn-rate alert can be set: every failure is already a breach."</p>
            })}
            <NumberField
                id="alert-error-rate"
                label="Incident error rate"
                initial
                rule=NumberRule::positive(100.0, "%")
                hint="Share of requests failing during an incident (100% is a full outage)."
                on_valid=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        state.edit(|s| s.slo.alert_error_rate = v);
                    }
                })
            >
                <span class="field__suffix">"%"</span>
            </NumberField>
            <div class="table-scroll">
                <table class="alerts">
                    <caption>"Alert table for this window"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Severity"</th>
                            <th scope="col">"Long window"</th>
                            <th scope="col">"Short window"</th>
                            <th scope="col">"Burn rate"</th>
                            <th scope="col">"Budget share"</th>
                            <th scope="col">{move || format!("Fires after (at {}% errors)", format_number(rate.get(), 4))}</th>
                            <th scope="col">"Budget gone by then"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let r = report.get();
                            let b = ratio.get();
                            let e = rate.get() / 100.0;
                            alert_table(r.days)
                                .into_iter()
                                .map(|a| {
                                    let d = slo::detection(&a, e, b, r.window_minutes());
                                    let (fires, spent) = match d {
                                        _ if !a.applies => ("Not used: longer than the SLO window".to_string(), "—".to_string()),
                                        _ if b <= 0.0 => ("No budget".to_string(), "—".to_string()),
                                        Some(d) => (short_minutes(d.minutes), format_percent(d.budget_spent, 1)),
                                        None => ("Never: the error rate is below the threshold".to_string(), "—".to_string()),
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">{a.severity.label()}</th>
                                            <td>{short_minutes(a.long)}</td>
                                            <td>{short_minutes(a.short)}</td>
                                            <td>{format!("{}×", format_number(a.factor, 2))}</td>
                                            <td>{format_percent(a.budget_share, 1)}</td>
                                            <td>{fires}</td>
                                            <td>{spent}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Delivery metrics turned into budget use.
#[component]
fn BridgePanel(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let initial = format_number(state.scenario.get_untracked().slo.failure_share, 4);
    let b = Memo::new(move |_| {
        let days = report.with(|r| r.days);
        state.scenario.with(|s| bridge(&s.slo, &s.baseline, days))
    });
    let figures = Memo::new(move |_| {
        let b = b.get();
        vec![
            Figure::new("Deployments per window", format_number(b.deploys, 1)),
            Figure::new(
                "Failed deployments per window",
                format_number(b.failures, 2),
            ),
            Figure::new(
                "Expected budget use per window",
                match b.expected_budget_use {
                    Some(u) => format!(
                        "{} of budget ({})",
                        format_percent(u, 1),
                        describe_minutes(b.expected_bad_minutes)
                    ),
                    None => format!(
                        "{} with no budget to spend",
                        describe_minutes(b.expected_bad_minutes)
                    ),
                },
            ),
            Figure::new(
                "Longest recovery the SLO tolerates",
                match b.max_recovery_minutes {
                    Some(m) if m > 0.0 => format!(
                        "{} per failure (yours: {}, {})",
                        describe_hours(m / 60.0),
                        describe_hours(b.recovery_minutes / 60.0),
                        if b.recovery_minutes <= m {
                            "within it"
                        } else {
                            "too slow for this SLO"
                        }
                    ),
                    Some(_) => "None: a 100% SLO tolerates no failure at all.".to_string(),
                    None => "No limit: no failed deployments are expected.".to_string(),
                },
            ),
        ]
    });
    view! {
        <section class="panel budget__section" aria-labelledby="bridge-title">
            <h2 class="panel__title" id="bridge-title">"From delivery metrics to budget"</h2>
            <p class="footnote">
                "Expected bad minutes per window ≈ deployments × change failure rate × recovery time × share of traffic affected. The deployment frequency, change failure rate and recovery time come from the "
                <a href="#/baseline">"Baseline"</a>
                " screen."
            </p>
            <NumberField
                id="failure-share"
                label="Traffic a failed deployment affects"
                initial
                rule=NumberRule::PERCENT
                hint="An assumption: 100% if a bad deployment takes the whole service down."
                on_valid=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        state.edit(|s| s.slo.failure_share = v);
                    }
                })
            >
                <span class="field__suffix">"%"</span>
            </NumberField>
            <Figures items=figures />
        </section>
    }
}

/// The error-budget policy, its effect on the entered incidents, and the
/// Monte Carlo over many quarters.
#[component]
fn PolicyPanel(report: Memo<BudgetReport>) -> impl IntoView {
    let state = AppState::expect();
    let s0 = state.scenario.get_untracked().slo;
    let freeze = Memo::new(move |_| state.scenario.with(|s| s.slo.policy.freeze));
    let frozen = Memo::new(move |_| {
        let r = report.get();
        state.scenario.with(|s| {
            let origin = origin_of(&r);
            let counted: Vec<_> = s
                .slo
                .segments(origin)
                .into_iter()
                .filter(|g| g.start >= 0.0 && g.start < r.window_minutes())
                .collect();
            freeze_periods(
                r.kind,
                &merge(&counted),
                r.budget_minutes,
                r.window_minutes(),
            )
            .into_iter()
            .map(|(a, b)| {
                (
                    date_time(origin, a),
                    date_time(origin, b),
                    (b - a) / MINUTES_PER_DAY,
                )
            })
            .collect::<Vec<_>>()
        })
    });
    // The same run the simulation uses when plans apply the policy.
    let outcome = state.runs.policy;
    let figures = Memo::new(move |_| {
        let o = outcome.get();
        vec![
            Figure::new(
                "Chance a window's budget is spent",
                format_percent(o.p_exhaust_per_window, 1),
            ),
            Figure::new(
                "Days frozen per quarter",
                format!(
                    "{} on average; {} or fewer in 85% of quarters",
                    format_number(o.days_frozen_per_quarter, 1),
                    format_number(o.days_frozen_p85, 1)
                ),
            ),
            Figure::new(
                "Deployment frequency",
                format!(
                    "{} per week, down from {}",
                    format_number(o.deploys_per_day_with_freeze * 7.0, 2),
                    format_number(o.deploys_per_day * 7.0, 2)
                ),
            ),
            Figure::new(
                "Lead time",
                format!(
                    "{}, up from {} (changes wait out freezes)",
                    describe_hours(o.lead_time_hours_with_freeze),
                    describe_hours(o.lead_time_hours)
                ),
            ),
            Figure::new(
                "Postmortems per quarter",
                format!(
                    "{} of {} incidents",
                    format_number(o.postmortems_per_quarter, 1),
                    format_number(o.incidents_per_quarter, 1)
                ),
            ),
        ]
    });
    view! {
        <section class="panel budget__section" aria-labelledby="policy-title">
            <h2 class="panel__title" id="policy-title">"Error-budget policy"</h2>
            <div class="field field--check">
                <input
                    id="policy-freeze"
                    type="checkbox"
                    prop:checked=move || freeze.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit(|s| s.slo.policy.freeze = on);
                    }
                />
                <label for="policy-freeze">
                    "When the budget is spent, freeze feature deployments (P0 and security fixes excepted) until the trailing window is back within the SLO."
                </label>
            </div>
            <NumberField
                id="policy-postmortem"
                label="Postmortem when one incident uses more than"
                initial=format_number(s0.policy.postmortem_share, 4)
                rule=NumberRule::positive(100.0, "%")
                hint="A common companion rule is 20% of the budget. Its wording is unverified: no primary source states it."
                on_valid=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        state.edit(|s| s.slo.policy.postmortem_share = v);
                    }
                })
            >
                <span class="field__suffix">"% of the budget"</span>
            </NumberField>
            <h3 class="budget__subtitle">"With the incidents above"</h3>
            <p class="budget__note">
                {move || {
                    let f = frozen.get();
                    if !freeze.get() {
                        "No freeze: the policy is off.".to_string()
                    } else if f.is_empty() {
                        "No freeze: the budget is never spent.".to_string()
                    } else {
                        f.iter()
                            .map(|(a, b, d)| format!("Frozen from {a} to {b} ({} days).", format_number(*d, 1)))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                }}
            </p>
            <h3 class="budget__subtitle">"Over many quarters"</h3>
            <div class="policy-run">
                <NumberField
                    id="policy-trials"
                    label="Quarters simulated"
                    initial=s0.policy.trials.to_string()
                    rule=NumberRule { min: 1.0, min_inclusive: true, max: f64::from(MAX_TRIALS), unit: "" }
                    hint="Each quarter is 91 days after one window of warm-up; incidents are drawn from the baseline."
                    on_valid=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            state.edit(|s| s.slo.policy.trials = v.round().clamp(1.0, f64::from(MAX_TRIALS)) as u32);
                        }
                    })
                />
                <button type="button" class="button button--quiet" on:click=move |_| state.edit(|s| s.slo.seed = s.slo.seed.wrapping_add(1))>
                    "Draw new random numbers"
                </button>
            </div>
            <Figures items=figures />
            <p class="footnote">
                {move || format!("{} simulated quarters, seed {}. A freeze stops feature deployments, so failures stop too while it lasts; time frozen is time for reliability work.", outcome.get().trials, state.scenario.with(|s| s.slo.seed))}
            </p>
        </section>
    }
}

/// One figure: a term and its value.
#[derive(Clone, Debug, PartialEq)]
struct Figure {
    term: &'static str,
    value: String,
    id: Option<&'static str>,
    main: bool,
}

impl Figure {
    fn new(term: &'static str, value: String) -> Figure {
        Figure {
            term,
            value,
            id: None,
            main: false,
        }
    }

    fn main(term: &'static str, value: String, id: &'static str) -> Figure {
        Figure {
            term,
            value,
            id: Some(id),
            main: true,
        }
    }
}

/// A list of figures, rendered from data so every list shares one view.
#[component]
fn Figures(
    /// The figures, in order.
    #[prop(into)]
    items: Signal<Vec<Figure>>,
) -> impl IntoView {
    view! {
        <dl class="figures">
            {move || {
                items
                    .get()
                    .into_iter()
                    .map(|f| {
                        view! {
                            <div class="figures__item" class:figures__item--main=f.main>
                                <dt>{f.term}</dt>
                                <dd id=f.id>{f.value}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}
