//! Moving a scenario in and out of the browser: the header's Share panel,
//! opening a link found in the address, and scenario files.

mod file;
mod opener;
mod panel;

pub use file::ScenarioFile;
pub use opener::LinkOpener;
pub use panel::ShareLink;

/// Kept here until Compare and the Workshop take it from
/// [`crate::ui::link`], where it now lives.
pub(crate) use crate::ui::link::open_link;
