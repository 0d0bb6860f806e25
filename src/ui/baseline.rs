//! The Baseline screen: the team enters its numbers and sees, metric by
//! metric, its DORA tier under a chosen report edition and its Quick Check
//! score against the 2025 peer figures.

use leptos::prelude::*;

use crate::model::dora::{self, Provenance};
use crate::model::quick_check::{self, PeerScore};
use crate::model::scenario::{rule, seed_assessment};
use crate::model::units::{describe_hours, format_number};
use crate::model::validate::{parse_name, NumberRule};
use crate::model::{Edition, Metric, RatePeriod, Scenario, TierVerdict, TimeUnit};
use crate::ui::chunk::on_demand;
use crate::ui::fields::{Choice, NumberField};
use crate::ui::import::ImportPanel;
use crate::ui::state::AppState;

split_view!(import_view, import, ImportPanel);

/// The Baseline screen.
#[component]
pub fn BaselineScreen() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="screen screen--baseline">
            <header class="screen__header">
                <h1 class="screen__title">"Baseline"</h1>
                <p class="screen__lede">
                    "Enter where your team stands today. Each metric is classified on its own against DORA's published tiers; nothing is averaged."
                </p>
            </header>
            <div class="baseline">
                <section class="panel baseline__form" aria-labelledby="baseline-form-title">
                    <h2 class="panel__title" id="baseline-form-title">"Your numbers"</h2>
                    // Re-mounted when the scenario is replaced wholesale, so
                    // every field re-reads its text from the model.
                    {move || {
                        state.revision.track();
                        view! { <BaselineForm /> }
                    }}
                </section>
                <section class="panel baseline__results" aria-labelledby="baseline-results-title">
                    <h2 class="panel__title" id="baseline-results-title">"Where you stand"</h2>
                    <BaselineResults />
                </section>
            </div>
            <ImportDisclosure />
        </div>
    }
}

/// "Import from data", closed until asked for: Baseline is the landing
/// screen, so the import code stays out of the first load and is fetched
/// on first open. Once loaded the panel stays mounted while hidden, so
/// closing it keeps what was pasted.
#[component]
fn ImportDisclosure() -> impl IntoView {
    let expanded = RwSignal::new(false);
    let loaded = RwSignal::new(false);
    view! {
        <section class="panel import" aria-labelledby="import-title">
            <h2 class="panel__title" id="import-title">
                <button
                    type="button"
                    class="import__toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="import-panel"
                    on:click=move |_| {
                        expanded.update(|e| *e = !*e);
                        if !loaded.get_untracked() {
                            loaded.set(true);
                        }
                    }
                >
                    "Import from data"
                </button>
            </h2>
            <p class="import__lede">
                "Measure your baseline from CSV exports of your deployments and incidents. The files are read in this browser; nothing is uploaded."
            </p>
            <div id="import-panel" hidden=move || !expanded.get()>
                {move || loaded.get().then(|| on_demand(import_view()))}
            </div>
        </section>
    }
}

/// Marks a baseline field whose value came from imported data, until the
/// user types over it.
#[component]
fn MeasuredBadge(
    /// The metric of the field.
    metric: Metric,
) -> impl IntoView {
    let state = AppState::expect();
    let shown = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.measured
                .as_ref()
                .is_some_and(|m| m.is_measured(metric, &s.baseline))
        })
    });
    move || {
        shown
            .get()
            .then(|| view! { <span class="measured-badge">"Measured from data"</span> })
    }
}

fn amount_text(value: f64) -> String {
    format_number(value, 4)
}

