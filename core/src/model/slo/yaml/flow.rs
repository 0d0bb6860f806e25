//! Scalar and flow syntax: one-line flow collections (`[a, "b"]`,
//! `{key: value}`, `[]`, `{}`), the escapes of double-quoted scalars
//! (YAML 1.2 §5.7) and line folding (§6.5, §8.1.3).

use super::node::{Node, Yaml, YamlError};

/// Deepest nesting of flow collections read.
const MAX_FLOW_DEPTH: usize = 32;

/// Reads a flow collection that opens and closes on line `no`; a comment
/// may follow it.
pub(super) fn flow(text: &str, no: usize) -> Result<Yaml, YamlError> {
    let mut r = Reader {
        chars: text.char_indices().collect(),
        pos: 0,
        no,
        text,
    };
    let value = r.collection(0)?;
    r.spaces();
    if r.pos < r.chars.len() && r.peek() != Some('#') {
        return Err(r.error("unexpected text after the closing bracket"));
    }
    Ok(value)
}

struct Reader<'a> {
    chars: Vec<(usize, char)>,
    pos: usize,
    no: usize,
    text: &'a str,
}

impl Reader<'_> {
    fn error(&self, message: &str) -> YamlError {
        YamlError {
            line: self.no,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    fn node(&mut self, depth: usize) -> Result<Node, YamlError> {
        Ok(Node {
            value: self.value(depth)?,
            line: self.no,
        })
    }

    fn value(&mut self, depth: usize) -> Result<Yaml, YamlError> {
        self.spaces();
        match self.peek() {
            Some('[' | '{') => self.collection(depth + 1),
            Some('"' | '\'') => self.quoted(),
            Some('&' | '*' | '!') => {
                Err(self.error("anchors (&), aliases (*) and tags (!) are not supported"))
            }
            _ => Ok(self.plain()),
        }
    }

    fn collection(&mut self, depth: usize) -> Result<Yaml, YamlError> {
        if depth > MAX_FLOW_DEPTH {
            return Err(self.error("the structure nests too deeply"));
        }
        let open = self.peek();
        self.pos += 1;
        let close = if open == Some('[') { ']' } else { '}' };
        let mut items = Vec::new();
        let mut entries: Vec<(String, Node)> = Vec::new();
        loop {
            self.spaces();
            match self.peek() {
                None => {
                    return Err(self
                        .error("a flow collection must close on the line it opens ([ ] or { })"))
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    break;
                }
                _ => {}
            }
            if close == ']' {
                items.push(self.node(depth)?);
            } else {
                let key = match self.value(depth)? {
                    Yaml::Scalar { text, .. } => text,
                    Yaml::Null => String::new(),
                    _ => return Err(self.error("a key must be a plain or quoted text")),
                };
                self.spaces();
                let value = if self.peek() == Some(':') {
                    self.pos += 1;
                    self.node(depth)?
                } else {
                    Node {
                        value: Yaml::Null,
                        line: self.no,
                    }
                };
                if entries.iter().any(|(k, _)| *k == key) {
                    return Err(self.error(&format!("the key {key} appears twice")));
                }
                entries.push((key, value));
            }
            self.spaces();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(c) if c == close => {}
                _ => return Err(self.error("expected a comma or the closing bracket")),
            }
        }
        Ok(if close == ']' {
            Yaml::Seq(items)
        } else {
            Yaml::Map(entries)
        })
    }

    fn quoted(&mut self) -> Result<Yaml, YamlError> {
        let q = self.peek();
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if q == Some('"') && c == '\\' {
                self.pos += 1;
            } else if Some(c) == q {
                if q == Some('\'') && self.peek() == Some('\'') {
                    self.pos += 1;
                    continue;
                }
                let from = self.chars[start].0 + 1;
                let to = self.chars[self.pos - 1].0;
                let body = &self.text[from..to];
                let text = if q == Some('"') {
                    unescape(body, self.no)?
                } else {
                    body.replace("''", "'")
                };
                return Ok(Yaml::Scalar { text, plain: false });
            }
        }
        Err(self.error("a quoted value never closes"))
    }

    /// A plain scalar ends at `,`, a closing bracket or `: `.
    fn plain(&mut self) -> Yaml {
        let start = self.pos;
        while let Some(c) = self.peek() {
            let colon = c == ':'
                && matches!(
                    self.chars.get(self.pos + 1).map(|&(_, n)| n),
                    None | Some(' ' | ',' | ']' | '}')
                );
            if matches!(c, ',' | ']' | '}') || colon {
                break;
            }
            self.pos += 1;
        }
        let from = self.chars.get(start).map_or(self.text.len(), |&(i, _)| i);
        let to = self
            .chars
            .get(self.pos)
            .map_or(self.text.len(), |&(i, _)| i);
        let text = self.text[from..to].trim();
        match text {
            "" | "~" | "null" | "Null" | "NULL" => Yaml::Null,
            _ => Yaml::Scalar {
                text: text.to_string(),
                plain: true,
            },
        }
    }
}

