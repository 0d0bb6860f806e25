//! The one chart frame: a visible title, the plot's grid, tick labels and
//! axis titles, the marks the caller draws, a legend, and saving as SVG or
//! PNG. Every chart in Flywheel sits in it, so their furniture is drawn
//! once (the shape of leptos-chartistry's axis and tick components fed by
//! pure geometry).
//!
//! Charts are laid out at the width they are shown at: the frame watches
//! its own width and hands callers a [`Frame`] of that width, from which
//! they compute their geometry (`crate::chart`). The drawing is never
//! scaled down, so its text keeps its size on a phone as on a desktop.

use leptos::html::Figure;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chart::{Frame, Tick};
use crate::ui::charts::export::ChartExport;

/// Widths closer than this are laid out alike, so resizing a window does
/// not redraw a chart on every pixel.
const WIDTH_STEP: f64 = 20.0;

/// The frame a chart is laid out in, following the width it is shown at.
#[derive(Clone, Copy)]
pub struct ChartSize {
    frame: RwSignal<Frame>,
}

impl ChartSize {
    /// Starts at `base` (its width is the widest the chart is drawn at
    /// before it is measured).
    pub fn new(base: Frame) -> ChartSize {
        ChartSize {
            frame: RwSignal::new(base),
        }
    }

    /// The frame to compute geometry for.
    pub fn frame(self) -> Signal<Frame> {
        self.frame.into()
    }

    fn follow(self, width: f64) {
        let width = (width / WIDTH_STEP).floor() * WIDTH_STEP;
        if width > 0.0 && self.frame.with_untracked(|f| f.width != width) {
            self.frame.update(|f| *f = f.with_width(width));
        }
    }
}

/// Calls `size.follow` with the element's width whenever it changes, until
/// the component is gone.
fn watch_width(node: NodeRef<Figure>, size: ChartSize) {
    Effect::new(move || {
        let Some(element) = node.get() else {
            return;
        };
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let width = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .map(|e| e.content_rect().width());
            if let Ok(w) = width {
                size.follow(w);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        let keep = SendWrapper::new((observer, callback));
        on_cleanup(move || keep.0.disconnect());
    });
}

/// A chart: title, axes and grid around the caller's marks.
#[component]
pub fn ChartFrame(
    /// Element id prefix; the figure is `{id}-figure`.
    #[prop(into)]
    id: String,
    /// The visible title, also the chart's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// One or two sentences for screen readers: what the chart shows and
    /// where its numbers are in a table.
    #[prop(into)]
    summary: Signal<String>,
    /// The frame the marks were laid out in.
    size: ChartSize,
    /// Labelled positions along the bottom.
    #[prop(into)]
    x_ticks: Signal<Vec<Tick>>,
    /// Labelled positions up the side, with grid lines.
    #[prop(into)]
    y_ticks: Signal<Vec<Tick>>,
    /// What runs along the bottom, with its unit.
    #[prop(into)]
    x_title: Signal<String>,
    /// What runs up the side, with its unit.
    #[prop(into)]
    y_title: Signal<String>,
    /// Keys to the marks, shown under the chart.
    #[prop(optional, into)]
    legend: ViewFn,
    /// File name for "Save as SVG/PNG", without extension; no buttons when
    /// absent.
    #[prop(optional, into)]
    file: Option<Signal<String>>,
    /// The marks, in the frame's coordinates.
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<Figure>::new();
    watch_width(node, size);
    let frame = size.frame();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    let figure_id = format!("{id}-figure");
    let export = file.map(|file| view! { <ChartExport figure_id=figure_id.clone() file /> });
    let x_range = move || frame.with(Frame::x_range);
    let y_range = move || frame.with(Frame::y_range);
    view! {
        <figure class="chart" id=figure_id.clone() node_ref=node>
            <figcaption class="chart__title" id=title_id>
                {move || title.get()}
            </figcaption>
            <svg
                class="chart__svg"
                viewBox=move || frame.with(|f| format!("0 0 {} {}", f.width, f.height))
                width=move || frame.with(|f| f.width)
                height=move || frame.with(|f| f.height)
                role="img"
                aria-labelledby=labelled
            >
                <desc id=desc_id>{move || summary.get()}</desc>
                <g class="chart__grid">
                    {move || {
                        let (x0, x1) = x_range();
                        y_ticks
                            .get()
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <line x1=x0 x2=x1 y1=t.at y2=t.at></line>
                                    <text class="chart__tick" x=x0 - 6.0 y=t.at + 4.0 text-anchor="end">
                                        {t.label}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                </g>
                <g class="chart__x-ticks">
                    {move || {
                        let (y0, _) = y_range();
                        let (x0, x1) = x_range();
                        x_ticks
                            .get()
                            .into_iter()
                            .map(|t| {
                                // Labels at either edge grow inwards so they
                                // stay inside the drawing.
                                let anchor = if t.at <= x0 + 1.0 {
                                    "start"
                                } else if t.at >= x1 - 1.0 {
                                    "end"
                                } else {
                                    "middle"
                                };
                                view! {
                                    <line class="chart__tick-mark" x1=t.at x2=t.at y1=y0 y2=y0 + 4.0></line>
                                    <text class="chart__tick" x=t.at y=y0 + 18.0 text-anchor=anchor>
                                        {t.label}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                </g>
                <line
                    class="chart__axis"
                    x1=move || x_range().0
                    x2=move || x_range().1
                    y1=move || y_range().0
                    y2=move || y_range().0
                ></line>
                <text
                    class="chart__label"
                    x=move || (x_range().0 + x_range().1) / 2.0
                    y=move || frame.with(|f| f.height - 4.0)
                    text-anchor="middle"
                >
                    {move || x_title.get()}
                </text>
                <text
                    class="chart__label"
                    x="14"
                    y=move || (y_range().0 + y_range().1) / 2.0
                    text-anchor="middle"
                    transform=move || format!("rotate(-90 14 {})", (y_range().0 + y_range().1) / 2.0)
                >
                    {move || y_title.get()}
                </text>
                {children()}
            </svg>
            <div class="chart__legend">{legend.run()} {export}</div>
        </figure>
    }
}