/// The input form; reads its starting text from the scenario once.
#[component]
fn BaselineForm() -> impl IntoView {
    let state = AppState::expect();
    let s = state.scenario.get_untracked();
    let b = s.baseline.clone();

    let team_text = RwSignal::new(s.team.clone());
    let team_error =
        Memo::new(move |_| team_text.with(|t| parse_name(t, Scenario::MAX_TEAM_CHARS).err()));

    let period = Signal::derive(move || {
        state
            .scenario
            .with(|s| s.baseline.deploy_frequency.per.key())
    });
    let lead_unit =
        Signal::derive(move || state.scenario.with(|s| s.baseline.lead_time.unit.key()));
    let recovery_unit =
        Signal::derive(move || state.scenario.with(|s| s.baseline.recovery_time.unit.key()));
    let periods: Vec<_> = RatePeriod::ALL
        .iter()
        .map(|p| (p.key(), p.label()))
        .collect();
    let lead_units: Vec<_> = TimeUnit::ALL.iter().map(|u| (u.key(), u.label())).collect();
    let recovery_units = lead_units.clone();

    let set = move |f: fn(&mut Scenario, f64)| {
        Callback::new(move |v: Option<f64>| {
            if let Some(v) = v {
                state.edit(|s| f(s, v));
            }
        })
    };
    let set_optional = move |f: fn(&mut Scenario, Option<f64>)| {
        Callback::new(move |v: Option<f64>| state.edit(|s| f(s, v)))
    };

    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <div class="field" class:field--invalid=move || team_error.with(Option::is_some)>
                <label class="field__label" for="team-name">"Team or service name"</label>
                <div class="field__control">
                    <input
                        id="team-name"
                        class="field__input field__input--wide"
                        type="text"
                        autocomplete="off"
                        maxlength="200"
                        prop:value=move || team_text.get()
                        aria-invalid=move || team_error.with(Option::is_some).then_some("true")
                        aria-describedby="team-name-error"
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            if let Ok(name) = parse_name(&value, Scenario::MAX_TEAM_CHARS) {
                                state.edit(|s| s.team = name);
                            }
                            team_text.set(value);
                        }
                    />
                </div>
                <p class="field__error" id="team-name-error" aria-live="polite">
                    {move || team_error.get()}
                </p>
            </div>

            <fieldset class="form__group">
                <legend class="form__legend">"DORA metrics"</legend>
                <NumberField
                    id="deploy-frequency"
                    label="Deployment frequency"
                    initial=amount_text(b.deploy_frequency.count)
                    rule=rule(Metric::DeployFrequency)
                    hint="Deployments to production."
                    on_valid=set(|s, v| s.baseline.deploy_frequency.count = v)
                >
                    <Choice
                        id="deploy-frequency-period"
                        label="Deployment frequency period"
                        options=periods
                        selected=period
                        on_change=Callback::new(move |key: String| {
                            if let Some(p) = RatePeriod::from_key(&key) {
                                state.edit(|s| s.baseline.deploy_frequency.per = p);
                            }
                        })
                    />
                    <MeasuredBadge metric=Metric::DeployFrequency />
                </NumberField>
                <NumberField
                    id="lead-time"
                    label="Lead time for changes"
                    initial=amount_text(b.lead_time.amount)
                    rule=rule(Metric::LeadTime)
                    hint="First commit to running in production."
                    on_valid=set(|s, v| s.baseline.lead_time.amount = v)
                >
                    <Choice
                        id="lead-time-unit"
                        label="Lead time unit"
                        options=lead_units
                        selected=lead_unit
                        on_change=Callback::new(move |key: String| {
                            if let Some(u) = TimeUnit::from_key(&key) {
                                state.edit(|s| s.baseline.lead_time.unit = u);
                            }
                        })
                    />
                    <MeasuredBadge metric=Metric::LeadTime />
                </NumberField>
                <NumberField
                    id="change-failure-rate"
                    label="Change failure rate"
                    initial=amount_text(b.change_failure_rate)
                    rule=NumberRule::PERCENT
                    hint="Share of deployments that needed a rollback, hotfix or patch."
                    on_valid=set(|s, v| s.baseline.change_failure_rate = v)
                >
                    <span class="field__suffix">"%"</span>
                    <MeasuredBadge metric=Metric::ChangeFailureRate />
                </NumberField>
                <NumberField
                    id="recovery-time"
                    label="Failed deployment recovery time"
                    initial=amount_text(b.recovery_time.amount)
                    rule=rule(Metric::RecoveryTime)
                    hint="Median time to restore service after a failed deployment."
                    on_valid=set(|s, v| s.baseline.recovery_time.amount = v)
                >
                    <Choice
                        id="recovery-time-unit"
                        label="Recovery time unit"
                        options=recovery_units
                        selected=recovery_unit
                        on_change=Callback::new(move |key: String| {
                            if let Some(u) = TimeUnit::from_key(&key) {
                                state.edit(|s| s.baseline.recovery_time.unit = u);
                            }
                        })
                    />
                    <MeasuredBadge metric=Metric::RecoveryTime />
                </NumberField>
                <NumberField
                    id="rework-rate"
                    label="Rework rate"
                    initial=amount_text(b.rework_rate)
                    rule=NumberRule::PERCENT
                    hint="Share of deployments that were unplanned bug fixes."
                    on_valid=set(|s, v| s.baseline.rework_rate = v)
                >
                    <span class="field__suffix">"%"</span>
                    <MeasuredBadge metric=Metric::ReworkRate />
                </NumberField>
            </fieldset>

            <fieldset class="form__group">
                <legend class="form__legend">"Quality and reliability"</legend>
                <NumberField
                    id="code-churn"
                    label="Code churn"
                    optional=true
                    initial=b.code_churn.map(amount_text).unwrap_or_default()
                    rule=NumberRule::PERCENT
                    hint="Lines rewritten or deleted within 21 days of being added."
                    on_valid=set_optional(|s, v| s.baseline.code_churn = v)
                >
                    <span class="field__suffix">"%"</span>
                </NumberField>
                <NumberField
                    id="defect-escape-rate"
                    label="Defect escape rate"
                    optional=true
                    initial=b.defect_escape_rate.map(amount_text).unwrap_or_default()
                    rule=NumberRule::PERCENT
                    hint="Production bugs as a share of all bugs found."
                    on_valid=set_optional(|s, v| s.baseline.defect_escape_rate = v)
                >
                    <span class="field__suffix">"%"</span>
                </NumberField>
                <NumberField
                    id="availability"
                    label="Availability"
                    optional=true
                    initial=b.availability.map(amount_text).unwrap_or_default()
                    rule=NumberRule::PERCENT
                    hint="Share of good time or good requests."
                    on_valid=set_optional(|s, v| s.baseline.availability = v)
                >
                    <span class="field__suffix">"%"</span>
                </NumberField>
            </fieldset>
            <div class="form__actions">
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.replace(Scenario::default())
                >
                    "Start over with example numbers"
                </button>
            </div>
        </form>
    }
}

