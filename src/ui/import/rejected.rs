//! Every row or record left out because it could not be read, with its
//! file, its line (or record number) and the reason; the other rows are
//! still used.

use leptos::prelude::*;

use super::state::Import;
use crate::model::units::format_number;
use crate::ui::table::Table;

/// Rows listed on screen (the count always covers all of them).
const SHOWN: usize = 200;

/// The rows left out, and how many rows there were in all.
#[derive(Clone, PartialEq, Default)]
struct Left {
    /// File, position in words, reason: the first [`SHOWN`].
    rows: Vec<(String, String, String)>,
    count: usize,
    total: usize,
}

/// The rows left out, once any are.
#[component]
pub fn RejectedRows(
    /// The panel's state.
    import: Import,
) -> impl IntoView {
    let left = Memo::new(move |_| {
        import.parsed.with(|p| {
            let mut left = Left::default();
            for f in &p.files {
                left.total += f.rows;
                left.count += f.rejected.len();
                let room = SHOWN.saturating_sub(left.rows.len());
                left.rows.extend(
                    f.rejected
                        .iter()
                        .take(room)
                        .map(|r| (f.name.clone(), r.position.words(), r.reason.clone())),
                );
            }
            left
        })
    });
    move || {
        left.with(|l| {
            (l.count > 0).then(|| {
                let more = l.count.saturating_sub(l.rows.len());
                let rows = l
                    .rows
                    .iter()
                    .map(|(file, at, reason)| {
                        view! {
                            <tr>
                                <td>{file.clone()}</td>
                                <td>{at.clone()}</td>
                                <td>{reason.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="rejected">
                        <h3 class="rejected__title">
                            {format!(
                                "{} of {} rows left out",
                                format_number(l.count as f64, 0),
                                format_number(l.total as f64, 0)
                            )}
                        </h3>
                        <p class="rejected__note">"The other rows were imported."</p>
                        <Table
                            class="rejected__table"
                            caption="Rows left out, with their line numbers"
                            columns=&["File", "Line or record", "Reason"]
                        >
                            {rows}
                        </Table>
                        {(more > 0).then(|| view! { <p>{format!("… and {more} more.")}</p> })}
                    </div>
                }
            })
        })
    }
}
