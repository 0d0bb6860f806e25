//! Hash-based navigation: the screen lives in the URL fragment (`#/baseline`)
//! so the built site works from any sub-path of any static host, and a reload
//! or a pasted link lands on the same screen.

/// A top-level screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Baseline,
    Goals,
    Simulate,
    Budget,
    Report,
    Compare,
    Teams,
    Workshop,
}

impl Screen {
    /// Screens shown in the navigation, in order.
    pub const ALL: [Screen; 8] = [
        Screen::Baseline,
        Screen::Goals,
        Screen::Simulate,
        Screen::Budget,
        Screen::Report,
        Screen::Compare,
        Screen::Teams,
        Screen::Workshop,
    ];

    /// The fragment path, without the `#`.
    pub fn path(self) -> &'static str {
        match self {
            Screen::Baseline => "/baseline",
            Screen::Goals => "/goals",
            Screen::Simulate => "/simulate",
            Screen::Budget => "/budget",
            Screen::Report => "/report",
            Screen::Compare => "/compare",
            Screen::Teams => "/teams",
            Screen::Workshop => "/workshop",
        }
    }

    /// The navigation label.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Baseline => "Baseline",
            Screen::Goals => "Goals",
            Screen::Simulate => "Simulate",
            Screen::Budget => "Error budget",
            Screen::Report => "Report",
            Screen::Compare => "Compare",
            Screen::Teams => "Teams",
            Screen::Workshop => "Workshop",
        }
    }

    /// The screen a fragment names; unknown fragments land on Baseline.
    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#');
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        Screen::ALL
            .into_iter()
            .find(|s| s.path() == path)
            .unwrap_or(Screen::Baseline)
    }
}

/// The share-link payload a fragment carries (`#/goals?s=1.…`), if any.
pub fn link_payload(hash: &str) -> Option<&str> {
    hash.split_once("?s=").map(|(_, payload)| payload)
}

/// The fragment of a share link to `screen` carrying `payload`.
pub fn link_hash(screen: Screen, payload: &str) -> String {
    format!("#{}?s={payload}", screen.path())
}

/// Shows `screen`, as following a link to it would (a history entry, so
/// Back returns).
pub fn go(screen: Screen) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(screen.path());
    }
}

/// The current URL fragment, including its `#`.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