/// The value of a metric as users read it.
fn describe_value(scenario: &Scenario, metric: Metric) -> String {
    let b = &scenario.baseline;
    match metric {
        Metric::DeployFrequency => {
            let r = b.deploy_frequency;
            let main = format!("{} {}", format_number(r.count, 2), r.per.label());
            if r.per == RatePeriod::Week {
                main
            } else {
                format!("{main} ({} per week)", format_number(r.per_week(), 2))
            }
        }
        Metric::LeadTime => describe_hours(b.lead_time.hours()),
        Metric::RecoveryTime => describe_hours(b.recovery_time.hours()),
        other => b
            .value(other)
            .map_or_else(|| "—".to_string(), |v| format!("{}%", format_number(v, 2))),
    }
}

/// Tier cards, scores and the profile sentence.
#[component]
fn BaselineResults() -> impl IntoView {
    let state = AppState::expect();
    let edition = Signal::derive(move || state.scenario.with(|s| s.edition));
    let tiers = Memo::new(move |_| state.scenario.with(|s| s.baseline.tiers(s.edition)));
    let scores = Memo::new(move |_| state.scenario.with(|s| s.baseline.scores()));
    let sub = Memo::new(move |_| state.scenario.with(|s| s.baseline.sub_scores()));
    let editions: Vec<_> = Edition::ALL
        .iter()
        .map(|e| (edition_key(*e), edition_label(*e)))
        .collect();

    view! {
        <div class="results">
            <div class="results__edition">
                <label class="field__label" for="edition">"DORA report edition"</label>
                <Choice
                    id="edition"
                    label="DORA report edition"
                    options=editions
                    selected=Signal::derive(move || edition_key(edition.get()))
                    on_change=Callback::new(move |key: String| {
                        if let Some(e) = key.parse().ok().and_then(Edition::from_year) {
                            state.edit(|s| s.edition = e);
                        }
                    })
                />
                <p class="results__source">
                    {move || {
                        let e = edition.get();
                        let badge = match e.provenance() {
                            Provenance::Primary => None,
                            Provenance::ElitePrimary => Some("Partly secondary"),
                            Provenance::Secondary => Some("Secondary source"),
                        };
                        view! {
                            {badge.map(|b| view! { <span class="badge badge--caution">{b}</span> " " })}
                            <span>{format!("Classified with the {} edition. ", e.year())}</span>
                            <span>{e.source_note()}</span>
                        }
                    }}
                </p>
            </div>
            <p class="results__profile" aria-live="polite">
                <strong>"Profile: "</strong>
                {move || dora::profile_summary(&tiers.get())}
            </p>
            <ul class="metric-cards">
                {Metric::DORA
                    .into_iter()
                    .map(|metric| {
                        let verdict = Signal::derive(move || {
                            tiers.with(|t| t.iter().find(|(m, _)| *m == metric).and_then(|(_, v)| *v))
                        });
                        let score = Signal::derive(move || {
                            scores.with(|s| s.iter().find(|(m, _)| *m == metric).map(|(_, v)| *v))
                        });
                        view! { <MetricCard metric verdict score edition /> }
                    })
                    .collect_view()}
            </ul>
            <div class="subscores">
                <SubScore
                    title="Throughput"
                    help="Mean of the lead time, deployment frequency and recovery time scores."
                    value=Signal::derive(move || sub.get().throughput)
                />
                <SubScore
                    title="Instability"
                    help="Mean of the change failure rate and rework rate scores; higher means steadier."
                    value=Signal::derive(move || sub.get().instability)
                />
            </div>
            <OtherMetrics />
            <p class="footnote">
                "Scores follow the DORA Quick Check: answer buckets score (code − 1) ÷ 5 × 10, percentages (100 − p) ÷ 10. Peer figures are DORA's 2025 all-industries means (± standard deviation where published); the 2025 peer overall score is "
                {format_number(quick_check::PEER_OVERALL.mean, 1)}
                " ± "
                {format_number(quick_check::PEER_OVERALL.sd.unwrap_or_default(), 1)}
                ". A value between two published ranges takes the lower tier; a range the report gives to several tiers is shown as a span."
            </p>
        </div>
    }
}