/// The text of a double-quoted scalar's body with its escapes read.
pub(super) fn unescape(body: &str, no: usize) -> Result<String, YamlError> {
    let bad = |what: &str| YamlError {
        line: no,
        message: format!("{what} in a double-quoted value"),
    };
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next().ok_or_else(|| bad("a lone backslash"))?;
        let simple = match e {
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            't' | '\t' => Some('\t'),
            'n' => Some('\n'),
            'v' => Some('\u{b}'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{a0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            _ => None,
        };
        if let Some(s) = simple {
            out.push(s);
            continue;
        }
        let digits = match e {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => return Err(bad(&format!("the unknown escape \\{e}"))),
        };
        let hex: String = chars.by_ref().take(digits).collect();
        let code = (hex.len() == digits)
            .then(|| u32::from_str_radix(&hex, 16).ok())
            .flatten()
            .and_then(char::from_u32)
            .ok_or_else(|| bad(&format!("the escape \\{e}{hex}, which is not a character,")))?;
        out.push(code);
    }
    Ok(out)
}

/// Line folding inside a quoted scalar: a line break and the spaces around
/// it become one space, and each blank line a line break. In a
/// double-quoted scalar a `\` before the break joins the lines with
/// nothing between.
pub(super) fn fold(body: &str, escapes: bool) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for (i, part) in body.split('\n').enumerate() {
        let part = if i == 0 {
            part
        } else {
            part.trim_start_matches([' ', '\t'])
        };
        let last = i == body.split('\n').count() - 1;
        let part = if last {
            part
        } else {
            part.trim_end_matches([' ', '\t'])
        };
        if i > 0 {
            if part.is_empty() && !last {
                blank += 1;
                continue;
            }
            if blank > 0 {
                out.push_str(&"\n".repeat(blank));
            } else if escapes && out.ends_with('\\') && !out.ends_with("\\\\") {
                out.pop();
            } else {
                out.push(' ');
            }
            blank = 0;
        }
        out.push_str(part);
    }
    out
}

/// Folding of a `>` block: lines at the content's indentation join with
/// spaces, blank lines and more-indented lines keep their breaks.
pub(super) fn fold_block(lines: &[String]) -> String {
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            let plain = |s: &String| !s.is_empty() && !s.starts_with(' ');
            out.push(if plain(prev) && plain(l) { ' ' } else { '\n' });
        }
        out.push_str(l);
    }
    out
}

/// Where `: ` (or a final `:`) ends a plain key, outside quotes.
pub(super) fn key_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if matches!(bytes.first(), Some(b'"' | b'\'')) {
        let close = quoted_end(text)?;
        let rest = &text[close..];
        return rest
            .trim_start_matches(' ')
            .starts_with(':')
            .then(|| close + (rest.len() - rest.trim_start_matches(' ').len()));
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            b':' if i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t' => {
                return Some(i)
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte just past the closing quote of a one-line quoted scalar.
pub(super) fn quoted_end(text: &str) -> Option<usize> {
    let q = text.chars().next()?;
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Drops a ` # comment` from the end of plain text.
pub(super) fn strip_comment(text: &str) -> &str {
    let cut = text
        .char_indices()
        .find(|&(i, c)| c == '#' && (i == 0 || text[..i].ends_with([' ', '\t'])))
        .map_or(text.len(), |(i, _)| i);
    text[..cut].trim_end()
}
