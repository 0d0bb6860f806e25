//! The panel's state: the files held and the records read from them, the
//! user's picks, window and time zone — and what is derived from them,
//! each a memo: the choices with their counts, the selection, the analysis
//! (ties, joins, merges) and the measured figures over the window.
//! Nothing here touches the scenario until the user applies.

use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate};
use leptos::prelude::*;

use super::files::{Entry, Parsed, Status};
use crate::model::date::timestamp;
use crate::model::import::exports::{Analysis, Choices, DoraFigures, Picks, Selection};
use crate::model::import::{ImportError, Report, Window, WindowChoice};
use crate::ui::runs::now_ms;

/// A value and the milliseconds it took to compute in this browser.
#[derive(Clone, Debug)]
pub struct Timed<T> {
    pub value: T,
    pub ms: f64,
}

/// The figures over the window: the measured baseline, or GitLab's own
/// aggregated figures when the files hold no deployments.
#[derive(Clone, Debug)]
pub struct Figures {
    pub report: Result<Report, ImportError>,
    pub dora: Option<DoraFigures>,
    pub window: Option<Window>,
    /// The data's own span, offered when the window reaches past it.
    pub span: Option<WindowChoice>,
}

impl Figures {
    /// Whether there is something to apply.
    pub fn applicable(&self) -> bool {
        self.report.is_ok() || self.dora.is_some()
    }
}

/// Everything the panel holds, as signals and memos (all `Copy`).
#[derive(Clone, Copy)]
pub struct Import {
    pub entries: RwSignal<Vec<Entry>>,
    pub parsed: RwSignal<Parsed>,
    pub picks: RwSignal<Picks>,
    /// Minutes east of UTC.
    pub zone_minutes: RwSignal<i32>,
    pub window: RwSignal<WindowChoice>,
    /// What the last Apply did, in words.
    pub applied: RwSignal<Option<String>>,
    /// The paste box's text, and the entry it edits.
    pub pasted: RwSignal<String>,
    pub paste_entry: RwSignal<Option<u32>>,
    pub next_id: StoredValue<u32>,
    pub pastes: StoredValue<u32>,
    pub choices: Memo<Choices>,
    pub selection: Memo<Selection>,
    pub analysis: Memo<Timed<Analysis>>,
    pub figures: Memo<Option<Timed<Figures>>>,
}

/// Heavy values are never compared: any change of their inputs is a
/// change (comparing 50,000 deployments would cost what building them
/// does).
fn always<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

impl Import {
    /// The state, with its memos, owned by the calling component.
    pub fn new() -> Import {
        let entries = RwSignal::new(Vec::new());
        let parsed = RwSignal::new(Parsed::default());
        let picks = RwSignal::new(Picks::default());
        let zone_minutes = RwSignal::new(0);
        let window = RwSignal::new(WindowChoice::DEFAULT);
        let choices = Memo::new(move |_| parsed.with(|p| Choices::of(&p.files)));
        let selection = Memo::new(move |_| picks.with(|p| choices.with(|c| c.select(p))));
        let analysis = Memo::new_with_compare(
            move |_| {
                let zone = timestamp::offset(zone_minutes.get());
                let t0 = now_ms();
                let value = selection.with(|s| parsed.with(|p| Analysis::build(&p.files, s, zone)));
                Timed {
                    value,
                    ms: now_ms() - t0,
                }
            },
            always::<Timed<Analysis>>,
        );
        let figures = Memo::new_with_compare(
            move |_| {
                if parsed.with(Parsed::is_empty) {
                    return None;
                }
                let zone = timestamp::offset(zone_minutes.get());
                let choice = window.get();
                analysis.with(|a| {
                    let t0 = now_ms();
                    let value = figures_of(&a.value, choice, zone);
                    Some(Timed {
                        value,
                        ms: a.ms + now_ms() - t0,
                    })
                })
            },
            always::<Option<Timed<Figures>>>,
        );
        Import {
            entries,
            parsed,
            picks,
            zone_minutes,
            window,
            applied: RwSignal::new(None),
            pasted: RwSignal::new(String::new()),
            paste_entry: RwSignal::new(None),
            next_id: StoredValue::new(0),
            pastes: StoredValue::new(0),
            choices,
            selection,
            analysis,
            figures,
        }
    }

    /// A new entry's id.
    pub fn take_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Changes one entry, if it is still held.
    pub fn edit(&self, id: u32, f: impl FnOnce(&mut Entry)) {
        self.entries.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.id == id) {
                f(e);
            }
        });
    }

    /// Removes a file and its records.
    pub fn remove(&self, id: u32) {
        self.entries.update(|list| list.retain(|e| e.id != id));
        self.parsed.update(|p| p.remove(id));
        if self.paste_entry.get_untracked() == Some(id) {
            self.paste_entry.set(None);
            self.pasted.set(String::new());
        }
    }

    /// Removes every file, the picks and the window: a fresh start.
    pub fn clear(&self) {
        self.entries.set(Vec::new());
        self.parsed.set(Parsed::default());
        self.picks.set(Picks::default());
        self.window.set(WindowChoice::DEFAULT);
        self.paste_entry.set(None);
        self.pasted.set(String::new());
        self.applied.set(None);
    }

    /// Milliseconds the files held took to read.
    pub fn read_ms(&self) -> f64 {
        self.entries.with(|list| {
            list.iter()
                .map(|e| match &e.status {
                    Status::Read(r) => r.ms,
                    _ => 0.0,
                })
                .sum()
        })
    }

    /// The bytes and version of an entry, to read it again.
    pub fn bytes(&self, id: u32) -> Option<(Arc<Vec<u8>>, u32)> {
        self.entries.with_untracked(|list| {
            list.iter()
                .find(|e| e.id == id)
                .and_then(|e| e.bytes.clone().map(|b| (b, e.version)))
        })
    }
}

/// The figures of `a` over the window `choice` names: the measured
/// baseline, GitLab's aggregated figures, or why there are none.
pub fn figures_of(a: &Analysis, choice: WindowChoice, zone: FixedOffset) -> Figures {
    let span = a.dataset().span_choice(zone);
    let Some(end) = a.last_date() else {
        return Figures {
            report: Err(ImportError(
                "The files hold no dated records yet: add a deployments file, or answer the questions above.".into(),
            )),
            dora: None,
            window: None,
            span,
        };
    };
    let Some(window) = Window::resolve(choice, end, zone) else {
        return Figures {
            report: Err(ImportError(
                "Choose a start and an end date, the start on or before the end.".to_string(),
            )),
            dora: None,
            window: None,
            span,
        };
    };
    Figures {
        report: a.report(window),
        dora: a.dora_figures(window),
        window: Some(window),
        span,
    }
}

/// The dates a range starts with when it is first chosen: the data's own
/// span, else the window shown.
pub fn range_start(figures: Option<&Figures>) -> Option<(NaiveDate, NaiveDate)> {
    let f = figures?;
    match f.span {
        Some(WindowChoice::Range(a, b)) => Some((a, b)),
        _ => f.window.map(|w| (w.first_day, w.last_day)),
    }
}