fn edition_key(e: Edition) -> &'static str {
    match e {
        Edition::Y2021 => "2021",
        Edition::Y2022 => "2022",
        Edition::Y2023 => "2023",
        Edition::Y2024 => "2024",
    }
}

fn edition_label(e: Edition) -> &'static str {
    match e {
        Edition::Y2021 => "2021 report",
        Edition::Y2022 => "2022 report (no Elite tier; secondary)",
        Edition::Y2023 => "2023 report (partly secondary)",
        Edition::Y2024 => "2024 report (last with tiers; secondary)",
    }
}

/// One metric's card: value, tier and score against peers.
#[component]
fn MetricCard(
    /// The metric shown.
    metric: Metric,
    /// Its tier under the chosen edition, if the edition has tiers for it.
    #[prop(into)]
    verdict: Signal<Option<TierVerdict>>,
    /// Its Quick Check score.
    #[prop(into)]
    score: Signal<Option<f64>>,
    /// The edition classifying it.
    #[prop(into)]
    edition: Signal<Edition>,
) -> impl IntoView {
    let state = AppState::expect();
    let title_id = format!("card-{}", metric.key());
    let labelled_by = title_id.clone();
    let peer = quick_check::peer(metric);
    view! {
        <li class="metric-card" aria-labelledby=labelled_by>
            <h3 class="metric-card__title" id=title_id>{metric.name()}</h3>
            <p class="metric-card__value">{move || state.scenario.with(|s| describe_value(s, metric))}</p>
            <div class="metric-card__tier">
                {move || match verdict.get() {
                    Some(v) => view! { <TierBadge verdict=v /> }.into_any(),
                    None => view! {
                        <span class="tier tier--none">
                            {format!("No tiers in {}", edition.get().year())}
                        </span>
                    }
                    .into_any(),
                }}
            </div>
            <p class="metric-card__range">
                {move || {
                    let v = verdict.get()?;
                    let legend = dora::ranges(edition.get(), metric);
                    let label = v.label();
                    let text = legend.iter().find(|(t, _)| *t == label).map(|(_, r)| *r)?;
                    Some(if v.beyond_range {
                        format!("Worse than the worst published range ({text}).")
                    } else {
                        format!("{label}: {text}.")
                    })
                }}
            </p>
            {peer.map(|peer| view! { <ScoreBar score peer /> })}
        </li>
    }
}

