//! Writing YAML: double-quoted scalars for anything a user typed, literal
//! blocks for multi-line expressions, and the indentation between.

use std::fmt::Write;

/// Whether YAML can carry `c` unescaped in a double-quoted scalar: the
/// printable set of YAML 1.2 (§5.1), less the characters YAML 1.1 readers
/// take for line breaks (U+0085, U+2028, U+2029) and the byte-order mark.
fn printable(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7e}'
        | '\u{a0}'..='\u{2027}'
        | '\u{202a}'..='\u{d7ff}'
        | '\u{e000}'..='\u{fefe}'
        | '\u{ff00}'..='\u{fffd}'
        | '\u{10000}'..='\u{10ffff}')
}

/// `text` as a YAML double-quoted scalar that reads back exactly: `"` and
/// `\` escaped, control and non-printable characters as `\uXXXX`
/// (`\UXXXXXXXX` above the basic plane).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if printable(c) => out.push(c),
            c if u32::from(c) <= 0xffff => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// A YAML document under construction, line by line.
#[derive(Default)]
pub struct Doc {
    text: String,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    /// One line at `indent` levels of two spaces.
    pub fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..if text.is_empty() { 0 } else { indent } {
            self.text.push_str("  ");
        }
        self.text.push_str(text);
        self.text.push('\n');
    }

    /// `key: "value"`, the value quoted.
    pub fn pair(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {}", quoted(value)));
    }

    /// `key: |` and `lines` as a literal block one level deeper. Lines must
    /// hold no line break or control character other than a tab; an
    /// indentation indicator is added when the first line starts with a
    /// space, as YAML requires.
    pub fn block(&mut self, indent: usize, key: &str, lines: &[String]) {
        let indicator = if lines.first().is_some_and(|l| l.starts_with(' ')) {
            "2"
        } else {
            ""
        };
        self.line(indent, &format!("{key}: |{indicator}"));
        for l in lines {
            self.line(indent + 1, l);
        }
    }

    /// The document's text.
    pub fn finish(self) -> String {
        self.text
    }
}
