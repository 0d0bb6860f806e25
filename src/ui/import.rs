//! "Import from data" on the Baseline screen: paste or drop CSV exports of
//! deployments and incidents, map their columns, choose the window and time
//! zone, see the measured baseline with its distributions, and apply it.
//! Everything is computed in the browser by `model::import`; nothing is
//! uploaded. The panel is its own WebAssembly chunk (see `ui::baseline`),
//! fetched the first time it is opened.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::histogram;
use crate::model::import::{
    self, compute, decode, read, stats::Summary, DeployColumns, ImportError, IncidentColumns,
    Report, Window, WindowChoice, DEPLOY_FIELDS, INCIDENT_FIELDS, MAX_INPUT_BYTES,
};
use crate::model::units::{describe_hours, format_number};
use crate::model::Metric;
use crate::ui::charts::bars::BarChart;
use crate::ui::runs::now_ms;
use crate::ui::state::AppState;

/// The shipped sample exports ("Try with sample data"), documented in the
/// README.
pub const SAMPLE_DEPLOYMENTS: &str = include_str!("../../examples/deployments.csv");
/// Incidents that go with [`SAMPLE_DEPLOYMENTS`].
pub const SAMPLE_INCIDENTS: &str = include_str!("../../examples/incidents.csv");

/// Rows shown in the mapping preview.
const PREVIEW_ROWS: usize = 5;
/// Rejected rows listed on screen (the count always covers all of them).
const REJECTED_SHOWN: usize = 200;

/// Text read from a paste or a file.
#[derive(Clone)]
struct Source {
    /// "pasted text", a file name, or "sample".
    name: String,
    text: Arc<str>,
}

impl Source {
    fn new(name: impl Into<String>, text: &str) -> Self {
        Source {
            name: name.into(),
            text: Arc::from(text),
        }
    }
}

/// A field's name and the header names recognised for it.
type Fields = &'static [(&'static str, &'static [&'static str])];

/// One CSV input: its text, where it came from, any read error, and the
/// columns the user picked for it.
#[derive(Clone, Copy)]
struct Input {
    /// The model's field list for this file.
    fields: Fields,
    source: RwSignal<Option<Source>>,
    pasted: RwSignal<String>,
    error: RwSignal<Option<String>>,
    /// One column per field, once the user changes the suggested mapping.
    chosen: RwSignal<Option<Vec<Option<String>>>>,
}

impl Input {
    fn new(fields: Fields) -> Self {
        Input {
            fields,
            source: RwSignal::new(None),
            pasted: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            chosen: RwSignal::new(None),
        }
    }

    /// Takes in new text (or none). A mapping picked for the old text does
    /// not carry over: the new header may differ.
    fn load(&self, source: Option<Source>) {
        self.source.set(source);
        self.chosen.set(None);
    }

    /// The column of each field: the user's pick, or what the header
    /// suggests.
    fn columns(&self) -> Memo<Vec<Option<String>>> {
        let input = *self;
        Memo::new(move |_| {
            if let Some(chosen) = input.chosen.get() {
                return chosen;
            }
            let headers = input.source.with(|s| {
                s.as_ref()
                    .and_then(|s| import::csv::parse_head(&s.text, 0))
                    .map(|t| t.headers)
                    .unwrap_or_default()
            });
            input
                .fields
                .iter()
                .map(|(_, names)| import::guess_column(&headers, names))
                .collect()
        })
    }
}

fn deploy_columns(columns: &[Option<String>]) -> DeployColumns {
    let mut c = DeployColumns::default();
    for (i, column) in columns.iter().enumerate() {
        c.set(i, column.clone());
    }
    c
}

fn incident_columns(columns: &[Option<String>]) -> IncidentColumns {
    let mut c = IncidentColumns::default();
    for (i, column) in columns.iter().enumerate() {
        c.set(i, column.clone());
    }
    c
}

/// Offsets offered for per-day counting, in minutes east of UTC: every
/// whole hour from −12 to +14 and the half- and quarter-hour zones in use.
const ZONES: [i32; 35] = [
    -720, -660, -600, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180,
    210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 540, 570, 600, 630, 660, 720, 780, 840,
];