/// A tier named in words and colour.
#[component]
pub(crate) fn TierBadge(
    /// The verdict to show.
    verdict: TierVerdict,
) -> impl IntoView {
    let class = if verdict.is_single() {
        format!("tier tier--{}", verdict.best.key())
    } else {
        "tier tier--shared".to_string()
    };
    let suffix = verdict.beyond_range.then_some(" (beyond range)");
    view! {
        <span class=class>
            <span class="visually-hidden">"Tier: "</span>
            {verdict.label()}
            {suffix}
        </span>
    }
}

/// A 0–10 score with the peer mean and spread marked.
#[component]
fn ScoreBar(
    /// The team's score.
    #[prop(into)]
    score: Signal<Option<f64>>,
    /// The peer figure.
    peer: PeerScore,
) -> impl IntoView {
    let pct = |v: f64| format!("{}%", format_number(v.clamp(0.0, 10.0) * 10.0, 2));
    let spread_left = peer.sd.map(|sd| pct(peer.mean - sd));
    let spread_width = peer.sd.map(|sd| {
        let lo = (peer.mean - sd).clamp(0.0, 10.0);
        let hi = (peer.mean + sd).clamp(0.0, 10.0);
        pct(hi - lo)
    });
    let peer_text = match peer.sd {
        Some(sd) => format!(
            "peers {} ± {}",
            format_number(peer.mean, 1),
            format_number(sd, 1)
        ),
        None => format!("peers {}", format_number(peer.mean, 1)),
    };
    view! {
        <div class="score">
            <p class="score__text">
                {move || {
                    score
                        .get()
                        .map(|s| {
                            format!(
                                "Score {} / 10 · {} ({})",
                                format_number(s, 1),
                                peer_text,
                                quick_check::versus_peer(s, peer),
                            )
                        })
                }}
            </p>
            <div class="score__track" aria-hidden="true">
                {spread_left
                    .zip(spread_width)
                    .map(|(left, width)| {
                        view! {
                            <span
                                class="score__spread"
                                style:left=left
                                style:width=width
                            ></span>
                        }
                    })}
                <span class="score__peer" style:left=pct(peer.mean)></span>
                <span class="score__fill" style:width=move || score.get().map(pct)></span>
            </div>
        </div>
    }
}

/// Throughput or instability sub-score.
#[component]
fn SubScore(
    /// Heading.
    title: &'static str,
    /// One sentence on how it is computed.
    help: &'static str,
    /// The score, 0–10.
    #[prop(into)]
    value: Signal<f64>,
) -> impl IntoView {
    view! {
        <div class="subscore">
            <h3 class="subscore__title">{title}</h3>
            <p class="subscore__value">
                {move || format_number(value.get(), 1)}
                <span class="subscore__unit">" / 10"</span>
            </p>
            <p class="subscore__help">{help}</p>
        </div>
    }
}

/// Churn, defect escape and availability, judged by the seed thresholds.
#[component]
fn OtherMetrics() -> impl IntoView {
    let state = AppState::expect();
    let rows = [
        Metric::CodeChurn,
        Metric::DefectEscapeRate,
        Metric::Availability,
    ];
    view! {
        <table class="other-metrics">
            <caption>"Quality and reliability"</caption>
            <thead>
                <tr>
                    <th scope="col">"Metric"</th>
                    <th scope="col">"Value"</th>
                    <th scope="col">"Assessment"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|metric| {
                        let value = move || state.scenario.with(|s| s.baseline.value(metric));
                        view! {
                            <tr>
                                <th scope="row">{metric.name()}</th>
                                <td>
                                    {move || {
                                        value()
                                            .map_or_else(
                                                || "Not entered".to_string(),
                                                |v| format!("{}%", format_number(v, 3)),
                                            )
                                    }}
                                </td>
                                <td>
                                    {move || match value().and_then(|v| seed_assessment(metric, v)) {
                                        Some((word, rule)) => format!("{word} ({rule})"),
                                        None if metric == Metric::Availability => {
                                            "No tier: compare it with your SLO.".to_string()
                                        }
                                        None => "—".to_string(),
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
