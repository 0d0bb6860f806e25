//! Names the app makes up: a free name beside taken ones ("Payments (2)"),
//! and file names from what a user called things.

/// `text`'s first `n` characters.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// A name not yet `taken`: `base`, or `base (2)`, `base (3)`…, shortened
/// to fit `max_chars`. Tries `tries` names, so with fewer taken names than
/// that one is always free; `None` when all are taken.
pub fn free_name(
    base: &str,
    max_chars: usize,
    tries: usize,
    taken: impl Fn(&str) -> bool,
) -> Option<String> {
    (1..=tries.max(1))
        .map(|n| {
            if n == 1 {
                first_chars(base, max_chars).to_string()
            } else {
                let suffix = format!(" ({n})");
                let room = max_chars.saturating_sub(suffix.chars().count());
                format!("{}{suffix}", first_chars(base, room).trim_end())
            }
        })
        .find(|name| !taken(name))
}

/// Lower-case letters and digits of `text`, other runs as one hyphen, none
/// at either end: "Lead time: P10–P90" → "lead-time-p10-p90".
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// A download's name: "flywheel-", the slug of `name` ("scenario" when it
/// has none), then `suffix` (".json", "-simulation.csv").
pub fn file_name(name: &str, suffix: &str) -> String {
    let slug = slug(name);
    let slug = if slug.is_empty() { "scenario" } else { &slug };
    format!("flywheel-{slug}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_names_count_up_and_fit() {
        let taken = ["Payments", "Payments (2)"];
        assert_eq!(
            free_name("Payments", 80, 10, |n| taken.contains(&n)),
            Some("Payments (3)".to_string())
        );
        assert_eq!(
            free_name("Search", 80, 10, |_| false),
            Some("Search".into())
        );
        let long = "x".repeat(80);
        let second = free_name(&long, 80, 10, |n| n == long).unwrap();
        assert_eq!(second.chars().count(), 80);
        assert!(second.ends_with(" (2)"));
        assert_eq!(free_name("A", 80, 3, |_| true), None);
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_name("Payments API", ".json"),
            "flywheel-payments-api.json"
        );
        assert_eq!(file_name("  ", ".json"), "flywheel-scenario.json");
        assert_eq!(
            file_name("Ops — Zürich 🚀", ".csv"),
            "flywheel-ops-zürich.csv"
        );
        assert_eq!(
            slug("Lead time: P10–P90 of Kaizen"),
            "lead-time-p10-p90-of-kaizen"
        );
        assert_eq!(slug("../etc/passwd"), "etc-passwd");
    }
}