fn zone_label(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".to_string();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    let m = minutes.abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The import panel.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let deploys = Input::new(&DEPLOY_FIELDS);
    let incidents = Input::new(&INCIDENT_FIELDS);
    let zone_min = RwSignal::new(0i32);
    let window_kind = RwSignal::new("90".to_string());
    let range_from = RwSignal::new(String::new());
    let range_to = RwSignal::new(String::new());
    let applied = RwSignal::new(None::<String>);

    let deploy_cols = deploys.columns();
    let incident_cols = incidents.columns();

    let zone = move || crate::model::date::timestamp::offset(zone_min.get());
    let loaded = Memo::new(move |_| {
        let d = deploys.source.get()?;
        let i = incidents.source.get();
        let t0 = now_ms();
        let result = read(
            &d.text,
            &deploy_cols.with(|c| deploy_columns(c)),
            i.as_ref().map_or("", |s| &s.text),
            &incident_cols.with(|c| incident_columns(c)),
            zone(),
        );
        Some((result, now_ms() - t0))
    });
    let report = Memo::new(move |_| {
        let choice = match window_kind.get().as_str() {
            "range" => {
                let from = crate::model::date::parse_date_strict(&range_from.get());
                let to = crate::model::date::parse_date_strict(&range_to.get());
                match (from, to) {
                    (Some(a), Some(b)) if a <= b => Some(WindowChoice::Range(a, b)),
                    _ => None,
                }
            }
            n => Some(WindowChoice::LastDays(n.parse().unwrap_or(90))),
        };
        let zone = zone();
        loaded.with(|l| {
            let (result, read_ms) = l.as_ref()?;
            let data = match result {
                Ok(d) => d,
                Err(e) => return Some((Err(e.clone()), *read_ms)),
            };
            let t0 = now_ms();
            let r = choice
                .zip(data.last_date(zone))
                .and_then(|(c, end)| Window::resolve(c, end, zone))
                .ok_or_else(|| {
                    ImportError(
                        "Choose a start and an end date, the start on or before the end."
                            .to_string(),
                    )
                })
                .and_then(|w| compute(data, w, zone));
            Some((r, read_ms + now_ms() - t0))
        })
    });

    let try_sample = move |_| {
        deploys.pasted.set(String::new());
        incidents.pasted.set(String::new());
        deploys.error.set(None);
        incidents.error.set(None);
        deploys.load(Some(Source::new(
            "sample deployments.csv",
            SAMPLE_DEPLOYMENTS,
        )));
        incidents.load(Some(Source::new("sample incidents.csv", SAMPLE_INCIDENTS)));
        applied.set(None);
    };

    let apply = move |_| {
        let mut scenario = state.scenario.get_untracked();
        // The whole file's months, not only the window's: the History
        // screen's trend.
        let trend = loaded.with_untracked(|l| match l {
            Some((Ok(data), _)) => crate::model::trend::from_data(data, zone()).ok(),
            _ => None,
        });
        let done = report.with_untracked(|r| match r {
            Some((Ok(report), _)) => {
                let m = report.apply(&mut scenario.baseline);
                let months = trend.as_ref().map_or(0, |t| t.trend.rows().len());
                scenario.history.trend = trend.map(|t| t.trend);
                // Metric names are ASCII: `to_lowercase` would bring
                // Unicode's case tables (7 KB) into the chunk.
                let names: Vec<_> = m.applied.iter().map(|m| m.name().to_ascii_lowercase()).collect();
                scenario.measured = Some(m);
                let history = if months > 0 {
                    format!(
                        " The data's monthly trend ({months} month{}) is on the History screen.",
                        if months == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                Some(format!(
                    "Applied to the baseline: {}. The fields are marked \u{201c}measured from data\u{201d}.{history}",
                    names.join(", ")
                ))
            }
            _ => None,
        });
        if let Some(text) = done {
            state.replace(scenario);
            applied.set(Some(text));
        }
    };

    view! {
        <div class="import__body">
            <div class="import__actions">
                <button type="button" class="button" on:click=try_sample>
                    "Try with sample data"
                </button>
            </div>
            <div class="import__sources">
                <SourceInput
                    input=deploys
                    id="import-deployments"
                    title="Deployments CSV"
                    hint="One row per production deployment. Default columns: id, deployed_at, first_commit_at, failed, rework."
                />
                <SourceInput
                    input=incidents
                    id="import-incidents"
                    title="Incidents CSV (optional)"
                    hint="Default columns: id, started_at, resolved_at, deployment_id."
                />
            </div>
            <Mapping input=deploys columns=deploy_cols title="Deployment columns" prefix="map-deploy" />
            <Mapping input=incidents columns=incident_cols title="Incident columns" prefix="map-incident" />
            <div class="import__options">
                <div class="field">
                    <label class="field__label" for="import-window">"Window"</label>
                    <select
                        id="import-window"
                        class="field__select"
                        on:change=move |ev| window_kind.set(event_target_value(&ev))
                    >
                        {[("30", "Last 30 days"), ("90", "Last 90 days"), ("180", "Last 180 days"), ("range", "Date range")]
                            .into_iter()
                            .map(|(k, t)| {
                                view! {
                                    <option value=k selected=move || window_kind.get() == k>
                                        {t}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="field__hint">"Counted back from the day of the latest deployment in the file."</p>
                </div>
                {move || {
                    (window_kind.get() == "range")
                        .then(|| {
                            view! {
                                <div class="field">
                                    <label class="field__label" for="import-from">"From"</label>
                                    <input
                                        id="import-from"
                                        class="field__input"
                                        type="date"
                                        prop:value=move || range_from.get()
                                        on:input=move |ev| range_from.set(event_target_value(&ev))
                                    />
                                </div>
                                <div class="field">
                                    <label class="field__label" for="import-to">"To"</label>
                                    <input
                                        id="import-to"
                                        class="field__input"
                                        type="date"
                                        prop:value=move || range_to.get()
                                        on:input=move |ev| range_to.set(event_target_value(&ev))
                                    />
                                </div>
                            }
                        })
                }}
                <div class="field">
                    <label class="field__label" for="import-zone">"Time zone for per-day counting"</label>
                    <select
                        id="import-zone"
                        class="field__select"
                        on:change=move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse() {
                                zone_min.set(m);
                            }
                        }
                    >
                        {ZONES
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.to_string() selected=move || zone_min.get() == m>
                                        {zone_label(m)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="field__hint">
                        "A fixed offset: timestamps without an offset are read in it, and days and weeks are counted in it. Daylight-saving changes are not applied; timestamps with offsets (or UTC) are always exact."
                    </p>
                </div>
            </div>
            <div class="import__result" aria-live="polite">
                {move || {
                    report
                        .with(|r| match r {
                            None => {
                                view! {
                                    <p class="import__empty">
                                        "Paste or choose a deployments file, or try the sample data, to see a measured baseline."
                                    </p>
                                }
                                    .into_any()
                            }
                            Some((Err(e), _)) => {
                                view! { <p class="import__error" role="alert">{e.0.clone()}</p> }.into_any()
                            }
                            Some((Ok(r), ms)) => view! { <MeasuredBaseline report=r.clone() ms=*ms /> }.into_any(),
                        })
                }}
                {move || {
                    loaded
                        .with(|l| match l {
                            Some((Ok(d), _)) if !d.rejected.is_empty() => {
                                Some(view! { <RejectedRows rows=d.rejected.clone() total=d.deploy_rows + d.incident_rows /> })
                            }
                            _ => None,
                        })
                }}
            </div>
            <div class="import__apply">
                <button
                    type="button"
                    class="button"
                    disabled=move || !report.with(|r| matches!(r, Some((Ok(_), _))))
                    on:click=apply
                >
                    "Apply to baseline"
                </button>
                <p class="import__applied" role="status">{move || applied.get()}</p>
            </div>
        </div>
    }
}

/// A paste box, a file picker and a drop zone for one CSV.
#[component]
fn SourceInput(
    /// Where the text goes.
    input: Input,
    /// Element id prefix.
    id: &'static str,
    /// Visible label of the paste box.
    title: &'static str,
    /// The expected columns.
    hint: &'static str,
) -> impl IntoView {
    let file_id = format!("{id}-file");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = format!("{hint_id} {error_id}");
    let file_label = if title.starts_with("Deployments") {
        "Choose deployments file"
    } else {
        "Choose incidents file"
    };
    let take_file = move |file: web_sys::File| {
        input.pasted.set(String::new());
        let size = file.size() as usize;
        if size > MAX_INPUT_BYTES {
            input.load(None);
            input
                .error
                .set(Some(import::InputError::TooLarge(size).message()));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let result = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = result else {
                input.error.set(Some("The file could not be read.".into()));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            match decode(&bytes) {
                Ok(text) => {
                    input.error.set(None);
                    input.load(Some(Source::new(name, text)));
                }
                Err(e) => {
                    input.load(None);
                    input.error.set(Some(e.message()));
                }
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = target.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        target.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let status = move || {
        input.source.with(|s| {
            s.as_ref().map(|s| {
                let lines = s.text.lines().filter(|l| !l.trim().is_empty()).count();
                format!(
                    "Using {}: {} data rows.",
                    s.name,
                    format_number(lines.saturating_sub(1) as f64, 0)
                )
            })
        })
    };
    view! {
        <div
            class="import-source"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <label class="field__label" for=id>{title}</label>
            <textarea
                id=id
                class="import-source__text"
                rows="5"
                spellcheck="false"
                placeholder="Paste CSV here, or drop a .csv file on this box"
                aria-describedby=described
                aria-invalid=move || input.error.with(Option::is_some).then_some("true")
                prop:value=move || input.pasted.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    input.error.set(None);
                    if text.trim().is_empty() {
                        input.load(None);
                    } else if text.len() > MAX_INPUT_BYTES {
                        input.error.set(Some(import::InputError::TooLarge(text.len()).message()));
                    } else if text.contains('\0') {
                        input.error.set(Some(import::InputError::Binary.message()));
                    } else {
                        input.load(Some(Source::new("pasted text", &text)));
                    }
                    input.pasted.set(text);
                }
            ></textarea>
            <div class="import-source__file">
                // The picker comes first so its focus ring can be drawn on
                // the label that stands in for it.
                <input
                    id=file_id.clone()
                    class="import-source__picker"
                    type="file"
                    accept=".csv,text/csv,text/plain"
                    on:change=on_file
                />
                <label class="button button--quiet" for=file_id>{file_label}</label>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| {
                        input.load(None);
                        input.pasted.set(String::new());
                        input.error.set(None);
                    }
                >
                    {format!("Clear {}", if title.starts_with("Deployments") { "deployments" } else { "incidents" })}
                </button>
            </div>
            <p class="field__hint" id=hint_id>{hint}</p>
            <p class="import-source__status">{status}</p>
            <p class="field__error" id=error_id role="alert">{move || input.error.get()}</p>
        </div>
    }
}

/// The column-mapping step, once there is a file: a picker per field and
/// the first rows.
#[component]
fn Mapping(
    /// The file mapped.
    input: Input,
    /// The column of each field.
    columns: Memo<Vec<Option<String>>>,
    /// Heading.
    title: &'static str,
    /// Element id prefix.
    prefix: &'static str,
) -> impl IntoView {
    let shown = Memo::new(move |_| input.source.with(Option::is_some));
    let preview = Memo::new(move |_| {
        input.source.with(|s| {
            s.as_ref()
                .and_then(|s| import::csv::parse_head(&s.text, PREVIEW_ROWS))
                .map(|t| {
                    let rows: Vec<Vec<String>> = t
                        .records
                        .iter()
                        .map(|r| r.fields.iter().map(|f| f.to_string()).collect())
                        .collect();
                    (t.headers, rows)
                })
        })
    });
    let headers = move || preview.with(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default());
    let column = move |i: usize| columns.with(|c| c.get(i).cloned().flatten());
    let pick = move |i: usize, column: Option<String>| {
        let mut chosen = columns.get_untracked();
        if let Some(slot) = chosen.get_mut(i) {
            *slot = column;
            input.chosen.set(Some(chosen));
        }
    };
    move || {
        shown.get().then(|| {
            view! {
                <details class="import-mapping" open>
                    <summary class="import-mapping__title">{title}</summary>
                    <div class="import-mapping__pickers">
                        {input
                            .fields
                            .iter()
                            .enumerate()
                            .map(|(i, (field, _))| {
                                let id = format!("{prefix}-{field}");
                                let label = format!("Column for {field}");
                                view! {
                                    <div class="field">
                                        <label class="field__label" for=id.clone()>{label}</label>
                                        <select
                                            id=id
                                            class="field__select"
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                pick(i, (!v.is_empty()).then_some(v));
                                            }
                                        >
                                            <option value="" selected=move || column(i).is_none()>
                                                "(not in the file)"
                                            </option>
                                            {move || {
                                                headers()
                                                    .into_iter()
                                                    .map(|h| {
                                                        let selected = {
                                                            let h = h.clone();
                                                            move || column(i).as_deref() == Some(h.as_str())
                                                        };
                                                        view! {
                                                            <option value=h.clone() selected=selected>
                                                                {h.clone()}
                                                            </option>
                                                        }
                                                    })
                                                    .collect_view()
                                            }}
                                        </select>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                    <div class="table-scroll">
                        <table class="import-preview">
                            <caption>{format!("{title}: first rows")}</caption>
                            <thead>
                                <tr>
                                    {move || {
                                        headers()
                                            .into_iter()
                                            .map(|h| view! { <th scope="col">{h}</th> })
                                            .collect_view()
                                    }}
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    preview
                                        .with(|p| p.as_ref().map(|p| p.1.clone()).unwrap_or_default())
                                        .into_iter()
                                        .map(|row| {
                                            view! {
                                                <tr>
                                                    {row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                </details>
            }
        })
    }
}

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

/// The measured baseline: figures, charts and their tables.
#[component]
fn MeasuredBaseline(
    /// The computed report.
    report: Report,
    /// Milliseconds taken to read and compute.
    ms: f64,
) -> impl IntoView {
    let r = report;
    let (lead_value, lead_detail) = distribution(r.lead, "lead times (no first-commit column)");
    let (rec_value, rec_detail) = distribution(r.recovery, "incidents in the window");
    let mut cfr_detail = format!("{} of {} deployments failed", r.failed, r.deployments);
    if r.failed_without_incident > 0 {
        cfr_detail.push_str(&format!(
            "; {} flagged failed without an incident",
            r.failed_without_incident
        ));
    }
    if r.duplicate_incidents > 0 {
        cfr_detail.push_str(&format!(
            "; {} duplicate incident{} of the same deployment counted once",
            r.duplicate_incidents,
            if r.duplicate_incidents == 1 { "" } else { "s" }
        ));
    }
    if r.unknown_links > 0 {
        cfr_detail.push_str(&format!(
            "; {} incident{} linked to a deployment not in the file",
            r.unknown_links,
            if r.unknown_links == 1 { "" } else { "s" }
        ));
    }
    cfr_detail.push('.');
    let four_keys = r.four_keys.map_or_else(
        || "Four Keys needs a window of at least 7 days.".to_string(),
        |f| format!("Four Keys: {}.", f.label()),
    );
    let rows: Vec<(String, String, String)> = vec![
        (
            "Deployments".into(),
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
            cfr_detail,
        ),
        (Metric::RecoveryTime.name().into(), rec_value, rec_detail),
        (
            Metric::ReworkRate.name().into(),
            percent(r.rework_rate),
            format!("{} of {} deployments were rework.", r.rework, r.deployments),
        ),
    ];
    let weeks: Vec<(String, u32)> = r
        .weeks
        .iter()
        .map(|w| (crate::model::date::format_day_month(w.start), w.deploys))
        .collect();
    view! {
        <div class="measured">
            <table class="measured__table">
                <caption>"Measured baseline"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Metric"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col">"Detail"</th>
                    </tr>
                </thead>
                <tbody>
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
                </tbody>
            </table>
            <p class="import__timing">
                {format!("Read and computed in {} ms, in this browser.", format_number(ms, 0))}
            </p>
            <div class="measured__charts">
                {duration_chart("lead-chart", "Lead times", &r.lead_hours, "Deployments")}
                {duration_chart("recovery-chart", "Recovery times", &r.recovery_hours, "Recoveries")}
                <BarChart
                    id="weekly-chart"
                    title="Deploys per week".to_string()
                    x_title="Week starting".to_string()
                    y_title="Deploys".to_string()
                    counts=weeks
                />
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
    Some(view! {
        <BarChart
            id=id
            title=title.to_string()
            x_title=format!("{title} ({unit})")
            y_title=y_title.to_string()
            counts=counts
        />
    })
}

/// Every row left out, with its line and reason.
#[component]
fn RejectedRows(
    /// The rejected rows.
    rows: Vec<import::Rejected>,
    /// Rows read in both files.
    total: usize,
) -> impl IntoView {
    let n = rows.len();
    let more = n.saturating_sub(REJECTED_SHOWN);
    view! {
        <div class="rejected">
            <h3 class="rejected__title">
                {format!(
                    "{} of {} rows left out",
                    format_number(n as f64, 0),
                    format_number(total as f64, 0)
                )}
            </h3>
            <p class="rejected__note">"The other rows were imported."</p>
            <div class="table-scroll">
                <table class="rejected__table">
                    <caption>"Rows left out, with their line numbers"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"File"</th>
                            <th scope="col">"Line"</th>
                            <th scope="col">"Reason"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .take(REJECTED_SHOWN)
                            .map(|r| {
                                view! {
                                    <tr>
                                        <td>{r.file.label()}</td>
                                        <td>{r.line}</td>
                                        <td>{r.reason}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p>{format!("… and {more} more.")}</p> })}
        </div>
    }
}
