//! Small text helpers for reading data files, where they run once per
//! cell of files with hundreds of thousands of rows.

/// `s` without leading and trailing whitespace, exactly as [`str::trim`]
/// gives it. A cell that starts and ends with a visible ASCII character,
/// as nearly every cell of an export does, is returned without decoding a
/// character: `str::trim` decodes and classifies one at each end, which in
/// a browser cost more than reading the timestamps.
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let visible = |c: u8| (0x21..0x7f).contains(&c);
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if visible(first) && visible(last) => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_the_standard_library_does() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\ta\r\n",
            "a b",
            "\u{a0}x\u{a0}",
            "\u{2003}é",
            "é\u{3000}",
            "x\u{85}",
            "\u{feff}x",
            "\u{b}y\u{c}",
            "~",
            "\u{7f}a\u{7f}",
            "é",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }
}
